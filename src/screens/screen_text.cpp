#include "screens/screen_text.h"

#include <algorithm>

namespace madang::layout {

Theme screen_palette_theme(const std::string& theme_name, text::Color background) {
  Theme t = theme_named(theme_name, false);
  t.background = background;
  t.text = kText;
  t.heading = kText;
  t.muted = kMuted;
  t.accent = kAccent;
  return t;
}

text::Color mood_color(Mood mood, text::Color neutral) {
  switch (mood) {
    case Mood::kAhead:
      return kAhead;
    case Mood::kBehind:
      return kBehind;
    case Mood::kWarning:
      return kWarning;
    default:
      return neutral;
  }
}

Fragment Writer::text(const std::string& s, float size_1080, text::Color color, float width,
                      text::Align align, bool bold, bool mono) const {
  return line({run(s, size_1080, color, bold, mono)}, width, align);
}

Fragment Writer::line(const std::vector<text::TextRun>& runs, float width,
                      text::Align align) const {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = 1.2f;
  ps.lang = "ko";
  return paragraph_fragment(ctx, runs, ps, std::max(1.0f, width), ctx.slide.line);
}

text::TextRun Writer::run(const std::string& s, float size_1080, text::Color color, bool bold,
                          bool mono) const {
  text::TextStyle style = style_of(ctx.px(size_1080), color, bold);
  style.monospace = mono;
  return text::TextRun{s, style};
}

Command clip_push(Rect r) {
  Command c;
  c.kind = CommandKind::kPushClip;
  c.rect = r;
  return c;
}

Command clip_pop() {
  Command c;
  c.kind = CommandKind::kPopClip;
  return c;
}

float inked_width(const Fragment& f) {
  float right = 0;
  for (const TextItem& item : f.texts) {
    for (const text::Line& l : item.lines) right = std::max(right, item.rect.x + l.x + l.width);
  }
  return right;
}

ScreenContext::ScreenContext(text::FontSystem& fonts, const deck::Deck& deck, Theme look,
                             float unit, DiagnosticLog* diagnostics)
    : theme(std::move(look)), ctx{fonts, deck, slide, theme, state} {
  slide.line = 1;
  ctx.unit = unit;
  ctx.diagnostics = diagnostics;
}

DisplayList to_list(Fragment f, Size size, Color background) {
  DisplayList list;
  list.width = size.width;
  list.height = size.height;
  list.background = background;
  list.commands = std::move(f.commands);
  list.texts = std::move(f.texts);
  list.hits = std::move(f.hits);
  return list;
}

}  // namespace madang::layout
