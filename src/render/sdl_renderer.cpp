// SdlRenderer: layout::DisplayList -> SDL_Renderer (window or software surface).
//
// Implemented features:
//  [X] Fill and stroke rects with corner radius, lines of any width with arrow
//      heads, polygons: exact-area antialiasing computed in coverage.cpp, drawn
//      as whole-pixel runs with SDL_RenderFillRects (one call per coverage
//      level), so the software and GPU renderers give the same pixels. (ImGui's
//      alpha-fringe geometry was tried first: SDL's software renderer truncates
//      vertices to whole pixels, which turns the fringe into a grey band.)
//  [X] Glyph runs: rasterized once by text::GlyphCache (quarter-pixel
//      horizontal positions, whole-pixel baselines), packed into 1024x1024
//      atlas pages (coverage pages: white + alpha; colour pages for emoji:
//      straight RGBA), drawn as textured quads batched per page. Underline and
//      strike-through from the run's style.
//  [X] Images through ImageCache, linear filtering; a hatched placeholder box
//      for an empty path or an image that fails to load.
//  [X] PDF pages (kPdfPage): rendered by poppler at exactly the pixels the
//      rect covers on the target (edges rounded, render scale applied) through
//      ImageCache::pdf_pages(), and copied 1:1 from a texture: no resampling,
//      so text and rules stay as sharp as the page renderer made them. A
//      texture per (file, page, size, part), dropped when unused for a few
//      draws; the image placeholder for a page that cannot be drawn.
//  [X] Clips (kClip): a playing video's frame from render/clip_frames.h in a
//      streaming texture of its own YUV planes (IYUV or NV12: no conversion
//      on the CPU here), else its poster (ImageCache::poster, or its poster
//      picture) under a play mark; a sound's bar (paint_geometry.h).
//  [X] Clip and opacity as render/walk.h keeps them (nested clips intersect,
//      opacities multiply every colour's alpha); a clip is rounded to the
//      pixels whose centres it holds and stays inside the caller's clip.
//  [X] Freehand strokes (kStroke, ink): stroke_geometry.h's pieces rasterized
//      as one shape with exact coverage into a white mask texture (alpha =
//      coverage), drawn with the stroke's colour as colour and alpha mod: one
//      copy per stroke (its edges would be thousands of one-pixel runs), kept
//      while the stroke is drawn unchanged (a pen redraws the slide's ink at
//      every move), dropped after a few draws without it.
//  [X] Saves and restores draw colour, blend mode, clip rect and render target.
//  [X] invalidate() for SDL_RENDER_TARGETS_RESET / SDL_RENDER_DEVICE_RESET.
// Missing features:
//  [ ] Stroked polygons and dashed lines (the display list has none).
//  [ ] Group opacity: overlapping shapes under one opacity are each faded,
//      not faded together (no offscreen layer; fine for slides).
//
// CHANGELOG
//  first version: shapes as exact coverage spans, glyph atlas drawn with
//               SDL_RenderGeometry, images, clip, opacity.
//  PDF decks:   kPdfPage as page rasters of the exact size, one texture each.
//  ink:         kStroke.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Renderer state (save/restore)
// [SECTION] Glyph atlas
// [SECTION] Images
// [SECTION] PDF pages
// [SECTION] Batching
// [SECTION] Commands
// [SECTION] Visitor (render/walk.h)
// [SECTION] Public API

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "render/atlas.h"
#include "render/coverage.h"
#include "render/image_filter.h"
#include "render/paint_geometry.h"
#include "render/pdf_pages.h"
#include "render/render.h"
#include "render/stroke_geometry.h"
#include "render/walk.h"

namespace madang::render {

using layout::Command;
using layout::Point;
using layout::Rect;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

constexpr int kPageSize = 1024;
// Past this many atlas pages everything is dropped and re-uploaded on demand,
// so that a deck with huge or many glyph sizes cannot grow without bound.
constexpr int kMaxPages = 8;
// ARGB8888 is the format SDL's software blitters and most windows use natively.
constexpr Uint32 kAtlasFormat = SDL_PIXELFORMAT_ARGB8888;
// A PDF page's texture not drawn in this many draw() calls is dropped (a
// window draws the hall, the console's panes and overlays as separate
// calls), and never more than this many are kept: a page is a full-screen
// texture, 8 MB at 1080p.
constexpr std::uint64_t kPdfTextureDraws = 8;
constexpr std::size_t kMaxPdfTextures = 12;

// Destroys the textures of `textures` (values with `texture` and `used`, the
// draw() that last drew them) not drawn in the last `keep` draws before this
// one (-1: even those this one drew).
template <class Map>
void drop_unused_textures(Map& textures, std::uint64_t draws,
                          std::int64_t keep = kPdfTextureDraws) {
  for (auto it = textures.begin(); it != textures.end();) {
    if (static_cast<std::int64_t>(it->second.used) + keep < static_cast<std::int64_t>(draws)) {
      if (it->second.texture) SDL_DestroyTexture(it->second.texture);
      it = textures.erase(it);
    } else {
      ++it;
    }
  }
}

struct GlyphKeyHash {
  size_t operator()(const text::GlyphKey& k) const {
    Uint32 size_bits;
    static_assert(sizeof(size_bits) == sizeof(k.size));
    SDL_memcpy(&size_bits, &k.size, sizeof(size_bits));
    size_t h = static_cast<size_t>(k.font) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<size_t>(k.glyph) << 20) ^ (static_cast<size_t>(size_bits) << 1);
    h ^= static_cast<size_t>(k.subpixel) << 40 ^ static_cast<size_t>(k.synthetic_bold) << 44 ^
         static_cast<size_t>(k.synthetic_italic) << 45;
    return h * 0xff51afd7ed558ccdull;
  }
};

SDL_Color to_sdl_color(layout::Color c, float opacity) {
  float a = static_cast<float>(c & 0xff) * std::clamp(opacity, 0.0f, 1.0f);
  return SDL_Color{static_cast<Uint8>(c >> 24), static_cast<Uint8>((c >> 16) & 0xff),
                   static_cast<Uint8>((c >> 8) & 0xff), static_cast<Uint8>(std::lround(a))};
}

struct Mesh {
  std::vector<SDL_Vertex> vertices;
  std::vector<int> indices;
  void clear() {
    vertices.clear();
    indices.clear();
  }
};

// Whole-pixel quads only: the software renderer truncates vertex positions.
void textured_quad(Mesh& mesh, float x0, float y0, float x1, float y1, float u0, float v0, float u1,
                   float v1, SDL_Color color) {
  int base = static_cast<int>(mesh.vertices.size());
  mesh.vertices.push_back({{x0, y0}, color, {u0, v0}});
  mesh.vertices.push_back({{x1, y0}, color, {u1, v0}});
  mesh.vertices.push_back({{x1, y1}, color, {u1, v1}});
  mesh.vertices.push_back({{x0, y1}, color, {u0, v1}});
  mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
}

// The pixels whose centres fall inside the clip, within `base` when there is
// one; w or h <= 0 when there are none.
SDL_Rect pixel_clip(const ClipBox& box, const SDL_Rect* base) {
  int x0 = static_cast<int>(std::floor(box.x0 + 0.5f)),
      y0 = static_cast<int>(std::floor(box.y0 + 0.5f));
  int x1 = static_cast<int>(std::floor(box.x1 + 0.5f)),
      y1 = static_cast<int>(std::floor(box.y1 + 0.5f));
  if (base) {
    x0 = std::max(x0, base->x);
    y0 = std::max(y0, base->y);
    x1 = std::min(x1, base->x + base->w);
    y1 = std::min(y1, base->y + base->h);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Renderer state (save/restore)
//-----------------------------------------------------------------------------

namespace {

// What draw() changes on the SDL_Renderer, restored on the way out so that the
// app (and ImGui drawing after us) sees the renderer as it left it.
struct SavedState {
  Uint8 r = 0, g = 0, b = 0, a = 0;
  SDL_BlendMode blend = SDL_BLENDMODE_NONE;
  bool clip_enabled = false;
  SDL_Rect clip{};
  SDL_Texture* target = nullptr;

  static SavedState save(SDL_Renderer* ren) {
    SavedState s;
    SDL_GetRenderDrawColor(ren, &s.r, &s.g, &s.b, &s.a);
    SDL_GetRenderDrawBlendMode(ren, &s.blend);
    s.clip_enabled = SDL_RenderIsClipEnabled(ren) == SDL_TRUE;
    SDL_RenderGetClipRect(ren, &s.clip);
    s.target = SDL_GetRenderTarget(ren);
    return s;
  }
  void restore(SDL_Renderer* ren) const {
    if (SDL_GetRenderTarget(ren) != target) SDL_SetRenderTarget(ren, target);
    SDL_RenderSetClipRect(ren, clip_enabled ? &clip : nullptr);
    SDL_SetRenderDrawBlendMode(ren, blend);
    SDL_SetRenderDrawColor(ren, r, g, b, a);
  }
};

}  // namespace

struct SdlRenderer::Impl {
  SDL_Renderer* ren;
  text::GlyphCache& glyphs;
  ImageCache& images;

  //---------------------------------------------------------------- atlas
  struct Page {
    SDL_Texture* texture = nullptr;
    ShelfPacker packer{kPageSize, kPageSize};
    bool color = false;
  };
  struct Slot {
    int page = -1;  // -1: empty bitmap (a space), nothing to draw
    int x = 0, y = 0, w = 0, h = 0;
    int left = 0, top = 0;
  };
  std::vector<Page> pages;
  std::unordered_map<text::GlyphKey, Slot, GlyphKeyHash> slots;
  std::vector<Uint32> upload;  // scratch for converting bitmaps

  //---------------------------------------------------------------- images
  struct ImageTexture {
    SDL_Texture* texture = nullptr;  // nullptr: failed to load, draw the placeholder
    std::uint64_t used = 0;          // the draw() that last drew it
  };
  std::unordered_map<std::string, ImageTexture> image_textures;
  std::int64_t image_texture_draws = kPdfTextureDraws;  // set_image_texture_draws

  //---------------------------------------------------------------- PDF pages
  struct PdfTexture {
    SDL_Texture* texture = nullptr;  // nullptr: cannot be drawn, draw the placeholder
    bool opaque = false;             // every pixel's alpha is 255
    std::uint64_t used = 0;          // the draw() that last drew it
  };
  std::unordered_map<PdfRasterKey, PdfTexture, PdfRasterKeyHash> pdf_textures;
  std::uint64_t draws = 0;  // draw() calls so far

  //---------------------------------------------------------------- strokes
  // A freehand stroke's coverage as a white mask (alpha = coverage), drawn
  // with the stroke's colour as colour and alpha mod: one copy per stroke
  // however many pixels its edges have, and the mask kept while the stroke
  // is drawn again unchanged (ink is redrawn with every move of a pen).
  struct StrokeTexture {
    SDL_Texture* texture = nullptr;  // nullptr: nothing visible
    SDL_Rect rect{};                 // where it goes, in renderer pixels
    std::uint64_t used = 0;
  };
  std::unordered_map<std::uint64_t, StrokeTexture> stroke_textures;
  float scale_x = 1, scale_y = 1;  // the renderer's scale during draw()

  //---------------------------------------------------------------- clips
  // A playing clip's picture goes into a streaming texture in the decoder's
  // own YUV planes (SDL converts on the GPU, or in its blitter): one per
  // clip, updated only when the player hands out a new frame.
  const ClipFrames* clips = nullptr;  // nullptr: every clip shows its poster
  struct ClipTexture {
    SDL_Texture* texture = nullptr;
    int width = 0, height = 0;
    media::VideoFrame::Format format = media::VideoFrame::Format::kIyuv;
    std::uint64_t serial = 0;
    std::uint64_t used = 0;
  };
  std::unordered_map<std::string, ClipTexture> clip_textures;  // by clip key

  //---------------------------------------------------------------- batching
  // Glyph quads wait per atlas page until something else is drawn or the
  // clip changes; shapes are drawn at once (after flushing glyphs).
  std::vector<Span> spans;           // scratch
  std::vector<SDL_Rect> span_rects;  // scratch
  std::vector<Mesh> glyph_batches;   // indexed by page
  bool glyphs_pending = false;

  //---------------------------------------------------------------- per draw()
  Walker walker;
  float ox = 0, oy = 0;
  bool clip_open = false;    // the list has a clip in force:
  SDL_Rect clip{};           // it, in renderer pixels (within the base clip),
  bool clipped_out = false;  // and whether it holds no pixel
  bool base_clip_enabled = false;
  SDL_Rect base_clip{};
  PixelBox canvas;  // the viewport: shapes are not rasterized beyond it

  // SDL's software renderer keeps a texture in a surface, which SDL zeroes
  // when it makes it: fully transparent already. (A 1024x1024 page cleared
  // by hand costs 4 MB written twice, per page and per window, at start-up.)
  bool textures_start_clear = false;

  Impl(SDL_Renderer* r, text::GlyphCache& g, ImageCache& i) : ren(r), glyphs(g), images(i) {
    SDL_RendererInfo info;
    textures_start_clear = SDL_GetRendererInfo(ren, &info) == 0 && info.name != nullptr &&
                           std::strcmp(info.name, "software") == 0;
  }
  ~Impl() { destroy_textures(); }

  void destroy_textures() {
    for (Page& p : pages)
      if (p.texture) SDL_DestroyTexture(p.texture);
    pages.clear();
    slots.clear();
    glyph_batches.clear();
    glyphs_pending = false;
    for (auto& [path, t] : image_textures)
      if (t.texture) SDL_DestroyTexture(t.texture);
    image_textures.clear();
    for (auto& [key, t] : pdf_textures)
      if (t.texture) SDL_DestroyTexture(t.texture);
    pdf_textures.clear();
    for (auto& [key, t] : stroke_textures)
      if (t.texture) SDL_DestroyTexture(t.texture);
    stroke_textures.clear();
    for (auto& [key, t] : clip_textures)
      if (t.texture) SDL_DestroyTexture(t.texture);
    clip_textures.clear();
  }

  // After a draw(): the masks of strokes not drawn in the last few draws go.
  void trim_stroke_textures() { drop_unused_textures(stroke_textures, draws); }

  //-----------------------------------------------------------------------------
  // [SECTION] Glyph atlas
  //-----------------------------------------------------------------------------

  int new_page(bool color, int min_w, int min_h) {
    Page p;
    int w = std::max(kPageSize, min_w + 1), h = std::max(kPageSize, min_h + 1);
    p.packer = ShelfPacker(w, h);
    p.color = color;
    p.texture = SDL_CreateTexture(ren, kAtlasFormat, SDL_TEXTUREACCESS_STATIC, w, h);
    if (!p.texture) return -1;
    SDL_SetTextureBlendMode(p.texture, SDL_BLENDMODE_BLEND);
    // Sampling at exact pixel centres is the common case; linear only matters
    // when a GPU renderer is scaled.
    SDL_SetTextureScaleMode(p.texture, SDL_ScaleModeNearest);
    // Static textures start undefined on GPUs: clear so padding samples as
    // transparent (white, for linear filtering at coverage edges).
    if (!textures_start_clear) {
      std::vector<Uint32> zeros(static_cast<size_t>(w) * h, color ? 0u : 0x00ffffffu);
      SDL_UpdateTexture(p.texture, nullptr, zeros.data(), w * 4);
    }
    pages.push_back(std::move(p));
    glyph_batches.resize(pages.size());
    return static_cast<int>(pages.size()) - 1;
  }

  // Finds room on a page of the right kind, opening (or, past kMaxPages,
  // recycling all) pages as needed. Returns the page or -1.
  int place(bool color, int w, int h, int* x, int* y) {
    for (size_t i = 0; i < pages.size(); ++i)
      if (pages[i].color == color && pages[i].packer.insert(w, h, x, y)) return static_cast<int>(i);
    if (static_cast<int>(pages.size()) >= kMaxPages) {
      flush();  // pending quads refer to the pages about to go
      for (Page& p : pages) SDL_DestroyTexture(p.texture);
      pages.clear();
      slots.clear();
      glyph_batches.clear();
    }
    int page = new_page(color, w, h);
    if (page < 0 || !pages[page].packer.insert(w, h, x, y)) return -1;
    return page;
  }

  const Slot& slot_for(const text::GlyphKey& key) {
    auto it = slots.find(key);
    if (it != slots.end()) return it->second;
    const text::GlyphBitmap& bm = glyphs.get(key);
    Slot s;
    s.left = bm.left;
    s.top = bm.top;
    s.w = bm.width;
    s.h = bm.height;
    size_t want = static_cast<size_t>(bm.width) * bm.height * (bm.color ? 4 : 1);
    if (bm.width > 0 && bm.height > 0 && bm.pixels.size() >= want) {
      s.page = place(bm.color, bm.width, bm.height, &s.x, &s.y);
      if (s.page >= 0) {
        upload.resize(static_cast<size_t>(bm.width) * bm.height);
        const std::uint8_t* src = bm.pixels.data();
        if (bm.color) {
          // Colour glyphs arrive premultiplied; SDL's BLEND mode wants straight alpha.
          for (size_t i = 0; i < upload.size(); ++i, src += 4) {
            Uint32 a = src[3];
            auto un = [a](Uint32 c) {
              return a ? std::min<Uint32>(255, (c * 255 + a / 2) / a) : 0;
            };
            upload[i] = a << 24 | un(src[0]) << 16 | un(src[1]) << 8 | un(src[2]);
          }
        } else {
          for (size_t i = 0; i < upload.size(); ++i)
            upload[i] = static_cast<Uint32>(src[i]) << 24 | 0x00ffffffu;
        }
        SDL_Rect dst{s.x, s.y, s.w, s.h};
        SDL_UpdateTexture(pages[s.page].texture, &dst, upload.data(), s.w * 4);
      }
    }
    return slots.emplace(key, s).first->second;
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Images
  //-----------------------------------------------------------------------------

  // One texture per image, filters and reduction: the image as large as it
  // is drawn (want_w x want_h pixels), not larger (render/image.h).
  SDL_Texture* image_texture(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                             int want_w, int want_h) {
    const RgbaImage* img = images.get_for_size(path, filters, want_w, want_h);
    return kept_texture(image_key(path, filters) + "@" + std::to_string(img ? img->width : 0), img);
  }

  // The texture kept under `key` (an image at one size), made from `img`
  // the first time (nullptr: remembered as one that cannot be drawn).
  SDL_Texture* kept_texture(const std::string& key, const RgbaImage* img) {
    auto it = image_textures.find(key);
    if (it != image_textures.end()) {
      it->second.used = draws;
      return it->second.texture;
    }
    ImageTexture t;
    t.used = draws;
    if (img) {
      t.texture = SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                    img->width, img->height);
      if (t.texture) {
        SDL_UpdateTexture(t.texture, nullptr, img->pixels.data(), img->width * 4);
        SDL_SetTextureBlendMode(t.texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t.texture, SDL_ScaleModeLinear);
      }
    }
    image_textures.emplace(key, t);
    return t.texture;
  }

  //-----------------------------------------------------------------------------
  // [SECTION] PDF pages
  //-----------------------------------------------------------------------------

  // The page's texture at its exact pixel size, made from the page cache's
  // raster (rendered now on this thread if the worker has not made it).
  PdfTexture& pdf_texture(const Command& c, const PdfRasterKey& key) {
    auto it = pdf_textures.find(key);
    if (it != pdf_textures.end()) return it->second;
    PdfTexture t;
    PdfPageCache::Raster raster =
        images.pdf_pages().get(c.pdf, key.page, key.width, key.height, key.part);
    if (raster) {
      t.texture = SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                    raster->width, raster->height);
      if (t.texture) {
        SDL_UpdateTexture(t.texture, nullptr, raster->pixels.data(), raster->width * 4);
        // Copied 1:1: nearest keeps it exact should a GPU sample off-centre.
        SDL_SetTextureScaleMode(t.texture, SDL_ScaleModeNearest);
        t.opaque = true;
        for (std::size_t i = 3; i < raster->pixels.size() && t.opaque; i += 4)
          t.opaque = raster->pixels[i] == 255;
      }
    }
    return pdf_textures.emplace(key, t).first->second;
  }

  void draw_pdf_page(const Command& c, float opacity) {
    const PixelRect px = pdf_page_pixels(c.rect, ox, oy, scale_x, scale_y);
    if (px.w <= 0 || px.h <= 0) return;
    SDL_Texture* tex = nullptr;
    bool opaque = false;
    if (c.pdf) {
      PdfTexture& t = pdf_texture(c, PdfRasterKey{c.pdf->digest, c.page, px.w, px.h, c.page_part});
      t.used = draws;
      tex = t.texture;
      opaque = t.opaque;
    }
    if (!tex) {
      draw_placeholder(c.rect, opacity);
      return;
    }
    flush();
    const Uint8 alpha = static_cast<Uint8>(std::lround(std::clamp(opacity, 0.0f, 1.0f) * 255));
    // An opaque page at full opacity is a plain copy (much cheaper than
    // blending on the software renderer).
    SDL_SetTextureBlendMode(tex, opaque && alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(tex, alpha);
    // In the renderer's units, so that its scale lands on the whole pixels above.
    const SDL_FRect dst{static_cast<float>(px.x) / scale_x, static_cast<float>(px.y) / scale_y,
                        static_cast<float>(px.w) / scale_x, static_cast<float>(px.h) / scale_y};
    SDL_RenderCopyF(ren, tex, nullptr, &dst);
  }

  // After a draw(): an image not drawn in the last image_texture_draws draws
  // gives its texture back (a photo is megabytes; an export of many photos
  // would hold them all).
  void trim_image_textures() { drop_unused_textures(image_textures, draws, image_texture_draws); }

  // After a draw(): textures of pages not drawn in the last
  // image_texture_draws draws go, then the oldest first past kMaxPdfTextures
  // (never one this draw() used).
  void trim_pdf_textures() {
    drop_unused_textures(pdf_textures, draws, image_texture_draws);
    while (pdf_textures.size() > kMaxPdfTextures) {
      auto oldest = pdf_textures.begin();
      for (auto it = pdf_textures.begin(); it != pdf_textures.end(); ++it)
        if (it->second.used < oldest->second.used) oldest = it;
      if (oldest->second.used == draws) break;
      if (oldest->second.texture) SDL_DestroyTexture(oldest->second.texture);
      pdf_textures.erase(oldest);
    }
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Batching
  //-----------------------------------------------------------------------------

  void flush_glyphs() {
    if (!glyphs_pending) return;
    for (size_t i = 0; i < glyph_batches.size(); ++i) {
      Mesh& m = glyph_batches[i];
      if (m.indices.empty()) continue;
      SDL_RenderGeometry(ren, pages[i].texture, m.vertices.data(),
                         static_cast<int>(m.vertices.size()), m.indices.data(),
                         static_cast<int>(m.indices.size()));
      m.clear();
    }
    glyphs_pending = false;
  }

  void flush() { flush_glyphs(); }

  // Where shapes can show: the canvas within the current clip.
  PixelBox visible() const {
    PixelBox b = canvas;
    const SDL_Rect* c = clip_open ? &clip : base_clip_enabled ? &base_clip : nullptr;
    if (c)
      b = {std::max(b.x0, c->x), std::max(b.y0, c->y), std::min(b.x1, c->x + c->w),
           std::min(b.y1, c->y + c->h)};
    return b;
  }

  // Draws the collected spans in `color`: one SDL_RenderFillRects per
  // coverage level (a shape's spans never overlap, so their order is free).
  void draw_spans(SDL_Color color) {
    if (spans.empty()) return;
    flush_glyphs();  // keep list order
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) { return a.coverage < b.coverage; });
    for (size_t i = 0; i < spans.size();) {
      size_t j = i;
      span_rects.clear();
      for (; j < spans.size() && spans[j].coverage == spans[i].coverage; ++j)
        span_rects.push_back({spans[j].x, spans[j].y, spans[j].w, spans[j].h});
      Uint8 a = static_cast<Uint8>((color.a * spans[i].coverage + 127) / 255);
      if (a == 255) {
        // Opaque: a plain fill, much faster than blending on the software renderer.
        SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(ren, color.r, color.g, color.b, a);
        SDL_RenderFillRects(ren, span_rects.data(), static_cast<int>(span_rects.size()));
        SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
      } else if (a > 0) {
        SDL_SetRenderDrawColor(ren, color.r, color.g, color.b, a);
        SDL_RenderFillRects(ren, span_rects.data(), static_cast<int>(span_rects.size()));
      }
      i = j;
    }
    spans.clear();
  }

  // The walk's clip in force (nullptr: none) becomes the renderer's.
  void apply_clip(const ClipBox* box) {
    flush();
    clip_open = box != nullptr;
    clipped_out = false;
    if (!box) {
      SDL_RenderSetClipRect(ren, base_clip_enabled ? &base_clip : nullptr);
      return;
    }
    clip = pixel_clip(*box, base_clip_enabled ? &base_clip : nullptr);
    clipped_out = clip.w <= 0 || clip.h <= 0;
    // An empty clip is not sent: SDL treats a zero-sized clip rect as "no
    // clipping" on some backends. Commands are skipped instead.
    if (!clipped_out) SDL_RenderSetClipRect(ren, &clip);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Commands
  //-----------------------------------------------------------------------------

  Rect moved(const Rect& r) const { return {r.x + ox, r.y + oy, r.w, r.h}; }
  Point moved(Point p) const { return {p.x + ox, p.y + oy}; }

  void fill_rect(const Rect& r, layout::Color color, float radius, float opacity) {
    fill_rect_spans(moved(r), radius, visible(), spans);
    draw_spans(to_sdl_color(color, opacity));
  }

  void stroke_rect(const Rect& r, layout::Color color, float radius, float width, float opacity) {
    stroke_rect_spans(moved(r), radius, width, visible(), spans);
    draw_spans(to_sdl_color(color, opacity));
  }

  void draw_line(const Command& c, float opacity) {
    if (c.points.size() < 2) return;
    SDL_Color col = to_sdl_color(c.color, opacity);
    Point a = moved(c.points[0]), b = moved(c.points[1]);
    float w = c.width > 0 ? c.width : 1;
    Point end = b;
    if (c.arrow_end) {
      Contour head = arrow_head(a, b, w, &end);
      polygon_spans(head, visible(), spans);
      draw_spans(col);
    }
    line_spans(a, end, w, visible(), spans);
    draw_spans(col);
  }

  void draw_polygon(const Command& c, float opacity) {
    Contour pts;
    pts.reserve(c.points.size());
    for (Point p : c.points) pts.push_back(moved(p));
    polygon_spans(pts, visible(), spans);
    draw_spans(to_sdl_color(c.color, opacity));
  }

  // A freehand stroke (ink): its pieces rasterized together (a translucent
  // highlighter covers each pixel once) into a mask, kept by its geometry.
  static std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    return (h ^ v) * 0x100000001b3ull + (h >> 29);
  }
  static std::uint64_t bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
  }
  std::uint64_t stroke_key(const Command& c, PixelBox box) const {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const Point& p : c.points) h = mix(mix(h, bits(p.x + ox)), bits(p.y + oy));
    for (float w : c.widths) h = mix(h, bits(w));
    h = mix(mix(h, bits(c.width)), c.points.size());
    return mix(
        mix(mix(mix(h, static_cast<std::uint64_t>(box.x0)), static_cast<std::uint64_t>(box.y0)),
            static_cast<std::uint64_t>(box.x1)),
        static_cast<std::uint64_t>(box.y1));
  }

  void draw_stroke(const Command& c, float opacity) {
    const PixelBox region = visible();
    const std::uint64_t key = stroke_key(c, region);
    auto it = stroke_textures.find(key);
    if (it == stroke_textures.end()) {
      StrokeTexture t;
      std::vector<Span> mask;
      rasterize(stroke_contours(c, {ox, oy}), region, mask);
      PixelBox box{1 << 30, 1 << 30, -(1 << 30), -(1 << 30)};
      for (const Span& s : mask) {
        box = {std::min(box.x0, s.x), std::min(box.y0, s.y), std::max(box.x1, s.x + s.w),
               std::max(box.y1, s.y + s.h)};
      }
      if (!mask.empty() && !box.empty()) {
        const int w = box.x1 - box.x0, h = box.y1 - box.y0;
        std::vector<Uint32> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h),
                                   0x00ffffffu);
        for (const Span& s : mask)
          for (int y = s.y; y < s.y + s.h; ++y)
            for (int x = s.x; x < s.x + s.w; ++x)
              pixels[static_cast<std::size_t>(y - box.y0) * static_cast<std::size_t>(w) +
                     static_cast<std::size_t>(x - box.x0)] =
                  0x00ffffffu | static_cast<Uint32>(s.coverage) << 24;
        t.texture =
            SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, w, h);
        if (t.texture) {
          SDL_UpdateTexture(t.texture, nullptr, pixels.data(), w * 4);
          SDL_SetTextureBlendMode(t.texture, SDL_BLENDMODE_BLEND);
        }
        t.rect = {box.x0, box.y0, w, h};
      }
      it = stroke_textures.emplace(key, t).first;
    }
    it->second.used = draws;
    if (!it->second.texture) return;
    flush_glyphs();  // keep list order
    const SDL_Color col = to_sdl_color(c.color, opacity);
    SDL_SetTextureColorMod(it->second.texture, col.r, col.g, col.b);
    SDL_SetTextureAlphaMod(it->second.texture, col.a);
    SDL_RenderCopy(ren, it->second.texture, nullptr, &it->second.rect);
  }

  void draw_glyph_run(const Command& c, float opacity) {
    const text::GlyphRun& run = c.run;
    if (run.glyphs.empty()) return;
    SDL_Color ink = to_sdl_color(run.style.color, opacity);
    SDL_Color white = to_sdl_color(0xffffffff, opacity);
    float base_x = c.origin.x + ox, base_y = c.origin.y + oy;
    for (const text::Glyph& g : run.glyphs) {
      if (run.font < 0) break;
      float pen_x = base_x + g.x;
      float ix = std::floor(pen_x);
      int sub = static_cast<int>(std::lround((pen_x - ix) * 4));
      if (sub == 4) {
        ix += 1;
        sub = 0;
      }
      float iy = std::round(base_y + g.y);
      text::GlyphKey key{run.font, g.id, run.size, sub, run.synthetic_bold, run.synthetic_italic};
      const Slot& s = slot_for(key);
      if (s.page < 0) continue;
      const Page& page = pages[s.page];
      float pw = static_cast<float>(page.packer.width()),
            ph = static_cast<float>(page.packer.height());
      float x0 = ix + static_cast<float>(s.left), y0 = iy - static_cast<float>(s.top);
      textured_quad(glyph_batches[s.page], x0, y0, x0 + static_cast<float>(s.w),
                    y0 + static_cast<float>(s.h), static_cast<float>(s.x) / pw,
                    static_cast<float>(s.y) / ph, static_cast<float>(s.x + s.w) / pw,
                    static_cast<float>(s.y + s.h) / ph, page.color ? white : ink);
      glyphs_pending = true;
    }
    // Rounded to whole pixels where they land on the renderer, then drawn
    // through fill_rect (which adds the offset back).
    for (const Rect& r : decoration_rects(run, {base_x, base_y}))
      fill_rect({r.x - ox, r.y - oy, r.w, r.h}, run.style.color, 0, opacity);
  }

  void draw_image(const Command& c, float opacity) {
    if (c.rect.w <= 0 || c.rect.h <= 0) return;
    const int want_w = static_cast<int>(std::ceil(c.rect.w * scale_x));
    const int want_h = static_cast<int>(std::ceil(c.rect.h * scale_y));
    SDL_Texture* tex =
        c.image_path.empty() ? nullptr : image_texture(c.image_path, c.filters, want_w, want_h);
    if (!tex) {
      draw_placeholder(c.rect, opacity);
      return;
    }
    flush();
    Rect r = moved(c.rect);
    Mesh quad;
    textured_quad(quad, r.x, r.y, r.x + r.w, r.y + r.h, 0, 0, 1, 1,
                  to_sdl_color(0xffffffff, opacity));
    SDL_RenderGeometry(ren, tex, quad.vertices.data(), static_cast<int>(quad.vertices.size()),
                       quad.indices.data(), static_cast<int>(quad.indices.size()));
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Clips
  //-----------------------------------------------------------------------------

  // The clip's texture with `frame` in it (uploaded only when it is new).
  SDL_Texture* frame_texture(const std::string& key, const media::VideoFrame& frame) {
    ClipTexture& t = clip_textures[key];
    t.used = draws;
    if (t.texture &&
        (t.width != frame.width || t.height != frame.height || t.format != frame.format)) {
      SDL_DestroyTexture(t.texture);
      t = ClipTexture{};
      t.used = draws;
    }
    if (!t.texture) {
      const Uint32 format = frame.format == media::VideoFrame::Format::kNv12 ? SDL_PIXELFORMAT_NV12
                                                                             : SDL_PIXELFORMAT_IYUV;
      t.texture =
          SDL_CreateTexture(ren, format, SDL_TEXTUREACCESS_STREAMING, frame.width, frame.height);
      if (!t.texture) return nullptr;
      SDL_SetTextureScaleMode(t.texture, SDL_ScaleModeLinear);
      t.width = frame.width;
      t.height = frame.height;
      t.format = frame.format;
    }
    if (t.serial != frame.serial) {
      const std::uint8_t* d = frame.data.data();
      if (frame.format == media::VideoFrame::Format::kNv12) {
        SDL_UpdateNVTexture(t.texture, nullptr, d + frame.offsets[0], frame.pitches[0],
                            d + frame.offsets[1], frame.pitches[1]);
      } else {
        SDL_UpdateYUVTexture(t.texture, nullptr, d + frame.offsets[0], frame.pitches[0],
                             d + frame.offsets[1], frame.pitches[1], d + frame.offsets[2],
                             frame.pitches[2]);
      }
      t.serial = frame.serial;
    }
    return t.texture;
  }

  // The clip's poster at the size it is drawn: a picture of its own
  // (`poster:file.png`), else its frame at the poster's time.
  SDL_Texture* poster_texture(const Command& c, int want_w, int want_h) {
    if (!c.clip.poster_resolved.empty())
      return image_texture(c.clip.poster_resolved, {}, want_w, want_h);
    const double at = c.clip.poster_time_given ? c.clip.poster_s : c.clip.start_s;
    const RgbaImage* img = images.poster(c.image_path, at, want_w, want_h);
    char at_text[32];
    std::snprintf(at_text, sizeof at_text, "%.3f", at);
    return kept_texture(
        c.image_path + "\x1f#poster@" + at_text + "@" + std::to_string(img ? img->width : 0), img);
  }

  void draw_clip(const Command& c, float opacity) {
    if (c.rect.w <= 0 || c.rect.h <= 0) return;
    ClipNow live;
    const bool is_live = clips && clips->now(c.clip_key, &live);
    if (c.clip.kind != deck::MediaKind::kAudio) {
      const int want_w = static_cast<int>(std::ceil(c.rect.w * scale_x));
      const int want_h = static_cast<int>(std::ceil(c.rect.h * scale_y));
      SDL_Texture* tex = nullptr;
      int rotation = 0;  // a live frame's turn (a poster comes turned already)
      if (is_live && live.frame) {
        tex = frame_texture(c.clip_key, *live.frame);
        if (tex) rotation = live.frame->rotation;
      }
      if (!tex && !c.image_path.empty()) tex = poster_texture(c, want_w, want_h);
      if (!tex) {
        draw_placeholder(c.rect, opacity);
        return;
      }
      flush();
      const Rect r = moved(c.rect);
      const Uint8 alpha = static_cast<Uint8>(std::lround(std::clamp(opacity, 0.0f, 1.0f) * 255));
      SDL_SetTextureBlendMode(tex, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
      SDL_SetTextureAlphaMod(tex, alpha);
      if (rotation == 0) {
        const SDL_FRect dst{r.x, r.y, r.w, r.h};
        SDL_RenderCopyF(ren, tex, nullptr, &dst);
      } else {
        // Turned about the rect's centre: a quarter turn swaps its sides.
        const bool quarter = rotation == 90 || rotation == 270;
        const float w = quarter ? r.h : r.w, h = quarter ? r.w : r.h;
        const SDL_FRect dst{r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
        SDL_RenderCopyExF(ren, tex, nullptr, &dst, rotation, nullptr, SDL_FLIP_NONE);
      }
    }
    const double progress = is_live && live.duration_s > 0 ? live.position_s / live.duration_s : -1;
    for (const Command& mark : clip_marks(c, is_live && live.playing, progress)) {
      if (mark.kind == layout::CommandKind::kPolygon) {
        draw_polygon(mark, opacity);
      } else {
        fill_rect(mark.rect, mark.color, mark.radius, opacity);
      }
    }
  }

  // After a draw(): the textures of clips not drawn lately go.
  void trim_clip_textures() { drop_unused_textures(clip_textures, draws); }

  // The hatched box of paint_geometry.h; the label is drawn by layout.
  void draw_placeholder(const Rect& box, float opacity) {
    const Placeholder p = placeholder_geometry(box);
    fill_rect(box, p.fill, 0, opacity);
    for (size_t i = 0; i + 1 < p.hatches.size(); i += 2)
      line_spans(moved(p.hatches[i]), moved(p.hatches[i + 1]), p.hatch_width, visible(), spans);
    draw_spans(to_sdl_color(p.hatch, opacity));  // hatches never cross: one batch
    stroke_rect(p.outline_rect, p.outline, 0, p.outline_width, opacity);
  }

  void background(const layout::DisplayList& list, float opacity) {
    SDL_Color bg = to_sdl_color(list.background, opacity);
    if (bg.a == 0) return;
    // A plain rect fill: cheaper than triangles on the software renderer, and
    // the list's edges are whole pixels in practice.
    SDL_SetRenderDrawBlendMode(ren, bg.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ren, bg.r, bg.g, bg.b, bg.a);
    SDL_FRect r{ox, oy, static_cast<float>(list.width), static_cast<float>(list.height)};
    SDL_RenderFillRectF(ren, &r);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Visitor (render/walk.h)
  //-----------------------------------------------------------------------------

  // Items in the list's pixels, moved by (ox, oy) as they are drawn; nothing
  // is drawn while the clip holds no pixel.
  struct Visitor {
    Impl& d;
    void background(const layout::DisplayList& list, const Paint& now) {
      d.background(list, now.opacity);
    }
    void push_clip(const Rect&, const Paint& now) { d.apply_clip(now.clip); }
    void pop_clip(const Paint& now) { d.apply_clip(now.clip); }
    void fill_rect(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.fill_rect(c.rect, c.color, c.radius, now.opacity);
    }
    void stroke_rect(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.stroke_rect(c.rect, c.color, c.radius, c.width, now.opacity);
    }
    void line(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_line(c, now.opacity);
    }
    void polygon(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_polygon(c, now.opacity);
    }
    void glyph_run(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_glyph_run(c, now.opacity);
    }
    void image(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_image(c, now.opacity);
    }
    void pdf_page(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_pdf_page(c, now.opacity);
    }
    void stroke(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_stroke(c, now.opacity);
    }
    void clip(const Command& c, const Paint& now) {
      if (!d.clipped_out) d.draw_clip(c, now.opacity);
    }
  };
};

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

SdlRenderer::SdlRenderer(SDL_Renderer* renderer, text::GlyphCache& glyphs, ImageCache& images)
    : impl_(std::make_unique<Impl>(renderer, glyphs, images)) {}

SdlRenderer::~SdlRenderer() = default;

void SdlRenderer::draw(const layout::DisplayList& list, float x, float y, float opacity) {
  Impl& d = *impl_;
  SavedState saved = SavedState::save(d.ren);
  d.ox = x;
  d.oy = y;
  d.clip_open = false;
  d.clipped_out = false;
  d.base_clip_enabled = saved.clip_enabled;
  d.base_clip = saved.clip;
  SDL_Rect viewport;
  SDL_RenderGetViewport(d.ren, &viewport);
  d.canvas = {0, 0, viewport.w, viewport.h};
  SDL_RenderGetScale(d.ren, &d.scale_x, &d.scale_y);
  if (!(d.scale_x > 0) || !(d.scale_y > 0)) d.scale_x = d.scale_y = 1;
  ++d.draws;
  SDL_SetRenderDrawBlendMode(d.ren, SDL_BLENDMODE_BLEND);  // for the shapes' FillRects
  Impl::Visitor visitor{d};
  d.walker.walk(list, visitor, {x, y}, opacity);
  d.flush();
  d.trim_pdf_textures();
  d.trim_image_textures();
  d.trim_stroke_textures();
  d.trim_clip_textures();
  saved.restore(d.ren);
}

void SdlRenderer::set_image_texture_draws(int draws) {
  impl_->image_texture_draws = std::max(-1, draws);
}

void SdlRenderer::set_clips(const ClipFrames* clips) {
  impl_->clips = clips;
}

void SdlRenderer::invalidate() {
  impl_->destroy_textures();
}

int SdlRenderer::texture_count() const {
  int n = 0;
  for (const Impl::Page& p : impl_->pages) n += p.texture ? 1 : 0;
  for (const auto& [path, t] : impl_->image_textures) n += t.texture ? 1 : 0;
  for (const auto& [key, t] : impl_->pdf_textures) n += t.texture ? 1 : 0;
  for (const auto& [key, t] : impl_->stroke_textures) n += t.texture ? 1 : 0;
  for (const auto& [key, t] : impl_->clip_textures) n += t.texture ? 1 : 0;
  return n;
}

}  // namespace madang::render
