#include "diagram/elements.h"

#include "layout/diagram_ids.h"

namespace madang::diagram {

std::vector<const deck::Block*> diagrams_of(const deck::Slide& slide) {
  // Layout numbers only top-level diagram blocks (layout/blocks.cpp).
  std::vector<const deck::Block*> out;
  for (const deck::Block& b : slide.blocks) {
    if (b.kind == deck::BlockKind::kDiagram) out.push_back(&b);
  }
  return out;
}

std::vector<Element> elements_of(const deck::Slide& slide) {
  std::vector<Element> out;
  const auto blocks = diagrams_of(slide);
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const deck::Block* b = blocks[k];
    const deck::Diagram& d = b->diagram;
    const int dk = static_cast<int>(k);
    const std::string prefix = layout::id_prefix(dk);
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
      out.push_back(
          {layout::node_id(prefix, d.nodes[i].id), dk, b, ElementKind::kNode, static_cast<int>(i)});
    }
    if (d.kind == deck::DiagramKind::kTriangle) {
      for (std::size_t i = 0; i < d.edges.size(); ++i) {
        out.push_back({layout::edge_id(prefix, d.edges[i].from, d.edges[i].to), dk, b,
                       ElementKind::kEdge, static_cast<int>(i)});
      }
    }
    if (d.kind == deck::DiagramKind::kCompare) {
      for (std::size_t i = 0; i < d.attributes.size(); ++i) {
        out.push_back({layout::row_id(prefix, static_cast<int>(i)), dk, b, ElementKind::kRow,
                       static_cast<int>(i)});
      }
    }
  }
  return out;
}

std::optional<Element> find_element(const deck::Slide& slide, const std::string& id) {
  for (Element& e : elements_of(slide)) {
    if (e.id == id) return std::move(e);
  }
  return std::nullopt;
}

}  // namespace madang::diagram
