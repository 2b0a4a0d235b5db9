// Bidi levels through ICU ubidi (UTF-16 inside, byte offsets outside).
#include "text/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/utf8.h>

#include <memory>

namespace madang::text {

namespace {

// Code points that can make text right to left: the RTL blocks and the
// controls that open an RTL context. Anything else leaves a paragraph at
// level 0 throughout, which needs no ICU.
bool may_be_rtl(UChar32 c) {
  return (c >= 0x0590 && c <= 0x08FF) ||    // Hebrew, Arabic, Syriac, Thaana, NKo, ...
         (c >= 0xFB1D && c <= 0xFDFF) ||    // Hebrew and Arabic presentation forms A
         (c >= 0xFE70 && c <= 0xFEFF) ||    // Arabic presentation forms B
         (c >= 0x10800 && c <= 0x10FFF) ||  // historic RTL scripts
         (c >= 0x1E800 && c <= 0x1EFFF) ||  // Adlam, Arabic mathematical symbols, ...
         c == 0x200F || c == 0x202B || c == 0x202E || c == 0x2067;  // RLM, RLE, RLO, RLI
}

struct BidiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

BidiLevels left_to_right(std::size_t size) {
  BidiLevels out;
  if (size > 0) out.runs.push_back({0, size, 0});
  return out;
}

}  // namespace

BidiLevels bidi_levels(std::string_view utf8) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  bool rtl = false;
  for (int32_t i = 0; i < n && !rtl;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    rtl = may_be_rtl(c);
  }
  if (!rtl) return left_to_right(utf8.size());

  // UTF-16 for ICU, remembering the byte where each UTF-16 unit starts.
  std::vector<UChar> u16;
  std::vector<std::size_t> byte_of;  // one per UTF-16 unit, plus the end
  u16.reserve(utf8.size());
  byte_of.reserve(utf8.size() + 1);
  for (int32_t i = 0; i < n;) {
    const auto at = static_cast<std::size_t>(i);
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c > 0xFFFF) {
      u16.push_back(static_cast<UChar>(U16_LEAD(c)));
      u16.push_back(static_cast<UChar>(U16_TRAIL(c)));
      byte_of.push_back(at);
      byte_of.push_back(at);
    } else {
      u16.push_back(static_cast<UChar>(c));
      byte_of.push_back(at);
    }
  }
  byte_of.push_back(utf8.size());

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi(
      ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &status));
  if (U_FAILURE(status) || !bidi) return left_to_right(utf8.size());
  ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), UBIDI_DEFAULT_LTR,
                nullptr, &status);
  if (U_FAILURE(status)) return left_to_right(utf8.size());

  BidiLevels out;
  out.base = static_cast<std::uint8_t>(ubidi_getParaLevel(bidi.get()) & 1);
  const auto length = static_cast<int32_t>(u16.size());
  for (int32_t pos = 0; pos < length;) {
    int32_t limit = length;
    UBiDiLevel level = 0;
    ubidi_getLogicalRun(bidi.get(), pos, &limit, &level);
    if (limit <= pos) break;  // cannot happen; never loop for ever
    const std::size_t begin = byte_of[static_cast<std::size_t>(pos)];
    const std::size_t end = byte_of[static_cast<std::size_t>(limit)];
    if (end > begin) out.runs.push_back({begin, end, static_cast<std::uint8_t>(level)});
    pos = limit;
  }
  if (out.runs.empty() || out.runs.back().end != utf8.size()) return left_to_right(utf8.size());
  return out;
}

std::vector<int> visual_order(const std::vector<std::uint8_t>& levels) {
  std::vector<int> order(levels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (levels.empty()) return order;
  std::vector<UBiDiLevel> l(levels.begin(), levels.end());
  ubidi_reorderVisual(l.data(), static_cast<int32_t>(l.size()), order.data());
  return order;
}

}  // namespace madang::text
