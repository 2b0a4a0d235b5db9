// Pictures in the SDL sink (render/render.h): how long an image's texture
// outlives the draws that used it (the export keeps none, a window eight),
// and a blurred image drawn blurred.
#include <gtest/gtest.h>

#include "render/image_filter.h"
#include "render_fixture.h"
#include "temp_dir.h"

namespace madang::test {
namespace {

// Deterministic opaque noise.
render::RgbaImage noise(int w, int h) {
  render::RgbaImage img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
  std::uint32_t s = 99;
  for (std::size_t i = 0; i < img.pixels.size(); ++i) {
    s = s * 1103515245u + 12345u;
    img.pixels[i] = i % 4 == 3 ? 255 : static_cast<std::uint8_t>(s >> 16);
  }
  return img;
}

class ImageTextureTest : public RenderTest {
 protected:
  void SetUp() override {
    RenderTest::SetUp();
    path_ = dir_.file("noise.png");
    ASSERT_TRUE(render::write_png(noise(40, 30), path_, nullptr));
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, 80, 60, 32, SDL_PIXELFORMAT_RGBA32);
    ASSERT_NE(surface_, nullptr);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    ASSERT_NE(renderer_, nullptr);
  }
  void TearDown() override {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
  }
  // The texture counts after a draw with the picture, then after each of
  // `empty` draws without it (no text: only image textures are made).
  std::vector<int> counts(render::SdlRenderer& sink, int empty) {
    std::vector<int> out;
    sink.draw(list_of(80, 60, {image({0, 0, 40, 30}, path_)}));
    out.push_back(sink.texture_count());
    for (int i = 0; i < empty; ++i) {
      sink.draw(list_of(80, 60, {}));
      out.push_back(sink.texture_count());
    }
    return out;
  }

  TempDir dir_;
  std::string path_;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

TEST_F(ImageTextureTest, UnusedTexturesLiveAsManyDrawsAsTheOwnerSays) {
  {
    render::SdlRenderer window(renderer_, *glyphs_, images_);  // 8 draws
    EXPECT_EQ(counts(window, 9), (std::vector<int>{1, 1, 1, 1, 1, 1, 1, 1, 1, 0}));
  }
  {
    render::SdlRenderer sink(renderer_, *glyphs_, images_);
    sink.set_image_texture_draws(0);  // until a draw goes without it
    EXPECT_EQ(counts(sink, 2), (std::vector<int>{1, 0, 0}));
    // Drawn again in the next draw: kept, not made again.
    sink.draw(list_of(80, 60, {image({0, 0, 40, 30}, path_)}));
    sink.draw(list_of(80, 60, {image({40, 30, 40, 30}, path_)}));
    EXPECT_EQ(sink.texture_count(), 1);
  }
  {
    render::SdlRenderer sink(renderer_, *glyphs_, images_);
    sink.set_image_texture_draws(-1);  // the export's: gone with its draw
    EXPECT_EQ(counts(sink, 1), (std::vector<int>{0, 0}));
  }
}

TEST_F(ImageTextureTest, ExportKeepsNoTextureYetDrawsTheSame) {
  // With textures dropped after each render, a picture drawn on two renders
  // in a row is drawn the same both times (its texture made again from the
  // ImageCache), and as a renderer that keeps it draws it.
  const layout::DisplayList list = list_of(80, 60, {image({10, 10, 40, 30}, path_)});
  render::HeadlessRenderer keeping(*glyphs_, images_);
  render::HeadlessRenderer dropping(*glyphs_, images_);
  dropping.set_image_texture_draws(-1);
  const render::RgbaImage first = dropping.render(list);
  EXPECT_TRUE(compare_images(dropping.render(list), first, {0, 0}, "export_texture_again"));
  EXPECT_TRUE(compare_images(keeping.render(list), first, {0, 0}, "export_texture_kept"));
}

TEST_F(ImageTextureTest, BlurredImageIsDrawnBlurred) {
  // Drawn 1:1, a blurred image's pixels are apply_filters' (within the
  // sampling's rounding); the unblurred one is noise. A sink that skipped
  // the filter fails here.
  layout::Command blurred = image({0, 0, 40, 30}, path_);
  blurred.filters = {{deck::FilterKind::kBlur, 3}};
  const render::RgbaImage drawn = render(list_of(40, 30, {blurred}));
  const render::RgbaImage expected =
      render::apply_filters(noise(40, 30), {{deck::FilterKind::kBlur, 3}});
  EXPECT_TRUE(compare_images(drawn, expected, {2, 0}, "blurred_image_drawn"));
  const render::RgbaImage plain = render(list_of(40, 30, {image({0, 0, 40, 30}, path_)}));
  EXPECT_GT(diff_images(plain, expected, 2).differing_pixels, 40 * 30 / 2);
}

}  // namespace
}  // namespace madang::test
