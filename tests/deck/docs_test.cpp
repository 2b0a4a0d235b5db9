// Every example fenced as `markdown` in docs/format.md (and docs/kiosk.md) is
// a complete deck that parses with no errors and no warnings.
#include <fstream>
#include <sstream>

#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

struct Example {
  int line = 0;
  std::string text;
};

// Fences of ``` or longer; an example may hold shorter inner fences.
std::vector<Example> markdown_examples(const std::string& doc) {
  std::vector<Example> out;
  std::istringstream in(doc);
  std::string line;
  int number = 0;
  std::size_t open = 0;   // length of the open markdown fence, 0 when none
  std::size_t other = 0;  // length of another open fence
  while (std::getline(in, line)) {
    ++number;
    std::size_t ticks = 0;
    while (ticks < line.size() && line[ticks] == '`') ++ticks;
    if (open > 0) {
      if (ticks >= open && line.find_first_not_of(' ', ticks) == std::string::npos) {
        open = 0;
      } else {
        out.back().text += line + "\n";
      }
    } else if (other > 0) {
      if (ticks >= other && line.find_first_not_of(' ', ticks) == std::string::npos) other = 0;
    } else if (ticks >= 3) {
      if (line.substr(ticks) == "markdown") {
        open = ticks;
        out.push_back({number + 1, {}});
      } else {
        other = ticks;
      }
    }
  }
  return out;
}

// Every markdown example of docs/`doc` parses cleanly into slides.
void expect_clean_examples(const std::string& doc, std::size_t at_least) {
  std::ifstream in(std::string(MADANG_SOURCE_DIR) + "/docs/" + doc);
  ASSERT_TRUE(in) << "docs/" << doc << " not found";
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<Example> examples = markdown_examples(text.str());
  EXPECT_GE(examples.size(), at_least);
  for (const Example& e : examples) {
    const ParseResult r = parse(e.text);
    EXPECT_TRUE(r.diagnostics.empty()) << "example at docs/" << doc << ":" << e.line << "\n"
                                       << joined(r);
    EXPECT_FALSE(r.deck.slides.empty()) << "example at docs/" << doc << ":" << e.line;
  }
}

TEST(Docs, EveryMarkdownExampleParsesCleanly) {
  expect_clean_examples("format.md", 12);
}

TEST(Docs, TheKioskExamplesParseCleanly) {
  expect_clean_examples("kiosk.md", 1);
}

TEST(Docs, ExtractorSeesNestedFences) {
  const auto examples = markdown_examples(
      "text\n````markdown\n# a\n```diagram flow\nsteps: []\n```\n````\n```cpp\nx\n```\n");
  ASSERT_EQ(examples.size(), 1u);
  EXPECT_EQ(examples[0].line, 3);
  EXPECT_EQ(examples[0].text, "# a\n```diagram flow\nsteps: []\n```\n");
}

}  // namespace
}  // namespace madang::deck::test
