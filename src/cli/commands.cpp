// The batch subcommands: check, export, layout. (present lives in present.cpp.)
//
// [SECTION] check
// [SECTION] export
// [SECTION] layout --json

#include "cli/commands.h"
#include "cli/cli_support.h"
#include "cli/layout_json.h"
#include "cli/program_commands.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base/count_text.h"
#include "cli/export_pdf.h"
#include "deck/parse.h"
#include "deck/program.h"
#include "diagram/elements.h"
#include "diagram/interaction.h"
#include "ink/ink_list.h"
#include "layout/layout.h"
#include "layout/stats.h"
#include "render/headless.h"
#include "render/image.h"
#include "session/deck_loading.h"
#include "session/ink_store.h"
#include "text/text.h"

namespace madang::app {

// ============================================================================
// [SECTION] check
// ============================================================================

namespace {

// "talk.md:12:1: video clip.mp4: h264 1920x1080 30 fps, aac 48 kHz stereo,
// 1:05": each clip the deck could read, at its place, with what its header
// says (deck/images.h probed it). A clip that could not be read was a warning.
void add_clip_line(const deck::Deck& deck, const deck::Image& image, int line, int column,
                   std::vector<std::string>* out) {
  if (!image.is_clip() || image.resolved.empty() || image.media.codec.empty()) return;
  const char* kind = image.media.kind == deck::MediaKind::kVideo ? "video" : "audio";
  out->push_back(deck.path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                 kind + " " + image.src + ": " + image.media.codec);
}

void add_block_clip_lines(const deck::Deck& deck, const std::vector<deck::Block>& blocks,
                          std::vector<std::string>* out) {
  for (const deck::Block& b : blocks) {
    if (b.kind == deck::BlockKind::kImage) add_clip_line(deck, b.image, b.line, b.column, out);
    add_block_clip_lines(deck, b.children, out);
    for (const deck::ListItem& item : b.items) add_block_clip_lines(deck, item.blocks, out);
  }
}

std::vector<std::string> clip_lines(const deck::Deck& deck) {
  std::vector<std::string> lines;
  for (const deck::Slide& slide : deck.slides) {
    for (const deck::BackgroundImage& bg : slide.background.images)
      add_clip_line(deck, bg.image, bg.line, bg.column, &lines);
    add_block_clip_lines(deck, slide.blocks, &lines);
  }
  return lines;
}

}  // namespace

int run_check(const CheckOptions& options) {
  if (deck::is_program_path(options.deck)) return run_check_program(options);  // forum.yaml
  deck::ParseOptions parse_options;
  parse_options.pdf = options.pdf;
  deck::ParseResult result = deck::load_deck(options.deck, parse_options);
  std::vector<layout::SlideStats> stats;
  const std::vector<std::string> clips = clip_lines(result.deck);
  if (!unreadable(result) && !has_errors(result.diagnostics) && !result.deck.slides.empty()) {
    // Decode every image and lay every slide out once, fully revealed: an
    // image that cannot be shown, text that does not fit and characters no
    // font has are problems of the deck too.
    check_images(&result.deck, &result.diagnostics);
    auto fonts = make_fonts(result.deck, &result.diagnostics);
    if (std::string error = no_usable_font(*fonts); !error.empty()) {
      result.diagnostics.push_back(font_error(result.deck, std::move(error)));
    } else {
      for (int i = 0; i < static_cast<int>(result.deck.slides.size()); ++i) {
        layout::SlideLayout l = layout::layout_slide(*fonts, result.deck, i, {}, layout::Size{});
        if (options.stats)
          stats.push_back(layout::slide_stats(l, result.deck.slides[static_cast<std::size_t>(i)]));
        for (Diagnostic& d : l.diagnostics) result.diagnostics.push_back(std::move(d));
      }
    }
  }
  // Every stage's diagnostics together: repeats fold, the total is capped.
  DiagnosticLog log;
  log.add_all(std::move(result.diagnostics));
  result.diagnostics = log.finish();
  sort_by_place(&result.diagnostics);  // in the file's order, as export prints them
  print_diagnostics(result.diagnostics);
  if (options.stats && !stats.empty()) std::printf("%s", layout::stats_table(stats).c_str());
  for (const std::string& line : clips) std::printf("%s\n", line.c_str());
  // A PDF deck: how its pages became slides, and where the notes came from.
  if (const deck::PdfDeck& pdf = result.deck.pdf; pdf.source) {
    std::printf(
        "%s: %s as %s; notes: %s\n", options.deck.c_str(),
        base::count_text(static_cast<long long>(pdf.page_slide.size()), "page").c_str(),
        base::count_text(static_cast<long long>(result.deck.slides.size()), "slide").c_str(),
        pdf.notes_from.empty()       ? "none found"
        : pdf.notes_from == "beamer" ? "Beamer's notes pages"
                                     : ("from " + pdf.notes_from).c_str());
  }
  const int errors = count_severity(result.diagnostics, Severity::kError);
  const int warnings = count_severity(result.diagnostics, Severity::kWarning);
  std::printf("%s: %s, %s, %s\n", options.deck.c_str(),
              base::count_text(static_cast<long long>(result.deck.slides.size()), "slide").c_str(),
              base::count_text(errors, "error").c_str(),
              base::count_text(warnings, "warning").c_str());
  if (unreadable(result)) return 2;
  if (errors > 0 || (options.strict && warnings > 0)) return 1;
  return 0;
}

// ============================================================================
// [SECTION] export
// ============================================================================

namespace {

// What every sink gets: the parsed deck and the slides to write.
struct ExportJob {
  const ExportOptions& options;
  const deck::Deck& deck;
  std::vector<int> slides;  // 0-based, in order
  std::vector<std::string> select;
  // The fonts run_export checked can draw text; the PNG sink's main worker
  // takes them rather than loading them again.
  mutable std::unique_ptr<text::FontSystem> fonts;
  // What the deck, the fonts and the sinks said, printed once at the end.
  mutable Diagnostics said;
  ink::Document ink;  // --ink: the strokes drawn over the slides (empty: none)
};

// What a PNG export's worker keeps of decoded pictures between slides (a
// window's cache keeps 512 MB): a background that repeats (a 12-megapixel
// photo at 1080p is 12 MB) and a logo; the picture just decoded always stays.
constexpr std::size_t kExportImageBudget = 16u << 20;

// `--png DIR`: one PNG per slide. Slides are independent: each worker has its
// own fonts and caches (they are not thread-safe) and takes the next slide
// from a shared counter; the first failed write stops them all.
int export_png(const ExportJob& job) {
  const ExportOptions& options = job.options;
  const deck::Deck& deck = job.deck;
  const std::vector<int>& slides = job.slides;
  layout::Size size;
  if (!parse_size("export", options.size.empty() ? "1920x1080" : options.size, &size)) return 2;
  if (!make_output_folder("export", options.png_dir)) return 2;

#if defined(__GLIBC__)
  // glibc raises its mmap threshold after the first large free, after which
  // the per-slide megabyte buffers come from the thread arenas and are never
  // given back; a fixed threshold keeps them in mmap (lecture: 8 MB less peak).
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  const unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                           static_cast<unsigned>(slides.size())));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex report_mutex;
  DiagnosticLog layout_diagnostics;  // every slide's, folded and capped
  std::string failure;
  int failure_index = -1;  // the first slide that failed, whichever worker saw it first
  auto work = [&](std::unique_ptr<text::FontSystem> fonts) {
    if (!fonts) fonts = make_fonts(deck, nullptr);
    text::GlyphCache glyphs(*fonts);
    // Slides take turns between the workers and each is drawn once: a worker
    // keeps only what its next slide may draw again (a logo, a background
    // that repeats), not the deck's every photo. A picture's texture (an
    // image's, a PDF page's) goes with the render that drew it, a repeated
    // one copied again from the cache, not decoded again; decoded pictures
    // past kExportImageBudget go, the oldest first. (Ten photo backgrounds:
    // 166 MB at the peak, not 346, in the same time.)
    render::ImageCache images(kExportImageBudget);
    render::HeadlessRenderer renderer(glyphs, images);
    renderer.set_image_texture_draws(-1);
    render::PngWriter png;
    for (std::size_t k = next++; k < slides.size() && !failed; k = next++) {
      const int index = slides[k];
      // --select leaves the slide exactly as the same clicks would.
      const layout::SlideState state =
          diagram::select_ids(deck.slides[static_cast<std::size_t>(index)], {}, job.select);
      layout::SlideLayout l = layout::layout_slide(*fonts, deck, index, state, size);
      // --ink: the strokes shown at the slide's step, the highlighter under the text.
      if (const auto strokes = ink::visible_strokes(job.ink, index, state.step); !strokes.empty())
        l.list = ink::with_ink(l.list, strokes);
      const render::RgbaView image = renderer.render_view(l.list);
      char name[32];
      std::snprintf(name, sizeof name, "slide-%02d.png", index + 1);
      const std::string path = (std::filesystem::path(options.png_dir) / name).string();
      std::string write_error;
      const bool ok = png.write(image, path, &write_error);
      std::lock_guard lock(report_mutex);
      layout_diagnostics.add_all(std::move(l.diagnostics));
      if (!ok && (failure_index < 0 || index < failure_index)) {
        failure_index = index;
        failure = path + ": " + write_error;
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work, nullptr);
  work(std::move(job.fonts));
  for (std::thread& t : threads) t.join();

  for (Diagnostic& d : layout_diagnostics.finish()) job.said.push_back(std::move(d));
  if (failed) {
    std::fprintf(stderr, "madang export: cannot write %s\n", failure.c_str());
    return 2;
  }
  std::printf("%s: %s exported to %s (%dx%d)\n", options.deck.c_str(),
              base::count_text(static_cast<long long>(slides.size()), "slide").c_str(),
              options.png_dir.c_str(), size.width, size.height);
  return 0;
}

// `--pdf FILE`: one vector PDF (cli/export_pdf.h).
int export_pdf_file(const ExportJob& job) {
  PdfExportJob pdf;
  pdf.path = job.options.pdf_file;
  pdf.slides = job.slides;
  pdf.select = job.select;
  pdf.steps = job.options.steps;
  pdf.notes = job.options.notes;
  pdf.ink = &job.ink;
  pdf.date = source_date_epoch_iso8601();  // reproducible files when it is set
  PdfExportResult r = export_pdf(job.deck, pdf);
  for (Diagnostic& d : r.diagnostics) job.said.push_back(std::move(d));
  if (!r.error.empty()) {
    std::fprintf(stderr, "madang export: cannot write %s: %s\n", pdf.path.c_str(), r.error.c_str());
    return 2;
  }
  // The PDF may be going to stdout itself: the summary goes to stderr then.
  const bool piped = pdf.path == "/dev/stdout" || pdf.path == "/dev/fd/1";
  std::fprintf(piped ? stderr : stdout, "%s: %s exported to %s\n", job.options.deck.c_str(),
               base::count_text(r.pages, "page").c_str(), pdf.path.c_str());
  return 0;
}

// The export formats, like hb-view's output formats: the option naming the
// output, which of the shared options make sense for it, and the sink.
struct ExportSink {
  const char* option;
  std::string ExportOptions::*output;
  bool takes_size;   // --size: pixels (PDF pages are in points)
  bool takes_pages;  // --steps, --notes: page-based output
  int (*run)(const ExportJob&);
};

constexpr ExportSink kExportSinks[] = {
    {"--png", &ExportOptions::png_dir, true, false, export_png},
    {"--pdf", &ExportOptions::pdf_file, false, true, export_pdf_file},
};

// Options that no requested sink takes are usage errors, said before any work.
bool check_export_options(const ExportOptions& options) {
  bool any = false, size = false, pages = false;
  for (const ExportSink& sink : kExportSinks) {
    if ((options.*sink.output).empty()) continue;
    any = true;
    size |= sink.takes_size;
    pages |= sink.takes_pages;
  }
  const char* problem = nullptr;
  if (!any)
    problem = "give --png DIR or --pdf FILE (or both)";
  else if (!options.size.empty() && !size)
    problem = "--size is for --png (PDF pages are in points)";
  else if ((options.steps || options.notes) && !pages)
    problem = "--steps and --notes are for --pdf";
  else if (options.console && options.png_dir.empty())
    problem = "--console is for --png";
  if (problem) std::fprintf(stderr, "madang export: %s\n", problem);
  return problem == nullptr;
}

// An id given to --select that no exported slide's diagram has: an error
// that lists the ids those slides do have (a typo would otherwise export the
// slide unselected and exit 0).
bool check_select(const deck::Deck& deck, const std::vector<int>& slides,
                  const std::vector<std::string>& select) {
  std::vector<std::string> known;
  for (int index : slides) {
    for (const diagram::Element& e :
         diagram::elements_of(deck.slides[static_cast<std::size_t>(index)])) {
      if (std::find(known.begin(), known.end(), e.id) == known.end()) known.push_back(e.id);
    }
  }
  bool ok = true;
  for (const std::string& id : select) {
    if (std::find(known.begin(), known.end(), id) != known.end()) continue;
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
    std::fprintf(stderr,
                 "madang export: --select: no diagram element '%s' on the exported slides (%s)\n",
                 id.c_str(), list.empty() ? "they have no diagram" : ("ids: " + list).c_str());
    ok = false;
  }
  return ok;
}

}  // namespace

int run_export(const ExportOptions& options) {
  if (!check_export_options(options)) return 2;
  if (deck::is_program_path(options.deck)) return run_export_program(options);  // forum.yaml
  if (options.console) {  // the presenter console, as PNGs (cli/console_export.cpp)
    ExportOptions console = options;
    if (console.size.empty()) console.size = "1920x1080";
    return run_export_console(console);
  }
  deck::ParseResult parsed;
  ExportJob job{options, parsed.deck, {}, split_ids(options.select)};
  int code = 0;
  if (!load_for_export("export", options.deck, options.slides, &parsed, &job.slides, &code,
                       options.pdf))
    return code;
  job.said = parsed.diagnostics;
  if (options.ink) {
    // Read only: a damaged sidecar is said and left where it is.
    const std::string path =
        ink_path(options.deck, options.ink_file.empty() ? "" : options.ink_file);
    std::vector<std::string> warnings;
    const std::vector<ink::SlideTag> slides = slide_tags(parsed.deck);
    job.ink = load_ink(path, &warnings, false, &slides);
    for (const std::string& w : warnings) std::fprintf(stderr, "madang export: %s\n", w.c_str());
  }
  if (!check_select(parsed.deck, job.slides, job.select)) {
    print_in_order(job.said);
    return 2;
  }
  // Without any font every slide would be written blank: stop and say what
  // to install.
  job.fonts = make_fonts(parsed.deck, &job.said);
  if (std::string no_font = no_usable_font(*job.fonts); !no_font.empty()) {
    job.said.push_back(font_error(parsed.deck, no_font));
    print_in_order(job.said);
    std::fprintf(stderr, "madang export: %s; nothing exported\n", no_font.c_str());
    return 2;
  }
  for (const ExportSink& sink : kExportSinks) {
    if ((options.*sink.output).empty()) continue;
    code = sink.run(job);
    if (code != 0) break;
  }
  print_in_order(job.said);
  return code;
}

// ============================================================================
// [SECTION] layout --json
// ============================================================================

namespace {

nlohmann::json slide_json(const text::FontSystem& fonts, const deck::Deck& deck, int index,
                          const layout::SlideLayout& l) {
  nlohmann::json out = {
      {"index", index + 1}, {"scale", l.scale}, {"items", list_json(fonts, l.list)}};
  // A PDF deck's slide: its pages, its text and notes as read (the items
  // hold the page, not its words).
  const deck::Slide& slide = deck.slides[static_cast<std::size_t>(index)];
  if (!slide.pdf_pages.empty()) {
    nlohmann::json pages = nlohmann::json::array();
    for (int page : slide.pdf_pages) pages.push_back(page + 1);
    out["pdf"] = {{"pages", std::move(pages)},
                  {"title", slide.pdf_title},
                  {"text", slide.pdf_text},
                  {"notes", slide.notes},
                  {"notes_source", slide.notes_source}};
  }
  return out;
}

}  // namespace

int run_layout(const LayoutOptions& options) {
  if (deck::is_program_path(options.deck)) return run_layout_program(options);  // forum.yaml
  if (options.console) return run_layout_console(options);
  layout::Size size;
  if (!parse_size("layout", options.size, &size)) return 2;
  deck::ParseResult parsed;
  if (!load_for_layout(options.deck, options.slide, &parsed, options.pdf)) return 2;
  const int count = static_cast<int>(parsed.deck.slides.size());
  auto fonts = make_fonts(parsed.deck, &parsed.diagnostics);
  if (std::string error = no_usable_font(*fonts); !error.empty()) {
    parsed.diagnostics.push_back(font_error(parsed.deck, error));
    print_diagnostics(parsed.diagnostics);
    std::fprintf(stderr, "madang layout: %s\n", error.c_str());
    return 2;
  }
  const std::vector<std::string> select = split_ids(options.select);
  nlohmann::json slides = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    if (options.slide > 0 && i != options.slide - 1) continue;
    const layout::SlideState state =
        diagram::select_ids(parsed.deck.slides[static_cast<std::size_t>(i)], {}, select);
    layout::SlideLayout l = layout::layout_slide(*fonts, parsed.deck, i, state, size);
    slides.push_back(slide_json(*fonts, parsed.deck, i, l));
    for (Diagnostic& d : l.diagnostics) parsed.diagnostics.push_back(std::move(d));
  }
  DiagnosticLog log;  // every stage's, folded and capped
  log.add_all(std::move(parsed.diagnostics));
  return print_layout_json(
      {{"size", nlohmann::json::array({size.width, size.height})}, {"slides", std::move(slides)}},
      log.finish());
}

}  // namespace madang::app
