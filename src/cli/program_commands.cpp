// The batch commands on a forum's program: check, export, layout.
//
// [SECTION] check
// [SECTION] export --pdf
// [SECTION] export --png
// [SECTION] layout --console --json

#include "cli/program_commands.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/count_text.h"
#include "base/time_text.h"
#include "cli/cli_support.h"
#include "cli/export_pdf.h"
#include "cli/layout_json.h"
#include "deck/duration.h"
#include "layout/handout.h"
#include "render/headless.h"
#include "render/image.h"
#include "render/pdf.h"
#include "screens/console.h"
#include "screens/forum.h"
#include "session/program_loading.h"
#include "show/forum.h"

namespace madang::app {

namespace {

// The program's own diagnostics, printed; true when it has errors.
bool print_program(const deck::ProgramResult& r) {
  Diagnostics d = r.diagnostics;
  sort_by_place(&d);
  print_diagnostics(d);
  return has_errors(d);
}

constexpr int kSlideWidth = 1920;

layout::Size slide_size_of(const deck::Deck* deck) {
  const int w = deck ? std::max(1, deck->meta.aspect_w) : 16;
  const int h = deck ? std::max(1, deck->meta.aspect_h) : 9;
  return layout::Size{kSlideWidth, std::max(16, kSlideWidth * h / w)};
}

// One font system for every talk of a combined file: the families the decks
// name, in talk order, before the default stack (a PDF has one set of fonts).
std::unique_ptr<text::FontSystem> program_fonts(const LoadedProgram& lp) {
  std::vector<std::string> families;
  for (const ProgramDeck& d : lp.decks) {
    if (!d.loaded) continue;
    for (const std::string& f : d.parsed.deck.meta.fonts) {
      if (std::find(families.begin(), families.end(), f) == families.end()) families.push_back(f);
    }
  }
  return text::FontSystem::create(families);
}

const deck::Deck* deck_of(const LoadedProgram& lp, std::size_t i) {
  return lp.decks[i].loaded ? &lp.decks[i].parsed.deck : nullptr;
}

// The deck that sets a card's size: the talk's, or the next talk's for a break.
const deck::Deck* card_deck(const LoadedProgram& lp, std::size_t i) {
  for (std::size_t k = i; k < lp.decks.size(); ++k) {
    if (!lp.program.items[k].is_break) return deck_of(lp, k);
  }
  return nullptr;
}

// Loads the program and its decks for an export; false (printed) when the
// program or a deck has errors: an export of a broken program is refused, as
// a broken deck's is.
bool load_for_program_export(const std::string& path, const deck::PdfOptions& pdf,
                             LoadedProgram* lp, int* code) {
  *lp = load_program_decks(path, pdf);
  Diagnostics all = lp->diagnostics;
  bool broken = has_errors(lp->diagnostics) || lp->program.talk_count() == 0;
  for (std::size_t i = 0; i < lp->decks.size(); ++i) {
    if (lp->program.items[i].is_break) continue;
    for (const Diagnostic& d : lp->decks[i].parsed.diagnostics) all.push_back(d);
    if (!lp->decks[i].loaded) broken = true;
  }
  print_in_order(all);
  if (broken) {
    std::fprintf(stderr, "madang export: %s has errors; nothing exported\n", path.c_str());
    *code = lp->diagnostics.size() == 1 && lp->diagnostics[0].where.line == 0 ? 2 : 1;
  }
  return !broken;
}

}  // namespace

// ============================================================================
// [SECTION] check
// ============================================================================

int run_check_program(const CheckOptions& options) {
  const deck::ProgramResult r = deck::load_program(options.deck);
  const bool errors = print_program(r);
  const deck::Program& p = r.program;
  int code = errors ? 1 : 0;
  if (!errors && options.strict && count_severity(r.diagnostics, Severity::kWarning) > 0) code = 1;
  if (r.diagnostics.size() == 1 && r.diagnostics[0].where.line == 0) return 2;
  // Every deck, as `madang check DECK` says it (each at its own place).
  int decks_failed = 0;
  std::vector<std::string> checked;
  for (const deck::ProgramItem& item : p.items) {
    if (item.is_break || item.deck_path.empty()) continue;
    if (std::find(checked.begin(), checked.end(), item.deck_path) != checked.end()) continue;
    checked.push_back(item.deck_path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(item.deck_path, ec)) continue;  // said in the program
    CheckOptions one = options;
    one.deck = item.deck_path;
    const int c = run_check(one);
    if (c != 0) ++decks_failed;
    code = std::max(code, c == 2 ? 1 : c);
  }
  double total = 0;
  for (const deck::ProgramItem& item : p.items) total += item.seconds;
  std::printf(
      "%s: %s and %s, %s planned; %s, %s\n", options.deck.c_str(),
      base::count_text(p.talk_count(), "talk").c_str(),
      base::count_text(static_cast<long long>(p.items.size()) - p.talk_count(), "break").c_str(),
      base::clock_text(total).c_str(),
      base::count_text(count_severity(r.diagnostics, Severity::kError), "error").c_str(),
      base::count_text(decks_failed, "deck with problems", "decks with problems").c_str());
  return code;
}

// ============================================================================
// [SECTION] export --pdf
// ============================================================================

namespace {

// A card as a page: the slide's size, or on an A4 handout page in the
// slide's box (--notes).
render::PdfPage card_page(text::FontSystem& fonts, const LoadedProgram& lp, std::size_t i,
                          bool notes) {
  const layout::Size size = slide_size_of(card_deck(lp, i));
  layout::DisplayList list =
      layout::layout_forum_card(fonts, program_card_theme(lp, static_cast<int>(i)),
                                program_card(lp, static_cast<int>(i)), size);
  render::PdfPage page;
  if (notes) {
    page.width = layout::kHandoutWidthPt;
    page.height = layout::kHandoutHeightPt;
    const float margin = 40;
    const float scale = (page.width - 2 * margin) / static_cast<float>(size.width);
    page.placements.push_back({std::move(list), margin, margin, scale});
  } else {
    page.width = static_cast<float>(size.width) / 2;
    page.height = static_cast<float>(size.height) / 2;
    page.placements.push_back({std::move(list), 0, 0, 0.5f});
  }
  return page;
}

std::string chapter_of(const deck::ProgramItem& item, double slot_s) {
  if (item.is_break) {
    return "휴식 · Break" + (slot_s > 0 ? " (" + base::clock_text(slot_s) + ")" : std::string());
  }
  std::string s = std::to_string(item.talk) + ". " + item.title;
  if (!item.speaker.empty()) s += " — " + item.speaker;
  return s;
}

int export_program_pdf(const ExportOptions& options, const LoadedProgram& lp) {
  auto fonts = program_fonts(lp);
  if (std::string no_font = no_usable_font(*fonts); !no_font.empty()) {
    std::fprintf(stderr, "madang export: %s; nothing exported\n", no_font.c_str());
    return 2;
  }
  text::GlyphCache glyphs(*fonts);
  render::ImageCache images;
  render::PdfWriter writer(*fonts, glyphs, images);
  const deck::Program& p = lp.program;
  render::PdfMetadata meta;
  meta.title = p.title;
  std::vector<std::string> speakers;
  for (const deck::ProgramItem& item : p.items) {
    if (!item.is_break && !item.speaker.empty() &&
        std::find(speakers.begin(), speakers.end(), item.speaker) == speakers.end())
      speakers.push_back(item.speaker);
  }
  for (const std::string& s : speakers) meta.author += (meta.author.empty() ? "" : ", ") + s;
  meta.subject = p.date;
  if (!p.place.empty()) meta.subject += (meta.subject.empty() ? "" : " · ") + p.place;
  for (const deck::ProgramItem& item : p.items) {
    if (!item.is_break) meta.keywords += (meta.keywords.empty() ? "" : "; ") + item.title;
  }
  meta.creator = std::string("Madang ") + MADANG_VERSION;
  meta.date = source_date_epoch_iso8601();
  std::string error;
  if (!writer.open(options.pdf_file, meta, &error)) {
    std::fprintf(stderr, "madang export: cannot write %s: %s\n", options.pdf_file.c_str(),
                 error.c_str());
    return 2;
  }
  Diagnostics said;
  int breaks = 0;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const deck::ProgramItem& item = p.items[i];
    render::PdfPage card = card_page(*fonts, lp, i, options.notes);
    card.chapter = chapter_of(item, lp.slot_s[i]);
    // A talk's card is its page 0 ("2-0"): its slides are "2-1", "2-2", ...
    card.label =
        item.is_break ? "break-" + std::to_string(++breaks) : std::to_string(item.talk) + "-0";
    writer.add_page(std::move(card));
    if (item.is_break) continue;
    const deck::Deck& deck = lp.decks[i].parsed.deck;
    PdfExportJob job;
    job.notes = options.notes;
    job.steps = options.steps;
    for (int s = 0; s < static_cast<int>(deck.slides.size()); ++s) job.slides.push_back(s);
    for (render::PdfPage& page : slide_pages(*fonts, deck, job, &said)) {
      page.label = std::to_string(item.talk) + "-" + page.label;
      writer.add_page(std::move(page));
    }
  }
  const int pages = writer.page_count();
  if (!writer.finish(&error)) {
    print_in_order(said);
    std::fprintf(stderr, "madang export: cannot write %s: %s\n", options.pdf_file.c_str(),
                 error.c_str());
    return 2;
  }
  print_in_order(said);
  std::printf("%s: %s, %s exported to %s\n", options.deck.c_str(),
              base::count_text(p.talk_count(), "talk").c_str(),
              base::count_text(pages, "page").c_str(), options.pdf_file.c_str());
  return 0;
}

// ============================================================================
// [SECTION] export --png
// ============================================================================

int export_program_png(const ExportOptions& options, const LoadedProgram& lp) {
  layout::Size size;
  if (!parse_size("export", options.size.empty() ? "1920x1080" : options.size, &size)) return 2;
  if (!make_output_folder("export", options.png_dir)) return 2;
  auto fonts = program_fonts(lp);
  text::GlyphCache glyphs(*fonts);
  render::ImageCache images;
  render::HeadlessRenderer renderer(glyphs, images);
  render::PngWriter png;
  const deck::Program& p = lp.program;
  int breaks = 0;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const deck::ProgramItem& item = p.items[i];
    char name[32];
    if (item.is_break) {
      std::snprintf(name, sizeof name, "break-%02d.png", ++breaks);
    } else {
      std::snprintf(name, sizeof name, "talk-%02d", item.talk);
    }
    const std::filesystem::path folder = std::filesystem::path(options.png_dir) / name;
    const std::string card_path = item.is_break ? folder.string() : (folder / "card.png").string();
    if (!item.is_break) {
      // The talk's slides, as `export DECK --png` writes them (each deck at
      // its own aspect within --size's width).
      ExportOptions one = options;
      one.deck = item.deck_path;
      one.png_dir = folder.string();
      one.pdf_file.clear();
      one.notes = one.steps = false;  // the PDF's
      const int code = run_export(one);
      if (code != 0) return code;
    }
    const layout::DisplayList card =
        layout::layout_forum_card(*fonts, program_card_theme(lp, static_cast<int>(i)),
                                  program_card(lp, static_cast<int>(i)), size);
    std::string error;
    if (!png.write(renderer.render_view(card), card_path, &error)) {
      std::fprintf(stderr, "madang export: cannot write %s: %s\n", card_path.c_str(),
                   error.c_str());
      return 2;
    }
  }
  std::printf("%s: %s exported to %s, a folder per talk\n", options.deck.c_str(),
              base::count_text(p.talk_count(), "talk").c_str(), options.png_dir.c_str());
  return 0;
}

}  // namespace

int run_export_program(const ExportOptions& options) {
  if (options.console) {
    std::fprintf(stderr, "madang export: --console is for a deck, not a program\n");
    return 2;
  }
  if (!options.slides.empty() || !options.select.empty()) {
    std::fprintf(stderr, "madang export: --slides and --select are for a deck, not a program\n");
    return 2;
  }
  LoadedProgram lp;
  int code = 0;
  if (!load_for_program_export(options.deck, options.pdf, &lp, &code)) return code;
  if (!options.pdf_file.empty()) code = export_program_pdf(options, lp);
  if (code == 0 && !options.png_dir.empty()) code = export_program_png(options, lp);
  return code;
}

// ============================================================================
// [SECTION] layout --console --json
// ============================================================================

namespace {

const char* state_name(layout::ProgramRow::State s) {
  switch (s) {
    case layout::ProgramRow::State::kDone:
      return "done";
    case layout::ProgramRow::State::kCurrent:
      return "current";
    case layout::ProgramRow::State::kNext:
      return "next";
    default:
      return "later";
  }
}

}  // namespace

int run_layout_program(const LayoutOptions& options) {
  layout::Size size;
  if (!parse_size("layout", options.size, &size)) return 2;
  double elapsed_s = 0;
  if (!options.scene.elapsed.empty() && !deck::parse_duration(options.scene.elapsed, &elapsed_s)) {
    std::fprintf(stderr, "madang layout: --elapsed must be a length of time, %s (got '%s')\n",
                 deck::kDurationForms, options.scene.elapsed.c_str());
    return 2;
  }
  // The wall clock: --clock, else now.
  const std::string wall =
      options.scene.clock.empty()
          ? base::calendar_text(base::unix_now(), "%H:%M", base::TimeZone::kLocal)
          : options.scene.clock;
  int h = -1, m = -1;
  if (std::sscanf(wall.c_str(), "%d:%d", &h, &m) != 2 || h < 0 || h > 23 || m < 0 || m > 59) {
    std::fprintf(stderr, "madang layout: --clock must be HH:MM (got '%s')\n", wall.c_str());
    return 2;
  }
  const double now_s = h * 3600.0 + m * 60.0;
  LoadedProgram lp = load_program_decks(options.deck, options.pdf);
  const deck::Program& p = lp.program;
  const int item = p.item_of_talk(options.talk);
  if (item < 0) {
    print_in_order(lp.diagnostics);
    std::fprintf(stderr, "madang layout: --talk %d: the program has %s\n", options.talk,
                 base::count_text(p.talk_count(), "talk").c_str());
    return 2;
  }
  show::ForumClock clock;
  clock.item = item;
  clock.slot_s = lp.slot_s;
  clock.took_s = lp.slot_s;  // the items before it took their slots
  clock.elapsed_s = elapsed_s;
  clock.started = !options.scene.elapsed.empty();
  clock.now_s = now_s;
  for (const ProgramDeck& d : lp.decks) clock.missing.push_back(!d.loaded);
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].is_break) clock.missing[i] = false;
  }
  const layout::ProgramPanel panel = show::program_panel(p, clock);
  const auto fonts = program_fonts(lp);
  const layout::DisplayList list = layout::layout_program_panel(*fonts, panel, size);

  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < panel.rows.size(); ++i) {
    const layout::ProgramRow& r = panel.rows[i];
    const deck::ProgramItem& it = p.items[i];
    nlohmann::json row = {{"kind", r.is_break ? "break" : "talk"},
                          {"at", r.at},
                          {"slot", r.slot},
                          {"slot_s", lp.slot_s[i]},
                          {"state", state_name(r.state)},
                          {"took", r.took},
                          {"line", it.line}};
    if (!r.is_break) {
      row["talk"] = r.talk;
      row["title"] = r.title;
      row["speaker"] = it.speaker;
      row["affiliation"] = it.affiliation;
      row["deck"] = it.deck;
      row["loaded"] = lp.decks[i].loaded;
      if (!lp.decks[i].loaded) row["problem"] = lp.decks[i].problem;
    }
    rows.push_back(std::move(row));
  }
  const show::TimeCardUp card =
      show::time_card_up(p.time_cards, lp.slot_s[static_cast<std::size_t>(item)], elapsed_s);
  nlohmann::json out = {{"size", nlohmann::json::array({size.width, size.height})},
                        {"program",
                         {{"title", p.title},
                          {"date", p.date},
                          {"place", p.place},
                          {"start", p.start},
                          {"time_cards", p.time_cards},
                          {"talk", options.talk},
                          {"rows", std::move(rows)},
                          {"countdown", panel.countdown},
                          {"countdown_mood", layout::mood_name(panel.countdown_mood)},
                          {"planned_end", panel.planned_end},
                          {"expected_end", panel.expected_end},
                          {"drift", panel.drift},
                          {"drift_s", show::program_drift_s(p, clock)},
                          {"drift_mood", layout::mood_name(panel.drift_mood)},
                          {"time_card", card.minutes}}},
                        {"items", list_json(*fonts, list)}};
  Diagnostics all = lp.diagnostics;
  for (const ProgramDeck& d : lp.decks) {
    for (const Diagnostic& diag : d.parsed.diagnostics) all.push_back(diag);
  }
  return print_layout_json(out, all);
}

}  // namespace madang::app
