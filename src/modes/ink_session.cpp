#include "modes/ink_session.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "session/ink_store.h"

namespace madang::app {

InkSession::InkSession(std::string path, std::string deck_name, ink::Color accent, float aspect)
    : path_(std::move(path)),
      deck_name_(std::move(deck_name)),
      accent_(accent),
      aspect_(aspect > 0 ? aspect : 16.0f / 9) {}

InkSession::~InkSession() = default;

void InkSession::set_slides(std::vector<ink::SlideTag> slides) {
  if (have_slides_) {
    builder_.cancel();
    drag_slide_ = -1;
    follow_slides(doc_, slides_, slides);
  }
  slides_ = std::move(slides);
  have_slides_ = true;
}

void InkSession::set_document(ink::Document doc) {
  doc_ = std::move(doc);
  schedule_.changed(doc_.revision, 0);
  schedule_.saved(doc_.revision);
}

ink::Stroke InkSession::style() const {
  ink::Stroke s;
  s.highlighter = tool_ == InkTool::kHighlighter;
  // A highlighter in the pen's colour would hide the words: yellow, unless
  // a colour was chosen.
  s.color = s.highlighter && color_ == 0 ? 0xffd400ffu : ink::preset_color(color_, accent_);
  s.width = ink::kPenWidths[std::clamp(width_, 0, ink::kPenWidthCount - 1)];
  return s;
}

bool InkSession::key(const InkAction& action, int slide, int step, double now_ms) {
  switch (action.key) {
    case InkKey::kNone:
      return false;
    case InkKey::kTool: {
      const auto t = static_cast<InkTool>(action.value);
      builder_.cancel();
      drag_slide_ = -1;
      tool_ = tool_ == t ? InkTool::kNone : t;
      trail_.clear();
      ++live_revision_;
      return true;
    }
    case InkKey::kPutDown:
      builder_.cancel();
      drag_slide_ = -1;
      tool_ = InkTool::kNone;
      trail_.clear();
      ++live_revision_;
      return true;
    case InkKey::kUndo:
      return ink::undo(doc_);
    case InkKey::kRedo:
      return ink::redo(doc_);
    case InkKey::kClearSlide:
      return ink::clear_slide(doc_, slide);
    case InkKey::kClearAll:
      if (now_ms - clear_all_armed_ms_ > kClearAllConfirmMs) {
        clear_all_armed_ms_ = now_ms;  // the console asks (ShowController::console_now)
        return true;
      }
      clear_all_armed_ms_ = -1e18;
      return ink::clear_all(doc_);
    case InkKey::kToggleHidden:
      ink::toggle_hidden(doc_);
      return true;
    case InkKey::kColor:
      color_ = std::clamp(action.value, 0, ink::kPresetCount - 1);
      return true;
    case InkKey::kThinner:
      width_ = std::max(0, width_ - 1);
      return true;
    case InkKey::kThicker:
      width_ = std::min(ink::kPenWidthCount - 1, width_ + 1);
      return true;
  }
  (void)step;
  return false;
}

bool InkSession::press(int slide, int step, ink::InkPoint p, double now_ms) {
  (void)now_ms;
  if (!draws(tool_) || slide < 0) return false;
  drag_slide_ = slide;
  drag_step_ = step < 0 ? 0 : step;
  if (tool_ == InkTool::kEraser) {
    ink::erase_at(doc_, slide, step, p.x, p.y, 0.01f, aspect_);
    return true;
  }
  if (doc_.hidden) ink::toggle_hidden(doc_);  // drawing shows the ink again
  builder_.begin(style(), p.x, p.y, p.pressure);
  ++live_revision_;
  return true;
}

bool InkSession::drag(ink::InkPoint p, double now_ms) {
  (void)now_ms;
  if (drag_slide_ < 0) return false;
  if (tool_ == InkTool::kEraser) {
    ink::erase_at(doc_, drag_slide_, drag_step_, p.x, p.y, 0.01f, aspect_);
    return true;
  }
  if (builder_.add(p.x, p.y, p.pressure)) ++live_revision_;
  return true;
}

bool InkSession::release(double now_ms) {
  if (drag_slide_ < 0) return false;
  if (builder_.active()) {
    ink::Stroke s = builder_.finish(aspect_);
    s.step = drag_step_;
    ink::add_stroke(doc_, drag_slide_, std::move(s));
    ++live_revision_;
  }
  drag_slide_ = -1;
  schedule_.changed(doc_.revision, now_ms);
  return true;
}

void InkSession::point(bool visible, float x, float y, double now_ms) {
  if (tool_ != InkTool::kLaser && tool_ != InkTool::kSpotlight) return;
  if (!visible) return;
  trail_.push_back({x, y, now_ms});
  while (trail_.size() > 2 && now_ms - trail_.front().at_ms > kLaserTrailMs) trail_.pop_front();
  ++live_revision_;
}

std::vector<LaserMark> InkSession::laser_trail(double now_ms) const {
  std::vector<LaserMark> out;
  for (const LaserMark& m : trail_)
    if (now_ms - m.at_ms <= kLaserTrailMs) out.push_back(m);
  return out;
}

bool InkSession::laser_fading(double now_ms) const {
  return tool_ == InkTool::kLaser && !trail_.empty() &&
         now_ms - trail_.back().at_ms <= kLaserTrailMs;
}

std::vector<const ink::Stroke*> InkSession::strokes(int slide, int step) const {
  std::vector<const ink::Stroke*> out = ink::visible_strokes(doc_, slide, step);
  if (builder_.active() && drag_slide_ == slide) out.push_back(&builder_.live());
  return out;
}

double InkSession::tick(double now_ms) {
  schedule_.changed(doc_.revision, now_ms);
  if (schedule_.due(now_ms)) save();
  const double due = schedule_.due_ms();
  return due < 0 ? -1 : std::max(1.0, due - now_ms);
}

void InkSession::flush() {
  schedule_.changed(doc_.revision, 0);
  if (schedule_.pending()) save();
}

void InkSession::save() {
  const std::uint64_t revision = doc_.revision;
  if (path_.empty()) {
    schedule_.saved(revision);
    return;
  }
  std::string error;
  if (save_ink(path_, doc_, deck_name_, &error, slides_)) {
    save_failed_ = false;
  } else if (!save_failed_) {
    std::fprintf(stderr, "madang present: the ink is not saved: %s\n", error.c_str());
    save_failed_ = true;
  }
  // Failed: tried again with the next change, not in a loop.
  schedule_.saved(revision);
}

}  // namespace madang::app
