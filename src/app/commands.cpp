// The batch subcommands: check, export, layout. (present lives in present.cpp.)
//
// [SECTION] Shared: loading, sizes, slide lists
// [SECTION] check
// [SECTION] export
// [SECTION] layout --json

#include "app/commands.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/image_check.h"
#include "deck/parse.h"
#include "diagram/interaction.h"
#include "layout/layout.h"
#include "render/headless.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::app {

// ============================================================================
// [SECTION] Shared: loading, sizes, slide lists
// ============================================================================

namespace {

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

// A deck that could not be read at all: one error on line 0 and no slides.
bool unreadable(const deck::ParseResult& r) {
  return r.deck.slides.empty() && !r.diagnostics.empty() && r.diagnostics.front().where.line == 0 &&
         r.diagnostics.front().severity == Severity::kError;
}

// "1920x1080"; a bad size is reported as `madang COMMAND: ...`.
bool parse_size(const char* command, const std::string& text, layout::Size* size) {
  int w = 0, h = 0;
  char x = 0;
  std::istringstream in(text);
  if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 16 || h < 16 || w > 16384 ||
      h > 16384) {
    std::fprintf(stderr, "madang %s: --size must be WxH, e.g. 1920x1080 (got '%s')\n", command,
                 text.c_str());
    return false;
  }
  *size = layout::Size{w, h};
  return true;
}

// "1,3-5" -> {0, 2, 3, 4} (0-based), checked against the slide count.
bool parse_slide_list(const std::string& text, int count, std::vector<int>* out,
                      std::string* error) {
  out->clear();
  if (text.empty()) {
    for (int i = 0; i < count; ++i) out->push_back(i);
    return true;
  }
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    int a = 0, b = 0;
    const auto dash = part.find('-');
    try {
      a = std::stoi(part.substr(0, dash));
      b = dash == std::string::npos ? a : std::stoi(part.substr(dash + 1));
    } catch (...) {
      *error = "not a slide list: '" + text + "' (expected e.g. 1,3-5)";
      return false;
    }
    if (a < 1 || b < a || b > count) {
      *error = "slide range '" + part + "' is outside 1-" + std::to_string(count);
      return false;
    }
    for (int i = a; i <= b; ++i) out->push_back(i - 1);
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return true;
}

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::istringstream in(text);
  std::string id;
  while (std::getline(in, id, ',')) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

// The deck's fonts. A problem with one of its `fonts` entries (an unknown
// family, a file that is not a font) is a warning at that entry; a default
// font that is not installed is named by layout where text needs it.
std::unique_ptr<text::FontSystem> make_fonts(const deck::Deck& deck, Diagnostics* diagnostics) {
  std::vector<text::FontProblem> problems;
  auto fonts = text::FontSystem::create(deck.meta.fonts, &problems);
  if (diagnostics) {
    for (text::FontProblem& p : problems) {
      const auto& places = deck.meta.font_places;
      const auto [line, column] = p.family >= 0 && p.family < static_cast<int>(places.size())
                                      ? places[static_cast<std::size_t>(p.family)]
                                      : std::pair<int, int>{1, 1};
      diagnostics->push_back(Diagnostic{SourceLocation{deck.path, line, column}, Severity::kWarning,
                                        std::move(p.message)});
    }
  }
  return fonts;
}

// Empty when the fonts can draw text; else the error to stop with, naming
// what to install: without any font every slide would come out blank.
std::string no_usable_font(const text::FontSystem& fonts) {
  if (fonts.primary(text::TextStyle{}) >= 0) return {};
  std::string message = "no usable font";
  const char* sep = ": ";
  for (const std::string& m : fonts.missing_fonts()) {
    message += sep + m;
    sep = "; ";
  }
  return message;
}

// The no-usable-font error, at the deck's first slide.
Diagnostic font_error(const deck::Deck& deck, std::string message) {
  const int line = deck.slides.empty() ? 1 : deck.slides.front().line;
  return Diagnostic{SourceLocation{deck.path, line, 1}, Severity::kError, std::move(message)};
}

}  // namespace

// ============================================================================
// [SECTION] check
// ============================================================================

int run_check(const CheckOptions& options) {
  deck::ParseResult result = deck::load_deck(options.deck);
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
        for (Diagnostic& d : l.diagnostics) result.diagnostics.push_back(std::move(d));
      }
    }
  }
  // Every stage's diagnostics together: repeats fold, the total is capped.
  DiagnosticLog log;
  log.add_all(std::move(result.diagnostics));
  result.diagnostics = log.finish();
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
  layout::Size size;
  if (!parse_size("export", options.size, &size)) return 2;
  deck::ParseResult parsed = deck::load_deck(options.deck);
  print_diagnostics(parsed.diagnostics);
  if (unreadable(parsed)) return 2;
  if (has_errors(parsed.diagnostics)) {
    std::fprintf(stderr, "madang export: %s has errors; nothing exported\n", options.deck.c_str());
    return 1;
  }
  // Images that cannot be decoded become labelled placeholders, reported.
  Diagnostics late_diagnostics;
  check_images(&parsed.deck, &late_diagnostics);
  const deck::Deck& deck = parsed.deck;
  std::vector<int> slides;
  std::string error;
  if (!parse_slide_list(options.slides, static_cast<int>(deck.slides.size()), &slides, &error)) {
    std::fprintf(stderr, "madang export: %s\n", error.c_str());
    return 2;
  }
  // Without any font every slide would be written blank: stop and say what
  // to install. The main thread's worker keeps these fonts.
  std::unique_ptr<text::FontSystem> main_fonts = make_fonts(deck, &late_diagnostics);
  if (std::string no_font = no_usable_font(*main_fonts); !no_font.empty()) {
    late_diagnostics.push_back(font_error(deck, no_font));
    print_diagnostics(late_diagnostics);
    std::fprintf(stderr, "madang export: %s; nothing exported\n", no_font.c_str());
    return 2;
  }
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
  DiagnosticLog layout_diagnostics;  // every slide's, folded and capped
  layout_diagnostics.add_all(std::move(late_diagnostics));
  std::vector<std::string> failures;
  auto work = [&](std::unique_ptr<text::FontSystem> fonts) {
    if (!fonts) fonts = make_fonts(deck, nullptr);
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
      layout_diagnostics.add_all(std::move(l.diagnostics));
      if (!ok) failures.push_back(path + ": " + write_error);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work, nullptr);
  work(std::move(main_fonts));
  for (std::thread& t : threads) t.join();

  print_diagnostics(layout_diagnostics.finish());
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

using nlohmann::json;

json rect_json(const layout::Rect& r) {
  return json::array({r.x, r.y, r.w, r.h});
}

json run_json(const text::FontSystem& fonts, const text::GlyphRun& run, layout::Point origin) {
  json glyphs = json::array();
  for (const text::Glyph& g : run.glyphs) {
    glyphs.push_back(
        {{"id", g.id}, {"cluster", g.cluster}, {"x", g.x}, {"y", g.y}, {"advance", g.advance}});
  }
  json out = {{"origin", json::array({origin.x, origin.y})},
              {"size", run.size},
              {"glyphs", std::move(glyphs)}};
  if (run.font >= 0 && run.font < fonts.face_count()) {
    const text::FaceInfo& face = fonts.face(run.font);
    out["font"] = face.path;
    out["face"] = face.face_index;
    out["family"] = face.family;
  }
  if (run.synthetic_bold) out["synthetic_bold"] = true;
  if (run.synthetic_italic) out["synthetic_italic"] = true;
  return out;
}

json slide_json(const text::FontSystem& fonts, int index, const layout::SlideLayout& l) {
  json items = json::array();
  for (const layout::TextItem& t : l.list.texts) {
    json lines = json::array();
    for (const text::Line& line : t.lines) {
      json runs = json::array();
      for (const text::GlyphRun& run : line.runs) {
        runs.push_back(run_json(
            fonts, run, layout::Point{t.rect.x + line.x + run.x, t.rect.y + line.baseline}));
      }
      lines.push_back({{"text", line.text},
                       {"baseline", t.rect.y + line.baseline},
                       {"x", t.rect.x + line.x},
                       {"width", line.width},
                       {"runs", std::move(runs)}});
    }
    items.push_back({{"kind", "text"}, {"rect", rect_json(t.rect)}, {"lines", std::move(lines)}});
  }
  for (const layout::Command& c : l.list.commands) {
    switch (c.kind) {
      case layout::CommandKind::kFillRect:
      case layout::CommandKind::kStrokeRect:
        items.push_back({{"kind", "rect"},
                         {"rect", rect_json(c.rect)},
                         {"color", c.color},
                         {"radius", c.radius},
                         {"stroke", c.kind == layout::CommandKind::kStrokeRect}});
        break;
      case layout::CommandKind::kImage:
        items.push_back({{"kind", "image"},
                         {"rect", rect_json(c.rect)},
                         {"path", c.image_path},
                         {"label", c.label},
                         {"placeholder", c.image_path.empty()}});
        break;
      case layout::CommandKind::kLine:
      case layout::CommandKind::kPolygon: {
        json points = json::array();
        for (const layout::Point& p : c.points) points.push_back(json::array({p.x, p.y}));
        items.push_back({{"kind", c.kind == layout::CommandKind::kLine ? "line" : "polygon"},
                         {"points", std::move(points)},
                         {"color", c.color},
                         {"arrow", c.arrow_end}});
        break;
      }
      default:
        break;
    }
  }
  for (const layout::HitRegion& h : l.list.hits) {
    items.push_back(
        {{"kind", "hit"}, {"id", h.id}, {"label", h.label}, {"rect", rect_json(h.rect)}});
  }
  return {{"index", index + 1}, {"scale", l.scale}, {"items", std::move(items)}};
}

}  // namespace

int run_layout(const LayoutOptions& options) {
  layout::Size size;
  if (!parse_size("layout", options.size, &size)) return 2;
  deck::ParseResult parsed = deck::load_deck(options.deck);
  if (unreadable(parsed)) {
    print_diagnostics(parsed.diagnostics);
    return 2;
  }
  const int count = static_cast<int>(parsed.deck.slides.size());
  if (options.slide < 0 || options.slide > count) {
    std::fprintf(stderr, "madang layout: --slide %d is outside 1-%d\n", options.slide, count);
    return 2;
  }
  check_images(&parsed.deck, &parsed.diagnostics);
  auto fonts = make_fonts(parsed.deck, &parsed.diagnostics);
  if (std::string error = no_usable_font(*fonts); !error.empty()) {
    parsed.diagnostics.push_back(font_error(parsed.deck, error));
    print_diagnostics(parsed.diagnostics);
    std::fprintf(stderr, "madang layout: %s\n", error.c_str());
    return 2;
  }
  const std::vector<std::string> select = split_ids(options.select);
  json slides = json::array();
  for (int i = 0; i < count; ++i) {
    if (options.slide > 0 && i != options.slide - 1) continue;
    const layout::SlideState state =
        diagram::select_ids(parsed.deck.slides[static_cast<std::size_t>(i)], {}, select);
    layout::SlideLayout l = layout::layout_slide(*fonts, parsed.deck, i, state, size);
    slides.push_back(slide_json(*fonts, i, l));
    for (Diagnostic& d : l.diagnostics) parsed.diagnostics.push_back(std::move(d));
  }
  DiagnosticLog log;  // every stage's, folded and capped
  log.add_all(std::move(parsed.diagnostics));
  parsed.diagnostics = log.finish();
  print_diagnostics(parsed.diagnostics);
  json out = {{"size", json::array({size.width, size.height})}, {"slides", std::move(slides)}};
  std::printf("%s\n", out.dump().c_str());
  return has_errors(parsed.diagnostics) ? 1 : 0;
}

}  // namespace madang::app
