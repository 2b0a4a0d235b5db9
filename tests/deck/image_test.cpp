// Images: size keywords, inline images, files on disk.
#include <filesystem>
#include <fstream>

#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

namespace fs = std::filesystem;

TEST(Image, SizeKeywordsAndAlt) {
  const ParseResult r = parse(
      "![w:800 h:450 지도 사진](img/map.png)\n\n![w:50% 반쪽](a.png)\n\n![그냥](b%20c.png)\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind, BlockKind::kImage);
  EXPECT_EQ(b[0].image.alt, "지도 사진");
  EXPECT_EQ(b[0].image.src, "img/map.png");
  EXPECT_EQ(b[0].image.resolved, "/deck/img/map.png");
  EXPECT_FLOAT_EQ(b[0].image.width, 800);
  EXPECT_FLOAT_EQ(b[0].image.height, 450);
  EXPECT_FLOAT_EQ(b[1].image.width, -0.5f);
  EXPECT_FLOAT_EQ(b[1].image.height, 0);
  EXPECT_EQ(b[2].image.alt, "그냥");
  EXPECT_EQ(b[2].image.resolved, "/deck/b c.png");
  EXPECT_EQ(b[2].line, 5);
}

TEST(Image, BadSizeAndInlineImageWarn) {
  const ParseResult r = parse("![w:abc 사진](a.png)\n\n글 속의 ![작은 그림](b.png) 이미지\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: image size 'w:abc' is not a length (800px, 50%, 12cm, 3in, "
                "24pt, 2em) or auto",
                "deck.md:3:6: warning: an image inside text is shown as its alt text; put it in a "
                "paragraph of its own",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].image.alt, "사진");
  EXPECT_EQ(b[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(plain_text(b[1].text), "글 속의 작은 그림 이미지");
}

TEST(Image, ForgivenPathsWithoutFileChecks) {
  // Marp's way: paths may leave the folder or be absolute; a URL or a missing
  // path is a warning and a placeholder, never a refusal of the deck.
  const ParseResult r = parse(
      "![a](../secret.png)\n\n![b](/etc/passwd)\n\n![c](https://example.org/x.png)\n\n"
      "![d](img/../../x.png)\n\n![e]()\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:5:1: warning: image URL 'https://example.org/x.png' is not fetched "
                "(Madang uses no network); it is drawn as a placeholder",
                "deck.md:9:1: warning: image has no path; it is drawn as a placeholder",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[0].image.resolved, "/secret.png");
  EXPECT_EQ(b[1].image.resolved, "/etc/passwd");
  EXPECT_EQ(b[2].image.resolved, "");
  EXPECT_EQ(b[3].image.resolved, "/x.png");
}

// A valid 1x1 RGBA PNG.
const unsigned char kOnePixelPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
    0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

class ImageFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("madang-image-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "deck" / "img");
    std::ofstream(root_ / "deck" / "img" / "ok.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(kOnePixelPng), sizeof kOnePixelPng);
    std::ofstream(root_ / "deck" / "img" / "fake.png") << "png";
    std::ofstream(root_ / "outside.png") << "png";
    std::ofstream(root_ / "deck" / "empty.png");
    fs::create_symlink(root_ / "outside.png", root_ / "deck" / "link.png");
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(ImageFiles, ChecksExistenceAndFollowsSymlinks) {
  const std::string deck = (root_ / "deck" / "deck.md").string();
  std::ofstream(deck) << "![ok](img/ok.png)\n\n![no](img/missing.png)\n\n![link](link.png)\n\n"
                         "![dir](img)\n\n![empty](empty.png)\n\n![fake](img/fake.png)\n";
  const ParseResult r = load_deck(deck);
  // A link out of the folder is followed like any path (Marp does).
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                deck + ":3:1: warning: image not found: img/missing.png; it is drawn as a "
                       "placeholder",
                deck + ":5:1: warning: image 'link.png' is not a PNG or JPEG file; it is drawn "
                       "as a placeholder",
                deck + ":7:1: error: image is a folder, not a file: img",
                deck + ":9:1: warning: image 'empty.png' is empty; it is drawn as a placeholder",
                deck + ":11:1: warning: image 'img/fake.png' is not a PNG or JPEG "
                       "file; it is drawn as a placeholder",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 6u);
  EXPECT_EQ(b[0].image.resolved, fs::weakly_canonical(root_ / "deck" / "img" / "ok.png").string());
  EXPECT_EQ(b[0].image.pixel_width, 1);
  EXPECT_EQ(b[0].image.pixel_height, 1);
  EXPECT_EQ(b[1].image.resolved, "");
  EXPECT_EQ(b[5].image.resolved, "");
  EXPECT_EQ(r.deck.base_dir, (root_ / "deck").string());
}

}  // namespace
}  // namespace madang::deck::test
