// The layering of src/ against docs/architecture.md, and the checker itself
// on a tree made to break it (so a test that passes is not one that cannot fail).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "layering.h"
#include "temp_dir.h"

namespace madang::test {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

const char* kTable = R"(# x

## Allowed arrows

| folder | may include |
|---|---|
| `io` | — |
| `deck` | `io` |
| `layout` | `deck`, `io` |
| `show` | `deck`, `layout` |
| `main` | `show` |

## Words
| `ignored` | `show` |
)";

TEST(Architecture, TheTableIsReadFromItsSection) {
  const Arrows arrows = read_arrows(kTable);
  ASSERT_EQ(arrows.size(), 5u);
  EXPECT_TRUE(arrows.at("io").empty());
  EXPECT_EQ(arrows.at("layout"), (std::set<std::string>{"deck", "io"}));
  EXPECT_EQ(arrows.count("ignored"), 0u);
}

TEST(Architecture, EveryIncludeFollowsAnAllowedArrow) {
  const fs::path source(MADANG_SOURCE_DIR);
  const Arrows arrows = read_arrows(read_text(source / "docs/architecture.md"));
  ASSERT_GE(arrows.size(), 10u) << "docs/architecture.md has no table of allowed arrows";
  const std::vector<std::string> violations =
      layering_violations((source / "src").string(), arrows);
  std::string all;
  for (const std::string& v : violations) all += v + "\n";
  EXPECT_TRUE(violations.empty()) << all;
}

TEST(Architecture, AnIncludeThatGoesUpIsNamedWithItsFileAndLine) {
  const test::TempDir temp("layering");
  const fs::path root = temp.path();
  write_text(root / "src/deck/deck.h", "#pragma once\n#include \"io/files.h\"\n");
  write_text(root / "src/layout/blocks.cpp",
             "#include \"layout/layout.h\"\n#include <vector>\n#include \"show/show.h\"\n");
  write_text(root / "src/main.cpp", "#include \"show/show.h\"\n#include \"deck/deck.h\"\n");
  write_text(root / "src/newfolder/x.h", "#pragma once\n");
  const std::vector<std::string> v =
      layering_violations((root / "src").string(), read_arrows(kTable));
  ASSERT_EQ(v.size(), 3u);
  std::set<std::string> got(v.begin(), v.end());
  EXPECT_TRUE(got.count("src/newfolder/: a folder with no row in docs/architecture.md"));
  EXPECT_TRUE(
      got.count("src/layout/blocks.cpp:3: layout may not include \"show/show.h\" "
                "(docs/architecture.md allows layout to include deck, io)"));
  EXPECT_TRUE(
      got.count("src/main.cpp:2: main may not include \"deck/deck.h\" "
                "(docs/architecture.md allows main to include show)"));
}

}  // namespace
}  // namespace madang::test
