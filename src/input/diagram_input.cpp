#include "input/diagram_input.h"

#include <algorithm>
#include <cmath>

namespace madang::app {

layout::Point window_to_slide(float x, float y, const WindowScale& scale,
                              const layout::Rect& slide) {
  const float sx =
      static_cast<float>(scale.pixel_w) / static_cast<float>(std::max(1, scale.window_w));
  const float sy =
      static_cast<float>(scale.pixel_h) / static_cast<float>(std::max(1, scale.window_h));
  return {x * sx - slide.x, y * sy - slide.y};
}

layout::Point finger_to_window(float fx, float fy, const WindowScale& scale) {
  return {fx * static_cast<float>(scale.window_w), fy * static_cast<float>(scale.window_h)};
}

bool is_tap(float dx, float dy) {
  // Well under swipe_action's 10%: a finger that wandered between the two is
  // neither, rather than a click the speaker did not mean.
  constexpr float kMaxTap = 0.02f;
  return std::fabs(dx) <= kMaxTap && std::fabs(dy) <= kMaxTap;
}

KeyContext key_context(const PresentState& present, const layout::SlideState& slide,
                       bool has_diagrams) {
  KeyContext c;
  c.overlay =
      present.help || present.overview || present.blank != Blank::kNone || !present.jump.empty();
  c.has_diagrams = has_diagrams;
  c.focus_ring = !slide.focused.empty();
  c.clearable = !slide.selected.empty() || !slide.row.empty() || !slide.focused.empty();
  return c;
}

KeyRoute route_key(int scancode, int mods, const KeyContext& context) {
  // Overlays and typed digits come first: Esc closes them, Enter commits
  // the jump, Tab closes the overview, as without diagrams.
  if (context.overlay) return KeyRoute::kNavigation;
  const auto& table = diagram_bindings();
  const auto it = std::find_if(table.begin(), table.end(), [&](const DiagramBinding& b) {
    return b.scancode == scancode && b.mods == mods;
  });
  if (it == table.end()) return KeyRoute::kNavigation;
  switch (it->key) {
    case DiagramKey::kFocusNext:
      return context.has_diagrams ? KeyRoute::kFocusNext : KeyRoute::kNavigation;
    case DiagramKey::kFocusPrevious:
      return context.has_diagrams ? KeyRoute::kFocusPrevious : KeyRoute::kNavigation;
    case DiagramKey::kPressEnter:
      return context.focus_ring ? KeyRoute::kPressEnter : KeyRoute::kNavigation;
    case DiagramKey::kEscape:
      return context.clearable ? KeyRoute::kDiagramEscape : KeyRoute::kNavigation;
  }
  return KeyRoute::kNavigation;
}

}  // namespace madang::app
