#include "layout/theme.h"

namespace madang::layout {

namespace {

// Light theme for projectors in a hall: warm paper white, near-black ink
// (contrast about 15:1), a calm deep teal accent that survives washed-out
// projectors.
Theme hall() {
  Theme t;
  t.name = "hall";
  t.background = 0xfbfaf7ff;
  t.text = 0x1d232bff;
  t.muted = 0x5b6572ff;
  t.heading = 0x12303dff;
  t.accent = 0x0f6e84ff;
  t.accent_soft = 0xd7ecefff;
  t.rule = 0xc9d1d6ff;
  t.surface = 0xeef2f3ff;
  t.surface_alt = 0xf4f6f6ff;
  t.title_band = 0x12303dff;
  t.on_accent = 0xffffffff;
  return t;
}

// Dark theme for a kiosk screen that runs for days: deep blue-grey, soft
// white text, a brighter teal so that touch targets stand out.
Theme hall_dark() {
  Theme t = hall();
  t.name = "hall-dark";
  t.background = 0x141a21ff;
  t.text = 0xe9edf0ff;
  t.muted = 0x9aa7b2ff;
  t.heading = 0xffffffff;
  t.accent = 0x4cc3d6ff;
  t.accent_soft = 0x1f3a44ff;
  t.rule = 0x3a4550ff;
  t.surface = 0x1e2730ff;
  t.surface_alt = 0x19212aff;
  t.title_band = 0x0c3440ff;
  t.on_accent = 0x0b1216ff;
  return t;
}

}  // namespace

Theme theme_named(const std::string& name, bool invert, bool* known) {
  if (known) *known = true;
  Theme t;
  if (name == "hall" || name.empty()) {
    t = invert ? hall_dark() : hall();
  } else if (name == "hall-dark") {
    t = invert ? hall() : hall_dark();
  } else {
    if (known) *known = false;
    t = invert ? hall_dark() : hall();
  }
  return t;
}

}  // namespace madang::layout
