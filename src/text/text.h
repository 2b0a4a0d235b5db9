// Text engine: styled UTF-8 in, positioned glyphs out, line by line.
//
// Promise: no SDL, no window. Fonts are found through fontconfig and opened
// with FreeType; runs are shaped with HarfBuzz (language ko by default);
// fallback is chosen per grapheme cluster; lines break between Korean words
// (keep-all over ICU's line breaker) and never before a forbidden mark.
// Failures are values: missing glyphs are reported, never thrown.
//
// Staged like libraqm: FontSystem (fonts) -> layout_paragraph (itemize, pick
// fonts, shape, break, align) -> Paragraph (read lines and runs).
// A FontSystem is not thread-safe: give each thread its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace madang::text {

using FontId = int;  // index into a FontSystem's face table; -1 for none

struct FaceInfo {
  std::string path;    // font file
  int face_index = 0;  // face within a collection (Noto Sans CJK KR is 1)
  std::string family;
  bool bold = false;
  bool italic = false;
  bool color = false;  // colour bitmap glyphs (emoji)
};

struct FontMetrics {  // in pixels at the requested size
  float ascent = 0;   // positive, above the baseline
  float descent = 0;  // positive, below the baseline
  float line_gap = 0;
};

// RGBA packed as 0xRRGGBBAA.
using Color = std::uint32_t;

struct TextStyle {
  float size = 32;  // pixels
  bool bold = false;
  bool italic = false;
  bool monospace = false;
  bool underline = false;
  bool strike = false;
  Color color = 0x000000ff;
  // Target of a hyperlink ("https://..."), or empty. The text engine only
  // carries it to the glyph runs (runs split where it changes) so that a PDF
  // can make the drawn text a live link.
  std::string link;
  bool operator==(const TextStyle&) const = default;
};

struct TextRun {
  std::string text;  // UTF-8
  TextStyle style;
};

enum class Align { kLeft, kCenter, kRight, kJustify };

struct ParagraphStyle {
  Align align = Align::kLeft;
  float line_height = 1.4f;  // multiple of the largest font size on the line
  // A marker ("•", "1.") drawn in the hanging indent before the first line;
  // every line of the paragraph starts at `indent`.
  std::string marker;
  TextStyle marker_style;
  float indent = 0;
  bool syllable_breaking = false;  // allow breaks between Hangul syllables
  std::string lang = "ko";
};

struct Glyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;  // byte offset into Line::text
  float x = 0, y = 0;         // pen position relative to the run origin, y down
  float advance = 0;
};

struct GlyphRun {
  FontId font = -1;
  float size = 0;
  TextStyle style;                // colour and decorations to draw with
  bool synthetic_bold = false;    // face has no bold: embolden when rasterizing
  bool synthetic_italic = false;  // face has no italic: slant when rasterizing
  float x = 0;                    // run origin, relative to the line's left edge
  std::vector<Glyph> glyphs;
  // The UTF-8 the glyphs draw (like hb-view's text and clusters, so that a
  // PDF stays searchable): Glyph::cluster - text_begin indexes `text`.
  std::string text;
  std::uint32_t text_begin = 0;
};

// The paragraph text is the runs' texts, each normalized to NFC (conjoining
// jamo that spell a modern syllable become that syllable), concatenated.
// Every byte offset below (Line::begin/end, MissingGlyph::byte_offset) refers
// to it; Glyph::cluster refers to Line::text.
struct Line {
  std::string text;       // the line's source text, UTF-8 (trailing spaces hang)
  std::size_t begin = 0;  // byte range of the line in the paragraph text
  std::size_t end = 0;
  float x = 0;         // left edge relative to the paragraph box (alignment, indent)
  float baseline = 0;  // relative to the paragraph's top
  float width = 0;     // advance width, hanging spaces excluded
  float ascent = 0, descent = 0;
  std::vector<GlyphRun> runs;
};

// A character no font could draw, drawn as a visible placeholder.
struct MissingGlyph {
  char32_t codepoint = 0;
  std::size_t byte_offset = 0;  // into the paragraph text (concatenated runs)
};

struct Paragraph {
  std::vector<Line> lines;
  // The marker's runs: run.x is relative to the paragraph box's left edge
  // (like Line::x; the marker ends a small gap before `indent`), drawn on the
  // first line's baseline.
  std::vector<GlyphRun> marker;
  float width = 0;   // widest line
  float height = 0;  // from the top of the first line to the bottom of the last
  std::vector<MissingGlyph> missing;
  bool overflow_x = false;  // a cluster wider than max_width (cannot happen for text that breaks)
};

class FontSystem {
 public:
  // families: the deck's fonts, in fallback order, tried before the default
  // stack (Noto Sans CJK KR, DejaVu Sans, Noto Color Emoji). Unknown families
  // are reported in `warnings` and skipped.
  static std::unique_ptr<FontSystem> create(const std::vector<std::string>& families,
                                            std::vector<std::string>* warnings = nullptr);
  virtual ~FontSystem() = default;

  virtual int face_count() const = 0;
  virtual const FaceInfo& face(FontId id) const = 0;
  virtual FontMetrics metrics(FontId id, float size) const = 0;
  // The primary face for a style (first family of the stack that has it).
  virtual FontId primary(const TextStyle& style) const = 0;
};

// Lays out one paragraph at a maximum line width (pixels).
Paragraph layout_paragraph(FontSystem& fonts, const std::vector<TextRun>& runs,
                           const ParagraphStyle& style, float max_width);

// ------------------------------------------------------------------ autofit

struct TextBlockInput {
  std::vector<TextRun> runs;
  ParagraphStyle style;
  float space_before = 0;  // pixels above the paragraph (ignored for the first)
};

struct TextBox {
  std::vector<Paragraph> paragraphs;
  std::vector<float> y;   // top of each paragraph, relative to the box
  float scale = 1;        // factor applied to sizes, indents and spacing
  float height = 0;       // total height at that scale
  bool overflow = false;  // still taller than the box at min_scale
};

// Lays out the paragraphs at scale 1; while they are taller than `height`,
// retries at 0.95, 0.90, ... down to min_scale (font sizes, marker sizes,
// indents and space_before all scale).
TextBox fit_text_box(FontSystem& fonts, const std::vector<TextBlockInput>& blocks, float width,
                     float height, float min_scale = 0.5f);

// ------------------------------------------------------------------ layout cache

// Memoizes layout_paragraph by (font system, runs, style, width) so that a
// redraw does no shaping. Entries are evicted all at once when full.
class LayoutCache {
 public:
  explicit LayoutCache(std::size_t capacity = 4096);
  ~LayoutCache();
  LayoutCache(const LayoutCache&) = delete;
  LayoutCache& operator=(const LayoutCache&) = delete;

  // The reference stays valid until clear() or until a miss finds the cache
  // full (then every entry is dropped).
  const Paragraph& layout(FontSystem& fonts, const std::vector<TextRun>& runs,
                          const ParagraphStyle& style, float max_width);
  void clear();
  std::size_t size() const;
  std::size_t hits() const;
  std::size_t misses() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ------------------------------------------------------------------ rasterizing

struct GlyphBitmap {
  int width = 0, height = 0;
  int left = 0, top = 0;  // offset of the bitmap's top-left from the pen position (top: up)
  bool color = false;     // pixels are premultiplied RGBA; else 8-bit coverage
  std::vector<std::uint8_t> pixels;
};

struct GlyphKey {
  FontId font = -1;
  std::uint32_t glyph = 0;
  float size = 0;
  int subpixel = 0;  // horizontal pen offset in quarters of a pixel, 0..3
  bool synthetic_bold = false;
  bool synthetic_italic = false;
  bool operator==(const GlyphKey&) const = default;
};

// Rasterizes each glyph once per key and keeps it. Colour emoji come out as
// RGBA scaled to the requested size.
class GlyphCache {
 public:
  explicit GlyphCache(const FontSystem& fonts);
  ~GlyphCache();
  GlyphCache(const GlyphCache&) = delete;
  GlyphCache& operator=(const GlyphCache&) = delete;

  const GlyphBitmap& get(const GlyphKey& key);
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::text
