// Helpers for the deck tests: parse in memory, read diagnostics as the
// "FILE:LINE:COL: severity: message" lines users see.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "deck/parse.h"

namespace madang::deck::test {

inline ParseResult parse(std::string_view text) {
  ParseOptions options;
  options.check_files = false;
  options.base_dir = "/deck";
  return parse_deck(text, "deck.md", options);
}

inline std::vector<std::string> messages(const ParseResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

inline std::string joined(const ParseResult& r) {
  std::string out;
  for (const std::string& m : messages(r)) out += m + "\n";
  return out;
}

// The first diagnostic that contains `part`, or "" when none does.
inline std::string find(const ParseResult& r, std::string_view part) {
  for (const std::string& m : messages(r)) {
    if (m.find(part) != std::string::npos) return m;
  }
  return {};
}

inline int errors(const ParseResult& r) {
  return count_severity(r.diagnostics, Severity::kError);
}
inline int warnings(const ParseResult& r) {
  return count_severity(r.diagnostics, Severity::kWarning);
}

// The only slide's blocks, asserting there is exactly one slide.
inline const std::vector<Block>& blocks(const ParseResult& r) {
  static const std::vector<Block> none;
  EXPECT_EQ(r.deck.slides.size(), 1u) << joined(r);
  return r.deck.slides.empty() ? none : r.deck.slides[0].blocks;
}

}  // namespace madang::deck::test
