#include "render/atlas.h"

namespace madang::render {

bool ShelfPacker::insert(int w, int h, int* x, int* y) {
  if (w <= 0 || h <= 0) {
    *x = *y = 0;
    return true;
  }
  int pw = w + padding_, ph = h + padding_;
  if (pw > width_ || ph > height_) return false;
  // Best fit: the lowest shelf that is tall enough and wastes the least height.
  Shelf* best = nullptr;
  for (Shelf& s : shelves_) {
    if (s.height < ph || s.used + pw > width_) continue;
    if (s.height > ph * 3 / 2 + 2) continue;  // too tall: would waste most of the row
    if (!best || s.height < best->height) best = &s;
  }
  if (!best) {
    int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height;
    if (top + ph > height_) {
      // No room for a new shelf: accept any shelf that fits, however tall.
      for (Shelf& s : shelves_)
        if (s.height >= ph && s.used + pw <= width_ && (!best || s.height < best->height))
          best = &s;
      if (!best) return false;
    } else {
      shelves_.push_back({top, ph, 0});
      best = &shelves_.back();
    }
  }
  *x = best->used;
  *y = best->y;
  best->used += pw;
  return true;
}

}  // namespace madang::render
