// `madang rehearsals DECK`: the deck's recorded rehearsals, lined up with its
// slides as they are now (history/lineup.h): a table in the terminal, CSV,
// JSON, a chart (screens/chart.h, drawn to PNG by the headless renderer or to
// PDF by the cairo sink), or a run forgotten.
//
// Promise: reads the history without changing it (but --forget), and never
// creates one. Exit codes: 0, 1 the deck has errors, 2 usage, a history
// that cannot be read, or a file that cannot be written.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/count_text.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/rehearsal_report.h"
#include "render/headless.h"
#include "render/image.h"
#include "render/pdf.h"
#include "screens/chart.h"
#include "session/deck_loading.h"
#include "session/history_support.h"
#include "session/rehearsal_views.h"

namespace madang::app {

namespace {

int say(const std::string& message, int code) {
  std::fprintf(stderr, "madang rehearsals: %s\n", message.c_str());
  return code;
}

// The chart's sinks, by the file's ending (as export picks its backend).
using ChartSink = bool (*)(const deck::Deck& deck, text::FontSystem& fonts,
                           const layout::DisplayList& list, const std::string& path,
                           std::string* error);

bool png_sink(const deck::Deck&, text::FontSystem& fonts, const layout::DisplayList& list,
              const std::string& path, std::string* error) {
  text::GlyphCache glyphs(fonts);
  render::ImageCache images;
  return render::write_png(render::render_headless(list, glyphs, images), path, error);
}

// A vector page, its text searchable: one chart pixel is half a point.
bool pdf_sink(const deck::Deck& deck, text::FontSystem& fonts, const layout::DisplayList& list,
              const std::string& path, std::string* error) {
  text::GlyphCache glyphs(fonts);
  render::ImageCache images;
  render::PdfWriter writer(fonts, glyphs, images);
  render::PdfMetadata meta;
  meta.title = deck.meta.title + " — rehearsals";
  meta.author = deck.meta.author;
  if (!writer.open(path, meta, error)) return false;
  render::PdfPage page;
  page.width = static_cast<float>(list.width) * 0.5f;
  page.height = static_cast<float>(list.height) * 0.5f;
  page.placements.push_back({list, 0, 0, 0.5f});
  writer.add_page(std::move(page));
  return writer.finish(error);
}

const struct {
  const char* ending;
  ChartSink sink;
} kChartSinks[] = {{".png", png_sink}, {".pdf", pdf_sink}};

int plot(const deck::Deck& deck, const history::Lineup& lineup, const history::Plan& plan,
         const RehearsalsOptions& o) {
  layout::Size size;
  if (!parse_size("rehearsals", o.size, &size)) return 2;
  ChartSink sink = nullptr;
  for (const auto& s : kChartSinks) {
    if (o.plot.ends_with(s.ending)) sink = s.sink;
  }
  if (!sink) {
    return say("--plot writes a chart to FILE.png or FILE.pdf (got '" + o.plot + "')", 2);
  }
  const std::string title = deck.meta.title.empty() ? o.deck : deck.meta.title;
  const layout::RehearsalChart chart = chart_of(lineup, plan, title, 6);
  auto fonts = make_fonts(deck, nullptr);
  const layout::DisplayList list = layout::layout_rehearsal_chart(*fonts, deck, chart, size);
  std::string error;
  if (!sink(deck, *fonts, list, o.plot, &error)) return say(o.plot + ": " + error, 2);
  std::printf("%s: %s, %s\n", o.plot.c_str(),
              base::count_text(static_cast<long long>(chart.runs.size()), "run").c_str(),
              base::count_text(static_cast<long long>(chart.budget_s.size()), "slide").c_str());
  return 0;
}

}  // namespace

int run_rehearsals(const RehearsalsOptions& o) {
  if (o.csv + o.json + !o.plot.empty() + (o.forget != 0) > 1) {
    return say("--csv, --json, --plot and --forget go one at a time", 2);
  }
  if (o.forget < 0) return say("--forget takes a run number (the #N of the table)", 2);
  if (o.last < 1) return say("--last takes a number of runs, at least 1", 2);
  deck::ParseResult parsed;
  int code = 0;
  if (!load_show_deck(o.deck, &parsed, &code, o.pdf)) return code;
  const std::string path = history_path(o.history);
  if (path.empty()) return say("no history file: set HOME or XDG_DATA_HOME, or --history FILE", 2);
  const std::string key = history::deck_key(o.deck);
  // A history named on the command line that is not there is a typo far
  // more often than a deck never rehearsed: say so, rather than "0 runs".
  if (!o.history.empty() && !std::filesystem::exists(o.history)) {
    return say("no history at " + o.history +
                   " (without --history: " + history::default_history_path() + ")",
               2);
  }

  history::OpenReport report;
  const auto store = history::Store::open(
      path, o.forget ? history::Access::kWrite : history::Access::kRead, &report);
  const std::string said = history::describe(report, path);
  if (!store && !report.error.empty()) return say(said, 2);
  if (!said.empty()) say(said, 0);

  if (o.forget) {
    std::string error;
    if (!store->forget(key, o.forget, &error)) {
      return say(error.empty()
                     ? "no run #" + std::to_string(o.forget) + " of " + o.deck + " in " + path
                     : "history " + path + ": " + error,
                 2);
    }
    std::printf("forgot run #%lld of %s\n", o.forget, o.deck.c_str());
    return 0;
  }

  history::Recorded recorded;
  if (store) {
    std::string error;
    recorded = store->read(key, &error, o.json);  // only the JSON has the steps
    if (!error.empty()) return say("history " + path + ": " + error, 2);
  }
  const history::Lineup lineup = history::line_up(parsed.deck, recorded);
  const history::Plan plan =
      history::plan_budgets(parsed.deck, history::learned_times(lineup, 5, -1, o.learn_partial),
                            parsed.deck.meta.duration_s);
  const ReportHeader header{o.deck, path, o.learn_partial};
  if (o.json) {
    std::fputs(rehearsals_json(lineup, plan, header).c_str(), stdout);
  } else if (o.csv) {
    std::fputs(rehearsals_csv(lineup, plan).c_str(), stdout);
  } else if (!o.plot.empty()) {
    return plot(parsed.deck, lineup, plan, o);
  } else {
    const bool color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    std::fputs(rehearsals_table(lineup, plan, header, o.last, color).c_str(), stdout);
  }
  return 0;
}

}  // namespace madang::app
