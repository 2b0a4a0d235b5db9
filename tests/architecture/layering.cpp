#include "layering.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace madang::test {

namespace fs = std::filesystem;

namespace {

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t`");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t`");
  return s.substr(first, last - first + 1);
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "nothing" : out;
}

}  // namespace

Arrows read_arrows(const std::string& markdown) {
  Arrows arrows;
  std::istringstream in(markdown);
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      in_section = line == "## Allowed arrows";
      continue;
    }
    if (!in_section || line.rfind("| `", 0) != 0) continue;
    const auto bar = line.find('|', 1);
    const auto end = line.rfind('|');
    if (bar == std::string::npos || end <= bar) continue;
    const std::string folder = trim(line.substr(1, bar - 1));
    std::set<std::string>& allowed = arrows[folder];
    std::istringstream cells(line.substr(bar + 1, end - bar - 1));
    std::string name;
    while (std::getline(cells, name, ',')) {
      name = trim(name);
      if (!name.empty() && name != "—") allowed.insert(name);
    }
  }
  return arrows;
}

std::vector<std::string> layering_violations(const std::string& src_dir, const Arrows& arrows) {
  std::vector<std::string> out;
  const fs::path root(src_dir);
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    const std::string folder = entry.path().filename().string();
    if (!arrows.count(folder))
      out.push_back("src/" + folder + "/: a folder with no row in docs/architecture.md");
  }
  static const std::regex include_line(R"(^\s*#\s*include\s*"([A-Za-z0-9_]+)/[^"]+")");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cpp" && ext != ".inc") continue;
    const fs::path rel = fs::relative(entry.path(), root);
    const std::string folder = rel.has_parent_path() ? rel.begin()->string() : std::string("main");
    const auto row = arrows.find(folder);
    if (row == arrows.end()) continue;  // reported above
    std::ifstream file(entry.path());
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
      std::smatch m;
      if (!std::regex_search(line, m, include_line)) continue;
      const std::string target = m[1];
      if (target == folder || !arrows.count(target)) continue;  // own, or not a folder of src/
      if (row->second.count(target)) continue;
      out.push_back("src/" + rel.string() + ":" + std::to_string(number) + ": " + folder +
                    " may not include " + line.substr(line.find('"')) +
                    " (docs/architecture.md allows " + folder + " to include " +
                    joined(row->second) + ")");
    }
  }
  return out;
}

}  // namespace madang::test
