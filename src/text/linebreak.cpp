// Line-break opportunities: ICU candidates, then keep-all and Korean rules.
#include "text/linebreak.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace madang::text {

namespace {

std::uint32_t category_mask(char32_t c) {
  return U_GET_GC_MASK(static_cast<UChar32>(c));
}

// Marks, joiners and selectors belong to the character before them.
bool is_attached(char32_t c) {
  return (category_mask(c) & (U_GC_MN_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0 || c == 0x200D ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool is_word(char32_t c) {
  return (category_mask(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || (category_mask(c) & U_GC_ZS_MASK) != 0;
}

bool is_opening(char32_t c) {
  return (category_mask(c) & (U_GC_PS_MASK | U_GC_PI_MASK)) != 0;
}

bool is_closing(char32_t c) {
  return (category_mask(c) & (U_GC_PE_MASK | U_GC_PF_MASK)) != 0 || c == '\'' || c == '"';
}

// Marks a Korean line must not start with (after a non-space).
bool forbidden_at_start(char32_t c) {
  switch (c) {
    case 0x00B7:  // · middle dot
    case 0x30FB:  // ・
    case 0x2014:  // — em dash
    case 0x2015:  // ― horizontal bar
    case 0xFF5E:  // ～
    case 0x301C:  // 〜
    case 0x2026:  // …
    case 0x2025:  // ‥
    case ',':
    case '.':
    case '!':
    case '?':
    case ':':
    case ';':
    case '%':
    case 0x3001:
    case 0x3002:  // 、 。
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF1A:
    case 0xFF1B:
      return true;
    default:
      return (category_mask(c) & (U_GC_PE_MASK | U_GC_PF_MASK)) != 0;
  }
}

char32_t decode_at(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// The base character before offset i, looking past combining marks.
char32_t base_before(std::string_view s, std::size_t i) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c = 0;
  while (k > 0) {
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
    if (c < 0) return 0xFFFD;
    if (!is_attached(static_cast<char32_t>(c))) return static_cast<char32_t>(c);
  }
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool is_syllable(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}

bool allowed(std::string_view s, std::size_t at, const BreakOptions& options) {
  const char32_t prev = base_before(s, at);
  const char32_t next = decode_at(s, at);
  // ICU offers a break between almost every two Hangul syllables: decide
  // those without asking for general categories.
  if (is_syllable(prev) && is_syllable(next)) return options.syllable_breaking;
  if (is_space(prev)) return true;
  if (is_word(prev) && is_word(next)) {
    return options.syllable_breaking && is_hangul(prev) && is_hangul(next);
  }
  if (is_closing(prev) && is_hangul(next)) return false;  // ‘주체’로, (혁신)과
  if (is_opening(next) && is_word(prev)) return false;    // 대학원(행정학)
  if (forbidden_at_start(next)) return false;
  return true;
}

}  // namespace

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

bool is_hanging_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0x2028 ||
         c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85;
}

std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8, const BreakOptions& options,
                                               icu::BreakIterator& it) {
  std::vector<BreakOpportunity> out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    out.push_back({utf8.size(), true});
    return out;
  }
  it.setText(text, status);
  if (U_SUCCESS(status)) {
    for (int32_t p = it.next(); p != icu::BreakIterator::DONE; p = it.next()) {
      const auto at = static_cast<std::size_t>(p);
      const int32_t rule = it.getRuleStatus();
      const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
      if (at >= utf8.size()) break;
      if (hard || allowed(utf8, at, options)) out.push_back({at, hard});
    }
  }
  // The iterator keeps a shallow clone of `text`; detach it before closing.
  icu::UnicodeString empty;
  it.setText(empty);
  utext_close(text);
  out.push_back({utf8.size(), true});
  return out;
}

std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8, const BreakOptions& options) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale("ko"), status));
  if (U_FAILURE(status) || !it) {
    if (utf8.empty()) return {};
    return {BreakOpportunity{utf8.size(), true}};
  }
  return find_line_breaks(utf8, options, *it);
}

std::vector<std::size_t> break_offsets(std::string_view utf8, const BreakOptions& options) {
  std::vector<std::size_t> out;
  for (const auto& b : find_line_breaks(utf8, options)) out.push_back(b.offset);
  return out;
}

}  // namespace madang::text
