// Present mode: `madang present DECK`. One window, the slides letterboxed in
// it, keys from app/keymap.h, state from app/navigation.h, overlays from
// app/overlays.h, hot reload from app/watch.h + app/reload.h.
//
// The loop sleeps in SDL_WaitEvent: a still slide costs no CPU. It wakes for
// input, window events, a file change (the watcher thread pushes an SDL user
// event) and, only while a transition or a diagram animation runs, a frame
// timer.
//
// Diagrams: each slide has its layout::SlideState (selection, focus ring,
// hover, animation; its `step` follows the navigation's), an input to layout
// like the step. Pointer, finger and keys reach diagram/interaction.h through
// app/diagram_input.h, which decides where a key goes and which slide pixel a
// click lands on; hit-testing uses the display list that is on screen.
//
// Test and benchmark hooks (environment):
//   MADANG_PRESENT_TRACE=1        print "idle slide=S step=T ... selected=IDS
//                                 focused=ID hovered=ID" on stdout each time
//                                 the loop goes to sleep after drawing
//   MADANG_PRESENT_FIRST_FRAME=1  print "first-frame-ms X" and "vmhwm-kb N"
//                                 after the first frame, then exit 0
//
// Index of this file:
// [SECTION] Startup checks
// [SECTION] Presenter (window, state, reload)
// [SECTION] Diagrams (state per slide, pointer, animation)
// [SECTION] Input
// [SECTION] Drawing
// [SECTION] Loop
// [SECTION] Entry point

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/commands.h"
#include "app/diagram_input.h"
#include "app/image_check.h"
#include "app/keymap.h"
#include "app/navigation.h"
#include "app/overlays.h"
#include "app/overview.h"
#include "app/reload.h"
#include "app/slide_view.h"
#include "app/transition.h"
#include "app/watch.h"
#include "deck/parse.h"
#include "diagram/interaction.h"

namespace madang::app {

// The key table speaks SDL scancodes without including SDL; hold it to that.
constexpr bool scancodes_match() {
  constexpr int kPairs[][2] = {
      {kScanB, SDL_SCANCODE_B},
      {kScanF, SDL_SCANCODE_F},
      {kScanN, SDL_SCANCODE_N},
      {kScanO, SDL_SCANCODE_O},
      {kScanP, SDL_SCANCODE_P},
      {kScanQ, SDL_SCANCODE_Q},
      {kScanW, SDL_SCANCODE_W},
      {kScan1, SDL_SCANCODE_1},
      {kScan0, SDL_SCANCODE_0},
      {kScanKp1, SDL_SCANCODE_KP_1},
      {kScanKp0, SDL_SCANCODE_KP_0},
      {kScanKpEnter, SDL_SCANCODE_KP_ENTER},
      {kScanReturn, SDL_SCANCODE_RETURN},
      {kScanEscape, SDL_SCANCODE_ESCAPE},
      {kScanBackspace, SDL_SCANCODE_BACKSPACE},
      {kScanTab, SDL_SCANCODE_TAB},
      {kScanSpace, SDL_SCANCODE_SPACE},
      {kScanPeriod, SDL_SCANCODE_PERIOD},
      {kScanSlash, SDL_SCANCODE_SLASH},
      {kScanHome, SDL_SCANCODE_HOME},
      {kScanEnd, SDL_SCANCODE_END},
      {kScanPageUp, SDL_SCANCODE_PAGEUP},
      {kScanPageDown, SDL_SCANCODE_PAGEDOWN},
      {kScanRight, SDL_SCANCODE_RIGHT},
      {kScanLeft, SDL_SCANCODE_LEFT},
      {kScanDown, SDL_SCANCODE_DOWN},
      {kScanUp, SDL_SCANCODE_UP},
  };
  for (const auto& p : kPairs) {
    if (p[0] != p[1]) return false;
  }
  return true;
}
static_assert(scancodes_match(), "app/keymap.h Scan values must equal SDL_Scancode's");

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

std::string ids_or_dash(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out.empty() ? "-" : out;
}

long vm_hwm_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

//-----------------------------------------------------------------------------
// [SECTION] Startup checks
//-----------------------------------------------------------------------------

constexpr const char* kNoDisplay =
    "madang present: no display available; try: madang export DECK --png DIR\n";

// Whether there is any display to open a window on, before asking SDL (which
// would otherwise pick a dummy driver and "present" to nothing).
bool display_configured() {
  if (std::getenv("SDL_VIDEODRIVER")) return true;  // the caller chose; SDL_Init decides
  const char* x = std::getenv("DISPLAY");
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (wl && *wl);
}

// When the X server named by DISPLAY cannot be reached, SDL falls back to its
// offscreen driver and would "present" to nothing, forever. Only a caller
// who asked for such a driver by name gets it.
bool real_display_driver() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver) return false;
  const std::string name = driver;
  if (name != "offscreen" && name != "dummy") return true;
  const char* asked = std::getenv("SDL_VIDEODRIVER");
  return asked && name == asked;
}

int sdl_mods(Uint16 mod) {
  int m = kModNone;
  if (mod & KMOD_SHIFT) m |= kModShift;
  if (mod & KMOD_CTRL) m |= kModCtrl;
  if (mod & KMOD_ALT) m |= kModAlt;
  if (mod & KMOD_GUI) m |= kModGui;
  return m;
}

//-----------------------------------------------------------------------------
// [SECTION] Presenter (window, state, reload)
//-----------------------------------------------------------------------------

class Presenter {
 public:
  Presenter(const PresentOptions& options, deck::Deck deck, Clock::time_point start)
      : options_(options), deck_(std::move(deck)), start_(start) {
    trace_ = env_flag("MADANG_PRESENT_TRACE");
    first_frame_exit_ = env_flag("MADANG_PRESENT_FIRST_FRAME");
  }
  ~Presenter();

  // Opens the window; false (message printed) when that fails.
  bool open();
  int run();

 private:
  void handle(const SDL_Event& e);
  void act(const Action& action);
  void key_down(int scancode, int mods);
  // Diagrams of the current slide.
  layout::SlideState& here() { return slides_[static_cast<std::size_t>(state_.slide)]; }
  bool slide_in_view() const;
  WindowScale window_scale() const;
  const layout::DisplayList* on_screen();
  void pointer_moved(float window_x, float window_y);
  void clicked(float window_x, float window_y);
  void take(const diagram::Update& update);
  void reset_diagrams();
  void show_hand(bool hand);
  void advance_diagram_animation();
  void reload();
  void restart_watcher();
  void draw_frame();
  void sync_fullscreen();
  layout::Rect current_rect() const;
  void print_idle();
  void mark(const char* phase) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " %s=%.1f", phase, ms_since(start_));
    startup_ += buf;
  }

  PresentOptions options_;
  deck::Deck deck_;
  Clock::time_point start_;
  bool trace_ = false, first_frame_exit_ = false;

  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool vsync_ = false;
  std::string renderer_name_;
  int windowed_w_ = 1280, windowed_h_ = 720;  // size when not full screen
  double frame_ms_ = 0;                       // time the last frame took to draw
  std::string startup_;                       // "phase=ms ..." up to the first frame
  std::unique_ptr<SlideView> view_;
  std::unique_ptr<Overlays> overlays_;  // made when first shown (its font costs ~30 ms)
  float overlay_px_ = 24;
  std::unique_ptr<FileWatcher> watcher_;
  Uint32 reload_event_ = 0;

  PresentState state_;
  DeckShape shape_;
  // One per slide. Kept when the talk moves on, so that returning to a slide
  // (to answer a question, say) shows its diagram as it was left; only the
  // hover is dropped, since the pointer is not over the slide that went.
  // A reload starts them afresh: the deck's ids may have changed.
  std::vector<layout::SlideState> slides_;
  double diagram_clock_ms_ = -1;  // last animation tick; -1: at rest
  SDL_Cursor* hand_ = nullptr;
  SDL_Cursor* arrow_ = nullptr;
  bool hand_shown_ = false;
  std::vector<HelpLine> help_ = help_lines(default_bindings(), diagram_bindings());
  std::vector<std::string> errors_;  // of the last refused reload
  int error_count_ = 0;
  Transition transition_;
  bool dirty_ = true;
  bool traced_ = false;
  long frames_ = 0;
  float finger_x_ = 0, finger_y_ = 0;
};

Presenter::~Presenter() {
  watcher_.reset();  // its thread pushes events to SDL: stop it first
  overlays_.reset();
  view_.reset();
  if (hand_) SDL_FreeCursor(hand_);
  if (arrow_) SDL_FreeCursor(arrow_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

bool Presenter::open() {
  // A presentation on one screen must not minimize when the speaker clicks
  // on another (the notes screen, say).
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");

  int display = options_.display;
  const int displays = SDL_GetNumVideoDisplays();
  if (display < 0 || display >= displays) {
    std::fprintf(stderr, "madang present: no display %d (there are %d); using 0\n", display,
                 displays);
    display = 0;
  }
  SDL_Rect bounds{0, 0, 1280, 720};
  SDL_GetDisplayUsableBounds(display, &bounds);
  // A window of 80% of the screen, in the deck's aspect.
  const layout::Rect fit = slide_rect(bounds.w * 4 / 5, bounds.h * 4 / 5, deck_.meta);
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  state_.fullscreen = options_.fullscreen;
  const std::string title =
      (deck_.meta.title.empty() ? deck_.path : deck_.meta.title) + " — Madang";
  int x = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)), y = x;
  int w = std::max(320, static_cast<int>(fit.w)), h = std::max(180, static_cast<int>(fit.h));
  windowed_w_ = w;
  windowed_h_ = h;
  if (state_.fullscreen) {
    // Cover the whole display from the start, borderless: the screen is
    // filled even where no window manager honours the full-screen request
    // (kiosks, Xvfb). The request itself is made after the first frame is
    // up (see run), since SDL waits up to 100 ms for a window manager to
    // confirm it; the slide size does not change, so neither does the layout.
    SDL_Rect full{0, 0, w, h};
    SDL_GetDisplayBounds(display, &full);
    x = full.x;
    y = full.y;
    w = full.w;
    h = full.h;
    flags |= SDL_WINDOW_BORDERLESS;
  }
  mark("init");
  window_ = SDL_CreateWindow(title.c_str(), x, y, w, h, flags);
  mark("window");
  if (!window_) {
    std::fprintf(stderr, "madang present: cannot open a window: %s\n", SDL_GetError());
    return false;
  }
  // Without a GPU (no DRI device: virtual machines, Xvfb) OpenGL would be
  // Mesa's software rasterizer, which costs ~300 ms and ~90 MB to start and
  // draws no faster than SDL's own software renderer. SDL_RENDER_DRIVER in
  // the environment still decides when set.
  std::error_code no_dri;
  if (!std::filesystem::exists("/dev/dri", no_dri) && !SDL_GetHint(SDL_HINT_RENDER_DRIVER)) {
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  renderer_ = SDL_CreateRenderer(
      window_, -1,
      SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer_) {
    std::fprintf(stderr, "madang present: cannot create a renderer: %s\n", SDL_GetError());
    return false;
  }
  mark("renderer");
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer_, &info);
  vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
  renderer_name_ = info.name ? info.name : "?";
  // Keys are read as scancodes; an IME composing Hangul would swallow them.
  SDL_StopTextInput();

  std::vector<std::string> warnings;
  view_ = std::make_unique<SlideView>(renderer_, deck_, &warnings);
  mark("fonts");
  for (const std::string& message : warnings) {
    std::fprintf(stderr, "madang present: %s\n", message.c_str());
  }

  // Overlay text scales with the screen the talk is on (in pixels: HiDPI).
  int win_w = 1, win_h = 1, out_w = 1, out_h = 1;
  SDL_GetWindowSize(window_, &win_w, &win_h);
  SDL_GetRendererOutputSize(renderer_, &out_w, &out_h);
  const float pixel_ratio = static_cast<float>(out_h) / static_cast<float>(std::max(1, win_h));
  overlay_px_ =
      std::round(std::clamp(static_cast<float>(bounds.h) * pixel_ratio / 40.0f, 14.0f, 64.0f));

  shape_ = shape_of(deck_);
  state_.slide = options_.slide - 1;
  state_ = clamp_to(state_, shape_);
  reset_diagrams();
  hand_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
  arrow_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);

  reload_event_ = SDL_RegisterEvents(1);
  if (!first_frame_exit_) restart_watcher();
  return true;
}

void Presenter::restart_watcher() {
  const std::vector<std::string> files = watched_files(deck_);
  if (watcher_ && watcher_->files() == files) return;
  watcher_.reset();
  std::string error;
  const Uint32 type = reload_event_;
  watcher_ = FileWatcher::start(
      files,
      [type] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);  // thread-safe; wakes SDL_WaitEvent
      },
      100, &error);
  if (!watcher_) {
    std::fprintf(stderr, "madang present: not watching for changes: %s\n", error.c_str());
  }
}

void Presenter::reload() {
  deck::ParseResult fresh = deck::load_deck(deck_.path);
  check_images(&fresh.deck, &fresh.diagnostics);  // undecodable: labelled placeholders
  const ReloadOutcome outcome = reload_policy(state_, fresh);
  for (const Diagnostic& d : fresh.diagnostics) {
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
  if (outcome.accepted) {
    deck_ = std::move(fresh.deck);
    shape_ = shape_of(deck_);
    state_ = outcome.state;
    reset_diagrams();
    std::vector<std::string> warnings;
    view_->deck_changed(deck_, &warnings);
    for (const std::string& message : warnings) {
      std::fprintf(stderr, "madang present: %s\n", message.c_str());
    }
    errors_.clear();
    error_count_ = 0;
    transition_ = {};
    restart_watcher();  // the images may have changed
  } else {
    errors_ = outcome.errors;
    error_count_ = outcome.error_count;
  }
  dirty_ = true;
}

void Presenter::sync_fullscreen() {
  const bool is = (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
  if (is == state_.fullscreen) return;
  SDL_SetWindowFullscreen(window_, state_.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
  if (!state_.fullscreen) {
    // A window that started full screen was made display-sized and
    // borderless (see open); give it a normal window's size and frame.
    SDL_SetWindowBordered(window_, SDL_TRUE);
    SDL_SetWindowSize(window_, windowed_w_, windowed_h_);
    const int display = std::max(0, SDL_GetWindowDisplayIndex(window_));
    SDL_SetWindowPosition(window_, static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)),
                          static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display)));
  }
}

layout::Rect Presenter::current_rect() const {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  return slide_rect(w, h, deck_.meta);
}

//-----------------------------------------------------------------------------
// [SECTION] Diagrams (state per slide, pointer, animation)
//-----------------------------------------------------------------------------

void Presenter::reset_diagrams() {
  // At least one, so that here() exists for an empty deck (slide 0).
  slides_.assign(std::max<std::size_t>(1, deck_.slides.size()), layout::SlideState{});
  if (state_.slide < static_cast<int>(deck_.slides.size())) {
    here() =
        diagram::on_step(deck_.slides[static_cast<std::size_t>(state_.slide)], here(), state_.step);
  }
  diagram_clock_ms_ = -1;
  if (hand_shown_) show_hand(false);
}

// The slide itself is what the pointer is over: no overview grid, blank
// screen or help panel on top of it.
bool Presenter::slide_in_view() const {
  return !state_.overview && !state_.help && state_.blank == Blank::kNone &&
         state_.slide < static_cast<int>(deck_.slides.size());
}

WindowScale Presenter::window_scale() const {
  WindowScale s;
  SDL_GetWindowSize(window_, &s.window_w, &s.window_h);
  SDL_GetRendererOutputSize(renderer_, &s.pixel_w, &s.pixel_h);
  return s;
}

const layout::DisplayList* Presenter::on_screen() {
  return view_->laid_out(deck_, state_.slide, here(), current_rect());
}

void Presenter::take(const diagram::Update& update) {
  if (update.state == here()) return;
  here() = update.state;
  dirty_ = true;  // layout keys on the state: the next frame draws it
}

void Presenter::show_hand(bool hand) {
  hand_shown_ = hand;
  if (SDL_Cursor* c = hand ? hand_ : arrow_) SDL_SetCursor(c);
}

void Presenter::pointer_moved(float window_x, float window_y) {
  if (!slide_in_view()) return;
  const layout::DisplayList* list = on_screen();
  if (!list) return;
  const layout::Point p = window_to_slide(window_x, window_y, window_scale(), current_rect());
  take(diagram::pointer_move(*list, here(), p.x, p.y));
  const bool over = !here().hovered.empty();
  if (over != hand_shown_) show_hand(over);
}

void Presenter::clicked(float window_x, float window_y) {
  if (!slide_in_view()) return;
  const layout::DisplayList* list = on_screen();
  if (!list) return;
  const layout::Point p = window_to_slide(window_x, window_y, window_scale(), current_rect());
  // Not handled (no diagram there, nothing to reset): a click on a slide
  // means nothing else; it does not advance.
  take(diagram::click(deck_.slides[static_cast<std::size_t>(state_.slide)], *list, here(), p.x,
                      p.y));
}

void Presenter::advance_diagram_animation() {
  if (!diagram::animating(here())) {
    diagram_clock_ms_ = -1;
    return;
  }
  // The first frame of a change shows it at 0; later ones move on by the
  // time that really passed, so the animation lasts its 200 ms whatever the
  // frame rate.
  const double now = ms_since(start_);
  const double dt = diagram_clock_ms_ < 0 ? 0 : now - diagram_clock_ms_;
  diagram_clock_ms_ = now;
  here() = diagram::tick(here(), static_cast<float>(dt / 1000.0));
  dirty_ = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Input
//-----------------------------------------------------------------------------

void Presenter::key_down(int scancode, int mods) {
  const bool diagrams = state_.slide < static_cast<int>(deck_.slides.size()) &&
                        diagram::has_diagrams(deck_.slides[static_cast<std::size_t>(state_.slide)]);
  const KeyRoute route = route_key(scancode, mods, key_context(state_, here(), diagrams));
  diagram::Update update;
  switch (route) {
    case KeyRoute::kFocusNext:
    case KeyRoute::kFocusPrevious:
      if (const layout::DisplayList* list = on_screen()) {
        update = diagram::focus_next(*list, here(), route == KeyRoute::kFocusPrevious);
      }
      break;
    case KeyRoute::kPressEnter:
      update = diagram::press_enter(deck_.slides[static_cast<std::size_t>(state_.slide)], here());
      break;
    case KeyRoute::kDiagramEscape:
      update = diagram::escape(here());
      break;
    case KeyRoute::kNavigation:
      break;
  }
  if (update.handled) {
    take(update);
    return;
  }
  // The diagrams did not take it (say Tab before the diagram's fragment is
  // revealed: nothing to focus): the key keeps its usual meaning.
  const KeyMode mode = state_.overview ? KeyMode::kOverview : KeyMode::kSlides;
  act(lookup(default_bindings(), scancode, mods, mode));
}

void Presenter::act(const Action& action) {
  if (action.kind == ActionKind::kNone) return;
  const PresentState before = state_;
  const layout::SlideState before_slide = here();
  state_ = apply(state_, action, shape_);
  if (state_ == before) return;
  dirty_ = true;
  if (state_.fullscreen != before.fullscreen) sync_fullscreen();

  const bool moved = state_.slide != before.slide || state_.step != before.step;
  if (moved) {
    if (state_.slide != before.slide) {
      slides_[static_cast<std::size_t>(before.slide)].hovered.clear();
      show_hand(false);
    }
    // A stepped flow highlights the step the clicker just revealed.
    if (state_.slide < static_cast<int>(deck_.slides.size())) {
      here() = diagram::on_step(deck_.slides[static_cast<std::size_t>(state_.slide)], here(),
                                state_.step);
    }
  }
  // Leaving the overview or a blank screen cuts straight to the slide.
  const bool plain_view = !state_.overview && !before.overview && state_.blank == Blank::kNone &&
                          before.blank == Blank::kNone;
  if (!moved || !plain_view) {
    if (moved) transition_ = {};
    return;
  }
  Transition t;
  if (state_.slide != before.slide) {
    t.kind = transition_into(deck_, state_.slide);
    t.duration_ms = kTransitionMs;
    t.direction = state_.slide > before.slide ? 1 : -1;
  } else {
    t.kind = TransitionKind::kFade;  // a fragment appears (or hides) softly
    t.duration_ms = kRevealMs;
  }
  t.start_ms = ms_since(start_);
  const layout::Rect rect = current_rect();
  if (t.kind == TransitionKind::kNone ||
      !view_->capture(deck_, before.slide, before_slide, rect, 0) ||
      !view_->capture(deck_, state_.slide, here(), rect, 1)) {
    t = {};
  }
  transition_ = t;
}

void Presenter::handle(const SDL_Event& e) {
  switch (e.type) {
    case SDL_QUIT:
      state_.quit = true;
      return;
    case SDL_KEYDOWN:
      key_down(e.key.keysym.scancode, sdl_mods(e.key.keysym.mod));
      return;
    case SDL_MOUSEMOTION:
      // Touches arrive as SDL_FINGER* too (and a finger hovers nothing).
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;
      pointer_moved(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
      return;
    case SDL_MOUSEWHEEL: {
      int y = e.wheel.y;
      if (e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) y = -y;
      act(wheel_action(y));
      return;
    }
    case SDL_FINGERDOWN:
      finger_x_ = e.tfinger.x;
      finger_y_ = e.tfinger.y;
      return;
    case SDL_FINGERUP: {
      const float dx = e.tfinger.x - finger_x_, dy = e.tfinger.y - finger_y_;
      if (is_tap(dx, dy)) {
        const layout::Point p = finger_to_window(e.tfinger.x, e.tfinger.y, window_scale());
        clicked(p.x, p.y);  // a tap that misses the diagrams does nothing, as a click
      } else {
        act(swipe_action(dx, dy));
      }
      return;
    }
    case SDL_MOUSEBUTTONDOWN: {
      // Touches come as SDL_FINGERUP (above): the mouse SDL makes of them
      // would click twice.
      if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) return;
      if (!state_.overview) {
        clicked(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
        return;
      }
      int win_w = 1, win_h = 1, out_w = 1, out_h = 1;
      SDL_GetWindowSize(window_, &win_w, &win_h);
      SDL_GetRendererOutputSize(renderer_, &out_w, &out_h);
      const float x =
          static_cast<float>(e.button.x) * static_cast<float>(out_w) / std::max(1, win_w);
      const float y =
          static_cast<float>(e.button.y) * static_cast<float>(out_h) / std::max(1, win_h);
      const OverviewGrid grid =
          overview_grid(shape_.slide_count(), out_w, out_h,
                        static_cast<float>(deck_.meta.aspect_w) /
                            static_cast<float>(std::max(1, deck_.meta.aspect_h)),
                        overlay_px_ * 1.4f);
      const int hit = overview_hit(grid, x, y);
      if (hit >= 0) act({ActionKind::kOverviewPick, hit});
      return;
    }
    case SDL_WINDOWEVENT:
      switch (e.window.event) {
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_SIZE_CHANGED:
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_MAXIMIZED:
        case SDL_WINDOWEVENT_DISPLAY_CHANGED:
          dirty_ = true;
          break;
        default:
          break;
      }
      // The window manager may change full screen behind our back (once we
      // have asked for it: see run).
      if (frames_ > 0) {
        state_.fullscreen = (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
      }
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      view_->invalidate();
      if (overlays_) overlays_->invalidate();
      transition_ = {};
      dirty_ = true;
      return;
    default:
      if (e.type == reload_event_) reload();
      return;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void Presenter::draw_frame() {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  SDL_SetRenderTarget(renderer_, nullptr);
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);  // the letterbox bars
  SDL_RenderClear(renderer_);

  const layout::Rect rect = slide_rect(w, h, deck_.meta);
  const double now = ms_since(start_);
  if (state_.blank != Blank::kNone) {
    const Uint8 v = state_.blank == Blank::kWhite ? 255 : 0;
    SDL_SetRenderDrawColor(renderer_, v, v, v, 255);
    SDL_RenderClear(renderer_);
  } else if (!state_.overview) {
    if (transition_running(transition_, now)) {
      view_->draw_transition(transition_, transition_progress(transition_, now), rect);
    } else {
      view_->draw(deck_, state_.slide, here(), rect);
    }
  }

  OverlayInput in;
  in.width = w;
  in.height = h;
  in.help = state_.help ? &help_ : nullptr;
  in.jump = state_.jump;
  in.slide_count = shape_.slide_count();
  in.errors = errors_;
  in.error_count = error_count_;
  OverviewGrid grid;
  if (state_.overview) {
    const float aspect = static_cast<float>(deck_.meta.aspect_w) /
                         static_cast<float>(std::max(1, deck_.meta.aspect_h));
    grid = overview_grid(shape_.slide_count(), w, h, aspect, overlay_px_ * 1.4f);
    for (std::size_t i = 0; i < grid.thumbs.size(); ++i) {
      const layout::Rect& r = grid.thumbs[i];
      in.thumbs.push_back(view_->thumbnail(deck_, static_cast<int>(i), static_cast<int>(r.w),
                                           static_cast<int>(r.h)));
    }
    in.grid = &grid;
    in.cursor = state_.overview_cursor;
    in.current = state_.slide;
  }
  if (Overlays::visible(in)) {
    if (!overlays_) {
      std::string warning;
      overlays_ = std::make_unique<Overlays>(renderer_, overlay_px_, &warning);
      if (!warning.empty()) std::fprintf(stderr, "madang present: %s\n", warning.c_str());
    }
    overlays_->draw(in);
  }
  SDL_RenderPresent(renderer_);
  frame_ms_ = ms_since(start_) - now;
  ++frames_;
  traced_ = false;
}

void Presenter::print_idle() {
  if (!trace_ || traced_) return;
  traced_ = true;
  const char* blank = state_.blank == Blank::kBlack   ? "black"
                      : state_.blank == Blank::kWhite ? "white"
                                                      : "none";
  std::printf(
      "idle slide=%d step=%d blank=%s overview=%d cursor=%d help=%d jump=%s fullscreen=%d "
      "errors=%d slides=%d frames=%ld frame-ms=%.1f selected=%s row=%s focused=%s "
      "hovered=%s\n",
      state_.slide + 1, state_.step, blank, state_.overview ? 1 : 0, state_.overview_cursor + 1,
      state_.help ? 1 : 0, state_.jump.empty() ? "-" : state_.jump.c_str(),
      state_.fullscreen ? 1 : 0, error_count_, shape_.slide_count(), frames_, frame_ms_,
      ids_or_dash(here().selected).c_str(), here().row.empty() ? "-" : here().row.c_str(),
      here().focused.empty() ? "-" : here().focused.c_str(),
      here().hovered.empty() ? "-" : here().hovered.c_str());
  std::fflush(stdout);
}

//-----------------------------------------------------------------------------
// [SECTION] Loop
//-----------------------------------------------------------------------------

int Presenter::run() {
  constexpr double kFrameMs = 1000.0 / 60;
  double last_frame = -kFrameMs;
  bool drew_animation = false;  // the last frame was mid-transition: one more, at rest
  while (!state_.quit) {
    SDL_Event e;
    const double now = ms_since(start_);
    const bool animating = transition_running(transition_, now);
    const bool diagram_moving = diagram::animating(here());
    if (!dirty_ && !animating && !diagram_moving && !drew_animation) {
      print_idle();
      if (!SDL_WaitEvent(&e)) break;  // sleeps: no CPU while nothing moves
      handle(e);
    } else if ((diagram_moving || (animating && !vsync_)) && now - last_frame < kFrameMs) {
      // No vsync to pace us (software renderer), or a diagram animation,
      // which is paced by its own ticks: wait out the frame instead of
      // spinning, still waking for input.
      if (SDL_WaitEventTimeout(&e, static_cast<int>(std::ceil(kFrameMs - (now - last_frame))))) {
        handle(e);
      }
    }
    while (!state_.quit && SDL_PollEvent(&e)) handle(e);
    if (state_.quit) break;
    advance_diagram_animation();
    const bool minimized = (SDL_GetWindowFlags(window_) & SDL_WINDOW_MINIMIZED) != 0;
    const bool running = transition_running(transition_, ms_since(start_));
    if (minimized) {
      dirty_ = drew_animation = false;  // drawn again when restored
      transition_ = {};
      continue;
    }
    if (dirty_ || running || drew_animation) {
      last_frame = ms_since(start_);
      draw_frame();
      if (frames_ == 1 && !first_frame_exit_) sync_fullscreen();
      dirty_ = false;
      drew_animation = running;
      if (first_frame_exit_) {
        mark("frame");
        std::printf("first-frame-ms %.1f\nvmhwm-kb %ld\nrenderer %s\nphases%s\n", ms_since(start_),
                    vm_hwm_kb(), renderer_name_.c_str(), startup_.c_str());
        std::fflush(stdout);
        return 0;
      }
    }
  }
  return 0;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

int run_present(const PresentOptions& options) {
  const Clock::time_point start = Clock::now();
  // Parse and validate before any window opens (as sent does): a broken deck
  // is reported in the terminal, in FILE:LINE:COL form, and nothing flashes.
  deck::ParseResult parsed = deck::load_deck(options.deck);
  check_images(&parsed.deck, &parsed.diagnostics);  // undecodable: labelled placeholders
  for (const Diagnostic& d : parsed.diagnostics) {
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
  if (has_errors(parsed.diagnostics)) {
    const bool unreadable =
        parsed.diagnostics.front().where.line == 0 && parsed.deck.slides.empty();
    return unreadable ? 2 : 1;
  }
  if (!display_configured() || SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    std::fputs(kNoDisplay, stderr);
    return 2;
  }
  if (!real_display_driver()) {
    SDL_Quit();
    std::fputs(kNoDisplay, stderr);
    return 2;
  }
  Presenter presenter(options, std::move(parsed.deck), start);
  if (!presenter.open()) return 2;
  return presenter.run();
}

}  // namespace madang::app
