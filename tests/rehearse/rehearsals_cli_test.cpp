// `madang rehearsals` as a user runs it, over a history written here with
// fixed times: the table, CSV and JSON against golden text, the chart
// against a golden image; the deck edited (reordered, retitled, a slide
// inserted, one removed) still lines up; partial runs and skipped slides
// marked, and --learn-partial; --forget; bad input.
//
// Goldens: tests/rehearse/golden/ (MADANG_UPDATE_GOLDENS=1 re-records them;
// read every one you record). Times print in UTC (TZ=UTC), paths as DECK
// and HISTORY.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "deck/parse.h"
#include "history/identity.h"
#include "history/store.h"
#include "image_compare.h"
#include "render/image.h"
#include "run_command.h"
#include "temp_dir.h"

namespace madang {
namespace {

namespace fs = std::filesystem;
constexpr double kNo = std::numeric_limits<double>::quiet_NaN();

std::string data(const std::string& name) {
  return std::string(MADANG_REHEARSE_DATA) + "/" + name;
}

std::string golden(const std::string& name) {
  return std::string(MADANG_REHEARSE_GOLDEN) + "/" + name;
}

bool updating() {
  const char* v = std::getenv("MADANG_UPDATE_GOLDENS");
  return v && *v && std::string(v) != "0";
}

::testing::AssertionResult matches_text(const std::string& actual, const std::string& name) {
  const std::string path = golden(name);
  if (updating()) {
    std::ofstream(path, std::ios::binary) << actual;
    return ::testing::AssertionSuccess() << "recorded " << path;
  }
  const std::string expected = test::read_file(path);
  if (actual == expected) return ::testing::AssertionSuccess();
  const std::string out = test::output_dir("rehearsals-" + name) + "/actual";
  std::ofstream(out, std::ios::binary) << actual;
  return ::testing::AssertionFailure()
         << "differs from " << path << " (actual: " << out << ")\n--- actual\n"
         << actual << "--- expected\n"
         << expected;
}

class Rehearsals : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_dir(test::output_dir(
        "rehearsals-" +
        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())));
    deck_ = dir_ + "/deck.md";
    history_ = dir_ + "/history.sqlite";
    fs::copy_file(data("talk.md"), deck_);
  }

  // Four runs of talk.md, a day apart from 2024-11-01 09:00 UTC: the third
  // cut short after two slides. Times per slide (NaN: not shown); slide 2
  // has two fragments.
  void record_runs() {
    deck::ParseOptions o;
    const deck::Deck deck = deck::load_deck(deck_, o).deck;
    const std::vector<history::SlideIdentity> ids = history::identify(deck);
    const std::vector<std::vector<double>> runs = {
        {20, 40, 60, 50, 15}, {18, 35, 70, 44, 12}, {25, 55, kNo, kNo, kNo}, {16, 38, 52, 47, 10}};
    history::OpenReport report;
    auto store = history::Store::open(history_, history::Access::kWrite, &report);
    ASSERT_NE(store, nullptr) << report.error;
    std::string error;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const std::int64_t run = store->begin_run(
          {history::deck_key(deck_), deck.meta.title, 5, 300, 1730451600.0 + 86400.0 * k}, &error);
      ASSERT_GT(run, 0) << error;
      int seq = 0;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (std::isnan(runs[k][i])) continue;
        history::Visit v;
        v.seq = seq++;
        v.number = static_cast<int>(i) + 1;
        v.seconds = runs[k][i];
        v.steps = i == 1 ? std::vector<double>{runs[k][i] / 4, runs[k][i] / 2, runs[k][i] / 4}
                         : std::vector<double>{runs[k][i]};
        ASSERT_TRUE(store->add_visit(run, ids[i], v, &error)) << error;
      }
      ASSERT_TRUE(store->end_run(run, k != 2, &error)) << error;
    }
  }

  test::CommandResult run(const std::string& args) {
    test::CommandResult r =
        test::run_command("TZ=UTC NO_COLOR=1 '" + std::string(MADANG_BIN) + "' rehearsals '" +
                              deck_ + "' --history '" + history_ + "' " + args,
                          dir_);
    for (std::string* s : {&r.out, &r.err}) {
      for (const auto& [from, to] :
           {std::pair{history_, std::string("HISTORY")}, std::pair{deck_, std::string("DECK")}}) {
        for (std::size_t at; (at = s->find(from)) != std::string::npos;)
          s->replace(at, from.size(), to);
      }
    }
    return r;
  }

  std::string dir_, deck_, history_;
};

TEST_F(Rehearsals, TableCsvAndJson) {
  record_runs();
  test::CommandResult r = run("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(matches_text(r.out, "talk.txt"));
  r = run("--last 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(matches_text(r.out, "talk-last2.txt"));
  r = run("--csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(matches_text(r.out, "talk.csv"));
  r = run("--json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(matches_text(r.out, "talk.json"));
}

TEST_F(Rehearsals, AnEditedDeckStillLinesUp) {
  record_runs();
  // Slide 2 removed, slide 3 (id: cases) retitled and grown, a new slide
  // inserted: its history follows, the removed one is shown as gone.
  fs::copy_file(data("talk-edited.md"), deck_, fs::copy_options::overwrite_existing);
  test::CommandResult r = run("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(matches_text(r.out, "talk-edited.txt"));
  r = run("--json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(matches_text(r.out, "talk-edited.json"));
}

TEST_F(Rehearsals, Chart) {
  record_runs();
  const std::string png = dir_ + "/chart.png";
  const test::CommandResult r = run("--plot '" + png + "' --size 960x540");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, png.substr(0) + ": 4 runs, 5 slides\n");
  render::ImageCache images;
  std::string error;
  const render::RgbaImage* image = images.get(png, &error);
  ASSERT_NE(image, nullptr) << error;
  EXPECT_EQ(image->width, 960);
  EXPECT_EQ(image->height, 540);
  // Same renderer, fonts and data: the same pixels (rounding aside).
  EXPECT_TRUE(test::matches_golden(*image, golden("chart-960x540.png"), {2, 0}));
  // The same chart as a vector page, its text searchable.
  const std::string pdf = dir_ + "/chart.pdf";
  const test::CommandResult p = run("--plot '" + pdf + "' --size 960x540");
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(test::read_file(pdf).rfind("%PDF-", 0), 0u);
  const test::CommandResult info = test::run_command("pdfinfo '" + pdf + "'", dir_);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find(" 480 x 270 pts\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Pages:           1\n"), std::string::npos) << info.out;
  const test::CommandResult text = test::run_command("pdftotext '" + pdf + "' -", dir_);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("동네에서 시작하는 혁신"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("#4 11-04 09:00"), std::string::npos) << text.out;
}

TEST_F(Rehearsals, PartialRunsAndSkipsAreMarkedAndTeachNothingUnlessAsked) {
  deck::ParseOptions o;
  const deck::Deck deck = deck::load_deck(deck_, o).deck;
  const std::vector<history::SlideIdentity> ids = history::identify(deck);
  // Run 1 passes slide 3 by in a second; run 2 is Q on slide 2 (partial);
  // run 3 goes through.
  const std::vector<std::vector<double>> runs = {
      {20, 40, 1, 50, 15}, {100, 80, kNo, kNo, kNo}, {30, 50, 70, 40, 25}};
  {
    history::OpenReport report;
    auto store = history::Store::open(history_, history::Access::kWrite, &report);
    ASSERT_NE(store, nullptr) << report.error;
    std::string error;
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const std::int64_t run = store->begin_run(
          {history::deck_key(deck_), deck.meta.title, 5, 300, 1730451600.0 + 86400.0 * k}, &error);
      ASSERT_GT(run, 0) << error;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (std::isnan(runs[k][i])) continue;
        history::Visit v;
        v.seq = static_cast<int>(i);
        v.number = static_cast<int>(i) + 1;
        v.seconds = runs[k][i];
        v.steps = {runs[k][i]};
        ASSERT_TRUE(store->add_visit(run, ids[i], v, &error)) << error;
      }
      ASSERT_TRUE(store->end_run(run, true, &error)) << error;  // Q: finished
    }
  }
  test::CommandResult r = run("");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 runs (1 partial)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("     #1     #2~      #3  median"), std::string::npos) << r.out;
  // Slide 1 learns from runs 1 and 3 (20, 30), not from run 2's 100.
  EXPECT_NE(r.out.find("0:20    1:40    0:30    0:25"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skip       -    1:10    1:10"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 slides, 1 skipped  finished\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 slides  partial (~)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("~ partial: ended before the last slide, not learned from"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("skip: passed through in under 2 s, not a timing"), std::string::npos)
      << r.out;
  // --learn-partial: run 2 teaches too.
  r = run("--learn-partial");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0:20    1:40    0:30    0:30"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("learned from too (--learn-partial)"), std::string::npos) << r.out;

  r = run("--csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("run,started,finished,slide,title,key,seconds,budget_seconds,partial,"
                        "skipped\n",
                        0),
            0u)
      << r.out;
  // The skip keeps the seconds it passed through in; run 2's lines say partial.
  EXPECT_NE(
      r.out.find("\n1,2024-11-01T09:00:00Z,1,3,\"세 곳의 사례\",\"id:cases\",1.000,111.6,0,1\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n2,2024-11-02T09:00:00Z,1,2,\"왜 지금인가\",\"h:f109503e55727e3f\",80.000,"
                       "71.7,1,0\n"),
            std::string::npos)
      << r.out;

  r = run("--json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* needle : {"\"finished\": true,\n      \"partial\": false,",
                             "\"finished\": true,\n      "
                             "\"partial\": true,",
                             "\"seconds\": 1.0,\n          \"skipped\": true,"}) {
    EXPECT_NE(r.out.find(needle), std::string::npos) << needle << "\n" << r.out;
  }
  // The plan's median is what the budget learned from.
  EXPECT_NE(r.out.find("\"budget_from\": \"learned\",\n      \"median_seconds\": 25.0"),
            std::string::npos)
      << r.out;
  r = run("--json --learn-partial");
  EXPECT_NE(r.out.find("\"budget_from\": \"learned\",\n      \"median_seconds\": 30.0"),
            std::string::npos)
      << r.out;
}

TEST_F(Rehearsals, ForgetARun) {
  record_runs();
  test::CommandResult r = run("--forget 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "forgot run #3 of DECK\n");
  r = run("--csv");
  EXPECT_EQ(r.out.find("\n3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n4,"), std::string::npos) << r.out;
  r = run("--forget 3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang rehearsals: no run #3 of DECK in HISTORY\n");
}

// The user's own history (no --history) that does not exist yet: nothing
// rehearsed, not an error. A --history that is not there is a typo, and is
// said to be (tests/cli/messages_test.cpp).
TEST_F(Rehearsals, NoHistoryYetIsNotAnError) {
  const std::string data_home = dir_ + "/data-home";
  const test::CommandResult r =
      test::run_command("TZ=UTC NO_COLOR=1 XDG_DATA_HOME='" + data_home + "' '" +
                            std::string(MADANG_BIN) + "' rehearsals '" + deck_ + "'",
                        dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no rehearsals yet: madang rehearse " + deck_), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(data_home + "/madang/history.sqlite"));  // reading never creates
}

TEST_F(Rehearsals, BadInput) {
  record_runs();
  test::CommandResult r = run("--csv --json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang rehearsals: --csv, --json, --plot and --forget go one at a time\n");
  r = run("--plot '" + dir_ + "/chart.gif'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--plot writes a chart to FILE.png or FILE.pdf"), std::string::npos)
      << r.err;
  // A damaged history is reported with its path and left alone.
  std::ofstream(history_, std::ios::binary | std::ios::trunc) << "garbage, not a database";
  r = run("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("madang rehearsals: history HISTORY is not a readable database"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(test::read_file(history_), "garbage, not a database");
}

}  // namespace
}  // namespace madang
