#include "layout/handout.h"

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"
#include "layout/theme.h"

namespace madang::layout {

namespace {

// In handout pixels (2 per point): 17 mm margins, 11 pt header, 13 pt notes.
constexpr float kMargin = 96;
constexpr float kHeaderSize = 22;
constexpr float kNotesSize = 26;
constexpr float kMinScale = 0.6f;

// The notes' blocks (Markdown: paragraphs, lists, emphasis) stacked like a
// slide body, with the body type at kNotesSize x scale.
Fragment notes_at_scale(Context& ctx, const std::vector<const deck::Block*>& blocks, float width,
                        float height, float scale) {
  ctx.unit = kNotesSize / ctx.theme.body_size;
  ctx.scale = scale;
  return stack_blocks(ctx, blocks, width, height);
}

}  // namespace

HandoutPage layout_handout(text::FontSystem& fonts, const deck::Deck& deck, int index) {
  HandoutPage page;
  DisplayList& list = page.list;
  list.width = static_cast<int>(std::ceil(kHandoutWidthPt * kHandoutPixelsPerPoint));
  list.height = static_cast<int>(std::ceil(kHandoutHeightPt * kHandoutPixelsPerPoint));
  list.background = 0xffffffff;
  if (index < 0 || index >= static_cast<int>(deck.slides.size())) return page;
  const deck::Slide& slide = deck.slides[static_cast<std::size_t>(index)];
  // Paper is white whatever the slides' theme: the default light theme's ink.
  const Theme theme = theme_named("hall");
  const SlideState state;  // fully revealed
  Context ctx{fonts, deck, slide, theme, state};
  ctx.diagnostics = &page.diagnostics;

  const float w = static_cast<float>(list.width) - 2 * kMargin;
  Fragment out;
  // Header: the deck's title on the left, "4 / 23" on the right.
  const text::TextStyle header = style_of(kHeaderSize, theme.muted);
  text::ParagraphStyle left, right;
  left.lang = right.lang = deck.meta.lang;
  right.align = text::Align::kRight;
  const std::string number =
      std::to_string(slide.index) + " / " + std::to_string(deck.slides.size());
  const float number_w = 200;
  out.append(paragraph_fragment(ctx, {text::TextRun{number, header}}, right, number_w, slide.line),
             kMargin + w - number_w, kMargin - 40);
  if (!deck.meta.title.empty()) {
    out.append(paragraph_fragment(ctx, {text::TextRun{deck.meta.title, header}}, left,
                                  w - number_w - 24, slide.line),
               kMargin, kMargin - 40);
  }

  // The slide, framed by a hairline just outside it.
  const float aspect = static_cast<float>(std::max(1, deck.meta.aspect_h)) /
                       static_cast<float>(std::max(1, deck.meta.aspect_w));
  page.slide_box = Rect{kMargin, kMargin + 8, w, std::round(w * aspect)};
  const Rect& box = page.slide_box;
  out.add(stroke_rect(Rect{box.x - 1, box.y - 1, box.w + 2, box.h + 2}, theme.rule, 2));

  // The notes below, shrunk (never under 60%) until they fit the page.
  std::vector<const deck::Block*> blocks;
  for (const deck::Block& b : slide.notes_blocks) blocks.push_back(&b);
  const float top = box.y + box.h + 56;
  const float height = static_cast<float>(list.height) - kMargin - top;
  if (!blocks.empty()) {
    ctx.diagnostics = nullptr;  // trial layouts stay silent
    float scale = 1;
    for (;; scale -= 0.05f) {
      if (scale < kMinScale + 0.001f) scale = kMinScale;
      if (notes_at_scale(ctx, blocks, w, height, scale).height <= height + 0.5f ||
          scale == kMinScale)
        break;
    }
    ctx.diagnostics = &page.diagnostics;
    Fragment notes = notes_at_scale(ctx, blocks, w, height, scale);
    if (notes.height > height + 0.5f) {
      ctx.warn(slide.notes_line > 0 ? slide.notes_line : slide.line, 1,
               "the notes of slide " + std::to_string(slide.index) +
                   " do not fit a handout page: shrunk to " +
                   std::to_string(static_cast<int>(std::lround(scale * 100))) +
                   "% and cut at the page's foot");
      out.add(Command{CommandKind::kPushClip, Rect{kMargin, top, w, height}});
      out.append(std::move(notes), kMargin, top);
      out.add(Command{CommandKind::kPopClip});
    } else {
      out.append(std::move(notes), kMargin, top);
    }
  }
  list.commands = std::move(out.commands);
  list.texts = std::move(out.texts);
  return page;
}

}  // namespace madang::layout
