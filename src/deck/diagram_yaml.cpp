#include "deck/diagram_yaml.h"

#include <algorithm>
#include <set>

#include "deck/limits.h"
#include "deck/suggest.h"
#include "deck/yaml_load.h"

namespace madang::deck {

namespace {

// "; did you mean 'label'?" when `word` is a typo of one of `valid`, else
// "; valid: a, b, c".
std::string hint(const std::string& word, const std::vector<std::string>& valid) {
  const std::string near = nearest(word, valid);
  return near.empty() ? "; valid: " + join_names(valid) : "; did you mean '" + near + "'?";
}

struct Reader {
  const YamlReader& yaml;
  std::set<std::string> ids;

  // Reads one node/step/item map; extra_keys are allowed besides id, label
  // and detail (compare attributes). Returns false when it is not usable.
  // A key that is a typo of an extra key goes to `misspelt` as the key meant
  // (its one warning says so; the caller does not warn of it again).
  bool node(const YAML::Node& map, const char* what, const std::vector<std::string>& extra_keys,
            DiagramNode* out, std::vector<std::pair<std::string, YAML::Node>>* extras,
            std::set<std::string>* misspelt = nullptr) {
    int line = 0, column = 0;
    yaml.at(map, &line, &column);
    out->line = line;
    out->column = column;
    if (!map.IsMap()) {
      yaml.error(map, std::string(what) + " must be a map with 'id' and 'label'");
      return false;
    }
    bool has_id = false, has_label = false;
    for (const auto& entry : map) {
      if (!entry.first.IsScalar()) {
        yaml.error(entry.first, "keys must be plain words");
        continue;
      }
      const std::string key = entry.first.Scalar();
      if (key == "id") {
        has_id = yaml.text(entry.second, key, &out->id) && !out->id.empty();
      } else if (key == "label") {
        has_label = yaml.text(entry.second, key, &out->label);
      } else if (key == "detail") {
        yaml.text(entry.second, key, &out->detail);
      } else if (std::find(extra_keys.begin(), extra_keys.end(), key) != extra_keys.end()) {
        extras->emplace_back(key, entry.second);
      } else {
        std::vector<std::string> valid = {"id", "label", "detail"};
        valid.insert(valid.end(), extra_keys.begin(), extra_keys.end());
        const std::string near = nearest(key, valid);
        if (misspelt && !near.empty()) misspelt->insert(near);
        yaml.warning(entry.first, "unknown key '" + key + "' in " + what + hint(key, valid));
      }
    }
    if (!has_id) {
      yaml.error(map, std::string(what) + " needs an 'id'");
      return false;
    }
    if (!has_label) yaml.error(map, std::string(what) + " '" + out->id + "' needs a 'label'");
    if (!ids.insert(out->id).second) {
      yaml.error(map["id"], "duplicate id '" + out->id + "'");
      return false;
    }
    return true;
  }

  bool sequence(const YAML::Node& node, const std::string& key) {
    if (node.IsSequence()) return true;
    yaml.error(node, "'" + key + "' must be a list");
    return false;
  }
};

// An error above a documented cap (limits.h); the elements past it are left out.
template <typename T>
void cap(const YamlReader& yaml, const YAML::Node& at, std::vector<T>* elements, std::size_t max,
         const std::string& what) {
  if (elements->size() <= max) return;
  yaml.error(at, "a diagram can have at most " + std::to_string(max) + " " + what +
                     ", this one has " + std::to_string(elements->size()) +
                     "; the rest are left out");
  elements->resize(max);
}

void warn_unknown(const YamlReader& yaml, const YAML::Node& root,
                  const std::vector<std::string>& known, const std::string& kind) {
  for (const auto& entry : root) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    yaml.warning(entry.first,
                 "unknown key '" + key + "' in a " + kind + " diagram" + hint(key, known));
  }
}

void read_triangle(const YAML::Node& root, Reader& r, Diagram* d) {
  const YamlReader& y = r.yaml;
  warn_unknown(y, root, {"title", "nodes", "center", "edges"}, "triangle");
  const YAML::Node nodes = root["nodes"];
  if (!nodes || nodes.IsNull()) {
    y.error(root, "a triangle needs exactly 3 nodes, found 0");
  } else if (r.sequence(nodes, "nodes")) {
    if (nodes.size() != 3) {
      y.error(nodes, "a triangle needs exactly 3 nodes, found " + std::to_string(nodes.size()));
    }
    for (const YAML::Node& n : nodes) {
      DiagramNode node;
      std::vector<std::pair<std::string, YAML::Node>> extras;
      if (r.node(n, "node", {}, &node, &extras)) d->nodes.push_back(std::move(node));
    }
  }
  if (root["center"]) y.text(root["center"], "center", &d->center);
  const YAML::Node edges = root["edges"];
  if (!edges || edges.IsNull() || !r.sequence(edges, "edges")) return;
  for (const YAML::Node& e : edges) {
    DiagramEdge edge;
    int line = 0, column = 0;
    y.at(e, &line, &column);
    edge.line = line;
    if (!e.IsMap()) {
      y.error(e, "an edge must be a map with 'from' and 'to'");
      continue;
    }
    bool ok = true;
    for (const auto& entry : e) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      std::string* field = key == "from"     ? &edge.from
                           : key == "to"     ? &edge.to
                           : key == "label"  ? &edge.label
                           : key == "detail" ? &edge.detail
                                             : nullptr;
      if (field == nullptr) {
        y.warning(entry.first, "unknown key '" + key + "' in edge" +
                                   hint(key, {"from", "to", "label", "detail"}));
        continue;
      }
      ok = y.text(entry.second, key, field) && ok;
      if ((key == "from" || key == "to") && !field->empty() && !r.ids.count(*field)) {
        y.error(entry.second,
                "unknown node id '" + *field + "'" +
                    hint(*field, std::vector<std::string>(r.ids.begin(), r.ids.end())));
        ok = false;
      }
    }
    for (const char* need : {"from", "to"}) {
      if (!e[need]) {
        y.error(e, std::string("an edge needs '") + need + "'");
        ok = false;
      }
    }
    if (ok) d->edges.push_back(std::move(edge));
  }
  cap(y, edges, &d->edges, limits::kMaxTriangleEdges, "edges");
}

void read_compare(const YAML::Node& root, Reader& r, Diagram* d) {
  const YamlReader& y = r.yaml;
  warn_unknown(y, root, {"title", "attributes", "items"}, "compare");
  const YAML::Node attributes = root["attributes"];
  if (!attributes || attributes.IsNull()) {
    y.error(root, "a compare diagram needs 'attributes'");
  } else if (r.sequence(attributes, "attributes")) {
    std::set<std::string> seen;
    for (const YAML::Node& a : attributes) {
      std::string name;
      if (!a.IsScalar()) {
        y.error(a, "an attribute must be a name");
      } else if (!seen.insert(a.Scalar()).second) {
        y.error(a, "duplicate attribute '" + a.Scalar() + "'");
      } else {
        d->attributes.push_back(a.Scalar());
      }
    }
    cap(y, attributes, &d->attributes, limits::kMaxCompareAttributes, "attributes");
  }
  const YAML::Node items = root["items"];
  if (!items || items.IsNull()) {
    y.error(root, "a compare diagram needs 'items'");
    return;
  }
  if (!r.sequence(items, "items")) return;
  for (const YAML::Node& it : items) {
    DiagramNode node;
    std::vector<std::pair<std::string, YAML::Node>> extras;
    std::set<std::string> misspelt;
    if (!r.node(it, "item", d->attributes, &node, &extras, &misspelt)) continue;
    for (const std::string& attribute : d->attributes) {
      std::string value;
      bool found = false;
      for (const auto& [key, v] : extras) {
        if (key == attribute) found = y.text(v, attribute, &value);
      }
      if (!found && !misspelt.count(attribute)) {
        y.warning(it, "item '" + node.id + "' has no value for '" + attribute + "'");
      }
      node.values.push_back(value);
    }
    d->nodes.push_back(std::move(node));
  }
  cap(y, items, &d->nodes, limits::kMaxCompareItems, "items");
}

void read_flow(const YAML::Node& root, Reader& r, Diagram* d) {
  const YamlReader& y = r.yaml;
  warn_unknown(y, root, {"title", "steps", "stepped"}, "flow");
  if (root["stepped"]) y.boolean(root["stepped"], "stepped", &d->stepped);
  const YAML::Node steps = root["steps"];
  if (!steps || steps.IsNull()) {
    y.error(root, "a flow diagram needs 'steps'");
    return;
  }
  if (!r.sequence(steps, "steps")) return;
  for (const YAML::Node& s : steps) {
    DiagramNode node;
    std::vector<std::pair<std::string, YAML::Node>> extras;
    if (r.node(s, "step", {}, &node, &extras)) d->nodes.push_back(std::move(node));
  }
  cap(y, steps, &d->nodes, limits::kMaxFlowSteps, "steps");
}

}  // namespace

bool read_diagram(const DiagramSource& source, const LineIndex& lines, Reporter& report,
                  Diagram* out) {
  if (source.kind == "triangle") {
    out->kind = DiagramKind::kTriangle;
  } else if (source.kind == "compare") {
    out->kind = DiagramKind::kCompare;
  } else if (source.kind == "flow") {
    out->kind = DiagramKind::kFlow;
  } else {
    const std::string near = nearest(source.kind, {"triangle", "compare", "flow"});
    report.error(source.fence_line, source.fence_column,
                 (source.kind.empty() ? std::string("diagram kind missing")
                                      : "unknown diagram kind '" + source.kind + "'") +
                     (near.empty() ? std::string(" (valid: triangle, compare, flow)")
                                   : "; did you mean '" + near + "'?"));
    return false;
  }
  const YamlPlace place = [&](const YAML::Mark& mark, int* line, int* column) {
    if (mark.is_null()) {
      *line = source.fence_line;
      *column = source.fence_column;
      return;
    }
    *line = source.fence_line + mark.line + 1;
    *column = lines.column(*line, mark.column + source.fence_column);
  };
  YAML::Node loaded;
  if (!load_yaml(source.yaml, "diagram", place, report, &loaded)) return false;
  const YamlReader yaml{place, report};
  if (loaded.IsNull()) loaded = YAML::Node(YAML::NodeType::Map);
  // Only const access from here: yaml-cpp's non-const operator[] adds keys.
  const YAML::Node& root = loaded;
  if (!root.IsMap()) {
    yaml.error(root, "a diagram must be 'key: value' lines");
    return false;
  }
  try {
    if (root["title"]) yaml.text(root["title"], "title", &out->title);
    Reader reader{yaml, {}};
    switch (out->kind) {
      case DiagramKind::kTriangle:
        read_triangle(root, reader, out);
        break;
      case DiagramKind::kCompare:
        read_compare(root, reader, out);
        break;
      case DiagramKind::kFlow:
        read_flow(root, reader, out);
        break;
    }
  } catch (const std::exception& e) {
    // yaml-cpp's accessors may throw on odd trees; keep that inside deck/.
    report.error(source.fence_line, source.fence_column,
                 std::string("cannot read diagram: ") + e.what());
    return false;
  }
  return true;
}

}  // namespace madang::deck
