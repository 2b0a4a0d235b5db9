// Names of a diagram's clickable elements: layout writes them into the
// display list's HitRegion ids, and diagram/ (which sits above layout) reads
// them back.
//
// Promise: header-only and pure. The first diagram of a slide uses the deck's ids as they are
// ("gov"), so that `--select gov` reads naturally; later diagrams prefix
// theirs ("d1:gov"). Edges are "from-to", compare rows "row-N" (1-based).
#pragma once

#include <string>

namespace madang::layout {

// `index`: the diagram's place among the slide's diagrams (0-based).
inline std::string id_prefix(int index) {
  return index == 0 ? std::string() : "d" + std::to_string(index) + ":";
}

inline std::string node_id(const std::string& prefix, const std::string& node) {
  return prefix + node;
}

inline std::string edge_id(const std::string& prefix, const std::string& from,
                           const std::string& to) {
  return prefix + from + "-" + to;
}

// `row`: 0-based attribute index.
inline std::string row_id(const std::string& prefix, int row) {
  return prefix + "row-" + std::to_string(row + 1);
}

}  // namespace madang::layout
