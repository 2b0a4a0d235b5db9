// Diagnostics: every problem a user can cause, located in a file.
//
// Promise: a Diagnostic names file, 1-based line and column, a severity and a
// message, and prints in the compiler form editors jump to:
//   FILE:LINE:COL: error: message
// or, for a page of a PDF deck, FILE:pN: warning: message.
// Modules report problems by appending to a Diagnostics list; they never throw
// across a module border. A DiagnosticLog gathers the lists of every stage of
// one run: repeats fold into one line with a count, and the total is capped.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace madang {

enum class Severity { kNote, kWarning, kError };

struct SourceLocation {
  std::string file;  // as the user named it
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based, counted in Unicode code points; 0 when unknown
  int page = 0;      // a PDF deck's page, 1-based ("FILE:pN"), when line is 0; 0 none
};

struct Diagnostic {
  SourceLocation where;
  Severity severity = Severity::kError;
  std::string message;
  int count = 1;                // times it happened; `where` is the first (see DiagnosticLog)
  std::vector<int> also_lines;  // other lines it happened on (a few, for people to read)
};

using Diagnostics = std::vector<Diagnostic>;

// Distinct diagnostics one run prints at most; the rest are counted in one
// closing line. Bounds the output of any file, however broken.
inline constexpr std::size_t kMaxDiagnostics = 1000;

const char* severity_name(Severity severity);

// "FILE:LINE:COL: error: message" (LINE and COL left out when unknown), with
// " (N times, also on lines 12, 40 and more)" when it was folded from repeats.
std::string format_diagnostic(const Diagnostic& diagnostic);

// In the order of the file, as a reader goes through it (stages report in
// their own order: the parser, the image check, layout); what concerns no
// line (the "more not shown" count) last. Stable among equal places.
void sort_by_place(Diagnostics* diagnostics);

int count_severity(const Diagnostics& diagnostics, Severity severity);
inline bool has_errors(const Diagnostics& diagnostics) {
  return count_severity(diagnostics, Severity::kError) > 0;
}

// Collects the diagnostics of one run, from every stage (parse, fonts,
// images, layout): one with the file, severity and message of an earlier one
// folds into it (its count grows, the first place stays and a few other
// lines are named), so a character no font has is one line, not one per
// occurrence. Past `cap` distinct entries
// the rest are only counted; finish() then appends "N more problems not
// shown", an error if any of them was, so that the exit status stays honest.
class DiagnosticLog {
 public:
  explicit DiagnosticLog(std::size_t cap = kMaxDiagnostics) : cap_(cap) {}

  void add(Diagnostic diagnostic);
  void add_all(Diagnostics diagnostics);
  // Severity, message and place; folded like add().
  void add(Severity severity, SourceLocation where, std::string message, int count = 1);

  // What was added so far, without the closing line.
  const Diagnostics& entries() const { return entries_; }
  // Everything, with the closing line when some were dropped; the log is
  // left empty.
  Diagnostics finish();

 private:
  std::size_t cap_;
  Diagnostics entries_;
  std::unordered_map<std::string, std::size_t> index_;  // fold key -> entry
  std::size_t dropped_ = 0;
  bool dropped_error_ = false;
  std::string dropped_file_;
};

}  // namespace madang
