// PdfWriter: layout::DisplayList -> pages of a PDF through cairo's PDF surface.
//
// Implemented features:
//  [X] Fill and stroke rects with corner radius (true arcs), lines with butt
//      ends and arrow heads (coverage.h's arrow geometry), polygons: vector
//      paths with the same geometry the SDL renderer rasterizes.
//  [X] Glyph runs as text: cairo_show_text_glyphs with the run's UTF-8 and
//      HarfBuzz clusters (ToUnicode / ActualText). Fonts: the same file and
//      face index the text engine shaped with, first cut by hb-subset to the
//      glyphs the document uses (renumbered, no hinting, no layout
//      tables), then handed to cairo-ft from memory; cairo embeds its own
//      subset of that. (cairo 1.16 alone embeds over 1 MB of Noto Sans CJK
//      for the lecture deck; this way the whole file is a fraction of that.)
//      A face hb-subset cannot cut is given to cairo whole. Synthetic italic as the font matrix's
//      shear (the glyph cache's 0.2125), synthetic bold as a stroke of the glyph outline (the glyph
//      cache's emboldening), the text itself drawn once.
//  [X] Colour emoji as images (the glyph cache's bitmap at 96 px, scaled
//      down), each glyph embedded once.
//  [X] Images: one cairo surface per path for the whole document, so each is
//      embedded once; JPEG files keep their own bytes (DCT). The hatched
//      placeholder of paint_geometry.h for an image that cannot be drawn.
//  [X] PDF pages (kPdfPage) as vectors: poppler draws the page into the
//      cairo context (pdf/document.h), so its text stays text and its paths
//      stay paths; clipped to the rect, under the walk's clip, and faded as
//      one group (push_group / paint_with_alpha) when the opacity is below 1.
//      One Document per file for the whole export. The image placeholder for
//      a page that cannot be drawn.
//  [X] Underline and strike-through (paint_geometry.h), links on runs that
//      carry one (cairo link tags: the drawn text is the live area).
//  [X] Clip and opacity as render/walk.h keeps them: each clip a cairo
//      save/clip/restore (cairo intersects them exactly), the opacity in force
//      multiplying every colour's alpha as the SDL renderer does (per shape,
//      not as a group).
//  [X] Freehand strokes (kStroke, ink) as vector paths: stroked with round
//      caps and joins when the width is even, else stroke_geometry.h's pieces
//      filled as one shape (non-zero), as the SDL renderer rasterizes them.
//  [X] Clips (kClip): the poster (a frame of the clip, or its poster
//      picture) under a play mark, linked to the clip's file; a sound's bar.
//  [X] Page size and label per page, outline entries, document metadata.
//  [X] Saves and restores the cairo state it touches per placement.
// Missing features:
//  [ ] Emoji are not searchable text (a picture has no ToUnicode).
//  [ ] Group opacity (as in the SDL renderer).
//
// CHANGELOG
//  first version: shapes, text with clusters, emoji, images once, links,
//               outline, labels, metadata; written through AtomicFile.
//  PDF decks:   kPdfPage drawn by poppler as vectors, one Document per file.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Font subsets
// [SECTION] Fonts and images
// [SECTION] Paths
// [SECTION] Text
// [SECTION] PDF pages
// [SECTION] Visitor (render/walk.h)
// [SECTION] Pages
// [SECTION] Public API

#include "render/pdf.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "pdf/document.h"
#include "render/atomic_file.h"
#include "render/coverage.h"
#include "render/image_filter.h"
#include "render/paint_geometry.h"
#include "render/stroke_geometry.h"
#include "render/walk.h"

namespace madang::render {

using layout::Command;
using layout::CommandKind;
using layout::Point;
using layout::Rect;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

// Emoji bitmaps are taken at this size and scaled down on the page, so that a
// zoomed PDF stays sharp.
constexpr float kEmojiPixels = 96;
// The glyph cache's synthetic italic shear (x += 0.2125 y) and bold strength.
constexpr double kItalicShear = 0x0366A / 65536.0;
constexpr double kBoldStrength = 1.0 / 24;

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  return static_cast<AtomicFile*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS
                                                                : CAIRO_STATUS_WRITE_ERROR;
}

// A value for a cairo tag attribute: single-quoted, with ' and \ escaped.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// A file's absolute path as a file: URI (bytes outside the unreserved set
// percent-encoded: Hangul names, spaces).
std::string file_uri(const std::string& path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_jpeg(const std::string& bytes) {
  return bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[2]) == 0xFF;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void free_bytes(void* data) {
  delete static_cast<std::string*>(data);
}

// Straight-alpha RGBA8 -> a cairo image surface (RGB24 when opaque, so the
// PDF needs no soft mask; else premultiplied ARGB32).
cairo_surface_t* surface_from_rgba(const std::uint8_t* pixels, int width, int height,
                                   bool premultiplied) {
  bool opaque = true;
  const std::size_t count = static_cast<std::size_t>(width) * height;
  for (std::size_t i = 0; i < count && opaque; ++i) opaque = pixels[i * 4 + 3] == 255;
  cairo_surface_t* s =
      cairo_image_surface_create(opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    const std::uint8_t* src = pixels + static_cast<std::size_t>(y) * width * 4;
    for (int x = 0; x < width; ++x, src += 4) {
      std::uint32_t a = src[3], r = src[0], g = src[1], b = src[2];
      if (!premultiplied && a != 255) {
        r = (r * a + 127) / 255;
        g = (g * a + 127) / 255;
        b = (b * a + 127) / 255;
      }
      row[x] = a << 24 | r << 16 | g << 8 | b;
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Font subsets
//-----------------------------------------------------------------------------

// A face cut down to `glyphs`, or nullptr; `remap` gets each glyph's id in
// the cut face (renumbering keeps the font small: kept ids would make every
// per-glyph table as long as the whole font's 65,535 glyphs). The subset
// bytes and the FreeType face made of them live as long as the cairo font face
// (freed by its user-data callback), each face with a FreeType library of its
// own so that nothing outlives its owner.
struct SubsetFace {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  hb_blob_t* blob = nullptr;
};

const cairo_user_data_key_t kSubsetKey{};

void free_subset(void* data) {
  auto* s = static_cast<SubsetFace*>(data);
  if (s->face) FT_Done_Face(s->face);
  if (s->library) FT_Done_FreeType(s->library);
  hb_blob_destroy(s->blob);
  delete s;
}

cairo_font_face_t* subset_font_face(const text::FaceInfo& info,
                                    const std::set<std::uint32_t>& glyphs,
                                    std::unordered_map<std::uint32_t, std::uint32_t>* remap) {
  hb_blob_t* file = hb_blob_create_from_file_or_fail(info.path.c_str());
  if (!file) return nullptr;
  hb_face_t* face = hb_face_create(file, static_cast<unsigned>(info.face_index));
  hb_blob_destroy(file);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  hb_face_t* cut = nullptr;
  if (input) {
    hb_set_t* set = hb_subset_input_glyph_set(input);
    for (std::uint32_t g : glyphs) hb_set_add(set, g);
    // Only outlines and metrics: PDF text needs no shaping tables (and their
    // closure would pull in glyphs the page never shows).
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx",
                            "DSIG", "vhea", "vmtx", "VORG"})
      hb_set_add(drop, hb_tag_from_string(tag, 4));
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    if (hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face, input)) {
      cut = hb_subset_plan_execute_or_fail(plan);
      const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan);
      for (std::uint32_t g : glyphs) {
        const hb_codepoint_t to = hb_map_get(map, g);
        if (to != HB_MAP_VALUE_INVALID) (*remap)[g] = to;
      }
      hb_subset_plan_destroy(plan);
    }
    hb_subset_input_destroy(input);
  }
  hb_face_destroy(face);
  if (!cut) return nullptr;
  auto* s = new SubsetFace;
  s->blob = hb_face_reference_blob(cut);
  hb_face_destroy(cut);
  unsigned int length = 0;
  const char* data = hb_blob_get_data(s->blob, &length);
  if (length == 0 || FT_Init_FreeType(&s->library) != 0 ||
      FT_New_Memory_Face(s->library, reinterpret_cast<const FT_Byte*>(data),
                         static_cast<FT_Long>(length), 0, &s->face) != 0) {
    free_subset(s);
    return nullptr;
  }
  cairo_font_face_t* out = cairo_ft_font_face_create_for_ft_face(s->face, 0);
  if (cairo_font_face_status(out) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data(out, &kSubsetKey, s, free_subset) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(out);
    free_subset(s);
    return nullptr;
  }
  return out;
}

}  // namespace

struct PdfWriter::Impl {
  const text::FontSystem& fonts;
  text::GlyphCache& glyphs;
  ImageCache& images;
  AtomicFile file;
  PdfMetadata meta;
  std::vector<PdfPage> pages_kept;  // drawn by finish()
  std::map<text::FontId, std::set<std::uint32_t>> used_glyphs;
  // Glyph ids in the subset faces (no entry: the face is whole).
  std::map<text::FontId, std::unordered_map<std::uint32_t, std::uint32_t>> glyph_maps;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  cairo_font_options_t* font_options = nullptr;
  int pages = 0;

  std::unordered_map<text::FontId, cairo_font_face_t*> faces;
  std::map<std::string, cairo_surface_t*> image_surfaces;  // nullptr: draw the placeholder
  std::map<std::pair<text::FontId, std::uint32_t>, cairo_surface_t*> emoji;
  struct EmojiPlace {
    float left = 0, top = 0;
  };
  std::map<std::pair<text::FontId, std::uint32_t>, EmojiPlace> emoji_places;

  // The PDF decks' files, opened once per export (by digest): nullptr when
  // the file does not open, so that it is tried once.
  std::unordered_map<std::uint64_t, std::unique_ptr<pdf::Document>> documents;

  Walker walker;
  std::vector<cairo_glyph_t> glyph_buffer;
  std::vector<cairo_text_cluster_t> cluster_buffer;

  Impl(const text::FontSystem& f, text::GlyphCache& g, ImageCache& i)
      : fonts(f), glyphs(g), images(i) {}
  ~Impl() { release(); }

  void release() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
    cr = nullptr;
    surface = nullptr;
    for (auto& [id, face] : faces)
      if (face) cairo_font_face_destroy(face);
    faces.clear();
    glyph_maps.clear();
    for (auto& [path, s] : image_surfaces)
      if (s) cairo_surface_destroy(s);
    image_surfaces.clear();
    for (auto& [key, s] : emoji)
      if (s) cairo_surface_destroy(s);
    emoji.clear();
    documents.clear();
    if (font_options) cairo_font_options_destroy(font_options);
    font_options = nullptr;
  }

  void set_color(layout::Color c, float opacity) {
    cairo_set_source_rgba(cr, (c >> 24) / 255.0, ((c >> 16) & 0xff) / 255.0,
                          ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0 * opacity);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Fonts and images
  //-----------------------------------------------------------------------------

  // cairo-ft opens the same file and face the text engine shaped with, so the
  // glyph ids agree; nullptr when the id is unknown.
  cairo_font_face_t* face_for(text::FontId id) {
    auto it = faces.find(id);
    if (it != faces.end()) return it->second;
    cairo_font_face_t* face = nullptr;
    if (id >= 0 && id < fonts.face_count()) {
      const text::FaceInfo& info = fonts.face(id);
      std::unordered_map<std::uint32_t, std::uint32_t> remap;
      face = subset_font_face(info, used_glyphs[id], &remap);
      if (face) glyph_maps[id] = std::move(remap);
    }
    if (!face && id >= 0 && id < fonts.face_count()) {
      const text::FaceInfo& info = fonts.face(id);
      FcPattern* pattern = FcPatternCreate();
      FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(info.path.c_str()));
      FcPatternAddInteger(pattern, FC_INDEX, info.face_index);
      face = cairo_ft_font_face_create_for_pattern(pattern);
      FcPatternDestroy(pattern);
      if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(face);
        face = nullptr;
      }
    }
    return faces.emplace(id, face).first->second;
  }

  // One surface per image and filters (render/image_filter.h).
  cairo_surface_t* image_surface(const std::string& path,
                                 const std::vector<deck::ImageFilter>& filters) {
    const std::string key = image_key(path, filters);
    auto it = image_surfaces.find(key);
    if (it != image_surfaces.end()) return it->second;
    cairo_surface_t* s = nullptr;
    if (const RgbaImage* img = images.get(path, filters)) {
      s = surface_from_rgba(img->pixels.data(), img->width, img->height, false);
      if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        s = nullptr;
      } else {
        // A JPEG goes into the PDF as its own bytes (smaller than re-deflated
        // pixels); cairo checks that they describe the same image.
        auto* bytes = new std::string(filters.empty() ? file_bytes(path) : std::string());
        if (is_jpeg(*bytes)) {
          cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
                                      reinterpret_cast<const unsigned char*>(bytes->data()),
                                      bytes->size(), free_bytes, bytes);
        } else {
          delete bytes;
        }
        auto* id = new std::string("madang-image:" + key);
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID,
                                    reinterpret_cast<const unsigned char*>(id->data()), id->size(),
                                    free_bytes, id);
      }
    }
    return image_surfaces.emplace(key, s).first->second;
  }

  cairo_surface_t* emoji_surface(text::FontId font, std::uint32_t glyph, EmojiPlace* place) {
    const auto key = std::make_pair(font, glyph);
    auto it = emoji.find(key);
    if (it == emoji.end()) {
      const text::GlyphBitmap& bm = glyphs.get(text::GlyphKey{font, glyph, kEmojiPixels, 0});
      cairo_surface_t* s = nullptr;
      const std::size_t want = static_cast<std::size_t>(bm.width) * bm.height * 4;
      if (bm.color && bm.width > 0 && bm.height > 0 && bm.pixels.size() >= want) {
        s = surface_from_rgba(bm.pixels.data(), bm.width, bm.height, true);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
          cairo_surface_destroy(s);
          s = nullptr;
        }
      }
      emoji_places[key] = EmojiPlace{static_cast<float>(bm.left), static_cast<float>(bm.top)};
      it = emoji.emplace(key, s).first;
    }
    *place = emoji_places[key];
    return it->second;
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Paths
  //-----------------------------------------------------------------------------

  // Quarter circles of `radius` (clamped to half the shorter side), as
  // coverage.h's rounded_rect_path, but as true arcs.
  void rounded_rect(const Rect& r, float radius) {
    const double rad = std::clamp(radius, 0.0f, std::min(r.w, r.h) * 0.5f);
    if (rad < 0.25) {
      cairo_rectangle(cr, r.x, r.y, r.w, r.h);
      return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, r.x + r.w - rad, r.y + rad, rad, -M_PI / 2, 0);
    cairo_arc(cr, r.x + r.w - rad, r.y + r.h - rad, rad, 0, M_PI / 2);
    cairo_arc(cr, r.x + rad, r.y + r.h - rad, rad, M_PI / 2, M_PI);
    cairo_arc(cr, r.x + rad, r.y + rad, rad, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
  }

  void fill_rect(const Rect& r, layout::Color color, float radius, float opacity) {
    if (r.w <= 0 || r.h <= 0) return;
    rounded_rect(r, radius);
    set_color(color, opacity);
    cairo_fill(cr);
  }

  // The ring between the outline grown and shrunk by half the width, as
  // coverage.cpp's stroke_rect_spans (outer corners rad + w/2, inner rad - w/2).
  void stroke_rect(const Rect& r, layout::Color color, float radius, float width, float opacity) {
    if (width <= 0 || r.w < 0 || r.h < 0) return;
    const float hw = width * 0.5f;
    const float rad = std::clamp(radius, 0.0f, std::min(r.w, r.h) * 0.5f);
    rounded_rect({r.x - hw, r.y - hw, r.w + width, r.h + width}, rad > 0 ? rad + hw : 0);
    const Rect inner{r.x + hw, r.y + hw, r.w - width, r.h - width};
    if (inner.w > 0 && inner.h > 0) rounded_rect(inner, std::max(0.0f, rad - hw));
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_color(color, opacity);
    cairo_fill(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  }

  void segment(Point a, Point b, float width, layout::Color color, float opacity) {
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, a.x, a.y);
    cairo_line_to(cr, b.x, b.y);
    set_color(color, opacity);
    cairo_stroke(cr);
  }

  void polygon(const std::vector<Point>& points, layout::Color color, float opacity) {
    if (points.size() < 3) return;
    cairo_move_to(cr, points[0].x, points[0].y);
    for (std::size_t i = 1; i < points.size(); ++i) cairo_line_to(cr, points[i].x, points[i].y);
    cairo_close_path(cr);
    set_color(color, opacity);
    cairo_fill(cr);
  }

  // A freehand stroke (ink) as a vector: one path with round caps and joins
  // when its width is even, else stroke_geometry.h's pieces filled together.
  void draw_stroke(const Command& c, float opacity) {
    if (c.points.empty()) return;
    if (uniform_width(c)) {
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width(cr, std::max(0.5f, c.widths.empty() ? c.width : c.widths.front()));
      cairo_move_to(cr, c.points[0].x, c.points[0].y);
      if (c.points.size() == 1) cairo_line_to(cr, c.points[0].x, c.points[0].y);
      for (std::size_t i = 1; i < c.points.size(); ++i)
        cairo_line_to(cr, c.points[i].x, c.points[i].y);
      set_color(c.color, opacity);
      cairo_stroke(cr);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
      return;
    }
    for (const Contour& piece : stroke_contours(c)) {
      cairo_move_to(cr, piece[0].x, piece[0].y);
      for (std::size_t i = 1; i < piece.size(); ++i) cairo_line_to(cr, piece[i].x, piece[i].y);
      cairo_close_path(cr);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    set_color(c.color, opacity);
    cairo_fill(cr);
  }

  void draw_line(const Command& c, float opacity) {
    if (c.points.size() < 2) return;
    const float w = c.width > 0 ? c.width : 1;
    Point end = c.points[1];
    if (c.arrow_end) polygon(arrow_head(c.points[0], c.points[1], w, &end), c.color, opacity);
    segment(c.points[0], end, w, c.color, opacity);
  }

  // The hatched box of paint_geometry.h; the label is drawn by layout.
  void draw_placeholder(const Rect& box, float opacity) {
    const Placeholder p = placeholder_geometry(box);
    fill_rect(box, p.fill, 0, opacity);
    for (std::size_t i = 0; i + 1 < p.hatches.size(); i += 2)
      segment(p.hatches[i], p.hatches[i + 1], p.hatch_width, p.hatch, opacity);
    stroke_rect(p.outline_rect, p.outline, 0, p.outline_width, opacity);
  }

  void draw_image(const Command& c, float opacity) {
    if (c.rect.w <= 0 || c.rect.h <= 0) return;
    cairo_surface_t* s = c.image_path.empty() ? nullptr : image_surface(c.image_path, c.filters);
    if (!s) {
      draw_placeholder(c.rect, opacity);
      return;
    }
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    cairo_save(cr);
    cairo_rectangle(cr, c.rect.x, c.rect.y, c.rect.w, c.rect.h);
    cairo_clip(cr);
    cairo_translate(cr, c.rect.x, c.rect.y);
    cairo_scale(cr, c.rect.w / w, c.rect.h / h);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Clips
  //-----------------------------------------------------------------------------

  // A clip on paper: its poster (its poster picture, else its frame at the
  // poster's time, at twice the size it is drawn for print) under a play
  // mark, linked to the file so that a reader's viewer can play it; a sound
  // is its bar.
  void draw_clip(const Command& c, float opacity) {
    if (c.rect.w <= 0 || c.rect.h <= 0) return;
    const bool linked = !c.image_path.empty();
    if (linked) {
      char area[160];
      std::snprintf(area, sizeof area, " rect=[%.2f %.2f %.2f %.2f]", c.rect.x, c.rect.y, c.rect.w,
                    c.rect.h);
      cairo_tag_begin(cr, CAIRO_TAG_LINK, ("uri=" + quoted(file_uri(c.image_path)) + area).c_str());
    }
    if (c.clip.kind != deck::MediaKind::kAudio) {
      cairo_surface_t* poster = nullptr;
      if (!c.clip.poster_resolved.empty()) {
        poster = image_surface(c.clip.poster_resolved, {});
      } else if (linked) {
        poster = poster_surface(c);
      }
      if (poster) {
        const int w = cairo_image_surface_get_width(poster);
        const int h = cairo_image_surface_get_height(poster);
        cairo_save(cr);
        cairo_rectangle(cr, c.rect.x, c.rect.y, c.rect.w, c.rect.h);
        cairo_clip(cr);
        cairo_translate(cr, c.rect.x, c.rect.y);
        cairo_scale(cr, c.rect.w / w, c.rect.h / h);
        cairo_set_source_surface(cr, poster, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint_with_alpha(cr, opacity);
        cairo_restore(cr);
      } else {
        draw_placeholder(c.rect, opacity);
      }
    }
    for (const Command& mark : clip_marks(c, false, -1)) {
      if (mark.kind == layout::CommandKind::kPolygon) {
        polygon(mark.points, mark.color, opacity);
      } else {
        fill_rect(mark.rect, mark.color, mark.radius, opacity);
      }
    }
    if (linked) cairo_tag_end(cr, CAIRO_TAG_LINK);
  }

  cairo_surface_t* poster_surface(const Command& c) {
    const double at = c.clip.poster_time_given ? c.clip.poster_s : c.clip.start_s;
    const int w = static_cast<int>(std::ceil(c.rect.w * 2));
    const int h = static_cast<int>(std::ceil(c.rect.h * 2));
    char key[64];
    std::snprintf(key, sizeof key, "\x1f#poster@%.3f/%dx%d", at, w, h);
    const std::string id = c.image_path + key;
    auto it = image_surfaces.find(id);
    if (it != image_surfaces.end()) return it->second;
    cairo_surface_t* s = nullptr;
    if (const RgbaImage* img = images.poster(c.image_path, at, w, h)) {
      s = surface_from_rgba(img->pixels.data(), img->width, img->height, false);
      if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        s = nullptr;
      }
    }
    return image_surfaces.emplace(id, s).first->second;
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Text
  //-----------------------------------------------------------------------------

  // Clusters for cairo from the glyphs' byte offsets into run.text: runs of
  // equal offsets are one cluster, each covering the bytes up to the next
  // offset. Offsets that fall (RTL) are walked backward. Anything else (no
  // text, offsets out of order or range) is one cluster for the whole run,
  // which is always valid.
  cairo_text_cluster_flags_t clusters_for(const text::GlyphRun& run) {
    cluster_buffer.clear();
    const auto n = static_cast<int>(run.glyphs.size());
    const auto len = static_cast<std::int64_t>(run.text.size());
    auto offset = [&](int i) {
      return static_cast<std::int64_t>(run.glyphs[static_cast<std::size_t>(i)].cluster) -
             run.text_begin;
    };
    bool forward = true, backward = true;
    for (int i = 0; i < n; ++i) {
      const std::int64_t o = offset(i);
      if (o < 0 || o >= len) forward = backward = false;
      if (i > 0 && o < offset(i - 1)) forward = false;
      if (i > 0 && o > offset(i - 1)) backward = false;
    }
    if (forward || backward) {
      // Visit glyphs in logical order: first to last, or last to first.
      const int first = forward ? 0 : n - 1, step = forward ? 1 : -1;
      std::int64_t start = 0;
      for (int i = first; i >= 0 && i < n;) {
        int count = 0;
        const std::int64_t o = offset(i);
        while (i >= 0 && i < n && offset(i) == o) {
          ++count;
          i += step;
        }
        const std::int64_t next = (i >= 0 && i < n) ? offset(i) : len;
        cluster_buffer.push_back({static_cast<int>(next - start), count});
        start = next;
      }
      return forward ? cairo_text_cluster_flags_t{} : CAIRO_TEXT_CLUSTER_FLAG_BACKWARD;
    }
    cluster_buffer.push_back({static_cast<int>(len), n});
    return cairo_text_cluster_flags_t{};
  }

  void draw_emoji(const Command& c, float opacity) {
    const text::GlyphRun& run = c.run;
    const double k = run.size / kEmojiPixels;
    for (const text::Glyph& g : run.glyphs) {
      EmojiPlace place;
      cairo_surface_t* s = emoji_surface(run.font, g.id, &place);
      if (!s) continue;
      cairo_save(cr);
      cairo_translate(cr, c.origin.x + g.x, c.origin.y + g.y);
      cairo_scale(cr, k, k);
      cairo_set_source_surface(cr, s, place.left, -place.top);
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
      cairo_paint_with_alpha(cr, opacity);
      cairo_restore(cr);
    }
  }

  void draw_glyph_run(const Command& c, float opacity) {
    const text::GlyphRun& run = c.run;
    if (run.glyphs.empty() || run.font < 0 || run.font >= fonts.face_count()) return;
    const bool link = !run.style.link.empty();
    if (link) cairo_tag_begin(cr, CAIRO_TAG_LINK, ("uri=" + quoted(run.style.link)).c_str());
    if (fonts.face(run.font).color) {
      draw_emoji(c, opacity);
    } else if (cairo_font_face_t* face = face_for(run.font)) {
      cairo_set_font_face(cr, face);
      cairo_matrix_t m;
      cairo_matrix_init(&m, run.size, 0, run.synthetic_italic ? -kItalicShear * run.size : 0,
                        run.size, 0, 0);
      cairo_set_font_matrix(cr, &m);
      cairo_set_font_options(cr, font_options);
      glyph_buffer.clear();
      const auto map = glyph_maps.find(run.font);
      for (const text::Glyph& g : run.glyphs) {
        unsigned long id = g.id;
        if (map != glyph_maps.end()) {
          const auto to = map->second.find(g.id);
          id = to != map->second.end() ? to->second : 0;
        }
        glyph_buffer.push_back({id, c.origin.x + g.x, c.origin.y + g.y});
      }
      const int count = static_cast<int>(glyph_buffer.size());
      set_color(run.style.color, opacity);
      if (run.text.empty()) {
        cairo_show_glyphs(cr, glyph_buffer.data(), count);
      } else {
        const cairo_text_cluster_flags_t flags = clusters_for(run);
        cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()),
                               glyph_buffer.data(), count, cluster_buffer.data(),
                               static_cast<int>(cluster_buffer.size()), flags);
      }
      if (run.synthetic_bold) {
        // The outline, stroked as wide as the glyph cache emboldens; the text
        // above stays the only text.
        cairo_glyph_path(cr, glyph_buffer.data(), count);
        cairo_set_line_width(cr, run.size * kBoldStrength);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
      }
    }
    for (const Rect& r : decoration_rects(run, c.origin)) fill_rect(r, run.style.color, 0, opacity);
    if (link) cairo_tag_end(cr, CAIRO_TAG_LINK);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] PDF pages
  //-----------------------------------------------------------------------------

  const pdf::Document* document_for(const pdf::SourcePtr& source) {
    auto it = documents.find(source->digest);
    if (it == documents.end()) {
      pdf::Failure failure = pdf::Failure::kNone;
      std::string error;  // the deck's loading reported it; here it is a placeholder
      it = documents.emplace(source->digest, pdf::Document::open(source, &failure, &error)).first;
    }
    return it->second.get();
  }

  // The page as poppler draws it into our context: its paths, text (with
  // its fonts and ToUnicode) and images go into this PDF as they are, scaled
  // to the rect.
  void draw_pdf_page(const Command& c, float opacity) {
    if (c.rect.w <= 0 || c.rect.h <= 0) return;
    const pdf::Document* document = c.pdf ? document_for(c.pdf) : nullptr;
    if (!document || c.page < 0 || c.page >= document->page_count()) {
      draw_placeholder(c.rect, opacity);
      return;
    }
    cairo_save(cr);
    cairo_rectangle(cr, c.rect.x, c.rect.y, c.rect.w, c.rect.h);
    cairo_clip(cr);
    cairo_translate(cr, c.rect.x, c.rect.y);
    // Faded as one picture: per-shape alpha would show the page's
    // overlapping shapes through each other.
    const bool group = opacity < 1;
    if (group) cairo_push_group(cr);
    const bool drawn = document->draw(c.page, cr, c.rect.w, c.rect.h, c.page_part);
    if (group) {
      cairo_pop_group_to_source(cr);
      if (drawn) cairo_paint_with_alpha(cr, opacity);
    }
    cairo_restore(cr);
    if (!drawn) draw_placeholder(c.rect, opacity);
  }

  //-----------------------------------------------------------------------------
  // [SECTION] Visitor (render/walk.h)
  //-----------------------------------------------------------------------------

  // Each clip of the list is a cairo save/clip/restore of its own rect (cairo
  // intersects them); items are drawn in the list's pixels under draw()'s
  // placement transform.
  struct Visitor {
    Impl& d;
    void background(const layout::DisplayList& list, const Paint& now) {
      if ((list.background & 0xff) == 0) return;
      d.set_color(list.background, now.opacity);
      cairo_paint(d.cr);
    }
    void push_clip(const Rect& r, const Paint&) {
      cairo_save(d.cr);
      cairo_rectangle(d.cr, r.x, r.y, std::max(0.0f, r.w), std::max(0.0f, r.h));
      cairo_clip(d.cr);
    }
    void pop_clip(const Paint&) { cairo_restore(d.cr); }
    void fill_rect(const Command& c, const Paint& now) {
      d.fill_rect(c.rect, c.color, c.radius, now.opacity);
    }
    void stroke_rect(const Command& c, const Paint& now) {
      d.stroke_rect(c.rect, c.color, c.radius, c.width, now.opacity);
    }
    void line(const Command& c, const Paint& now) { d.draw_line(c, now.opacity); }
    void polygon(const Command& c, const Paint& now) { d.polygon(c.points, c.color, now.opacity); }
    void glyph_run(const Command& c, const Paint& now) { d.draw_glyph_run(c, now.opacity); }
    void image(const Command& c, const Paint& now) { d.draw_image(c, now.opacity); }
    void pdf_page(const Command& c, const Paint& now) { d.draw_pdf_page(c, now.opacity); }
    void stroke(const Command& c, const Paint& now) { d.draw_stroke(c, now.opacity); }
    void clip(const Command& c, const Paint& now) { d.draw_clip(c, now.opacity); }
  };

  //-----------------------------------------------------------------------------
  // [SECTION] Pages
  //-----------------------------------------------------------------------------

  // Every glyph a page will draw as text, per face (emoji are pictures).
  void collect_glyphs(const layout::DisplayList& list) {
    for (const Command& c : list.commands) {
      if (c.kind != CommandKind::kGlyphRun || c.run.font < 0 || c.run.font >= fonts.face_count() ||
          fonts.face(c.run.font).color)
        continue;
      std::set<std::uint32_t>& set = used_glyphs[c.run.font];
      for (const text::Glyph& g : c.run.glyphs) set.insert(g.id);
    }
  }

  int chapter = CAIRO_PDF_OUTLINE_ROOT;  // the outline entry later bookmarks nest under

  void draw_page(const PdfPage& page, int number) {
    cairo_pdf_surface_set_size(surface, page.width, page.height);
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    for (const PdfPlacement& p : page.placements) {
      if (p.list.width > 0 && p.list.height > 0) draw(p);
    }
    const std::string target = "page=" + std::to_string(number);
    if (!page.chapter.empty()) {
      chapter = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, page.chapter.c_str(),
                                              target.c_str(), cairo_pdf_outline_flags_t{});
    }
    if (!page.bookmark.empty()) {
      cairo_pdf_surface_add_outline(surface, chapter, page.bookmark.c_str(), target.c_str(),
                                    cairo_pdf_outline_flags_t{});
    }
    cairo_show_page(cr);
  }

  void draw(const PdfPlacement& p) {
    const layout::DisplayList& list = p.list;
    cairo_save(cr);
    cairo_translate(cr, p.x, p.y);
    cairo_scale(cr, p.scale, p.scale);
    cairo_rectangle(cr, 0, 0, list.width, list.height);
    cairo_clip(cr);
    Visitor visitor{*this};
    walker.walk(list, visitor);
    cairo_restore(cr);
  }
};

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

PdfWriter::PdfWriter(const text::FontSystem& fonts, text::GlyphCache& glyphs, ImageCache& images)
    : impl_(std::make_unique<Impl>(fonts, glyphs, images)) {}

PdfWriter::~PdfWriter() = default;

bool PdfWriter::open(const std::string& path, const PdfMetadata& meta, std::string* error) {
  Impl& d = *impl_;
  d.release();
  d.pages_kept.clear();
  d.used_glyphs.clear();
  d.pages = 0;
  d.meta = meta;
  return d.file.open(path, error);
}

void PdfWriter::add_page(PdfPage page) {
  Impl& d = *impl_;
  for (const PdfPlacement& p : page.placements) d.collect_glyphs(p.list);
  d.pages_kept.push_back(std::move(page));
  d.pages = static_cast<int>(d.pages_kept.size());
}

bool PdfWriter::finish(std::string* error) {
  Impl& d = *impl_;
  auto fail = [&](const std::string& why) {
    d.release();
    d.pages_kept.clear();
    d.file.discard();
    if (error) *error = why;
    return false;
  };
  if (d.file.path().empty()) return fail("not open");
  if (d.pages_kept.empty()) return fail("no pages");
  const PdfPage& first = d.pages_kept.front();
  d.surface =
      cairo_pdf_surface_create_for_stream(write_to_file, &d.file, first.width, first.height);
  d.cr = cairo_create(d.surface);
  if (cairo_surface_status(d.surface) != CAIRO_STATUS_SUCCESS ||
      cairo_status(d.cr) != CAIRO_STATUS_SUCCESS)
    return fail(cairo_status_to_string(cairo_surface_status(d.surface)));
  auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(d.surface, key, value.c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, d.meta.title);
  set(CAIRO_PDF_METADATA_AUTHOR, d.meta.author);
  set(CAIRO_PDF_METADATA_SUBJECT, d.meta.subject);
  set(CAIRO_PDF_METADATA_KEYWORDS, d.meta.keywords);
  set(CAIRO_PDF_METADATA_CREATOR, d.meta.creator);
  set(CAIRO_PDF_METADATA_CREATE_DATE, d.meta.date);
  set(CAIRO_PDF_METADATA_MOD_DATE, d.meta.date);
  // Outlines as they are: no hinting, no metric rounding (the layout's
  // advances are linear).
  d.font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(d.font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(d.font_options, CAIRO_HINT_METRICS_OFF);

  for (std::size_t i = 0; i < d.pages_kept.size(); ++i) {
    d.draw_page(d.pages_kept[i], static_cast<int>(i) + 1);
    d.pages_kept[i] = PdfPage{};  // its lists are drawn: let them go
  }
  d.pages_kept.clear();
  cairo_destroy(d.cr);
  d.cr = nullptr;
  cairo_surface_finish(d.surface);  // writes fonts, images, outline, trailer
  const cairo_status_t status = cairo_surface_status(d.surface);
  d.release();
  if (status != CAIRO_STATUS_SUCCESS && !d.file.failed())
    return fail(cairo_status_to_string(status));
  return d.file.commit(error);  // a failed write reports the system's reason
}

int PdfWriter::page_count() const {
  return impl_->pages;
}

}  // namespace madang::render
