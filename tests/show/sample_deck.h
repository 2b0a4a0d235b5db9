// The small deck the show tests share: "# 하나"; "# 둘", whose list of two
// items comes in steps (three in all); "# 셋", a triangle of three nodes (gov,
// market, civil). Each test says what its copy adds — front matter, what a
// slide says besides, slides after "셋" — and gets the deck's text, which
// parse_sample() reads as a deck.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "deck/parse.h"

namespace madang::test {

inline constexpr std::string_view kSampleTriangle = R"(```diagram triangle
nodes:
  - id: gov
    label: 정부
  - id: market
    label: 시장
  - id: civil
    label: 시민사회
```
)";

// What a test's copy of the sample deck adds. Each part is whole lines (ends
// in '\n'); blocks within a part are apart by a blank line, as in the deck.
struct SampleDeck {
  std::string_view front_matter;             // between the `---` lines; none when empty
  std::string_view first;                    // under "# 하나"
  std::string_view second;                   // under "# 둘", before its list
  std::string_view third = kSampleTriangle;  // under "# 셋"
  std::string_view after;                    // slides after "셋" ("# 넷\n")
};

inline std::string sample_deck(const SampleDeck& d) {
  std::string text;
  if (!d.front_matter.empty()) text.append("---\n").append(d.front_matter).append("---\n\n");
  // A slide: its heading, then each block it has after a blank line.
  const auto slide = [&text](std::string_view heading,
                             std::initializer_list<std::string_view> blocks) {
    text.append(heading);
    for (std::string_view block : blocks) {
      if (!block.empty()) text.append("\n").append(block);
    }
  };
  const std::string_view next = "\n---\n\n";
  slide("# 하나\n", {d.first});
  text.append(next);
  slide("# 둘\n", {d.second, "- 가\n- 나\n", "<!-- incremental -->\n"});
  text.append(next);
  slide("# 셋\n", {d.third});
  if (!d.after.empty()) text.append(next).append(d.after);
  return text;
}

// `text` read as the deck `file_name`, without looking for its files; the
// test fails if it has an error.
inline deck::Deck parse_sample(const std::string& text, const std::string& file_name) {
  deck::ParseOptions options;
  options.check_files = false;
  deck::ParseResult r = deck::parse_deck(text, file_name, options);
  EXPECT_FALSE(has_errors(r.diagnostics));
  return r.deck;
}

}  // namespace madang::test
