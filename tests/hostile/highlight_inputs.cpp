#include "highlight_inputs.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

namespace madang::test::hostile {

namespace {

// `unit` again and again, `bytes` long.
std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string line;
  while (line.size() < bytes) line += unit;
  line.resize(bytes);
  return line;
}

std::string trim(const std::string& s) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  const auto b = std::find_if_not(s.begin(), s.end(), space);
  const auto e = std::find_if_not(s.rbegin(), s.rend(), space).base();
  return b < e ? std::string(b, e) : std::string();
}

}  // namespace

std::vector<std::string> highlight_fences() {
  std::ifstream map("/usr/share/source-highlight/lang.map");
  std::vector<std::pair<std::string, std::string>> names;  // name, .lang file
  for (std::string line; std::getline(map, line);) {
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = trim(line.substr(0, eq));
    const std::string file = trim(line.substr(eq + 1));
    // Fences are read in lower case: `C` is `c`, another definition's name.
    const bool lower = std::none_of(name.begin(), name.end(),
                                    [](unsigned char c) { return std::isupper(c) != 0; });
    if (!name.empty() && !file.empty() && lower) names.emplace_back(name, file);
  }
  std::vector<std::string> fences;
  std::set<std::string> files;
  for (const auto& [name, file] : names) {
    if (!files.insert(file).second) continue;
    // The definition's own name when it is one (`cpp`, not `moc`), else the first.
    const std::string own = file.substr(0, file.rfind(".lang"));
    const bool named = std::find(names.begin(), names.end(), std::pair(own, file)) != names.end();
    fences.push_back(named ? own : name);
  }
  return fences;
}

std::string highlight_deck(const std::string& fence, std::size_t bytes) {
  // The shapes that cost Source-highlight most over all its definitions
  // (each definition's costliest is among them; measured on 3 KB lines).
  const std::pair<const char*, std::string> shapes[] = {
      {"brackets", repeat("[a", bytes)},
      {"escaped quotes", repeat("\\\"", bytes)},
      {"tags", repeat("<a href=\"x\" b='y'><b>t</b>", bytes)},
      {"slashes", repeat("/a", bytes)},
      {"attributes", repeat(" a=\"b\"", bytes)},
      {"parentheses", repeat("(", bytes)},
      {"dots", repeat("a.b", bytes)},
      {"dollars", repeat("$a", bytes)},
      {"entities", repeat("&a;", bytes)},
      {"quotes", repeat("\"a'b", bytes)},
      {"comment openers", repeat("/* ", bytes)},
      {"numbers", repeat("1.2e3 0x1F ", bytes)},
      {"ats", repeat("@a ", bytes)},
      {"a word", repeat("a", bytes)},
      {"markup openers", repeat("<!-- <![CDATA[ ", bytes)},
      {"nested tags", repeat("<b><i>", bytes)},
  };
  std::string deck;
  for (const auto& [name, line] : shapes) {
    if (!deck.empty()) deck += "\n---\n\n";
    deck += std::string("# ") + name + "\n\n```" + fence + "\n" + line + "\n```\n";
  }
  return deck;
}

std::string html_tags_deck(int blocks, std::size_t bytes) {
  std::string deck = "# HTML\n";
  for (int i = 0; i < blocks; ++i) deck += "\n```html\n" + repeat("<b>", bytes) + "\n```\n";
  return deck;
}

}  // namespace madang::test::hostile
