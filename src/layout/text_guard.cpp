// What paragraph_fragment does around text::layout_paragraph so that any text
// stays bounded and every problem with it is located in the deck:
//   - text past what a slide could ever show is cut before shaping (a 400,000
//     line code block costs the lines a slide holds, not 400,000), and the
//     cut is reported where it happens;
//   - characters no font has are reported once per character, at their first
//     place, naming the missing default font that would have had them.
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "layout/fragment.h"

namespace madang::layout {

namespace {

// Narrowest advance a visible character can have, as a share of the font
// size (a Latin 'i' or a space is about a quarter of an em), and the longest
// UTF-8 encoding: together they bound the bytes one line can show.
constexpr float kNarrowestAdvance = 0.2f;
constexpr std::size_t kBytesPerChar = 4;

int code_points(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string joined(const std::vector<text::TextRun>& runs) {
  std::string all;
  for (const text::TextRun& r : runs) all += r.text;
  return all;
}

// File line and column of byte `offset` of the runs' joined text.
std::pair<int, int> locate(const TextOrigin& origin, std::string_view all, std::size_t offset) {
  const int line = origin.line, column = std::max(1, origin.column);
  if (origin.code) {
    const std::string_view before = all.substr(0, std::min(offset, all.size()));
    const std::size_t nl = before.rfind('\n');
    const int down = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    if (nl == std::string_view::npos) return {line, column + code_points(before)};
    return {line + down, 1 + code_points(before.substr(nl + 1))};
  }
  if (origin.rich != nullptr) {
    std::size_t at = 0, total = 0;
    for (const deck::Span& s : *origin.rich) total += s.text.size();
    if (total != all.size()) return {line, column};  // not the same text
    for (const deck::Span& s : *origin.rich) {
      if (offset < at + s.text.size()) {
        if (s.line <= 0) return {line, column};
        return {s.line, std::max(1, s.column) + code_points(s.text.substr(0, offset - at))};
      }
      at += s.text.size();
    }
  }
  return {line, column};
}

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::string describe(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  if (!u_isgraph(static_cast<UChar32>(c))) return code;
  return "'" + utf8(c) + "' (" + code + ")";
}

}  // namespace

TextCut cut_to_visible(const Context& ctx, const std::vector<text::TextRun>& runs,
                       const text::ParagraphStyle& style, float width,
                       std::vector<text::TextRun>* kept) {
  TextCut cut;
  float size = 0;
  std::size_t bytes = 0;
  for (const text::TextRun& r : runs) {
    if (r.style.size > 0) size = size > 0 ? std::min(size, r.style.size) : r.style.size;
    bytes += r.text.size();
  }
  if (size <= 0 || !(ctx.visible_height < 1e8f)) return cut;
  const float line_box = std::max(0.01f, style.line_height * size);
  const auto lines = static_cast<std::size_t>(std::ceil(ctx.visible_height / line_box)) + 1;
  const auto per_line =
      static_cast<std::size_t>(std::ceil(std::max(width, 1.0f) / (kNarrowestAdvance * size))) + 1;
  const std::size_t max_bytes = std::max<std::size_t>(1024, lines * per_line * kBytesPerChar);
  // Hard breaks end lines too: stop after as many as a slide has lines.
  std::size_t at = 0, breaks = 0, cut_at = std::min(bytes, max_bytes);
  for (const text::TextRun& r : runs) {
    if (at >= cut_at) break;
    for (std::size_t i = 0; i < r.text.size() && at + i < cut_at; ++i) {
      if (r.text[i] == '\n' && ++breaks > lines) {
        cut_at = at + i + 1;  // the cut starts a line
        break;
      }
    }
    at += r.text.size();
  }
  if (cut_at >= bytes) return cut;
  cut.cut = true;
  cut.at = cut_at;
  at = 0;
  bool done = false;
  kept->clear();
  for (const text::TextRun& r : runs) {
    std::size_t keep = done ? 0 : std::min(r.text.size(), cut_at - at);
    while (keep > 0 && keep < r.text.size() &&
           (static_cast<unsigned char>(r.text[keep]) & 0xC0) == 0x80) {
      --keep;  // a whole character
    }
    const std::string_view rest = std::string_view(r.text).substr(keep);
    if (!done && keep < r.text.size()) {
      done = true;
      cut.at = at + keep;
    }
    cut.lines_left += static_cast<int>(std::count(rest.begin(), rest.end(), '\n'));
    cut.bytes_left += rest.size();
    at += r.text.size();
    if (keep == 0) continue;
    kept->push_back(text::TextRun{r.text.substr(0, keep), r.style});
  }
  // Lines, not line breaks: the last line of the rest may have none.
  const std::string& tail = runs.back().text;
  if (cut.lines_left > 0 && !tail.empty() && tail.back() != '\n') ++cut.lines_left;
  return cut;
}

void report_cut(const Context& ctx, const std::vector<text::TextRun>& original, const TextCut& cut,
                const TextOrigin& origin) {
  if (!cut.cut || ctx.diagnostics == nullptr) return;
  const auto [line, column] = locate(origin, joined(original), cut.at);
  const std::string more = cut.lines_left > 0 ? std::to_string(cut.lines_left) + " more lines"
                                              : std::to_string(cut.bytes_left) + " bytes";
  ctx.warn(line, column,
           "the text from here on cannot be seen on the slide and is not laid out (" + more + ")");
}

void report_missing(const Context& ctx, const std::vector<text::MissingGlyph>& missing,
                    const std::vector<text::TextRun>& runs, const TextOrigin& origin) {
  if (missing.empty() || ctx.diagnostics == nullptr) return;
  // One report per character, at its first place, in order of appearance.
  std::map<char32_t, int> counts;
  std::vector<char32_t> order;
  for (const text::MissingGlyph& m : missing) {
    if (counts[m.codepoint]++ == 0) order.push_back(m.codepoint);
  }
  const std::string all = joined(runs);
  for (char32_t c : order) {
    const std::size_t found = all.find(utf8(c));
    const auto [line, column] = found == std::string::npos
                                    ? std::pair{origin.line, std::max(1, origin.column)}
                                    : locate(origin, all, found);
    // A missing default font is named once for all its characters (the
    // message is the same, so the reports fold into one line).
    const std::string font = ctx.fonts.missing_font_for(c);
    ctx.warn(line, column,
             font.empty() ? "no font has " + describe(c) + "; it is drawn as a box"
                          : font + "; the text that needs it is drawn as boxes",
             counts[c]);
  }
}

}  // namespace madang::layout
