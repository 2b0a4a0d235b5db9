// Paragraph layout: itemize, shape once, break greedily, align.
//
// [SECTION] Measuring
// [SECTION] Building lines
// [SECTION] layout_paragraph
// [SECTION] fit_text_box
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "text/bidi.h"
#include "text/itemize.h"
#include "text/linebreak.h"
#include "text/shape.h"
#include "text/text.h"

namespace madang::text {

namespace {

// [SECTION] Measuring ---------------------------------------------------------

char32_t cp_before(std::string_view s, std::size_t* i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(*i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
  *i = static_cast<std::size_t>(k);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t cp_at(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// The end of [begin, end) without its trailing spaces and hard breaks, which
// hang: they take no width and draw nothing.
std::size_t visible_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    std::size_t k = end;
    if (!is_hanging_space(cp_before(text, &k))) break;
    end = k;
  }
  return end;
}

struct Shaped {
  std::string text;
  std::vector<StyleSpan> spans;
  BidiLevels bidi;
  Itemization items;
  std::vector<ShapedGlyph> glyphs;
  std::vector<std::size_t> item_glyphs;  // first glyph of each item; one past the end last
  std::vector<float> prefix;             // prefix[i]: advance of the glyphs whose cluster is < i
  hb_language_t language = HB_LANGUAGE_INVALID;

  float width(std::size_t a, std::size_t b) const { return prefix[b] - prefix[a]; }
};

void shape_all(FontSystemImpl& fonts, Shaped* sh) {
  sh->item_glyphs.clear();
  sh->glyphs.clear();
  for (const Item& item : sh->items.items) {
    sh->item_glyphs.push_back(sh->glyphs.size());
    shape_range(fonts, sh->text, item.begin, item.end, item.face.id, item.script, sh->language,
                sh->spans[item.span].style.size, (item.level & 1) != 0, &sh->glyphs);
  }
  sh->item_glyphs.push_back(sh->glyphs.size());
  sh->prefix.assign(sh->text.size() + 1, 0.0f);
  for (const ShapedGlyph& g : sh->glyphs) sh->prefix[g.cluster + 1] += g.advance;
  for (std::size_t i = 1; i < sh->prefix.size(); ++i) sh->prefix[i] += sh->prefix[i - 1];
}

// [SECTION] Building lines ----------------------------------------------------

// The style span holding byte `at` (the last one when none does: an empty
// span at the end). Spans are in text order; binary search keeps a paragraph
// of many empty lines and many spans linear.
const StyleSpan* span_at(const Shaped& sh, std::size_t at) {
  auto it = std::partition_point(sh.spans.begin(), sh.spans.end(),
                                 [&](const StyleSpan& s) { return s.end <= at; });
  if (it == sh.spans.end() || it->begin > at) return &sh.spans.back();
  return &*it;
}

bool same_run(const GlyphRun& r, FontId font, const TextStyle& style, const FaceChoice& face) {
  const TextStyle& a = r.style;
  return r.font == font && r.size == style.size && a.color == style.color &&
         a.underline == style.underline && a.strike == style.strike && a.link == style.link &&
         r.synthetic_bold == face.synthetic_bold && r.synthetic_italic == face.synthetic_italic;
}

// Fills line.runs with the glyphs of [begin, vend), reshaping an item piece
// when a line edge cuts it where HarfBuzz says the glyphs depend on context.
// The pieces (one per item on the line) are laid left to right in visual
// order (UAX #9 rule L2 over their bidi levels); a right-to-left piece's
// glyphs, stored in logical order, are read backwards.
void build_runs(FontSystemImpl& fonts, const Shaped& sh, std::size_t begin, std::size_t vend,
                Line* line) {
  struct Piece {
    const Item* item;
    std::size_t a, b;          // its text: [a, b) of sh.text
    const ShapedGlyph* first;  // logical order
    const ShapedGlyph* last;
  };
  std::vector<Piece> pieces;
  std::vector<ShapedGlyph> reshaped[2];  // a line edge cuts at most two items
  int reshaped_used = 0;
  const auto& items = sh.items.items;
  // Items are in text order: start at the first one that reaches into the
  // line, so that a paragraph of many items costs linear time, not
  // items x lines.
  const auto from = std::partition_point(items.begin(), items.end(),
                                         [&](const Item& item) { return item.end <= begin; });
  for (std::size_t i = static_cast<std::size_t>(from - items.begin()); i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.begin >= vend) break;
    const std::size_t a = std::max(item.begin, begin), b = std::min(item.end, vend);
    const ShapedGlyph* first = sh.glyphs.data() + sh.item_glyphs[i];
    const ShapedGlyph* last = sh.glyphs.data() + sh.item_glyphs[i + 1];
    // Clusters grow monotonically within an item (logical order), so binary search.
    auto by_cluster = [](const ShapedGlyph& g, std::size_t c) { return g.cluster < c; };
    const ShapedGlyph* ga = std::lower_bound(first, last, a, by_cluster);
    const ShapedGlyph* gb = std::lower_bound(ga, last, b, by_cluster);
    const bool cut_start =
        a > item.begin && (ga == last || ga->cluster != a || ga->unsafe_to_break);
    const bool cut_end = b < item.end && (gb == last || gb->cluster != b || gb->unsafe_to_break);
    if ((cut_start || cut_end) && reshaped_used < 2) {
      std::vector<ShapedGlyph>& own = reshaped[reshaped_used++];
      own.clear();
      shape_range(fonts, sh.text, a, b, item.face.id, item.script, sh.language,
                  sh.spans[item.span].style.size, (item.level & 1) != 0, &own);
      ga = own.data();
      gb = own.data() + own.size();
    }
    if (ga != gb) pieces.push_back(Piece{&item, a, b, ga, gb});
  }

  std::vector<int> order;
  bool mixed = false;
  for (const Piece& p : pieces) mixed = mixed || p.item->level != 0;
  if (mixed) {
    std::vector<std::uint8_t> levels;
    for (const Piece& p : pieces) levels.push_back(p.item->level);
    order = visual_order(levels);
  } else {
    for (std::size_t k = 0; k < pieces.size(); ++k) order.push_back(static_cast<int>(k));
  }

  float pen = 0;
  std::size_t run_end = 0;  // where the last run's text ends in sh.text
  for (int k : order) {
    const Piece& p = pieces[static_cast<std::size_t>(k)];
    const Item& item = *p.item;
    const TextStyle& style = sh.spans[item.span].style;
    // A run's text is one stretch of the paragraph: a piece joins the run
    // before it only where its text follows on (not across a bidi reorder).
    if (line->runs.empty() || !same_run(line->runs.back(), item.face.id, style, item.face) ||
        p.a != run_end) {
      GlyphRun run;
      run.font = item.face.id;
      run.size = style.size;
      run.style = style;
      run.synthetic_bold = item.face.synthetic_bold;
      run.synthetic_italic = item.face.synthetic_italic;
      run.x = pen;
      run.text_begin = static_cast<std::uint32_t>(p.a - begin);
      line->runs.push_back(std::move(run));
    }
    GlyphRun& run = line->runs.back();
    run.text.append(sh.text, p.a, p.b - p.a);
    run_end = p.b;
    const bool rtl = (item.level & 1) != 0;
    const std::size_t count = static_cast<std::size_t>(p.last - p.first);
    for (std::size_t j = 0; j < count; ++j) {
      const ShapedGlyph* g = rtl ? p.last - 1 - j : p.first + j;
      run.glyphs.push_back(Glyph{g->id, static_cast<std::uint32_t>(g->cluster - begin),
                                 pen - run.x + g->x_offset, g->y_offset, g->advance});
      pen += g->advance;
    }
  }
  line->width = pen;
}

// Widens the inter-word spaces so the line fills `target` (never the space
// around punctuation: only space glyphs grow).
void justify(Line* line, float target) {
  const float extra_total = target - line->width;
  if (extra_total <= 0) return;
  auto is_space = [&](const Glyph& g) {
    const char32_t c = cp_at(line->text, g.cluster);
    return c == ' ' || c == 0x3000 || c == 0xA0;
  };
  int spaces = 0;
  for (const GlyphRun& r : line->runs) {
    for (const Glyph& g : r.glyphs) spaces += is_space(g) ? 1 : 0;
  }
  if (spaces == 0) return;
  const float extra = extra_total / static_cast<float>(spaces);
  float shift = 0;
  for (GlyphRun& r : line->runs) {
    r.x += shift;
    float inner = 0;
    for (Glyph& g : r.glyphs) {
      g.x += inner;
      if (is_space(g)) {
        g.advance += extra;
        inner += extra;
      }
    }
    shift += inner;
  }
  line->width = target;
}

void set_vertical_metrics(FontSystemImpl& fonts, const Shaped& sh, std::size_t begin,
                          const ParagraphStyle& pstyle, float top, Line* line) {
  float ascent = 0, descent = 0, size = 0;
  const GlyphRun* largest = nullptr;
  for (const GlyphRun& r : line->runs) {
    const FontMetrics m = fonts.metrics(r.font, r.size);
    ascent = std::max(ascent, m.ascent);
    descent = std::max(descent, m.descent);
    if (!largest || r.size > largest->size) largest = &r;
    size = std::max(size, r.size);
  }
  if (largest) {
    // The baseline sits where the style's own face puts it, whichever face a
    // line falls back to: a line of code with Hangul in it keeps the pitch of
    // the lines without (fallback faces have other ascents and descents).
    const FontId primary = fonts.primary(largest->style);
    if (primary >= 0) {
      const FontMetrics m = fonts.metrics(primary, largest->size);
      const float box = pstyle.line_height * size;
      line->ascent = ascent;
      line->descent = descent;
      line->baseline = top + (box - (m.ascent + m.descent)) / 2 + m.ascent;
      return;
    }
  }
  if (line->runs.empty()) {  // an empty line: the style at its start
    const StyleSpan* span = span_at(sh, begin);
    const FontId font = fonts.primary(span->style);
    if (font >= 0) {
      const FontMetrics m = fonts.metrics(font, span->style.size);
      ascent = m.ascent;
      descent = m.descent;
    }
    size = span->style.size;
  }
  const float box = pstyle.line_height * size;
  line->ascent = ascent;
  line->descent = descent;
  line->baseline = top + (box - (ascent + descent)) / 2 + ascent;
}

float line_box(const ParagraphStyle& pstyle, const Line& line, const Shaped& sh) {
  float size = 0;
  for (const GlyphRun& r : line.runs) size = std::max(size, r.size);
  if (line.runs.empty()) size = span_at(sh, line.begin)->style.size;
  return pstyle.line_height * size;
}

}  // namespace

// [SECTION] layout_paragraph --------------------------------------------------

Paragraph layout_paragraph(FontSystem& font_system, const std::vector<TextRun>& runs,
                           const ParagraphStyle& pstyle, float max_width) {
  // Colours change neither the shaping nor the breaks, only which runs stay
  // apart: the memo is asked with each colour replaced by its place among
  // the paragraph's colours, and the answer gets the colours back. A diagram
  // whose labels change colour on every frame of its animation is shaped once.
  std::vector<Color> palette;
  auto place = [&palette](Color c) {
    const auto at = std::find(palette.begin(), palette.end(), c);
    if (at != palette.end()) return static_cast<Color>(at - palette.begin());
    palette.push_back(c);
    return static_cast<Color>(palette.size() - 1);
  };
  std::vector<TextRun> keyed = runs;
  for (TextRun& r : keyed) r.style.color = place(r.style.color);
  ParagraphStyle keyed_style = pstyle;
  keyed_style.marker_style.color = place(pstyle.marker_style.color);
  Paragraph p = impl(font_system).paragraphs().layout(font_system, keyed, keyed_style, max_width);
  auto recolour = [&palette](GlyphRun& run) {
    if (run.style.color < palette.size()) run.style.color = palette[run.style.color];
  };
  for (Line& line : p.lines)
    for (GlyphRun& run : line.runs) recolour(run);
  for (GlyphRun& run : p.marker) recolour(run);
  return p;
}

Paragraph layout_paragraph_uncached(FontSystem& font_system, const std::vector<TextRun>& runs,
                                    const ParagraphStyle& pstyle, float max_width) {
  FontSystemImpl& fonts = impl(font_system);
  Paragraph para;
  Shaped sh;
  for (const TextRun& run : runs) {
    std::string t = to_nfc(run.text);
    sh.spans.push_back(StyleSpan{sh.text.size(), sh.text.size() + t.size(), run.style});
    sh.text += t;
  }
  if (sh.text.empty()) return para;
  sh.language = hb_language_from_string(pstyle.lang.c_str(), -1);
  const bool korean = pstyle.lang.rfind("ko", 0) == 0;
  sh.bidi = bidi_levels(sh.text);
  sh.items =
      itemize(fonts, sh.text, sh.spans, korean ? HB_SCRIPT_HANGUL : HB_SCRIPT_COMMON, sh.bidi);
  para.missing = sh.items.missing;
  shape_all(fonts, &sh);

  std::vector<BreakOpportunity> breaks;
  if (icu::BreakIterator* it = fonts.line_iterator()) {
    breaks = find_line_breaks(sh.text, BreakOptions{pstyle.syllable_breaking}, *it);
  } else {
    breaks = find_line_breaks(sh.text, BreakOptions{pstyle.syllable_breaking});
  }

  const float avail = std::max(0.0f, max_width - pstyle.indent);
  const float slack = 0.01f;  // float noise must not push a word to the next line
  const std::size_t n = sh.text.size();
  const auto& graphemes = sh.items.graphemes;
  float top = 0;
  std::size_t pos = 0, bi = 0;
  while (pos < n) {
    while (bi < breaks.size() && breaks[bi].offset <= pos) ++bi;
    std::size_t end = 0;
    bool hard = false;
    for (std::size_t j = bi; j < breaks.size(); ++j) {
      const std::size_t e = breaks[j].offset;
      if (sh.width(pos, visible_end(sh.text, pos, e)) > avail + slack) break;
      end = e;
      hard = breaks[j].mandatory;
      if (hard) break;
    }
    if (end == 0) {
      // A word wider than the line: break it between grapheme clusters.
      const std::size_t word_end = breaks[bi].offset;
      auto g = std::upper_bound(graphemes.begin(), graphemes.end(), pos);
      const std::size_t first = g != graphemes.end() ? *g : word_end;
      end = pos;
      for (; g != graphemes.end() && *g <= word_end; ++g) {
        if (sh.width(pos, visible_end(sh.text, pos, *g)) > avail + slack) break;
        end = *g;
      }
      if (end == pos) {
        end = std::min(first, word_end);
        para.overflow_x = true;
      }
      hard = end == word_end && breaks[bi].mandatory;
    }

    Line line;
    line.begin = pos;
    line.end = end;
    line.text = sh.text.substr(pos, end - pos);
    const std::size_t vend = visible_end(sh.text, pos, end);
    build_runs(fonts, sh, pos, vend, &line);
    if (line.width > avail + slack) para.overflow_x = true;
    const float free = avail - line.width;
    // Left is the start of the line: the right edge in a right-to-left
    // paragraph (one whose first strong character is Hebrew or Arabic).
    const bool rtl = (sh.bidi.base & 1) != 0;
    switch (pstyle.align) {
      case Align::kLeft:
        line.x = pstyle.indent + (rtl ? free : 0);
        break;
      case Align::kCenter:
        line.x = pstyle.indent + free / 2;
        break;
      case Align::kRight:
        line.x = pstyle.indent + free;
        break;
      case Align::kJustify:
        line.x = pstyle.indent + (rtl && hard ? free : 0);
        if (!hard) justify(&line, avail);
        break;
    }
    set_vertical_metrics(fonts, sh, pos, pstyle, top, &line);
    top += line_box(pstyle, line, sh);
    para.width = std::max(para.width, line.width);
    para.lines.push_back(std::move(line));
    pos = end;
  }
  para.height = top;

  if (!pstyle.marker.empty() && !para.lines.empty()) {
    ParagraphStyle mstyle;
    mstyle.lang = pstyle.lang;
    mstyle.line_height = pstyle.line_height;
    Paragraph m =
        layout_paragraph(font_system, {TextRun{pstyle.marker, pstyle.marker_style}}, mstyle, 1e9f);
    if (!m.lines.empty()) {
      const float gap = 0.3f * pstyle.marker_style.size;
      const float x0 = std::max(0.0f, pstyle.indent - m.lines[0].width - gap);
      para.marker = std::move(m.lines[0].runs);
      for (GlyphRun& r : para.marker) r.x += x0;
    }
  }
  return para;
}

// [SECTION] fit_text_box ------------------------------------------------------

TextBox fit_text_box(FontSystem& fonts, const std::vector<TextBlockInput>& blocks, float width,
                     float height, float min_scale) {
  min_scale = std::clamp(min_scale, 0.01f, 1.0f);
  TextBox box;
  for (int step = 0;; ++step) {
    float scale = 1.0f - 0.05f * static_cast<float>(step);
    const bool last = scale <= min_scale + 1e-4f;
    if (last) scale = min_scale;
    box = TextBox{};
    box.scale = scale;
    float y = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const TextBlockInput& b = blocks[i];
      std::vector<TextRun> runs = b.runs;
      for (TextRun& r : runs) r.style.size *= scale;
      ParagraphStyle ps = b.style;
      ps.marker_style.size *= scale;
      ps.indent *= scale;
      if (i > 0) y += b.space_before * scale;
      box.y.push_back(y);
      box.paragraphs.push_back(layout_paragraph(fonts, runs, ps, width));
      y += box.paragraphs.back().height;
    }
    box.height = y;
    if (y <= height + 0.01f) return box;
    if (last) {
      box.overflow = true;
      return box;
    }
  }
}

}  // namespace madang::text
