#include "deck/report.h"

#include <algorithm>

namespace madang::deck {

void Reporter::finish() {
  Diagnostics found = log_.finish();
  sort_by_place(&found);
  for (Diagnostic& d : found) out_.push_back(std::move(d));
}

}  // namespace madang::deck
