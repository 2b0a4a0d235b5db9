// The clickable elements of a slide's diagrams, resolved from the deck.
//
// Promise: pure; ids are exactly those layout gives the hit regions
// (layout/diagram_ids.h), so an id from a click, from Tab or from `--select` means
// the same element.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::diagram {

enum class ElementKind { kNode, kEdge, kRow };

struct Element {
  std::string id;   // as in HitRegion::id
  int diagram = 0;  // place among the slide's diagrams
  const deck::Block* block = nullptr;
  ElementKind kind = ElementKind::kNode;
  int index = 0;  // into nodes, edges or attributes
};

// The slide's diagram blocks, in the order layout numbers them.
std::vector<const deck::Block*> diagrams_of(const deck::Slide& slide);

// Every element of every diagram: nodes, then edges, then rows, per diagram.
std::vector<Element> elements_of(const deck::Slide& slide);

std::optional<Element> find_element(const deck::Slide& slide, const std::string& id);

}  // namespace madang::diagram
