#include "app/commands.h"

#include <cstdio>

#include "deck/parse.h"

namespace madang::app {

int run_check(const CheckOptions& options) {
  deck::ParseResult result = deck::load_deck(options.deck);
  for (const Diagnostic& d : result.diagnostics) {
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
  const int errors = count_severity(result.diagnostics, Severity::kError);
  const int warnings = count_severity(result.diagnostics, Severity::kWarning);
  const bool unreadable = errors > 0 && result.diagnostics.front().where.line == 0 &&
                          result.deck.slides.empty();
  std::printf("%s: %zu slides, %d errors, %d warnings\n", options.deck.c_str(),
              result.deck.slides.size(), errors, warnings);
  if (unreadable) return 2;
  if (errors > 0 || (options.strict && warnings > 0)) return 1;
  return 0;
}

static int not_yet(const char* what) {
  std::fprintf(stderr, "madang %s: not yet available\n", what);
  return 2;
}

int run_export(const ExportOptions&) { return not_yet("export"); }
int run_layout(const LayoutOptions&) { return not_yet("layout"); }

}  // namespace madang::app
