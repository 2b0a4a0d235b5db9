// `madang kiosk forum.yaml` on a simulated clock: the real kiosk loop
// (platform/loop.h run_loop over modes/kiosk_program.h's KioskProgram and
// the KioskMode under it, a real SDL window and renderer on SDL's offscreen
// driver) with a program of two short decks and a missing one.
//
// Asserts: left alone, the hall shows card 1 for 8 s, talk 1's slides at
// its `advance`, card 2, talk 2's slides at theirs (a slide's own advance
// too), the missing talk's card (as missing), then card 1 again, round
// after round; a visitor's Next at a talk's last slide brings the next card
// (which then waits for them), Prev on a card goes back to the end of the
// talk before, a tap on a card begins its talk, and when they leave the
// program starts again at card 1; a missing deck that appears is shown at
// its next round; memory, descriptors and textures stay bounded over many
// rounds.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "input/keymap.h"
#include "modes/kiosk_program.h"
#include "platform/sdl_support.h"
#include "process_figures.h"
#include "session/program_loading.h"
#include "temp_dir.h"

namespace madang::app {
namespace {

namespace fs = std::filesystem;
using test::open_fds;
using test::status_kb;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;  // its quarantine holds freed memory: no RSS figure
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

constexpr double kSecond = 1000;
constexpr double kVsyncMs = 1000.0 / 60;

// The first window's picture: its pixels, as last presented.
std::vector<Uint32> picture(KioskProgram& p) {
  SDL_Renderer* r = SDL_GetRenderer(SDL_GetWindowFromID(p.kiosk().window_id()));
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(r, &w, &h);
  std::vector<Uint32> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  EXPECT_EQ(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ARGB8888, pixels.data(), w * 4), 0)
      << SDL_GetError();
  return pixels;
}

// How many different colours a picture has (a card's text, a slide's).
std::size_t colours(std::vector<Uint32> pixels) {
  std::sort(pixels.begin(), pixels.end());
  return static_cast<std::size_t>(std::unique(pixels.begin(), pixels.end()) - pixels.begin());
}

// What the hall shows: "card2" (talk 2's card), "card3-missing", "t1s2"
// (talk 1, slide 2).
std::string seen_by_hall(KioskProgram& p) {
  const show::ProgramStop& at = p.stop();
  if (at.card) {
    EXPECT_TRUE(p.kiosk().covered());
    return "card" + std::to_string(at.talk + 1) +
           (p.card().kind == layout::CardKind::kMissing ? "-missing" : "");
  }
  EXPECT_FALSE(p.kiosk().covered());
  EXPECT_EQ(p.talk_on(), at.talk) << "the talk on is the talk whose slides show";
  const show::Show& s = p.kiosk().show();
  return "t" + std::to_string(at.talk + 1) + "s" + std::to_string(s.at.slide + 1) +
         (show::here(s).step > 0 ? "." + std::to_string(show::here(s).step) : "");
}

struct Moment {
  double at_s = 0;
  std::string seen;
};

// A simulated clock: the loop's sleeps pass at once; scripted input comes at
// its time; every change of what the hall shows is noted with its time.
class ProgramClock final : public LoopClock {
 public:
  explicit ProgramClock(double end_s) : end_ms_(end_s * kSecond) {}

  void attach(KioskProgram* program) { program_ = program; }
  void at(double seconds, std::function<bool(SDL_Event*)> fire) {
    script_.push_back({seconds * kSecond, std::move(fire)});
    std::stable_sort(script_.begin(), script_.end(),
                     [](const Step& a, const Step& b) { return a.at_ms < b.at_ms; });
  }
  // Calls `f` when the clock first passes `seconds`.
  void call(double seconds, std::function<void()> f) {
    at(seconds, [f = std::move(f)](SDL_Event*) {
      f();
      return false;
    });
  }

  bool key(SDL_Event* e, int scancode) {
    *e = SDL_Event{};
    e->type = SDL_KEYDOWN;
    e->key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
    e->key.windowID = program_->kiosk().window_id();
    return true;
  }
  bool tap(SDL_Event* e) {
    static long long next_id = 1;
    SDL_Event down{};
    down.type = SDL_FINGERDOWN;
    down.tfinger.touchId = 1;
    down.tfinger.fingerId = next_id++;
    down.tfinger.x = 0.5f;
    down.tfinger.y = 0.6f;
    down.tfinger.windowID = program_->kiosk().window_id();
    SDL_Event up = down;
    up.type = SDL_FINGERUP;
    SDL_PushEvent(&up);
    *e = down;
    return true;
  }

  double now_ms() override { return now_; }

  bool wait(SDL_Event* event, double timeout_ms) override {
    observe();
    if (now_ >= end_ms_) {
      program_->kiosk().end("the test is over");
      return false;
    }
    const double step = timeout_ms == 0 ? kVsyncMs : timeout_ms;
    if (!script_.empty() && (timeout_ms < 0 || now_ + step >= script_.front().at_ms)) {
      const Step next = std::move(script_.front());
      script_.pop_front();
      now_ = std::max(now_, next.at_ms);
      return next.fire(event);
    }
    if (timeout_ms < 0) {
      ADD_FAILURE() << "the kiosk slept for ever with nothing scripted";
      program_->kiosk().end("stuck");
      return false;
    }
    now_ = std::min(now_ + step, end_ms_);
    return false;
  }

  std::vector<Moment> moments;
  std::function<void()> on_change;  // after each change is noted

 private:
  struct Step {
    double at_ms = 0;
    std::function<bool(SDL_Event*)> fire;
  };
  void observe() {
    const std::string seen = seen_by_hall(*program_);
    if (!moments.empty() && moments.back().seen == seen) return;
    moments.push_back({now_ / kSecond, seen});
    if (on_change) on_change();
  }

  double end_ms_;
  double now_ = 0;
  KioskProgram* program_ = nullptr;
  std::deque<Step> script_;
};

class KioskProgramTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ASSERT_TRUE(start_video("kiosk-program-test"));
  }
  static void TearDownTestSuite() { SDL_Quit(); }

  void SetUp() override {
    dir_.write("a.md", R"(---
title: 하나
advance: 2s
idle: 30s
---

# 하나의 첫 장

---

# 하나의 둘째 장
)");
    dir_.write("b.md", R"(---
title: 둘
advance: 3s
idle: 20s
---

# 둘의 첫 장

---

# 둘의 둘째 장

---

<!-- advance: 5s -->

# 둘의 셋째 장
)");
    program_path_ = dir_.write("forum.yaml", R"(title: 키오스크 포럼
talks:
  - title: 첫 발표
    speaker: 가
    deck: a.md
    minutes: 5
  - break: 10m
  - title: 둘째 발표
    speaker: 나
    deck: b.md
    minutes: 5
  - title: 빠진 발표
    speaker: 다
    deck: gone.md
    minutes: 5
)");
  }

  // Runs the program's kiosk until `end_s` with what `script` sets up.
  void run(double end_s, const std::function<void(ProgramClock&, KioskProgram&)>& script) {
    LoadedProgram program = load_program_decks(program_path_);
    ASSERT_EQ(program.program.talk_count(), 3);
    ASSERT_FALSE(program.decks[3].loaded);  // gone.md
    KioskSetup setup;
    setup.screens.windowed = true;
    setup.screens.width = 256;
    setup.screens.height = 144;
    setup.log = false;
    setup.deck_name = program_path_;
    ProgramClock clock(end_s);
    KioskProgram mode(std::move(program), setup, clock);
    ASSERT_TRUE(mode.open());
    clock.attach(&mode);
    script(clock, mode);
    run_loop(mode, clock);
    moments_ = clock.moments;
  }

  // The moments seen, as "time:what" (times to the tenth of a second).
  std::vector<std::string> timeline(double until_s = 1e9) const {
    std::vector<std::string> out;
    for (const Moment& m : moments_) {
      if (m.at_s > until_s) break;
      char at[32];
      std::snprintf(at, sizeof at, "%.1f:", m.at_s);
      out.push_back(at + m.seen);
    }
    return out;
  }

  test::TempDir dir_{"kiosk-program"};
  std::string program_path_;
  std::vector<Moment> moments_;
};

using Timeline = std::vector<std::string>;

TEST_F(KioskProgramTest, LeftAloneItLoopsTheProgramWithCards) {
  long rounds = 0;
  std::vector<Uint32> card1, slide1, card3;
  run(90, [&](ProgramClock& clock, KioskProgram& p) {
    clock.call(4, [&] { card1 = picture(p); });
    clock.call(9, [&] { slide1 = picture(p); });
    clock.call(35, [&] { card3 = picture(p); });
    clock.call(89.9, [&] { rounds = p.rounds(); });
  });
  // The cards are drawn over the slides (not the slide under them), each its own.
  EXPECT_GT(colours(card1), 8u);
  EXPECT_GT(colours(card3), 8u);
  EXPECT_NE(card1, slide1);
  EXPECT_NE(card1, card3);
  // Card 8 s; talk 1: 2 s a slide; card 2; talk 2: 3 s, 3 s, then its
  // third slide's own 5 s; the missing talk's card 8 s; card 1 again.
  EXPECT_EQ(timeline(84), (Timeline{"0.0:card1", "8.0:t1s1", "10.0:t1s2", "12.0:card2", "20.0:t2s1",
                                    "23.0:t2s2", "26.0:t2s3", "31.0:card3-missing", "39.0:card1",
                                    "47.0:t1s1", "49.0:t1s2", "51.0:card2", "59.0:t2s1",
                                    "62.0:t2s2", "65.0:t2s3", "70.0:card3-missing", "78.0:card1"}));
  EXPECT_EQ(rounds, 2);
}

TEST_F(KioskProgramTest, AVisitorMovesThroughTalksAndIdleReturnsToTheFirstCard) {
  run(70, [](ProgramClock& clock, KioskProgram&) {
    clock.at(9, [&](SDL_Event* e) { return clock.key(e, kScanRight); });   // t1s1 -> t1s2
    clock.at(10, [&](SDL_Event* e) { return clock.key(e, kScanRight); });  // past the end: card 2
    clock.at(12, [&](SDL_Event* e) { return clock.key(e, kScanLeft); });   // back: t1's end
    clock.at(13, [&](SDL_Event* e) { return clock.key(e, kScanRight); });  // card 2 again
    clock.at(17, [&](SDL_Event* e) { return clock.tap(e); });              // a tap: talk 2 begins
    clock.at(18, [&](SDL_Event* e) { return clock.key(e, kScanLeft); });   // t2's start: its card
  });
  // The visitor's card waits for them (not 8 s); talk 2's idle (20 s) after
  // their last touch (18 s) brings card 1, and the loop goes on from there.
  EXPECT_EQ(timeline(52), (Timeline{"0.0:card1", "8.0:t1s1", "9.0:t1s2", "10.0:card2", "12.0:t1s2",
                                    "13.0:card2", "17.0:t2s1", "18.0:card2", "38.0:card1",
                                    "46.0:t1s1", "48.0:t1s2", "50.0:card2"}));
}

TEST_F(KioskProgramTest, AMissingDeckThatAppearsIsShownAtItsNextRound) {
  run(95, [this](ProgramClock& clock, KioskProgram&) {
    clock.call(35, [this] { dir_.write("gone.md", "---\nadvance: 4s\n---\n\n# 이제 왔다\n"); });
  });
  // Its card said missing at 31 s; at 70 s it is a talk's card, and the
  // talk (4 s) follows before card 1.
  EXPECT_EQ(timeline(90),
            (Timeline{"0.0:card1", "8.0:t1s1", "10.0:t1s2", "12.0:card2", "20.0:t2s1", "23.0:t2s2",
                      "26.0:t2s3", "31.0:card3-missing", "39.0:card1", "47.0:t1s1", "49.0:t1s2",
                      "51.0:card2", "59.0:t2s1", "62.0:t2s2", "65.0:t2s3", "70.0:card3",
                      "78.0:t3s1", "82.0:card1", "90.0:t1s1"}));
}

TEST_F(KioskProgramTest, MemoryStaysBoundedOverManyRounds) {
  constexpr double kRoundS = 39;  // 8 + 4 + 8 + 11 + 8
  constexpr int kRounds = 120, kBaseRound = 20;
  long rss_base = 0, rss_max = 0, textures_base = 0, textures_max = 0;
  int fds_base = 0, fds_max = 0;
  long rounds = 0;
  run(kRounds * kRoundS + 1, [&](ProgramClock& clock, KioskProgram& p) {
    for (int r = kBaseRound; r <= kRounds; ++r) {
      clock.call(r * kRoundS + 0.5, [&, r] {
        const long rss = status_kb("VmRSS:");
        const long textures = p.kiosk().stats().textures;
        const int fds = open_fds();
        if (r == kBaseRound) {
          rss_base = rss;
          textures_base = textures;
          fds_base = fds;
        }
        rss_max = std::max(rss_max, rss);
        textures_max = std::max(textures_max, textures);
        fds_max = std::max(fds_max, fds);
        rounds = p.rounds();
      });
    }
  });
  std::printf("rss %ld kB at round %d, at most %ld kB after; textures %ld, at most %ld\n", rss_base,
              kBaseRound, rss_max, textures_base, textures_max);
  EXPECT_EQ(rounds, kRounds);
  EXPECT_GT(rss_base, 0);
  if (!kAddressSanitizer) {
    EXPECT_LT(rss_max - rss_base, 2048) << "resident memory grew over the rounds";
  }
  EXPECT_LE(textures_max, textures_base + 4) << "textures leaked";
  EXPECT_EQ(fds_max, fds_base) << "a file descriptor leaked";
}

}  // namespace
}  // namespace madang::app
