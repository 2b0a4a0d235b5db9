#include "deck/emoji.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

namespace madang::deck {

namespace {

struct Shortcode {
  const char* name;
  const char* emoji;
};

// Sorted by name in byte order (scripts/emoji_shortcodes.py).
constexpr Shortcode kShortcodes[] = {
#include "emoji_shortcodes.inc"
};

constexpr std::size_t kLongestName = 80;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '+' || c == '-';
}

// markdown-it-emoji replaces a shortcode only at the start of the text or
// after a separator, punctuation or a control character (its ZPCc).
bool may_follow(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  if (c < 0) return true;
  return (U_GET_GC_MASK(c) & (U_GC_Z_MASK | U_GC_P_MASK | U_GC_CC_MASK)) != 0;
}

}  // namespace

std::string_view emoji_for(std::string_view name) {
  const auto it = std::lower_bound(
      std::begin(kShortcodes), std::end(kShortcodes), name,
      [](const Shortcode& s, std::string_view n) { return std::string_view(s.name) < n; });
  if (it == std::end(kShortcodes) || std::string_view(it->name) != name) return {};
  return it->emoji;
}

std::string replace_emoji_shortcodes(std::string_view text) {
  std::string out;
  std::size_t copied = 0;  // text before this is in `out`
  std::size_t i = text.find(':');
  while (i != std::string_view::npos && i + 2 < text.size()) {
    std::size_t end = i + 1;
    while (end < text.size() && end - i <= kLongestName && name_char(text[end])) ++end;
    if (end < text.size() && text[end] == ':' && end > i + 1 && may_follow(text, i)) {
      const std::string_view emoji = emoji_for(text.substr(i + 1, end - i - 1));
      if (!emoji.empty()) {
        out.append(text.substr(copied, i - copied));
        out.append(emoji);
        copied = end + 1;
        i = text.find(':', copied);
        continue;
      }
    }
    // The closing colon may open the next shortcode (`:a::smile:`).
    i = text.find(':', i + 1);
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

}  // namespace madang::deck
