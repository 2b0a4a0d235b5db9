#include "input/touch.h"

#include <algorithm>

#include "input/diagram_input.h"
#include "input/keymap.h"

namespace madang::app {

void TouchTracker::down(long long id, float x, float y) {
  fingers_.erase(std::remove_if(fingers_.begin(), fingers_.end(),
                                [id](const Track& t) { return t.now.id == id; }),
                 fingers_.end());
  const bool shared = !fingers_.empty();
  for (Track& t : fingers_) t.shared = true;
  fingers_.push_back({{id, x, y}, x, y, shared});
}

void TouchTracker::move(long long id, float x, float y) {
  for (Track& t : fingers_) {
    if (t.now.id == id) {
      t.now.x = x;
      t.now.y = y;
    }
  }
}

Gesture TouchTracker::up(long long id, float x, float y) {
  Gesture g;
  const auto it = std::find_if(fingers_.begin(), fingers_.end(),
                               [id](const Track& t) { return t.now.id == id; });
  if (it == fingers_.end()) return g;  // went down before we looked
  const Track t = *it;
  fingers_.erase(it);
  if (t.shared) return g;
  const float dx = x - t.x0, dy = y - t.y0;
  if (is_tap(dx, dy)) {
    g.kind = Gesture::Kind::kTap;
    g.x = x;
    g.y = y;
    return g;
  }
  g.swipe = swipe_action(dx, dy);
  if (g.swipe.kind != show::ActionKind::kNone) g.kind = Gesture::Kind::kSwipe;
  return g;
}

std::vector<Finger> TouchTracker::fingers() const {
  std::vector<Finger> out;
  for (const Track& t : fingers_) out.push_back(t.now);
  return out;
}

}  // namespace madang::app
