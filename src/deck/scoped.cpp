#include "deck/scoped.h"

#include <algorithm>

#include "deck/front_matter.h"
#include "deck/suggest.h"

namespace madang::deck {

namespace {

std::vector<std::string> words(const std::string& value) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t start = value.find_first_not_of(" \t\n,[]", i);
    if (start == std::string::npos) break;
    std::size_t end = value.find_first_of(" \t\n,[]", start);
    if (end == std::string::npos) end = value.size();
    out.push_back(value.substr(start, end - start));
    i = end;
  }
  return out;
}

const std::vector<std::string>& classes() {
  static const std::vector<std::string> names = {"lead", "small", "invert", "gaia"};
  return names;
}

const DirectiveValue* pick(const LocalDirectives& carry, const LocalDirectives& spots,
                           const char* name) {
  if (auto it = spots.find(name); it != spots.end()) return &it->second;
  if (auto it = carry.find(name); it != carry.end()) return &it->second;
  return nullptr;
}

}  // namespace

bool check_scoped(const std::string& name, const std::string& value, int line, int column,
                  Reporter& report) {
  if (name == "paginate") {
    for (const char* v : {"true", "false", "hold", "skip", "yes", "no", "on", "off"}) {
      if (value == v) return true;
    }
    report.error(line, column, "paginate must be true, false, hold or skip (got '" + value + "')");
    return false;
  }
  if (name == "transition") {
    if (value.empty() || !transition_for(value).empty()) return true;
    report.error(line, column,
                 "unknown transition '" + value + "' (valid: " + kTransitions +
                     ", or one of Marp's, such as cover or push)");
    return false;
  }
  if (name == "class") {
    for (const std::string& word : words(value)) {
      if (std::find(classes().begin(), classes().end(), word) != classes().end()) continue;
      const std::string near = nearest(word, classes());
      report.warning(line, column,
                     "unknown class '" + word + "'" +
                         (near.empty() ? "" : "; did you mean '" + near + "'?") +
                         " (known: " + kClassList + ")");
    }
  }
  return true;
}

Scoped resolve_scoped(const LocalDirectives& carry, const LocalDirectives& spots,
                      const Meta& meta) {
  Scoped s;
  if (const DirectiveValue* v = pick(carry, spots, "header")) {
    s.header = v->value;
    s.header_line = v->line;
  }
  s.footer = meta.footer;
  s.footer_line = meta.footer_line;
  if (const DirectiveValue* v = pick(carry, spots, "footer")) {
    s.footer = v->value;
    s.footer_line = v->line;
  }
  s.paginate = meta.paginate;
  if (const DirectiveValue* v = pick(carry, spots, "paginate")) {
    const std::string& p = v->value;
    s.paginate = p == "true" || p == "yes" || p == "on" || p == "hold";
    s.counted = p != "hold" && p != "skip";
  }
  if (const DirectiveValue* v = pick(carry, spots, "class")) {
    for (std::string word : words(v->value)) {
      if (word == "gaia") word = "invert";
      if (std::find(classes().begin(), classes().end(), word) == classes().end()) continue;
      if (std::find(s.classes.begin(), s.classes.end(), word) == s.classes.end()) {
        s.classes.push_back(word);
      }
    }
  }
  if (const DirectiveValue* v = pick(carry, spots, "transition")) {
    s.transition = transition_for(v->value);
  }
  return s;
}

}  // namespace madang::deck
