// Reporter: appends located diagnostics for one deck file, through a
// DiagnosticLog (diagnostics.h), so that repeats fold into one line with a
// count and a pathological file cannot produce millions of lines. Private to
// deck/.
#pragma once

#include <string>
#include <utility>

#include "deck/diagnostics.h"

namespace madang::deck {

class Reporter {
 public:
  Reporter(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  void error(int line, int column, std::string message) {
    add(Severity::kError, line, column, std::move(message));
  }
  void warning(int line, int column, std::string message) {
    add(Severity::kWarning, line, column, std::move(message));
  }
  void add(Severity severity, int line, int column, std::string message) {
    log_.add(severity, SourceLocation{file_, line, column}, std::move(message));
  }

  // Appends what was reported, sorted by line and column (and the "N more
  // not shown" line when the cap was hit), to the output list.
  void finish();

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  Diagnostics& out_;
  DiagnosticLog log_;
};

}  // namespace madang::deck
