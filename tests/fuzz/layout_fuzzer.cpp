// libFuzzer entry for the pipeline after the parser: any bytes are parsed
// and every slide is laid out (text, tables, lists, code, diagrams, bidi
// text), at 1080p fully revealed or at a size and step chosen from the input. It must not crash,
// hang or eat memory (the run's -timeout and -rss_limit_mb), and what comes out must be sane:
// finite coordinates, located diagnostics, a bounded diagnostic count.
// Built with -fsanitize=fuzzer when MADANG_FUZZ is on (clang), else linked
// with replay_main.cpp to replay the corpus as an ordinary test.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "deck/parse.h"
#include "layout/layout.h"
#include "text/text.h"

namespace {

using namespace madang;

void require(bool ok) {
  if (!ok) std::abort();  // a broken invariant: the fuzzer keeps the input
}

bool finite(float v) {
  return std::isfinite(v);
}

void check_list(const layout::DisplayList& list) {
  for (const layout::Command& c : list.commands) {
    require(finite(c.rect.x) && finite(c.rect.y) && finite(c.rect.w) && finite(c.rect.h));
    require(finite(c.origin.x) && finite(c.origin.y));
    for (const layout::Point& p : c.points) require(finite(p.x) && finite(p.y));
    for (const text::Glyph& g : c.run.glyphs) require(finite(g.x) && finite(g.advance));
  }
  for (const layout::TextItem& t : list.texts) {
    require(finite(t.rect.y) && finite(t.rect.h));
    for (const text::Line& l : t.lines) {
      require(finite(l.x) && finite(l.baseline) && l.begin <= l.end);
    }
  }
  for (const layout::HitRegion& h : list.hits) require(finite(h.rect.x) && finite(h.rect.y));
}

void check_diagnostics(const Diagnostics& diagnostics) {
  require(diagnostics.size() <= kMaxDiagnostics + 1);
  for (const Diagnostic& d : diagnostics) {
    require(d.where.line >= 0 && d.where.column >= 0 && !d.message.empty() && d.count >= 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One font system for the whole run: opening fonts is the slow part, and
  // layout only reads it.
  static const std::unique_ptr<text::FontSystem> fonts = text::FontSystem::create({});
  deck::ParseOptions options;
  options.check_files = false;
  options.base_dir = "/fuzz";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const deck::ParseResult parsed = deck::parse_deck(text, "fuzz.md", options);
  check_diagnostics(parsed.diagnostics);

  // The size and the reveal step come from the input's last bytes: half the
  // inputs at 1080p fully revealed (export, check), the rest at any size
  // from 16x16 to 3841x2056 at steps 0-3 (a window, a thumbnail).
  const unsigned a = size > 0 ? data[size - 1] : 0, b = size > 1 ? data[size - 2] : 0;
  layout::Size s{1920, 1080};
  layout::SlideState state;  // step -1: everything revealed
  if (a & 1) {
    s = layout::Size{static_cast<int>(16 + (a >> 1) * 30), static_cast<int>(16 + b * 8)};
    state.step = static_cast<int>(b % 4);
  }
  const int slides = static_cast<int>(parsed.deck.slides.size());
  for (int i = 0; i < slides; ++i) {
    const layout::SlideLayout l = layout::layout_slide(*fonts, parsed.deck, i, state, s);
    require(l.list.width == s.width && l.list.height == s.height);
    check_list(l.list);
    check_diagnostics(l.diagnostics);
  }
  return 0;
}
