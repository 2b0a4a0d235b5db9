// A rehearsal replayed exactly: the real rehearse mode (its controller,
// windows on SDL's offscreen driver, loop, recorder, writer thread and
// database) driven by a scripted clock that hands out key and window events
// at chosen times. The times recorded are exactly the script's, pauses (the
// T key, and leaving the window) left out.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <deque>
#include <filesystem>

#include "modes/rehearse.h"
#include "platform/sdl_support.h"
#include "history/store.h"
#include "image_compare.h"

namespace madang::app {
namespace {

namespace fs = std::filesystem;

// Time stands still but for the script: each wait jumps to the next
// scripted event (or to its timeout, when that comes first).
class ScriptClock final : public LoopClock {
 public:
  void key(double at_ms, SDL_Scancode scancode, Uint16 mod = KMOD_NONE) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.scancode = scancode;
    e.key.keysym.mod = mod;
    script_.push_back({at_ms, e});
  }
  void focus(double at_ms, bool gained) {
    SDL_Event e{};
    e.type = SDL_WINDOWEVENT;
    e.window.event = gained ? SDL_WINDOWEVENT_FOCUS_GAINED : SDL_WINDOWEVENT_FOCUS_LOST;
    script_.push_back({at_ms, e});
  }
  double now_ms() override { return now_; }
  bool wait(SDL_Event* event, double timeout_ms) override {
    if (script_.empty()) {
      // Nothing left to say: the session ends.
      event->type = SDL_QUIT;
      return true;
    }
    const double next = script_.front().first;
    if (timeout_ms >= 0 && now_ + timeout_ms < next) {
      now_ += std::max(1.0, timeout_ms);  // a frame takes time: animations end
      return false;
    }
    now_ = std::max(now_, next);
    *event = script_.front().second;
    script_.pop_front();
    return true;
  }

 private:
  double now_ = 0;
  std::deque<std::pair<double, SDL_Event>> script_;
};

class Replay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    ASSERT_TRUE(start_video("rehearse"));
  }
  static void TearDownTestSuite() { SDL_Quit(); }

  void SetUp() override {
    dir_ = test::output_dir(
        "rehearse-replay-" +
        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.present.deck = std::string(MADANG_REHEARSE_DATA) + "/talk.md";
    options_.present.history = dir_ + "/history.sqlite";
    options_.present.no_console = true;
  }

  history::Recorded recorded() {
    history::OpenReport report;
    auto store = history::Store::open(options_.present.history, history::Access::kRead, &report);
    EXPECT_NE(store, nullptr) << report.error;
    if (!store) return {};
    std::string error;
    return store->read(history::deck_key(options_.present.deck), &error);
  }

  std::string dir_;
  RehearseOptions options_;
};

TEST_F(Replay, TimesAreExactlyTheScriptsWithPausesLeftOut) {
  ScriptClock clock;
  clock.key(30'000, SDL_SCANCODE_RIGHT);            // slide 1: 30 s
  clock.key(40'000, SDL_SCANCODE_RIGHT);            // slide 2, step 0: 10 s
  clock.key(55'000, SDL_SCANCODE_SPACE);            // step 1: 15 s
  clock.key(60'000, SDL_SCANCODE_RIGHT);            // step 2: 5 s; slide 3
  clock.focus(70'000, false);                       // the speaker leaves the window
  clock.focus(130'000, true);                       // ... for a minute
  clock.key(135'000, SDL_SCANCODE_T);               // T: a question
  clock.key(150'000, SDL_SCANCODE_R, KMOD_LSHIFT);  // Shift+R resets: not while rehearsing
  clock.key(200'000, SDL_SCANCODE_T);               // resumed
  clock.key(210'000, SDL_SCANCODE_LEFT);            // slide 3 took 10 + 5 + 10 s; back to slide 2
  clock.key(214'500, SDL_SCANCODE_RIGHT);           // slide 2 again: 4.5 s at its last step
  clock.key(220'000, SDL_SCANCODE_Q);               // slide 3 again: 5.5 s; the summary
  clock.key(221'000, SDL_SCANCODE_DOWN);            // the summary takes keys of its own
  clock.key(222'000, SDL_SCANCODE_Q);               // gone
  ASSERT_EQ(rehearse_on(options_, clock, 1730451600), 0);

  const history::Recorded r = recorded();
  ASSERT_EQ(r.runs.size(), 1u);
  const history::Run& run = r.runs[0];
  EXPECT_TRUE(run.finished);
  EXPECT_EQ(run.started, "2024-11-01T09:00:00Z");
  EXPECT_DOUBLE_EQ(run.duration_s, 300);
  EXPECT_EQ(run.slide_count, 5);
  ASSERT_EQ(run.visits.size(), 5u);
  const double expected[] = {30, 30, 25, 4.5, 5.5};
  const int numbers[] = {1, 2, 3, 2, 3};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(run.visits[i].seq, static_cast<int>(i));
    EXPECT_EQ(run.visits[i].number, numbers[i]) << i;
    EXPECT_DOUBLE_EQ(run.visits[i].seconds, expected[i]) << i;
  }
  EXPECT_EQ(run.visits[1].steps, (std::vector<double>{10, 15, 5}));
  EXPECT_EQ(run.visits[3].steps, (std::vector<double>{0, 0, 4.5}));
  EXPECT_EQ(r.slides[static_cast<std::size_t>(run.visits[0].slide)].title,
            "동네에서 시작하는 혁신");
  EXPECT_EQ(r.slides[static_cast<std::size_t>(run.visits[2].slide)].key, "id:cases");
}

TEST_F(Replay, TheSessionEndingSavesTheRunWithoutASummary) {
  ScriptClock clock;
  clock.key(12'000, SDL_SCANCODE_RIGHT);
  clock.key(20'000, SDL_SCANCODE_RIGHT);
  // Then nothing: the clock says the session quits (SDL_QUIT, as on SIGTERM).
  ASSERT_EQ(rehearse_on(options_, clock, 1730451600), 0);
  const history::Recorded r = recorded();
  ASSERT_EQ(r.runs.size(), 1u);
  EXPECT_TRUE(r.runs[0].finished);
  ASSERT_EQ(r.runs[0].visits.size(), 2u);
  EXPECT_DOUBLE_EQ(r.runs[0].visits[0].seconds, 12);
  // Slide 2 was running: 8 s at its first step, quit as the second showed.
  EXPECT_DOUBLE_EQ(r.runs[0].visits[1].seconds, 8);
  EXPECT_EQ(r.runs[0].visits[1].steps, (std::vector<double>{8, 0, 0}));
}

TEST_F(Replay, EveryRunIsKept) {
  for (int k = 0; k < 2; ++k) {
    ScriptClock clock;
    double t = 0;
    for (double slide : {4.0, 2.0, 2.0, 2.0, 6.0, 3.0}) {  // slide 2 has 3 steps
      t += slide * 1000 * (k + 1);
      clock.key(t, SDL_SCANCODE_RIGHT);
    }
    clock.key(t + 1000, SDL_SCANCODE_Q);
    clock.key(t + 2000, SDL_SCANCODE_Q);
    ASSERT_EQ(rehearse_on(options_, clock, 1730451600 + 86400 * k), 0);
  }
  const history::Recorded r = recorded();
  ASSERT_EQ(r.runs.size(), 2u);
  EXPECT_EQ(r.runs[0].started, "2024-11-01T09:00:00Z");
  EXPECT_EQ(r.runs[1].started, "2024-11-02T09:00:00Z");
  const double first[] = {4, 6, 6, 3, 1}, second[] = {8, 12, 12, 6, 1};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(r.runs[0].visits[i].seconds, first[i]) << i;
    EXPECT_DOUBLE_EQ(r.runs[1].visits[i].seconds, second[i]) << i;
  }
}

}  // namespace
}  // namespace madang::app
