// Time per KB of styled text, from 10 KB to 1 MB: flat when every stage is
// linear in its input. Styled text is Korean and Latin words in runs of
// plain, bold, italic, code, strike and link styles, a new style every few
// words (the shape of deck text: many short runs).
//   BM_ParagraphStyled/N  one paragraph of N bytes: itemize, shape, break,
//                         build lines (text::layout_paragraph, no cut)
//   BM_DeckStyled/N       a deck of N bytes of styled Markdown, about 1.5 KB
//                         a slide: parse, then lay out every slide at 1080p
// The per_KB counter is wall time per KB of input; compare it across N.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "deck/parse.h"
#include "layout/layout.h"
#include "text/text.h"

namespace {

using namespace madang;

text::FontSystem& fonts() {
  static auto f = text::FontSystem::create({});
  return *f;
}

const char* const kWords[] = {"사회혁신", "생태계",   "지역사회", "innovation", "정부와", "시장의",
                              "역할",     "civic",    "협력",     "(2024)",     "주체",   "tech",
                              "실험을",   "확산한다", "·",        "“관계”"};

// Styled runs totalling about `bytes`, deterministic.
std::vector<text::TextRun> styled_runs(std::size_t bytes) {
  std::vector<text::TextRun> runs;
  std::size_t total = 0, k = 0;
  for (int r = 0; total < bytes; ++r) {
    text::TextRun run;
    run.style.size = 40;
    switch (r % 6) {
      case 1:
        run.style.bold = true;
        break;
      case 2:
        run.style.italic = true;
        break;
      case 3:
        run.style.monospace = true;
        run.style.size = 36;
        break;
      case 4:
        run.style.strike = true;
        break;
      case 5:
        run.style.underline = true;
        run.style.color = 0x1a6f8aff;
        break;
      default:
        break;
    }
    for (int w = 0; w < 2 + r % 4; ++w)
      run.text += std::string(kWords[k++ % std::size(kWords)]) + " ";
    total += run.text.size();
    runs.push_back(std::move(run));
  }
  return runs;
}

// The same words as Markdown, about 1.5 KB a slide.
std::string styled_deck(std::size_t bytes) {
  std::string deck;
  std::size_t k = 0;
  int slide = 0;
  while (deck.size() < bytes) {
    if (slide > 0) deck += "\n---\n\n";
    deck += "# 슬라이드 " + std::to_string(++slide) + "\n\n";
    for (int p = 0; p < 6; ++p) {
      for (int r = 0; r < 12; ++r) {
        std::string words;
        for (int w = 0; w < 2; ++w) words += std::string(kWords[k++ % std::size(kWords)]) + " ";
        words.pop_back();
        static const char* const kMarks[][2] = {{"", ""},   {"**", "**"}, {"*", "*"},
                                                {"`", "`"}, {"~~", "~~"}, {"[", "](x)"}};
        deck += std::string(kMarks[r % 6][0]) + words + kMarks[r % 6][1] + " ";
      }
      deck += "\n\n";
    }
  }
  return deck;
}

void set_per_kb(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["per_KB"] = benchmark::Counter(
      static_cast<double>(bytes) / 1024.0,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_ParagraphStyled(benchmark::State& state) {
  const std::vector<text::TextRun> runs = styled_runs(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (const auto& r : runs) bytes += r.text.size();
  text::ParagraphStyle ps;
  fonts();
  for (auto _ : state) {
    text::Paragraph p = text::layout_paragraph(fonts(), runs, ps, 1696);
    benchmark::DoNotOptimize(p.lines.data());
  }
  set_per_kb(state, bytes);
}
BENCHMARK(BM_ParagraphStyled)
    ->Arg(10 << 10)
    ->Arg(30 << 10)
    ->Arg(100 << 10)
    ->Arg(300 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_DeckStyled(benchmark::State& state) {
  const std::string source = styled_deck(static_cast<std::size_t>(state.range(0)));
  deck::ParseOptions options;
  options.check_files = false;
  fonts();
  for (auto _ : state) {
    const deck::ParseResult r = deck::parse_deck(source, "bench.md", options);
    for (int i = 0; i < static_cast<int>(r.deck.slides.size()); ++i) {
      layout::SlideLayout l = layout::layout_slide(fonts(), r.deck, i, {}, layout::Size{});
      benchmark::DoNotOptimize(l.list.commands.data());
    }
  }
  set_per_kb(state, source.size());
}
BENCHMARK(BM_DeckStyled)
    ->Arg(10 << 10)
    ->Arg(30 << 10)
    ->Arg(100 << 10)
    ->Arg(300 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
