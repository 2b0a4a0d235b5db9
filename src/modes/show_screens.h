// The windows of a show: the hall's view and, with a console, the speaker's,
// each with what draws into it (modes/hall_view.h, modes/console_view.h, the
// overlays), placed on the displays input/screens.h chooses.
//
// Promise: owns windows and their pictures, never the show: it draws the
// show it is given. Windows move when displays come or go or the speaker
// swaps them; the console, once open, is never closed by a display that
// disappears. Overlays (help, overview, typed jump) show on the console
// when there is one, else in the hall; reload errors never show in the
// hall while a console can show them.
#pragma once

#include <SDL.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/keymap.h"
#include "input/overview.h"
#include "input/screens.h"
#include "modes/clip_session.h"
#include "modes/console_view.h"
#include "modes/deck_resources.h"
#include "modes/hall_view.h"
#include "modes/overlays.h"
#include "platform/window.h"
#include "screens/clip_bar.h"
#include "show/show.h"

namespace madang::app {

// One window of the show and what draws into it.
struct Screen {
  std::unique_ptr<Window> window;
  std::unique_ptr<Overlays> overlays;  // made when first shown
  bool dirty = true;
  long frames = 0;
  double frame_ms = 0;
  explicit operator bool() const { return window != nullptr; }
};

class ShowScreens {
 public:
  ShowScreens(DeckResources& resources, const ScreenOptions& options);
  ~ShowScreens();
  ShowScreens(const ShowScreens&) = delete;
  ShowScreens& operator=(const ShowScreens&) = delete;

  // Opens the windows the displays call for; false with a message.
  bool open(const deck::Deck& deck, std::string* error);
  // Displays came or went: move the windows where they can be seen.
  void replan(const deck::Deck& deck);
  // The swap key: the hall and the console exchange displays (false when
  // there are not two displays to swap).
  bool swap(const deck::Deck& deck);

  Screen& hall() { return hall_; }
  Screen& console() { return console_; }  // false when there is no console
  bool has_console() const { return console_.window != nullptr; }
  Screen* of(Uint32 window_id);
  Screen& overlay_screen() { return console_ ? console_ : hall_; }
  HallView& hall_view() { return *hall_view_; }
  ConsoleView& console_view() { return *console_view_; }
  // Overlay sizes: pixels per pixel of a 1080p display (modes/overlays.h).
  float overlay_unit() const { return overlay_unit_; }

  // Pixels of a window.
  static void output_size(const Screen& screen, int* w, int* h) {
    screen.window->output_size(w, h);
  }

  // The overview grid as `screen` draws it.
  OverviewGrid overview_grid_on(const Screen& screen, const show::Show& show) const;

  // Draws and presents a frame of each window.
  void draw_hall(const show::Show& show, double now);
  void draw_console(const show::Show& show, const layout::ConsoleInput& input);

  // A mode's own picture over the hall's slide (a rehearsal bar), under the
  // overlays; nullptr: none. The list must outlive the frames that draw it.
  // `covers`: the list hides the slide (a forum's title card), which is then
  // not drawn under it.
  void set_hall_overlay(const layout::DisplayList* list, bool covers = false) {
    hall_overlay_ = list;
    hall_covered_ = list && covers;
  }
  // The same over the console (the remote's QR card); nullptr: none.
  void set_console_overlay(const layout::DisplayList* list) { console_overlay_ = list; }
  // The speaker's marks (modes/hall_view.h) drawn on the hall's slide and on
  // the console's picture of it; nullptr: none. Valid for the frames drawn.
  void set_marks(const HallMarks* hall, const HallMarks* console) {
    hall_marks_ = hall;
    console_marks_ = console;
  }
  // The ink the hall's transitions carry (HallView::set_ink), from now on.
  void set_ink(const ink::Document* ink) {
    ink_ = ink;
    if (hall_view_) hall_view_->set_ink(ink);
  }
  // The show's clips (modes/clip_session.h): the hall, and the console's
  // picture of the current slide, show them playing, and the console its
  // clip bar; nullptr (the default): every clip shows its poster.
  void set_clips(ClipSession* clips) { clips_ = clips; }
  // The console's clip bar as last drawn (its track takes a drag); nullptr
  // when the console shows none.
  const layout::ClipBarLayout* clip_bar() const { return clip_bar_ ? &*clip_bar_ : nullptr; }

  // A mode's own screen filling a window (the rehearsal summary), presented.
  void draw_list(Screen& screen, const layout::DisplayList& list);

  // The deck was replaced (after DeckResources::deck_changed), or render
  // targets were lost.
  void deck_changed();
  void invalidate();

  // More lines for the `?` help (the ink's keys, when the mode has ink).
  void add_help(const std::vector<HelpLine>& lines) {
    help_.insert(help_.end(), lines.begin(), lines.end());
  }

  // The pointer's shape over diagrams (one cursor for all windows).
  void show_hand(bool hand);
  bool hand_shown() const { return hand_shown_; }

 private:
  bool open_console(const deck::Deck& deck, int display, bool fullscreen, std::string* error);
  void place(const deck::Deck& deck, const ScreenPlan& plan);
  void draw_overlays(Screen& screen, const show::Show& show);
  void draw_console_clips(const show::Show& show, const layout::ConsoleInput& input, int w, int h);

  DeckResources& resources_;
  ScreenOptions options_;
  bool swapped_ = false;
  Screen hall_, console_;
  std::unique_ptr<HallView> hall_view_;
  std::unique_ptr<ConsoleView> console_view_;
  float overlay_unit_ = 1;
  std::vector<HelpLine> help_ = help_lines(default_bindings(), diagram_bindings());
  SDL_Cursor* hand_ = nullptr;
  SDL_Cursor* arrow_ = nullptr;
  bool hand_shown_ = false;
  const layout::DisplayList* hall_overlay_ = nullptr;
  bool hall_covered_ = false;
  const layout::DisplayList* console_overlay_ = nullptr;
  const HallMarks* hall_marks_ = nullptr;
  const HallMarks* console_marks_ = nullptr;
  const ink::Document* ink_ = nullptr;
  ClipSession* clips_ = nullptr;
  std::optional<layout::ClipBarLayout> clip_bar_;
};

std::string deck_title(const deck::Deck& deck);
float deck_aspect(const deck::Deck& deck);

}  // namespace madang::app
