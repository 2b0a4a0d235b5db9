#include "modes/overlays.h"

#include <algorithm>
#include <optional>

#include "render/render.h"

namespace madang::app {

namespace {

constexpr const char* kHelpTitle = "단축키 · Keys";
constexpr const char* kHelpClose = "닫기 · Close";

layout::PadLook look_of(GateKey key) {
  switch (key) {
    case GateKey::kDigit:
      return layout::PadLook::kKey;
    case GateKey::kOk:
      return layout::PadLook::kPrimary;
    default:
      return layout::PadLook::kAction;
  }
}

layout::KeypadSheet keypad_sheet(const KeypadPicture& k) {
  const KeypadLayout& pad = k.layout;
  layout::KeypadSheet s{.panel = pad.panel,
                        .title = pad.title,
                        .dots = pad.dots,
                        .note = pad.note,
                        .title_text = k.title,
                        .note_text = k.note,
                        .show_dots = pad.mode == GateMode::kPin,
                        .typed = k.typed,
                        .dots_min = kPinMinDigits,
                        .text_px = pad.text_px,
                        .keys = {}};
  for (const PadButton& b : pad.buttons) s.keys.push_back({b.rect, b.label, look_of(b.key)});
  return s;
}

}  // namespace

float overlay_unit(int display_h, float pixel_ratio) {
  return std::clamp(static_cast<float>(display_h) * pixel_ratio / 1080.0f, 0.5f, 4.0f);
}

layout::HelpSheet help_sheet(const std::vector<HelpLine>& lines) {
  layout::HelpSheet sheet;
  sheet.title = kHelpTitle;
  // How to close it: the keys of the help and Esc lines, as the table binds them.
  sheet.close_keys = {"?", "Esc"};
  sheet.close_label = kHelpClose;
  for (HelpTask task : kHelpTasks) {
    layout::HelpGroup group;
    group.title = help_task_title(task);
    for (const HelpLine& l : lines) {
      if (l.task == task) group.entries.push_back({l.names, l.korean, l.english});
    }
    if (!group.entries.empty()) sheet.groups.push_back(std::move(group));
  }
  return sheet;
}

struct Overlays::Impl {
  SDL_Renderer* renderer = nullptr;
  DeckResources* resources = nullptr;
  std::unique_ptr<render::SdlRenderer> sdl;
  int generation = -1;  // of the resources `sdl` and `laid_out` were made with
  std::optional<layout::OverlaySheet> sheet;
  layout::Size size;
  layout::OverlayLayout laid_out;

  render::SdlRenderer& translator() {
    if (!sdl || generation != resources->generation()) {
      sdl =
          std::make_unique<render::SdlRenderer>(renderer, resources->glyphs(), resources->images());
      generation = resources->generation();
      sheet.reset();  // font ids may have changed with the fonts
    }
    return *sdl;
  }

  void draw_overview(const OverlayInput& in) {
    const OverviewGrid& g = *in.grid;
    const layout::OverviewSheet o{.unit = in.unit,
                                  .thumbs = g.thumbs,
                                  .label_height = g.label_height,
                                  .cursor = in.cursor,
                                  .current = in.current};
    const layout::OverviewLayout lists =
        layout::layout_overview(resources->fonts(), o, {in.width, in.height});
    translator().draw(lists.backdrop);
    for (std::size_t i = 0; i < g.thumbs.size() && i < in.thumbs.size(); ++i) {
      if (!in.thumbs[i]) continue;
      const layout::Rect& r = g.thumbs[i];
      const SDL_FRect to{r.x, r.y, r.w, r.h};
      SDL_RenderCopyF(renderer, in.thumbs[i], nullptr, &to);
    }
    translator().draw(lists.marks);
  }
};

Overlays::Overlays(SDL_Renderer* renderer, DeckResources& resources)
    : impl_(std::make_unique<Impl>()) {
  impl_->renderer = renderer;
  impl_->resources = &resources;
}

Overlays::~Overlays() = default;

bool Overlays::visible(const OverlayInput& in) {
  return in.help || !in.jump.empty() || !in.errors.empty() || in.grid || in.keypad;
}

const layout::OverlayLayout& Overlays::last() const {
  return impl_->laid_out;
}

int Overlays::texture_count() const {
  return impl_->sdl ? impl_->sdl->texture_count() : 0;
}

void Overlays::invalidate() {
  if (impl_->sdl) impl_->sdl->invalidate();
}

void Overlays::draw(const OverlayInput& in) {
  if (!visible(in) || in.width <= 0 || in.height <= 0) return;
  Impl& m = *impl_;
  render::SdlRenderer& sdl = m.translator();
  if (in.grid) m.draw_overview(in);
  layout::OverlaySheet sheet;
  sheet.unit = in.unit;
  if (in.help) sheet.help = help_sheet(*in.help);
  sheet.jump = in.jump;
  sheet.slide_count = in.slide_count;
  sheet.errors = in.errors;
  sheet.error_count = in.error_count;
  if (in.keypad) sheet.keypad = keypad_sheet(*in.keypad);
  const layout::Size size{in.width, in.height};
  if (!m.sheet || !(*m.sheet == sheet) || !(m.size == size)) {
    m.laid_out = layout::layout_overlays(m.resources->fonts(), sheet, size);
    m.sheet = std::move(sheet);
    m.size = size;
  }
  sdl.draw(m.laid_out.list);
}

}  // namespace madang::app
