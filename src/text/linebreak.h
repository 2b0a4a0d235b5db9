// Line-break opportunities the way Korean readers expect them.
//
// Promise: a pure function of the text. ICU's line breaker (locale ko) gives
// the candidates; keep-all filtering then removes every break between two
// letters or digits (Hangul, Hanja, Latin, numbers; combining marks belong to
// their base), so lines break between words (어절) only, plus Korean rules:
// no break between a closing bracket/quote and the Hangul after it
// (‘주체’로, (혁신)과), no break before an opening bracket glued to a word,
// and no line starts with · — ― ～ or a closing mark unless it follows a
// space. Hard breaks (\n, U+2028...) are mandatory.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace madang::text {

struct BreakOptions {
  bool syllable_breaking = false;  // also allow breaks between Hangul syllables
};

struct BreakOpportunity {
  std::size_t offset = 0;  // byte offset where the next line would start
  bool mandatory = false;  // after a hard line break
  bool operator==(const BreakOpportunity&) const = default;
};

// Allowed breaks in UTF-8 text, in increasing order, excluding 0 and
// including text.size() (the end is always a break) for non-empty text.
std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8,
                                               const BreakOptions& options = {});

// Same, reusing an ICU line iterator (created for locale ko) for speed.
std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8, const BreakOptions& options,
                                               icu::BreakIterator& line_iterator);

// Just the offsets, for tests and callers that do not care about hard breaks.
std::vector<std::size_t> break_offsets(std::string_view utf8, const BreakOptions& options = {});

// Code point classes the rules use (exposed for tests and paragraph layout).
bool is_hangul(char32_t c);
bool is_hanging_space(char32_t c);  // spaces and hard breaks that hang at a line end

}  // namespace madang::text
