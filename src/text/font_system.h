// FontSystemImpl: the faces behind text::FontSystem (internal to src/text).
//
// Promise: every face is opened once, from one mmapped blob shared by
// HarfBuzz (hb_face/hb_font with the built-in OpenType functions, scale =
// units per em, so shaping matches `hb-shape` and results are in font units)
// and FreeType (for rasterizing). The fallback stack of each style is
// resolved once, at creation. Also owns the scratch objects the text stages
// reuse (hb buffers, ICU break iterators) so that no stage keeps globals.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "text/text.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace madang::text {

// One entry of a fallback stack: a face and what must be synthesized to give
// it the requested style.
struct FaceChoice {
  FontId id = -1;
  bool synthetic_bold = false;
  bool synthetic_italic = false;
  bool operator==(const FaceChoice&) const = default;
};

struct Face {
  FaceInfo info;
  hb_blob_t* blob = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;  // scale = upem: positions come out in font units
  FT_Face ft = nullptr;          // shares the blob's bytes
  unsigned upem = 1000;
  float ascent = 0, descent = 0, line_gap = 0;  // font units, descent positive
  int strike_ppem = 0;                          // colour bitmap fonts: best strike
  // The cmap as a bitset over all code points, filled on first use: coverage
  // is asked once per cluster and must cost a load, not a cmap lookup.
  mutable std::vector<std::uint64_t> coverage;
};

class FontSystemImpl final : public FontSystem {
 public:
  FontSystemImpl();
  ~FontSystemImpl() override;
  FontSystemImpl(const FontSystemImpl&) = delete;
  FontSystemImpl& operator=(const FontSystemImpl&) = delete;

  int face_count() const override { return static_cast<int>(faces_.size()); }
  const FaceInfo& face(FontId id) const override { return faces_.at(id).info; }
  FontMetrics metrics(FontId id, float size) const override;
  FontId primary(const TextStyle& style) const override;
  std::string missing_font_for(char32_t c) const override;
  std::vector<std::string> missing_fonts() const override;

  const Face& face_data(FontId id) const { return faces_[id]; }
  // The fallback stack for a style: deck families, then the default stack.
  const std::vector<FaceChoice>& stack(const TextStyle& style) const;
  bool covers(FontId id, char32_t c) const;

  // Scratch, reused between calls (a FontSystem is single-threaded).
  hb_buffer_t* buffer() { return buffer_; }
  hb_buffer_t* probe_buffer() { return probe_buffer_; }
  icu::BreakIterator* grapheme_iterator();
  icu::BreakIterator* line_iterator();

  // Set up by create(). open_face: "" or why the file cannot be used.
  FontId open_face(const std::string& path, int index, std::string* problem);
  void set_missing_defaults(std::vector<int> stack_entries) {
    missing_defaults_ = std::move(stack_entries);
  }
  void set_stack(int style_key, std::vector<FaceChoice> stack) {
    stacks_[style_key] = std::move(stack);
  }
  static int style_key(bool bold, bool italic, bool mono) {
    return (bold ? 1 : 0) | (italic ? 2 : 0) | (mono ? 4 : 0);
  }
  FT_Library ft_library() const { return ft_; }

  // Paragraphs laid out before, by their text, styles and width (colours
  // apart: layout_paragraph keys them by their place among the paragraph's
  // colours): a slide laid out again for a new diagram state, a hover or an
  // animation frame shapes nothing it shaped before. Bounded: LayoutCache
  // drops everything when full.
  LayoutCache& paragraphs() { return paragraphs_; }

 private:
  LayoutCache paragraphs_{2048};
  FT_Library ft_ = nullptr;
  std::vector<Face> faces_;
  std::array<std::vector<FaceChoice>, 8> stacks_;
  std::vector<int> missing_defaults_;  // entries of the default stack not installed
  hb_buffer_t* buffer_ = nullptr;
  hb_buffer_t* probe_buffer_ = nullptr;
  std::unique_ptr<icu::BreakIterator> graphemes_;
  std::unique_ptr<icu::BreakIterator> lines_;
};

// layout_paragraph without the memo: what LayoutCache stores.
Paragraph layout_paragraph_uncached(FontSystem& fonts, const std::vector<TextRun>& runs,
                                    const ParagraphStyle& style, float max_width);

// The implementation behind a FontSystem (every FontSystem comes from create()).
FontSystemImpl& impl(FontSystem& fonts);
const FontSystemImpl& impl(const FontSystem& fonts);

}  // namespace madang::text
