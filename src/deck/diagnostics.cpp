#include "deck/diagnostics.h"

#include <algorithm>

namespace madang {

namespace {
// Other lines a folded diagnostic names; one more is kept to know "and more".
constexpr std::size_t kShownLines = 3;
}  // namespace

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("<input>") : d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  } else if (d.where.page > 0) {
    out += ":p" + std::to_string(d.where.page);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (d.count > 1) {
    out += " (" + std::to_string(d.count) + " times";
    for (std::size_t i = 0; i < d.also_lines.size() && i < kShownLines; ++i) {
      out += (i == 0 ? (d.also_lines.size() == 1 ? ", also on line " : ", also on lines ") : ", ");
      out += std::to_string(d.also_lines[i]);
    }
    if (d.also_lines.size() > kShownLines) out += " and more";
    out += ')';
  }
  return out;
}

int count_severity(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<int>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

void DiagnosticLog::add(Diagnostic d) {
  std::string key = d.where.file;
  key += '\0';
  key += static_cast<char>('0' + static_cast<int>(d.severity));
  key += d.message;
  if (auto it = index_.find(key); it != index_.end()) {
    Diagnostic& first = entries_[it->second];
    first.count += d.count;
    std::vector<int>& lines = first.also_lines;
    const auto note = [&](int line) {
      if (line > 0 && line != first.where.line && lines.size() <= kShownLines &&
          std::find(lines.begin(), lines.end(), line) == lines.end()) {
        lines.push_back(line);
      }
    };
    note(d.where.line);
    for (int line : d.also_lines) note(line);
    return;
  }
  if (entries_.size() >= cap_) {
    dropped_ += static_cast<std::size_t>(d.count);
    dropped_error_ = dropped_error_ || d.severity == Severity::kError;
    if (dropped_file_.empty()) dropped_file_ = d.where.file;
    return;
  }
  index_.emplace(std::move(key), entries_.size());
  entries_.push_back(std::move(d));
}

void DiagnosticLog::add(Severity severity, SourceLocation where, std::string message, int count) {
  add(Diagnostic{std::move(where), severity, std::move(message), count});
}

void DiagnosticLog::add_all(Diagnostics diagnostics) {
  for (Diagnostic& d : diagnostics) add(std::move(d));
}

Diagnostics DiagnosticLog::finish() {
  Diagnostics out = std::move(entries_);
  if (dropped_ > 0) {
    out.push_back({{dropped_file_, 0, 0},
                   dropped_error_ ? Severity::kError : Severity::kWarning,
                   std::to_string(dropped_) + " more problems not shown"});
  }
  entries_.clear();
  index_.clear();
  dropped_ = 0;
  dropped_error_ = false;
  dropped_file_.clear();
  return out;
}

void sort_by_place(Diagnostics* diagnostics) {
  const auto key = [](const Diagnostic& d) {
    if (d.where.line <= 0 && d.where.page > 0) return std::pair(d.where.page, 0);
    return std::pair(d.where.line > 0 ? d.where.line : 1 << 30, d.where.column);
  };
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace madang
