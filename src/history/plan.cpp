#include "history/plan.h"

#include <cmath>

#include "history/lineup.h"

namespace madang::history {

Plan plan_budgets(const deck::Deck& deck, const std::vector<double>& learned_s, double duration_s) {
  Plan plan;
  const std::size_t n = deck.slides.size();
  plan.budgets_s.assign(n, 0);
  plan.sources.assign(n, BudgetSource::kNone);
  double fixed = 0;
  std::vector<double> learned;
  std::size_t open = 0;  // slides without a directive
  for (std::size_t i = 0; i < n; ++i) {
    if (deck.slides[i].time_s > 0) {
      plan.budgets_s[i] = deck.slides[i].time_s;
      plan.sources[i] = BudgetSource::kDirective;
      fixed += deck.slides[i].time_s;
      continue;
    }
    ++open;
    if (i < learned_s.size() && !std::isnan(learned_s[i])) learned.push_back(learned_s[i]);
  }
  // An estimate for every open slide: its own time, else the typical one's.
  const double typical = median(learned);
  double estimated = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (plan.sources[i] == BudgetSource::kDirective) continue;
    if (i < learned_s.size() && !std::isnan(learned_s[i])) {
      plan.budgets_s[i] = learned_s[i];
      plan.sources[i] = BudgetSource::kLearned;
    } else if (!learned.empty()) {
      plan.budgets_s[i] = typical;
      plan.sources[i] = BudgetSource::kTypical;
    }
    estimated += plan.budgets_s[i];
  }
  const double left = duration_s - fixed;
  if (duration_s > 0) {
    plan.duration_s = duration_s;
    plan.overfull = open > 0 && left <= 0;
    if (learned.empty() || estimated <= 0) {
      // Nothing learned: the rest of the duration, evenly.
      for (std::size_t i = 0; i < n; ++i) {
        if (plan.sources[i] == BudgetSource::kDirective) continue;
        plan.budgets_s[i] = std::max(0.0, left) / static_cast<double>(open);
        plan.sources[i] = BudgetSource::kShare;
      }
    } else {
      plan.scale = std::max(0.0, left) / estimated;
      for (std::size_t i = 0; i < n; ++i) {
        if (plan.sources[i] != BudgetSource::kDirective) plan.budgets_s[i] *= plan.scale;
      }
    }
    return plan;
  }
  // No duration: the talk is what the budgets add up to, when all are known.
  bool all = n > 0;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    all = all && plan.sources[i] != BudgetSource::kNone;
    sum += plan.budgets_s[i];
  }
  plan.duration_s = all ? sum : 0;
  return plan;
}

const char* source_name(BudgetSource source) {
  switch (source) {
    case BudgetSource::kDirective:
      return "directive";
    case BudgetSource::kLearned:
      return "learned";
    case BudgetSource::kTypical:
      return "typical";
    case BudgetSource::kShare:
      return "share";
    case BudgetSource::kNone:
      break;
  }
  return "none";
}

}  // namespace madang::history
