// `madang export --console` and `madang layout --console --json`: the
// presenter console of a slide as the speaker would see it, without a window.
// The console is laid out by the same function the present mode draws
// (screens/console.h) from the same show state (show/).

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "base/count_text.h"
#include "base/time_text.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/layout_json.h"
#include "deck/duration.h"
#include "diagram/interaction.h"
#include "render/headless.h"
#include "render/image.h"
#include "screens/console.h"
#include "session/history_support.h"
#include "show/console_input.h"
#include "show/show.h"

namespace madang::app {

namespace {

bool valid_clock(const std::string& s) {
  int h = 0, m = 0;
  char c = 0;
  return std::sscanf(s.c_str(), "%d:%d%c", &h, &m, &c) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60;
}

struct Scene {
  show::Show show;
  double now_ms = 0;
  std::string wall;
};

bool read_scene(const char* command, const ConsoleScene& options, double* duration_s,
                double* elapsed_s, std::string* wall) {
  *duration_s = 0;
  if (!options.duration.empty() && !deck::parse_duration(options.duration, duration_s)) {
    std::fprintf(stderr, "madang %s: --duration must be a length of time, %s (got '%s')\n", command,
                 deck::kDurationForms, options.duration.c_str());
    return false;
  }
  *elapsed_s = -1;
  if (!options.elapsed.empty() && !deck::parse_duration(options.elapsed, elapsed_s)) {
    std::fprintf(stderr, "madang %s: --elapsed must be a length of time, %s (got '%s')\n", command,
                 deck::kDurationForms, options.elapsed.c_str());
    return false;
  }
  if (!options.clock.empty() && !valid_clock(options.clock)) {
    std::fprintf(stderr, "madang %s: --clock must be HH:MM (got '%s')\n", command,
                 options.clock.c_str());
    return false;
  }
  *wall = options.clock.empty()
              ? base::calendar_text(base::unix_now(), "%H:%M", base::TimeZone::kLocal)
              : options.clock;
  return true;
}

// The show at `slide` (0-based), as the scene options say: the talk's
// length, the time so far (the speaker has just arrived on the slide), the
// diagram elements selected. Planned as `present` plans (the deck's `time:`
// directives; no rehearsals: an export does not read the history), its
// timer as the talk's events leave it (show::arrive_after): the console's
// figures are then show::talk_time's, the live console's computation.
Scene scene_at(const deck::Deck& deck, int slide, double duration_s, double elapsed_s,
               const std::string& wall, const std::vector<std::string>& select) {
  Scene s;
  s.show = show::open_show(deck, {.slide = slide + 1, .duration_s = duration_s});
  plan_show(s.show, history::Recorded{});
  s.wall = wall;
  if (elapsed_s >= 0) s.now_ms = show::arrive_after(s.show, elapsed_s);
  if (const deck::Slide* current = show::current_slide(s.show)) {
    show::here(s.show) = diagram::select_ids(*current, show::here(s.show), select);
  }
  return s;
}

}  // namespace

int run_export_console(const ExportOptions& options) {
  layout::Size size;
  if (!parse_size("export", options.size, &size)) return 2;
  deck::ParseResult parsed;
  std::vector<int> slides;
  int code = 0;
  if (!load_for_export("export", options.deck, options.slides, &parsed, &slides, &code,
                       options.pdf)) {
    return code;
  }
  const deck::Deck& deck = parsed.deck;
  double duration_s = 0, elapsed_s = -1;
  std::string wall;
  if (!read_scene("export", options.scene, &duration_s, &elapsed_s, &wall) ||
      !make_output_folder("export", options.png_dir)) {
    print_in_order(parsed.diagnostics);
    return 2;
  }
  auto fonts = make_fonts(deck, nullptr);
  text::GlyphCache glyphs(*fonts);
  render::ImageCache images;
  render::HeadlessRenderer renderer(glyphs, images);
  render::PngWriter png;
  layout::LayoutCache cache;
  const std::vector<std::string> select = split_ids(options.select);
  Diagnostics diagnostics = parsed.diagnostics;
  int failures = 0;
  for (int index : slides) {
    const Scene scene = scene_at(deck, index, duration_s, elapsed_s, wall, select);
    const layout::ConsoleLayout console = layout::layout_console(
        *fonts, cache, deck, show::console_input(scene.show, scene.now_ms, scene.wall), size);
    for (const Diagnostic& d : console.diagnostics) diagnostics.push_back(d);
    const render::RgbaImage image = renderer.render(layout::overlay(console.base, console.clock));
    char name[32];
    std::snprintf(name, sizeof name, "console-%02d.png", index + 1);
    const std::string path = (std::filesystem::path(options.png_dir) / name).string();
    std::string write_error;
    if (!png.write(image, path, &write_error)) {
      std::fprintf(stderr, "madang export: cannot write %s: %s\n", path.c_str(),
                   write_error.c_str());
      ++failures;
    }
  }
  print_in_order(std::move(diagnostics));
  if (failures > 0) return 2;
  std::printf("%s: %s exported to %s (%dx%d)\n", options.deck.c_str(),
              base::count_text(static_cast<long long>(slides.size()), "console page").c_str(),
              options.png_dir.c_str(), size.width, size.height);
  return 0;
}

int run_layout_console(const LayoutOptions& options) {
  layout::Size size;
  if (!parse_size("layout", options.size, &size)) return 2;
  deck::ParseResult parsed;
  if (!load_for_layout(options.deck, options.slide, &parsed, options.pdf)) return 2;
  const deck::Deck& deck = parsed.deck;
  const int count = static_cast<int>(deck.slides.size());
  double duration_s = 0, elapsed_s = -1;
  std::string wall;
  if (!read_scene("layout", options.scene, &duration_s, &elapsed_s, &wall)) return 2;
  auto fonts = make_fonts(deck, &parsed.diagnostics);
  layout::LayoutCache cache;
  const std::vector<std::string> select = split_ids(options.select);
  nlohmann::json pages = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    if (options.slide > 0 && i != options.slide - 1) continue;
    const Scene scene = scene_at(deck, i, duration_s, elapsed_s, wall, select);
    layout::ConsoleLayout console = layout::layout_console(
        *fonts, cache, deck, show::console_input(scene.show, scene.now_ms, scene.wall), size);
    nlohmann::json strip = nlohmann::json::array();
    for (const layout::ConsoleStripItem& item : console.strip) {
      strip.push_back({{"slide", item.slide + 1}, {"rect", rect_json(item.rect)}});
    }
    pages.push_back({{"index", i + 1},
                     {"current", rect_json(console.current)},
                     {"next", rect_json(console.next)},
                     {"notes", rect_json(console.notes)},
                     {"notes_source", deck.slides[static_cast<std::size_t>(i)].notes_source},
                     {"strip", std::move(strip)},
                     {"items", list_json(*fonts, layout::overlay(console.base, console.clock))}});
    for (Diagnostic& d : console.diagnostics) parsed.diagnostics.push_back(std::move(d));
  }
  return print_layout_json(
      {{"size", nlohmann::json::array({size.width, size.height})}, {"console", std::move(pages)}},
      parsed.diagnostics);
}

}  // namespace madang::app
