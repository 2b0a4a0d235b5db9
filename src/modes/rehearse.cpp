// Rehearse mode: `madang rehearse DECK`. The deck presented exactly as in
// `present` (the same controller, windows and keys: modes/show_controller.h),
// and timed: every stay on a slide, with the time at each of its steps,
// pauses left out (T pauses and resumes; leaving the window pauses too),
// committed to the history (history/store.h) as the speaker moves on, by a
// thread of its own so that no frame waits for the disk. Timing starts when
// the slides appear. With one screen a small bar in a band of its own at the
// foot shows the time (the slide letterboxed above it, never under it);
// with a console the console does. Q ends the run, saves it (complete when
// it reached the last slide, else partial: history/store.h) and shows its
// summary (screens/rehearsal.h); Q or Esc there quits.
//
// Test hooks (environment):
//   MADANG_PRESENT_TRACE=1  as in present; each idle line ends with
//                           " rehearse=running run=ID recorded=N", and the
//                           summary prints "idle summary=1 run=ID ..."
//   MADANG_CLOCK_SCALE=N    the clock runs N times faster than the wall
//
// Index of this file:
// [SECTION] The mode
// [SECTION] Recording
// [SECTION] The summary
// [SECTION] Entry points

#include "modes/rehearse.h"

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "deck/program.h"
#include "history/writer.h"
#include "input/keymap.h"
#include "modes/show_controller.h"
#include "platform/sdl_support.h"
#include "screens/rehearsal.h"
#include "session/deck_loading.h"
#include "session/history_support.h"
#include "session/rehearsal_views.h"
#include "show/rehearsal.h"

namespace madang::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The mode
//-----------------------------------------------------------------------------

struct RunContext {
  history::Store& store;
  std::int64_t run = 0;
  int ordinal = 1;  // this run's number among the deck's
  std::string deck_key;
  history::Recorded before;  // the runs before this one (the plan learns from them)
  // What begin_run records once the windows are open.
  std::string title;
  int slide_count = 0;
  double started_unix = 0;
  std::string history_path;    // named in messages
  bool learn_partial = false;  // budgets learn from partial runs too
};

class RehearseMode final : public Mode {
 public:
  RehearseMode(ShowController& show, RunContext& run) : show_(show), run_(run) {
    trace_ = env_flag("MADANG_PRESENT_TRACE");
    commit_event_ = SDL_RegisterEvents(1);
    plan_ = plan_show(show_.show(), run_.before, run_.learn_partial);
    show_.planner = [this](show::Show& s) {
      plan_ = plan_show(s, run_.before, run_.learn_partial);
    };
    show_.trace_extra = [this] {
      return " rehearse=running run=" + std::to_string(run_.run) +
             " recorded=" + std::to_string(writer_ ? writer_->committed() : 0);
    };
  }
  ~RehearseMode() override {
    // Not ended by the speaker (an error, a signal): what is committed stays,
    // marked cut short.
    if (writer_) writer_->finish(false);
  }

  // The windows, then the run in the history, then its writer.
  bool open() override {
    if (!show_.open()) return false;
    std::string error;
    run_.run = run_.store.begin_run({run_.deck_key, run_.title, run_.slide_count,
                                     planned_duration(show_.show()), run_.started_unix},
                                    &error);
    if (run_.run < 0) {
      std::fprintf(stderr, "madang rehearse: history %s: %s\n", run_.history_path.c_str(),
                   error.c_str());
      return false;
    }
    start_writing();
    return true;
  }

  void start_writing() {
    const Uint32 type = commit_event_;
    writer_ = std::make_unique<history::RunWriter>(run_.store, run_.run, [type] {
      SDL_Event e{};
      e.type = type;
      SDL_PushEvent(&e);  // wakes the loop: the trace shows the commit
    });
  }

  void handle(const SDL_Event& e, double now) override;
  double frame(double now) override;
  bool done() const override { return quit_; }

 private:
  void record(double now);
  void push(const show::Stay& stay);
  void end_run(double now);
  void summary_key(int scancode);
  void draw_summary();

  ShowController& show_;
  RunContext& run_;
  history::Plan plan_;
  std::unique_ptr<history::RunWriter> writer_;
  Uint32 commit_event_ = 0;
  bool trace_ = false, quit_ = false;

  show::Rehearsal rehearsal_;
  history::SlideIdentity arrived_;  // the running stay's slide, as it was on arrival
  int arrived_number_ = 0;
  int seq_ = 0;
  bool reached_last_ = false;  // a stay on the deck's last slide began: the run is complete
  std::string write_error_;

  layout::RehearsalBar bar_;
  layout::DisplayList bar_list_;
  int bar_w_ = 0, bar_h_ = 0;

  bool summary_ = false;
  layout::RehearsalSummary summary_input_;
  bool summary_dirty_ = false;
  int summary_rows_ = 0, summary_last_first_ = 0;
};

void RehearseMode::handle(const SDL_Event& e, double now) {
  if (commit_event_ != 0 && e.type == commit_event_) {
    show_.retrace();  // the trace line's `recorded=` changed
    return;
  }
  if (summary_) {
    if (e.type == SDL_QUIT ||
        (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE)) {
      quit_ = true;
    } else if (e.type == SDL_KEYDOWN) {
      summary_key(e.key.keysym.scancode);
    } else if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET ||
               e.type == SDL_RENDER_DEVICE_RESET) {
      summary_dirty_ = true;
    }
    return;
  }
  if (e.type == SDL_QUIT) {
    // A signal or the session ending: save and go, no summary to look at.
    end_run(now);
    quit_ = true;
    return;
  }
  if (e.type == SDL_WINDOWEVENT && (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST ||
                                    e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED)) {
    // Leaving the window pauses the talk; coming back resumes it. The focus
    // going from the hall to the console (or back) is not leaving.
    const bool focused = e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED;
    SDL_Window* has_keys = SDL_GetKeyboardFocus();
    const bool still_ours = !focused && has_keys && show_.screens().of(SDL_GetWindowID(has_keys));
    if (!still_ours) {
      record(now);
      show_.redraw_for(show::focus(rehearsal_, show_.show(), focused, now));
    }
  }
  show_.handle(e, now);
  if (show_.show().at.quit) {
    end_run(now);
    return;
  }
  record(now);
}

double RehearseMode::frame(double now) {
  if (summary_) {
    if (summary_dirty_) draw_summary();
    return -1;
  }
  show::Show& show = show_.show();
  if (!show::started(show.timer)) {
    // Timing starts when the slides appear (T pauses it).
    show_.redraw_for(show::act(show, {ActionKind::kTimerToggle}, now));
  }
  record(now);
  double sleep = -1;
  ShowScreens& screens = show_.screens();
  if (!screens.has_console()) {
    // One screen: the bar in a band of its own at the foot of the hall (the
    // slide letterboxed above it), redrawn when its text changes.
    int w = 0, h = 0;
    ShowScreens::output_size(screens.hall(), &w, &h);
    const layout::Size size{std::max(1, w), std::max(1, h)};
    const bool band_changed =
        screens.hall_view().set_band(static_cast<int>(layout::rehearsal_bar_rect(size).h));
    const layout::RehearsalBar bar = bar_of(show, now, run_.ordinal);
    const bool changed = band_changed || !(bar == bar_) || w != bar_w_ || h != bar_h_;
    if (changed) {
      bar_ = bar;
      bar_w_ = w;
      bar_h_ = h;
      bar_list_ = layout::layout_rehearsal_bar(show_.resources().fonts(), show.deck, bar, size);
    }
    show_.set_hall_overlay(&bar_list_, changed);
    if (!show::paused(show.timer)) {
      sleep = 1000.0 - std::fmod(show::elapsed_ms(show.timer, now), 1000.0);
    }
  } else {
    // A console (say a projector plugged in mid-run) shows the time: the
    // hall is the slide's alone.
    show_.set_hall_overlay(nullptr, screens.hall_view().set_band(0));
  }
  const double controller = show_.frame(now);
  if (controller >= 0 && (sleep < 0 || controller < sleep)) sleep = controller;
  return sleep;
}

//-----------------------------------------------------------------------------
// [SECTION] Recording
//-----------------------------------------------------------------------------

void RehearseMode::record(double now) {
  const show::Show& show = show_.show();
  const bool was_open = rehearsal_.open;
  const std::optional<show::Stay> ended = show::observe(rehearsal_, show, now);
  if (ended) push(*ended);
  if (rehearsal_.open && (!was_open || ended)) {
    // The slide's identity as it was when the speaker arrived (an edit of
    // the deck while on it does not change what was rehearsed).
    const int at = rehearsal_.stay.slide;
    if (at >= 0 && at < static_cast<int>(show.deck.slides.size())) {
      arrived_ = history::identify(show.deck.slides[static_cast<std::size_t>(at)]);
    }
    arrived_number_ = at + 1;
    if (at >= 0 && at + 1 == static_cast<int>(show.deck.slides.size())) reached_last_ = true;
  }
}

void RehearseMode::push(const show::Stay& stay) {
  if (!writer_) return;
  history::Visit visit;
  visit.seq = seq_++;
  visit.number = arrived_number_;
  visit.seconds = stay.ms / 1000.0;
  for (double ms : stay.step_ms) visit.steps.push_back(ms / 1000.0);
  writer_->push(arrived_, std::move(visit));
}

void RehearseMode::end_run(double now) {
  if (!writer_) return;
  if (const std::optional<show::Stay> last = show::close(rehearsal_, show_.show(), now))
    push(*last);
  if (!writer_->finish(true, reached_last_)) {
    std::fprintf(stderr, "madang rehearse: history %s: %s\n", run_.store.path().c_str(),
                 writer_->error().c_str());
  }
  writer_.reset();
  show_.show().at.quit = false;  // the summary comes first

  // The summary: this run against the plan it was rehearsed with.
  std::string error;
  const history::Recorded recorded = run_.store.read(run_.deck_key, &error, false);
  if (!error.empty()) {
    std::fprintf(stderr, "madang rehearse: history %s: %s\n", run_.store.path().c_str(),
                 error.c_str());
  }
  const history::Lineup lineup = history::line_up(show_.show().deck, recorded);
  int index = static_cast<int>(lineup.runs.size()) - 1;
  for (std::size_t k = 0; k < lineup.runs.size(); ++k) {
    if (lineup.runs[k].id == run_.run) index = static_cast<int>(k);
  }
  summary_input_ = summary_of(lineup, plan_, index, run_.store.path(), run_.learn_partial);
  summary_ = true;
  summary_dirty_ = true;
  if (SDL_Window* w = show_.screens().overlay_screen().window->sdl()) SDL_RaiseWindow(w);
}

//-----------------------------------------------------------------------------
// [SECTION] The summary
//-----------------------------------------------------------------------------

void RehearseMode::summary_key(int scancode) {
  int first = summary_input_.first_row;
  const int page = std::max(1, summary_rows_ - 1);
  switch (scancode) {
    case kScanQ:
    case kScanEscape:
      quit_ = true;
      return;
    case kScanDown:
      ++first;
      break;
    case kScanUp:
      --first;
      break;
    case kScanPageDown:
    case kScanSpace:
      first += page;
      break;
    case kScanPageUp:
      first -= page;
      break;
    case kScanHome:
      first = 0;
      break;
    case kScanEnd:
      first = summary_last_first_;
      break;
    default:
      return;
  }
  first = std::clamp(first, 0, summary_last_first_);
  if (first == summary_input_.first_row) return;
  summary_input_.first_row = first;
  summary_dirty_ = true;
}

void RehearseMode::draw_summary() {
  summary_dirty_ = false;
  ShowScreens& screens = show_.screens();
  for (Screen* screen : {&screens.hall(), &screens.console()}) {
    if (!*screen || screen->window->minimized()) continue;
    int w = 0, h = 0;
    ShowScreens::output_size(*screen, &w, &h);
    const layout::SummaryLayout laid =
        layout::layout_rehearsal_summary(show_.resources().fonts(), show_.show().deck,
                                         summary_input_, {std::max(1, w), std::max(1, h)});
    screens.draw_list(*screen, laid.list);
    if (screen == &screens.overlay_screen()) {
      summary_rows_ = laid.rows_shown;
      summary_last_first_ = laid.last_first_row;
    }
  }
  if (trace_) {
    std::printf("idle summary=1 run=%lld rows=%d first-row=%d total=%s verdict=%s\n",
                static_cast<long long>(run_.run), static_cast<int>(summary_input_.rows.size()),
                summary_input_.first_row + 1, summary_input_.total.this_run.c_str(),
                summary_input_.verdict.c_str());
    std::fflush(stdout);
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

int rehearse_on(const RehearseOptions& options, LoopClock& clock, double started_unix) {
  const PresentOptions& o = options.present;
  // The images of the first slide checked now, the rest while it shows.
  deck::ParseResult parsed;
  ImageChecks checks;
  int code = 0;
  if (!load_show_deck_starting(o.deck, o.slide, &parsed, &checks, &code, o.pdf)) return code;
  double duration_s = 0;
  ScreenOptions screens;
  if (!window_options("rehearse", o, &duration_s, &screens)) return 2;
  const std::string path = history_path(o.history);
  if (path.empty()) {
    std::fputs(
        "madang rehearse: no place for the history: set HOME or XDG_DATA_HOME, or "
        "--history FILE\n",
        stderr);
    return 2;
  }
  // A bad history is moved aside (never deleted) and a new one records.
  history::OpenReport report;
  const std::unique_ptr<history::Store> store =
      history::Store::open(path, history::Access::kWrite, &report);
  const std::string said = history::describe(report, path);
  if (!said.empty()) std::fprintf(stderr, "madang rehearse: %s\n", said.c_str());
  if (!store) return 2;

  RunContext run{*store};
  run.deck_key = history::deck_key(o.deck);
  std::string error;
  run.before = store->read(run.deck_key, &error, false);
  if (!error.empty()) {
    std::fprintf(stderr, "madang rehearse: history %s: %s\n", path.c_str(), error.c_str());
  }
  run.ordinal = static_cast<int>(run.before.runs.size()) + 1;

  const std::string title =
      parsed.deck.meta.title.empty() ? parsed.deck.path : parsed.deck.meta.title;
  const int slide_count = static_cast<int>(parsed.deck.slides.size());
  ShowController controller(
      screens,
      show::open_show(std::move(parsed.deck),
                      {.slide = o.slide, .duration_s = duration_s, .fullscreen = o.fullscreen}),
      clock,
      {.command = "rehearse",
       .timer_reset = false,
       .console_badge = "리허설 " + std::to_string(run.ordinal) + "회차 · 기록 중"});
  controller.check_images(std::move(checks));
  run.title = title;
  run.slide_count = slide_count;
  run.started_unix = started_unix;
  run.history_path = path;
  run.learn_partial = o.learn_partial;
  RehearseMode mode(controller, run);
  // --remote: the phone's remote and the audience's page (modes/remote_link.h).
  std::unique_ptr<RemoteLink> remote;
  if (o.remote.on) {
    remote = RemoteLink::start("rehearse", o.remote);
    if (!remote) return 2;
    controller.set_remote(remote.get());
  }
  return run_mode(mode, clock);
}

int run_rehearse(const RehearseOptions& given) {
  RehearseOptions options = given;
  if (deck::is_program_path(options.present.deck)) {
    // A forum's talk: its deck, rehearsed into the deck's own history, its
    // slot as the talk's length unless --duration says.
    const deck::ProgramResult program = deck::load_program(options.present.deck);
    print_diagnostics(program.diagnostics);
    const deck::ProgramItem* talk = program.program.talk(options.present.talk);
    if (!talk || talk->deck_path.empty()) {
      std::fprintf(stderr,
                   "madang rehearse: %s: give the talk to rehearse, --talk 1 to --talk %d\n",
                   options.present.deck.c_str(), program.program.talk_count());
      return 2;
    }
    options.present.deck = talk->deck_path;
    if (options.present.duration.empty() && talk->seconds > 0) {
      options.present.duration = std::to_string(static_cast<long long>(talk->seconds)) + "s";
    }
  }
  return with_video("rehearse", [&](LoopClock& clock) {
    const double started_unix =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return rehearse_on(options, clock, started_unix);
  });
}

}  // namespace madang::app
