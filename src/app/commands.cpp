// The batch subcommands: check, export, layout. (present lives in present.cpp.)
//
// [SECTION] check
// [SECTION] export
// [SECTION] layout --json

#include "app/commands.h"
#include "app/cli_support.h"
#include "app/layout_json.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "deck/parse.h"
#include "diagram/interaction.h"
#include "layout/layout.h"
#include "render/headless.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::app {

// ============================================================================
// [SECTION] check
// ============================================================================

int run_check(const CheckOptions& options) {
  deck::ParseResult result = deck::load_deck(options.deck);
  if (!unreadable(result) && !has_errors(result.diagnostics) && !result.deck.slides.empty()) {
    // Lay every slide out once, fully revealed: text that does not fit and
    // characters no font has are problems of the deck too.
    auto fonts = make_fonts(result.deck, &result.diagnostics);
    for (int i = 0; i < static_cast<int>(result.deck.slides.size()); ++i) {
      layout::SlideLayout l = layout::layout_slide(*fonts, result.deck, i, {}, layout::Size{});
      for (Diagnostic& d : l.diagnostics) result.diagnostics.push_back(std::move(d));
    }
  }
  print_diagnostics(result.diagnostics);
  const int errors = count_severity(result.diagnostics, Severity::kError);
  const int warnings = count_severity(result.diagnostics, Severity::kWarning);
  std::printf("%s: %zu slides, %d errors, %d warnings\n", options.deck.c_str(),
              result.deck.slides.size(), errors, warnings);
  if (unreadable(result)) return 2;
  if (errors > 0 || (options.strict && warnings > 0)) return 1;
  return 0;
}

// ============================================================================
// [SECTION] export
// ============================================================================

int run_export(const ExportOptions& options) {
  if (options.console) return run_export_console(options);
  layout::Size size;
  if (!parse_size("export", options.size, &size)) return 2;
  deck::ParseResult parsed;
  std::vector<int> slides;
  int code = 0;
  if (!load_for_export("export", options.deck, options.slides, &parsed, &slides, &code)) {
    return code;
  }
  const deck::Deck& deck = parsed.deck;
  std::error_code ec;
  std::filesystem::create_directories(options.png_dir, ec);
  if (ec) {
    std::fprintf(stderr, "madang export: cannot create %s: %s\n", options.png_dir.c_str(),
                 ec.message().c_str());
    return 2;
  }
  const std::vector<std::string> select = split_ids(options.select);

  // Slides are independent: each worker has its own fonts and caches (they
  // are not thread-safe) and takes the next slide from a shared counter.
  const unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                           static_cast<unsigned>(slides.size())));
  std::atomic<std::size_t> next{0};
  std::mutex report_mutex;
  Diagnostics layout_diagnostics;
  std::vector<std::string> failures;
  auto work = [&] {
    auto fonts = make_fonts(deck, nullptr);
    text::GlyphCache glyphs(*fonts);
    render::ImageCache images;
    render::HeadlessRenderer renderer(glyphs, images);
    render::PngWriter png;
    for (std::size_t k = next++; k < slides.size(); k = next++) {
      const int index = slides[k];
      // --select leaves the slide exactly as the same clicks would.
      const layout::SlideState state =
          diagram::select_ids(deck.slides[static_cast<std::size_t>(index)], {}, select);
      layout::SlideLayout l = layout::layout_slide(*fonts, deck, index, state, size);
      render::RgbaImage image = renderer.render(l.list);
      char name[32];
      std::snprintf(name, sizeof name, "slide-%02d.png", index + 1);
      const std::string path = (std::filesystem::path(options.png_dir) / name).string();
      std::string write_error;
      const bool ok = png.write(image, path, &write_error);
      std::lock_guard lock(report_mutex);
      for (Diagnostic& d : l.diagnostics) layout_diagnostics.push_back(std::move(d));
      if (!ok) failures.push_back(path + ": " + write_error);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();

  print_diagnostics(layout_diagnostics);
  for (const std::string& f : failures) {
    std::fprintf(stderr, "madang export: cannot write %s\n", f.c_str());
  }
  if (!failures.empty()) return 2;
  std::printf("%s: %zu slides exported to %s (%dx%d)\n", options.deck.c_str(), slides.size(),
              options.png_dir.c_str(), size.width, size.height);
  return 0;
}

// ============================================================================
// [SECTION] layout --json
// ============================================================================

namespace {

nlohmann::json slide_json(const text::FontSystem& fonts, int index, const layout::SlideLayout& l) {
  return {{"index", index + 1}, {"scale", l.scale}, {"items", list_json(fonts, l.list)}};
}

}  // namespace

int run_layout(const LayoutOptions& options) {
  if (options.console) return run_layout_console(options);
  layout::Size size;
  if (!parse_size("layout", options.size, &size)) return 2;
  deck::ParseResult parsed;
  if (!load_for_layout(options.deck, options.slide, &parsed)) return 2;
  const int count = static_cast<int>(parsed.deck.slides.size());
  auto fonts = make_fonts(parsed.deck, &parsed.diagnostics);
  const std::vector<std::string> select = split_ids(options.select);
  nlohmann::json slides = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    if (options.slide > 0 && i != options.slide - 1) continue;
    const layout::SlideState state =
        diagram::select_ids(parsed.deck.slides[static_cast<std::size_t>(i)], {}, select);
    layout::SlideLayout l = layout::layout_slide(*fonts, parsed.deck, i, state, size);
    slides.push_back(slide_json(*fonts, i, l));
    for (Diagnostic& d : l.diagnostics) parsed.diagnostics.push_back(std::move(d));
  }
  return print_layout_json(
      {{"size", nlohmann::json::array({size.width, size.height})}, {"slides", std::move(slides)}},
      parsed.diagnostics);
}

}  // namespace madang::app
