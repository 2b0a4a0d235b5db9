#include "layout/background.h"

#include <algorithm>
#include <string>

#include "deck/clips.h"

namespace madang::layout {

namespace {

Command image_command(const deck::BackgroundImage& bg, int iw, int ih, Rect cell, float unit) {
  Command c;
  c.kind = CommandKind::kImage;
  c.rect = background_image_rect(bg, iw, ih, cell, unit);
  c.image_path = bg.image.resolved;
  c.label = bg.image.alt.empty() ? bg.image.src : bg.image.alt;
  c.filters = filters_for(bg.image, iw, c.rect.w, unit);
  return c;
}

// `clip_key`: "" for a picture, else the moving background's name.
void draw_in(std::vector<Command>& out, const deck::BackgroundImage& bg, Rect cell, float unit,
             const std::string& clip_key = {}) {
  int iw = 0, ih = 0;
  if (cell.w <= 0 || cell.h <= 0 || !image_size(bg.image, &iw, &ih)) return;
  Command clip;
  clip.kind = CommandKind::kPushClip;
  clip.rect = cell;
  out.push_back(clip);
  Command picture = image_command(bg, iw, ih, cell, unit);
  if (!clip_key.empty()) {
    picture.kind = CommandKind::kClip;
    picture.filters.clear();
    picture.clip_key = clip_key;
    picture.clip = bg.image.media;
  }
  out.push_back(std::move(picture));
  Command pop;
  pop.kind = CommandKind::kPopClip;
  out.push_back(pop);
}

}  // namespace

BackgroundPlan plan_background(const deck::SlideBackground& background, Rect slide) {
  BackgroundPlan plan;
  plan.area = slide;
  plan.content = slide;
  if (background.split != deck::BackgroundSplit::kNone) {
    const float share = std::clamp(background.split_share, 0.0f, 1.0f);
    const float w = slide.w * share;
    const bool left = background.split == deck::BackgroundSplit::kLeft;
    plan.area = Rect{left ? slide.x : slide.x + slide.w - w, slide.y, w, slide.h};
    plan.content = Rect{left ? slide.x + w : slide.x, slide.y, slide.w - w, slide.h};
  }
  const std::size_t n = background.images.size();
  for (std::size_t i = 0; i < n; ++i) {
    const float k = static_cast<float>(i), count = static_cast<float>(n);
    Rect cell = plan.area;
    if (background.vertical) {
      cell.h = plan.area.h / count;
      cell.y = plan.area.y + k * cell.h;
    } else {
      cell.w = plan.area.w / count;
      cell.x = plan.area.x + k * cell.w;
    }
    plan.cells.push_back(cell);
  }
  return plan;
}

Rect background_image_rect(const deck::BackgroundImage& image, int pixel_width, int pixel_height,
                           Rect cell, float unit) {
  const float iw = static_cast<float>(std::max(1, pixel_width));
  const float ih = static_cast<float>(std::max(1, pixel_height));
  float w = cell.w, h = cell.h;
  switch (image.fit) {
    case deck::BackgroundFit::kCover:
    case deck::BackgroundFit::kContain: {
      const float sx = cell.w / iw, sy = cell.h / ih;
      const float s =
          image.fit == deck::BackgroundFit::kCover ? std::max(sx, sy) : std::min(sx, sy);
      w = iw * s;
      h = ih * s;
      break;
    }
    case deck::BackgroundFit::kAuto:
      w = iw * unit;
      h = ih * unit;
      break;
    case deck::BackgroundFit::kScale:
      w = cell.w * image.scale;
      h = w * ih / iw;
      break;
    case deck::BackgroundFit::kSized: {
      const float rw = image.image.width, rh = image.image.height;
      w = rw > 0 ? rw * unit : rw < 0 ? -rw * cell.w : 0;
      h = rh > 0 ? rh * unit : rh < 0 ? -rh * cell.h : 0;
      if (w <= 0 && h <= 0) w = iw * unit;
      if (w <= 0) w = h * iw / ih;
      if (h <= 0) h = w * ih / iw;
      break;
    }
  }
  // CSS background-position: the same fraction of the image and of the cell
  // line up (0.5: centred; an image larger than its cell is cropped evenly).
  return Rect{cell.x + (cell.w - w) * image.position_x, cell.y + (cell.h - h) * image.position_y, w,
              h};
}

std::vector<Command> background_commands(const deck::SlideBackground& background,
                                         const BackgroundPlan& plan, Rect slide, float unit,
                                         int slide_index) {
  std::vector<Command> out;
  for (const deck::BackgroundImage& bg : background.directive_images) draw_in(out, bg, slide, unit);
  int clips = 0;  // numbered as deck::slide_clips numbers them: background clips first
  for (std::size_t i = 0; i < background.images.size() && i < plan.cells.size(); ++i) {
    const deck::Image& image = background.images[i].image;
    const bool video = image.media.kind == deck::MediaKind::kVideo;
    const std::string key = image.is_clip() ? deck::clip_key(slide_index, clips++) : "";
    if (image.is_clip() && !video) continue;  // sound has no picture to fill a background with
    draw_in(out, background.images[i], plan.cells[i], unit, key);
  }
  return out;
}

float css_unit(const deck::Deck& deck, float unit) {
  constexpr float kMarpSlideHeight = 720;
  return deck.meta.marp ? unit * 1080.0f / kMarpSlideHeight : unit;
}

bool image_size(const deck::Image& image, int* width, int* height) {
  *width = image.pixel_width;
  *height = image.pixel_height;
  return !image.resolved.empty() && *width > 0 && *height > 0;
}

std::vector<deck::ImageFilter> filters_for(const deck::Image& image, int pixel_width,
                                           float drawn_width, float unit) {
  std::vector<deck::ImageFilter> out = image.filters;
  for (deck::ImageFilter& f : out) {
    // A blur of N px on the slide is N * (image pixels per slide pixel) in the image.
    if (f.kind == deck::FilterKind::kBlur && drawn_width > 0) {
      f.amount = f.amount * unit * static_cast<float>(pixel_width) / drawn_width;
    }
  }
  return out;
}

}  // namespace madang::layout
