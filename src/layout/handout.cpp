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
constexpr float kNotesLineHeight = 1.6f;
constexpr float kParagraphGap = 18;
constexpr float kMinScale = 0.6f;

// Notes are plain text: blank lines part paragraphs; a single newline is a
// line break the author asked for.
std::vector<std::string> paragraphs_of(const std::string& notes) {
  std::vector<std::string> out;
  std::string current;
  std::size_t pos = 0;
  while (pos <= notes.size()) {
    std::size_t end = notes.find('\n', pos);
    if (end == std::string::npos) end = notes.size();
    std::string line = notes.substr(pos, end - pos);
    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    pos = end + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

Fragment notes_at_scale(const Context& ctx, const std::vector<std::string>& paragraphs, float width,
                        float scale) {
  Fragment out;
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  ps.line_height = kNotesLineHeight;
  const text::TextStyle style = style_of(kNotesSize * scale, ctx.theme.text);
  for (const std::string& p : paragraphs) {
    const float y = out.height > 0 ? out.height + kParagraphGap * scale : 0;
    out.append(paragraph_fragment(ctx, {text::TextRun{p, style}}, ps, width, ctx.slide.line), 0, y);
  }
  return out;
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
  const SlideState state;
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
  const std::vector<std::string> paragraphs = paragraphs_of(slide.notes);
  const float top = box.y + box.h + 56;
  const float height = static_cast<float>(list.height) - kMargin - top;
  if (!paragraphs.empty()) {
    ctx.diagnostics = nullptr;  // trial layouts stay silent
    float scale = 1;
    for (;; scale -= 0.05f) {
      if (scale < kMinScale + 0.001f) scale = kMinScale;
      if (notes_at_scale(ctx, paragraphs, w, scale).height <= height + 0.5f || scale == kMinScale)
        break;
    }
    ctx.diagnostics = &page.diagnostics;
    Fragment notes = notes_at_scale(ctx, paragraphs, w, scale);
    if (notes.height > height + 0.5f) {
      ctx.warn(slide.line, 1,
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
