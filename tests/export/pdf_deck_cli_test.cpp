// A PDF as a deck, through the commands a user runs: the lecture exported to
// PDF and back gives the same pictures; --steps comes back as the same
// slides and steps; notes from every source reach the console's JSON and a
// handout; `check` names where the notes came from; an encrypted PDF asks
// for its password.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "image_compare.h"
#include "pdf_fixture.h"
#include "render/image.h"

namespace madang::test {
namespace {

namespace fs = std::filesystem;

const std::string kLecture = std::string(MADANG_SOURCE_DIR) + "/slides/lecture.md";

// The mean of every 8x8 block: what a reader sees of a picture, without the
// rasterizer's antialiasing and sub-pixel placement.
render::RgbaImage blocks(const render::RgbaImage& image) {
  render::RgbaImage out;
  out.width = image.width / 8;
  out.height = image.height / 8;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int dy = 0; dy < 8; ++dy)
          for (int dx = 0; dx < 8; ++dx)
            sum +=
                image.pixels[(static_cast<std::size_t>(y * 4 + dy) * image.width + x * 4 + dx) * 4 +
                             c];
        out.pixels[(static_cast<std::size_t>(y) * out.width + x) * 4 + c] =
            static_cast<std::uint8_t>(sum / 64);
      }
  return out;
}

class PdfDeckCli : public CliTest {
 protected:
  // `madang ARGS` and `COMMAND` run in the test's folder, where its files are.
  CommandResult madang(const std::string& args) const {
    return CliTest::shell("cd '" + dir().string() + "' && '" + MADANG_BIN + "' " + args);
  }
  CommandResult shell(const std::string& command) const {
    return CliTest::shell("cd '" + dir().string() + "' && " + command);
  }

  // A three-slide PDF (the middle one with two steps), notes in annotations.
  std::string talk(const std::string& name = "talk.pdf") const {
    FixtureDocument doc;
    doc.title = "Forum talk";
    FixturePage one;
    one.lines = {"Opening"};
    one.label = "1";
    one.notes = {"인사하고 희망제작소를 소개한다"};
    FixturePage two = one;
    two.lines = {"Triangle"};
    two.label = "2";
    two.notes = {"정부, 시장, 시민사회"};
    FixturePage two_more = two;
    two_more.lines = {"Triangle", "and more"};
    FixturePage three;
    three.lines = {"Thanks"};
    three.label = "3";
    doc.pages = {one, two, two_more, three};
    return write(name, fixture_pdf(doc));
  }

  // Every text line of a console page's items, in order.
  static std::string console_text(const nlohmann::json& page) {
    std::string out;
    for (const auto& item : page["items"]) {
      if (item["kind"] != "text") continue;
      for (const auto& line : item["lines"]) out += line["text"].get<std::string>() + "\n";
    }
    return out;
  }
};

TEST_F(PdfDeckCli, CheckNamesThePagesSlidesAndWhereTheNotesCameFrom) {
  const std::string pdf = talk();
  const CommandResult r = madang("check talk.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("talk.pdf: 4 pages as 3 slides; notes: from annotations"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("talk.pdf: 3 slides, 0 errors, 0 warnings"), std::string::npos) << r.out;

  const CommandResult flat = madang("check talk.pdf --no-overlays");
  EXPECT_NE(flat.out.find("4 pages as 4 slides"), std::string::npos) << flat.out;
}

TEST_F(PdfDeckCli, LayoutJsonHasThePageItsTextAndNotes) {
  talk();
  const CommandResult r = madang("layout talk.pdf --slide 2 --size 1280x720");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json out = nlohmann::json::parse(r.out);
  const nlohmann::json& slide = out["slides"][0];
  EXPECT_EQ(slide["pdf"]["pages"], nlohmann::json::array({2, 3}));
  EXPECT_EQ(slide["pdf"]["title"], "Triangle");
  EXPECT_EQ(slide["pdf"]["notes"], "정부, 시장, 시민사회");
  EXPECT_EQ(slide["pdf"]["notes_source"], "annotations");
  const nlohmann::json* page = nullptr;
  for (const auto& item : slide["items"])
    if (item["kind"] == "pdf_page") page = &item;
  ASSERT_NE(page, nullptr) << r.out;
  EXPECT_EQ((*page)["page"], 3);  // all steps shown: the last page
  EXPECT_EQ((*page)["rect"], nlohmann::json::array({0, 0, 1280, 720}));
}

TEST_F(PdfDeckCli, AFourThreePdfIsLetterboxedInAWideWindow) {
  FixtureDocument doc;
  FixturePage p;
  p.width = 800;
  p.height = 600;
  p.lines = {"Four by three"};
  doc.pages = {p};
  write("old.pdf", fixture_pdf(doc));
  const CommandResult r = madang("layout old.pdf --size 1920x1080");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json out = nlohmann::json::parse(r.out);
  const auto& item = out["slides"][0]["items"][0];
  EXPECT_EQ(item["kind"], "pdf_page");
  EXPECT_EQ(item["rect"], nlohmann::json::array({240, 0, 1440, 1080}));
}

TEST_F(PdfDeckCli, NotesFromEverySourceReachTheConsole) {
  talk();
  // Annotations.
  CommandResult r = madang("layout talk.pdf --console --slide 2 --size 1920x1080");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out);
  EXPECT_NE(console_text(out["console"][0]).find("정부, 시장, 시민사회"), std::string::npos)
      << console_text(out["console"][0]);
  EXPECT_EQ(out["console"][0]["notes_source"], "annotations");

  // A pdfpc file beside the PDF wins over them.
  write("talk.pdfpc", R"({"pdfpcFormat": 2, "pages": [
    {"idx": 1, "label": "2", "overlay": 0, "note": "pdfpc의 노트"}]})");
  r = madang("layout talk.pdf --console --slide 2 --size 1920x1080");
  out = nlohmann::json::parse(r.out);
  EXPECT_NE(console_text(out["console"][0]).find("pdfpc의 노트"), std::string::npos);
  EXPECT_EQ(out["console"][0]["notes_source"], "talk.pdfpc");

  // A PowerPoint beside the PDF wins over pdfpc (made here with Python's zipfile).
  const std::string script = R"PY(
import zipfile, sys
ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
z = zipfile.ZipFile(sys.argv[1], 'w')
z.writestr('ppt/presentation.xml', '<p:presentation %s><p:sldIdLst>%s</p:sldIdLst></p:presentation>' % (ns, ''.join('<p:sldId id="%d" r:id="rId%d"/>' % (255 + i, i) for i in (1, 2, 3))))
z.writestr('ppt/_rels/presentation.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % ''.join('<Relationship Id="rId%d" Type="%sslide" Target="slides/slide%d.xml"/>' % (i, rel, i) for i in (1, 2, 3)))
for i in (1, 2, 3):
    z.writestr('ppt/slides/slide%d.xml' % i, '<p:sld %s/>' % ns)
    z.writestr('ppt/slides/_rels/slide%d.xml.rels' % i, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="%snotesSlide" Target="../notesSlides/notesSlide%d.xml"/></Relationships>' % (rel, i))
    z.writestr('ppt/notesSlides/notesSlide%d.xml' % i, '<p:notes %s><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>파워포인트 노트 %d</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>' % (ns, i))
z.close()
)PY";
  write("make_pptx.py", script);
  ASSERT_EQ(shell("python3 make_pptx.py talk.pptx").exit_code, 0);
  r = madang("layout talk.pdf --console --slide 2 --size 1920x1080");
  out = nlohmann::json::parse(r.out);
  EXPECT_NE(console_text(out["console"][0]).find("파워포인트 노트 2"), std::string::npos)
      << console_text(out["console"][0]) << r.err;
  EXPECT_EQ(out["console"][0]["notes_source"], "talk.pptx");
  EXPECT_NE(madang("check talk.pdf").out.find("notes: from talk.pptx"), std::string::npos);

  // --notes-from names the file, whatever lies beside the PDF.
  write("mine.md", "## 2\n\n직접 쓴 노트\n");
  r = madang("layout talk.pdf --console --slide 2 --size 1920x1080 --notes-from mine.md");
  out = nlohmann::json::parse(r.out);
  EXPECT_NE(console_text(out["console"][0]).find("직접 쓴 노트"), std::string::npos);
}

TEST_F(PdfDeckCli, BeamersNotesHalfIsTheConsolesNotesAndTheHallShowsTheSlideHalf) {
  // One 1920x540 page: the slide (a blue box) on the left, the notes page
  // (a red box) on the right, as `show notes on second screen=right` makes them.
  FixtureDocument doc;
  FixturePage p;
  p.width = 1920;
  p.height = 540;
  p.boxes = {{100, 100, 760, 340, 0, 0, 1}, {1060, 100, 760, 340, 1, 0, 0}};
  doc.pages = {p};
  write("beamer.pdf", fixture_pdf(doc));
  const CommandResult layout =
      madang("layout beamer.pdf --beamer-notes right --console --size 1920x1080");
  ASSERT_EQ(layout.exit_code, 0) << layout.err;
  const nlohmann::json page = nlohmann::json::parse(layout.out)["console"][0];
  const auto notes = page["notes"], current = page["current"];
  ASSERT_EQ(madang("export beamer.pdf --beamer-notes right --console --png con").exit_code, 0);
  ASSERT_EQ(madang("export beamer.pdf --beamer-notes right --png hall").exit_code, 0);
  std::string error;
  auto console = render::decode_image((dir() / "con" / "console-01.png").string(), &error);
  auto hall = render::decode_image((dir() / "hall" / "slide-01.png").string(), &error);
  ASSERT_TRUE(console && hall) << error;
  auto count = [](const render::RgbaImage& image, const nlohmann::json& r, Rgba colour) {
    int n = 0;
    for (int y = r[1].get<int>(); y < r[1].get<int>() + r[3].get<int>(); ++y)
      for (int x = r[0].get<int>(); x < r[0].get<int>() + r[2].get<int>(); ++x)
        n += pixel_at(image, x, y) == colour;
    return n;
  };
  const Rgba red = rgba(0xff0000ff), blue = rgba(0x0000ffff);
  EXPECT_GT(count(*console, notes, red), 20000);  // the notes half, in the notes panel
  EXPECT_EQ(count(*console, notes, blue), 0);
  EXPECT_GT(count(*console, current, blue), 20000);  // the slide half, as the hall sees it
  EXPECT_EQ(count(*console, current, red), 0);
  const nlohmann::json whole = nlohmann::json::array({0, 0, 1920, 1080});
  EXPECT_GT(count(*hall, whole, blue), 500000);  // 760x340 pt at 2 px a point, about
  EXPECT_EQ(count(*hall, whole, red), 0);
}

TEST_F(PdfDeckCli, AHandoutOfSomeoneElsesSlidesWithTheirNotesKeepsThePagesAsText) {
  talk();
  const CommandResult r = madang("export talk.pdf --pdf handout.pdf --notes");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CommandResult text = shell("pdftotext -layout handout.pdf -");
  ASSERT_EQ(text.exit_code, 0);
  // The pages' own words (drawn by poppler into cairo's PDF: still text) and the notes.
  EXPECT_NE(text.out.find("Triangle"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Thanks"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("정부, 시장, 시민사회"), std::string::npos) << text.out;
  const CommandResult images = shell("pdfimages -list handout.pdf");
  ASSERT_EQ(images.exit_code, 0);
  // Header lines only: the pages are vectors, not pictures of pages.
  EXPECT_LE(std::count(images.out.begin(), images.out.end(), '\n'), 2) << images.out;
}

TEST_F(PdfDeckCli, TheLectureThroughPdfLooksLikeTheLecture) {
  ASSERT_EQ(madang("export '" + kLecture + "' --pdf lecture.pdf").exit_code, 0);
  ASSERT_EQ(madang("export '" + kLecture + "' --png direct --size 1280x720").exit_code, 0);
  const CommandResult back = madang("export lecture.pdf --png back --size 1280x720");
  ASSERT_EQ(back.exit_code, 0) << back.err;
  int compared = 0;
  long worst_pixels = 0;
  for (const auto& entry : fs::directory_iterator(dir() / "direct")) {
    const std::string name = entry.path().filename().string();
    std::string error;
    auto direct = render::decode_image(entry.path().string(), &error);
    auto through = render::decode_image((dir() / "back" / name).string(), &error);
    ASSERT_TRUE(direct && through) << name << ": " << error;
    // Text is antialiased by two rasterizers (ours, poppler's through cairo),
    // and placed to different fractions of a pixel, so glyph edges differ by
    // many levels pixel for pixel; averaged over 8x8 pixels they agree within
    // 32 levels, unless a thing moved, changed colour or went missing. At
    // most 1% of those blocks may differ more.
    ASSERT_EQ(through->width, direct->width) << name;
    ASSERT_EQ(through->height, direct->height) << name;
    const ImageDiff diff = diff_images(blocks(*through), blocks(*direct), 32);
    const long limit = static_cast<long>(direct->width / 8) * (direct->height / 8) / 100;
    EXPECT_LE(diff.differing_pixels, limit) << name << " (max " << diff.max_channel_diff << ")";
    worst_pixels = std::max(worst_pixels, diff.differing_pixels);
    ++compared;
  }
  EXPECT_GE(compared, 20);
  RecordProperty("worst_differing_pixels", static_cast<int>(worst_pixels));
}

TEST_F(PdfDeckCli, StepsExportedComeBackAsTheSameSlidesAndSteps) {
  ASSERT_EQ(madang("export '" + kLecture + "' --pdf steps.pdf --steps").exit_code, 0);
  const CommandResult md = madang("layout '" + kLecture + "' --size 320x180");
  const CommandResult pdf = madang("layout steps.pdf --size 320x180");
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  const nlohmann::json a = nlohmann::json::parse(md.out), b = nlohmann::json::parse(pdf.out);
  ASSERT_EQ(a["slides"].size(), b["slides"].size());
  // Each slide: as many pages as the lecture's slide has steps + 1.
  const CommandResult info = shell("pdfinfo steps.pdf");
  int pages_total = 0;
  for (const auto& slide : b["slides"])
    pages_total += static_cast<int>(slide["pdf"]["pages"].size());
  EXPECT_NE(info.out.find("Pages:           " + std::to_string(pages_total) + "\n"),
            std::string::npos)
      << info.out;
  EXPECT_GT(pages_total, static_cast<int>(a["slides"].size()));  // the lecture has steps
}

TEST_F(PdfDeckCli, AnEncryptedPdfAsksForItsPassword) {
  talk("open.pdf");
  ASSERT_EQ(shell("qpdf --encrypt madang2026 owner 256 -- open.pdf locked.pdf").exit_code, 0);
  const CommandResult r = madang("check locked.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("locked.pdf: error: cannot read the deck: it is encrypted: give its "
                       "password with --password"),
            std::string::npos)
      << r.err;
  const CommandResult ok = madang("check locked.pdf --password madang2026");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("3 slides"), std::string::npos);
  // And exports draw its pages (the password reaches the renderer too).
  const CommandResult png =
      madang("export locked.pdf --password madang2026 --png out --size 320x180");
  EXPECT_EQ(png.exit_code, 0) << png.err;
  std::string error;
  auto first = render::decode_image((dir() / "out" / "slide-01.png").string(), &error);
  ASSERT_TRUE(first) << error;
  EXPECT_EQ(pixel_at(*first, 5, 5), rgba(0xffffffff));  // the page's paper, not a placeholder
}

}  // namespace
}  // namespace madang::test
