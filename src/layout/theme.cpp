#include "layout/theme.h"

namespace madang::layout {

namespace {

// Code on a light surface: GitHub's light palette, whose colours keep about
// 4.5:1 on the code background; on a dark one, GitHub's dark palette.
constexpr CodeColors kLightCode{0xcf222eff, 0x953800ff, 0x0a3069ff,
                                0x6e7781ff, 0x0550aeff, 0x8250dfff};
constexpr CodeColors kDarkCode{0xff7b72ff, 0xffa657ff, 0xa5d6ffff,
                               0x8b949eff, 0x79c0ffff, 0xd2a8ffff};

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
  t.code = kLightCode;
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
  t.code = kDarkCode;
  return t;
}

// Marp's Gaia, kept warm: cream paper, slate ink and a sky-blue accent, on
// the hall's type scale; its ink is darker than Gaia's so that a washed-out
// projector still reads it (about 9:1). `invert` (and Gaia's `gaia` class)
// swaps paper and ink.
Theme gaia(bool invert) {
  Theme t = hall();
  t.name = "gaia";
  if (!invert) {
    t.background = 0xfff8e1ff;
    t.text = 0x37474fff;
    t.muted = 0x66757cff;
    t.heading = 0x2e3d44ff;
    t.accent = 0x0277bdff;
    t.accent_soft = 0xf6e7bcff;
    t.rule = 0xe0d3a8ff;
    t.surface = 0xfbefc9ff;
    t.surface_alt = 0xfdf3d6ff;
    t.title_band = 0x455a64ff;
    t.on_accent = 0xfff8e1ff;
  } else {
    t.background = 0x455a64ff;
    t.text = 0xfff8e1ff;
    t.muted = 0xcfd8dcff;
    t.heading = 0xfff8e1ff;
    t.accent = 0x81d4faff;
    t.accent_soft = 0x546e7aff;
    t.rule = 0x78909cff;
    t.surface = 0x50666fff;
    t.surface_alt = 0x4b6069ff;
    t.title_band = 0x37474fff;
    t.on_accent = 0x263238ff;
    t.code = kDarkCode;
  }
  return t;
}

// Marp's Uncover: near-white, near-black ink, a cyan accent, everything
// centred, on the hall's type scale.
Theme uncover(bool invert) {
  Theme t = hall();
  t.name = "uncover";
  t.centred = true;
  if (!invert) {
    t.background = 0xfdfcffff;
    t.text = 0x202228ff;
    t.muted = 0x5d6069ff;
    t.heading = 0x202228ff;
    t.accent = 0x0086b6ff;
    t.accent_soft = 0xdcf1f8ff;
    t.rule = 0xcfd2d8ff;
    t.surface = 0xeff0f3ff;
    t.surface_alt = 0xf5f6f8ff;
    t.title_band = 0x202228ff;
    t.on_accent = 0xffffffff;
  } else {
    t.background = 0x202228ff;
    t.text = 0xfdfcffff;
    t.muted = 0xa9adb8ff;
    t.heading = 0xffffffff;
    t.accent = 0x60d0f5ff;
    t.accent_soft = 0x233a44ff;
    t.rule = 0x454852ff;
    t.surface = 0x2b2e36ff;
    t.surface_alt = 0x26282fff;
    t.title_band = 0x14161aff;
    t.on_accent = 0x101216ff;
    t.code = kDarkCode;
  }
  return t;
}

}  // namespace

Theme theme_named(const std::string& name, bool invert, bool* known) {
  if (known) *known = true;
  Theme t;
  if (name == "hall" || name == "default" || name.empty()) {
    t = invert ? hall_dark() : hall();
  } else if (name == "hall-dark") {
    t = invert ? hall() : hall_dark();
  } else if (name == "gaia") {
    t = gaia(invert);
  } else if (name == "uncover") {
    t = uncover(invert);
  } else {
    if (known) *known = false;
    t = invert ? hall_dark() : hall();
  }
  return t;
}

}  // namespace madang::layout
