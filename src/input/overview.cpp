#include "input/overview.h"

#include <algorithm>
#include <cmath>

#include "show/navigation.h"

namespace madang::app {

OverviewGrid overview_grid(int slides, int width, int height, float aspect, float label_height) {
  OverviewGrid grid;
  grid.columns = show::overview_columns(slides);
  grid.label_height = label_height;
  if (slides <= 0 || width <= 0 || height <= 0 || aspect <= 0) return grid;
  const int cols = grid.columns;
  const int rows = (slides + cols - 1) / cols;
  const float margin = 0.04f * static_cast<float>(std::min(width, height));
  const float gap = margin * 0.5f;
  const float avail_w = static_cast<float>(width) - 2 * margin - gap * static_cast<float>(cols - 1);
  const float avail_h = static_cast<float>(height) - 2 * margin -
                        gap * static_cast<float>(rows - 1) -
                        label_height * static_cast<float>(rows);
  float thumb_w = avail_w / static_cast<float>(cols);
  float thumb_h = thumb_w / aspect;
  if (thumb_h * static_cast<float>(rows) > avail_h) {
    thumb_h = std::max(1.0f, avail_h / static_cast<float>(rows));
    thumb_w = thumb_h * aspect;
  }
  thumb_w = std::floor(thumb_w);
  thumb_h = std::floor(thumb_h);
  const float grid_w = thumb_w * static_cast<float>(cols) + gap * static_cast<float>(cols - 1);
  const float grid_h =
      (thumb_h + label_height) * static_cast<float>(rows) + gap * static_cast<float>(rows - 1);
  const float x0 = std::floor((static_cast<float>(width) - grid_w) / 2);
  const float y0 = std::floor((static_cast<float>(height) - grid_h) / 2);
  for (int i = 0; i < slides; ++i) {
    const int c = i % cols, r = i / cols;
    grid.thumbs.push_back({x0 + static_cast<float>(c) * (thumb_w + gap),
                           y0 + static_cast<float>(r) * (thumb_h + label_height + gap), thumb_w,
                           thumb_h});
  }
  return grid;
}

int overview_hit(const OverviewGrid& grid, float x, float y) {
  for (std::size_t i = 0; i < grid.thumbs.size(); ++i) {
    layout::Rect r = grid.thumbs[i];
    r.h += grid.label_height;
    if (r.contains(x, y)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace madang::app
