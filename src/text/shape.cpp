// Shaping: one hb_shape call per item, positions in pixels.
#include "text/shape.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace madang::text {

namespace {

// CJK brackets are full width, their ink in one half: 「 on the right, 」 on
// the left. Beside a space (or the edge of the text) the empty half and the
// space make a double gap, "」 ·", which Korean typesetting does not have;
// there the bracket takes its half-width form (OpenType `halt`).
bool is_cjk_opening(char32_t c) {
  return c == U'「' || c == U'『' || c == U'（' || c == U'【' || c == U'〈' || c == U'《' ||
         c == U'〔' || c == U'〖' || c == U'〘' || c == U'〚' || c == U'［' || c == U'｛';
}
bool is_cjk_closing(char32_t c) {
  return c == U'」' || c == U'』' || c == U'）' || c == U'】' || c == U'〉' || c == U'》' ||
         c == U'〕' || c == U'〗' || c == U'〙' || c == U'〛' || c == U'］' || c == U'｝';
}

// The UTF-8 character at `i` (3 bytes: every bracket above is in U+3000-U+FFFF).
char32_t three_byte_char(std::string_view text, std::size_t i) {
  if (i + 3 > text.size()) return 0;
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  if ((b(0) & 0xF0) != 0xE0) return 0;
  return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

bool space_or_edge(std::string_view text, std::size_t i, bool before) {
  if (before ? i == 0 : i >= text.size()) return true;
  const char c = before ? text[i - 1] : text[i];
  return c == ' ' || c == '\t' || c == '\n';
}

// `halt` on every bracket of [begin, end) that stands beside a space.
void half_width_brackets(std::string_view text, std::size_t begin, std::size_t end,
                         std::vector<hb_feature_t>* features) {
  for (std::size_t i = begin; i + 3 <= end; ++i) {
    const char32_t c = three_byte_char(text, i);
    if (c == 0) continue;
    if ((is_cjk_opening(c) && space_or_edge(text, i, true)) ||
        (is_cjk_closing(c) && space_or_edge(text, i + 3, false))) {
      features->push_back(
          {HB_TAG('h', 'a', 'l', 't'), 1, static_cast<unsigned>(i), static_cast<unsigned>(i + 3)});
    }
    i += 2;
  }
}

}  // namespace

void shape_range(FontSystemImpl& fonts, std::string_view text, std::size_t begin, std::size_t end,
                 FontId font, hb_script_t script, hb_language_t language, float size, bool rtl,
                 std::vector<ShapedGlyph>* out) {
  static const hb_feature_t kFeatures[] = {
      {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  std::vector<hb_feature_t> features;  // allocates only when a bracket needs `halt`
  half_width_brackets(text, begin, end, &features);
  if (!features.empty())
    features.insert(features.begin(), std::begin(kFeatures), std::end(kFeatures));
  const Face& face = fonts.face_data(font);
  hb_buffer_t* buf = fonts.buffer();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, script);
  hb_buffer_set_language(buf, language);
  if (features.empty()) {
    hb_shape(face.hb_font, buf, kFeatures, 2);
  } else {
    hb_shape(face.hb_font, buf, features.data(), static_cast<unsigned>(features.size()));
  }

  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  const float k = size / static_cast<float>(face.upem);
  // No reserve(size() + n) here: callers append item after item, and an exact
  // reserve per call would reallocate every time (quadratic in the paragraph).
  // push_back grows geometrically.
  for (unsigned i = 0; i < n; ++i) {
    ShapedGlyph g;
    g.id = info[i].codepoint;
    g.cluster = info[i].cluster;
    g.advance = static_cast<float>(pos[i].x_advance) * k;
    g.x_offset = static_cast<float>(pos[i].x_offset) * k;
    g.y_offset = -static_cast<float>(pos[i].y_offset) * k;
    g.unsafe_to_break =
        (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    out->push_back(g);
  }
  // HarfBuzz gives right-to-left glyphs in visual order: store them in
  // logical order (the whole item reversed, clusters growing).
  if (rtl) std::reverse(out->end() - static_cast<std::ptrdiff_t>(n), out->end());
}

}  // namespace madang::text
