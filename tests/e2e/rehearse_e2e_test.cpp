// `madang rehearse` in a real X window (Xvfb, one screen: the slides with the
// rehearsal bar), driven by keys with the clock sped up (MADANG_CLOCK_SCALE):
// three rehearsals of the lecture leave three runs that `madang rehearsals`
// shows with budgets and a chart, and `present` then paces the talk against
// the learned budgets; a run killed half way keeps every finished slide;
// the pause key leaves its time out; the summary shows when Q ends a run.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "deck/parse.h"
#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

const std::string kLecture = std::string(MADANG_SLIDES_DIR) + "/lecture.md";
const std::string kSmall = std::string(MADANG_E2E_DATA) + "/present.md";

// Every position of a deck in order: (slide, step), 1-based slides.
std::vector<std::pair<int, int>> positions(const std::string& deck) {
  std::vector<std::pair<int, int>> out;
  const deck::Deck d = deck::load_deck(deck).deck;
  for (const deck::Slide& s : d.slides) {
    for (int step = 0; step <= s.steps; ++step) out.emplace_back(s.index, step);
  }
  return out;
}

std::string needle(const std::pair<int, int>& at) {
  return "slide=" + std::to_string(at.first) + " step=" + std::to_string(at.second) + " ";
}

class RehearseE2E : public XvfbSuite<RehearseE2E> {
 protected:
  void SetUp() override {
    XvfbSuite::SetUp();
    dir_ = temp_dir(name());
    history_ = dir_ + "/history.sqlite";
  }

  std::unique_ptr<Present> rehearse(const std::string& deck, double scale,
                                    const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--fullscreen", "--history", history_};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<Present>(
        *x_, deck, args, name() + "-" + std::to_string(++runs_),
        ModeRun{"rehearse", Env{{"MADANG_CLOCK_SCALE", std::to_string(scale)}}});
  }

  Json rehearsals_json(const std::string& deck) {
    const RunResult r =
        run({MADANG_BINARY, "rehearsals", deck, "--history", history_, "--json"}, {});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? Json::parse(r.out) : Json();
  }

  std::string dir_, history_;
  int runs_ = 0;
};

TEST_F(RehearseE2E, ThreeRehearsalsOfTheLectureThenPresentPacesByThem) {
  const std::vector<std::pair<int, int>> path = positions(kLecture);
  ASSERT_GT(path.size(), 20u);
  // Each run lingers differently: run k waits (1 + (i + k) % 3) * 60 ms real
  // per position, 20 times faster on the talk's clock.
  std::vector<double> real_s(3, 0);
  for (int k = 0; k < 3; ++k) {
    auto p = rehearse(kLecture, 20);
    ASSERT_NE(p->wait_idle({needle(path[0]), "rehearse=running"}, 20s), "")
        << p->last_idle() << p->stderr_text();
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 1; i < path.size(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(60 * (1 + (i + k) % 3)));
      p->key("Right");
      ASSERT_NE(p->wait_idle({needle(path[i])}), "")
          << "run " << k << " at " << i << ": " << p->last_idle();
    }
    std::this_thread::sleep_for(100ms);
    p->key("q");
    real_s[static_cast<std::size_t>(k)] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string summary = p->wait_idle({"idle summary=1"}, 10s);
    ASSERT_NE(summary, "") << p->stderr_text();
    EXPECT_NE(summary.find("run=" + std::to_string(k + 1) + " "), std::string::npos) << summary;
    // The summary fills the screen in the console's dark colours.
    std::this_thread::sleep_for(300ms);
    const render::RgbaImage shot = p->screenshot();
    EXPECT_EQ(test::pixel_at(shot, 8, 540), test::rgba(0x111418ff));
    p->key("q");
    EXPECT_EQ(p->wait_exit(5s), 0) << p->stderr_text();
  }

  const Json h = rehearsals_json(kLecture);
  ASSERT_EQ(h["runs"].size(), 3u) << h.dump(1);
  const int slides = path.back().first;
  for (std::size_t k = 0; k < 3; ++k) {
    const Json& one = h["runs"][k];
    EXPECT_EQ(one["id"], static_cast<int>(k) + 1);
    EXPECT_TRUE(one["finished"].get<bool>());
    ASSERT_EQ(one["slides"].size(), static_cast<std::size_t>(slides)) << one.dump(1);
    for (int i = 0; i < slides; ++i) {
      EXPECT_EQ(one["slides"][static_cast<std::size_t>(i)]["number"], i + 1);
      EXPECT_GT(one["slides"][static_cast<std::size_t>(i)]["seconds"].get<double>(), 0);
    }
    // The talk's time is the wall's, 20 times over (give or take the
    // windows' start and the keys' latency).
    const double talk = one["seconds"].get<double>();
    EXPECT_GT(talk, 20 * real_s[k] * 0.8) << talk;
    EXPECT_LT(talk, 20 * real_s[k] * 1.5) << talk;
  }
  // The table shows the three runs side by side; the chart is drawn.
  const RunResult table = run({MADANG_BINARY, "rehearsals", kLecture, "--history", history_}, {});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("#1      #2      #3  median"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("learned"), std::string::npos) << table.out;
  const std::string chart = dir_ + "/chart.png";
  const RunResult plot =
      run({MADANG_BINARY, "rehearsals", kLecture, "--history", history_, "--plot", chart}, {});
  ASSERT_EQ(plot.exit_code, 0) << plot.err;
  render::ImageCache images;
  const render::RgbaImage* image = images.get(chart);
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->width, 1600);

  // Present now paces the talk by the learned budgets: the trace names the
  // current slide's budget, as `rehearsals --json` planned it.
  const Json& plan = h["slides"];
  Present p(*x_, kLecture, {"--fullscreen", "--history", history_}, name() + "-present");
  std::string line = p.wait_idle({"slide=1 "}, 20s);
  ASSERT_NE(line, "") << p.stderr_text();
  auto budget_in = [](const std::string& l) {
    const std::size_t at = l.find(" budget=");
    return at == std::string::npos ? -1.0 : std::stod(l.substr(at + 8));
  };
  EXPECT_NEAR(budget_in(line), plan[0]["budget_seconds"].get<double>(), 0.1) << line;
  EXPECT_EQ(plan[0]["budget_from"], "learned");
  p.key("End");
  line = p.wait_idle({"slide=" + std::to_string(slides) + " "});
  ASSERT_NE(line, "") << p.last_idle();
  EXPECT_NEAR(budget_in(line),
              plan[static_cast<std::size_t>(slides - 1)]["budget_seconds"].get<double>(), 0.1)
      << line;
  // Not an even share: the runs lingered on some slides more than others.
  double low = 1e9, high = 0, sum = 0;
  for (const Json& s : plan) {
    low = std::min(low, s["budget_seconds"].get<double>());
    high = std::max(high, s["budget_seconds"].get<double>());
    sum += s["budget_seconds"].get<double>();
  }
  EXPECT_GT(high, low * 1.3);
  EXPECT_NEAR(sum, 1200, 1);  // scaled to fill the 20 minutes
  p.key("q");
  EXPECT_EQ(p.wait_exit(5s), 0);
}

TEST_F(RehearseE2E, KilledHalfWayKeepsEveryFinishedSlide) {
  const std::vector<std::pair<int, int>> path = positions(kLecture);
  auto p = rehearse(kLecture, 10);
  ASSERT_NE(p->wait_idle({needle(path[0]), "rehearse=running"}, 20s), "") << p->stderr_text();
  // Through slide 8, then into slide 9: eight finished stays.
  std::size_t i = 1;
  for (; i < path.size() && path[i].first <= 9; ++i) {
    std::this_thread::sleep_for(50ms);
    p->key("Right");
    ASSERT_NE(p->wait_idle({needle(path[i])}), "") << p->last_idle();
    if (path[i].first == 9) break;
  }
  // Committed by the writer thread: the trace says so.
  ASSERT_NE(p->wait_idle({"slide=9 ", "recorded=8"}, 10s), "") << p->last_idle();
  std::this_thread::sleep_for(300ms);
  p->kill9();
  const Json h = rehearsals_json(kLecture);
  ASSERT_EQ(h["runs"].size(), 1u) << h.dump(1);
  const Json& cut = h["runs"][0];
  EXPECT_FALSE(cut["finished"].get<bool>());  // cut short
  ASSERT_EQ(cut["slides"].size(), 8u) << cut.dump(1);
  for (int s = 0; s < 8; ++s) {
    EXPECT_EQ(cut["slides"][static_cast<std::size_t>(s)]["number"], s + 1);
    EXPECT_GT(cut["slides"][static_cast<std::size_t>(s)]["seconds"].get<double>(), 0);
  }
  // The table marks it.
  const RunResult table = run({MADANG_BINARY, "rehearsals", kLecture, "--history", history_}, {});
  EXPECT_NE(table.out.find("cut short (*)"), std::string::npos) << table.out;
}

TEST_F(RehearseE2E, PauseKeyLeavesItsTimeOutAndTheBarShowsIt) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  auto p = rehearse(kSmall, 20);
  ASSERT_NE(p->wait_idle({"slide=1 ", "timer=running"}, 20s), "") << p->stderr_text();
  const auto started = Clock::now();
  p->key("t");
  ASSERT_NE(p->wait_idle({"timer=paused"}), "") << p->last_idle();
  const auto paused = Clock::now();
  // While paused (40 s of the talk's clock): the bar at the foot of the
  // slide, dark over the light slide.
  std::this_thread::sleep_for(300ms);
  const render::RgbaImage shot = p->screenshot();
  const test::Rgba bar = test::pixel_at(shot, 960, 1070);
  EXPECT_LT(bar.r + bar.g + bar.b, 3 * 60) << "no rehearsal bar";
  EXPECT_GT(test::pixel_at(shot, 960, 300).g, 200) << "the slide is not light above the bar";
  std::this_thread::sleep_until(paused + 2s);
  const auto resumed = Clock::now();
  p->key("t");
  ASSERT_NE(p->wait_idle({"timer=running"}), "") << p->last_idle();
  p->key("Right");
  ASSERT_NE(p->wait_idle({"slide=2 "}), "") << p->last_idle();
  const auto moved = Clock::now();
  p->key("q");
  ASSERT_NE(p->wait_idle({"idle summary=1"}, 10s), "");
  p->key("q");
  EXPECT_EQ(p->wait_exit(5s), 0);
  const Json h = rehearsals_json(kSmall);
  ASSERT_EQ(h["runs"].size(), 1u);
  const double first = h["runs"][0]["slides"][0]["seconds"].get<double>();
  // On the talk's clock (20 times the wall's) slide 1 lasted the time
  // outside the pause, give or take the keys' latency: never the pause.
  const double outside = seconds(paused - started) + seconds(moved - resumed);
  const double pause = seconds(resumed - paused);
  EXPECT_GT(first, 0);
  EXPECT_LT(first, 20 * (outside + 0.5)) << "outside " << outside << " s, pause " << pause << " s";
  EXPECT_LT(first, 20 * (outside + pause) - 20 * 1.5) << "the pause was counted";
}

}  // namespace
}  // namespace madang::e2e
