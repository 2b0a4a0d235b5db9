// Text engine speed: the lecture's whole text (the seed file, joined into
// paragraphs at blank lines) laid out at a 1920x1080 slide body width
// (1600 px) at 40 px.
//   BM_BareHbShape       the floor: one hb_buffer per paragraph, Noto Sans CJK KR face 1
//   BM_LayoutCold        layout_paragraph for every paragraph (itemize, shape, break, align)
//   BM_LayoutNewFonts    the same plus FontSystem::create (fontconfig) every iteration
//   BM_LayoutCached      the second layout of the same input through LayoutCache
// Targets: cold within 2x of bare shaping; cached under 1% of it.
#include <benchmark/benchmark.h>
#include <hb.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"

namespace {

using namespace madang::text;

constexpr float kWidth = 1600;
constexpr float kSize = 40;

std::vector<std::string> lecture_paragraphs() {
  std::ifstream in(MADANG_SEED_TEXT);
  if (!in) in.open(MADANG_LECTURE_MD);
  std::vector<std::string> paragraphs;
  std::string current;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    std::size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line.substr(start);
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

const std::vector<std::string>& paragraphs() {
  static const std::vector<std::string> p = lecture_paragraphs();
  return p;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const auto& p : paragraphs()) n += p.size();
  return n;
}

void BM_BareHbShape(benchmark::State& state) {
  hb_blob_t* blob =
      hb_blob_create_from_file("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  hb_face_t* face = hb_face_create(blob, 1);
  hb_font_t* font = hb_font_create(face);
  hb_buffer_t* buf = hb_buffer_create();
  const hb_language_t ko = hb_language_from_string("ko", 2);
  for (auto _ : state) {
    for (const std::string& p : paragraphs()) {
      hb_buffer_clear_contents(buf);
      hb_buffer_add_utf8(buf, p.data(), static_cast<int>(p.size()), 0, static_cast<int>(p.size()));
      hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
      hb_buffer_set_script(buf, HB_SCRIPT_HANGUL);
      hb_buffer_set_language(buf, ko);
      hb_shape(font, buf, nullptr, 0);
      benchmark::DoNotOptimize(hb_buffer_get_glyph_positions(buf, nullptr));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
  hb_buffer_destroy(buf);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}
BENCHMARK(BM_BareHbShape)->Unit(benchmark::kMicrosecond);

void layout_all(FontSystem& fonts, benchmark::State& state) {
  ParagraphStyle ps;
  for (const std::string& p : paragraphs()) {
    Paragraph para = layout_paragraph(fonts, {TextRun{p, TextStyle{kSize}}}, ps, kWidth);
    benchmark::DoNotOptimize(para.lines.data());
  }
  (void)state;
}

void BM_LayoutCold(benchmark::State& state) {
  auto fonts = FontSystem::create({});
  for (auto _ : state) layout_all(*fonts, state);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_LayoutCold)->Unit(benchmark::kMicrosecond);

void BM_LayoutNewFonts(benchmark::State& state) {
  for (auto _ : state) {
    auto fonts = FontSystem::create({});
    layout_all(*fonts, state);
  }
}
BENCHMARK(BM_LayoutNewFonts)->Unit(benchmark::kMicrosecond);

void BM_LayoutCached(benchmark::State& state) {
  auto fonts = FontSystem::create({});
  LayoutCache cache;
  std::vector<std::vector<TextRun>> inputs;
  for (const std::string& p : paragraphs()) inputs.push_back({TextRun{p, TextStyle{kSize}}});
  ParagraphStyle ps;
  for (const auto& runs : inputs) cache.layout(*fonts, runs, ps, kWidth);
  for (auto _ : state) {
    for (const auto& runs : inputs) {
      benchmark::DoNotOptimize(&cache.layout(*fonts, runs, ps, kWidth));
    }
  }
  state.counters["misses"] = static_cast<double>(cache.misses());
}
BENCHMARK(BM_LayoutCached)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
