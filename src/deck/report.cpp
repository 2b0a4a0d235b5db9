#include "deck/report.h"

namespace madang::deck {

void Reporter::finish() {
  for (Diagnostic& d : log_.finish()) out_.push_back(std::move(d));
}

}  // namespace madang::deck
