#include "session/history_support.h"

#include <cstdio>
#include <filesystem>

namespace madang::app {

std::string history_path(const std::string& option) {
  return option.empty() ? history::default_history_path() : option;
}

history::Recorded read_history(const char* command, const std::string& option,
                               const std::string& deck_path) {
  const std::string path = history_path(option);
  if (path.empty()) return {};
  if (!option.empty() && !std::filesystem::exists(option)) {
    std::fprintf(stderr, "madang %s: no history at %s; the talk is paced by its duration\n",
                 command, option.c_str());
    return {};
  }
  history::OpenReport report;
  const auto store = history::Store::open(path, history::Access::kRead, &report);
  const std::string said = history::describe(report, path);
  if (!said.empty()) std::fprintf(stderr, "madang %s: %s\n", command, said.c_str());
  if (!store) return {};
  std::string error;
  history::Recorded recorded = store->read(history::deck_key(deck_path), &error, false);
  if (!error.empty()) {
    std::fprintf(stderr, "madang %s: history %s: %s\n", command, path.c_str(), error.c_str());
  }
  return recorded;
}

double planned_duration(const show::Show& show) {
  return show.duration_override_s > 0 ? show.duration_override_s : show.deck.meta.duration_s;
}

history::Plan plan_show(show::Show& show, const history::Recorded& recorded, bool learn_partial) {
  const history::Lineup lineup = history::line_up(show.deck, recorded);
  history::Plan plan = history::plan_budgets(
      show.deck, history::learned_times(lineup, 5, -1, learn_partial), planned_duration(show));
  show::set_plan(show, plan.budgets_s, plan.duration_s);
  return plan;
}

}  // namespace madang::app
