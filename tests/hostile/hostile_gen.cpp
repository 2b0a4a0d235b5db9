// Writes issue #15's hostile files into a folder, for the whole-process
// benchmark (tests/bench/hostile_bench.sh) and for trying them by hand:
//   hostile_gen DIR
// Each case is a deck CASE.md (with its images and fonts beside it).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "hostile_inputs.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  namespace h = madang::test::hostile;
  if (argc != 2) {
    std::fprintf(stderr, "usage: hostile_gen DIR\n");
    return 2;
  }
  const fs::path dir = argv[1];
  std::error_code ec;
  fs::create_directories(dir, ec);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  const std::string good = h::small_png();
  write("bomb.png", h::zero_png(20000, 20000));
  write("truncated.png", good.substr(0, good.size() / 2));
  write("header.png", h::header_only_png());
  write("anim.gif", h::gif());
  write("broken.jpg", h::corrupt_jpeg());
  for (const char* image : {"bomb.png", "truncated.png", "header.png", "anim.gif", "broken.jpg"}) {
    const std::string name = std::string(image).substr(0, std::string(image).find('.'));
    write("image-" + name + ".md", std::string("# 그림\n\n![사진](") + image + ")\n");
  }
  write("strike.md", h::strike_deck(600 << 10));
  write("nested.md", h::nested_deck(300000));
  write("table.md", h::table_deck(60, 3800));
  write("code.md", h::code_deck(400000));
  write("flow.md", h::flow_deck(500));
  write("uncovered.md", h::private_use_deck(94, 99));
  // Image filters (issue #25).
  write("filter-big.png", h::zero_png(6000, 6000));
  write("filter-photo.png", h::zero_png(2000, 1500));
  write("filter-tall.png", h::zero_png(1, 20000));
  write("filter-wide.png", h::zero_png(20000, 1));
  write("filter-gradient.png", h::gradient_png(400, 300));
  write("filter-blur.md", "![bg blur:10000px](filter-big.png)\n\n# 흐림\n");
  write("filter-chain.md", h::chained_filters_deck("filter-photo.png", 4000));
  write("filter-thin.md",
        "![bg blur:10000px](filter-tall.png)\n\n# 세로\n\n---\n\n"
        "![bg blur:10000px](filter-wide.png)\n\n# 가로\n");
  write("filter-extreme.md", h::extreme_filters_deck("filter-gradient.png"));
  ::mkfifo((dir / "fifo.ttf").c_str(), 0600);
  ::mkfifo((dir / "deck-fifo.md").c_str(), 0600);
  write("font-fifo.md", "---\nfonts: [./fifo.ttf]\n---\n# 글꼴\n\n본문\n");
  write("font-zero.md", "---\nfonts: [/dev/zero]\n---\n# 글꼴\n\n본문\n");
  std::printf("%s\n", dir.c_str());
  return 0;
}
