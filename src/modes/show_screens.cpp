#include "modes/show_screens.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace madang::app {

namespace {

constexpr float kConsoleAspect = 16.0f / 10.0f;  // a laptop's, for a console in a window

}  // namespace

std::string deck_title(const deck::Deck& deck) {
  return deck.meta.title.empty() ? deck.path : deck.meta.title;
}

float deck_aspect(const deck::Deck& deck) {
  return static_cast<float>(std::max(1, deck.meta.aspect_w)) /
         static_cast<float>(std::max(1, deck.meta.aspect_h));
}

ShowScreens::ShowScreens(DeckResources& resources, const ScreenOptions& options)
    : resources_(resources), options_(options) {}

ShowScreens::~ShowScreens() {
  hall_.overlays.reset();
  console_.overlays.reset();
  hall_view_.reset();
  console_view_.reset();
  if (hand_) SDL_FreeCursor(hand_);
  if (arrow_) SDL_FreeCursor(arrow_);
  console_.window.reset();
  hall_.window.reset();
}

bool ShowScreens::open(const deck::Deck& deck, std::string* error) {
  if (options_.display < 0 || options_.display >= display_count()) {
    std::fprintf(stderr, "madang present: no display %d (there are %d); using 0\n",
                 options_.display, display_count());
  }
  if (options_.audience >= display_count()) {
    std::fprintf(stderr, "madang present: no display %d for the hall (there are %d)\n",
                 options_.audience, display_count());
  }
  const ScreenPlan plan = plan_screens(display_count(), options_, swapped_);
  hall_.window =
      Window::open(deck_title(deck) + " — Madang",
                   {plan.audience_display, plan.audience_fullscreen, deck_aspect(deck)}, error);
  if (!hall_.window) return false;
  hall_view_ = std::make_unique<HallView>(hall_.window->renderer(), resources_);
  hall_view_->set_ink(ink_);
  if (plan.console && !open_console(deck, plan.console_display, plan.console_fullscreen, error)) {
    return false;
  }
  // Overlay text scales with the screen it is on (in pixels: HiDPI).
  Screen& over = overlay_screen();
  SDL_Rect bounds{0, 0, 1280, 720};
  SDL_GetDisplayUsableBounds(over.window->placement().display, &bounds);
  const WindowScale s = over.window->scale();
  const float pixel_ratio =
      static_cast<float>(s.pixel_h) / static_cast<float>(std::max(1, s.window_h));
  overlay_unit_ = app::overlay_unit(bounds.h, pixel_ratio);
  hand_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
  arrow_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);
  return true;
}

bool ShowScreens::open_console(const deck::Deck& deck, int display, bool fullscreen,
                               std::string* error) {
  console_.window = Window::open(deck_title(deck) + " — 발표자 화면 · Madang",
                                 {display, fullscreen, kConsoleAspect}, error);
  if (!console_.window) return false;
  console_view_ = std::make_unique<ConsoleView>(console_.window->renderer(), resources_);
  console_.dirty = true;
  SDL_RaiseWindow(console_.window->sdl());  // the speaker types here
  return true;
}

void ShowScreens::place(const deck::Deck& deck, const ScreenPlan& plan) {
  hall_.window->place({plan.audience_display, plan.audience_fullscreen, deck_aspect(deck)});
  if (plan.console && !console_) {
    std::string error;
    if (!open_console(deck, plan.console_display, plan.console_fullscreen, &error)) {
      std::fprintf(stderr, "madang present: no presenter console: %s\n", error.c_str());
    }
  }
  if (console_) {
    console_.window->place({plan.console_display, plan.console_fullscreen, kConsoleAspect});
    SDL_RaiseWindow(console_.window->sdl());
  }
  hall_.dirty = console_.dirty = true;
  hall_view_->skip_transition();
}

void ShowScreens::replan(const deck::Deck& deck) {
  ScreenOptions o = options_;
  // A console once open stays open: a projector pulled out must not close
  // the window the speaker reads from.
  if (console_) o.console = true;
  place(deck, plan_screens(display_count(), o, swapped_));
}

bool ShowScreens::swap(const deck::Deck& deck) {
  if (!console_ || display_count() < 2) return false;
  swapped_ = !swapped_;
  replan(deck);
  return true;
}

Screen* ShowScreens::of(Uint32 window_id) {
  if (hall_ && hall_.window->id() == window_id) return &hall_;
  if (console_ && console_.window->id() == window_id) return &console_;
  return nullptr;
}

OverviewGrid ShowScreens::overview_grid_on(const Screen& screen, const show::Show& show) const {
  int w = 0, h = 0;
  screen.window->output_size(&w, &h);
  return overview_grid(show.shape.slide_count(), w, h, deck_aspect(show.deck),
                       std::round(overlay_unit_ * layout::kOverlayMinText * 1.5f));
}

void ShowScreens::draw_overlays(Screen& screen, const show::Show& show) {
  int w = 0, h = 0;
  screen.window->output_size(&w, &h);
  OverlayInput in;
  in.width = w;
  in.height = h;
  in.unit = overlay_unit_;
  in.help = show.at.help ? &help_ : nullptr;
  in.jump = show.at.jump;
  in.slide_count = show.shape.slide_count();
  if (!console_) {  // with a console, reload errors show there, never in the hall
    in.errors = show.errors;
    in.error_count = show.error_count;
  }
  OverviewGrid grid;
  if (show.at.overview) {
    grid = overview_grid_on(screen, show);
    SlideView& view = &screen == &console_ ? console_view_->slides() : hall_view_->slides();
    for (std::size_t i = 0; i < grid.thumbs.size(); ++i) {
      const layout::Rect& r = grid.thumbs[i];
      in.thumbs.push_back(view.thumbnail(show.deck, static_cast<int>(i), static_cast<int>(r.w),
                                         static_cast<int>(r.h)));
    }
    in.grid = &grid;
    in.cursor = show.at.overview_cursor;
    in.current = show.at.slide;
  }
  if (!Overlays::visible(in)) return;
  if (!screen.overlays) {
    screen.overlays = std::make_unique<Overlays>(screen.window->renderer(), resources_);
  }
  screen.overlays->draw(in);
}

void ShowScreens::draw_hall(const show::Show& show, double now) {
  SDL_Renderer* r = hall_.window->renderer();
  int w = 0, h = 0;
  hall_.window->output_size(&w, &h);
  SDL_SetRenderTarget(r, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  show::HallPicture picture = show::hall(show);
  if (!console_ && show.at.overview) picture.blank = show::Blank::kBlack;  // under the grid
  if (hall_covered_) picture.blank = show::Blank::kBlack;                  // under a card
  hall_view_->slides().set_clips(clips_);
  hall_view_->draw(show.deck, picture, w, h, now, hall_marks_);
  if (hall_overlay_) hall_view_->slides().draw_list(*hall_overlay_, 0, 0);
  if (&overlay_screen() == &hall_) draw_overlays(hall_, show);
  SDL_RenderPresent(r);
  hall_.frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ++hall_.frames;
}

void ShowScreens::draw_console(const show::Show& show, const layout::ConsoleInput& input) {
  SDL_Renderer* r = console_.window->renderer();
  int w = 0, h = 0;
  console_.window->output_size(&w, &h);
  SDL_SetRenderTarget(r, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  console_view_->draw(show.deck, input, w, h);
  draw_console_clips(show, input, w, h);
  if (console_marks_ && !console_marks_->empty() && show.at.blank == show::Blank::kNone) {
    // The speaker's marks over the console's picture of the slide (its
    // texture holds the slide's text already: the highlighter goes over it
    // here, translucent; the hall puts it under).
    const layout::Rect& current = console_view_->laid_out(show.deck, input, w, h).current;
    layout::DisplayList marks;
    marks.width = w;
    marks.height = h;
    marks.background = 0;
    layout::Command clip;
    clip.kind = layout::CommandKind::kPushClip;
    clip.rect = current;
    marks.commands.push_back(clip);
    ink::append_strokes(console_marks_->strokes, current, marks.commands);
    for (layout::Command& c : ink::laser_commands(console_marks_->laser, current))
      marks.commands.push_back(std::move(c));
    if (console_marks_->magnify) {
      // Which part the hall shows enlarged.
      const layout::Rect m = console_marks_->magnified();
      layout::Command frame;
      frame.kind = layout::CommandKind::kStrokeRect;
      frame.rect = {current.x + m.x * current.w, current.y + m.y * current.h, m.w * current.w,
                    m.h * current.h};
      frame.color = 0xe0302cffu;
      frame.width = 3;
      marks.commands.push_back(frame);
    }
    marks.commands.push_back({});
    marks.commands.back().kind = layout::CommandKind::kPopClip;
    console_view_->slides().draw_list(marks, 0, 0);
  }
  if (console_overlay_) console_view_->slides().draw_list(*console_overlay_, 0, 0);
  draw_overlays(console_, show);
  SDL_RenderPresent(r);
  console_.frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ++console_.frames;
}

// The console's picture of the current slide keeps posters in its cached
// texture; the clips playing on it are drawn over that each frame (muted:
// the hall alone is heard), with the bar that shows and seeks them.
void ShowScreens::draw_console_clips(const show::Show& show, const layout::ConsoleInput& input,
                                     int w, int h) {
  clip_bar_.reset();
  if (!clips_ || !clips_->has_clips_here() || show.at.overview) return;
  const layout::ConsoleLayout& laid = console_view_->laid_out(show.deck, input, w, h);
  const layout::Rect& current = laid.current;
  layout::DisplayList live;
  live.width = w;
  live.height = h;
  live.background = 0;
  live.commands.push_back({});
  live.commands.back().kind = layout::CommandKind::kPushClip;
  live.commands.back().rect = current;
  for (const layout::Command& c : laid.base.commands) {
    const bool clip_edge =
        c.kind == layout::CommandKind::kPushClip || c.kind == layout::CommandKind::kPopClip;
    const bool on_current = c.kind == layout::CommandKind::kClip &&
                            current.contains(c.rect.x + c.rect.w / 2, c.rect.y + c.rect.h / 2);
    if (clip_edge || on_current) live.commands.push_back(c);
  }
  live.commands.push_back({});
  live.commands.back().kind = layout::CommandKind::kPopClip;
  SlideView& view = console_view_->slides();
  view.set_clips(clips_);
  view.draw_list(live, 0, 0);
  view.set_clips(nullptr);
  ClipSession::Here here;
  if (!clips_->here(&here)) return;
  layout::ClipBar bar;
  bar.label = here.label;
  bar.playing = here.playing;
  bar.position_s = here.position_s;
  bar.duration_s = here.duration_s;
  bar.keys = "K ▶/❚❚ · J −10s · L +10s";
  clip_bar_ = layout::layout_clip_bar(resources_.fonts(), bar, current, layout::Size{w, h});
  view.draw_list(clip_bar_->list, 0, 0);
}

void ShowScreens::draw_list(Screen& screen, const layout::DisplayList& list) {
  SDL_Renderer* r = screen.window->renderer();
  SDL_SetRenderTarget(r, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
  SDL_RenderClear(r);
  SlideView& view = &screen == &console_ ? console_view_->slides() : hall_view_->slides();
  view.draw_list(list, 0, 0);
  SDL_RenderPresent(r);
  screen.frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ++screen.frames;
}

void ShowScreens::deck_changed() {
  hall_view_->slides().deck_changed();
  hall_view_->skip_transition();
  if (console_view_) console_view_->invalidate();
  hall_.dirty = console_.dirty = true;
}

void ShowScreens::invalidate() {
  hall_view_->slides().invalidate();
  hall_view_->skip_transition();
  if (console_view_) console_view_->invalidate();
  if (hall_.overlays) hall_.overlays->invalidate();
  if (console_.overlays) console_.overlays->invalidate();
  hall_.dirty = console_.dirty = true;
}

void ShowScreens::show_hand(bool hand) {
  hand_shown_ = hand;
  if (SDL_Cursor* c = hand ? hand_ : arrow_) SDL_SetCursor(c);
}

}  // namespace madang::app
