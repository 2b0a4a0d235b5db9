// The history database: written, reopened, migrated, damaged and moved
// aside; read access changes nothing; a run killed with SIGKILL keeps every
// committed visit; the writer thread commits in order, each visit before
// the next, where another connection sees it; a run is complete when it
// reached the last slide, else partial.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "history/store.h"
#include "history/writer.h"
#include "temp_dir.h"

namespace madang::history {
namespace {

namespace fs = std::filesystem;

class Store_ : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_dir(
        fs::path(MADANG_TEST_OUTPUT) /
        ("history-" +
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())));
    path_ = (dir_ / "sub" / "history.sqlite").string();
  }

  static SlideIdentity slide(int n) {
    return {"h:" + std::to_string(1000 + n), "슬라이드 " + std::to_string(n),
            "내용 " + std::to_string(n)};
  }
  static Visit visit(int seq, int number, double seconds, std::vector<double> steps = {}) {
    Visit v;
    v.seq = seq;
    v.number = number;
    v.seconds = seconds;
    v.steps = std::move(steps);
    return v;
  }
  std::unique_ptr<Store> open(Access access = Access::kWrite, OpenReport* report = nullptr) {
    OpenReport local;
    auto s = Store::open(path_, access, report ? report : &local);
    return s;
  }
  std::vector<fs::path> beside(const std::string& part) const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(path_).parent_path())) {
      if (e.path().filename().string().find(part) != std::string::npos) out.push_back(e.path());
    }
    return out;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(Store_, WrittenAndReadBackAfterReopening) {
  OpenReport report;
  {
    auto store = open(Access::kWrite, &report);
    ASSERT_NE(store, nullptr) << report.error;
    EXPECT_TRUE(report.created);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    std::string error;
    const std::int64_t run = store->begin_run({"/decks/a.md", "발표", 3, 600, 1730800000}, &error);
    ASSERT_GT(run, 0) << error;
    ASSERT_TRUE(store->add_visit(run, slide(1), visit(0, 1, 30.5, {20, 10.5}), &error)) << error;
    ASSERT_TRUE(store->add_visit(run, slide(2), visit(1, 2, 45), &error)) << error;
    ASSERT_TRUE(store->add_visit(run, slide(1), visit(2, 1, 4.25, {4.25}), &error)) << error;
    ASSERT_TRUE(store->end_run(run, true, &error)) << error;
    EXPECT_TRUE(fs::exists(path_ + "-wal")) << "not in WAL mode";
    // Another deck's run stays apart.
    ASSERT_GT(store->begin_run({"/decks/b.md", "다른 발표", 1, 0, 1730900000}, &error), 0);
  }
  EXPECT_EQ(fs::status(fs::path(path_).parent_path()).permissions() & fs::perms::all,
            fs::perms::owner_all);
  auto store = open(Access::kRead, &report);
  ASSERT_NE(store, nullptr) << report.error;
  EXPECT_FALSE(report.created);
  std::string error;
  const Recorded r = store->read("/decks/a.md", &error);
  EXPECT_EQ(error, "");
  ASSERT_EQ(r.runs.size(), 1u);
  const history::Run& run = r.runs[0];
  EXPECT_EQ(run.started, "2024-11-05T09:46:40Z");
  EXPECT_DOUBLE_EQ(run.started_unix, 1730800000);
  EXPECT_TRUE(run.finished);
  EXPECT_EQ(run.slide_count, 3);
  EXPECT_DOUBLE_EQ(run.duration_s, 600);
  ASSERT_EQ(run.visits.size(), 3u);
  EXPECT_EQ(run.visits[0].seq, 0);
  EXPECT_DOUBLE_EQ(run.visits[0].seconds, 30.5);
  EXPECT_EQ(run.visits[0].steps, (std::vector<double>{20, 10.5}));
  EXPECT_EQ(run.visits[1].number, 2);
  EXPECT_TRUE(run.visits[1].steps.empty());
  // Two visits of one slide refer to one recorded slide.
  ASSERT_EQ(r.slides.size(), 2u);
  EXPECT_EQ(run.visits[0].slide, run.visits[2].slide);
  EXPECT_EQ(r.slides[static_cast<std::size_t>(run.visits[1].slide)], slide(2));
  EXPECT_EQ(store->read("/decks/none.md", &error).runs.size(), 0u);
}

TEST_F(Store_, ReadingNoFileCreatesNothing) {
  OpenReport report;
  EXPECT_EQ(open(Access::kRead, &report), nullptr);
  EXPECT_EQ(report.error, "");
  EXPECT_FALSE(fs::exists(path_));
  EXPECT_FALSE(fs::exists(fs::path(path_).parent_path()));
}

TEST_F(Store_, ForgetRemovesOneRunOfItsDeck) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  std::string error;
  const std::int64_t a = store->begin_run({"/d.md", "", 2, 0, 100}, &error);
  const std::int64_t b = store->begin_run({"/d.md", "", 2, 0, 200}, &error);
  ASSERT_TRUE(store->add_visit(a, slide(1), visit(0, 1, 10, {10}), &error));
  ASSERT_TRUE(store->add_visit(b, slide(1), visit(0, 1, 12, {12}), &error));
  EXPECT_FALSE(store->forget("/other.md", a, &error));  // not that deck's
  EXPECT_EQ(error, "");
  EXPECT_FALSE(store->forget("/d.md", 999, &error));
  ASSERT_TRUE(store->forget("/d.md", a, &error)) << error;
  const Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 1u);
  EXPECT_EQ(r.runs[0].id, b);
  EXPECT_DOUBLE_EQ(r.runs[0].visits[0].seconds, 12);
}

TEST_F(Store_, AnOlderSchemaIsMigratedWithItsRuns) {
  {
    fs::create_directories(fs::path(path_).parent_path());
    std::string error;
    auto old = Store::create_at_version(path_, 1, &error);
    ASSERT_NE(old, nullptr) << error;
    EXPECT_EQ(old->schema_version(), 1);
    // What version 1 wrote: no steps, no duration.
    ASSERT_TRUE(old->exec(
        "INSERT INTO decks(id, path, title) VALUES(1, '/d.md', 'old');"
        "INSERT INTO runs(id, deck_id, started_at, started_unix, finished, slide_count) "
        "VALUES(7, 1, '2024-01-01T00:00:00Z', 1704067200, 1, 2);"
        "INSERT INTO slides(id, deck_id, key, title, content) VALUES(3, 1, 'h:1', '하나', '');"
        "INSERT INTO visits(run_id, seq, slide_id, number, seconds) VALUES(7, 0, 3, 1, 42.5);",
        &error))
        << error;
  }
  OpenReport report;
  auto store = open(Access::kWrite, &report);
  ASSERT_NE(store, nullptr) << report.error;
  EXPECT_EQ(report.migrated_from, 1);
  EXPECT_EQ(describe(report, path_), "history " + path_ + " brought from schema version 1 to 3");
  EXPECT_EQ(store->schema_version(), 3);
  std::string error;
  Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 1u) << error;
  EXPECT_EQ(r.runs[0].id, 7);
  EXPECT_DOUBLE_EQ(r.runs[0].duration_s, 0);
  EXPECT_DOUBLE_EQ(r.runs[0].visits[0].seconds, 42.5);
  // And version 2's tables work.
  ASSERT_TRUE(store->add_visit(7, slide(2), visit(1, 2, 5, {2, 3}), &error)) << error;
  r = store->read("/d.md", &error);
  EXPECT_EQ(r.runs[0].visits[1].steps, (std::vector<double>{2, 3}));
  // Its run had 2 slides and showed slide 1 only: partial.
  EXPECT_FALSE(r.runs[0].complete);
}

TEST_F(Store_, AVersion2DatabaseLearnsWhichRunsReachedTheirLastSlide) {
  {
    fs::create_directories(fs::path(path_).parent_path());
    std::string error;
    auto old = Store::create_at_version(path_, 2, &error);
    ASSERT_NE(old, nullptr) << error;
    // Run 1 showed slides 1-3 of 3; run 2 stopped at slide 2 of 3; run 3,
    // cut short, had reached slide 3.
    ASSERT_TRUE(old->exec(
        "INSERT INTO decks(id, path, title) VALUES(1, '/d.md', 'v2');"
        "INSERT INTO runs(id, deck_id, started_at, started_unix, finished, slide_count, "
        "duration_s) VALUES(1, 1, '', 1, 1, 3, 600), (2, 1, '', 2, 1, 3, 600), "
        "(3, 1, '', 3, 0, 3, 600);"
        "INSERT INTO slides(id, deck_id, key, title, content) VALUES(1, 1, 'h:1', '', ''), "
        "(2, 1, 'h:2', '', ''), (3, 1, 'h:3', '', '');"
        "INSERT INTO visits(run_id, seq, slide_id, number, seconds) VALUES"
        "(1, 0, 1, 1, 10), (1, 1, 2, 2, 10), (1, 2, 3, 3, 10),"
        "(2, 0, 1, 1, 10), (2, 1, 2, 2, 10),"
        "(3, 0, 1, 1, 10), (3, 1, 3, 3, 10);",
        &error))
        << error;
  }
  OpenReport report;
  auto store = open(Access::kWrite, &report);
  ASSERT_NE(store, nullptr) << report.error;
  EXPECT_EQ(report.migrated_from, 2);
  std::string error;
  const Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 3u) << error;
  EXPECT_TRUE(r.runs[0].complete);
  EXPECT_FALSE(r.runs[1].complete);
  EXPECT_TRUE(r.runs[2].complete);
  EXPECT_FALSE(r.runs[2].finished);
  EXPECT_DOUBLE_EQ(r.runs[1].duration_s, 600);
}

TEST_F(Store_, ARunIsCompleteWhenItReachedTheLastSlide) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  std::string error;
  auto run_through = [&](int last_number) {
    const std::int64_t run = store->begin_run({"/d.md", "", 3, 0, 1}, &error);
    for (int n = 1; n <= last_number; ++n) {
      EXPECT_TRUE(store->add_visit(run, slide(n), visit(n - 1, n, 10), &error)) << error;
    }
    return run;
  };
  const std::int64_t stopped = run_through(2);  // Q on slide 2 of 3
  ASSERT_TRUE(store->end_run(stopped, true, &error)) << error;
  const std::int64_t through = run_through(3);
  ASSERT_TRUE(store->end_run(through, true, &error)) << error;
  // Said outright (the mode knows the deck as it is now).
  const std::int64_t said = run_through(3);
  ASSERT_TRUE(store->end_run(said, true, false, &error)) << error;
  const std::int64_t never_ended = run_through(3);  // cut short: not known to be complete
  const Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 4u) << error;
  EXPECT_FALSE(r.runs[0].complete);
  EXPECT_TRUE(r.runs[0].finished);
  EXPECT_TRUE(r.runs[1].complete);
  EXPECT_FALSE(r.runs[2].complete);
  EXPECT_EQ(r.runs[3].id, never_ended);
  EXPECT_FALSE(r.runs[3].complete);
  EXPECT_FALSE(r.runs[3].finished);
}

TEST_F(Store_, NotADatabaseIsMovedAsideAndAFreshOneRecords) {
  fs::create_directories(fs::path(path_).parent_path());
  std::ofstream(path_, std::ios::binary) << "these are my notes, not a database\n";
  // Reading reports it with its path and leaves it alone.
  OpenReport report;
  EXPECT_EQ(open(Access::kRead, &report), nullptr);
  EXPECT_NE(report.error.find("history " + path_ + " is not a readable database"),
            std::string::npos)
      << report.error;
  EXPECT_TRUE(beside(".broken-").empty());
  // Writing moves it aside, never deletes it, and starts afresh.
  auto store = open(Access::kWrite, &report);
  ASSERT_NE(store, nullptr) << report.error;
  ASSERT_FALSE(report.moved_to.empty());
  EXPECT_EQ(beside(".broken-").size(), 1u);
  std::stringstream kept;
  kept << std::ifstream(report.moved_to).rdbuf();
  EXPECT_EQ(kept.str(), "these are my notes, not a database\n");
  const std::string said = describe(report, path_);
  EXPECT_NE(said.find("history " + path_ + " was not a readable database"), std::string::npos);
  EXPECT_NE(said.find("moved it to " + report.moved_to), std::string::npos) << said;
  std::string error;
  EXPECT_GT(store->begin_run({"/d.md", "", 1, 0, 1}, &error), 0) << error;
}

TEST_F(Store_, DamagedPagesAreFoundAndTheFileMovedAside) {
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
    std::string error;
    const std::int64_t run = store->begin_run({"/d.md", "", 50, 0, 1}, &error);
    for (int i = 0; i < 400; ++i) {
      ASSERT_TRUE(store->add_visit(run, slide(i % 50), visit(i, i % 50 + 1, i, {1, 2, 3}), &error));
    }
  }  // closed: the log is checkpointed into the file
  ASSERT_FALSE(fs::exists(path_ + "-wal"));
  const auto size = fs::file_size(path_);
  ASSERT_GT(size, 16u * 4096);
  {
    // Scribble over pages in the middle (the header stays intact).
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string junk(3 * 4096, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  OpenReport report;
  auto store = open(Access::kWrite, &report);
  ASSERT_NE(store, nullptr) << report.error;
  ASSERT_FALSE(report.moved_to.empty()) << "damage went unnoticed";
  EXPECT_EQ(fs::file_size(report.moved_to), size);
  std::string error;
  EXPECT_EQ(store->read("/d.md", &error).runs.size(), 0u);
}

TEST_F(Store_, ANewerSchemaIsMovedAsideNotTouched) {
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
    std::string error;
    ASSERT_TRUE(store->exec("PRAGMA user_version = 9", &error)) << error;
  }
  OpenReport report;
  EXPECT_EQ(open(Access::kRead, &report), nullptr);
  EXPECT_NE(report.error.find("written by a newer Madang (schema version 9"), std::string::npos)
      << report.error;
  auto store = open(Access::kWrite, &report);
  ASSERT_NE(store, nullptr) << report.error;
  EXPECT_NE(report.moved_to.find(".newer-"), std::string::npos) << report.moved_to;
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
}

TEST_F(Store_, AKilledWriterKeepsEveryCommittedVisit) {
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
  }
  int pipe_fd[2];
  ASSERT_EQ(pipe(pipe_fd), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child rehearses: three slides committed, then SIGKILL while the
    // fourth is being written.
    close(pipe_fd[0]);
    OpenReport report;
    auto store = Store::open(path_, Access::kWrite, &report);
    std::string error;
    const std::int64_t run = store->begin_run({"/d.md", "", 5, 0, 1}, &error);
    for (int i = 0; i < 3; ++i) store->add_visit(run, slide(i), visit(i, i + 1, 10.0 + i), &error);
    store->exec(
        "BEGIN IMMEDIATE; INSERT INTO visits(run_id, seq, slide_id, number, seconds) "
        "VALUES(" +
            std::to_string(run) + ", 3, 1, 4, 99)",
        &error);
    const char done = 1;
    if (write(pipe_fd[1], &done, 1) != 1) _exit(3);
    pause();
    _exit(0);
  }
  close(pipe_fd[1]);
  char done = 0;
  ASSERT_EQ(read(pipe_fd[0], &done, 1), 1);
  close(pipe_fd[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  auto store = open();
  ASSERT_NE(store, nullptr);
  std::string error;
  const Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 1u) << error;
  EXPECT_FALSE(r.runs[0].finished);  // cut short
  ASSERT_EQ(r.runs[0].visits.size(), 3u);
  EXPECT_DOUBLE_EQ(r.runs[0].visits[2].seconds, 12);
}

TEST_F(Store_, TheWriterCommitsInOrderOffTheCallingThread) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  std::string error;
  const std::int64_t run = store->begin_run({"/d.md", "", 3, 0, 1}, &error);
  std::atomic<int> commits{0};
  {
    RunWriter writer(*store, run, [&] { ++commits; });
    for (int i = 0; i < 20; ++i) writer.push(slide(i % 3), visit(i, i % 3 + 1, i));
    ASSERT_TRUE(writer.finish(true)) << writer.error();
    EXPECT_EQ(writer.committed(), 20);
  }
  EXPECT_EQ(commits.load(), 20);
  const Recorded r = store->read("/d.md", &error);
  ASSERT_EQ(r.runs[0].visits.size(), 20u);
  EXPECT_TRUE(r.runs[0].finished);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(r.runs[0].visits[static_cast<std::size_t>(i)].seq, i);
    EXPECT_DOUBLE_EQ(r.runs[0].visits[static_cast<std::size_t>(i)].seconds, i);
  }
  // A writer dropped without finish leaves the run cut short.
  const std::int64_t other = store->begin_run({"/d.md", "", 3, 0, 2}, &error);
  {
    RunWriter writer(*store, other);
    writer.push(slide(0), visit(0, 1, 1));
  }
  EXPECT_FALSE(store->read("/d.md", &error).runs[1].finished);
  EXPECT_EQ(store->read("/d.md", &error).runs[1].visits.size(), 1u);
}

// Each visit pushed to the writer is on the disk before the next one comes:
// another connection (`present` or `rehearsals` reading while a rehearsal
// writes) sees it committed, slide by slide, long before the run ends.
TEST_F(Store_, TheWriterCommitsEachVisitWhereAnotherConnectionSeesIt) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  std::string error;
  const std::int64_t run = store->begin_run({"/d.md", "", 4, 0, 1}, &error);
  ASSERT_GT(run, 0) << error;
  OpenReport report;
  const auto reader = Store::open(path_, Access::kRead, &report);
  ASSERT_NE(reader, nullptr) << report.error;
  // What the reader sees of the run: its visits, once `count` are there
  // (or what there is after 5 s).
  auto seen = [&](std::size_t count) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (;;) {
      std::string read_error;
      const Recorded r = reader->read("/d.md", &read_error);
      EXPECT_EQ(read_error, "");
      const std::vector<Visit> visits = r.runs.empty() ? std::vector<Visit>{} : r.runs[0].visits;
      if (visits.size() >= count || std::chrono::steady_clock::now() > until) return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  };
  RunWriter writer(*store, run);
  for (int i = 0; i < 4; ++i) {
    writer.push(slide(i + 1), visit(i, i + 1, 10.0 + i, {4, 6.0 + i}));
    const Recorded r = seen(static_cast<std::size_t>(i) + 1);
    ASSERT_EQ(r.runs.size(), 1u);
    ASSERT_EQ(r.runs[0].visits.size(), static_cast<std::size_t>(i) + 1)
        << "visit " << i << " not committed while the run goes on";
    const Visit& v = r.runs[0].visits.back();
    EXPECT_EQ(v.seq, i);
    EXPECT_EQ(v.number, i + 1);
    EXPECT_DOUBLE_EQ(v.seconds, 10.0 + i);
    EXPECT_EQ(v.steps, (std::vector<double>{4, 6.0 + i}));  // its steps in the same commit
    EXPECT_EQ(r.slides[static_cast<std::size_t>(v.slide)], slide(i + 1));
    EXPECT_FALSE(r.runs[0].finished);  // the run goes on
  }
  EXPECT_EQ(writer.committed(), 4);
  ASSERT_TRUE(writer.finish(true, true)) << writer.error();
  const Recorded r = reader->read("/d.md", &error);
  ASSERT_EQ(r.runs.size(), 1u) << error;
  EXPECT_TRUE(r.runs[0].finished);
  EXPECT_TRUE(r.runs[0].complete);
  EXPECT_EQ(r.runs[0].visits.size(), 4u);
}

TEST(History, DefaultPathFollowsXdg) {
  const char* saved_xdg = std::getenv("XDG_DATA_HOME");
  const std::string keep = saved_xdg ? saved_xdg : "";
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  setenv("XDG_DATA_HOME", "/data/me", 1);
  EXPECT_EQ(default_history_path(), "/data/me/madang/history.sqlite");
  setenv("XDG_DATA_HOME", "relative/ignored", 1);  // the spec: absolute paths only
  setenv("HOME", "/home/me", 1);
  EXPECT_EQ(default_history_path(), "/home/me/.local/share/madang/history.sqlite");
  setenv("HOME", home.c_str(), 1);
  if (saved_xdg) {
    setenv("XDG_DATA_HOME", keep.c_str(), 1);
  } else {
    unsetenv("XDG_DATA_HOME");
  }
}

}  // namespace
}  // namespace madang::history
