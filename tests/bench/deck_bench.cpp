// Parse speed: a real deck should parse in about a millisecond (reload on
// save must feel instant); hostile inputs stay bounded (see deck/limits.h).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "deck/parse.h"

namespace {

using namespace madang;

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void parse_text(benchmark::State& state, const std::string& text) {
  deck::ParseOptions options;
  options.check_files = false;
  options.base_dir = "/bench";
  for (auto _ : state) {
    deck::ParseResult r = deck::parse_deck(text, "bench.md", options);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

void BM_ParseLecture(benchmark::State& state) {
  const std::string text = read_file(MADANG_LECTURE_MD);
  if (text.empty()) {
    state.SkipWithError("slides/lecture.md not found");
    return;
  }
  parse_text(state, text);
}
BENCHMARK(BM_ParseLecture)->Unit(benchmark::kMicrosecond);

void BM_ParseGenerated300Slides(benchmark::State& state) {
  std::string text = "---\ntitle: 생성된 발표\nincremental: true\n---\n";
  for (int i = 0; i < 300; ++i) {
    text += "<!-- layout: two-column -->\n# 제목 " + std::to_string(i) +
            "\n\n지역사회 **혁신** 생태계는 *관계*에서 시작된다.\n\n- 하나\n- 둘\n  - 셋\n\n"
            "<!-- column -->\n\n| 구분 | 정부 | 시장 |\n|:-|:-:|-:|\n| 역할 | 제도 | 투자 |\n\n"
            "<!-- notes: 발표자 메모 -->\n\n---\n";
  }
  text +=
      "```diagram triangle\nnodes:\n  - {id: a, label: 가}\n  - {id: b, label: 나}\n"
      "  - {id: c, label: 다}\n```\n";
  parse_text(state, text);
}
BENCHMARK(BM_ParseGenerated300Slides)->Unit(benchmark::kMillisecond);

void BM_ParseNested10000Quotes(benchmark::State& state) {
  parse_text(state, "# x\n\n" + std::string(10000, '>') + " 바닥\n");
}
BENCHMARK(BM_ParseNested10000Quotes)->Unit(benchmark::kMicrosecond);

void BM_ParseTable5000Columns(benchmark::State& state) {
  std::string header = "|", rule = "|";
  for (int i = 0; i < 5000; ++i) {
    header += "h|";
    rule += "-|";
  }
  std::string text = header + "\n" + rule + "\n";
  for (int i = 0; i < 20; ++i) text += header + "\n";
  parse_text(state, text);
}
BENCHMARK(BM_ParseTable5000Columns)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
