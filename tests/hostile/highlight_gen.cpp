// Writes issue #25's hostile decks into a folder, for the benchmark
// (tests/bench/highlight_bench.sh) and for trying them by hand:
//   highlight_gen DIR
// highlight-FENCE.md for every language definition (highlight_inputs.h), and
// highlight-issue.md, the deck of eight 15 KB lines of HTML tags.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "highlight_inputs.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  namespace h = madang::test::hostile;
  if (argc != 2) {
    std::fprintf(stderr, "usage: highlight_gen DIR\n");
    return 2;
  }
  const fs::path dir = argv[1];
  std::error_code ec;
  fs::create_directories(dir, ec);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  int decks = 0;
  for (const std::string& fence : h::highlight_fences()) {
    write("highlight-" + fence + ".md", h::highlight_deck(fence));
    ++decks;
  }
  write("highlight-issue.md", h::html_tags_deck(8, 15000));
  std::printf("%d decks in %s\n", decks + 1, dir.string().c_str());
  return decks > 0 ? 0 : 1;
}
