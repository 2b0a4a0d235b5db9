// Diagnostics: every problem a user can cause, located in a file.
//
// Promise: a Diagnostic names file, 1-based line and column, a severity and a
// message, and prints in the compiler form editors jump to:
//   FILE:LINE:COL: error: message
// Modules report problems by appending to a Diagnostics list; they never throw
// across a module border.
#pragma once

#include <string>
#include <vector>

namespace madang {

enum class Severity { kNote, kWarning, kError };

struct SourceLocation {
  std::string file;  // as the user named it
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based, counted in Unicode code points; 0 when unknown
};

struct Diagnostic {
  SourceLocation where;
  Severity severity = Severity::kError;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

const char* severity_name(Severity severity);

// "FILE:LINE:COL: error: message" (LINE and COL left out when unknown).
std::string format_diagnostic(const Diagnostic& diagnostic);

int count_severity(const Diagnostics& diagnostics, Severity severity);
inline bool has_errors(const Diagnostics& diagnostics) {
  return count_severity(diagnostics, Severity::kError) > 0;
}

}  // namespace madang
