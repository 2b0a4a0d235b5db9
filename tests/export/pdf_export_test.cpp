// `madang export --pdf` as a user runs it, read back with poppler-utils:
// pdfinfo (pages, size, metadata), pdffonts (embedded subsets), pdftotext
// (every paragraph of every slide, in order, with no spaces inside words),
// pdfimages (each image once, emoji as images), pdfinfo -url (live links),
// pdftoppm (each page looks like the PNG export), the outline, --steps,
// --notes, --select, SOURCE_DATE_EPOCH, and failures that leave no file.
//
// [SECTION] Fixture and helpers
// [SECTION] Document: pages, metadata, fonts, outline, links, images
// [SECTION] Text: pdftotext against the layout
// [SECTION] Looks: pdftoppm against the PNG export
// [SECTION] Options: --steps, --notes, --select, reproducible bytes
// [SECTION] Failures

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "export_fixture.h"
#include "image_compare.h"
#include "render/image.h"
#include "run_command.h"

namespace {

namespace fs = std::filesystem;
using madang::test::CommandResult;
using madang::test::read_file;

// ============================================================================
// [SECTION] Fixture and helpers
// ============================================================================

// Folds every run of white space to one space and trims.
std::string squash(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// Drops pictographs (emoji become images, not text), variation selectors and
// joiners from UTF-8 text.
std::string without_emoji(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
      cp = cp << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    const bool emoji = cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F ||
                       cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    if (!emoji) out.append(text, i, n);
    i += n;
  }
  return out;
}

// A page rasterised from the PDF against the PNG export of the same slide
// (the tolerance is explained where it is defined, under "Looks").
::testing::AssertionResult page_matches_png(const madang::render::RgbaImage& page,
                                            const madang::render::RgbaImage& png,
                                            const std::string& name);

class PdfExport : public madang::test::ExportFixture {
 protected:
  // The tmpfs mounts go before the folder that holds them.
  void TearDown() override {
    for (const std::string& m : mounts_) umount2(m.c_str(), MNT_DETACH);
  }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(out(name)) << text;
    return "'" + out(name) + "'";
  }

  // Exports `deck_arg` to out(name) and fails the test on a non-zero exit.
  std::string export_pdf(const std::string& deck_arg, const std::string& name,
                         const std::string& extra = "") {
    const CommandResult r = madang("export " + deck_arg + " --pdf '" + out(name) + "' " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out(name);
  }

  std::string pdfinfo(const std::string& pdf, const std::string& extra = "") {
    return shell("pdfinfo " + extra + " '" + pdf + "'").out;
  }
  std::string page_text(const std::string& pdf, int page) {
    const std::string p = std::to_string(page);
    return shell("pdftotext -enc UTF-8 -f " + p + " -l " + p + " '" + pdf + "' -").out;
  }
  static std::string info_field(const std::string& info, const std::string& key) {
    std::istringstream in(info);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind(key + ":", 0) == 0) return squash(line.substr(key.size() + 1));
    }
    return "";
  }

  // A tmpfs of `size` at a new folder under the test's folder, or "" when
  // this process may not mount (not root); unmounted in TearDown.
  std::string mount_tmpfs(const std::string& name, const std::string& options) {
    const std::string where = out(name);
    fs::create_directories(where);
    const bool ro = options.find("ro") == 0;
    if (::mount("tmpfs", where.c_str(), "tmpfs", ro ? MS_RDONLY : 0,
                ro ? "size=1m" : options.c_str()) != 0)
      return "";
    mounts_.push_back(where);
    return where;
  }

  // The paragraphs layout produced for each slide (1-based), each as its
  // lines' text: what a reader reads, in order.
  using Paragraph = std::vector<std::string>;
  std::map<int, std::vector<Paragraph>> paragraphs(const std::string& deck_arg,
                                                   const std::string& extra = "") {
    const CommandResult r = madang("layout " + deck_arg + " --json " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<int, std::vector<Paragraph>> result;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    for (const auto& slide : j["slides"]) {
      auto& list = result[slide["index"].get<int>()];
      for (const auto& item : slide["items"]) {
        if (item["kind"] != "text") continue;
        Paragraph lines;
        for (const auto& line : item["lines"]) {
          const std::string text = squash(without_emoji(line["text"].get<std::string>()));
          if (!text.empty()) lines.push_back(text);
        }
        if (!lines.empty()) list.push_back(std::move(lines));
      }
    }
    return result;
  }

  // Every line that layout placed on a slide comes out of pdftotext on that
  // slide's page, whole (no space inside a word, nothing inserted), and the
  // lines of a paragraph come in reading order. pages[k] is the slide on
  // page k + 1. (pdftotext joins a line that ends in '-' to the next and
  // drops the hyphen, so a trailing hyphen is not looked for.)
  void expect_text_matches_layout(const std::string& pdf,
                                  const std::map<int, std::vector<Paragraph>>& expected,
                                  const std::vector<int>& pages) {
    std::size_t checked = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto it = expected.find(pages[p]);
      ASSERT_NE(it, expected.end());
      const std::string text = squash(page_text(pdf, static_cast<int>(p) + 1));
      for (const Paragraph& para : it->second) {
        std::size_t at = 0;
        for (std::string line : para) {
          while (!line.empty() && line.back() == '-') line.pop_back();
          // A closing CJK bracket before a space is set half-width (OpenType
          // halt); the PDF's font still says the glyph is a full em wide, so
          // pdftotext finds no gap for the space there. The letters are all
          // in the text; only that one space is not.
          for (std::size_t k; (k = line.find("」 ")) != std::string::npos;) line.erase(k + 3, 1);
          const std::size_t found = text.find(line, at);
          EXPECT_NE(found, std::string::npos)
              << "slide " << pages[p] << ": '" << line << "' is not in\n"
              << text.substr(at);
          if (found != std::string::npos) at = found + line.size();
          ++checked;
        }
      }
    }
    EXPECT_GT(checked, pages.size());
  }

  // Rasterises `page` at 1920 pixels wide, like the PNG export.
  madang::render::RgbaImage raster(const std::string& pdf, int page, const std::string& name) {
    const std::string p = std::to_string(page);
    const CommandResult r = shell("pdftoppm -png -singlefile -scale-to-x 1920 -scale-to-y -1 -f " +
                                  p + " -l " + p + " '" + pdf + "' '" + out(name) + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    madang::render::ImageCache images;
    const auto* image = images.get(out(name) + ".png");
    return image ? *image : madang::render::RgbaImage{};
  }

  // Each PDF page against the PNG export of the same slide (see
  // page_matches_png for the tolerance).
  void expect_pages_look_like_pngs(const std::string& deck_arg, const std::string& extra,
                                   int count) {
    const std::string pdf = export_pdf(deck_arg, "deck.pdf", extra);
    fs::remove_all(out("png"));
    const CommandResult r = madang("export " + deck_arg + " --png '" + out("png") + "' " + extra);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out("png"))) names.push_back(e.path().string());
    std::sort(names.begin(), names.end());
    ASSERT_EQ(static_cast<int>(names.size()), count);
    madang::render::ImageCache images;
    for (int i = 0; i < count; ++i) {
      const madang::render::RgbaImage page = raster(pdf, i + 1, "page");
      const auto* png = images.get(names[static_cast<std::size_t>(i)]);
      ASSERT_NE(png, nullptr);
      EXPECT_TRUE(page_matches_png(
          page, *png, "pdf-" + fs::path(names[static_cast<std::size_t>(i)]).stem().string()));
    }
  }

  std::vector<std::string> mounts_;
};

// ============================================================================
// [SECTION] Document: pages, metadata, fonts, outline, links, images
// ============================================================================

TEST_F(PdfExport, LectureIs23SlidePagesWithMetadataFromTheFrontMatter) {
  const std::string pdf = export_pdf(deck("lecture.md"), "lecture.pdf");
  const std::string info = pdfinfo(pdf);
  EXPECT_EQ(info_field(info, "Pages"), "23") << info;
  EXPECT_EQ(info_field(info, "Page size"), "960 x 540 pts") << info;
  EXPECT_EQ(info_field(info, "Title"), "지역사회 사회혁신생태계 조성전략");
  EXPECT_EQ(info_field(info, "Author"), "김제선");
  EXPECT_EQ(info_field(info, "Subject"), "제8회 아시아미래포럼 · 세션 2");
  EXPECT_EQ(info_field(info, "Creator").rfind("Madang ", 0), 0u) << info;
}

TEST_F(PdfExport, EveryFontIsAnEmbeddedSubset) {
  const std::string pdf = export_pdf(deck("tour.md"), "tour.pdf");
  const std::string fonts = shell("pdffonts '" + pdf + "'").out;
  std::istringstream in(fonts);
  std::string line;
  int rows = 0;
  bool korean = false;
  while (std::getline(in, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
    ++rows;
    // name type... encoding emb sub uni object ID
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;) c.push_back(w);
    ASSERT_GE(c.size(), 6u) << line;
    const std::size_t emb = c.size() - 5;  // emb sub uni obj gen
    EXPECT_EQ(c[emb], "yes") << "not embedded: " << line;
    EXPECT_EQ(c[emb + 1], "yes") << "not a subset: " << line;
    EXPECT_EQ(c[emb + 2], "yes") << "no ToUnicode: " << line;
    // A subset's name starts with six capitals and '+'.
    EXPECT_TRUE(std::regex_search(c[0], std::regex("^[A-Z]{6}\\+"))) << line;
    korean |= c[0].find("NotoSansCJK") != std::string::npos;
  }
  EXPECT_GE(rows, 2) << fonts;
  EXPECT_TRUE(korean) << fonts;
}

TEST_F(PdfExport, BookmarksAreTheSlideTitlesInOrder) {
  const std::string pdf = export_pdf(deck("lecture.md"), "lecture.pdf");
  const std::string bytes = read_file(pdf);
  // cairo writes outline items as uncompressed dictionaries with the title as
  // UTF-16BE hex; the document information dictionary has no /Parent.
  std::vector<std::string> titles;
  const std::regex item("/Title <FEFF([0-9A-F]*)>\\s*/Parent");
  for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), item);
       it != std::sregex_iterator(); ++it) {
    const std::string hex = (*it)[1];
    std::string utf8;
    for (std::size_t i = 0; i + 4 <= hex.size(); i += 4) {
      const auto cp = static_cast<char32_t>(std::stoul(hex.substr(i, 4), nullptr, 16));
      if (cp < 0x80) {
        utf8 += static_cast<char>(cp);
      } else if (cp < 0x800) {
        utf8 += static_cast<char>(0xC0 | cp >> 6);
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        utf8 += static_cast<char>(0xE0 | cp >> 12);
        utf8 += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    titles.push_back(utf8);
  }
  ASSERT_EQ(titles.size(), 23u);
  EXPECT_EQ(titles[0], "지역사회 사회혁신생태계 조성전략");
  EXPECT_EQ(titles[1], "연사 소개");
  EXPECT_EQ(titles[3], "사회적 난제에 포위된 한국사회");
  EXPECT_NE(bytes.find("/Outlines"), std::string::npos);
  EXPECT_NE(bytes.find("/PageLabels"), std::string::npos);
}

TEST_F(PdfExport, LinksAreLive) {
  const std::string pdf = export_pdf(deck("tour.md"), "tour.pdf");
  const std::string urls = pdfinfo(pdf, "-url");
  EXPECT_NE(urls.find("https://example.org"), std::string::npos) << urls;
}

TEST_F(PdfExport, AnImageDrawnTwiceIsEmbeddedOnceAndEmojiAreImages) {
  fs::copy_file(std::string(MADANG_SOURCE_DIR) + "/slides/assets/icon.png", out("icon.png"));
  const std::string d = write("images.md",
                              "# 하나\n\n![아이콘](icon.png)\n\n---\n\n# 둘 🙂\n\n"
                              "![아이콘](icon.png)\n\n이모지 😀 글자\n");
  const std::string pdf = export_pdf(d, "images.pdf");
  const std::string list = shell("pdfimages -list '" + pdf + "'").out;
  std::map<int, std::vector<std::string>> objects_by_page;
  std::map<std::string, int> pages_by_object;
  std::istringstream in(list);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;) c.push_back(w);
    if (c.size() < 12 || c[2] != "image") continue;
    objects_by_page[std::stoi(c[0])].push_back(c[10]);
    ++pages_by_object[c[10]];
  }
  // The icon (256x256) on both pages is one object; slide 2 also has two
  // emoji pictures.
  ASSERT_EQ(objects_by_page[1].size(), 1u) << list;
  ASSERT_GE(objects_by_page[2].size(), 3u) << list;
  EXPECT_EQ(pages_by_object[objects_by_page[1][0]], 2) << list;
  EXPECT_NE(page_text(pdf, 2).find("이모지"), std::string::npos);
}

// ============================================================================
// [SECTION] Text: pdftotext against the layout
// ============================================================================

TEST_F(PdfExport, PdftotextGivesEveryParagraphOfTheLectureAndTheTour) {
  for (const char* name : {"lecture.md", "tour.md"}) {
    const auto expected = paragraphs(deck(name));
    const std::string pdf = export_pdf(deck(name), "deck.pdf");
    std::vector<int> pages;
    for (const auto& [slide, paras] : expected) pages.push_back(slide);
    SCOPED_TRACE(name);
    expect_text_matches_layout(pdf, expected, pages);
  }
}

TEST_F(PdfExport, KoreanComesOutAsWrittenWithNoSpacesInsideWords) {
  const std::string pdf = export_pdf(deck("lecture.md"), "lecture.pdf");
  const std::string text = page_text(pdf, 4);
  EXPECT_NE(text.find("사회적 난제에 포위된 한국사회"), std::string::npos) << text;
  EXPECT_NE(text.find("복잡한 세상의 주인으로 서는 張三李四"), std::string::npos) << text;
  EXPECT_EQ(text.find("사 회"), std::string::npos) << text;
}

// ============================================================================
// [SECTION] Looks: pdftoppm against the PNG export
// ============================================================================

// The tolerance. Both images are halved (2x2 averages, 960x540 for a slide);
// a pixel of one differs when no pixel within one (halved) pixel of the same
// place in the other is within 128 of 255 in every channel; checked both
// ways. A page matches when at most 0.01% of those pixels differ (about 100).
// Why: the two rasterizers disagree at every glyph edge, by up to about 1.5
// pixels at 1920: the PNG export snaps baselines to whole pixels and hints
// glyph heights (FreeType light hinting, which also darkens thin horizontal
// strokes), pdftoppm does neither and antialiases paths its own way. Measured
// on every slide of the lecture and the tour, the worst such pixel is 118
// (typically 300-1000 pixels per slide above 96, none above 128). Text
// against its background differs by about 220 and survives the one-pixel
// neighbourhood only where it really is, so a missing, extra or moved word
// (TheComparisonCatchesARealDifference), a missing shape or a shape off by
// more than two pixels fails; colour changes smaller than 128 per channel
// are below what this test can see.
madang::render::RgbaImage halved(const madang::render::RgbaImage& im) {
  madang::render::RgbaImage out;
  out.width = im.width / 2;
  out.height = im.height / 2;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        auto at = [&](int dx, int dy) {
          return im.pixels[(static_cast<std::size_t>(2 * y + dy) * im.width + 2 * x + dx) * 4 +
                           static_cast<std::size_t>(c)];
        };
        out.pixels[(static_cast<std::size_t>(y) * out.width + x) * 4 +
                   static_cast<std::size_t>(c)] =
            static_cast<std::uint8_t>((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) / 4);
      }
  return out;
}

// Pixels of `a` with no close colour in `b` within one pixel.
long unmatched(const madang::render::RgbaImage& a, const madang::render::RgbaImage& b,
               int tolerance, int* worst) {
  long count = 0;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const std::uint8_t* pa = &a.pixels[(static_cast<std::size_t>(y) * a.width + x) * 4];
      int best = 255;
      for (int dy = -1; dy <= 1 && best > tolerance; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int bx = x + dx, by = y + dy;
          if (bx < 0 || by < 0 || bx >= b.width || by >= b.height) continue;
          const std::uint8_t* pb = &b.pixels[(static_cast<std::size_t>(by) * b.width + bx) * 4];
          int d = 0;
          for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(pa[c] - pb[c]));
          best = std::min(best, d);
        }
      }
      *worst = std::max(*worst, best);
      if (best > tolerance) ++count;
    }
  }
  return count;
}

::testing::AssertionResult page_matches_png(const madang::render::RgbaImage& page,
                                            const madang::render::RgbaImage& png,
                                            const std::string& name) {
  if (page.width != png.width || page.height != png.height)
    return ::testing::AssertionFailure() << name << ": page is " << page.width << "x" << page.height
                                         << ", PNG " << png.width << "x" << png.height;
  constexpr int kChannel = 128;
  constexpr double kMaxShare = 0.0001;
  const madang::render::RgbaImage a = halved(page), b = halved(png);
  int worst = 0;
  const long differing = unmatched(a, b, kChannel, &worst) + unmatched(b, a, kChannel, &worst);
  const double share = static_cast<double>(differing) / (2.0 * a.width * a.height);
  if (share <= kMaxShare) return ::testing::AssertionSuccess();
  // Leave both for a person to look at, like compare_images does.
  const std::string where = madang::test::output_dir(name);
  madang::render::write_png(page, where + "/actual.png", nullptr);
  madang::render::write_png(png, where + "/expected.png", nullptr);
  return ::testing::AssertionFailure()
         << name << ": " << differing << " of " << 2L * a.width * a.height
         << " half-size pixels have no match within one pixel (worst " << worst << "); images in "
         << where;
}

TEST_F(PdfExport, EveryLecturePageLooksLikeItsPng) {
  expect_pages_look_like_pngs(deck("lecture.md"), "", 23);
}

TEST_F(PdfExport, EveryTourPageLooksLikeItsPng) {
  expect_pages_look_like_pngs(deck("tour.md"), "", 13);
}

TEST_F(PdfExport, DiagramStatesEmojiAndPlaceholdersLookLikeThePng) {
  expect_pages_look_like_pngs(deck("lecture.md"), "--slides 4 --select gov", 1);
  // An image that cannot be decoded is drawn as its placeholder (a missing
  // one is an error: export refuses the deck).
  write("broken.png", "not a PNG");
  const std::string d =
      write("odd.md",
            "# 그림 없음 🙂\n\n![깨진 그림](broken.png)\n\n~~지운 글~~ "
            "[링크](https://example.org)\n");
  expect_pages_look_like_pngs(d, "", 1);
}

TEST_F(PdfExport, TheComparisonCatchesARealDifference) {
  // Slides 4 and 5 share the frame (title, footer) but not the content.
  const std::string pdf = export_pdf(deck("lecture.md"), "lecture.pdf", "--slides 4-5");
  ASSERT_EQ(
      madang("export " + deck("lecture.md") + " --png '" + out("png") + "' --slides 4").exit_code,
      0);
  madang::render::ImageCache images;
  const auto* png = images.get(out("png/slide-04.png"));
  ASSERT_NE(png, nullptr);
  EXPECT_TRUE(page_matches_png(raster(pdf, 1, "p1"), *png, "pdf-catch-same"));
  EXPECT_FALSE(page_matches_png(raster(pdf, 2, "p2"), *png, "pdf-catch-other"));
}

// ============================================================================
// [SECTION] Options: --steps, --notes, --select, reproducible bytes
// ============================================================================

TEST_F(PdfExport, StepsGiveAPagePerFragmentStep) {
  const std::string d =
      write("steps.md", "# 단계\n\n<!-- incremental -->\n\n- 하나\n- 둘\n- 셋\n\n---\n\n# 끝\n");
  const std::string pdf = export_pdf(d, "steps.pdf", "--steps");
  EXPECT_EQ(info_field(pdfinfo(pdf), "Pages"), "5");  // 4 steps of slide 1, then slide 2
  EXPECT_EQ(page_text(pdf, 1).find("하나"), std::string::npos);
  EXPECT_NE(page_text(pdf, 2).find("하나"), std::string::npos);
  EXPECT_EQ(page_text(pdf, 2).find("둘"), std::string::npos);
  EXPECT_NE(page_text(pdf, 4).find("셋"), std::string::npos);
  EXPECT_NE(page_text(pdf, 5).find("끝"), std::string::npos);
  // Without --steps a slide is one page, fully revealed.
  const std::string all = export_pdf(d, "all.pdf");
  EXPECT_EQ(info_field(pdfinfo(all), "Pages"), "2");
  EXPECT_NE(page_text(all, 1).find("셋"), std::string::npos);
}

TEST_F(PdfExport, NotesGiveA4HandoutsWithTheNotesBelowTheSlide) {
  const std::string pdf = export_pdf(deck("lecture.md"), "notes.pdf", "--notes --slides 1,4");
  const std::string info = pdfinfo(pdf);
  EXPECT_EQ(info_field(info, "Pages"), "2");
  EXPECT_EQ(info_field(info, "Page size"), "595.276 x 841.89 pts (A4)") << info;
  const std::string text = squash(page_text(pdf, 2));
  const std::size_t title = text.find("사회적 난제에 포위된 한국사회");
  const std::size_t note = text.find("한국사회는 지금 사회적 난제에 포위되어 있습니다.");
  ASSERT_NE(title, std::string::npos) << text;
  ASSERT_NE(note, std::string::npos) << text;
  EXPECT_LT(title, note);
  EXPECT_NE(text.find("오른쪽 그림처럼 정부, 시장, 시민사회가 함께 대안을 만들어야 합니다."),
            std::string::npos)
      << text;
}

TEST_F(PdfExport, SelectShowsTheDiagramStateOnItsSlideOnly) {
  const std::string rest = export_pdf(deck("lecture.md"), "rest.pdf", "--slides 3-4");
  const std::string gov = export_pdf(deck("lecture.md"), "gov.pdf", "--slides 3-4 --select gov");
  EXPECT_EQ(page_text(rest, 1), page_text(gov, 1));
  EXPECT_NE(read_file(rest), read_file(gov));
}

TEST_F(PdfExport, SourceDateEpochGivesTheSameBytes) {
  const CommandResult a = shell("SOURCE_DATE_EPOCH=1700000000 '" + std::string(MADANG_BIN) +
                                "' export " + deck("tour.md") + " --pdf '" + out("a.pdf") + "'");
  sleep(1);
  const CommandResult b = shell("SOURCE_DATE_EPOCH=1700000000 '" + std::string(MADANG_BIN) +
                                "' export " + deck("tour.md") + " --pdf '" + out("b.pdf") + "'");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(read_file(out("a.pdf")), read_file(out("b.pdf")));
  EXPECT_EQ(info_field(pdfinfo(out("a.pdf")), "CreationDate"), "Tue Nov 14 22:13:20 2023 UTC");
}

TEST_F(PdfExport, OptionsThatDoNotApplyAreUsageErrors) {
  CommandResult r =
      madang("export " + deck("lecture.md") + " --pdf '" + out("x.pdf") + "' --size 960x540");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--size is for --png"), std::string::npos) << r.err;
  r = madang("export " + deck("lecture.md") + " --png '" + out("p") + "' --notes");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--steps and --notes are for --pdf"), std::string::npos) << r.err;
  r = madang("export " + deck("lecture.md"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(out("x.pdf")));
  EXPECT_FALSE(fs::exists(out("p")));
}

// ============================================================================
// [SECTION] Failures
// ============================================================================

// No temporary or partial file may be left in `folder`: only the names
// listed, each a complete file.
std::vector<std::string> names_in(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(PdfExport, AFullDiskSaysSoAndLeavesNoFile) {
  const CommandResult r = madang("export " + deck("lecture.md") + " --pdf /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << r.err;

  const std::string small = mount_tmpfs("small", "size=48k");
  if (small.empty()) GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
  const CommandResult full =
      madang("export " + deck("lecture.md") + " --pdf '" + small + "/lecture.pdf'");
  EXPECT_EQ(full.exit_code, 2);
  EXPECT_NE(full.err.find("lecture.pdf: No space left on device"), std::string::npos) << full.err;
  EXPECT_TRUE(names_in(small).empty());

  // PNGs: the slides that fit are whole files, the rest are absent, and the
  // reason is said once.
  const std::string pngs = mount_tmpfs("pngs", "size=600k");
  ASSERT_FALSE(pngs.empty());
  const CommandResult p = madang("export " + deck("lecture.md") + " --png '" + pngs + "'");
  EXPECT_EQ(p.exit_code, 2);
  const std::string reason = "No space left on device";
  const std::size_t first = p.err.find(reason);
  ASSERT_NE(first, std::string::npos) << p.err;
  EXPECT_EQ(p.err.find(reason, first + 1), std::string::npos) << p.err;
  EXPECT_EQ(p.err.find("cannot write cannot write"), std::string::npos) << p.err;
  const std::vector<std::string> names = names_in(pngs);
  EXPECT_LT(names.size(), 23u);
  madang::render::ImageCache images;
  for (const std::string& name : names) {
    EXPECT_TRUE(std::regex_match(name, std::regex("slide-[0-9]{2}\\.png"))) << name;
    const auto* image = images.get(pngs + "/" + name);
    ASSERT_NE(image, nullptr) << name << " is not a whole PNG";
    EXPECT_EQ(image->width, 1920);
  }
}

TEST_F(PdfExport, AnUnwritableFolderSaysWhyAndLeavesNoFile) {
  CommandResult r = madang("export " + deck("tour.md") + " --pdf '" + out("no/such/x.pdf") + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no/such/x.pdf: No such file or directory"), std::string::npos) << r.err;

  std::string folder = mount_tmpfs("ro", "ro");
  std::string reason = "Read-only file system";
  if (folder.empty()) {  // not root: a folder without write permission
    folder = out("locked");
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    reason = "Permission denied";
  }
  r = madang("export " + deck("tour.md") + " --pdf '" + folder + "/tour.pdf'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("tour.pdf: " + reason), std::string::npos) << r.err;
  r = madang("export " + deck("tour.md") + " --png '" + folder + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("slide-01.png: " + reason), std::string::npos) << r.err;
  EXPECT_TRUE(names_in(folder).empty());
  if (reason == "Permission denied") fs::permissions(folder, fs::perms::owner_all);
}

TEST_F(PdfExport, AFailedExportKeepsTheOldFile) {
  const std::string pdf = export_pdf(deck("tour.md"), "keep.pdf");
  const std::string before = read_file(pdf);
  const std::string broken = write("broken.md", "# 제목\n\n```diagram triangle\nnodes: []\n```\n");
  const CommandResult r = madang("export " + broken + " --pdf '" + pdf + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_file(pdf), before);
}

}  // namespace
