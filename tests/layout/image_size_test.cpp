// Layout never opens an image: its pixel size comes with the deck, read from
// the file's header once when the deck was loaded (deck/images.h). So a
// slide draws the same whether its image files are still there or not.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "deck/parse.h"
#include "layout_fixture.h"

namespace madang::layout {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- a PNG

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, crc32(body));
}

// A valid PNG of width x height black 8-bit grey pixels, in one stored
// deflate block (so at most 64 KiB of pixels): any reader takes it, and its
// size says which file a rect was drawn from.
std::string black_png(std::uint32_t width, std::uint32_t height) {
  const std::string rows((width + 1) * height, '\0');  // filter byte 0, then black
  EXPECT_LE(rows.size(), 65535u);
  std::string ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, deflate, no interlace
  std::string z("\x78\x01\x01", 3);                // zlib header; the last block, stored
  const auto n = static_cast<std::uint16_t>(rows.size());
  const auto not_n = static_cast<std::uint16_t>(~n);
  z += {static_cast<char>(n & 0xFF), static_cast<char>(n >> 8), static_cast<char>(not_n & 0xFF),
        static_cast<char>(not_n >> 8)};
  z += rows;
  put32(z, (static_cast<std::uint32_t>(rows.size() % 65521) << 16) | 1);  // Adler-32 of zeros
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  return png;
}

// ---------------------------------------------------------------- drawing

// What a deck's slides draw, as far as images go: each slide's command
// count and diagnostics, and each image's rect, file and label.
struct Drawn {
  std::string dump;
  int from_files = 0;  // image commands that draw a file (not a placeholder)
};

Drawn draw_deck(text::FontSystem& fonts, const deck::Deck& deck) {
  LayoutCache cache;  // fresh: nothing is remembered from an earlier layout
  Drawn out;
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    const SlideLayout& l = cache.get(fonts, deck, static_cast<int>(i), {}, Size{});
    out.dump += "slide " + std::to_string(i + 1) + ": " + std::to_string(l.list.commands.size()) +
                " commands\n";
    for (const Diagnostic& d : l.diagnostics) out.dump += "  " + format_diagnostic(d) + "\n";
    for (const Command& c : l.list.commands) {
      if (c.kind != CommandKind::kImage) continue;
      char rect[96];
      std::snprintf(rect, sizeof rect, "%.2f %.2f %.2f %.2f", c.rect.x, c.rect.y, c.rect.w,
                    c.rect.h);
      out.dump += "  image " + std::string(rect) + " '" + c.image_path + "' " + c.label + "\n";
      out.from_files += !c.image_path.empty();
    }
  }
  return out;
}

class LayoutWithoutFiles : public LayoutTest {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("madang-layout-images-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + test->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  fs::path dir_;
};

TEST_F(LayoutWithoutFiles, SlidesDrawTheSameAfterTheirImagesAreDeleted) {
  write("wide.png", black_png(64, 32));
  write("tall.png", black_png(30, 90));
  write("logo.png", black_png(40, 20));
  // A block image, a footer logo on every slide, an `![bg]` and a
  // backgroundImage directive: every place an image's size is needed.
  write("deck.md",
        "---\nmarp: true\nfooter: '![h:40](logo.png) 희망제작소'\n---\n\n"
        "# 그림\n\n![w:600 지도](wide.png)\n\n---\n\n"
        "![bg contain](tall.png)\n\n# 배경\n\n---\n\n"
        "<!-- _backgroundImage: url(tall.png) -->\n<!-- _backgroundSize: contain -->\n\n"
        "# 지시문의 배경\n");
  const deck::ParseResult r = deck::load_deck((dir_ / "deck.md").string());
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_EQ(r.deck.slides.size(), 3u);

  const Drawn before = draw_deck(*fonts_, r.deck);
  EXPECT_EQ(before.from_files, 6) << before.dump;  // 3 logos, the block, 2 backgrounds
  for (const char* name : {"wide.png", "tall.png", "logo.png"}) fs::remove(dir_ / name);
  const Drawn after = draw_deck(*fonts_, r.deck);
  EXPECT_EQ(after.dump, before.dump);
  EXPECT_EQ(after.from_files, before.from_files);
}

// What the deck does not know, layout does not look up: an image with no
// size (a deck parsed without looking at files) is a placeholder, though its
// file is right there.
TEST_F(LayoutWithoutFiles, AnImageTheDeckDidNotSizeIsAPlaceholderThoughItsFileIsThere) {
  write("wide.png", black_png(64, 32));
  deck::Block img;
  img.kind = deck::BlockKind::kImage;
  img.image.src = "wide.png";
  img.image.resolved = (dir_ / "wide.png").string();
  deck::Deck d = one_slide({heading("그림"), img});
  deck::Image logo = img.image;
  d.slides[0].footer_images = {logo};
  deck::BackgroundImage bg;
  bg.image = img.image;
  d.slides[0].background.images = {bg};
  const Drawn drawn = draw_deck(*fonts_, d);
  EXPECT_EQ(drawn.from_files, 0) << drawn.dump;
}

TEST_F(LayoutTest, AnImagesSizeComesFromTheDeckNotFromItsFile) {
  // Paths that do not exist (any more): the sizes the deck holds are used.
  deck::Block img;
  img.kind = deck::BlockKind::kImage;
  img.image.src = "wide.png";
  img.image.resolved = "/nonexistent-madang-deck/wide.png";
  img.image.pixel_width = 400;
  img.image.pixel_height = 100;
  deck::Deck d = one_slide({heading("그림"), img});
  deck::BackgroundImage bg;
  bg.fit = deck::BackgroundFit::kContain;
  bg.image.src = "tall.png";
  bg.image.resolved = "/nonexistent-madang-deck/tall.png";
  bg.image.pixel_width = 100;
  bg.image.pixel_height = 300;
  d.slides[0].background.images = {bg};
  const SlideLayout l = lay(d);
  EXPECT_TRUE(l.diagnostics.empty()) << format_diagnostic(l.diagnostics.front());
  int seen = 0;
  for (const Command& c : l.list.commands) {
    if (c.kind != CommandKind::kImage) continue;
    ++seen;
    SCOPED_TRACE(c.image_path);
    const bool wide = c.image_path == img.image.resolved;
    EXPECT_TRUE(wide || c.image_path == bg.image.resolved);  // drawn, not a placeholder
    EXPECT_NEAR(c.rect.w / c.rect.h, wide ? 4.0f : 1.0f / 3, 0.01);
  }
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace madang::layout
