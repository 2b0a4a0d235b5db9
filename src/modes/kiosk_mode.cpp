// The kiosk's controller (modes/kiosk_mode.h); `madang kiosk` itself is
// modes/kiosk.cpp.
//
// Index of this file:
// [SECTION] The mode
// [SECTION] Changes and frames owed
// [SECTION] Input: keys and the chord
// [SECTION] Input: pointer, touch, wheel
// [SECTION] Visitors' ink
// [SECTION] The way out
// [SECTION] Reload and signals
// [SECTION] Frames

#include "modes/kiosk_mode.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/count_text.h"
#include "deck/parse.h"
#include "diagram/interaction.h"
#include "ink/ink.h"
#include "input/diagram_input.h"
#include "input/keypad.h"
#include "input/touch.h"
#include "layout/theme.h"
#include "modes/clip_session.h"
#include "modes/hall_input.h"
#include "modes/image_checks.h"
#include "modes/remote_link.h"
#include "platform/deck_watcher.h"
#include "platform/log.h"
#include "platform/pin.h"
#include "platform/sdl_support.h"
#include "session/deck_loading.h"

namespace madang::app {

namespace {

constexpr double kFrameMs = 1000.0 / 60;
constexpr double kReturnFadeMs = 600;  // the fade back to slide 1 after a visitor
// Wake at least this often: SDL resets the X screen saver as it pumps
// events (for servers without the screen saver extension's suspend).
constexpr double kHeartbeatMs = 25'000;

std::string seconds_text(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", ms / 1000.0);
  return buf;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The mode
//-----------------------------------------------------------------------------

struct KioskMode::Impl {
  Impl(const KioskSetup& s, show::Show sh, LoopClock& c)
      : setup(s),
        show(std::move(sh)),
        clock(c),
        resources(show.deck, &warnings),
        screens(resources, s.screens) {}

  KioskSetup setup;
  KioskHooks hooks;  // a program over the kiosk (modes/kiosk_program.h); unset: none
  show::Show show;
  LoopClock& clock;
  std::vector<std::string> warnings;  // of opening the fonts
  DeckResources resources;
  KioskScreens screens;
  std::unique_ptr<DeckWatcher> watcher;
  show::Kiosk kiosk;
  Gate gate;
  ChordHold chord;
  TouchTracker touches;
  DiagramClock diagram_clock;
  bool quit = false;
  bool check_focus = false;
  bool change_pending = true;  // a change not drawn yet (the first frame is one)
  long pictures = 0;
  long animation_frames = 0;  // frames of a running transition or diagram animation
  long refreshes = 0;         // frames the window system asked for (exposed, resized)
  long clip_frames = 0;       // frames of a playing clip
  bool clip_pending = false;  // a clip's new picture not drawn yet
  // Video and sound: every clip starts by itself and loops (modes/clip_session.h).
  ClipSession clips{ClipSessionOptions{.command = "kiosk", .sound = true, .kiosk = true}};
  LaterImageChecks later_checks;  // the images checked after the first frame
  long reloads = 0, refused = 0;
  bool traced = false;
  bool keypad_traced = false;

  // --visitor-ink: a press becomes a stroke once it moves (a tap without a
  // drag still selects); the ink is cleared when the kiosk goes idle.
  ink::Document ink;
  ink::StrokeBuilder stroke;
  KioskScreen* ink_screen = nullptr;
  bool ink_pending = false;              // pressed, not yet a stroke nor a tap
  bool ink_finger = false;               // the press is a finger's (else the mouse's)
  float ink_down_x = 0, ink_down_y = 0;  // window units
  HallMarks marks;

  void log(LogLevel level, const std::string& message) const {
    if (setup.log) log_line(level, "kiosk", message);
  }

  // ------------------------------------------------------------- changes
  void redraw_for(const show::Change& change);
  void moved(const show::Change& change, const show::HallPicture& before, double now,
             const TransitionStyle& style = {});
  void act(const Action& action, double now);
  // A move beyond the show (past its end, before its start, from a card)
  // is a program's: true when the hooks took `action`.
  bool program_move(const Action& action, double now);
  void remote_commands(double now);
  void advance(double now);
  void back_to_start(double now);

  // --------------------------------------------------------------- input
  void key(const SDL_KeyboardEvent& e, double now);
  void update_chord(double now);
  void tap(KioskScreen* s, float x, float y, double now);
  void gate_key(GateKey key, int digit, double now);
  void open_gate(double now);
  void ink_press(KioskScreen* s, float x, float y, bool finger, double now);
  bool ink_move(float x, float y, double now);
  // True when the press drew (it was not a tap).
  bool ink_release(double now);
  ink::InkPoint on_slide(KioskScreen& s, float x, float y) const;

  // -------------------------------------------------------------- frames
  void reload();
  double frame(double now);
  void print_idle();
  void print_keypad();
};

KioskMode::KioskMode(const KioskSetup& setup, show::Show show, LoopClock& clock)
    : impl_(std::make_unique<Impl>(setup, std::move(show), clock)) {
  impl_->kiosk = show::start_kiosk(clock.now_ms());
}

KioskMode::~KioskMode() = default;

bool KioskMode::open() {
  Impl& m = *impl_;
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
  SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
  // Alt+Tab and the like reach a window manager only when nobody holds the
  // keyboard; SDL would let them through a grab unless told.
  SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
  for (const std::string& message : m.warnings) m.log(LogLevel::kWarning, message);
  std::string error;
  if (!m.screens.open(m.show.deck, &error)) {
    m.log(LogLevel::kError, error);
    return false;
  }
  // The screen saver and display power-off wait while the kiosk runs: SDL
  // suspends X's screen saver (and its DPMS timers with it) and inhibits
  // the desktop's through D-Bus (org.freedesktop.ScreenSaver).
  SDL_DisableScreenSaver();
  SDL_StopTextInput();  // keys are scancodes; an IME would swallow them
  m.screens.show_cursor(false);
  m.screens.take_focus();
  if (m.setup.watch) {
    m.watcher = std::make_unique<DeckWatcher>("kiosk");
    m.watcher->watch(m.show.deck);
  }
  // The start slide's images, checked while the windows opened.
  m.later_checks.before_first_frame(&m.show.deck, &m.resources, [&m](const Diagnostic& d) {
    m.log(LogLevel::kWarning, format_diagnostic(d));
  });
  m.log(LogLevel::kInfo,
        "start: " + m.setup.deck_name + ", " +
            base::count_text(m.show.shape.slide_count(), "slide") + ", advance " +
            seconds_text(show::advance_ms(m.show.deck, -1)) + ", idle " +
            seconds_text(show::idle_ms(m.show.deck)) + ", " +
            base::count_text(static_cast<long long>(m.screens.all().size()), "window") + ", " +
            (m.setup.pin_hash.empty() ? std::string("no PIN (the chord and a confirm end it)")
                                      : "PIN from " + m.setup.pin_from));
  return true;
}

bool KioskMode::done() const {
  return impl_->quit;
}

void KioskMode::end(const std::string& why) {
  impl_->log(LogLevel::kNotice, "exit: " + why);
  impl_->quit = true;
}

void KioskMode::reload() {
  impl_->reload();
}

void KioskMode::check_images(ImageChecks checks) {
  impl_->later_checks.start(std::move(checks));
}

void KioskMode::set_hooks(KioskHooks hooks) {
  impl_->hooks = std::move(hooks);
}

void KioskMode::swap_show(show::Show& other) {
  Impl& m = *impl_;
  m.later_checks.stop();  // of the deck going away (a program's are checked whole)
  std::swap(m.show, other);
  std::vector<std::string> warnings;
  m.resources.deck_changed(m.show.deck, &warnings);
  for (const std::string& message : warnings) m.log(LogLevel::kWarning, message);
  m.screens.deck_changed();  // a cut, at the new deck's aspect
  m.diagram_clock.reset();
  if (m.watcher) m.watcher->watch(m.show.deck);
  m.traced = false;
  m.redraw_for({.any = true, .hall = true});
}

void KioskMode::set_cover(KioskCover cover, double stand_ms) {
  Impl& m = *impl_;
  m.kiosk.stand_ms = cover ? stand_ms : -1;
  m.screens.set_cover(std::move(cover));
  m.traced = false;
  m.redraw_for({.any = true, .hall = true});
}

bool KioskMode::covered() const {
  return impl_->screens.covered();
}

void KioskMode::change_show(const std::function<show::Change(show::Show&)>& change) {
  Impl& m = *impl_;
  if (!change(m.show).any) return;
  for (auto& s : m.screens.all()) s->view->skip_transition();
  m.diagram_clock.reset();
  m.redraw_for({.any = true, .hall = true});
}

KioskStats KioskMode::stats() const {
  const Impl& m = *impl_;
  KioskStats s;
  const auto& screens = m.screens.all();
  if (!screens.empty()) s.frames = screens.front()->screen.frames;
  for (const auto& k : screens) {
    s.frames_all += k->screen.frames;
    s.animating = s.animating || k->animating;
  }
  s.animating = s.animating || diagram::animating(show::here(m.show));
  s.pictures = m.pictures;
  s.animation_frames = m.animation_frames;
  s.refreshes = m.refreshes;
  s.clip_frames = m.clip_frames;
  s.clip_players = static_cast<long>(m.clips.stats().players);
  s.reloads = m.reloads;
  s.refused = m.refused;
  s.textures = m.screens.texture_count();
  s.windows = static_cast<int>(screens.size());
  s.kiosk = m.kiosk;
  s.gate = m.gate;
  return s;
}

const show::Show& KioskMode::show() const {
  return impl_->show;
}

Uint32 KioskMode::window_id() const {
  return impl_->screens.all().front()->screen.window->id();
}

const layout::DisplayList* KioskMode::hall_list() {
  return app::hall_list(KioskScreens::target(*impl_->screens.all().front()), impl_->show);
}

layout::Point KioskMode::window_point(float slide_x, float slide_y) {
  KioskScreen& s = *impl_->screens.all().front();
  int w = 0, h = 0;
  s.screen.window->output_size(&w, &h);
  const layout::Rect r = HallView::slide_rect_in(w, h, impl_->show.deck);
  const WindowScale scale = s.screen.window->scale();
  const float sx = static_cast<float>(scale.window_w) / static_cast<float>(std::max(1, w));
  const float sy = static_cast<float>(scale.window_h) / static_cast<float>(std::max(1, h));
  return {(r.x + slide_x) * sx, (r.y + slide_y) * sy};
}

//-----------------------------------------------------------------------------
// [SECTION] Changes and frames owed
//-----------------------------------------------------------------------------

// What the hall shows changed: every window owes a frame, and the first of
// them is a picture of this change.
void KioskMode::Impl::redraw_for(const show::Change& change) {
  if (!change.hall) return;  // a change nobody sees (another slide's diagram) owes no frame
  screens.mark_dirty();
  change_pending = true;
}

// The hall moved to another step or slide: it slides or fades there.
void KioskMode::Impl::moved(const show::Change& change, const show::HallPicture& before, double now,
                            const TransitionStyle& style) {
  redraw_for(change);
  if (!change.any) return;
  for (auto& s : screens.all()) {
    if (change.moved || style.fade_ms > 0) {
      begin_hall_transition(KioskScreens::target(*s), show, before, now, style);
    } else {
      s->view->skip_transition();
    }
  }
}

// A kiosk with a staff PIN serves the remote's control page too (kiosk.cpp):
// its moves are a visitor's (the idle clock starts again); the pointer and
// the black screen are the presenter's, not a kiosk's.
void KioskMode::Impl::remote_commands(double now) {
  for (const remote::Command& c : setup.remote->take()) {
    show::visitor_input(kiosk, now);
    switch (c.kind) {
      case remote::Command::Kind::kNext:
        act({ActionKind::kNext}, now);
        break;
      case remote::Command::Kind::kPrev:
        act({ActionKind::kPrev}, now);
        break;
      case remote::Command::Kind::kGoto:
        act({ActionKind::kGoto, c.slide - 1}, now);
        if (const deck::Slide* slide = show::current_slide(show)) {
          // Within the slide: a step past its last is its last.
          for (int i = 1; i < c.step && show.at.step < slide->steps; ++i)
            act({ActionKind::kNext}, now);
        }
        break;
      case remote::Command::Kind::kBlack:
      case remote::Command::Kind::kPointer:
        break;
    }
  }
}

bool KioskMode::Impl::program_move(const Action& action, double now) {
  if (!hooks.move_on) return false;
  const int direction = action.kind == ActionKind::kNext   ? 1
                        : action.kind == ActionKind::kPrev ? -1
                                                           : 0;
  if (screens.covered()) {
    if (direction != 0) hooks.move_on(direction, true, now);
    return true;  // nothing else moves a card
  }
  const bool beyond = direction > 0   ? show::next_step(show).end
                      : direction < 0 ? show.at.slide == 0 && show::here(show).step <= 0
                                      : false;
  return beyond && hooks.move_on(direction, true, now);
}

void KioskMode::Impl::act(const Action& action, double now) {
  if (action.kind == ActionKind::kNone) return;
  if (program_move(action, now)) return;
  const show::HallPicture before = show::hall(show);
  moved(show::act(show, action, now), before, now);
}

void KioskMode::Impl::advance(double now) {
  if (hooks.move_on && (screens.covered() || show::next_step(show).end) &&
      hooks.move_on(1, false, now)) {
    show::moved_on(kiosk, now);  // a program's next card or talk
    return;
  }
  const show::HallPicture before = show::hall(show);
  const long loops = kiosk.loops;
  const show::Change change = show::advance(show, kiosk, now);
  // The loop to slide 1 goes forward, as every other advance does.
  moved(change, before, now, {.forward = kiosk.loops != loops});
}

void KioskMode::Impl::back_to_start(double now) {
  if (!ink.slides.empty()) {
    ink = {};  // the visitors' ink goes with them
    stroke.cancel();
    ink_pending = false;
    screens.mark_dirty();
  }
  if (hooks.back_to_start) {
    hooks.back_to_start(now);  // the program's first card, a cut
    show::return_to_start(show, kiosk, now);
    log(LogLevel::kInfo, "idle: back to the program's start");
    redraw_for({.any = true, .hall = true});
    return;
  }
  const show::HallPicture before = show::hall(show);
  const show::Change change = show::return_to_start(show, kiosk, now);
  if (change.any) log(LogLevel::kInfo, "idle: back to slide 1");
  moved(change, before, now, {.fade_ms = kReturnFadeMs});
}

//-----------------------------------------------------------------------------
// [SECTION] Input: keys and the chord
//-----------------------------------------------------------------------------

void KioskMode::Impl::update_chord(double now) {
  const Uint8* keys = SDL_GetKeyboardState(nullptr);
  const bool held = chord_keys(key_mods(SDL_GetModState()), keys[kChordScancode] != 0) ||
                    corner_chord(touches.fingers());
  const ChordHold was = chord;
  chord = hold_chord(chord, held, now);
  if (chord.since_ms >= 0 && was.since_ms < 0) {
    // Without a PIN there is no keypad: a confirm box asks instead.
    log(LogLevel::kInfo, std::string("exit chord held: ") +
                             (setup.pin_hash.empty() ? "the confirm box" : "the keypad") +
                             " opens in " + seconds_text(kChordHoldMs));
  }
}

void KioskMode::Impl::key(const SDL_KeyboardEvent& e, double now) {
  update_chord(now);
  if (e.type != SDL_KEYDOWN || e.repeat) return;
  const int scancode = e.keysym.scancode;
  const int mods = key_mods(e.keysym.mod);
  if (gate.mode != GateMode::kClosed) {
    // The keypad takes digits, Backspace, Enter and Esc from a keyboard too.
    if (scancode >= kScan1 && scancode < kScan0) {
      gate_key(GateKey::kDigit, scancode - kScan1 + 1, now);
    } else if (scancode >= kScanKp1 && scancode < kScanKp0) {
      gate_key(GateKey::kDigit, scancode - kScanKp1 + 1, now);
    } else if (scancode == kScan0 || scancode == kScanKp0) {
      gate_key(GateKey::kDigit, 0, now);
    } else if (scancode == kScanBackspace) {
      gate_key(GateKey::kErase, 0, now);
    } else if (scancode == kScanReturn || scancode == kScanKpEnter) {
      gate_key(GateKey::kOk, 0, now);
    } else if (scancode == kScanEscape) {
      gate_key(GateKey::kCancel, 0, now);
    }
    return;
  }
  if ((mods & kChordMods) == kChordMods) return;  // the chord, being held
  show::Change change;
  if (!screens.covered() &&
      diagram_key(show, app::hall_list(KioskScreens::target(*screens.all().front()), show),
                  scancode, mods, &change)) {
    show::visitor_input(kiosk, now);
    redraw_for(change);
    return;
  }
  // Only the keys that move through the deck mean anything here: Esc, Q,
  // F, Alt+F4, Ctrl+W, B, O and the rest are nothing.
  const Action action = kiosk_action(lookup(default_bindings(), scancode, mods, KeyMode::kSlides));
  if (action.kind == ActionKind::kNone) return;
  show::visitor_input(kiosk, now);
  act(action, now);
}

//-----------------------------------------------------------------------------
// [SECTION] Input: pointer, touch, wheel
//-----------------------------------------------------------------------------

void KioskMode::Impl::tap(KioskScreen* s, float x, float y, double now) {
  if (!s) return;
  show::visitor_input(kiosk, now);
  if (gate.mode != GateMode::kClosed) {
    const layout::Point p = window_to_slide(x, y, s->screen.window->scale(), {0, 0, 0, 0});
    const KeypadLayout pad = screens.keypad_on(*s, gate.mode);
    if (const PadButton* b = keypad_hit(pad, p.x, p.y)) gate_key(b->key, b->digit, now);
    return;
  }
  if (screens.covered()) {  // a tap on a card: its talk begins
    act({ActionKind::kNext}, now);
    return;
  }
  int link_slide = 0, link_step = 0;
  if (hall_link(show, KioskScreens::target(*s), x, y, false, &link_slide, &link_step)) {
    act({ActionKind::kGoto, link_slide}, now);
    for (int i = 0; i < link_step; ++i) act({ActionKind::kNext}, now);
    return;
  }
  if (const std::string clip = hall_clip(show, KioskScreens::target(*s), x, y); !clip.empty()) {
    clips.toggle(clip, now / 1000);
    screens.mark_dirty();
    return;
  }
  redraw_for(hall_click(show, KioskScreens::target(*s), x, y));
}

//-----------------------------------------------------------------------------
// [SECTION] Visitors' ink
//-----------------------------------------------------------------------------

ink::InkPoint KioskMode::Impl::on_slide(KioskScreen& s, float x, float y) const {
  int w = 0, h = 0;
  s.screen.window->output_size(&w, &h);
  const layout::Rect r = s.view->slide_rect_of(w, h, show.deck);
  const layout::Point p = on_hall_slide(KioskScreens::target(s), show.deck, x, y);
  return {std::clamp(p.x / std::max(1.0f, r.w), 0.0f, 1.0f),
          std::clamp(p.y / std::max(1.0f, r.h), 0.0f, 1.0f), 1};
}

void KioskMode::Impl::ink_press(KioskScreen* s, float x, float y, bool finger, double now) {
  show::visitor_input(kiosk, now);
  ink_screen = s;
  ink_pending = true;
  ink_finger = finger;
  ink_down_x = x;
  ink_down_y = y;
}

bool KioskMode::Impl::ink_move(float x, float y, double now) {
  if (!ink_screen || (!ink_pending && !stroke.active())) return false;
  show::visitor_input(kiosk, now);
  if (ink_pending) {
    // A drag: farther than a tap may wander (12 window units).
    if (std::hypot(x - ink_down_x, y - ink_down_y) < 12) return true;
    ink_pending = false;
    ink::Stroke style;
    style.color = ink::preset_color(0, layout::theme_named(show.deck.meta.theme).accent);
    style.width = ink::kPenWidths[3];
    const ink::InkPoint a = on_slide(*ink_screen, ink_down_x, ink_down_y);
    stroke.begin(style, a.x, a.y, 1);
  }
  const ink::InkPoint p = on_slide(*ink_screen, x, y);
  if (stroke.add(p.x, p.y, 1)) screens.mark_dirty();
  return true;
}

bool KioskMode::Impl::ink_release(double now) {
  if (!stroke.active()) {
    ink_pending = false;
    return false;
  }
  const float aspect = static_cast<float>(std::max(1, show.deck.meta.aspect_w)) /
                       static_cast<float>(std::max(1, show.deck.meta.aspect_h));
  ink::Stroke s = stroke.finish(aspect);
  const show::HallPicture picture = show::hall(show);
  s.step = std::max(0, picture.state.step);
  ink::add_stroke(ink, picture.slide, std::move(s));
  show::visitor_input(kiosk, now);
  screens.mark_dirty();
  ink_screen = nullptr;
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] The way out
//-----------------------------------------------------------------------------

void KioskMode::Impl::open_gate(double now) {
  gate = app::open_gate(gate, !setup.pin_hash.empty(), now);
  show::visitor_input(kiosk, now);
  keypad_traced = false;
  redraw_for({.any = true, .hall = true});
  log(LogLevel::kNotice, gate.mode == GateMode::kPin
                             ? "exit chord: the PIN keypad is open"
                             : "exit chord: asking to confirm (no PIN configured)");
}

void KioskMode::Impl::gate_key(GateKey key, int digit, double now) {
  show::visitor_input(kiosk, now);
  const GatePress press = press_gate(gate, key, digit, now);
  gate = press.gate;
  if (press.changed) redraw_for({.any = true, .hall = true});
  if (press.leave) {
    log(LogLevel::kNotice, "exit: confirmed by the staff (no PIN configured)");
    quit = true;
    return;
  }
  if (!press.check) return;
  const bool right = pin_matches(gate.typed, setup.pin_hash);
  gate = gate_verdict(gate, right, now);
  redraw_for({.any = true, .hall = true});
  if (right) {
    log(LogLevel::kNotice, "exit: the staff PIN");
    quit = true;
    return;
  }
  const double locked = gate.locked_until_ms - now;
  log(LogLevel::kWarning, "wrong PIN (" + std::to_string(gate.failures) + " so far)" +
                              (locked > 0 ? "; the keypad waits " + seconds_text(locked) : ""));
}

//-----------------------------------------------------------------------------
// [SECTION] Reload and signals
//-----------------------------------------------------------------------------

void KioskMode::Impl::reload() {
  traced = false;  // the trace says how it went, drawn or not
  const deck::ParseResult fresh = load_deck_checked(show.deck.path, show.deck.pdf_options);
  const show::ReloadOutcome outcome = show::reload(show, fresh);
  if (!outcome.accepted) {
    ++refused;
    log(LogLevel::kError, "reload refused: " + base::count_text(outcome.error_count, "error") +
                              " in " + show.deck.path + "; the last good deck goes on");
    for (const Diagnostic& d : fresh.diagnostics) {
      if (d.severity == Severity::kError) log(LogLevel::kError, format_diagnostic(d));
    }
    show.errors.clear();  // never on screen
    return;
  }
  ++reloads;
  later_checks.stop();  // a reload is checked whole; those checks were the old deck's
  for (const Diagnostic& d : fresh.diagnostics) log(LogLevel::kWarning, format_diagnostic(d));
  std::vector<std::string> font_warnings;
  resources.deck_changed(show.deck, &font_warnings);
  for (const std::string& message : font_warnings) log(LogLevel::kWarning, message);
  screens.deck_changed();
  diagram_clock.reset();
  if (watcher) watcher->watch(show.deck);  // the images may have changed
  log(LogLevel::kInfo,
      "reload: " + show.deck.path + ", " + base::count_text(show.shape.slide_count(), "slide"));
  redraw_for({.any = true, .hall = true});
}

void KioskMode::handle(const SDL_Event& e, double now) {
  Impl& m = *impl_;
  if (m.setup.signals) {
    if (const int sig = m.setup.signals->signal_of(e)) {
      if (sig == SIGHUP) {
        m.log(LogLevel::kInfo, "SIGHUP: reading the deck again");
        m.reload();
      } else {
        end(sig == SIGTERM ? "SIGTERM" : "SIGINT");
      }
      return;
    }
  }
  if (m.setup.remote && m.setup.remote->woke(e)) {
    m.remote_commands(now);
    return;
  }
  if (m.later_checks.woke(e)) {
    // An image found damaged after the first frame: its placeholder now.
    if (m.later_checks.apply(&m.show.deck, &m.resources, [&m](const Diagnostic& d) {
          m.log(LogLevel::kWarning, format_diagnostic(d));
        })) {
      m.redraw_for({.any = true, .hall = true});
    }
    return;
  }
  switch (e.type) {
    case SDL_QUIT:
      // The window manager (or the session) asked to close: a kiosk stays.
      m.log(LogLevel::kNotice, "ignored a request to quit (the staff chord and PIN end the kiosk)");
      return;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
      m.key(e.key, now);
      return;
    case SDL_MOUSEMOTION: {
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // a finger: SDL_FINGER* below
      show::mouse_moved(m.kiosk, now);
      m.screens.show_cursor(true);
      KioskScreen* s = m.screens.of(e.motion.windowID);
      if (!s || m.gate.mode != GateMode::kClosed || m.screens.covered()) return;
      if (m.setup.visitor_ink && !m.ink_finger &&
          m.ink_move(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), now)) {
        return;
      }
      m.redraw_for(hall_hover(m.show, KioskScreens::target(*s), static_cast<float>(e.motion.x),
                              static_cast<float>(e.motion.y)));
      m.screens.show_hand(!show::here(m.show).hovered.empty());
      return;
    }
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) return;
      if (m.setup.visitor_ink && m.gate.mode == GateMode::kClosed) {
        // A click or a drag: known on release.
        if (KioskScreen* s = m.screens.of(e.button.windowID)) {
          m.ink_press(s, static_cast<float>(e.button.x), static_cast<float>(e.button.y), false,
                      now);
          return;
        }
      }
      m.tap(m.screens.of(e.button.windowID), static_cast<float>(e.button.x),
            static_cast<float>(e.button.y), now);
      return;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) return;
      if (m.setup.visitor_ink && !m.ink_finger && (m.ink_pending || m.stroke.active())) {
        KioskScreen* s = m.ink_screen;
        if (!m.ink_release(now) && s) m.tap(s, m.ink_down_x, m.ink_down_y, now);
      }
      return;
    case SDL_MOUSEWHEEL:
      if (m.gate.mode != GateMode::kClosed) return;
      show::visitor_input(m.kiosk, now);
      m.act(wheel_action(e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y),
            now);
      return;
    case SDL_FINGERDOWN:
      if (m.setup.visitor_ink && m.gate.mode == GateMode::kClosed && m.touches.fingers().empty()) {
        KioskScreen* s = m.screens.of(e.tfinger.windowID);
        if (!s) s = m.screens.all().front().get();
        const layout::Point p =
            finger_to_window(e.tfinger.x, e.tfinger.y, s->screen.window->scale());
        m.ink_press(s, p.x, p.y, true, now);
      }
      m.touches.down(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      show::visitor_input(m.kiosk, now);
      m.update_chord(now);
      return;
    case SDL_FINGERMOTION:
      m.touches.move(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      if (m.setup.visitor_ink && m.ink_finger && m.ink_screen && m.touches.fingers().size() == 1) {
        const layout::Point p =
            finger_to_window(e.tfinger.x, e.tfinger.y, m.ink_screen->screen.window->scale());
        m.ink_move(p.x, p.y, now);
      }
      m.update_chord(now);
      return;
    case SDL_FINGERUP: {
      const Gesture g = m.touches.up(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      m.update_chord(now);
      // A finger that drew: a stroke, not a tap or a swipe.
      if (m.setup.visitor_ink && m.ink_finger && m.ink_release(now)) return;
      KioskScreen* s = m.screens.of(e.tfinger.windowID);
      if (!s) s = m.screens.all().front().get();
      if (g.kind == Gesture::Kind::kTap) {
        const layout::Point p = finger_to_window(g.x, g.y, s->screen.window->scale());
        m.tap(s, p.x, p.y, now);
      } else if (g.kind == Gesture::Kind::kSwipe && m.gate.mode == GateMode::kClosed) {
        show::visitor_input(m.kiosk, now);
        m.act(g.swipe, now);
      }
      return;
    }
    case SDL_WINDOWEVENT: {
      KioskScreen* s = m.screens.of(e.window.windowID);
      switch (e.window.event) {
        case SDL_WINDOWEVENT_CLOSE:
          m.log(LogLevel::kNotice, "ignored a request to close the window");
          return;
        case SDL_WINDOWEVENT_MINIMIZED:
          if (s) SDL_RestoreWindow(s->screen.window->sdl());
          return;
        case SDL_WINDOWEVENT_FOCUS_LOST:
          m.check_focus = true;
          return;
        case SDL_WINDOWEVENT_FOCUS_GAINED:
          if (s) m.screens.grab_keyboard(*s);
          return;
        case SDL_WINDOWEVENT_LEAVE:
          m.touches.clear();
          return;
        default:
          if (!s || !needs_redraw(e.window.event)) return;
          s->screen.dirty = true;
          s->view->skip_transition();
          // A window manager that took full screen away gets it back.
          if (s->screen.frames > 0) s->screen.window->confirm_fullscreen();
          return;
      }
    }
    case SDL_DISPLAYEVENT:
      if (e.display.event == SDL_DISPLAYEVENT_CONNECTED ||
          e.display.event == SDL_DISPLAYEVENT_DISCONNECTED) {
        m.screens.replan(m.show.deck);
        m.log(LogLevel::kInfo,
              "displays changed: " + std::to_string(m.screens.all().size()) + " window(s)");
      }
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      m.screens.invalidate();
      return;
    default:
      if (m.watcher && m.watcher->changed(e)) m.reload();
      return;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Frames
//-----------------------------------------------------------------------------

double KioskMode::frame(double now) {
  return impl_->frame(now);
}

double KioskMode::Impl::frame(double now) {
  // The way out: the chord held long enough opens the gate; an untouched
  // keypad closes.
  update_chord(now);
  if (chord_due(chord, now)) {
    chord.fired = true;
    if (gate.mode == GateMode::kClosed) open_gate(now);
  }
  const Gate closed = close_idle_gate(gate, now);
  if (!(closed == gate)) {
    gate = closed;
    show::visitor_input(kiosk, now);  // the idle time counts from here
    redraw_for({.any = true, .hall = true});
  }
  // The show's own time (held while the staff have the keypad).
  const bool gate_open = gate.mode != GateMode::kClosed;
  switch (gate_open ? show::KioskDue::kNothing : show::due_now(kiosk, show, now)) {
    case show::KioskDue::kAdvance:
      advance(now);
      break;
    case show::KioskDue::kReturn:
      back_to_start(now);
      break;
    case show::KioskDue::kNothing:
      break;
  }
  if (const show::Change tick = diagram_clock.tick(show, now); tick.any) {
    screens.mark_dirty();  // an animation frame, not a change
  }
  const bool cursor = show::cursor_visible(kiosk, now);
  if (cursor != screens.cursor_shown()) screens.show_cursor(cursor);
  if (check_focus) {
    check_focus = false;
    if (!screens.has_focus()) screens.take_focus();
  }

  double sleep = -1;
  auto soon = [&](double ms) {
    if (ms >= 0) sleep = sleep < 0 ? ms : std::min(sleep, ms);
  };
  if (setup.visitor_ink) {
    const show::HallPicture picture = show::hall(show);
    marks.strokes = ink::visible_strokes(ink, picture.slide, picture.state.step);
    if (stroke.active()) marks.strokes.push_back(&stroke.live());
    screens.set_marks(&marks);
    for (auto& k : screens.all()) k->view->set_ink(&ink);  // carried by the fades too
  }
  {
    // Clips follow what the hall shows (paused under the keypad); a new
    // picture redraws the windows.
    const show::HallPicture picture = show::hall(show);
    clips.follow(show.deck, resources.generation(), picture.slide, picture.state.step,
                 picture.blank != show::Blank::kNone || gate_open || screens.covered(), now / 1000);
    double next_s = -1;
    clip_pending = clips.tick(now / 1000, &next_s);
    if (clip_pending) screens.mark_dirty();
    if (next_s >= 0) soon(next_s * 1000);
    for (auto& k : screens.all()) k->view->slides().set_clips(&clips);
  }
  bool drew = false;
  bool first = true;
  const bool diagram_animating = diagram_clock.running();
  for (auto& k : screens.all()) {
    Screen& s = k->screen;
    const bool animating = k->view->animating(now);
    if (!s.window->minimized() && (s.dirty || animating || k->animating)) {
      if (first) {
        // Every frame of the first window is one of three kinds.
        if (change_pending) {
          ++pictures;
        } else if (animating || k->animating || diagram_animating) {
          ++animation_frames;
        } else if (clip_pending) {
          ++clip_frames;
        } else {
          ++refreshes;
        }
      }
      screens.draw(*k, show, gate, now);
      drew = true;
      if (s.frames == 1 && !setup.screens.windowed) s.window->confirm_fullscreen();
    }
    s.dirty = false;
    k->animating = animating;
    if (animating) soon(s.window->vsync() ? 0 : kFrameMs);
    first = false;
  }
  change_pending = false;
  if (diagram::animating(show::here(show))) soon(kFrameMs);
  if (!gate_open) soon(show::kiosk_wait_ms(kiosk, show, now));
  if (show::cursor_visible(kiosk, now)) soon(kiosk.mouse_ms + show::kCursorHideMs - now);
  soon(chord_wait_ms(chord, now));
  soon(gate_wait_ms(gate, now));
  soon(kHeartbeatMs);
  if (setup.remote) {
    // --remote: the audience page follows the kiosk; it commands nothing.
    double to_minute = 0;
    setup.remote->publish(show, now, wall_clock(&to_minute), resources.generation());
  }
  if (drew) {
    traced = false;
    if (gate.mode != GateMode::kClosed) print_keypad();
  }
  if (sleep > kFrameMs) print_idle();
  return sleep;
}

void KioskMode::Impl::print_keypad() {
  if (!setup.trace || keypad_traced) return;
  keypad_traced = true;
  KioskScreen& s = *screens.all().front();
  const KeypadLayout pad = screens.keypad_on(s, gate.mode);
  const WindowScale scale = s.screen.window->scale();
  const float sx =
      static_cast<float>(scale.window_w) / static_cast<float>(std::max(1, scale.pixel_w));
  const float sy =
      static_cast<float>(scale.window_h) / static_cast<float>(std::max(1, scale.pixel_h));
  std::string line = std::string("keypad mode=") + gate_name(gate.mode);
  for (const PadButton& b : pad.buttons) {
    const char* name = b.key == GateKey::kOk       ? "ok"
                       : b.key == GateKey::kErase  ? "erase"
                       : b.key == GateKey::kCancel ? "cancel"
                                                   : nullptr;
    line += " " + (name ? std::string(name) : std::to_string(b.digit)) + "=" +
            std::to_string(static_cast<int>((b.rect.x + b.rect.w / 2) * sx)) + "," +
            std::to_string(static_cast<int>((b.rect.y + b.rect.h / 2) * sy));
  }
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

void KioskMode::Impl::print_idle() {
  if (!setup.trace || traced) return;
  traced = true;
  const layout::SlideState& here = show::here(show);
  const KioskScreen& first = *screens.all().front();
  const double now = clock.now_ms();
  std::printf(
      "idle slide=%d step=%d phase=%s gate=%s typed=%d failures=%d locked=%d selected=%s "
      "hovered=%s frames=%ld pictures=%ld windows=%d cursor=%d grab=%d slides=%d reloads=%ld "
      "refused=%ld advances=%ld loops=%ld returns=%ld ink-strokes=%d",
      show.at.slide + 1, show.at.step, show::phase_name(kiosk.phase), gate_name(gate.mode),
      static_cast<int>(gate.typed.size()), gate.failures, gate_locked(gate, now) ? 1 : 0,
      ids_or_dash(here.selected).c_str(), here.hovered.empty() ? "-" : here.hovered.c_str(),
      first.screen.frames, pictures, static_cast<int>(screens.all().size()),
      screens.cursor_shown() ? 1 : 0, screens.keyboard_grabbed() ? 1 : 0, show.shape.slide_count(),
      reloads, refused, kiosk.advances, kiosk.loops, kiosk.returns, ink::stroke_count(ink));
  if (hooks.trace_extra) std::printf("%s", hooks.trace_extra().c_str());
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace madang::app
