// Private to layout/: laid-out pieces of a slide and the context that makes them.
//
// A Fragment is a piece of a display list positioned relative to its own
// top-left corner; parents place children by appending them at an offset.
// Layout is done bottom-up (measure and draw in one pass), so the same code
// serves the autofit trials and the final slide.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "layout/theme.h"
#include "text/text.h"

namespace madang::layout {

struct Fragment {
  std::vector<Command> commands;
  std::vector<TextItem> texts;
  std::vector<HitRegion> hits;
  float width = 0;  // extent actually used
  float height = 0;

  // Appends `other` with its origin at (dx, dy).
  void append(Fragment other, float dx, float dy);
  void add(Command command) { commands.push_back(std::move(command)); }
};

struct Context {
  text::FontSystem& fonts;
  const deck::Deck& deck;
  const deck::Slide& slide;
  const Theme& theme;
  const SlideState& state;
  float unit = 1;                      // pixels per 1080p pixel
  float scale = 1;                     // autofit scale of body text
  Diagnostics* diagnostics = nullptr;  // null while measuring trial layouts

  float px(float value_1080p) const { return value_1080p * unit; }
  float body_px(float value_1080p) const { return value_1080p * unit * scale; }
  // Whether a block/item with this fragment number is revealed.
  bool revealed(int fragment) const { return state.step < 0 || fragment <= state.step; }
  void warn(int line, int column, std::string message) const;
};

// Rich text to styled runs, with `base` for plain spans.
std::vector<text::TextRun> to_runs(const deck::RichText& rich, const text::TextStyle& base,
                                   const Theme& theme);
text::TextStyle style_of(float size, text::Color color, bool bold = false);

// One paragraph as a fragment of exactly `width`; reports missing glyphs at
// `line`.
Fragment paragraph_fragment(const Context& ctx, const std::vector<text::TextRun>& runs,
                            const text::ParagraphStyle& style, float width, int line);

Command fill_rect(Rect rect, text::Color color, float radius = 0);
Command stroke_rect(Rect rect, text::Color color, float width, float radius = 0);
Command line_command(Point from, Point to, text::Color color, float width, bool arrow = false);

// Blocks stacked top to bottom (paragraphs, lists, tables, quotes, diagrams...).
Fragment stack_blocks(const Context& ctx, const std::vector<const deck::Block*>& blocks,
                      float width, float max_height);

// A GFM table with measured column widths and wrapped cells.
Fragment table_fragment(const Context& ctx, const deck::Block& block, float width);

// A diagram (static look plus hit regions); `key` names it within the slide.
Fragment diagram_fragment(const Context& ctx, const deck::Block& block, const std::string& key,
                          float width, float max_height);

// Image natural size from the file header; false when unreadable.
bool image_size(const std::string& path, int* width, int* height);

}  // namespace madang::layout
