// Marp's image syntax (marpit docs/image-syntax.md): the alt-text keywords,
// `![bg](…)` backgrounds, the background directives with their scopes, and
// images that are forgiven (missing, URLs, outside the deck's folder).
#include <filesystem>
#include <fstream>

#include "deck/background_directives.h"
#include "deck/image_keywords.h"
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------ alt keywords

TEST(ImageKeywords, SizesInCssLengths) {
  ImageKeywords k = parse_image_keywords("w:200px h:3cm 사진");
  EXPECT_FALSE(k.bg);
  EXPECT_FLOAT_EQ(k.width, 200);
  EXPECT_NEAR(k.height, 3 * 96 / 2.54, 1e-3);
  EXPECT_EQ(k.alt, "사진");
  k = parse_image_keywords("width:2in height:50% w:32");
  EXPECT_FLOAT_EQ(k.width, 32);  // the last one wins; a bare number is px
  EXPECT_FLOAT_EQ(k.height, -0.5f);
  EXPECT_EQ(k.alt, "");
  k = parse_image_keywords("w:24pt h:auto");
  EXPECT_FLOAT_EQ(k.width, 32);
  EXPECT_FLOAT_EQ(k.height, 0);
  k = parse_image_keywords("w:3em h:1rem");
  EXPECT_FLOAT_EQ(k.width, 48);
  EXPECT_FLOAT_EQ(k.height, 16);
  k = parse_image_keywords("w:10vw h:abc");
  EXPECT_EQ(k.problems,
            (std::vector<std::string>{
                "image size 'w:10vw' is not a length (800px, 50%, 12cm, 3in, 24pt, 2em) or auto",
                "image size 'h:abc' is not a length (800px, 50%, 12cm, 3in, 24pt, 2em) or auto"}));
}

TEST(ImageKeywords, BackgroundWordsInAnyOrder) {
  ImageKeywords k = parse_image_keywords("fit bg right:80% 지도");
  EXPECT_TRUE(k.bg);
  EXPECT_EQ(k.fit, BackgroundFit::kContain);
  EXPECT_EQ(k.split, BackgroundSplit::kRight);
  EXPECT_FLOAT_EQ(k.split_share, 0.8f);
  EXPECT_EQ(k.alt, "지도");
  k = parse_image_keywords("bg contain");
  EXPECT_EQ(k.fit, BackgroundFit::kContain);
  k = parse_image_keywords("bg");
  EXPECT_EQ(k.fit, BackgroundFit::kCover);
  EXPECT_EQ(k.split, BackgroundSplit::kNone);
  k = parse_image_keywords("bg auto");
  EXPECT_EQ(k.fit, BackgroundFit::kAuto);
  k = parse_image_keywords("bg 150%");
  EXPECT_EQ(k.fit, BackgroundFit::kScale);
  EXPECT_FLOAT_EQ(k.scale, 1.5f);
  k = parse_image_keywords("bg left");
  EXPECT_EQ(k.split, BackgroundSplit::kLeft);
  EXPECT_FLOAT_EQ(k.split_share, 0.5f);
  k = parse_image_keywords("bg vertical cover");
  EXPECT_TRUE(k.vertical);
  EXPECT_EQ(k.fit, BackgroundFit::kCover);
  k = parse_image_keywords("bg left:120%");
  EXPECT_EQ(k.problems, (std::vector<std::string>{"split background 'left:120%' needs a share "
                                                  "between 0% and 100%, like left:40%"}));
}

TEST(ImageKeywords, BackgroundWordsStayInAnInlineImagesAlt) {
  // Marp: unknown words stay; `left`, `fit`, `cover` mean nothing without bg.
  const ImageKeywords k = parse_image_keywords("w:900px center left cover of the book");
  EXPECT_FALSE(k.bg);
  EXPECT_FLOAT_EQ(k.width, 900);
  EXPECT_EQ(k.alt, "center left cover of the book");
}

TEST(ImageKeywords, FiltersWithMarpsDefaults) {
  const ImageKeywords k = parse_image_keywords(
      "blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia");
  ASSERT_EQ(k.filters.size(), 10u);
  const std::vector<ImageFilter> want = {
      {FilterKind::kBlur, 10},      {FilterKind::kBrightness, 1.5f}, {FilterKind::kContrast, 2},
      {FilterKind::kDropShadow, 1}, {FilterKind::kGrayscale, 1},     {FilterKind::kHueRotate, 180},
      {FilterKind::kInvert, 1},     {FilterKind::kOpacity, 0.5f},    {FilterKind::kSaturate, 2},
      {FilterKind::kSepia, 1}};
  EXPECT_EQ(k.filters, want);
  EXPECT_EQ(k.alt, "");
  const ImageKeywords v =
      parse_image_keywords("brightness:.8 sepia:50% blur:4px opacity:2 grayscale:x 사진");
  EXPECT_EQ(v.filters, (std::vector<ImageFilter>{{FilterKind::kBrightness, 0.8f},
                                                 {FilterKind::kSepia, 0.5f},
                                                 {FilterKind::kBlur, 4},
                                                 {FilterKind::kOpacity, 1}}));
  EXPECT_EQ(v.problems, (std::vector<std::string>{"image filter 'grayscale:x' has a value "
                                                  "grayscale does not take"}));
  EXPECT_EQ(v.alt, "사진");
}

// ------------------------------------------------------------ backgrounds

TEST(MarpBackground, BgImagesLeaveTheBody) {
  const ParseResult r = parse(
      "# 제목\n\n![bg left:30%](a.png)\n![bg](b.png)\n\n본문\n\n---\n\n![bg vertical](c.png)\n\n"
      "![bg sepia](d.png)\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 2u);
  const Slide& s = r.deck.slides[0];
  ASSERT_EQ(s.blocks.size(), 2u);  // the title and the paragraph
  const SlideBackground& bg = s.background;
  ASSERT_EQ(bg.images.size(), 2u);
  EXPECT_EQ(bg.split, BackgroundSplit::kLeft);
  EXPECT_FLOAT_EQ(bg.split_share, 0.3f);
  EXPECT_EQ(bg.images[0].image.resolved, "/deck/a.png");
  EXPECT_EQ(bg.images[1].image.src, "b.png");
  EXPECT_EQ(bg.images[1].line, 4);
  const SlideBackground& two = r.deck.slides[1].background;
  EXPECT_TRUE(two.vertical);
  ASSERT_EQ(two.images.size(), 2u);
  EXPECT_EQ(two.images[1].image.filters, (std::vector<ImageFilter>{{FilterKind::kSepia, 1}}));
  EXPECT_TRUE(r.deck.slides[1].blocks.empty());
}

TEST(MarpBackground, BgImagesInsideTextLeaveItToo) {
  // Marp takes `![bg]` from anywhere in the slide's inline text; an ordinary
  // image inside text stays its alt text, with the usual warning.
  const ParseResult r =
      parse("# 제목 ![bg right](a.png)\n\n본문 ![bg](b.png) 계속 ![그림](c.png) 끝\n");
  ASSERT_EQ(r.deck.slides.size(), 1u);
  const Slide& s = r.deck.slides[0];
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_EQ(plain_text(s.blocks[0].text), "제목 ");
  EXPECT_EQ(plain_text(s.blocks[1].text), "본문  계속 그림 끝");
  ASSERT_EQ(s.background.images.size(), 2u);
  EXPECT_EQ(s.background.split, BackgroundSplit::kRight);
  EXPECT_EQ(s.background.images[0].image.src, "a.png");
  EXPECT_EQ(s.background.images[0].column, 6);
  EXPECT_EQ(s.background.images[1].line, 3);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:3:20: warning: an image inside text is shown as its alt "
                             "text; put it in a paragraph of its own"}));
}

TEST(MarpImages, ImagesOfOneParagraphAreMarkedBesideEachOther) {
  const ParseResult r = parse("![w:300](a.png) ![bg](b.png)\n![w:300](c.png)\n\n![d](d.png)\n");
  ASSERT_EQ(r.deck.slides.size(), 1u);
  const auto& b = r.deck.slides[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_FALSE(b[0].beside_previous);
  EXPECT_EQ(b[1].image.src, "c.png");
  EXPECT_TRUE(b[1].beside_previous);  // the background between them is not a block
  EXPECT_FALSE(b[2].beside_previous);
}

TEST(MarpImages, HeaderAndFooterKeepTheirImagesReportedOnceWhereWritten) {
  const ParseResult r = parse(
      "---\nfooter: '![h:40](logo.png) 희망제작소'\n---\n\n# 하나\n\n---\n\n"
      "<!-- header: \"![](https://example.org/a.png) **머리**\" -->\n\n# 둘\n\n---\n\n# 셋\n");
  ASSERT_EQ(r.deck.slides.size(), 3u);
  for (const Slide& s : r.deck.slides) {
    SCOPED_TRACE(s.index);
    EXPECT_EQ(plain_text(s.footer), "희망제작소");  // no alt text, no leading space
    ASSERT_EQ(s.footer_images.size(), 1u);
    EXPECT_EQ(s.footer_images[0].src, "logo.png");
    EXPECT_FLOAT_EQ(s.footer_images[0].height, 40);
  }
  EXPECT_TRUE(r.deck.slides[0].header_images.empty());
  EXPECT_EQ(plain_text(r.deck.slides[2].header), "머리");
  EXPECT_EQ(r.deck.slides[2].header_images.size(), 1u);
  // Once, at its directive, though two slides carry it (parse() checks no
  // files: the missing logo is the CLI test's).
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:9:1: warning: image URL 'https://example.org/a.png' is not "
                             "fetched (Madang uses no network); it is left out of the header or "
                             "footer"}));
}

TEST(MarpBackground, UndrawnFiltersWarnOncePerDeck) {
  // drop-shadow is the one filter not drawn; hue-rotate and saturate are.
  const ParseResult r = parse(
      "![bg drop-shadow](a.png)\n\n---\n\n![drop-shadow](b.png)\n\n---\n\n"
      "![hue-rotate saturate:2](c.png)\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:1:1: warning: image filter 'drop-shadow' is not drawn; the "
                             "image is shown without it (2 times, also on line 5)"}));
}

// ------------------------------------------------------ background directives

TEST(MarpBackground, DirectivesLocalAndSpot) {
  const ParseResult r = parse(
      "---\nbackgroundColor: \"#123456\"\n---\n\n# 하나\n\n---\n\n"
      "<!-- backgroundColor: #fff -->\n<!-- _color: navy -->\n\n# 둘\n\n---\n\n"
      "<!-- _backgroundColor: rgb(255, 0, 0) -->\n<!-- backgroundImage: url('img/bg.png') -->\n"
      "<!-- backgroundSize: contain -->\n<!-- backgroundPosition: top left -->\n\n# 셋\n\n---\n\n"
      "<!-- backgroundImage: none -->\n\n# 넷\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 4u);
  const auto& s = r.deck.slides;
  EXPECT_TRUE(s[0].background.has_color);
  EXPECT_EQ(s[0].background.color, 0x123456ffu);
  EXPECT_FALSE(s[0].background.has_text_color);
  EXPECT_EQ(s[1].background.color, 0xffffffffu);
  EXPECT_TRUE(s[1].background.has_text_color);
  EXPECT_EQ(s[1].background.text_color, 0x000080ffu);
  EXPECT_EQ(s[2].background.color, 0xff0000ffu);  // spot
  EXPECT_FALSE(s[2].background.has_text_color);   // the spot colour was slide 2's only
  ASSERT_EQ(s[2].background.directive_images.size(), 1u);
  const BackgroundImage& img = s[2].background.directive_images[0];
  EXPECT_EQ(img.image.resolved, "/deck/img/bg.png");
  EXPECT_EQ(img.fit, BackgroundFit::kContain);
  EXPECT_FLOAT_EQ(img.position_x, 0);
  EXPECT_FLOAT_EQ(img.position_y, 0);
  EXPECT_EQ(s[3].background.color, 0xffffffffu);  // the local one carries on
  EXPECT_TRUE(s[3].background.directive_images.empty());
}

TEST(MarpBackground, BadDirectiveValuesWarnWhereWritten) {
  const ParseResult r = parse(
      "<!-- backgroundColor: blurple -->\n<!-- backgroundImage: linear-gradient(red, blue) -->\n"
      "<!-- backgroundSize: huge -->\n<!-- _backgroundPosition: middle -->\n<!-- color -->\n\n"
      "# 제목\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: 'blurple' is not a colour backgroundColor takes (#rrggbb, "
                "#rgb, rgb(…) or a CSS name like navy)",
                "deck.md:2:1: warning: backgroundImage is drawn only as url(…): gradients and "
                "other CSS images are not",
                "deck.md:3:1: warning: 'huge' is not a size backgroundSize takes (cover, "
                "contain, auto, a percentage or lengths)",
                "deck.md:4:1: warning: 'middle' is not a position _backgroundPosition takes "
                "(center, top, left, right, bottom or percentages)",
                "deck.md:5:1: warning: directive 'color' has no value; it is ignored"}));
}

// A real Marp deck's `backgroundColor:` with nothing after it is YAML's null:
// Marp ignores the directive, and so does Madang (a warning, never an error).
TEST(MarpBackground, EmptyValuesAreIgnoredAsMarpDoes) {
  const ParseResult r = parse(
      "---\nmarp: true\nbackgroundColor:\ncolor: ''\npaginate:\ntheme:\nheader:\n---\n\n"
      "# 하나\n\n---\n\n<!-- _backgroundColor: -->\n\n# 둘\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:3:1: warning: directive 'backgroundColor' has no value; it is ignored",
                "deck.md:4:8: warning: directive 'color' has no value; it is ignored",
                "deck.md:5:1: warning: 'paginate' has no value; it is ignored (true or false)",
                "deck.md:14:1: warning: directive '_backgroundColor' has no value; it is "
                "ignored"}));
  ASSERT_EQ(r.deck.slides.size(), 2u);
}

TEST(MarpBackground, BackgroundRepeatWarnsOncePerDeckUnlessNoRepeat) {
  const ParseResult r = parse(
      "<!-- backgroundRepeat: no-repeat -->\n\n# 하나\n\n---\n\n"
      "<!-- backgroundRepeat: repeat-x -->\n\n# 둘\n\n---\n\n"
      "<!-- _backgroundRepeat: space -->\n\n# 셋\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:7:1: warning: backgroundRepeat has no effect: a background "
                             "image is drawn once (no-repeat) (2 times, also on line 13)"}));
  EXPECT_EQ(r.deck.slides.size(), 3u);
}

TEST(MarpBackground, CssColours) {
  std::uint32_t c = 0;
  EXPECT_TRUE(parse_css_color("#abc", &c));
  EXPECT_EQ(c, 0xaabbccffu);
  EXPECT_TRUE(parse_css_color("#11223344", &c));
  EXPECT_EQ(c, 0x11223344u);
  EXPECT_TRUE(parse_css_color("rgba(0, 128, 255, .5)", &c));
  EXPECT_EQ(c, 0x0080ff80u);
  EXPECT_TRUE(parse_css_color("White", &c));
  EXPECT_EQ(c, 0xffffffffu);
  EXPECT_FALSE(parse_css_color("#12", &c));
  EXPECT_FALSE(parse_css_color("rgb(1,2)", &c));
}

// ------------------------------------------------------------ forgiving images

TEST(ForgivingImages, UrlsAndPathsOutsideTheFolderOpen) {
  const ParseResult r = parse(
      "![a](../img/a.png)\n\n![b](/srv/b.png)\n\n![c](https://example.org/x.png)\n\n"
      "![bg](http://example.org/bg.jpg)\n\n![e]()\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:5:1: warning: image URL 'https://example.org/x.png' is not fetched "
                "(Madang uses no network); it is drawn as a placeholder",
                "deck.md:7:1: warning: image URL 'http://example.org/bg.jpg' is not fetched "
                "(Madang uses no network); the background is left out",
                "deck.md:9:1: warning: image has no path; it is drawn as a placeholder",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].image.resolved, "/img/a.png");
  EXPECT_EQ(b[1].image.resolved, "/srv/b.png");
  EXPECT_EQ(b[2].image.resolved, "");
  EXPECT_TRUE(r.deck.slides[0].background.images.empty());
}

class ForgivingFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("madang-forgiving-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "talk" / "slides");
    fs::create_directories(root_ / "talk" / "img" / "dir.png");
    // A 1x1 PNG written by hand is enough for the header check.
    const unsigned char png[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
                                 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
                                 0x00, 0x03, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89};
    std::ofstream(root_ / "talk" / "img" / "ok.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(png), sizeof png);
    std::ofstream(root_ / "talk" / "img" / "empty.png");
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(ForgivingFiles, MissingAndUnreadableAreWarningsFoldersAreRefused) {
  const std::string deck = (root_ / "talk" / "slides" / "deck.md").string();
  std::ofstream(deck) << "![ok](../img/ok.png)\n\n![no](../img/missing.png)\n\n"
                         "![bg](../img/missing.png)\n\n![e](../img/empty.png)\n\n"
                         "![d](../img/dir.png)\n";
  const ParseResult r = load_deck(deck);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                deck + ":3:1: warning: image not found: ../img/missing.png; it is drawn as a "
                       "placeholder",
                deck + ":5:1: warning: image not found: ../img/missing.png; the background is "
                       "left out",
                deck + ":7:1: warning: image '../img/empty.png' is empty; it is drawn as a "
                       "placeholder",
                deck + ":9:1: error: image is a folder, not a file: ../img/dir.png",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].image.resolved, fs::weakly_canonical(root_ / "talk" / "img" / "ok.png").string());
  EXPECT_EQ(b[0].image.pixel_width, 2);
  EXPECT_EQ(b[0].image.pixel_height, 3);
}

// Layout never opens an image: every image the deck shows carries the size
// its header gave (a footer's logo on every slide, backgrounds of both kinds).
TEST_F(ForgivingFiles, EveryImageKeepsThePixelSizeOfItsHeader) {
  const std::string deck = (root_ / "talk" / "deck.md").string();
  std::ofstream(deck) << "---\nfooter: '![h:40](img/ok.png) 희망제작소'\n---\n\n"
                         "![bg](img/ok.png)\n\n# 하나\n\n---\n\n"
                         "<!-- backgroundImage: url(img/ok.png) -->\n\n"
                         "![w:300](img/ok.png)\n";
  const ParseResult r = load_deck(deck);
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 2u);
  const Slide& first = r.deck.slides[0];
  const Slide& second = r.deck.slides[1];
  ASSERT_EQ(first.background.images.size(), 1u);
  ASSERT_EQ(second.background.directive_images.size(), 1u);
  ASSERT_EQ(second.blocks.size(), 1u);
  const std::vector<const Image*> images = {
      &first.footer_images.at(0), &second.footer_images.at(0), &first.background.images[0].image,
      &second.background.directive_images[0].image, &second.blocks[0].image};
  for (const Image* image : images) {
    SCOPED_TRACE(image->src);
    EXPECT_EQ(image->resolved, fs::weakly_canonical(root_ / "talk" / "img" / "ok.png").string());
    EXPECT_EQ(image->pixel_width, 2);
    EXPECT_EQ(image->pixel_height, 3);
  }
}

}  // namespace
}  // namespace madang::deck::test
