// Reporter: appends located diagnostics for one deck file, with a cap so that
// a pathological file cannot produce millions of lines. Private to deck/.
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
  void add(Severity severity, int line, int column, std::string message);

  // Appends the "N more not shown" diagnostic when the cap was hit.
  void finish();

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  Diagnostics& out_;
  std::size_t dropped_ = 0;
  bool dropped_error_ = false;
};

}  // namespace madang::deck
