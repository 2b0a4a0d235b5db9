#include "modes/kiosk_program.h"

#include <algorithm>

#include "base/count_text.h"
#include "platform/log.h"

namespace madang::app {

KioskProgram::KioskProgram(LoadedProgram program, const KioskSetup& setup, LoopClock& clock,
                           const KioskProgramSettings& settings)
    : program_(std::move(program)), settings_(settings), setup_(setup) {
  talk_items_ = show::program_talk_items(program_.program);
  const std::size_t n = talk_items_.size();
  parked_.resize(n);
  stamps_.assign(n, -1);
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t item = static_cast<std::size_t>(talk_items_[t]);
    stamps_[t] = deck_file_stamp(program_.program.items[item].deck_path);
    if (!loaded(static_cast<int>(t))) continue;
    parked_[t] = show::open_show(program_.decks[item].parsed.deck, {.slide = 1});
    if (on_ < 0) on_ = static_cast<int>(t);
  }
  // The kiosk opens on the first talk's show that loaded (a card covers
  // it), or on a blank slide when none did.
  show::Show first = on_ >= 0 ? std::move(*parked_[static_cast<std::size_t>(on_)])
                              : show::open_show(blank_program_deck(), {.slide = 1});
  if (on_ >= 0) parked_[static_cast<std::size_t>(on_)].reset();
  kiosk_ = std::make_unique<KioskMode>(setup, std::move(first), clock);
  KioskHooks hooks;
  hooks.move_on = [this](int direction, bool, double now) { return move_on(direction, now); };
  hooks.back_to_start = [this](double now) { back_to_start(now); };
  hooks.trace_extra = [this] {
    return " program-talk=" + std::to_string(stop_.talk + 1) + " card=" + (stop_.card ? "1" : "0") +
           " rounds=" + std::to_string(rounds_);
  };
  kiosk_->set_hooks(std::move(hooks));
  stop_ = {};
  if (n > 0) put_card(0);
}

KioskProgram::~KioskProgram() = default;

bool KioskProgram::open() {
  if (!kiosk_->open()) return false;
  std::string missing;
  for (int t = 0; t < talks(); ++t) {
    if (!loaded(t)) missing += (missing.empty() ? "" : ", ") + std::to_string(t + 1);
  }
  if (setup_.log) {
    log_line(LogLevel::kInfo, "kiosk",
             "program: " + setup_.deck_name + ", " +
                 base::count_text(static_cast<long long>(talks()), "talk") + ", each card " +
                 std::to_string(static_cast<int>(settings_.card_ms / 1000)) + " s" +
                 (missing.empty() ? std::string() : "; no deck yet for talk " + missing));
  }
  return true;
}

bool KioskProgram::loaded(int talk) const {
  if (talk < 0 || talk >= talks()) return false;
  return program_.decks[static_cast<std::size_t>(talk_items_[static_cast<std::size_t>(talk)])]
      .loaded;
}

std::vector<bool> KioskProgram::loaded_talks() const {
  std::vector<bool> out;
  for (int t = 0; t < talks(); ++t) out.push_back(loaded(t));
  return out;
}

bool KioskProgram::move_on(int direction, double now) {
  bool wrapped = false;
  const show::ProgramStop to = show::program_stop(stop_, direction, loaded_talks(), &wrapped);
  if (to == stop_) return false;
  if (wrapped) ++rounds_;
  go(to, direction > 0, now);
  return true;
}

void KioskProgram::back_to_start(double now) {
  go({}, true, now);
}

void KioskProgram::go(const show::ProgramStop& to, bool forward, double now) {
  const int t = to.talk;
  const bool arriving = to.card && forward;  // a new round of talk t
  if (arriving) look_for_deck(t);
  if (loaded(t)) {
    if (arriving) {
      // From its start, every diagram at rest (as a deck's kiosk loops).
      if (t == on_) {
        kiosk_->change_show([now](show::Show& s) { return show::restart(s, now); });
      } else if (std::optional<show::Show>& parked = parked_[static_cast<std::size_t>(t)]) {
        show::restart(*parked, now);
      }
    }
    bring_in(t);
    if (to.at_end) {
      kiosk_->change_show(
          [now](show::Show& s) { return show::act(s, Action{ActionKind::kLast}, now); });
    }
  }
  stop_ = to;
  if (to.card) {
    put_card(t);
  } else {
    kiosk_->set_cover({}, -1);
  }
}

void KioskProgram::bring_in(int talk) {
  const std::size_t t = static_cast<std::size_t>(talk);
  if (talk == on_ || !parked_[t]) return;
  const auto path = [this](int k) {
    return program_.program
        .items[static_cast<std::size_t>(talk_items_[static_cast<std::size_t>(k)])]
        .deck_path;
  };
  // What the kiosk's watcher has seen of the talk going out.
  if (on_ >= 0) stamps_[static_cast<std::size_t>(on_)] = deck_file_stamp(path(on_));
  show::Show incoming = std::move(*parked_[t]);
  parked_[t].reset();
  kiosk_->swap_show(incoming);  // `incoming` is now the show that was on
  if (on_ >= 0) parked_[static_cast<std::size_t>(on_)] = std::move(incoming);
  on_ = talk;
  // Its deck copied over while it was parked: read again (a broken copy is
  // refused and logged, as any reload of the kiosk's).
  const long long stamp = deck_file_stamp(path(talk));
  if (stamp != stamps_[t]) {
    stamps_[t] = stamp;
    kiosk_->reload();
  }
}

void KioskProgram::look_for_deck(int talk) {
  if (loaded(talk)) return;
  const std::size_t t = static_cast<std::size_t>(talk);
  const int item = talk_items_[t];
  const deck::ProgramItem& what = program_.program.items[static_cast<std::size_t>(item)];
  const long long stamp = deck_file_stamp(what.deck_path);
  if (stamp < 0 || stamp == stamps_[t]) return;
  stamps_[t] = stamp;
  reload_program_deck(&program_, item, settings_.pdf);
  const ProgramDeck& d = program_.decks[static_cast<std::size_t>(item)];
  if (!d.loaded) {
    if (setup_.log) {
      log_line(LogLevel::kWarning, "kiosk", "talk " + std::to_string(what.talk) + ": " + d.problem);
    }
    return;
  }
  if (setup_.log) {
    log_line(LogLevel::kInfo, "kiosk",
             "talk " + std::to_string(what.talk) + "'s deck is here: " + what.deck_path);
  }
  parked_[t] = show::open_show(d.parsed.deck, {.slide = 1});
}

void KioskProgram::put_card(int talk) {
  const int item = talk_items_[static_cast<std::size_t>(talk)];
  card_ = program_card(program_, item);
  card_.starts.clear();  // a kiosk keeps no schedule
  card_theme_ = program_card_theme(program_, item);
  kiosk_->set_cover(
      [card = card_, theme = card_theme_](text::FontSystem& fonts, layout::Size size) {
        return layout::layout_forum_card(fonts, theme, card, size);
      },
      settings_.card_ms);
}

}  // namespace madang::app
