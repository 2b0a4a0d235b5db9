// Whole-deck layout: every slide of the lecture at 1920x1080, cold (shaping
// everything) and through layout::LayoutCache (what a redraw costs), against
// the floor: one bare hb_shape per text of the deck with Noto Sans CJK KR.
//   build/tests/bench/layout_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <hb.h>

#include <string>
#include <vector>

#include "deck/parse.h"
#include "layout/layout.h"
#include "text/text.h"

namespace {

using namespace madang;

const deck::Deck& lecture() {
  static const deck::Deck d = deck::load_deck(MADANG_LECTURE_MD).deck;
  return d;
}

text::FontSystem& fonts() {
  static auto f = text::FontSystem::create({});
  return *f;
}

// Every text the deck shows, as the floor shapes it.
void collect(const std::vector<deck::Block>& blocks, std::vector<std::string>* out) {
  for (const deck::Block& b : blocks) {
    if (!b.text.empty()) out->push_back(deck::plain_text(b.text));
    for (const deck::ListItem& i : b.items) collect(i.blocks, out);
    collect(b.children, out);
    for (const auto& cell : b.table.header) out->push_back(deck::plain_text(cell));
    for (const auto& row : b.table.rows)
      for (const auto& cell : row) out->push_back(deck::plain_text(cell));
    for (const deck::DiagramNode& n : b.diagram.nodes) {
      out->push_back(n.label);
      out->push_back(n.detail);
      for (const std::string& v : n.values) out->push_back(v);
    }
  }
}

void BM_BareHbShapeDeckText(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const deck::Slide& s : lecture().slides) collect(s.blocks, &texts);
  hb_blob_t* blob =
      hb_blob_create_from_file("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  hb_face_t* face = hb_face_create(blob, 1);
  hb_font_t* font = hb_font_create(face);
  hb_buffer_t* buffer = hb_buffer_create();
  for (auto _ : state) {
    for (const std::string& t : texts) {
      hb_buffer_clear_contents(buffer);
      hb_buffer_add_utf8(buffer, t.data(), static_cast<int>(t.size()), 0, -1);
      hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
      hb_buffer_set_script(buffer, HB_SCRIPT_HANGUL);
      hb_buffer_set_language(buffer, hb_language_from_string("ko", -1));
      hb_shape(font, buffer, nullptr, 0);
      benchmark::DoNotOptimize(hb_buffer_get_length(buffer));
    }
  }
  hb_buffer_destroy(buffer);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}
BENCHMARK(BM_BareHbShapeDeckText)->Unit(benchmark::kMicrosecond);

void BM_LayoutDeckCold(benchmark::State& state) {
  const deck::Deck& d = lecture();
  for (auto _ : state) {
    for (int i = 0; i < static_cast<int>(d.slides.size()); ++i) {
      layout::SlideLayout l = layout::layout_slide(fonts(), d, i, {}, layout::Size{});
      benchmark::DoNotOptimize(l.list.commands.size());
    }
  }
}
BENCHMARK(BM_LayoutDeckCold)->Unit(benchmark::kMicrosecond);

void BM_LayoutDeckCached(benchmark::State& state) {
  const deck::Deck& d = lecture();
  layout::LayoutCache cache;
  for (int i = 0; i < static_cast<int>(d.slides.size()); ++i)
    cache.get(fonts(), d, i, {}, layout::Size{});
  for (auto _ : state) {
    for (int i = 0; i < static_cast<int>(d.slides.size()); ++i) {
      const layout::SlideLayout& l = cache.get(fonts(), d, i, {}, layout::Size{});
      benchmark::DoNotOptimize(&l);
    }
  }
}
BENCHMARK(BM_LayoutDeckCached)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
