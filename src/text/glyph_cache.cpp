// Glyph cache: FreeType rasterizes each (face, glyph, size, subpixel,
// synthesis) once. Outlines: 8-bit linear coverage (FT_RENDER_MODE_NORMAL),
// light hinting (vertical only, so the linear advances of layout still hold),
// synthetic italic as a shear and synthetic bold as FT_Outline_EmboldenXY.
// Colour bitmaps (emoji): the font's strike, premultiplied BGRA turned into
// premultiplied RGBA and box-filtered to the requested size.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "text/font_system.h"

namespace madang::text {

namespace {

struct KeyHash {
  std::size_t operator()(const GlyphKey& k) const {
    std::uint32_t size_bits = 0;
    static_assert(sizeof(float) == sizeof(size_bits));
    std::memcpy(&size_bits, &k.size, sizeof(size_bits));
    std::size_t h = static_cast<std::size_t>(k.font) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<std::size_t>(k.glyph) << 1) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= static_cast<std::size_t>(size_bits) + (h << 6) + (h >> 2);
    h ^= static_cast<std::size_t>(k.subpixel * 4 + (k.synthetic_bold ? 2 : 0) +
                                  (k.synthetic_italic ? 1 : 0)) +
         (h << 6) + (h >> 2);
    return h;
  }
};

void render_outline(FT_Face face, const GlyphKey& key, GlyphBitmap* out) {
  if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(std::lround(key.size * 64)), 72, 72))
    return;
  if (FT_Load_Glyph(face, key.glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP)) return;
  FT_GlyphSlot slot = face->glyph;
  if (slot->format != FT_GLYPH_FORMAT_OUTLINE) return;
  if (key.synthetic_italic) {
    FT_Matrix shear{0x10000, 0x0366A, 0, 0x10000};  // ~12 degrees, like FT_GlyphSlot_Oblique
    FT_Outline_Transform(&slot->outline, &shear);
  }
  if (key.synthetic_bold) {
    const FT_Pos strength = std::max<FT_Pos>(1, std::lround(key.size * 64 / 24));
    FT_Outline_EmboldenXY(&slot->outline, strength, strength);
    FT_Outline_Translate(&slot->outline, 0, -strength / 2);
  }
  FT_Outline_Translate(&slot->outline, std::clamp(key.subpixel, 0, 3) * 16, 0);
  if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL)) return;
  const FT_Bitmap& bm = slot->bitmap;
  out->width = static_cast<int>(bm.width);
  out->height = static_cast<int>(bm.rows);
  out->left = slot->bitmap_left;
  out->top = slot->bitmap_top;
  out->pixels.resize(static_cast<std::size_t>(out->width) * out->height);
  for (int y = 0; y < out->height; ++y) {
    const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(y) * bm.pitch;
    std::copy(row, row + out->width, out->pixels.data() + static_cast<std::size_t>(y) * out->width);
  }
}

void render_color(FT_Face face, int strike_ppem, const GlyphKey& key, GlyphBitmap* out) {
  int best = 0;
  for (int i = 0; i < face->num_fixed_sizes; ++i) {
    if ((face->available_sizes[i].y_ppem >> 6) == strike_ppem) best = i;
  }
  if (FT_Select_Size(face, best)) return;
  if (FT_Load_Glyph(face, key.glyph, FT_LOAD_COLOR)) return;
  FT_GlyphSlot slot = face->glyph;
  if (slot->format != FT_GLYPH_FORMAT_BITMAP) {
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL)) return;
  }
  const FT_Bitmap& bm = slot->bitmap;
  if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || strike_ppem <= 0) return;
  const float scale = key.size / static_cast<float>(strike_ppem);
  const int sw = static_cast<int>(bm.width), sh = static_cast<int>(bm.rows);
  const int dw = std::max(1, static_cast<int>(std::lround(sw * scale)));
  const int dh = std::max(1, static_cast<int>(std::lround(sh * scale)));
  out->color = true;
  out->width = dw;
  out->height = dh;
  out->left = static_cast<int>(std::lround(slot->bitmap_left * scale));
  out->top = static_cast<int>(std::lround(slot->bitmap_top * scale));
  out->pixels.assign(static_cast<std::size_t>(dw) * dh * 4, 0);
  // Box filter: each destination pixel averages the source pixels it covers
  // (premultiplied, so averaging is correct).
  for (int y = 0; y < dh; ++y) {
    const int y0 = y * sh / dh, y1 = std::max(y0 + 1, (y + 1) * sh / dh);
    for (int x = 0; x < dw; ++x) {
      const int x0 = x * sw / dw, x1 = std::max(x0 + 1, (x + 1) * sw / dw);
      unsigned sum[4] = {0, 0, 0, 0};
      for (int sy = y0; sy < y1; ++sy) {
        const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(sy) * bm.pitch;
        for (int sx = x0; sx < x1; ++sx) {
          const unsigned char* p = row + sx * 4;  // B G R A
          sum[0] += p[2];
          sum[1] += p[1];
          sum[2] += p[0];
          sum[3] += p[3];
        }
      }
      const unsigned count = static_cast<unsigned>((y1 - y0) * (x1 - x0));
      std::uint8_t* d = out->pixels.data() + (static_cast<std::size_t>(y) * dw + x) * 4;
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>((sum[c] + count / 2) / count);
    }
  }
}

}  // namespace

struct GlyphCache::Impl {
  const FontSystemImpl& fonts;
  std::unordered_map<GlyphKey, GlyphBitmap, KeyHash> bitmaps;
};

GlyphCache::GlyphCache(const FontSystem& fonts) : impl_(new Impl{impl(fonts), {}}) {}
GlyphCache::~GlyphCache() = default;

const GlyphBitmap& GlyphCache::get(const GlyphKey& key) {
  auto it = impl_->bitmaps.find(key);
  if (it != impl_->bitmaps.end()) return it->second;
  GlyphBitmap bitmap;
  if (key.font >= 0 && key.font < impl_->fonts.face_count() && key.size > 0) {
    const Face& face = impl_->fonts.face_data(key.font);
    if (face.info.color) {
      render_color(face.ft, face.strike_ppem, key, &bitmap);
    } else {
      render_outline(face.ft, key, &bitmap);
    }
  }
  return impl_->bitmaps.emplace(key, std::move(bitmap)).first->second;
}

std::size_t GlyphCache::size() const {
  return impl_->bitmaps.size();
}

}  // namespace madang::text
