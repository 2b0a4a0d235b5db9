// Image checks in two parts (session/deck_loading.h, modes/image_checks.h):
// a window mode checks the images of the slide it starts on before its
// first frame and the rest after it, on workers, applying their verdicts on
// the loop's thread.
//
// Asserts: a deck whose slide 7 shows a damaged PNG opens with only slide
// 1's image checked; the present controller (a real window and renderer on
// SDL's offscreen driver) draws slide 1 before slide 7's image is read; the
// warning then comes by itself, FILE:LINE:COL as `check` prints it, and
// slide 7's layout (through the layout cache the windows share) shows the
// labelled placeholder instead of the image. A deck started on slide 7 has
// the verdict before its first frame. The checker stops after the files in
// its hands.
#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "modes/show_controller.h"
#include "noise_image.h"
#include "platform/sdl_support.h"
#include "render/image.h"
#include "session/deck_loading.h"
#include "temp_dir.h"

namespace madang::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

render::RgbaImage noise(int w, int h) {
  return test::noise_image(w, h, 88172645u);
}

constexpr int kBadSlide = 6;  // 0-based: slide 7
constexpr int kBadLine = 34;  // where `![망가진 사진](bad.png)` stands in the deck below

// Eight slides: a good photo on slide 1, a truncated PNG (its header whole,
// its rows cut short) on slide 7.
class LaterChecks : public test::TempDirTest {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(render::write_png(noise(320, 240), file("good.png"), &error)) << error;
    ASSERT_TRUE(render::write_png(noise(320, 240), file("whole.png"), &error)) << error;
    fs::copy_file(file("whole.png"), file("bad.png"));
    fs::resize_file(file("bad.png"), fs::file_size(file("bad.png")) / 2);
    std::string deck =
        "---\ntitle: 늦은 검사\ntransition: none\n---\n\n![사진](good.png)\n\n# 하나\n";
    for (int s = 2; s <= 8; ++s) {
      deck += "\n---\n\n# " + std::to_string(s) + "\n";
      if (s == kBadSlide + 1) deck += "\n![망가진 사진](bad.png)\n";
    }
    path_ = write("talk.md", deck);
    int line = 1;
    for (std::size_t i = 0; i < deck.find("![망가진"); ++i) line += deck[i] == '\n' ? 1 : 0;
    ASSERT_EQ(line, kBadLine) << deck;
  }

  // The image items of `list`: its paths ("" for a placeholder) and labels.
  static std::vector<std::pair<std::string, std::string>> images(const layout::DisplayList& list) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const layout::Command& c : list.commands)
      if (c.kind == layout::CommandKind::kImage) out.emplace_back(c.image_path, c.label);
    return out;
  }

  static const deck::Image& bad_image(const deck::Deck& deck) {
    for (const deck::Block& b : deck.slides[kBadSlide].blocks)
      if (b.kind == deck::BlockKind::kImage) return b.image;
    ADD_FAILURE() << "slide 7 has no image";
    return deck.slides[kBadSlide].blocks.front().image;
  }

  std::string path_;
};

TEST_F(LaterChecks, OnlyTheStartSlidesImagesAreCheckedBeforeTheFirstFrame) {
  ImageChecks checks;
  deck::ParseResult parsed = load_deck_starting(path_, 1, &checks);
  ASSERT_FALSE(has_errors(parsed.diagnostics));
  EXPECT_TRUE(parsed.diagnostics.empty()) << format_diagnostic(parsed.diagnostics.front());
  ASSERT_NE(checks.first, nullptr);
  checks.first->wait();
  EXPECT_TRUE(checks.first->take().empty()) << "slide 1's photo is whole";
  EXPECT_EQ(checks.later, std::vector<std::string>{file("bad.png")});
  EXPECT_FALSE(bad_image(parsed.deck).resolved.empty()) << "checked before its time";

  // Started on slide 7, its image is among the first.
  ImageChecks on_seven;
  parsed = load_deck_starting(path_, 7, &on_seven);
  ASSERT_NE(on_seven.first, nullptr);
  on_seven.first->wait();
  const ImageVerdicts bad = on_seven.first->take();
  ASSERT_EQ(bad.count(file("bad.png")), 1u);
  EXPECT_EQ(on_seven.later, std::vector<std::string>{file("good.png")});
  Diagnostics found;
  EXPECT_EQ(apply_image_verdicts(&parsed.deck, bad, &found), std::vector<int>{kBadSlide});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(format_diagnostic(found[0]).rfind(path_ + ":" + std::to_string(kBadLine) +
                                                  ":1: warning: "
                                                  "image 'bad.png' cannot be decoded",
                                              0),
            0u)
      << format_diagnostic(found[0]);
  EXPECT_TRUE(bad_image(parsed.deck).resolved.empty());

  // `check` and the exports: every image before anything, the same words.
  deck::ParseResult whole = load_deck_checked(path_);
  ASSERT_EQ(whole.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(whole.diagnostics[0]), format_diagnostic(found[0]));
}

TEST_F(LaterChecks, TheShowOpensOnSlideOneAndTheDamagedImageTurnsIntoItsPlaceholderLater) {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  setenv("SDL_AUDIODRIVER", "madang-test-no-sound", 1);
  ASSERT_TRUE(start_video("later-image-checks"));
  {
    deck::ParseResult parsed;
    ImageChecks checks;
    int code = 0;
    ASSERT_TRUE(load_show_deck_starting(path_, 1, &parsed, &checks, &code));
    SteadyClock clock;
    ShowController mode({.no_console = true, .windowed = true},
                        show::open_show(std::move(parsed.deck), {.slide = 1}), clock);
    mode.check_images(std::move(checks));
    ASSERT_TRUE(mode.open());
    const layout::Rect rect{0, 0, 640, 360};
    SlideView& view = mode.screens().hall_view().slides();
    const layout::SlideState all;

    // The first frame: slide 1, and slide 7's image not read yet (its
    // layout, cached as the windows cache it, still shows the file).
    testing::internal::CaptureStderr();
    mode.frame(clock.now_ms());
    EXPECT_EQ(mode.screens().hall().frames, 1);
    EXPECT_EQ(mode.show().at.slide, 0);
    EXPECT_FALSE(bad_image(mode.show().deck).resolved.empty())
        << "slide 7's image was checked before the first frame";
    const layout::DisplayList* seven = view.laid_out(mode.show().deck, kBadSlide, all, rect);
    ASSERT_NE(seven, nullptr);
    EXPECT_EQ(images(*seven).at(0).first, file("bad.png"));

    // The loop goes on: the checks begin after that frame, and the
    // verdict arrives by itself.
    const auto until = Clock::now() + std::chrono::seconds(20);
    while (!bad_image(mode.show().deck).resolved.empty() && Clock::now() < until) {
      SDL_Event e;
      if (SDL_WaitEventTimeout(&e, 20)) {
        mode.handle(e, clock.now_ms());
        if (bad_image(mode.show().deck).resolved.empty()) break;
      }
      mode.frame(clock.now_ms());
    }
    const long frames = mode.screens().hall().frames;
    mode.frame(clock.now_ms());
    const std::string said = testing::internal::GetCapturedStderr();
    ASSERT_TRUE(bad_image(mode.show().deck).resolved.empty())
        << "no verdict came; stderr: " << said;
    EXPECT_NE(said.find(path_ + ":" + std::to_string(kBadLine) +
                        ":1: warning: image 'bad.png' cannot be decoded"),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("it is drawn as a placeholder"), std::string::npos) << said;
    EXPECT_EQ(mode.screens().hall().frames, frames + 1) << "the window does not draw again";

    // Slide 7 is laid out again: the labelled placeholder.
    seven = view.laid_out(mode.show().deck, kBadSlide, all, rect);
    ASSERT_NE(seven, nullptr);
    const auto items = images(*seven);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].first, "") << "the image, not its placeholder";
    EXPECT_NE(items[0].second.find("망가진 사진"), std::string::npos) << items[0].second;
  }
  SDL_Quit();
}

TEST_F(LaterChecks, TheCheckerStopsAfterTheFilesInItsHands) {
  // Sixty large files: a few hundred ms each on a loaded machine, minutes in all.
  std::string error;
  ASSERT_TRUE(render::write_png(noise(2400, 1800), file("big-0.png"), &error)) << error;
  std::vector<std::string> files{file("big-0.png")};
  for (int i = 1; i < 60; ++i) {
    files.push_back(file("big-" + std::to_string(i) + ".png"));
    fs::create_hard_link(files[0], files.back());
  }
  const auto t0 = Clock::now();
  ASSERT_EQ(render::check_image(files[0]), "");
  const double one_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  auto checker = std::make_unique<ImageChecker>(files);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto t1 = Clock::now();
  checker.reset();
  const double stop_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  EXPECT_LT(stop_ms, 3 * one_ms + 50) << "one check takes " << one_ms << " ms";
}

}  // namespace
}  // namespace madang::app
