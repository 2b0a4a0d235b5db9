#include "show/kiosk_program.h"

namespace madang::show {

std::vector<int> program_talk_items(const deck::Program& program) {
  std::vector<int> out;
  for (std::size_t i = 0; i < program.items.size(); ++i) {
    if (!program.items[i].is_break) out.push_back(static_cast<int>(i));
  }
  return out;
}

ProgramStop program_stop(const ProgramStop& at, int direction, const std::vector<bool>& loaded,
                         bool* wrapped) {
  if (wrapped) *wrapped = false;
  const int n = static_cast<int>(loaded.size());
  if (n == 0 || direction == 0) return at;
  const auto has_deck = [&](int talk) { return loaded[static_cast<std::size_t>(talk)]; };
  if (direction > 0) {
    if (at.card && has_deck(at.talk)) return {at.talk, false, false};
    if (at.talk + 1 < n) return {at.talk + 1, true, false};
    if (wrapped) *wrapped = true;
    return {0, true, false};
  }
  if (!at.card) return {at.talk, true, false};
  if (at.talk == 0) return at;
  const int before = at.talk - 1;
  return has_deck(before) ? ProgramStop{before, false, true} : ProgramStop{before, true, false};
}

}  // namespace madang::show
