// Recording a rehearsal must never delay a frame. What the drawing thread
// would pay to commit one finished slide itself (a transaction with its
// steps, synchronous=FULL: an fsync; and NORMAL for comparison), and what it
// does pay: queueing the visit for the writer thread (history/writer.h).
// Then the reading side of `madang rehearsals` over 100 runs of a 200-slide
// deck: the database read, the line-up with the deck, the plan.
//   build/tests/bench/history_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true
// The database lives in the build folder (a real disk, as a user's home).
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "cli/rehearsal_report.h"
#include "deck/parse.h"
#include "history/lineup.h"
#include "history/plan.h"
#include "history/store.h"
#include "history/writer.h"
#include "history_fill.h"
#include "temp_dir.h"

namespace {

using namespace madang;
namespace fs = std::filesystem;

std::string fresh_dir(const std::string& name) {
  return test::fresh_dir(fs::path(MADANG_BENCH_OUTPUT) / name);
}

history::SlideIdentity slide_identity() {
  return {"h:0123456789abcdef", "사회혁신생태계 조성 전략",
          "중간지원조직 공공조달 데이터 협동조합 지자체 네트워크 플랫폼"};
}

history::Visit visit(int seq) {
  history::Visit v;
  v.seq = seq;
  v.number = seq % 23 + 1;
  v.seconds = 42.5;
  v.steps = {20.0, 12.5, 10.0};
  return v;
}

// One finished slide committed on the calling thread.
void BM_CommitSlide(benchmark::State& state, const char* synchronous) {
  const std::string dir = fresh_dir(std::string("commit-") + synchronous);
  history::OpenReport report;
  auto store = history::Store::open(dir + "/history.sqlite", history::Access::kWrite, &report);
  std::string error;
  store->exec(std::string("PRAGMA synchronous=") + synchronous, &error);
  const std::int64_t run = store->begin_run({"/bench/deck.md", "", 23, 1200, 1.7e9}, &error);
  const history::SlideIdentity slide = slide_identity();
  int seq = 0;
  for (auto _ : state) {
    if (!store->add_visit(run, slide, visit(seq++), &error)) state.SkipWithError(error.c_str());
  }
}
BENCHMARK_CAPTURE(BM_CommitSlide, full_fsync, "FULL")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_CommitSlide, normal, "NORMAL")->Unit(benchmark::kMillisecond)->UseRealTime();

// What the drawing thread pays: handing the visit to the writer thread,
// which commits it (FULL) meanwhile.
void BM_QueueSlide(benchmark::State& state) {
  const std::string dir = fresh_dir("queue");
  history::OpenReport report;
  auto store = history::Store::open(dir + "/history.sqlite", history::Access::kWrite, &report);
  std::string error;
  const std::int64_t run = store->begin_run({"/bench/deck.md", "", 23, 1200, 1.7e9}, &error);
  history::RunWriter writer(*store, run);
  const history::SlideIdentity slide = slide_identity();
  int seq = 0;
  for (auto _ : state) {
    history::Visit v = visit(seq++);
    const auto start = std::chrono::steady_clock::now();
    writer.push(slide, std::move(v));
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    // The speaker stays on a slide for seconds: the writer catches up
    // before the next change, as it would (not timed).
    while (writer.committed() < seq) std::this_thread::yield();
  }
  writer.finish(true);
}
BENCHMARK(BM_QueueSlide)->Unit(benchmark::kMicrosecond)->UseManualTime()->Iterations(500);

// `rehearsals` without the process: 100 runs of 200 slides.
struct Big {
  std::string dir = fresh_dir("big");
  bool ok = bench::fill_history(dir, dir + "/history.sqlite", 200, 100);
  deck::Deck deck = deck::load_deck(dir + "/deck.md").deck;
};

Big& big() {
  static Big b;
  return b;
}

void BM_ReadHistory(benchmark::State& state) {
  Big& b = big();
  history::OpenReport report;
  auto store = history::Store::open(b.dir + "/history.sqlite", history::Access::kRead, &report);
  std::string error;
  for (auto _ : state) {
    history::Recorded r =
        store->read(history::deck_key(b.dir + "/deck.md"), &error, state.range(0) != 0);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ReadHistory)->Unit(benchmark::kMillisecond)->Arg(0)->Arg(1);  // with steps: 1

void BM_LineUpAndPlan(benchmark::State& state) {
  Big& b = big();
  history::OpenReport report;
  auto store = history::Store::open(b.dir + "/history.sqlite", history::Access::kRead, &report);
  std::string error;
  const history::Recorded r = store->read(history::deck_key(b.dir + "/deck.md"), &error);
  for (auto _ : state) {
    const history::Lineup l = history::line_up(b.deck, r);
    history::Plan p = history::plan_budgets(b.deck, history::learned_times(l), 6000);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_LineUpAndPlan)->Unit(benchmark::kMillisecond);

// What `rehearsals` prints, from the lined-up runs: the table, CSV, JSON.
void BM_Report(benchmark::State& state, int format) {
  Big& b = big();
  history::OpenReport report;
  auto store = history::Store::open(b.dir + "/history.sqlite", history::Access::kRead, &report);
  std::string error;
  const history::Lineup l =
      history::line_up(b.deck, store->read(history::deck_key(b.dir + "/deck.md"), &error));
  const history::Plan p = history::plan_budgets(b.deck, history::learned_times(l), 6000);
  for (auto _ : state) {
    std::string text = format == 0   ? app::rehearsals_table(l, p, {"deck.md", "h"}, 5, false)
                       : format == 1 ? app::rehearsals_csv(l, p)
                                     : app::rehearsals_json(l, p, {"deck.md", "h"});
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK_CAPTURE(BM_Report, table, 0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, csv, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, json, 2)->Unit(benchmark::kMillisecond);

void BM_ParseDeck200(benchmark::State& state) {
  Big& b = big();
  for (auto _ : state) {
    deck::ParseResult r = deck::load_deck(b.dir + "/deck.md");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ParseDeck200)->Unit(benchmark::kMillisecond);

// The worst case for matching: every slide of the deck edited (nothing
// matches exactly), so every pair is compared.
void BM_MatchEditedDeck(benchmark::State& state) {
  Big& b = big();
  std::vector<history::SlideIdentity> now = history::identify(b.deck), old = now;
  std::vector<int> at;
  for (std::size_t i = 0; i < old.size(); ++i) {
    old[i].key += "-old";
    old[i].content += " 고친 말";
    at.push_back(static_cast<int>(i));
  }
  for (auto _ : state) {
    std::vector<int> m = history::match(now, old, at);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_MatchEditedDeck)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
