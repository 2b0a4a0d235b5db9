// The console's clip bar (see clip_bar.h).
#include "screens/clip_bar.h"

#include <algorithm>
#include <cmath>

#include "base/time_text.h"
#include "screens/screen_text.h"

namespace madang::layout {

namespace {

const deck::Deck& no_deck() {
  static const deck::Deck deck;
  return deck;
}

}  // namespace

ClipBarLayout layout_clip_bar(text::FontSystem& fonts, const ClipBar& bar, Rect slide, Size size) {
  ClipBarLayout out;
  const float unit = std::max(0.1f, static_cast<float>(size.height) / 1080.0f);
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kPanel), unit, nullptr);
  const Writer w{sc.ctx};
  Fragment f;
  const float h = std::round(sc.ctx.px(64)), pad = std::round(sc.ctx.px(14));
  out.bar = Rect{slide.x, slide.y + slide.h - h, slide.w, h};
  f.add(fill_rect(out.bar, 0x111418e0));
  // Play or pause, as the clip is now.
  const float icon = h * 0.4f, cx = out.bar.x + pad + icon / 2, cy = out.bar.y + h / 2;
  if (bar.playing) {
    f.add(fill_rect(Rect{cx - icon * 0.4f, cy - icon / 2, icon * 0.28f, icon}, kText));
    f.add(fill_rect(Rect{cx + icon * 0.12f, cy - icon / 2, icon * 0.28f, icon}, kText));
  } else {
    Command tri;
    tri.kind = CommandKind::kPolygon;
    tri.points = {{cx - icon * 0.4f, cy - icon / 2},
                  {cx + icon * 0.5f, cy},
                  {cx - icon * 0.4f, cy + icon / 2}};
    tri.color = kText;
    f.add(std::move(tri));
  }
  const std::string times =
      base::clock_text(bar.position_s) + " / " + base::clock_text(bar.duration_s);
  const float times_w = std::round(sc.ctx.px(190));
  const float text_x = out.bar.x + pad * 2 + icon;
  Fragment t = w.text(times, 24, kText, times_w, text::Align::kLeft, false, true);
  const float ty = cy - t.height / 2;
  f.append(std::move(t), text_x, ty);
  // The track, from after the times to before the keys' hint.
  const float keys_w = bar.keys.empty() ? 0 : std::round(sc.ctx.px(330));
  const float track_x = text_x + times_w;
  const float track_w = std::max(0.0f, out.bar.x + out.bar.w - pad - keys_w - track_x);
  const float track_h = std::max(3.0f, std::round(sc.ctx.px(8)));
  out.track = Rect{track_x, out.bar.y, track_w, h};  // the whole height takes a press
  f.add(fill_rect(Rect{track_x, cy - track_h / 2, track_w, track_h}, 0x3a434dff, track_h / 2));
  const double fraction =
      bar.duration_s > 0 ? std::clamp(bar.position_s / bar.duration_s, 0.0, 1.0) : 0;
  const float done = track_w * static_cast<float>(fraction);
  f.add(fill_rect(Rect{track_x, cy - track_h / 2, done, track_h}, kAccent, track_h / 2));
  const float knob = track_h * 2.2f;
  f.add(fill_rect(Rect{track_x + done - knob / 2, cy - knob / 2, knob, knob}, kText, knob / 2));
  if (!bar.keys.empty()) {
    Fragment k = w.text(bar.keys, 20, kMuted, keys_w, text::Align::kRight);
    const float ky = cy - k.height / 2;
    f.append(std::move(k), out.bar.x + out.bar.w - pad - keys_w, ky);
  }
  out.list = to_list(std::move(f), size, 0x00000000);
  return out;
}

double clip_bar_time(const ClipBarLayout& bar, double duration_s, float x) {
  if (bar.track.w <= 0 || duration_s <= 0) return 0;
  const double fraction = std::clamp((x - bar.track.x) / bar.track.w, 0.0f, 1.0f);
  return fraction * duration_s;
}

}  // namespace madang::layout
