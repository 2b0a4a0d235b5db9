// The remote's QR card (see qr_card.h).
#include "screens/qr_card.h"

#include <algorithm>
#include <cmath>

#include "screens/screen_text.h"

namespace madang::layout {

namespace {

constexpr text::Color kCard = 0xffffffffu;
constexpr text::Color kInk = 0x111418ffu;
constexpr text::Color kCardMuted = 0x4a5560ffu;
constexpr int kQuiet = 4;  // modules of white around each code

const deck::Deck& no_deck() {
  static const deck::Deck deck;
  return deck;
}

}  // namespace

DisplayList layout_qr_card(text::FontSystem& fonts, const QrCard& card, Size size) {
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float unit = std::max(0.1f, H / 1080.0f);
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kCard), unit, nullptr);
  const Writer w{sc.ctx};
  Fragment out;
  int most = 1;
  for (const QrCardCode& c : card.codes) most = std::max(most, c.modules);
  // Each code about a third of the console's height, in whole pixels.
  const int module = std::max(3, static_cast<int>(std::floor(H * 0.3f / (most + 2 * kQuiet))));
  const float side = static_cast<float>(module * (most + 2 * kQuiet));
  const float gap = std::round(sc.ctx.px(16));
  const float label_h = std::round(sc.ctx.px(34)), address_h = std::round(sc.ctx.px(30));
  const float n = static_cast<float>(std::max<std::size_t>(1, card.codes.size()));
  const float card_w = n * side + (n + 1) * gap;
  const float card_h = gap + label_h + side + address_h + label_h + gap;
  const float margin = std::round(sc.ctx.px(24));
  const Rect box{std::floor(W - card_w - margin), std::floor(H - card_h - margin), card_w, card_h};
  out.add(fill_rect(box, kCard, sc.ctx.px(12)));
  float x = box.x + gap;
  for (const QrCardCode& c : card.codes) {
    const float y0 = box.y + gap + label_h;
    out.append(w.text(c.label, 26, kInk, side, text::Align::kCenter, true), x, box.y + gap);
    // Dark runs of each row as one rectangle each.
    const float ox = x + static_cast<float>(module * (kQuiet + (most - c.modules) / 2));
    const float oy = y0 + static_cast<float>(module * (kQuiet + (most - c.modules) / 2));
    for (int row = 0; row < c.modules; ++row) {
      for (int col = 0; col < c.modules;) {
        if (!c.dark[static_cast<std::size_t>(row * c.modules + col)]) {
          ++col;
          continue;
        }
        int end = col;
        while (end < c.modules && c.dark[static_cast<std::size_t>(row * c.modules + end)]) ++end;
        out.add(fill_rect(
            Rect{ox + static_cast<float>(col * module), oy + static_cast<float>(row * module),
                 static_cast<float>((end - col) * module), static_cast<float>(module)},
            kInk));
        col = end;
      }
    }
    out.append(w.text(c.address, 18, kCardMuted, side, text::Align::kCenter, false, true), x,
               y0 + side);
    x += side + gap;
  }
  if (!card.hint.empty()) {
    out.append(w.text(card.hint, 20, kCardMuted, card_w - 2 * gap, text::Align::kRight),
               box.x + gap, box.y + card_h - gap - label_h * 0.8f);
  }
  return to_list(std::move(out), size, 0x00000000);
}

}  // namespace madang::layout
