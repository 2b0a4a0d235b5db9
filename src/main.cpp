// madang: the command line. Parses arguments and hands over to a batch
// command (cli/) or a window mode (modes/); docs/architecture.md has the map.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "modes/modes.h"

namespace {

// Where the guides are: installed beside the program (PREFIX/bin/madang ->
// PREFIX/share/doc/madang, whatever the prefix a package or `cmake --install`
// chose), else the source's docs/ (a build tree).
std::string guides_folder() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path docs = exe.parent_path().parent_path() / "share/doc/madang";
    if (std::filesystem::exists(docs / "format.md", ec)) return docs.string();
  }
  return "the source's docs/";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Madang (마당): native presentations with proper Korean typography", "madang"};
  cli.footer(
      std::string("Guides: format.md (writing a deck), presenting.md (the keys, two screens),\n"
                  "rehearsing.md, kiosk.md, export.md, pdf-decks.md (PDF talks), remote.md,\n"
                  "forum.md (a program of talks), in ") +
      guides_folder() + ".");
  cli.set_version_flag("--version", std::string("madang ") + MADANG_VERSION);
  cli.require_subcommand(1);

  // How a PDF deck is read (pdf-decks.md), for every command that reads a deck.
  auto pdf_options = [](CLI::App* cmd, madang::deck::PdfOptions& pdf) {
    cmd->add_option("--password", pdf.password, "PDF deck: the password of an encrypted PDF");
    cmd->add_option("--notes-from", pdf.notes_from,
                    "PDF deck: speaker notes from FILE (.pptx, .pdfpc or .md)");
    cmd->add_option("--beamer-notes", pdf.beamer_notes,
                    "PDF deck: each page holds Beamer's notes on this side: right, left or bottom")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, madang::deck::PdfOptions::BeamerNotes>{
                {"right", madang::deck::PdfOptions::BeamerNotes::kRight},
                {"left", madang::deck::PdfOptions::BeamerNotes::kLeft},
                {"bottom", madang::deck::PdfOptions::BeamerNotes::kBottom}},
            CLI::ignore_case));
    cmd->add_flag("--no-overlays{false}", pdf.overlays,
                  "PDF deck: every page a slide (else pages with one label are one slide's steps)");
  };

  madang::app::CheckOptions check;
  auto* check_cmd = cli.add_subcommand("check", "Parse a deck and report every problem");
  check_cmd->add_option("deck", check.deck, "Slide description file")->required();
  check_cmd->add_flag("--strict", check.strict, "Fail on warnings too");
  check_cmd->add_flag("--stats", check.stats,
                      "Print per slide: body and smallest text size, coverage of the content area");
  pdf_options(check_cmd, check.pdf);

  // The console as it would look (export --console, layout --console).
  auto scene_options = [](CLI::App* cmd, madang::app::ConsoleScene& scene) {
    cmd->add_option("--clock", scene.clock, "Console: the wall clock shown, HH:MM");
    cmd->add_option("--elapsed", scene.elapsed, "Console: talk time so far, e.g. 12:30");
    cmd->add_option("--duration", scene.duration, "Console: the talk's length, e.g. 20m");
  };

  madang::app::ExportOptions exp;
  auto* export_cmd = cli.add_subcommand("export", "Render slides to PNG files or a PDF");
  export_cmd->add_option("deck", exp.deck, "Slide description file")->required();
  export_cmd->add_option("--png", exp.png_dir, "Output folder for slide-NN.png");
  export_cmd->add_option("--pdf", exp.pdf_file, "Output PDF file");
  export_cmd->add_option("--size", exp.size, "PNG pixel size WxH (default 1920x1080)");
  export_cmd->add_option("--slides", exp.slides, "Slides to export, e.g. 1,3-5");
  export_cmd->add_option("--select", exp.select, "Diagram elements to select, e.g. gov,market");
  export_cmd->add_flag("--steps", exp.steps, "PDF: a page per fragment step");
  export_cmd->add_flag("--notes", exp.notes, "PDF: handout pages with the speaker notes");
  export_cmd->add_flag("--console", exp.console, "Render the presenter console (console-NN.png)");
  export_cmd->add_flag("--ink", exp.ink, "Draw the speaker's ink over the slides (DECK.ink.json)");
  export_cmd->add_option("--ink-file", exp.ink_file, "With --ink: the ink sidecar to read");
  scene_options(export_cmd, exp.scene);
  pdf_options(export_cmd, exp.pdf);

  madang::app::LayoutOptions lay;
  auto* layout_cmd = cli.add_subcommand("layout", "Print the laid-out slides as JSON");
  layout_cmd->add_option("deck", lay.deck, "Slide description file")->required();
  layout_cmd->add_option("--slide", lay.slide, "Only this slide (1-based)");
  layout_cmd->add_option("--size", lay.size, "Pixel size WxH")->default_val("1920x1080");
  layout_cmd->add_flag("--json", lay.json, "JSON output (the only format for now)");
  layout_cmd->add_option("--select", lay.select, "Diagram elements to select");
  layout_cmd->add_flag("--console", lay.console, "The presenter console instead of the slides");
  layout_cmd->add_option("--talk", lay.talk, "A program (forum.yaml): the talk on now (1-based)");
  scene_options(layout_cmd, lay.scene);
  pdf_options(layout_cmd, lay.pdf);

  // The window modes' options (present, rehearse).
  auto window_options = [&pdf_options](CLI::App* cmd, madang::app::PresentOptions& o) {
    pdf_options(cmd, o.pdf);
    cmd->add_option("deck", o.deck, "Slide description file")->required();
    cmd->add_option("--slide", o.slide, "Start at this slide (1-based)");
    cmd->add_flag("--fullscreen", o.fullscreen, "Start full screen");
    cmd->add_option("--display", o.display, "Display for the single view");
    cmd->add_option("--duration", o.duration, "The talk's length, e.g. 20m");
    cmd->add_option("--talk", o.talk,
                    "A program (forum.yaml): the talk to start at (rehearse: to rehearse)");
    cmd->add_option("--audience", o.audience, "Display for the hall (two screens)");
    cmd->add_flag("--console", o.console, "Presenter console even on one display");
    cmd->add_flag("--no-console", o.no_console, "One view, no presenter console");
    cmd->add_flag("--windowed", o.windowed, "With --console: the hall in a window too");
    cmd->add_option("--history", o.history, "Rehearsal history file (budgets)");
    cmd->add_flag("--learn-partial", o.learn_partial,
                  "Budgets learn from partial rehearsals too (ended before the last slide)");
    // The phone's remote and the audience's page (remote.md).
    cmd->add_flag("--remote", o.remote.on,
                  "Serve the phone's remote (/r) and the audience's page (/a) on the LAN");
    cmd->add_option("--remote-port", o.remote.port, "--remote: the port (default: a free one)");
    cmd->add_option("--remote-bind", o.remote.bind,
                    "--remote: the IPv4 address to listen on (default: the first LAN address)");
    cmd->add_option("--remote-max", o.remote.remotes, "--remote: speakers' phones at once (3)");
    cmd->add_option("--audience-max", o.remote.audience, "--remote: audience pages at once (64)");
  };

  madang::app::PresentOptions pres;
  auto* present_cmd = cli.add_subcommand("present", "Present a deck in a window");
  window_options(present_cmd, pres);
  present_cmd->add_option(
      "--ink", pres.ink,
      "The ink sidecar: a file, or off (default: DECK.ink.json beside the deck)");
  present_cmd
      ->add_option("--time-cards", pres.time_cards,
                   "A program (forum.yaml): time cards on the console, or also in the hall")
      ->check(CLI::IsMember({"console", "hall"}));
  present_cmd->add_flag("--audience-link", pres.remote.audience_link,
                        "--remote: the audience page's QR code on the title slide, in the hall");
  present_cmd->footer(madang::app::keys_text() + "More: presenting.md (two screens, the console).");

  madang::app::RehearseOptions reh;
  auto* rehearse_cmd = cli.add_subcommand("rehearse", "Present a deck, timing and recording it");
  window_options(rehearse_cmd, reh.present);
  rehearse_cmd->footer(madang::app::keys_text() + "More: rehearsing.md (runs, budgets, pace).");

  madang::app::RehearsalsOptions runs;
  auto* rehearsals_cmd = cli.add_subcommand("rehearsals", "Show a deck's recorded rehearsals");
  rehearsals_cmd->add_option("deck", runs.deck, "Slide description file")->required();
  rehearsals_cmd->add_option("--history", runs.history, "History database file");
  rehearsals_cmd->add_flag("--csv", runs.csv, "CSV: one line per run and slide");
  rehearsals_cmd->add_flag("--json", runs.json, "JSON: an object with the runs, oldest first");
  rehearsals_cmd->add_option("--plot", runs.plot,
                             "Chart of time per slide to FILE.png or FILE.pdf");
  rehearsals_cmd->add_option("--size", runs.size, "Chart size WxH")->default_val("1600x900");
  rehearsals_cmd->add_option("--forget", runs.forget, "Remove run RUN from the history");
  rehearsals_cmd->add_option("--last", runs.last, "Runs side by side in the table")->default_val(5);
  rehearsals_cmd->add_flag(
      "--learn-partial", runs.learn_partial,
      "Budgets learn from partial rehearsals too (ended before the last slide)");
  pdf_options(rehearsals_cmd, runs.pdf);

  madang::app::KioskOptions kiosk;
  bool hash_pin = false;
  auto* kiosk_cmd = cli.add_subcommand(
      "kiosk", "Run a deck or a program unattended: full screen, looping, locked down");
  kiosk_cmd->add_option("deck", kiosk.deck, "Slide description file");
  kiosk_cmd->add_option("--display", kiosk.display, "Only this display (default: every one)");
  kiosk_cmd->add_option("--pin-file", kiosk.pin_file, "File holding the staff PIN's hash");
  kiosk_cmd->add_flag("--hash-pin", hash_pin, "Read a PIN on stdin, print its hash");
  kiosk_cmd->add_flag("--windowed", kiosk.windowed, "In a window, no keyboard grab (to try)");
  kiosk_cmd->add_flag("--visitor-ink", kiosk.visitor_ink,
                      "Visitors draw on the slides with a finger (cleared when idle)");
  kiosk_cmd->add_option("--size", kiosk.size, "With --windowed: the window's size WxH");
  kiosk_cmd->add_option(
      "--advance", kiosk.advance,
      "Each step's time when the deck sets none, e.g. 15s (a PDF page's /Dur wins)");
  kiosk_cmd->add_option("--idle", kiosk.idle,
                        "Back to the start after this long untouched, e.g. 2m");
  kiosk_cmd->add_flag("--remote", kiosk.remote.on,
                      "Serve the audience page (/a) on the LAN (no remote control)");
  kiosk_cmd->add_option("--remote-port", kiosk.remote.port, "--remote: the port");
  kiosk_cmd->add_option("--remote-bind", kiosk.remote.bind, "--remote: the IPv4 address");
  kiosk_cmd->add_option("--audience-max", kiosk.remote.audience,
                        "--remote: audience pages at once (64)");
  pdf_options(kiosk_cmd, kiosk.pdf);

  // A misspelt command is named, with the one that was meant (CLI11 would
  // only say that a subcommand is required).
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : cli.get_subcommands({})) names.push_back(sub->get_name());
    const std::string message = madang::app::unknown_command(argv[1], names);
    if (!message.empty()) {
      std::fprintf(stderr, "madang: %s\n", message.c_str());
      return 2;
    }
  }

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = cli.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*check_cmd) return madang::app::run_check(check);
  if (*export_cmd) return madang::app::run_export(exp);
  if (*layout_cmd) return madang::app::run_layout(lay);
  if (*present_cmd) return madang::app::run_present(pres);
  if (*rehearse_cmd) return madang::app::run_rehearse(reh);
  if (*rehearsals_cmd) return madang::app::run_rehearsals(runs);
  if (*kiosk_cmd) return hash_pin ? madang::app::run_hash_pin() : madang::app::run_kiosk(kiosk);
  return 2;
}
