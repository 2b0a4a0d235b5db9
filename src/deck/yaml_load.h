// Loading untrusted YAML (front matter, diagram blocks) with bounded work.
// Private to deck/.
//
// Promise: no yaml-cpp exception leaves this module. Documents over
// limits.h's size, node count or depth, and any alias (`*name`, the "billion
// laughs" building block) are refused with a located error before a node tree
// is built.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "deck/report.h"

namespace madang::deck {

// Maps a yaml-cpp mark (0-based line, byte column) to a file line:column.
using YamlPlace = std::function<void(const YAML::Mark&, int* line, int* column)>;

// Parses one YAML document; returns false (after reporting) when it cannot be
// used. what names the document in messages ("front matter", "diagram").
bool load_yaml(std::string_view text, const char* what, const YamlPlace& place, Reporter& report,
               YAML::Node* out);

// Helpers for reading a loaded tree; each reports a located error and returns
// false on a wrong type.
struct YamlReader {
  const YamlPlace& place;
  Reporter& report;

  void at(const YAML::Node& node, int* line, int* column) const;
  void error(const YAML::Node& node, const std::string& message) const;
  void warning(const YAML::Node& node, const std::string& message) const;
  bool text(const YAML::Node& node, const std::string& key, std::string* out) const;
  bool boolean(const YAML::Node& node, const std::string& key, bool* out) const;
};

}  // namespace madang::deck
