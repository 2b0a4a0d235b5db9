#include "deck/report.h"

#include "deck/limits.h"

namespace madang::deck {

void Reporter::add(Severity severity, int line, int column, std::string message) {
  if (out_.size() >= limits::kMaxDiagnostics) {
    ++dropped_;
    dropped_error_ = dropped_error_ || severity == Severity::kError;
    return;
  }
  out_.push_back({{file_, line, column}, severity, std::move(message)});
}

void Reporter::finish() {
  if (dropped_ == 0) return;
  // Keep the exit status honest: if any dropped diagnostic was an error, the
  // summary line is one too.
  out_.push_back({{file_, 0, 0},
                  dropped_error_ ? Severity::kError : Severity::kWarning,
                  std::to_string(dropped_) + " more problems not shown"});
  dropped_ = 0;
}

}  // namespace madang::deck
