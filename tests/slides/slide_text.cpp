#include "slide_text.h"

#include <cstdint>

namespace madang::slides_test {

static void collect_text(const deck::Block& block, std::string& out);

static void append_line(std::string& out, const std::string& line) {
  if (line.empty()) return;
  out += line;
  out += '\n';
}

static void collect_diagram(const deck::Diagram& d, std::string& out) {
  append_line(out, d.title);
  for (const std::string& attribute : d.attributes) append_line(out, attribute);
  for (const deck::DiagramNode& node : d.nodes) {
    append_line(out, node.label);
    append_line(out, node.detail);
    for (const std::string& value : node.values) append_line(out, value);
  }
  append_line(out, d.center);
  for (const deck::DiagramEdge& edge : d.edges) {
    append_line(out, edge.label);
    append_line(out, edge.detail);
  }
}

static void collect_text(const deck::Block& block, std::string& out) {
  switch (block.kind) {
    case deck::BlockKind::kHeading:
    case deck::BlockKind::kParagraph:
      append_line(out, deck::plain_text(block.text));
      break;
    case deck::BlockKind::kList:
      for (const deck::ListItem& item : block.items) {
        for (const deck::Block& child : item.blocks) collect_text(child, out);
      }
      break;
    case deck::BlockKind::kTable:
      for (const deck::RichText& cell : block.table.header) append_line(out, deck::plain_text(cell));
      for (const auto& row : block.table.rows) {
        for (const deck::RichText& cell : row) append_line(out, deck::plain_text(cell));
      }
      break;
    case deck::BlockKind::kQuote:
      for (const deck::Block& child : block.children) collect_text(child, out);
      append_line(out, deck::plain_text(block.text));
      break;
    case deck::BlockKind::kCode:
      append_line(out, block.code);
      break;
    case deck::BlockKind::kImage:
      append_line(out, block.image.alt);
      break;
    case deck::BlockKind::kDiagram:
      collect_diagram(block.diagram, out);
      break;
    case deck::BlockKind::kRule:
      break;
  }
}

std::string block_text(const deck::Block& block) {
  std::string out;
  collect_text(block, out);
  return out;
}

std::string slide_text(const deck::Slide& slide) {
  std::string out;
  for (const deck::Block& block : slide.blocks) collect_text(block, out);
  return out;
}

static void collect_blocks(const deck::Block& block, std::vector<const deck::Block*>& out) {
  out.push_back(&block);
  for (const deck::ListItem& item : block.items) {
    for (const deck::Block& child : item.blocks) collect_blocks(child, out);
  }
  for (const deck::Block& child : block.children) collect_blocks(child, out);
}

std::vector<const deck::Block*> all_blocks(const deck::Slide& slide) {
  std::vector<const deck::Block*> out;
  for (const deck::Block& block : slide.blocks) collect_blocks(block, out);
  return out;
}

std::vector<const deck::Diagram*> diagrams(const deck::Slide& slide) {
  std::vector<const deck::Diagram*> out;
  for (const deck::Block* block : all_blocks(slide)) {
    if (block->kind == deck::BlockKind::kDiagram) out.push_back(&block->diagram);
  }
  return out;
}

// Decodes UTF-8 leniently; bad bytes are skipped (the parser guarantees
// valid UTF-8 in the model, so this only matters for raw file text).
template <typename Visit>
static void for_each_code_point(const std::string& text, Visit visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      ++i;
      continue;
    }
    std::uint32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    visit(cp);
    i += length;
  }
}

bool has_hangul(const std::string& text) {
  bool found = false;
  for_each_code_point(text, [&](std::uint32_t cp) {
    if (cp >= 0xAC00 && cp <= 0xD7A3) found = true;
  });
  return found;
}

bool has_extraction_artefact(const std::string& text) {
  bool found = false;
  for_each_code_point(text, [&](std::uint32_t cp) {
    if (cp == 0xF0A7 || cp == 0xFFFD) found = true;
  });
  return found;
}

std::string squash_spaces(const std::string& text) {
  std::string out;
  bool in_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

}  // namespace madang::slides_test
