// Private to layout/: laid-out pieces of a slide and the context that makes them.
//
// A Fragment is a piece of a display list positioned relative to its own
// top-left corner; parents place children by appending them at an offset.
// Layout is done bottom-up (measure and draw in one pass), so the same code
// serves the autofit trials and the final slide.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "layout/theme.h"
#include "text/text.h"

namespace madang::layout {

// A gap between two stacked pieces that may grow when the slide has room:
// everything below `y` (its middle) moves down by what the gap gains.
struct Gap {
  float y = 0;     // the middle of the gap, in the fragment's coordinates
  float size = 0;  // its height as laid out
};

struct Fragment {
  std::vector<Command> commands;
  std::vector<TextItem> texts;
  std::vector<HitRegion> hits;
  std::vector<Gap> gaps;  // flexible gaps, top to bottom (see stretch)
  float width = 0;        // extent actually used
  float height = 0;
  // Content past what any slide could show was left out (not laid out), so
  // `height` is a lower bound: see Context::visible_height.
  bool cut = false;

  // Appends `other` with its origin at (dx, dy) (its gaps come along).
  void append(Fragment other, float dx, float dy);
  // A piece not shown yet (a later step) keeps its gaps here, moved down by
  // `dy`, so that stretching moves nothing between steps.
  void keep_gaps_of(const Fragment& hidden, float dy);
  void add(Command command) { commands.push_back(std::move(command)); }
  // Records a flexible gap of `size` ending at `y_end`.
  void gap(float y_end, float size) { gaps.push_back(Gap{y_end - size / 2, size}); }
};

// Shares up to `extra` pixels among the fragment's gaps, each growing by at
// most `growth` times its size, in proportion to its size; moves everything
// below each gap down. Returns the height gained.
float stretch(Fragment& f, float extra, float growth);

// Moves every command, text and hit region of `f` at or below `y` down by `dy`.
void shift_below(Fragment& f, float y, float dy);

struct Context {
  text::FontSystem& fonts;
  const deck::Deck& deck;
  const deck::Slide& slide;
  const Theme& theme;
  const SlideState& state;
  float unit = 1;  // pixels per 1080p pixel
  // Pixels per CSS pixel of an image size (`w:400px`): a 1080p pixel, but a
  // Marp deck's are pixels of Marp's 720-pixel-high slide (css_unit()).
  float css_unit = 1;
  float scale = 1;                       // autofit scale of body text
  float body = theme.body_size;          // the slide's body size at 1080p (class, layout)
  bool quote_slide = false;              // layout: quote sets its quote at lead size
  DiagnosticLog* diagnostics = nullptr;  // a trial layout's own log while autofit searches
  // Nothing below this many pixels from the top of a slide can ever be seen
  // (four slide heights: the autofit floor shows a quarter of that):
  // text, rows and blocks past it are not laid out (each cut is reported),
  // so that work stays bounded by the slide, not by the file.
  float visible_height = 1e9f;

  float px(float value_1080p) const { return value_1080p * unit; }
  // Spacing that shrinks with the body text.
  float body_px(float value_1080p) const { return value_1080p * unit * scale; }
  // A text size that shrinks with the body text, never below the theme's floor.
  float type_px(float size_1080p) const {
    return std::max(size_1080p * scale, theme.min_text) * unit;
  }
  // Whether a block/item with this fragment number is revealed.
  bool revealed(int fragment) const { return state.step < 0 || fragment <= state.step; }
  // A warning at a place in the deck (column 0: the start of the line);
  // repeats fold (DiagnosticLog).
  void warn(int line, int column, std::string message, int count = 1) const;
};

// Where a piece of text comes from in the deck, so that a problem with one
// of its characters is reported at that character.
struct TextOrigin {
  int line = 0, column = 0;              // where the text starts
  const deck::RichText* rich = nullptr;  // its spans, each with its own place
  bool code = false;                     // a code block's lines, the first on `line`
  TextOrigin(int line_ = 0, int column_ = 0) : line(line_), column(column_) {}
  static TextOrigin of(const deck::RichText& rich, int line, int column) {
    TextOrigin o(line, column);
    o.rich = &rich;
    return o;
  }
};

// Rich text to styled runs, with `base` for plain spans.
std::vector<text::TextRun> to_runs(const deck::RichText& rich, const text::TextStyle& base,
                                   const Theme& theme);
text::TextStyle style_of(float size, text::Color color, bool bold = false);

// One paragraph as a fragment of exactly `width`. Text past what a slide
// could show is cut first (and reported); characters no font has are
// reported once per character at their first place (`origin`), naming a
// missing default font when one would have had them.
Fragment paragraph_fragment(const Context& ctx, const std::vector<text::TextRun>& runs,
                            const text::ParagraphStyle& style, float width,
                            const TextOrigin& origin);

// Marp's fitting header (`# <!-- fit --> Title`): the size at which the
// heading, set at `size` in bold, fills `width` on one line. It grows or
// shrinks, but stays between the theme's smallest text and a third of the
// slide's height, so a short word does not run off the slide.
float fitted_heading_size(const Context& ctx, const deck::RichText& text, float size, float width);

// Guards around text layout (text_guard.cpp). cut_to_visible drops the text
// past what a slide could show at the runs' smallest size (a bound: about a
// slide's height in lines, each as wide as `width` of the narrowest glyphs);
// report_cut says where that happened; report_missing reports each character
// no font has once, at its first place.
struct TextCut {
  bool cut = false;
  std::size_t at = 0;          // byte offset of the cut in the runs' joined text
  std::size_t bytes_left = 0;  // what was left out
  int lines_left = 0;          // hard line breaks in it
};
// `kept` is filled only when something is cut.
TextCut cut_to_visible(const Context& ctx, const std::vector<text::TextRun>& runs,
                       const text::ParagraphStyle& style, float width,
                       std::vector<text::TextRun>* kept);
void report_cut(const Context& ctx, const std::vector<text::TextRun>& original, const TextCut& cut,
                const TextOrigin& origin);
void report_missing(const Context& ctx, const std::vector<text::MissingGlyph>& missing,
                    const std::vector<text::TextRun>& runs, const TextOrigin& origin);

Command fill_rect(Rect rect, text::Color color, float radius = 0);
Command stroke_rect(Rect rect, text::Color color, float width, float radius = 0);
Command line_command(Point from, Point to, text::Color color, float width, bool arrow = false);

// Blocks stacked top to bottom (paragraphs, lists, tables, quotes, diagrams...).
Fragment stack_blocks(const Context& ctx, const std::vector<const deck::Block*>& blocks,
                      float width, float max_height);

// Autofit (layout/autofit.cpp): `columns` stacked at the largest scale (in
// whole percents, down to `floor`) at which every one fits `height`, found in
// few layouts. `diagnostics` are those of the layout kept.
struct FitResult {
  std::vector<Fragment> columns;
  Diagnostics diagnostics;
  float scale = 1;
  bool overflow = false;  // too tall even at the floor (then scale == floor)
  float overshoot = 0;    // pixels too tall, when it overflows
  int layouts = 0;        // how many times the columns were laid out
};
FitResult fit_columns(Context& ctx, const std::vector<std::vector<const deck::Block*>>& columns,
                      float width, float height, float floor);

// A GFM table with measured column widths and wrapped cells.
Fragment table_fragment(const Context& ctx, const deck::Block& block, float width);

// A diagram (static look plus hit regions); `key` names it within the slide.
Fragment diagram_fragment(const Context& ctx, const deck::Block& block, const std::string& key,
                          float width, float max_height);

}  // namespace madang::layout
