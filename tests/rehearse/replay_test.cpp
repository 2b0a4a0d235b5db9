// A rehearsal replayed exactly: the real rehearse mode (its controller,
// windows on SDL's offscreen driver, loop, recorder, writer thread and
// database) driven by a scripted clock that hands out key and window events
// at chosen times. The times recorded are exactly the script's, pauses (the
// T key, and leaving the window) left out; a run that ends before the last
// slide is partial. On one screen the bar has a band of its own at the foot:
// the slide is letterboxed above it, drawn and hit-tested there.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <vector>

#include "deck/parse.h"
#include "history/store.h"
#include "image_compare.h"
#include "screens/rehearsal.h"
#include "modes/deck_resources.h"
#include "modes/hall_input.h"
#include "modes/hall_view.h"
#include "modes/rehearse.h"
#include "platform/sdl_support.h"
#include "platform/window.h"
#include "temp_dir.h"

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
  // `look` runs at `at_ms`, between frames (what is on screen is drawn).
  void call(double at_ms, std::function<void()> look) {
    script_.push_back({at_ms, SDL_Event{}});
    calls_[script_.size() - 1 + popped_] = std::move(look);
  }
  double now_ms() override { return now_; }
  bool wait(SDL_Event* event, double timeout_ms) override {
    for (;;) {
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
      const SDL_Event e = script_.front().second;
      script_.pop_front();
      const auto look = calls_.find(popped_++);
      if (look == calls_.end()) {
        *event = e;
        return true;
      }
      look->second();
    }
  }

 private:
  double now_ = 0;
  std::deque<std::pair<double, SDL_Event>> script_;
  std::map<std::size_t, std::function<void()>> calls_;  // by place in the script
  std::size_t popped_ = 0;
};

// The first window's picture as drawn (ARGB), and its size.
struct Picture {
  int w = 0, h = 0;
  std::vector<Uint32> pixels;
  Uint32 at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                  static_cast<std::size_t>(x)];
  }
  // Brightness, 0 to 765.
  int light(int x, int y) const {
    const Uint32 p = at(x, y);
    return static_cast<int>(((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff));
  }
};

Picture window_picture() {
  Picture p;
  for (Uint32 id = 1; id < 64; ++id) {
    SDL_Window* window = SDL_GetWindowFromID(id);
    SDL_Renderer* renderer = window ? SDL_GetRenderer(window) : nullptr;
    if (!renderer) continue;
    SDL_GetRendererOutputSize(renderer, &p.w, &p.h);
    p.pixels.resize(static_cast<std::size_t>(p.w) * static_cast<std::size_t>(p.h));
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, p.pixels.data(),
                             p.w * 4) != 0) {
      p.pixels.clear();
    }
    break;
  }
  return p;
}

class Replay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    ASSERT_TRUE(start_video("rehearse"));
  }
  static void TearDownTestSuite() { SDL_Quit(); }

  void SetUp() override {
    dir_ = test::fresh_dir(test::output_dir(
        "rehearse-replay-" +
        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())));
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
  EXPECT_FALSE(run.complete);  // Q on slide 3 of 5: partial
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
  EXPECT_FALSE(r.runs[0].complete);  // slide 2 of 5
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
  EXPECT_TRUE(r.runs[0].complete);  // through to slide 5
  EXPECT_TRUE(r.runs[1].complete);
  const double first[] = {4, 6, 6, 3, 1}, second[] = {8, 12, 12, 6, 1};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(r.runs[0].visits[i].seconds, first[i]) << i;
    EXPECT_DOUBLE_EQ(r.runs[1].visits[i].seconds, second[i]) << i;
  }
}

TEST_F(Replay, OneScreenGivesTheBarABandOfItsOwn) {
  // A deck with a footer and page numbers: what the bar used to cover.
  options_.present.deck = dir_ + "/footer.md";
  std::ofstream(options_.present.deck)
      << "---\ntitle: 꼬리말\nfooter: 꼬리말이 보여야 합니다\npaginate: true\n---\n\n"
         "# 하나\n\n첫째 슬라이드\n\n---\n\n# 둘\n\n둘째 슬라이드\n";
  ScriptClock clock;
  Picture shot;
  clock.call(5'000, [&] { shot = window_picture(); });
  clock.key(6'000, SDL_SCANCODE_RIGHT);
  clock.key(8'000, SDL_SCANCODE_Q);
  clock.key(9'000, SDL_SCANCODE_Q);
  ASSERT_EQ(rehearse_on(options_, clock, 1730451600), 0);
  ASSERT_FALSE(shot.pixels.empty()) << SDL_GetError();
  const layout::Rect bar = layout::rehearsal_bar_rect({shot.w, shot.h});
  const int bar_top = static_cast<int>(bar.y);
  ASSERT_GT(bar.h, 8);
  ASSERT_LT(bar_top, shot.h);
  // The slide (light) is wherever a light pixel is above the bar.
  int left = shot.w, right = -1, top = shot.h, bottom = -1;
  for (int y = 0; y < bar_top; ++y) {
    for (int x = 0; x < shot.w; ++x) {
      if (shot.light(x, y) < 3 * 120) continue;
      left = std::min(left, x);
      right = std::max(right, x);
      top = std::min(top, y);
      bottom = std::max(bottom, y);
    }
  }
  ASSERT_GE(right, left);
  const double w = right - left + 1, h = bottom - top + 1;
  // Letterboxed above the band, whole, in the deck's aspect (16:9), its
  // foot on the bar's top edge.
  EXPECT_EQ(bottom, bar_top - 1);
  EXPECT_NEAR(w / h, 16.0 / 9.0, 2.0 / h) << w << "x" << h << " in " << shot.w << "x" << shot.h;
  EXPECT_NEAR(left, shot.w - 1 - right, 1.0);  // centred
  // Under the bar there is no slide: the bar's left end, where it has no
  // text, is the bar over the black letterbox, not over the light slide.
  int lit = 0;
  for (int y = bar_top; y < shot.h; ++y) lit += shot.light(1, y) >= 3 * 30 ? 1 : 0;
  EXPECT_EQ(lit, 0) << "rows of slide under the bar";
}

// Where the hall draws its slide above the band is where a click lands.
TEST_F(Replay, TheHallHitTestsTheSlideWhereItDrawsIt) {
  deck::ParseOptions parse;
  parse.check_files = false;
  deck::Deck deck =
      deck::parse_deck(
          "---\nfooter: 꼬리말\npaginate: true\n---\n\n# 세 주체\n\n"
          "```diagram triangle\nnodes:\n  - id: gov\n    label: 정부\n"
          "  - id: market\n    label: 시장\n  - id: civil\n    label: 시민사회\n```\n",
          "deck.md", parse)
          .deck;
  std::string error;
  const std::unique_ptr<Window> window = Window::open("band", {0, false, 16.0f / 9.0f}, &error);
  ASSERT_NE(window, nullptr) << error;
  std::vector<std::string> warnings;
  DeckResources resources(deck, &warnings);
  HallView view(window->renderer(), resources);
  const HallTarget hall{window.get(), &view};
  show::Show show = show::open_show(deck, {});
  int w = 0, h = 0;
  window->output_size(&w, &h);
  const layout::Rect bar = layout::rehearsal_bar_rect({w, h});
  EXPECT_TRUE(view.set_band(static_cast<int>(bar.h)));
  EXPECT_FALSE(view.set_band(static_cast<int>(bar.h)));
  const layout::Rect slide = view.slide_rect_of(w, h, deck);
  EXPECT_LE(slide.y + slide.h, bar.y);
  EXPECT_NEAR(slide.w / slide.h, 16.0 / 9.0, 2.0 / slide.h);
  // The list the pointer hit-tests is the one laid out for that rect, and
  // its footer (and page number) is above the bar.
  const layout::DisplayList* list = hall_list(hall, show);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->width, static_cast<int>(slide.w));
  EXPECT_EQ(list->height, static_cast<int>(slide.h));
  int footers = 0;
  for (const layout::TextItem& t : list->texts) {
    if (t.role != layout::TextRole::kFooter) continue;
    ++footers;
    EXPECT_LE(slide.y + t.rect.y + t.rect.h, bar.y);
  }
  EXPECT_GT(footers, 0);
  // Window units to the slide's pixels through the same rect.
  const WindowScale scale = window->scale();
  const float sx = static_cast<float>(scale.pixel_w) / static_cast<float>(scale.window_w);
  const float sy = static_cast<float>(scale.pixel_h) / static_cast<float>(scale.window_h);
  const layout::Point corner = on_hall_slide(hall, deck, slide.x / sx, slide.y / sy);
  EXPECT_NEAR(corner.x, 0, 0.01);
  EXPECT_NEAR(corner.y, 0, 0.01);
  // A click on a node, where it is drawn, selects it.
  const layout::HitRegion* gov = nullptr;
  for (const layout::HitRegion& r : list->hits) {
    if (r.id == "gov") gov = &r;
  }
  ASSERT_NE(gov, nullptr);
  const float cx = slide.x + gov->rect.x + gov->rect.w / 2;
  const float cy = slide.y + gov->rect.y + gov->rect.h / 2;
  EXPECT_TRUE(hall_click(show, hall, cx / sx, cy / sy).any);
  EXPECT_EQ(show::here(show).selected, (std::vector<std::string>{"gov"}));
}

}  // namespace
}  // namespace madang::app
