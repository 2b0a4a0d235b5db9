// Overlays drawn by a software renderer into a plain surface (no window, no
// video driver): each shows where it should, and the font atlas grows to
// cover the characters of error messages.
#include "modes/overlays.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <memory>

namespace madang::app {
namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

class OverlaysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_RGBA32);
    ASSERT_NE(surface_, nullptr) << SDL_GetError();
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    ASSERT_NE(renderer_, nullptr) << SDL_GetError();
    std::string warning;
    overlays_ = std::make_unique<Overlays>(renderer_, 20, &warning);
    ASSERT_TRUE(warning.empty()) << warning;
  }
  void TearDown() override {
    overlays_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
  }

  // Clears to white, draws, and reads the surface back.
  void draw(const OverlayInput& in) {
    SDL_SetRenderDrawColor(renderer_, 255, 255, 255, 255);
    SDL_RenderClear(renderer_);
    overlays_->draw(in);
    SDL_RenderPresent(renderer_);
  }
  Rgb at(int x, int y) const {
    const auto* p = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch + x * 4;
    return {p[0], p[1], p[2]};
  }
  bool white(int x, int y) const {
    const Rgb c = at(x, y);
    return c.r == 255 && c.g == 255 && c.b == 255;
  }
  OverlayInput input() const {
    OverlayInput in;
    in.width = kW;
    in.height = kH;
    in.slide_count = 23;
    return in;
  }

  static constexpr int kW = 1280, kH = 720;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<Overlays> overlays_;
};

TEST_F(OverlaysTest, NothingToShowDrawsNothing) {
  const OverlayInput in = input();
  EXPECT_FALSE(Overlays::visible(in));
  draw(in);
  for (int y = 0; y < kH; y += 40) {
    for (int x = 0; x < kW; x += 40) ASSERT_TRUE(white(x, y)) << x << "," << y;
  }
}

TEST_F(OverlaysTest, HelpIsADarkPanelInTheMiddle) {
  const std::vector<HelpLine> lines = help_lines(default_bindings());
  OverlayInput in = input();
  in.help = &lines;
  draw(in);
  const Rgb c = at(kW / 2, kH / 2);
  EXPECT_LT(c.r + c.g + c.b, 3 * 60);
  EXPECT_TRUE(white(5, 5));
}

TEST_F(OverlaysTest, JumpNumberSitsAtTheBottomCentre) {
  OverlayInput in = input();
  in.jump = "12";
  draw(in);
  EXPECT_TRUE(white(kW / 2, kH / 4));
  int dark = 0;
  for (int y = kH / 2; y < kH; y += 4) dark += at(kW / 2, y).r < 60 ? 1 : 0;
  EXPECT_GT(dark, 5);
}

TEST_F(OverlaysTest, ErrorsAreARedBoxAtTheBottomLeftAndBringTheirGlyphs) {
  const std::string message = "deck.md:3:1: error: unknown node id '협동조합'";
  EXPECT_FALSE(overlays_->has_glyphs("협동조합"));  // not in any fixed overlay string
  EXPECT_TRUE(overlays_->has_glyphs("다음"));       // from the help text
  OverlayInput in = input();
  in.errors = {message};
  in.error_count = 1;
  draw(in);
  EXPECT_TRUE(overlays_->has_glyphs("협동조합"));
  const Rgb c = at(18, kH - 18);  // inside the box, left of and below its text
  EXPECT_GT(c.r, 100);
  EXPECT_LT(c.g, 60);
  EXPECT_TRUE(white(kW - 5, 5));
}

TEST_F(OverlaysTest, OverviewFillsTheWindowAndFramesTheCursor) {
  const OverviewGrid grid = overview_grid(4, kW, kH, 16.0f / 9.0f, 28);
  OverlayInput in = input();
  in.grid = &grid;
  in.thumbs = {nullptr, nullptr, nullptr, nullptr};  // placeholders
  in.cursor = 3;
  draw(in);
  const Rgb corner = at(2, 2);
  EXPECT_EQ(corner.r, 28);
  EXPECT_EQ(corner.g, 28);
  EXPECT_EQ(corner.b, 32);
  // The cursor's accent frame just outside thumbnail 4.
  const layout::Rect& r = grid.thumbs[3];
  const Rgb frame = at(static_cast<int>(r.x + r.w / 2), static_cast<int>(r.y) - 4);
  EXPECT_GT(frame.b, 200);
  EXPECT_LT(frame.r, 140);
}

}  // namespace
}  // namespace madang::app
