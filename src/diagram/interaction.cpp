#include "diagram/interaction.h"

#include <algorithm>

#include "diagram/elements.h"

namespace madang::diagram {

namespace {

using layout::SlideState;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

int diagram_of(const std::vector<Element>& elements, const std::string& id) {
  for (const Element& e : elements) {
    if (e.id == id) return e.diagram;
  }
  return -1;
}

// Starts the selection animation when what is selected changed.
SlideState changed_from(const SlideState& before, SlideState after) {
  if (after.selected == before.selected && after.row == before.row) return after;
  after.previous_selected = before.selected;
  after.previous_row = before.row;
  after.diagram_animation = 0;
  return after;
}

SlideState cleared(const SlideState& state) {
  SlideState s = state;
  s.selected.clear();
  s.row.clear();
  return changed_from(state, std::move(s));
}

// Whether element `e` is drawn at reveal step `step` (-1: all).
bool shown(const Element& e, int step) {
  if (step < 0) return true;
  const deck::Block& b = *e.block;
  if (b.fragment > step) return false;
  if (e.kind == ElementKind::kNode && b.diagram.kind == deck::DiagramKind::kFlow &&
      b.diagram.stepped) {
    return b.fragment + e.index <= step;
  }
  return true;
}

}  // namespace

bool has_diagrams(const deck::Slide& slide) {
  return !diagrams_of(slide).empty();
}

bool region_contains(const layout::HitRegion& region, float x, float y) {
  if (region.polygon.size() < 3) return region.rect.contains(x, y);
  // Even-odd crossing test.
  bool inside = false;
  const auto& p = region.polygon;
  for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
    if ((p[i].y > y) != (p[j].y > y) &&
        x < (p[j].x - p[i].x) * (y - p[i].y) / (p[j].y - p[i].y) + p[i].x) {
      inside = !inside;
    }
  }
  return inside;
}

const layout::HitRegion* hit_test(const layout::DisplayList& list, float x, float y) {
  // Layout emits regions in reading order and keeps them apart; where grown
  // touch targets overlap, the earlier (a node before its edges) wins.
  for (const layout::HitRegion& h : list.hits) {
    if (region_contains(h, x, y)) return &h;
  }
  return nullptr;
}

Update pointer_move(const layout::DisplayList& list, const SlideState& state, float x, float y) {
  const layout::HitRegion* h = hit_test(list, x, y);
  SlideState s = state;
  s.hovered = h ? h->id : std::string();
  return {s, s.hovered != state.hovered};
}

Update activate(const deck::Slide& slide, const SlideState& state, const std::string& id) {
  const std::vector<Element> elements = elements_of(slide);
  const auto it =
      std::find_if(elements.begin(), elements.end(), [&](const Element& e) { return e.id == id; });
  if (it == elements.end()) return {state, false};
  const Element& e = *it;
  SlideState s = state;
  const bool was_selected = contains(s.selected, id);

  if (e.kind == ElementKind::kRow) {
    s.row = s.row == id ? std::string() : id;
  } else if (e.block->diagram.kind == deck::DiagramKind::kCompare) {
    if (was_selected) {
      s.selected.erase(std::find(s.selected.begin(), s.selected.end(), id));
    } else {
      s.selected.push_back(id);
      // Two at a time per diagram: the older one gives way.
      int mine = 0;
      for (const std::string& other : s.selected) mine += diagram_of(elements, other) == e.diagram;
      if (mine > 2) {
        const auto oldest = std::find_if(s.selected.begin(), s.selected.end(), [&](const auto& o) {
          return diagram_of(elements, o) == e.diagram;
        });
        s.selected.erase(oldest);
      }
    }
  } else {
    // Triangle and flow: one element at a time; its second click resets.
    std::erase_if(s.selected,
                  [&](const std::string& o) { return diagram_of(elements, o) == e.diagram; });
    if (!was_selected) s.selected.push_back(id);
  }
  return {changed_from(state, std::move(s)), true};
}

Update click(const deck::Slide& slide, const layout::DisplayList& list, const SlideState& state,
             float x, float y) {
  const layout::HitRegion* h = hit_test(list, x, y);
  SlideState base = state;
  base.focused.clear();  // the ring is for the keyboard; a pointer hides it
  if (h) {
    base.hovered = h->id;
    Update u = activate(slide, base, h->id);
    u.state.focused.clear();
    return u;
  }
  if (state.selected.empty() && state.row.empty()) return {base, false};
  return {cleared(base), true};
}

Update focus_next(const layout::DisplayList& list, const SlideState& state, bool backward) {
  std::vector<std::string> order;
  for (const layout::HitRegion& h : list.hits) {
    if (!contains(order, h.id)) order.push_back(h.id);
  }
  if (order.empty()) return {state, false};
  // After a click, Tab continues from the clicked element, as in a browser.
  const std::string& from = !state.focused.empty()
                                ? state.focused
                                : (state.selected.empty() ? state.focused : state.selected.back());
  const auto it = std::find(order.begin(), order.end(), from);
  const int n = static_cast<int>(order.size());
  int next = 0;
  if (it == order.end()) {
    next = backward ? n - 1 : 0;
  } else {
    const int at = static_cast<int>(it - order.begin());
    next = ((backward ? at - 1 : at + 1) % n + n) % n;
  }
  SlideState s = state;
  s.focused = order[static_cast<std::size_t>(next)];
  return {s, true};
}

Update press_enter(const deck::Slide& slide, const SlideState& state) {
  if (state.focused.empty()) return {state, false};
  return activate(slide, state, state.focused);
}

Update escape(const SlideState& state) {
  if (state.selected.empty() && state.row.empty() && state.focused.empty()) return {state, false};
  SlideState s = cleared(state);
  s.focused.clear();
  return {s, true};
}

SlideState on_step(const deck::Slide& slide, const SlideState& state, int step) {
  const std::vector<Element> elements = elements_of(slide);
  auto visible = [&](const std::string& id) {
    for (const Element& e : elements) {
      if (e.id == id) return shown(e, step);
    }
    return false;
  };
  SlideState s = state;
  s.step = step;
  std::erase_if(s.selected, [&](const std::string& id) { return !visible(id); });
  if (!s.row.empty() && !visible(s.row)) s.row.clear();
  if (!s.focused.empty() && !visible(s.focused)) s.focused.clear();
  if (!s.hovered.empty() && !visible(s.hovered)) s.hovered.clear();
  if (step >= 0) {
    for (const Element& e : elements) {
      const deck::Block& b = *e.block;
      if (e.kind != ElementKind::kNode || b.diagram.kind != deck::DiagramKind::kFlow ||
          !b.diagram.stepped || b.fragment + e.index != step) {
        continue;
      }
      std::erase_if(s.selected,
                    [&](const std::string& o) { return diagram_of(elements, o) == e.diagram; });
      s.selected.push_back(e.id);
    }
  }
  return changed_from(state, std::move(s));
}

SlideState select_ids(const deck::Slide& slide, const SlideState& base,
                      const std::vector<std::string>& ids) {
  SlideState s = base;
  for (const std::string& id : ids) s = activate(slide, s, id).state;
  s.diagram_animation = 1;
  s.previous_selected.clear();
  s.previous_row.clear();
  return s;
}

SlideState tick(const SlideState& state, float seconds) {
  if (state.diagram_animation >= 1) return state;
  SlideState s = state;
  s.diagram_animation = std::min(1.0f, s.diagram_animation + seconds / kAnimationSeconds);
  if (s.diagram_animation >= 1) {
    s.previous_selected.clear();
    s.previous_row.clear();
  }
  return s;
}

bool animating(const SlideState& state) {
  return state.diagram_animation < 1;
}

}  // namespace madang::diagram
