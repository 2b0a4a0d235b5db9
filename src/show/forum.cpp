#include "show/forum.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/time_text.h"

namespace madang::show {

namespace {

double at(const std::vector<double>& v, std::size_t i) {
  return i < v.size() ? v[i] : 0;
}

std::string signed_clock(double seconds) {
  const std::string t = base::clock_text(seconds);
  return seconds > 0 ? "+" + t : t;
}

// What the program still needs from now: the rest of the current item's
// slot (nothing when it is over) and every later item's.
double still_to_go(const deck::Program& program, const ForumClock& clock) {
  const std::size_t current = static_cast<std::size_t>(std::max(0, clock.item));
  double rest = std::max(0.0, at(clock.slot_s, current) - clock.elapsed_s);
  for (std::size_t i = current + 1; i < program.items.size(); ++i) rest += at(clock.slot_s, i);
  return rest;
}

double planned_total(const deck::Program& program, const ForumClock& clock) {
  double total = 0;
  for (std::size_t i = 0; i < program.items.size(); ++i) total += at(clock.slot_s, i);
  return total;
}

}  // namespace

std::string day_clock(double seconds_of_day) {
  long long s = static_cast<long long>(std::floor(seconds_of_day));
  s = ((s % 86400) + 86400) % 86400;
  char text[8];
  std::snprintf(text, sizeof text, "%02lld:%02lld", s / 3600, s / 60 % 60);
  return text;
}

double program_drift_s(const deck::Program& program, const ForumClock& clock) {
  if (program.start_minute >= 0 && clock.now_s >= 0) {
    const double planned_end = program.start_minute * 60.0 + planned_total(program, clock);
    return clock.now_s + still_to_go(program, clock) - planned_end;
  }
  double drift = 0;
  const std::size_t current = static_cast<std::size_t>(std::max(0, clock.item));
  for (std::size_t i = 0; i < current && i < program.items.size(); ++i) {
    drift += at(clock.took_s, i) - at(clock.slot_s, i);
  }
  return drift + std::max(0.0, clock.elapsed_s - at(clock.slot_s, current));
}

layout::ProgramPanel program_panel(const deck::Program& program, const ForumClock& clock) {
  layout::ProgramPanel panel;
  panel.title = program.title;
  const bool timed = program.start_minute >= 0;
  double planned = timed ? program.start_minute * 60.0 : 0;
  const std::size_t current = static_cast<std::size_t>(std::max(0, clock.item));
  for (std::size_t i = 0; i < program.items.size(); ++i) {
    const deck::ProgramItem& item = program.items[i];
    layout::ProgramRow row;
    row.is_break = item.is_break;
    row.talk = item.talk;
    row.title = item.title;
    row.speaker = item.is_break ? "" : item.speaker;
    if (timed) row.at = day_clock(planned);
    const double slot = at(clock.slot_s, i);
    if (slot > 0) row.slot = base::clock_text(slot);
    row.state = i < current        ? layout::ProgramRow::State::kDone
                : i == current     ? layout::ProgramRow::State::kCurrent
                : i == current + 1 ? layout::ProgramRow::State::kNext
                                   : layout::ProgramRow::State::kLater;
    if (i < current && at(clock.took_s, i) > 0) row.took = base::clock_text(at(clock.took_s, i));
    row.missing = i < clock.missing.size() && clock.missing[i];
    planned += slot;
    panel.rows.push_back(std::move(row));
  }
  const double slot = at(clock.slot_s, current);
  if (current < program.items.size() && slot > 0) {
    const double left = slot - clock.elapsed_s;
    panel.countdown = base::clock_text(left);
    panel.countdown_mood = left < 0        ? layout::Mood::kBehind
                           : left < 5 * 60 ? layout::Mood::kWarning
                                           : layout::Mood::kNeutral;
  }
  if (timed) {
    panel.start = program.start;
    panel.planned_end = day_clock(program.start_minute * 60.0 + planned_total(program, clock));
  }
  if (clock.now_s >= 0) panel.expected_end = day_clock(clock.now_s + still_to_go(program, clock));
  const double drift = program_drift_s(program, clock);
  panel.drift = signed_clock(drift);
  panel.drift_mood = drift > 60    ? layout::Mood::kBehind
                     : drift < -60 ? layout::Mood::kAhead
                                   : layout::Mood::kNeutral;
  return panel;
}

TimeCardUp time_card_up(const std::vector<int>& cards, double slot_s, double elapsed_s) {
  TimeCardUp up;
  if (slot_s <= 0) return up;
  const double left = slot_s - elapsed_s;
  for (int minutes : cards) {
    if (left <= minutes * 60.0 && (up.minutes < 0 || minutes < up.minutes)) {
      up.minutes = minutes;
      up.since_s = elapsed_s - (slot_s - minutes * 60.0);
    }
  }
  return up;
}

}  // namespace madang::show
