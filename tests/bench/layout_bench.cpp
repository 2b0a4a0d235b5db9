// Whole-deck layout: every slide of the lecture at 1920x1080, cold (shaping
// everything, with the number of autofit layouts) and through
// layout::LayoutCache (what a redraw costs), against the floor: one bare
// hb_shape per text of the deck with Noto Sans CJK KR. And autofit alone on a
// slide that fits, one that must shrink and one that cannot fit.
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
  int layouts = 0;
  for (auto _ : state) {
    layouts = 0;
    for (int i = 0; i < static_cast<int>(d.slides.size()); ++i) {
      layout::SlideLayout l = layout::layout_slide(fonts(), d, i, {}, layout::Size{});
      layouts += l.layouts;
      benchmark::DoNotOptimize(l.list.commands.size());
    }
  }
  // Body layouts autofit tried over the deck (title slides have none).
  state.counters["autofit_layouts"] = layouts;
}
BENCHMARK(BM_LayoutDeckCold)->Unit(benchmark::kMicrosecond);

// Autofit alone, on one slide of `n` three-line paragraphs under a title: 2
// fit at 100%, 4 must shrink, 12 cannot fit even at the floor.
deck::Deck paragraphs(int n) {
  std::string text = "# 사회혁신 생태계 조성의 기본 관점\n\n";
  for (int i = 0; i < n; ++i)
    text +=
        "지역사회의 다양한 자원과 역량, 주체의 활용과 참여를 추진하고 시민의 문제해결 역량의 "
        "강화에 기여하며 좋은 시민사회를 통해 좋은 정부와 시장의 창출을 지향함\n\n";
  return deck::parse_deck(text, "bench.md", {.check_files = false}).deck;
}

void BM_AutofitSlide(benchmark::State& state) {
  const deck::Deck d = paragraphs(static_cast<int>(state.range(0)));
  int layouts = 0;
  for (auto _ : state) {
    layout::SlideLayout l = layout::layout_slide(fonts(), d, 0, {}, layout::Size{});
    layouts = l.layouts;
    benchmark::DoNotOptimize(l.list.commands.size());
  }
  state.counters["layouts"] = layouts;
}
BENCHMARK(BM_AutofitSlide)->Arg(2)->Arg(4)->Arg(12)->Unit(benchmark::kMicrosecond);

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
