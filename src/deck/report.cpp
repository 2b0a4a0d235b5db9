#include "deck/report.h"

#include <algorithm>

namespace madang::deck {

// In the order of the file, as a reader goes through it (stages report in
// their own order); what concerns no line (the "more not shown" count) last.
void Reporter::finish() {
  Diagnostics found = log_.finish();
  const auto key = [](const Diagnostic& d) {
    return std::pair(d.where.line > 0 ? d.where.line : 1 << 30, d.where.column);
  };
  std::stable_sort(found.begin(), found.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  for (Diagnostic& d : found) out_.push_back(std::move(d));
}

}  // namespace madang::deck
