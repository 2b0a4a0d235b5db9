// Highlighting bounded in work, not bytes (issue #25): a block whose lines
// make Source-highlight's regular expressions superlinear is highlighted up
// to its bound, the same as unbounded highlighting up to there, and plain
// after; ordinary code is highlighted exactly as Source-highlight's own
// highlighter does, bounds or not.
#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "deck/code_highlight.h"
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

constexpr const char* kDataDir = "/usr/share/source-highlight";

// ------------------------------------------------------------ the reference

class ReferenceSink : public srchilite::Formatter {
 public:
  ReferenceSink(std::optional<CodeTokenKind> kind, std::vector<CodeToken>* out,
                const std::size_t* line_start)
      : kind_(kind), out_(out), line_start_(line_start) {}
  void format(const std::string& s, const srchilite::FormatterParams* params) override {
    if (!kind_ || s.empty() || params == nullptr || params->start < 0) return;
    const auto begin =
        static_cast<std::uint32_t>(*line_start_ + static_cast<std::size_t>(params->start));
    const auto end = static_cast<std::uint32_t>(begin + s.size());
    if (!out_->empty() && out_->back().kind == *kind_ && out_->back().end == begin) {
      out_->back().end = end;
      return;
    }
    out_->push_back(CodeToken{begin, end, *kind_});
  }

 private:
  std::optional<CodeTokenKind> kind_;
  std::vector<CodeToken>* out_;
  const std::size_t* line_start_;
};

// Source-highlight's own highlighting of `code` (its rules, its highlighter,
// no bound), as tokens: what CodeHighlighter gave before it was bounded.
std::vector<CodeToken> reference(const std::string& language, std::string_view code) {
  srchilite::LangMap map(kDataDir, "lang.map");
  map.open();
  const std::string file = map.getMappedFileName(language);
  EXPECT_FALSE(file.empty()) << language;
  if (file.empty()) return {};
  srchilite::RegexRuleFactory rules;
  srchilite::LangDefManager definitions(&rules);
  std::vector<CodeToken> tokens;
  std::size_t line_start = 0;
  srchilite::FormatterManager formatters(
      srchilite::FormatterPtr(new ReferenceSink(std::nullopt, &tokens, &line_start)));
  for (const char* element :
       {"keyword", "preproc", "type", "usertype", "classname", "string", "regexp", "specialchar",
        "comment", "number", "function", "predef_func"}) {
    formatters.addFormatter(element, srchilite::FormatterPtr(new ReferenceSink(
                                         code_token_kind(element), &tokens, &line_start)));
  }
  srchilite::FormatterParams params;
  srchilite::SourceHighlighter highlighter(definitions.getHighlightState(kDataDir, file));
  highlighter.setFormatterManager(&formatters);
  highlighter.setFormatterParams(&params);
  while (line_start < code.size()) {
    std::size_t end = code.find('\n', line_start);
    if (end == std::string_view::npos) end = code.size();
    highlighter.highlightParagraph(std::string(code.substr(line_start, end - line_start)));
    line_start = end + 1;
  }
  return tokens;
}

std::string show(std::string_view code, const std::vector<CodeToken>& tokens) {
  std::string out;
  for (const CodeToken& t : tokens) {
    out += std::to_string(t.begin) + ":" + std::to_string(static_cast<int>(t.kind)) + " '" +
           std::string(code.substr(t.begin, std::min<std::size_t>(t.end - t.begin, 40))) + "'\n";
  }
  return out;
}

// `code` as `n` bytes or a little less: whole lines of it, repeated.
std::string repeated_lines(const std::string& code, std::size_t n) {
  std::string out;
  while (out.size() + code.size() + 1 <= n) out += code + "\n";
  if (!out.empty()) out.pop_back();
  return out;
}

// ------------------------------------------------------------ ordinary code

struct Snippet {
  const char* language;
  const char* code;
};

const Snippet kOrdinary[] = {
    {"cpp",
     "#include <vector>\n// 합계\ntemplate <typename T>\nT sum(const std::vector<T>& v) {\n"
     "  T total{};\n  for (const T& x : v) total += x;  /* 더하기 */\n  return total;\n}\n"
     "int main() {\n  std::vector<int> v{1, 2, 3};\n  return sum(v) == 6 ? 0 : 0x1F;\n}"},
    {"c",
     "#include <stdio.h>\nstatic int count = 0;\nint main(int argc, char **argv) {\n"
     "  printf(\"%d \\\"args\\\"\\n\", argc);\n  return 0;\n}"},
    {"python",
     "import os\n\n\nclass Deck:\n    \"\"\"슬라이드 묶음.\"\"\"\n\n    def __init__(self, path):\n"
     "        self.path = path  # 경로\n        self.slides = []\n\n    def load(self):\n"
     "        with open(self.path, encoding='utf-8') as f:\n"
     "            return [s for s in f.read().split('---') if s.strip()]\n\n"
     "print(f\"{len(Deck('a.md').load())} slides\", 3.14, 0x10)"},
    {"js",
     "// 시계\nconst start = Date.now();\nfunction elapsed(now = Date.now()) {\n"
     "  const s = Math.floor((now - start) / 1000);\n  return `${s} s`;\n}\n"
     "export default { elapsed, re: /a+b/g, n: 42, s: 'x' };"},
    {"typescript",
     "interface Slide { title: string; steps: number }\nexport function count(s: Slide[]): number "
     "{\n  return s.reduce((n, x) => n + x.steps, 0);\n}"},
    {"sh",
     "#!/bin/sh\nset -eu\n# 빌드\nfor f in \"$@\"; do\n  echo \"building $f\" >&2\n"
     "  cmake --build \"${BUILD:-build}\" --target \"$f\" || exit 1\ndone\n"
     "cat <<EOF\ndone: $(date)\nEOF"},
    {"json",
     "{\n  \"name\": \"madang\",\n  \"version\": 3,\n  \"slides\": [1, 2.5, true, null],\n"
     "  \"nested\": {\"a\": \"b\\\"c\"}\n}"},
    {"sql",
     "-- 발표 기록\nSELECT s.id, COUNT(*) AS runs, AVG(r.seconds)\nFROM slides s\n"
     "JOIN runs r ON r.slide = s.id\nWHERE r.deck = 'lecture.md' AND r.seconds > 1.5\n"
     "GROUP BY s.id\nORDER BY runs DESC;"},
    {"java",
     "package kr.madang;\n\nimport java.util.List;\n\n/** 덱. */\npublic final class Deck {\n"
     "  private final List<String> slides;\n  @Override\n  public String toString() {\n"
     "    return \"Deck(\" + slides.size() + \")\";\n  }\n}"},
    {"rust",
     "use std::fs;\n\n/// 덱을 읽는다\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n"
     "    let text = fs::read_to_string(\"deck.md\")?;\n    let raw = r#\"a \"quoted\" b\"#;\n"
     "    println!(\"{} {}\", text.len(), raw);\n    Ok(())\n}"},
    {"go",
     "package main\n\nimport \"fmt\"\n\n// 슬라이드\ntype Slide struct {\n\tTitle string\n}\n\n"
     "func main() {\n\ts := []Slide{{Title: `raw`}}\n\tfmt.Println(len(s), 3.5)\n}"},
    {"css",
     "/* 테마 */\nbody {\n  font-family: \"Noto Sans KR\", sans-serif;\n  margin: 0 auto;\n}\n"
     "h1 > a:hover { color: #0366d6; padding: 4px 1.5em; }\n@media (max-width: 600px) {\n"
     "  .slide { display: none !important; }\n}"},
    {"html",
     "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n  <meta charset=\"utf-8\">\n"
     "  <title>마당</title>\n  <!-- 주석 -->\n</head>\n<body class='deck' data-n=3>\n"
     "  <p>글 <a href=\"https://example.org\">링크</a> &amp; 끝</p>\n</body>\n</html>"},
    {"xml",
     "<?xml version=\"1.0\"?>\n<deck lang=\"ko\">\n  <![CDATA[ a < b ]]>\n"
     "  <slide n='1'>제목</slide>\n  <!-- 끝 -->\n</deck>"},
    {"ruby",
     "# 덱\nclass Deck\n  attr_reader :slides\n  def initialize(path)\n    @slides = "
     "File.read(path).split(/^---$/)\n  end\nend\nputs Deck.new('a.md').slides.size"},
    {"perl", "#!/usr/bin/perl\nuse strict;\nmy %n = (a => 1);\nprint \"$n{a}\\n\" if $x =~ /ab+/;"},
    {"php",
     "<?php\n// 덱\n$slides = explode('---', file_get_contents(\"deck.md\"));\necho "
     "count($slides);"},
    {"lua",
     "-- 덱\nlocal slides = {}\nfor i = 1, 10 do\n  slides[i] = \"slide \" .. i\nend\n--[[ 끝 ]]"},
    {"haskell",
     "-- 덱\nmodule Main where\nmain :: IO ()\nmain = putStrLn \"마당\" >> print (1 + 2)"},
    {"csharp",
     "using System;\nnamespace Madang {\n  class Deck {\n    static void Main() {\n"
     "      Console.WriteLine(\"덱 {0}\", 3);\n    }\n  }\n}"},
    {"scala",
     "object Deck extends App {\n  val n = List(1, 2, 3).map(_ * 2)\n  println(s\"$n\")\n}"},
    {"makefile", "CXX ?= g++\nall: madang\n\nmadang: main.o\n\t$(CXX) -o $@ $^  # 링크\n"},
};

TEST(HighlightBounds, OrdinaryCodeIsHighlightedAsSourceHighlightDoes) {
  for (const Snippet& s : kOrdinary) {
    SCOPED_TRACE(s.language);
    const std::string language = std::string(s.language) == "typescript" ? "js"
                                 : std::string(s.language) == "rust"     ? "rs"
                                                                         : s.language;
    const std::vector<CodeToken> want = reference(language, s.code);
    EXPECT_FALSE(want.empty());
    CodeHighlighter bounded;
    EXPECT_EQ(bounded.highlight(s.language, s.code), want) << show(s.code, want);
    // Through the deck, as a user writes it.
    const ParseResult r = parse(std::string("```") + s.language + "\n" + s.code + "\n```\n");
    ASSERT_EQ(blocks(r).size(), 1u);
    EXPECT_EQ(blocks(r)[0].code, s.code);
    EXPECT_EQ(blocks(r)[0].code_tokens, want);
  }
}

TEST(HighlightBounds, ABlockOfOrdinaryCodeAtTheByteCapIsHighlightedWhole) {
  for (const Snippet& s : kOrdinary) {
    SCOPED_TRACE(s.language);
    const std::string language = std::string(s.language) == "typescript" ? "js"
                                 : std::string(s.language) == "rust"     ? "rs"
                                                                         : s.language;
    const std::string code = repeated_lines(s.code, kMaxHighlightedBytes);
    CodeHighlighter bounded;
    EXPECT_EQ(bounded.highlight(s.language, code), reference(language, code));
    // Well within its steps.
    EXPECT_LT(bounded.steps(), code.size() * kHighlightStepsPerByte / 2);
  }
}

// The code blocks of the decks and documents in this repository.
TEST(HighlightBounds, TheRepositorysCodeIsHighlightedAsSourceHighlightDoes) {
  namespace fs = std::filesystem;
  int compared = 0;
  for (const char* folder : {"slides", "docs"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(MADANG_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".md") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      ParseOptions options;
      options.check_files = false;
      const ParseResult r = parse_deck(text.str(), entry.path().string(), options);
      for (const Slide& slide : r.deck.slides) {
        for (const Block& b : slide.blocks) {
          if (b.kind != BlockKind::kCode || b.code_tokens.empty()) continue;
          const std::string word = b.info.substr(0, b.info.find_first_of(" \t"));
          SCOPED_TRACE(entry.path().filename().string() + ":" + std::to_string(b.line));
          EXPECT_EQ(b.code_tokens, reference(word, b.code));
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 0);
}

// ------------------------------------------------------------ pathological code

// An HTML line of `n` bytes of nested tags, attributes and strings: at every
// token, each of the definition's expressions searches the rest of the line.
std::string html_line(std::size_t n) {
  std::string line;
  while (line.size() < n) line += "<a href=\"x\" b='y'><b>t</b>";
  return line.substr(0, n);
}

TEST(HighlightBounds, APathologicalLineIsHighlightedUpToTheBoundThenPlain) {
  const std::string first = "<p class=\"a\">하나</p>";
  const std::string last = "<p class=\"b\">둘</p>";
  const std::string code = first + "\n" + html_line(3000) + "\n" + last;
  const std::size_t line2 = first.size() + 1;
  const std::size_t line3 = code.size() - last.size();
  const std::vector<CodeToken> unbounded = reference("html", code);
  ASSERT_FALSE(unbounded.empty());
  ASSERT_GE(unbounded.back().begin, line3);  // unbounded, the last line has tokens

  const ParseResult r = parse("```html\n" + code + "\n```\n");
  ASSERT_EQ(blocks(r).size(), 1u);
  const Block& b = blocks(r)[0];
  EXPECT_EQ(b.code, code);  // the code is all there
  const std::vector<CodeToken>& tokens = b.code_tokens;
  ASSERT_FALSE(tokens.empty());
  // The first line as ever, tokens into the long line, none after it.
  EXPECT_LT(tokens.front().end, line2);
  EXPECT_GT(tokens.back().begin, line2 + 100);
  EXPECT_LT(tokens.back().end, line3 - 100);
  // What was highlighted is what unbounded highlighting gives (the last
  // token maybe cut short).
  ASSERT_LT(tokens.size(), unbounded.size());
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) EXPECT_EQ(tokens[i], unbounded[i]) << i;
  EXPECT_EQ(tokens.back().begin, unbounded[tokens.size() - 1].begin);
  EXPECT_EQ(tokens.back().kind, unbounded[tokens.size() - 1].kind);
  EXPECT_LE(tokens.back().end, unbounded[tokens.size() - 1].end);
}

TEST(HighlightBounds, TheStepsOfABlockAreBoundedByItsBytesAndLines) {
  const std::string code = "x = 1\n" + html_line(6000);
  CodeHighlighter highlighter;
  const std::vector<CodeToken> tokens = highlighter.highlight("html", code);
  EXPECT_FALSE(tokens.empty());
  EXPECT_EQ(highlighter.steps(), code.size() * kHighlightStepsPerByte + 2 * kHighlightStepsPerLine);
  // Deterministic: the same tokens for the same code, whatever the machine.
  CodeHighlighter again;
  EXPECT_EQ(again.highlight("html", code), tokens);
  EXPECT_EQ(again.steps(), highlighter.steps());
  // The bounds are the highlighter's: with none, the line is highlighted to its end.
  CodeHighlighter unbounded(HighlightBounds::none());
  const std::vector<CodeToken> all = unbounded.highlight("html", code);
  EXPECT_GT(unbounded.steps(), highlighter.steps());
  EXPECT_GT(all.back().end, code.size() - 30);
}

TEST(HighlightBounds, ADecksStepsRunOutAndTheLaterBlocksArePlain) {
  // Sixteen blocks of 8000 bytes: within the byte caps, past the deck's steps.
  std::string deck;
  const std::string block = "```html\n" + html_line(8000) + "\n```\n\n";
  for (int i = 0; i < 16; ++i) deck += block;
  const ParseResult r = parse(deck);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 16u);
  EXPECT_FALSE(b.front().code_tokens.empty());
  EXPECT_TRUE(b.back().code_tokens.empty());
  for (const Block& each : b) EXPECT_EQ(each.code, html_line(8000));

  CodeHighlighter highlighter;
  for (int i = 0; i < 16; ++i) highlighter.highlight("html", html_line(8000));
  EXPECT_EQ(highlighter.steps(), kMaxHighlightDeckSteps);
}

}  // namespace
}  // namespace madang::deck::test
