// A forum on one laptop: one show per talk, cards and time cards over them.
//
// [SECTION] Shows per talk
// [SECTION] Input
// [SECTION] Cards, panel and time cards
// [SECTION] Entry point

#include "modes/forum_mode.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/time_text.h"
#include "input/forum_keys.h"
#include "input/keymap.h"
#include "platform/sdl_support.h"
#include "screens/forum.h"
#include "session/deck_loading.h"

namespace madang::app {

namespace {

// The time of day in seconds: MADANG_PRESENT_WALL (HH:MM) when set, else the
// machine's.
double seconds_of_day() {
  const char* fixed = std::getenv("MADANG_PRESENT_WALL");
  const std::string text =
      fixed && *fixed ? std::string(fixed) + ":00"
                      : base::calendar_text(base::unix_now(), "%H:%M:%S", base::TimeZone::kLocal);
  int h = 0, m = 0, s = 0;
  if (std::sscanf(text.c_str(), "%d:%d:%d", &h, &m, &s) < 2) return -1;
  return h * 3600.0 + m * 60.0 + s;
}

}  // namespace

// ============================================================================
// [SECTION] Shows per talk
// ============================================================================

ForumController::ForumController(LoadedProgram program, const ScreenOptions& screens,
                                 LoopClock& clock, const ForumSettings& settings)
    : program_(std::move(program)), settings_(settings), clock_(clock) {
  const std::size_t n = program_.program.items.size();
  parked_.resize(n);
  took_s_.assign(n, 0);
  deck_stamps_.assign(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    deck_stamps_[i] = deck_file_stamp(program_.program.items[i].deck_path);
    if (!loaded(static_cast<int>(i))) continue;
    parked_[i] = show::open_show(
        program_.decks[i].parsed.deck,
        {.slide = 1, .duration_s = program_.slot_s[i], .fullscreen = settings_.fullscreen});
    if (settings_.plan) settings_.plan(*parked_[i], program_.program.items[i].deck_path);
  }
  item_ = std::max(0, program_.program.item_of_talk(settings_.start_talk));
  // The windows open on the first talk's deck (a card covers it), or the
  // first deck that loaded.
  int first = loaded(item_) ? item_ : program_.first_loaded();
  show::Show initial =
      first >= 0 ? std::move(*parked_[static_cast<std::size_t>(first)])
                 : show::open_show(blank_program_deck(), {.fullscreen = settings_.fullscreen});
  if (first >= 0) parked_[static_cast<std::size_t>(first)].reset();
  inner_item_ = first;
  ShowPolicy policy;
  policy.command = settings_.command;
  inner_ = std::make_unique<ShowController>(screens, std::move(initial), clock_, policy);
  inner_->planner = [this](show::Show& s) {  // after a reload of the talk on now
    if (settings_.plan) settings_.plan(s, s.deck.path);
  };
  inner_->trace_extra = [this] {
    return " forum-item=" + std::to_string(item_ + 1) + " forum-talk=" +
           std::to_string(item_ < static_cast<int>(program_.program.items.size())
                              ? program_.program.items[static_cast<std::size_t>(item_)].talk
                              : 0) +
           " card=" + (card_ ? "1" : "0") + " time-card=" + std::to_string(time_card_) +
           switch_trace_;
  };
}

ForumController::~ForumController() = default;

bool ForumController::loaded(int item) const {
  return item >= 0 && item < static_cast<int>(program_.decks.size()) &&
         program_.decks[static_cast<std::size_t>(item)].loaded;
}

bool ForumController::open() {
  if (!inner_->open()) return false;
  update_overlays(clock_.now_ms());
  return true;
}

void ForumController::bring_in(int item) {
  if (item == inner_item_ || !loaded(item)) return;
  std::optional<show::Show>& slot = parked_[static_cast<std::size_t>(item)];
  if (!slot) return;
  show::Show incoming = std::move(*slot);
  slot.reset();
  inner_->swap_show(incoming);  // `incoming` is the show that was on
  if (inner_item_ >= 0) parked_[static_cast<std::size_t>(inner_item_)] = std::move(incoming);
  inner_item_ = item;
}

double ForumController::item_elapsed_s(double now) const {
  const int n = static_cast<int>(program_.program.items.size());
  if (item_ < 0 || item_ >= n) return 0;
  const deck::ProgramItem& item = program_.program.items[static_cast<std::size_t>(item_)];
  if (!item.is_break && inner_item_ == item_) {
    return show::elapsed_ms(inner_->show().timer, inner_->talk_clock(now)) / 1000.0;
  }
  if (item.is_break) return std::max(0.0, (inner_->talk_clock(now) - item_since_ms_) / 1000.0);
  return 0;
}

void ForumController::go(int item, bool card, double now, bool at_end) {
  const int n = static_cast<int>(program_.program.items.size());
  item = std::clamp(item, 0, n);  // n: the end card
  if (item_ < n && item != item_) took_s_[static_cast<std::size_t>(item_)] = item_elapsed_s(now);
  item_ = item;
  card_ = card || !loaded(item);
  switching_ = true;
  switch_frames_from_ = inner_->screens().hall().frames;
  warmed_item_ = -1;
  item_since_ms_ = inner_->talk_clock(now);
  if (loaded(item)) {
    bring_in(item);
    if (!card_ && at_end) {
      show::Show& s = inner_->show();
      show::act(s, Action{ActionKind::kLast}, inner_->talk_clock(now));
    }
  }
  if (!card_) start_talk(now);
  show::Change all;
  all.any = all.hall = true;
  inner_->redraw_for(all);
  inner_->retrace();
  hall_key_.clear();
  console_key_.clear();
  update_overlays(now);
}

void ForumController::start_talk(double now) {
  show::Show& s = inner_->show();
  if (!show::started(s.timer)) s.timer = show::start(s.timer, s.at.slide, inner_->talk_clock(now));
}

void ForumController::retry_decks(double now) {
  if (now < next_retry_ms_) return;
  next_retry_ms_ = now + 1000;
  for (std::size_t i = 0; i < program_.program.items.size(); ++i) {
    const deck::ProgramItem& item = program_.program.items[i];
    if (item.is_break || program_.decks[i].loaded) continue;
    const long long stamp = deck_file_stamp(item.deck_path);
    if (stamp < 0 || stamp == deck_stamps_[i]) continue;
    deck_stamps_[i] = stamp;
    reload_program_deck(&program_, static_cast<int>(i), settings_.pdf);
    if (!program_.decks[i].loaded) {
      std::fprintf(stderr, "madang %s: talk %d: %s\n", settings_.command.c_str(), item.talk,
                   program_.decks[i].problem.c_str());
      continue;
    }
    std::fprintf(stderr, "madang %s: talk %d's deck is here: %s\n", settings_.command.c_str(),
                 item.talk, item.deck_path.c_str());
    parked_[i] = show::open_show(
        program_.decks[i].parsed.deck,
        {.slide = 1, .duration_s = program_.slot_s[i], .fullscreen = settings_.fullscreen});
    if (settings_.plan) settings_.plan(*parked_[i], item.deck_path);
    if (static_cast<int>(i) == item_) {
      bring_in(item_);
      hall_key_.clear();
      console_key_.clear();
      show::Change all;
      all.any = all.hall = true;
      inner_->redraw_for(all);
    }
  }
}

// ============================================================================
// [SECTION] Input
// ============================================================================

void ForumController::handle(const SDL_Event& e, double now) {
  if (e.type == SDL_KEYUP) long_press_used_ = false;
  if (e.type != SDL_KEYDOWN) {
    inner_->handle(e, now);
    return;
  }
  key_ticks_ = e.key.timestamp;
  key_perf_ = SDL_GetPerformanceCounter();
  const int scancode = e.key.keysym.scancode;
  const int mods = key_mods(e.key.keysym.mod);
  const bool repeat = e.key.repeat != 0;
  const ForumKey key = forum_key(scancode, mods, card_, repeat);
  if (repeat && (key == ForumKey::kNextItem || key == ForumKey::kPrevItem)) {
    if (long_press_used_) return;  // a held key moves on once
    long_press_used_ = true;
  }
  const int n = static_cast<int>(program_.program.items.size());
  switch (key) {
    case ForumKey::kNextItem:
      go(item_ + 1, true, now);
      return;
    case ForumKey::kPrevItem:
      go(item_ - 1, true, now);
      return;
    case ForumKey::kStart:
      if (item_ < n && loaded(item_)) {
        go(item_, false, now);
      } else {
        go(item_ + 1, true, now);  // past a break or a missing talk: the next card
      }
      return;
    case ForumKey::kBack:
      if (item_ > 0) go(item_ - 1, !loaded(item_ - 1), now, true);
      return;
    case ForumKey::kNone:
      break;
  }
  if (card_) {
    inner_->handle(e, now);  // quit, full screen, swap, help
    return;
  }
  // The talk's own key; at its very end a next key brings the next card,
  // and at its very start a previous key its own card.
  const show::Show& s = inner_->show();
  const int slide_before = s.at.slide, step_before = show::here(s).step;
  const bool plain = !s.at.overview && !s.at.help && s.at.jump.empty();
  inner_->handle(e, now);
  const show::Show& after = inner_->show();
  if (!plain || after.at.slide != slide_before || show::here(after).step != step_before) return;
  const ForumKey as_card = forum_key(scancode, mods, true, false);
  const int last = static_cast<int>(after.deck.slides.size()) - 1;
  if (as_card == ForumKey::kStart && slide_before == last) {
    go(item_ + 1, true, now);
  } else if (as_card == ForumKey::kBack && slide_before == 0 && step_before <= 0) {
    go(item_, true, now);
  }
}

// ============================================================================
// [SECTION] Cards, panel and time cards
// ============================================================================

show::ForumClock ForumController::forum_clock(double now) const {
  show::ForumClock c;
  const int n = static_cast<int>(program_.program.items.size());
  c.item = std::min(item_, n - 1);
  c.slot_s = program_.slot_s;
  c.took_s = took_s_;
  c.elapsed_s = item_ < n ? item_elapsed_s(now) : 0;
  c.started = !card_;
  c.now_s = seconds_of_day();
  for (std::size_t i = 0; i < program_.decks.size(); ++i) {
    c.missing.push_back(!program_.program.items[i].is_break && !program_.decks[i].loaded);
  }
  return c;
}

void ForumController::update_overlays(double now) {
  ShowScreens& screens = inner_->screens();
  text::FontSystem& fonts = inner_->resources().fonts();
  const std::string generation = std::to_string(inner_->resources().generation());
  const int n = static_cast<int>(program_.program.items.size());
  const bool on_break =
      item_ < n && program_.program.items[static_cast<std::size_t>(item_)].is_break;
  const double elapsed = item_elapsed_s(now);
  const double slot = item_ < n ? program_.slot_s[static_cast<std::size_t>(item_)] : 0;
  layout::ForumCard card = program_card(program_, item_);
  if (on_break) card.countdown = base::clock_text(std::max(0.0, slot - elapsed));
  const std::string theme = program_card_theme(program_, item_);
  // The time card: a talk's, once its slot runs low.
  const show::TimeCardUp up = card_ || on_break
                                  ? show::TimeCardUp{}
                                  : show::time_card_up(program_.program.time_cards, slot, elapsed);
  if (up.minutes != time_card_) inner_->retrace();
  time_card_ = up.minutes;
  const bool large = up.minutes >= 0 && up.since_s < show::kTimeCardLargeSeconds;

  int hw = 0, hh = 0;
  ShowScreens::output_size(screens.hall(), &hw, &hh);
  std::string key = generation + "|" + std::to_string(hw) + "x" + std::to_string(hh) + "|";
  if (card_) {
    key += "card|" + std::to_string(item_) + "|" + card.countdown;
  } else if (settings_.time_cards_in_hall && up.minutes >= 0) {
    key += "bar|" + std::to_string(up.minutes);
  }
  if (key != hall_key_) {
    hall_key_ = key;
    if (card_) {
      hall_list_ = layout::layout_forum_card(fonts, theme, card, {hw, hh});
    } else if (settings_.time_cards_in_hall && up.minutes >= 0) {
      hall_list_ = layout::layout_time_bar(fonts, up.minutes, {hw, hh});
    }
    const bool any = card_ || (settings_.time_cards_in_hall && up.minutes >= 0);
    inner_->set_hall_overlay(any ? &hall_list_ : nullptr, true, card_ && warmed_item_ != item_);
  }

  Screen& console = screens.console();
  if (!console) return;
  int cw = 0, ch = 0;
  ShowScreens::output_size(console, &cw, &ch);
  const layout::ProgramPanel panel = show::program_panel(program_.program, forum_clock(now));
  key = generation + "|" + std::to_string(cw) + "x" + std::to_string(ch) + "|" +
        std::to_string(item_) + (card_ ? "|card|" : "|talk|") + card.countdown + "|" +
        panel.countdown + "|" + panel.expected_end + "|" + panel.drift + "|" +
        std::to_string(up.minutes) + (large ? "L" : "");
  if (key == console_key_) return;
  console_key_ = key;
  if (card_) {
    const layout::ForumCard for_speaker = [&] {
      layout::ForumCard c = program_card(program_, item_, true);
      c.countdown = card.countdown;
      return c;
    }();
    console_list_ = layout::layout_console_card(fonts, theme, for_speaker, panel, {cw, ch});
  } else {
    const float w = static_cast<float>(cw), h = static_cast<float>(ch);
    console_list_ = layout::layout_program_line(fonts, panel, {cw, ch},
                                                layout::Rect{w * 0.12f, 0, w * 0.34f, h * 0.075f});
    if (up.minutes >= 0) {
      console_list_ = layout::overlay(std::move(console_list_),
                                      large ? layout::layout_time_card(fonts, up.minutes, {cw, ch})
                                            : layout::layout_time_bar(fonts, up.minutes, {cw, ch}));
    }
  }
  screens.set_console_overlay(&console_list_);
  console.dirty = true;
}

double ForumController::frame(double now) {
  retry_decks(now);
  update_overlays(now);
  double sleep = inner_->frame(now);
  auto soon = [&](double ms) { sleep = sleep < 0 ? ms : std::min(sleep, ms); };
  const Screen& hall = inner_->screens().hall();
  if (switching_ && hall.frames > switch_frames_from_ && (sleep < 0 || sleep > 1000.0 / 60)) {
    switching_ = false;
    const double handled_ms = static_cast<double>(SDL_GetPerformanceCounter() - key_perf_) *
                              1000.0 / static_cast<double>(SDL_GetPerformanceFrequency());
    char text[96];
    std::snprintf(text, sizeof text, " switch-ms=%u/%.1f switch-frames=%ld",
                  SDL_GetTicks() - key_ticks_, handled_ms, hall.frames - switch_frames_from_);
    switch_trace_ = text;
    inner_->retrace();
  }
  if (!switching_ && card_ && inner_item_ == item_ && warmed_item_ != item_) {
    // The card is up: now the talk's slide under it (see warmed_item_).
    warmed_item_ = item_;
    inner_->set_hall_overlay(&hall_list_, true, false);
    soon(1);
  }
  // The break's countdown, the time cards and the panel's clock move once a
  // second; a missing deck is looked for once a second.
  bool missing = false;
  for (std::size_t i = 0; i < program_.decks.size(); ++i) {
    missing |= !program_.program.items[i].is_break && !program_.decks[i].loaded;
  }
  if (missing || !card_ || item_ < static_cast<int>(program_.program.items.size())) {
    soon(std::max(1.0, 1000 - std::fmod(now, 1000)));
  }
  return sleep;
}

// ============================================================================
// [SECTION] Entry point
// ============================================================================

int run_present_program(const PresentOptions& options, const ForumSettings& settings) {
  LoadedProgram program = load_program_decks(options.deck, options.pdf);
  Diagnostics all = program.diagnostics;
  for (const ProgramDeck& d : program.decks) {
    for (const Diagnostic& diag : d.parsed.diagnostics) all.push_back(diag);
  }
  sort_by_place(&all);
  print_diagnostics(all);
  if (program.diagnostics.size() == 1 && program.diagnostics[0].where.line == 0) return 2;
  if (program.program.talk_count() == 0) {
    std::fprintf(stderr, "madang %s: %s has no talks to present\n", settings.command.c_str(),
                 options.deck.c_str());
    return 1;
  }
  double duration_s = 0;
  ScreenOptions screens;
  if (!window_options(settings.command.c_str(), options, &duration_s, &screens)) return 2;
  return with_video(settings.command.c_str(), [&](LoopClock& clock) {
    ForumController mode(std::move(program), screens, clock, settings);
    return run_mode(mode, clock);
  });
}

}  // namespace madang::app
