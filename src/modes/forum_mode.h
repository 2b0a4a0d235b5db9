// A forum on one laptop: `madang present forum.yaml` (the kiosk's program is
// modes/kiosk_program.h's, over the kiosk's own controller).
// A small controller over one show per talk: the show controller
// (modes/show_controller.h) keeps the windows and runs the talk on now as it
// runs any deck; this one holds the other talks' shows parked (each with its
// position, timer and diagram state) and trades them in (ShowController::
// swap_show), and puts the forum's own screens over the windows through the
// controller's overlay hooks: the title card in the hall before each talk, a
// break's countdown, the card of a talk whose deck is missing, the program
// panel and the time cards on the console (screens/forum.h).
//
// Promise: every deck is parsed before any window opens (session/
// program_loading.h), so a switch is a swap and one frame; each talk keeps
// its own deck settings (theme, aspect, fonts) and letterbox. A talk's timer
// starts at its first slide. A deck that failed to load is a card, never a
// stop; its file is looked at once a second and the deck loaded when it
// appears or changes. Keys: input/forum_keys.h, then the talk's own.
//
// Test hooks: as the show controller's (MADANG_PRESENT_TRACE adds
// " forum-item=I forum-talk=T card=0|1 time-card=M switch-ms=E/H
// switch-frames=N" to each idle line: the last switch took E ms from the
// key's event (SDL's whole ms) and H ms from its handling to the hall's
// settled frame, in N hall frames; MADANG_PRESENT_CLOCK drives the talks'
// and the breaks' clocks).
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "modes/show_controller.h"
#include "session/program_loading.h"
#include "show/forum.h"

namespace madang::app {

struct ForumSettings {
  std::string command = "present";
  bool time_cards_in_hall = false;  // --time-cards hall
  int start_talk = 1;               // the talk whose card comes first
  bool fullscreen = false;
  deck::PdfOptions pdf;  // how a deck that appears later is read
  // Plans a talk's show from its deck's rehearsals (present: the history's
  // budgets, as for a deck alone); unset: the slot shared evenly.
  std::function<void(show::Show&, const std::string& deck_path)> plan;
};

class ForumController final : public Mode {
 public:
  ForumController(LoadedProgram program, const ScreenOptions& screens, LoopClock& clock,
                  const ForumSettings& settings);
  ~ForumController() override;

  bool open() override;
  void handle(const SDL_Event& e, double now) override;
  double frame(double now) override;
  bool done() const override { return inner_->done(); }

 private:
  // Item `item` comes up: its card when `card`, else its slides (the last
  // one when `at_end`, as going back from a card).
  void go(int item, bool card, double now, bool at_end = false);
  void start_talk(double now);
  void bring_in(int item);  // its show into the controller (a talk whose deck loaded)
  bool loaded(int item) const;
  // Missing or broken decks whose file appeared or changed: loaded again.
  void retry_decks(double now);
  void update_overlays(double now);
  show::ForumClock forum_clock(double now) const;
  double item_elapsed_s(double now) const;
  void trace_extra_line();

  LoadedProgram program_;
  ForumSettings settings_;
  LoopClock& clock_;
  std::vector<std::optional<show::Show>> parked_;  // per item; the one on now is in inner_
  std::unique_ptr<ShowController> inner_;
  int inner_item_ = -1;           // whose show inner_ holds
  int item_ = 0;                  // the item on now
  bool card_ = true;              // the hall shows item_'s card
  std::vector<double> took_s_;    // per item, once left
  double item_since_ms_ = 0;      // talk clock when item_ came up (a break's countdown)
  bool long_press_used_ = false;  // a clicker's held key moved on once
  // What is drawn over the windows, and what it was made from.
  layout::DisplayList hall_list_, console_list_;
  std::string hall_key_, console_key_;
  double next_retry_ms_ = 0;
  std::vector<long long> deck_stamps_;  // per item: its file's mtime when last read (-1: none)
  int time_card_ = -1;
  // The item whose slide has been drawn under its card: a card comes up at
  // once over black, and the talk's slide is laid out and drawn under it in
  // the next idle frame (unseen), so that the talk starts in one quick frame.
  int warmed_item_ = -1;
  // The last switch (a card up or down, another talk): from the key's
  // event to the hall's frame that settled it, and the hall frames drawn.
  Uint32 key_ticks_ = 0;
  Uint64 key_perf_ = 0;
  bool switching_ = false;
  long switch_frames_from_ = 0;
  std::string switch_trace_ = " switch-ms=- switch-frames=-";
};

// `madang present forum.yaml` (and rehearse/kiosk over a program).
int run_present_program(const PresentOptions& options, const ForumSettings& settings);

}  // namespace madang::app
