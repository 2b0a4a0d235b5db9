// Shaping: one hb_shape call per item, positions in pixels.
#include "text/shape.h"

#include <algorithm>

namespace madang::text {

void shape_range(FontSystemImpl& fonts, std::string_view text, std::size_t begin, std::size_t end,
                 FontId font, hb_script_t script, hb_language_t language, float size, bool rtl,
                 std::vector<ShapedGlyph>* out) {
  static const hb_feature_t kFeatures[] = {
      {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  const Face& face = fonts.face_data(font);
  hb_buffer_t* buf = fonts.buffer();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, script);
  hb_buffer_set_language(buf, language);
  hb_shape(face.hb_font, buf, kFeatures, 2);

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
