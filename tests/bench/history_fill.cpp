#include "history_fill.h"

#include <cstdio>
#include <fstream>

#include "deck/parse.h"
#include "history/identity.h"
#include "history/store.h"

namespace madang::bench {

bool fill_history(const std::string& dir, const std::string& history, int slides, int runs) {
  const std::string deck_path = dir + "/deck.md";
  {
    std::ofstream deck(deck_path);
    deck << "---\ntitle: 긴 발표\nduration: 1h40m\n---\n\n";
    for (int i = 1; i <= slides; ++i) {
      if (i > 1) deck << "\n---\n\n";
      deck << "# " << i << "번째 주제: 지역과 사회혁신\n\n";
      deck << "- 첫째 요점 " << i << "\n- 둘째 요점 " << i * 7 << "\n";
      if (i % 5 == 0) deck << "\n<!-- pause -->\n\n마무리 문장 " << i << "\n";
      if (i % 20 == 0) deck << "\n<!-- time: 45s -->\n";
    }
  }
  const deck::ParseResult parsed = deck::load_deck(deck_path);
  const std::vector<history::SlideIdentity> ids = history::identify(parsed.deck);
  history::OpenReport report;
  auto store = history::Store::open(history, history::Access::kWrite, &report);
  if (!store) {
    std::fprintf(stderr, "%s\n", report.error.c_str());
    return false;
  }
  std::string error;
  // The fill is not what is measured: no fsync per visit.
  store->exec("PRAGMA synchronous=OFF", &error);
  for (int k = 0; k < runs; ++k) {
    const std::int64_t run = store->begin_run(
        {history::deck_key(deck_path), "긴 발표", slides, 6000, 1.7e9 + 86400.0 * k}, &error);
    for (int i = 0; i < slides; ++i) {
      history::Visit v;
      v.seq = i;
      v.number = i + 1;
      v.seconds = 20 + (i * 37 + k * 11) % 40;
      v.steps = {v.seconds};
      if ((i + 1) % 5 == 0) v.steps = {v.seconds / 2, v.seconds / 2};
      if (!store->add_visit(run, ids[static_cast<std::size_t>(i)], v, &error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return false;
      }
    }
    store->end_run(run, true, &error);
  }
  return true;
}

}  // namespace madang::bench
