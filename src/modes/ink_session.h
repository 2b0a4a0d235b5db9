// The speaker's ink and pointers beside the show: the strokes (ink/ink.h),
// the tool in hand, the stroke being drawn, the laser's trail, and the
// sidecar kept up to date on the loop's clock.
//
// Promise: owned by the show's controller beside its show::Show (the show
// stays about where the talk is; ink is about what is drawn on it): keys and
// drags in slide fractions come in, strokes to draw for a slide and step go
// out. Writes the sidecar (session/ink_store.h) within a second of a change
// and once more when the mode ends; a write that fails is said once and
// tried again with the next change, never a reason to stop the talk.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "ink/ink.h"
#include "ink/sidecar.h"
#include "input/ink_keys.h"

namespace madang::app {

// The laser: a red dot with a trail that fades over kLaserTrailMs.
inline constexpr double kLaserTrailMs = 400;

struct LaserMark {
  float x = 0, y = 0;  // slide fractions
  double at_ms = 0;
};

class InkSession {
 public:
  // `path`: the sidecar ("" : none, ink kept in memory only); `deck_name`
  // goes into it; `accent`: the theme's, the first pen colour; `aspect`:
  // the slide's width over its height.
  InkSession(std::string path, std::string deck_name, ink::Color accent, float aspect);
  ~InkSession();

  const std::string& path() const { return path_; }
  ink::Document& document() { return doc_; }
  // The strokes read from the sidecar: what it holds already (not written back).
  void set_document(ink::Document doc);
  // What the deck's slides are (session/ink_store.h slide_tags): written with
  // the ink. Called again after a reload, the ink follows its slides.
  void set_slides(std::vector<ink::SlideTag> slides);
  const ink::Document& document() const { return doc_; }
  InkTool tool() const { return tool_; }
  // What the hall shows changed (a redraw is owed) since the last call.
  std::uint64_t revision() const { return doc_.revision + live_revision_; }

  // A key's action on the slide (0-based) and step shown; true when it did
  // something (a redraw may be owed: compare revision()).
  bool key(const InkAction& action, int slide, int step, double now_ms);

  // A drag with a drawing tool in hand, in slide fractions: press starts a
  // stroke (or erases), drag extends it, release ends it. False when the
  // tool in hand does not draw (the press is a click).
  bool press(int slide, int step, ink::InkPoint p, double now_ms);
  bool drag(ink::InkPoint p, double now_ms);
  bool release(double now_ms);
  bool dragging() const { return drag_slide_ >= 0; }
  // Shift+C was pressed once and waits for its confirmation until the
  // returned time (ms; < 0: not waiting at `now_ms`).
  double clear_all_asked_until(double now_ms) const {
    const double until = clear_all_armed_ms_ + kClearAllConfirmMs;
    return until > now_ms ? until : -1;
  }

  // The laser or spotlight follows the pointer (slide fractions; visible
  // false: it left the slide).
  void point(bool visible, float x, float y, double now_ms);
  // The laser's trail still fading at `now_ms` (oldest first).
  std::vector<LaserMark> laser_trail(double now_ms) const;
  bool laser_fading(double now_ms) const;

  // The strokes shown on `slide` at `step`, the one being drawn among them.
  std::vector<const ink::Stroke*> strokes(int slide, int step) const;

  // Writes the sidecar when due; how long until the next write is (< 0: none).
  double tick(double now_ms);
  // Writes what is not written yet (the mode ends).
  void flush();

 private:
  ink::Stroke style() const;
  void save();

  std::string path_, deck_name_;
  ink::Color accent_;
  float aspect_;
  ink::Document doc_;
  ink::StrokeBuilder builder_;
  ink::SaveSchedule schedule_;
  InkTool tool_ = InkTool::kNone;
  int color_ = 0, width_ = 2;
  int drag_slide_ = -1, drag_step_ = 0;
  std::uint64_t live_revision_ = 0;
  double clear_all_armed_ms_ = -1e18;
  bool save_failed_ = false;
  std::deque<LaserMark> trail_;
  std::vector<ink::SlideTag> slides_;
  bool have_slides_ = false;
};

}  // namespace madang::app
