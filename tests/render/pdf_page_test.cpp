// PDF decks' pages (layout::CommandKind::kPdfPage) in every sink: the SDL
// sink (headless here) draws the page rendered at exactly the pixels of its
// rect, the PDF sink draws it as vectors (its text stays text, no image is
// embedded), and the page cache (render/pdf_pages.h) renders ahead on its
// worker, keeps to its budget and stops cleanly. The PDFs read here are made
// at test time with cairo's PDF surface: coloured boxes at known fractions
// of pages of different sizes, and a line of text on each.
//
// [SECTION] Fixture PDFs and helpers
// [SECTION] SDL sink: exact pixels
// [SECTION] SDL sink: parts, clip, opacity, placeholders
// [SECTION] PDF sink: vectors and text
// [SECTION] Page cache: ahead, budget, shutdown

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "pdf/document.h"
#include "render/paint_geometry.h"
#include "render/pdf.h"
#include "render/pdf_pages.h"
#include "render_fixture.h"
#include "temp_dir.h"

namespace madang::test {
namespace {

using Clock = std::chrono::steady_clock;

// ============================================================================
// [SECTION] Fixture PDFs and helpers
// ============================================================================

// A box on a fixture page, in fractions of the page.
struct Box {
  double x, y, w, h;
  double r, g, b;
};

struct FixturePage {
  double width, height;  // points
  std::vector<Box> boxes;
  std::string text;  // drawn at (0.1, 0.2) of the page, 20 pt
};

// Page 0: 400x300 pt (4:3), red at x 1/4..1/2, y 1/2..3/4, blue at
// x 5/8..7/8, y 1/8..3/8. Page 1: 300x400 pt, green at x 1/4..3/4,
// y 1/4..1/2. Page 2: 200x200 pt, text only.
const std::vector<FixturePage>& fixture_pages() {
  static const std::vector<FixturePage> pages = {
      {400,
       300,
       {{0.25, 0.5, 0.25, 0.25, 1, 0, 0}, {0.625, 0.125, 0.25, 0.25, 0, 0, 1}},
       "Madang reads PDF decks"},
      {300, 400, {{0.25, 0.25, 0.5, 0.25, 0, 1, 0}}, "The second page"},
      {200, 200, {}, "Third"},
  };
  return pages;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The fixture's font: the text engine's first face that is not emoji, through
// cairo-ft from its file. (Not cairo's toy font API: its caches of
// fontconfig patterns are never freed, which LeakSanitizer reports.) The
// FreeType face goes when cairo lets go of the font face.
cairo_font_face_t* fixture_face() {
  static FT_Library library = nullptr;  // for the whole run
  static cairo_font_face_t* face = nullptr;
  if (face) return face;
  const auto fonts = text::FontSystem::create({});
  if (!fonts || (!library && FT_Init_FreeType(&library) != 0)) return nullptr;
  // A TrueType face first (DejaVu Sans): cairo 1.16's CFF subsetter leaks a
  // little when it embeds Noto Sans CJK, which LeakSanitizer reports.
  for (const bool want_ttf : {true, false}) {
    for (int i = 0; i < fonts->face_count() && !face; ++i) {
      const text::FaceInfo& info = fonts->face(i);
      const bool ttf =
          info.path.size() > 4 && info.path.compare(info.path.size() - 4, 4, ".ttf") == 0;
      FT_Face ft = nullptr;
      if (info.color || ttf != want_ttf ||
          FT_New_Face(library, info.path.c_str(), info.face_index, &ft) != 0)
        continue;
      face = cairo_ft_font_face_create_for_ft_face(ft, 0);
      static const cairo_user_data_key_t key{};
      cairo_font_face_set_user_data(face, &key, ft,
                                    [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
    }
  }
  return face;
}

// The fixture as PDF bytes, through cairo's PDF surface (vector boxes, text
// as text in an embedded subset of the font).
std::string make_pdf(const std::vector<FixturePage>& pages) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append, &bytes, pages[0].width, pages[0].height);
  cairo_t* cr = cairo_create(surface);
  for (const FixturePage& page : pages) {
    cairo_pdf_surface_set_size(surface, page.width, page.height);
    for (const Box& b : page.boxes) {
      cairo_rectangle(cr, b.x * page.width, b.y * page.height, b.w * page.width, b.h * page.height);
      cairo_set_source_rgb(cr, b.r, b.g, b.b);
      cairo_fill(cr);
    }
    cairo_set_font_face(cr, fixture_face());
    cairo_set_font_size(cr, 20);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, 0.1 * page.width, 0.2 * page.height);
    cairo_show_text(cr, page.text.c_str());
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

pdf::SourcePtr fixture_source() {
  static const pdf::SourcePtr source = pdf::make_source("fixture.pdf", make_pdf(fixture_pages()));
  return source;
}

layout::Command pdf_page(layout::Rect r, pdf::SourcePtr source, int page, pdf::PagePart part = {}) {
  layout::Command c;
  c.kind = layout::CommandKind::kPdfPage;
  c.rect = r;
  c.pdf = std::move(source);
  c.page = page;
  c.page_part = part;
  return c;
}

// Page 0 (4:3) fitted into a 16:9 list of height h: pillarboxed, as layout
// would place it.
layout::Rect fitted(int w, int h) {
  const float pw = static_cast<float>(h) * 4 / 3;
  return {(static_cast<float>(w) - pw) / 2, 0, pw, static_cast<float>(h)};
}

bool near(Rgba c, int r, int g, int b, int tolerance = 8) {
  return std::abs(c.r - r) <= tolerance && std::abs(c.g - g) <= tolerance &&
         std::abs(c.b - b) <= tolerance;
}
bool is_red(Rgba c) {
  return near(c, 255, 0, 0);
}
bool is_white(Rgba c) {
  return near(c, 255, 255, 255);
}

// The box's edges land where the fractions say, ±1 px, and each edge goes
// from paper to red within one pixel: a page upscaled from a smaller raster
// would smear the edge over several pixels or put it off by more.
::testing::AssertionResult red_box_at(const render::RgbaImage& img, int x0, int y0, int x1,
                                      int y1) {
  const int my = (y0 + y1) / 2, mx = (x0 + x1) / 2;
  auto fail = [&](const char* edge, int x, int y) {
    return ::testing::AssertionFailure() << edge << " edge: pixel (" << x << ", " << y << ") is "
                                         << ::testing::PrintToString(pixel_at(img, x, y));
  };
  // Paper two pixels outside, red one pixel inside, on every side.
  if (!is_white(pixel_at(img, x0 - 2, my))) return fail("left", x0 - 2, my);
  if (!is_red(pixel_at(img, x0 + 1, my))) return fail("left", x0 + 1, my);
  if (!is_red(pixel_at(img, x1 - 2, my))) return fail("right", x1 - 2, my);
  if (!is_white(pixel_at(img, x1 + 1, my))) return fail("right", x1 + 1, my);
  if (!is_white(pixel_at(img, mx, y0 - 2))) return fail("top", mx, y0 - 2);
  if (!is_red(pixel_at(img, mx, y0 + 1))) return fail("top", mx, y0 + 1);
  if (!is_red(pixel_at(img, mx, y1 - 2))) return fail("bottom", mx, y1 - 2);
  if (!is_white(pixel_at(img, mx, y1 + 1))) return fail("bottom", mx, y1 + 1);
  return ::testing::AssertionSuccess();
}

std::string file_bytes(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  std::string out;
  if (!f) return out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) out.append(buffer, n);
  std::fclose(f);
  return out;
}

// What a program prints (empty when it cannot run).
std::string output_of(const std::string& command) {
  std::string out;
  if (std::FILE* p = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
    ::pclose(p);
  }
  return out;
}

class PdfPageTest : public RenderTest {
 protected:
  TempDir dir_{current_test_tag()};
};

// ============================================================================
// [SECTION] SDL sink: exact pixels
// ============================================================================

TEST_F(PdfPageTest, HeadlessPageAt1080pLandsOnItsPixels) {
  const layout::Rect r = fitted(1920, 1080);  // x 240..1680
  const render::RgbaImage img =
      render(list_of(1920, 1080, {pdf_page(r, fixture_source(), 0)}, 0x202020ff));
  // Red: x 1/4..1/2 of 1440 px from 240, y 1/2..3/4 of 1080.
  EXPECT_TRUE(red_box_at(img, 600, 540, 960, 810));
  // Blue box, the pillarbox left as the list's background.
  EXPECT_TRUE(near(pixel_at(img, 240 + 1440 * 3 / 4, 1080 / 4), 0, 0, 255));
  EXPECT_EQ(pixel_at(img, 239, 500), rgba(0x202020ff));
  EXPECT_TRUE(is_white(pixel_at(img, 240, 500)));
  EXPECT_TRUE(is_white(pixel_at(img, 1679, 500)));
  EXPECT_EQ(pixel_at(img, 1680, 500), rgba(0x202020ff));
  // The raster was made at exactly the rect's pixels, not scaled from another size.
  EXPECT_TRUE(images_.pdf_pages().cached({fixture_source()->digest, 0, 1440, 1080, {}}));

  // For a person to look at.
  const std::string png = output_dir("pdf_page") + "/page_1080p.png";
  std::string error;
  EXPECT_TRUE(render::write_png(img, png, &error)) << error;
}

TEST_F(PdfPageTest, HeadlessPageAt360pIsAsSharp) {
  const layout::Rect r = fitted(640, 360);  // x 80..560
  const render::RgbaImage img = render(list_of(640, 360, {pdf_page(r, fixture_source(), 0)}));
  EXPECT_TRUE(red_box_at(img, 200, 180, 320, 270));
  EXPECT_TRUE(images_.pdf_pages().cached({fixture_source()->digest, 0, 480, 360, {}}));
}

TEST_F(PdfPageTest, FractionalRectIsRoundedEdgeByEdge) {
  // 400.2 x 300.3 at (100.4, 10.6): edges 100..501 (500.6 rounds up) and 11..311.
  const render::RgbaImage img = render(list_of(
      640, 360, {pdf_page({100.4f, 10.6f, 400.2f, 300.3f}, fixture_source(), 0)}, 0x000000ff));
  EXPECT_EQ(pixel_at(img, 99, 100), rgba(0x000000ff));
  EXPECT_TRUE(is_white(pixel_at(img, 100, 100)));
  EXPECT_TRUE(is_white(pixel_at(img, 500, 100)));
  EXPECT_EQ(pixel_at(img, 501, 100), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 300, 10), rgba(0x000000ff));
  EXPECT_TRUE(is_white(pixel_at(img, 300, 11)));
  EXPECT_TRUE(is_white(pixel_at(img, 300, 20)));
  EXPECT_TRUE(images_.pdf_pages().cached({fixture_source()->digest, 0, 401, 300, {}}));
}

TEST_F(PdfPageTest, PagesOfOtherSizesFillTheirRects) {
  // Page 1 (300x400 pt) in a 3:4 rect of 300x400 px at (50, 20): green at
  // x 1/4..3/4, y 1/4..1/2.
  const render::RgbaImage img =
      render(list_of(400, 440, {pdf_page({50, 20, 300, 400}, fixture_source(), 1)}));
  EXPECT_TRUE(near(pixel_at(img, 50 + 76, 20 + 101), 0, 255, 0));
  EXPECT_TRUE(near(pixel_at(img, 50 + 224, 20 + 199), 0, 255, 0));
  EXPECT_TRUE(is_white(pixel_at(img, 50 + 73, 20 + 150)));
  EXPECT_TRUE(is_white(pixel_at(img, 50 + 150, 20 + 202)));
}

// ============================================================================
// [SECTION] SDL sink: parts, clip, opacity, placeholders
// ============================================================================

TEST_F(PdfPageTest, PartOfAPageFillsTheRect) {
  // The right half of page 0 (200x300 pt) in 400x600 px: the blue box
  // (x 5/8..7/8 of the page) is x 1/4..3/4 of the half, y 1/8..3/8.
  const render::RgbaImage img = render(
      list_of(400, 600, {pdf_page({0, 0, 400, 600}, fixture_source(), 0, {0.5, 0, 0.5, 1})}));
  EXPECT_TRUE(near(pixel_at(img, 102, 150), 0, 0, 255));
  EXPECT_TRUE(near(pixel_at(img, 297, 150), 0, 0, 255));
  EXPECT_TRUE(is_white(pixel_at(img, 97, 150)));
  EXPECT_TRUE(is_white(pixel_at(img, 303, 150)));
  // No red: it is in the left half.
  EXPECT_TRUE(is_white(pixel_at(img, 10, 400)));
}

TEST_F(PdfPageTest, ClipAndOpacityOfTheWalkApply) {
  const layout::Rect r = fitted(640, 360);
  const render::RgbaImage img =
      render(list_of(640, 360,
                     {push_clip({0, 0, 260, 360}), push_opacity(0.5f),
                      pdf_page(r, fixture_source(), 0), pop_opacity(), pop_clip()},
                     0x000000ff));
  // Half red over black inside the clip, the background past it.
  EXPECT_TRUE(near(pixel_at(img, 230, 220), 128, 0, 0, 2));
  EXPECT_TRUE(near(pixel_at(img, 150, 100), 128, 128, 128, 2));
  EXPECT_EQ(pixel_at(img, 270, 220), rgba(0x000000ff));
}

TEST_F(PdfPageTest, PagesThatCannotBeDrawnGetTheImagePlaceholder) {
  const layout::Rect r{20, 20, 300, 200};
  const render::RgbaImage expected = render(list_of(340, 240, {image(r, "")}));
  const pdf::SourcePtr damaged = pdf::make_source("damaged.pdf", "%PDF-1.4\nnot really\n%%EOF");
  std::string bytes = make_pdf(fixture_pages());
  bytes.resize(bytes.size() / 3);  // cut short: the cross-reference table is gone
  const pdf::SourcePtr truncated = pdf::make_source("truncated.pdf", bytes);
  const pdf::SourcePtr not_pdf = pdf::make_source("photo.pdf", "\x89PNG\r\n");
  std::vector<layout::Command> cases = {pdf_page(r, fixture_source(), 3),
                                        pdf_page(r, fixture_source(), -1), pdf_page(r, damaged, 0),
                                        pdf_page(r, not_pdf, 0), pdf_page(r, nullptr, 0)};
  // A truncated file may still open (poppler rebuilds its table): then its
  // page is drawn, which is as good.
  pdf::Failure failure;
  std::string why;
  if (!pdf::Document::open(truncated, &failure, &why)) cases.push_back(pdf_page(r, truncated, 0));
  for (const layout::Command& c : cases) {
    SCOPED_TRACE(c.pdf ? c.pdf->path + " page " + std::to_string(c.page) : "no source");
    EXPECT_TRUE(
        compare_images(render(list_of(340, 240, {c})), expected, {0, 0}, "pdf_page_placeholder"));
  }
  std::string error;
  EXPECT_EQ(images_.pdf_pages().get(fixture_source(), 3, 100, 100, {}, &error), nullptr);
  EXPECT_EQ(error, "has no page 4 (it has 3)");
  EXPECT_EQ(images_.pdf_pages().get(damaged, 0, 100, 100, {}, &error), nullptr);
  EXPECT_FALSE(error.empty());
}

TEST_F(PdfPageTest, TexturesAreDroppedWhenUnusedAndOnInvalidate) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_RGBA32);
  ASSERT_NE(surface, nullptr);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  ASSERT_NE(ren, nullptr);
  {
    render::SdlRenderer sink(ren, *glyphs_, images_);
    const int base = sink.texture_count();
    // Twenty pages' sizes one after another: the old ones go.
    for (int i = 0; i < 20; ++i) {
      sink.draw(list_of(640, 360, {pdf_page({0, 0, 200.0f + i, 150}, fixture_source(), i % 3)}));
      EXPECT_LE(sink.texture_count(), base + 12);
    }
    EXPECT_GT(sink.texture_count(), base);
    sink.invalidate();
    EXPECT_EQ(sink.texture_count(), 0);
    // Drawn again after a reset: made anew.
    sink.draw(list_of(640, 360, {pdf_page({0, 0, 200, 150}, fixture_source(), 0)}));
    EXPECT_EQ(sink.texture_count(), 1);
  }
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}

// ============================================================================
// [SECTION] PDF sink: vectors and text
// ============================================================================

// The list exported with PdfWriter (1920x1080 px at half a point each).
std::string export_pdf(const text::FontSystem& fonts, text::GlyphCache& glyphs,
                       render::ImageCache& images, const std::string& path,
                       layout::DisplayList list) {
  render::PdfWriter writer(fonts, glyphs, images);
  std::string error;
  if (!writer.open(path, {}, &error)) return error;
  render::PdfPage page;
  page.placements.push_back({std::move(list), 0, 0, 0.5f});
  writer.add_page(std::move(page));
  if (!writer.finish(&error)) return error;
  return "";
}

TEST_F(PdfPageTest, PdfSinkDrawsThePageAsVectorsWithItsText) {
  const std::string path = dir_.file("deck.pdf");
  ASSERT_EQ(export_pdf(*fonts_, *glyphs_, images_, path,
                       list_of(1920, 1080,
                               {pdf_page(fitted(1920, 1080), fixture_source(), 0),
                                pdf_page({1700, 700, 150, 200}, fixture_source(), 1)},
                               0x202020ff)),
            "");
  std::string error;
  const pdf::SourcePtr out = pdf::read_source(path, "", &error);
  ASSERT_NE(out, nullptr) << error;
  pdf::Failure failure;
  std::unique_ptr<pdf::Document> doc = pdf::Document::open(out, &failure, &error);
  ASSERT_NE(doc, nullptr) << error;
  ASSERT_EQ(doc->page_count(), 1);
  // Text stays text (as poppler reads it back, and pdftotext when installed).
  const pdf::DocumentInfo info = doc->info();
  EXPECT_NE(info.pages[0].text.find("Madang reads PDF decks"), std::string::npos)
      << info.pages[0].text;
  EXPECT_NE(info.pages[0].text.find("The second page"), std::string::npos) << info.pages[0].text;
  const std::string text = output_of("pdftotext -enc UTF-8 '" + path + "' - 2>/dev/null");
  if (!text.empty()) {
    EXPECT_NE(text.find("Madang reads PDF decks"), std::string::npos) << text;
  }
  // Vector: no image XObject in the file.
  const std::string bytes = file_bytes(path);
  EXPECT_EQ(bytes.find("/Subtype /Image"), std::string::npos);
  const std::string images = output_of("pdfimages -list '" + path + "' 2>/dev/null");
  if (!images.empty()) {
    // The header is two lines; any line after them is an image.
    std::size_t lines = 0;
    for (char ch : images) lines += ch == '\n';
    EXPECT_EQ(lines, 2u) << images;
  }
  // And it looks right: rasterised back at 1920x1080, the red box is where
  // the headless sink puts it.
  const pdf::PageRaster back = pdf::render_page(*doc, 0, 1920, 1080);
  ASSERT_FALSE(back.pixels.empty());
  render::RgbaImage img{back.width, back.height, back.pixels};
  EXPECT_TRUE(red_box_at(img, 600, 540, 960, 810));
  EXPECT_TRUE(near(pixel_at(img, 1700 + 75, 700 + 75), 0, 255, 0));
  EXPECT_TRUE(render::write_png(img, output_dir("pdf_page") + "/export_1080p.png", &error))
      << error;
  std::filesystem::copy_file(path, output_dir("pdf_page") + "/export.pdf",
                             std::filesystem::copy_options::overwrite_existing);
}

TEST_F(PdfPageTest, PdfSinkFadesThePageAsOneGroupAndHonoursTheClip) {
  const std::string path = dir_.file("faded.pdf");
  ASSERT_EQ(export_pdf(*fonts_, *glyphs_, images_, path,
                       list_of(1920, 1080,
                               {push_clip({0, 0, 780, 1080}), push_opacity(0.5f),
                                pdf_page(fitted(1920, 1080), fixture_source(), 0), pop_opacity(),
                                pop_clip()},
                               0x000000ff)),
            "");
  std::string error;
  pdf::Failure failure;
  auto doc = pdf::Document::open(pdf::read_source(path, "", &error), &failure, &error);
  ASSERT_NE(doc, nullptr) << error;
  const pdf::PageRaster back = pdf::render_page(*doc, 0, 1920, 1080);
  render::RgbaImage img{back.width, back.height, back.pixels};
  EXPECT_TRUE(near(pixel_at(img, 700, 700), 128, 0, 0, 3));      // red at half over black
  EXPECT_TRUE(near(pixel_at(img, 400, 200), 128, 128, 128, 3));  // paper at half
  EXPECT_TRUE(near(pixel_at(img, 800, 700), 0, 0, 0, 1));        // past the clip
}

TEST_F(PdfPageTest, PdfSinkDrawsThePlaceholderForPagesThatCannotBeDrawn) {
  const std::string path = dir_.file("broken.pdf");
  const pdf::SourcePtr damaged = pdf::make_source("damaged.pdf", "%PDF-1.4\nnot really\n%%EOF");
  ASSERT_EQ(export_pdf(*fonts_, *glyphs_, images_, path,
                       list_of(1920, 1080,
                               {pdf_page({100, 100, 600, 400}, damaged, 0),
                                pdf_page({1000, 100, 600, 400}, fixture_source(), 9)})),
            "");
  std::string error;
  pdf::Failure failure;
  auto doc = pdf::Document::open(pdf::read_source(path, "", &error), &failure, &error);
  ASSERT_NE(doc, nullptr) << error;
  const pdf::PageRaster back = pdf::render_page(*doc, 0, 1920, 1080);
  render::RgbaImage img{back.width, back.height, back.pixels};
  const render::Placeholder p = render::placeholder_geometry({0, 0, 600, 400});
  // The placeholder's fill somewhere between its hatches, in both boxes.
  auto has_fill = [&](int x0) {
    for (int x = x0 + 20; x < x0 + 580; ++x)
      if (near(pixel_at(img, x, 300), p.fill >> 24, (p.fill >> 16) & 0xff, (p.fill >> 8) & 0xff, 2))
        return true;
    return false;
  };
  EXPECT_TRUE(has_fill(100));
  EXPECT_TRUE(has_fill(1000));
}

// ============================================================================
// [SECTION] Page cache: ahead, budget, shutdown
// ============================================================================

TEST(PdfPageCache, AheadRendersOnTheWorkerAndGetFindsIt) {
  render::PdfPageCache cache;
  cache.ahead(fixture_source(), {1, 2, 0}, 800, 600);
  cache.wait_idle();
  EXPECT_EQ(cache.ahead_renders(), 3u);
  EXPECT_TRUE(cache.cached({fixture_source()->digest, 1, 800, 600, {}}));
  const auto start = Clock::now();
  const render::PdfPageCache::Raster raster = cache.get(fixture_source(), 1, 800, 600);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  ASSERT_NE(raster, nullptr);
  EXPECT_EQ(raster->width, 800);
  EXPECT_EQ(raster->height, 600);
  EXPECT_EQ(cache.synchronous_renders(), 0u);
  EXPECT_LT(ms, 50);
  // A page not asked for ahead is rendered on the spot.
  ASSERT_NE(cache.get(fixture_source(), 1, 801, 600), nullptr);
  EXPECT_EQ(cache.synchronous_renders(), 1u);
}

TEST(PdfPageCache, AheadFromADisplayListUsesTheSinksPixelSize) {
  render::PdfPageCache cache;
  cache.ahead(list_of(1920, 1080, {pdf_page({240.3f, 0, 1440, 1080}, fixture_source(), 2)}));
  cache.wait_idle();
  EXPECT_TRUE(cache.cached({fixture_source()->digest, 2, 1440, 1080, {}}));
}

TEST(PdfPageCache, ANewAheadDropsWhatWasQueued) {
  render::PdfPageCache cache;
  // Large pages (a few tens of ms each): the second call comes while the
  // worker has the first page in hand at most.
  cache.ahead(fixture_source(), {0, 1}, 4000, 3000);
  cache.ahead(fixture_source(), {2}, 300, 300);
  cache.wait_idle();
  EXPECT_TRUE(cache.cached({fixture_source()->digest, 2, 300, 300, {}}));
  EXPECT_LE(cache.ahead_renders(), 2u);
  EXPECT_FALSE(cache.cached({fixture_source()->digest, 1, 4000, 3000, {}}));
}

TEST(PdfPageCache, KeepsToItsBudgetAndNeverDropsAHeldRaster) {
  constexpr int kW = 320, kH = 240;
  constexpr std::size_t kEach = kW * kH * 4;
  render::PdfPageCache cache(3 * kEach + kEach / 2);  // room for three
  const render::PdfPageCache::Raster held = cache.get(fixture_source(), 0, kW, kH);
  ASSERT_NE(held, nullptr);
  for (int i = 0; i < 40; ++i) {
    ASSERT_NE(cache.get(fixture_source(), i % 3, kW, kH + 1 + i), nullptr);
    EXPECT_LE(cache.bytes(), cache.budget());
  }
  EXPECT_TRUE(cache.cached({fixture_source()->digest, 0, kW, kH, {}}));       // held: kept
  EXPECT_FALSE(cache.cached({fixture_source()->digest, 0, kW, kH + 1, {}}));  // dropped
  // Ahead: never more than half the budget is queued.
  cache.ahead(fixture_source(), {0, 1, 2}, kW, kH + 100);
  cache.wait_idle();
  EXPECT_LE(cache.ahead_renders(), 1u);
  EXPECT_LE(cache.bytes(), cache.budget());
  // A raster bigger than the budget is handed over, not kept.
  const auto big = cache.get(fixture_source(), 0, 1200, 1000);
  ASSERT_NE(big, nullptr);
  EXPECT_FALSE(cache.cached({fixture_source()->digest, 0, 1200, 1000, {}}));
  EXPECT_LE(cache.bytes(), cache.budget());
}

TEST(PdfPageCache, ClearAndShutdownDoNotWaitForQueuedWork) {
  const std::vector<int> many = {0, 1, 2, 0, 1, 2};
  {
    render::PdfPageCache cache;
    cache.ahead(fixture_source(), many, 4000, 3000);
    const auto start = Clock::now();
    cache.clear();
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 0.2);
    EXPECT_EQ(cache.bytes(), 0u);
    cache.wait_idle();
    EXPECT_EQ(cache.bytes(), 0u);  // what the worker had in hand was not kept
  }
  const auto start = Clock::now();
  {
    render::PdfPageCache cache;
    cache.ahead(fixture_source(), many, 4000, 3000);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }  // joins after at most the page in hand
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
}

TEST(PdfPageCache, ManyThreadsGetTheSamePages) {
  render::PdfPageCache cache(8u << 20);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 12; ++i) {
        if (t == 0 && i % 4 == 0) cache.ahead(fixture_source(), {(i + 1) % 3}, 200, 150);
        const auto r = cache.get(fixture_source(), (i + t) % 3, 200, 150 + i % 4);
        if (!r || r->width != 200) ++failures;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(cache.bytes(), cache.budget());
}

TEST(PdfPageCache, FiguresForA1080pPage) {
  render::PdfPageCache cache;
  const auto start = Clock::now();
  ASSERT_NE(cache.get(fixture_source(), 0, 1440, 1080), nullptr);
  const double first = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  const auto again = Clock::now();
  ASSERT_NE(cache.get(fixture_source(), 1, 1440, 1080), nullptr);
  const double second = std::chrono::duration<double, std::milli>(Clock::now() - again).count();
  RecordProperty("first_page_ms", std::to_string(first));
  RecordProperty("second_page_ms", std::to_string(second));
  std::printf("1440x1080 page: %.1f ms (opening the file included), next page %.1f ms\n", first,
              second);
}

}  // namespace
}  // namespace madang::test
