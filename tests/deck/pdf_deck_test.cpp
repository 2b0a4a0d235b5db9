// A PDF as a deck (deck/pdf_deck.h): pages grouped into slides by label,
// notes from annotations and from the files beside it, links, /Dur and
// /Trans, fonts left out, and the files that cannot be shown.
#include "deck/pdf_deck.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "deck/parse.h"
#include "pdf/document.h"
#include "pdf_fixture.h"
#include "temp_dir.h"

namespace madang::deck {
namespace {

using test::FixtureDocument;
using test::FixturePage;

FixturePage page(std::string text, std::string label = "") {
  FixturePage p;
  p.lines = {std::move(text)};
  p.label = std::move(label);
  return p;
}

std::string messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

class PdfDeck : public test::TempDirTest {};

TEST_F(PdfDeck, PagesWithOneLabelAreOneSlidesSteps) {
  FixtureDocument doc;
  doc.title = "지역사회 혁신";
  doc.author = "김제선";
  doc.pages = {page("Opening", "1"), page("Triangle", "2"), page("Triangle more", "2"),
               page("Triangle all", "2"), page("End", "3")};
  const std::string path = write("talk.pdf", test::fixture_pdf(doc));
  ParseResult r = load_deck(path);
  ASSERT_TRUE(r.diagnostics.empty()) << messages(r.diagnostics);
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_EQ(r.deck.slides[0].pdf_pages, (std::vector<int>{0}));
  EXPECT_EQ(r.deck.slides[1].pdf_pages, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(r.deck.slides[1].steps, 2);
  EXPECT_EQ(r.deck.slides[2].pdf_pages, (std::vector<int>{4}));
  EXPECT_EQ(r.deck.slides[1].pdf_title, "Triangle all");  // the text of its last step
  EXPECT_EQ(r.deck.meta.title, "지역사회 혁신");
  EXPECT_EQ(r.deck.meta.author, "김제선");
  EXPECT_EQ(r.deck.meta.aspect_w, 16);
  EXPECT_EQ(r.deck.meta.aspect_h, 9);
  EXPECT_EQ(r.deck.pdf.page_slide, (std::vector<int>{1, 2, 2, 2, 3}));
  ASSERT_TRUE(r.deck.pdf.source);
  EXPECT_EQ(r.deck.pdf.source->path, path);

  ParseOptions every_page;
  every_page.pdf.overlays = false;
  ParseResult flat = load_deck(path, every_page);
  EXPECT_EQ(flat.deck.slides.size(), 5u);
  EXPECT_FALSE(flat.deck.pdf_options.overlays);  // a reload reads it the same way
}

TEST_F(PdfDeck, PagesWithoutLabelsAreSlidesEach) {
  FixtureDocument doc;
  doc.pages = {page("One"), page("Two"), page("Three")};
  doc.pages[1].width = 842;  // A4 landscape in the middle
  doc.pages[1].height = 595;
  ParseResult r = load_deck(write("plain.pdf", test::fixture_pdf(doc)));
  ASSERT_EQ(r.deck.slides.size(), 3u);
  for (const Slide& s : r.deck.slides) EXPECT_EQ(s.steps, 0);
  EXPECT_EQ(r.deck.meta.title, "plain");  // no /Title: the file's name
  ASSERT_EQ(r.deck.pdf.page_sizes.size(), 3u);
  EXPECT_DOUBLE_EQ(r.deck.pdf.page_sizes[1].first, 842);
}

TEST_F(PdfDeck, NotesFromTextAnnotationsAreParsedLikeADecksNotes) {
  FixtureDocument doc;
  doc.pages = {page("One", "1"), page("Two", "2"), page("Two b", "2")};
  doc.pages[0].notes = {"첫 인사: **희망제작소** 소개"};
  doc.pages[1].notes = {"- 정부\n- 시장"};
  doc.pages[2].notes = {"- 정부\n- 시장",
                        "시민사회를 강조"};  // a repeat on the overlay is said once
  ParseResult r = load_deck(write("notes.pdf", test::fixture_pdf(doc)));
  ASSERT_EQ(r.deck.slides.size(), 2u);
  EXPECT_EQ(r.deck.pdf.notes_from, "annotations");
  EXPECT_EQ(r.deck.slides[0].notes, "첫 인사: **희망제작소** 소개");
  EXPECT_EQ(r.deck.slides[0].notes_source, "annotations");
  ASSERT_EQ(r.deck.slides[0].notes_blocks.size(), 1u);
  EXPECT_EQ(plain_text(r.deck.slides[0].notes_blocks[0].text), "첫 인사: 희망제작소 소개");
  EXPECT_EQ(r.deck.slides[1].notes, "- 정부\n- 시장\n\n시민사회를 강조");
  ASSERT_EQ(r.deck.slides[1].notes_blocks.size(), 2u);
  EXPECT_EQ(r.deck.slides[1].notes_blocks[0].kind, BlockKind::kList);
  EXPECT_EQ(r.deck.slides[1].notes_blocks[0].items.size(), 2u);
}

TEST_F(PdfDeck, NotesBesideThePdfWinOverAnnotationsAndNotesFromWinsOverBoth) {
  FixtureDocument doc;
  doc.pages = {page("One"), page("Two")};
  doc.pages[0].notes = {"from the annotation"};
  const std::string path = write("talk.pdf", test::fixture_pdf(doc));
  write("talk.notes.md", "## 1\n\n옆 파일의 노트\n\n## 2\n\n둘째\n");
  ParseResult r = load_deck(path);
  EXPECT_EQ(r.deck.pdf.notes_from, file("talk.notes.md"));
  EXPECT_EQ(r.deck.slides[0].notes, "옆 파일의 노트");
  EXPECT_EQ(r.deck.slides[1].notes, "둘째");
  EXPECT_EQ(r.deck.slides[0].notes_source, "talk.notes.md");

  const std::string given = write("other.md", "## 2\n\n주어진 파일\n");
  ParseOptions options;
  options.pdf.notes_from = given;
  ParseResult chosen = load_deck(path, options);
  EXPECT_EQ(chosen.deck.pdf.notes_from, given);
  EXPECT_EQ(chosen.deck.slides[0].notes, "");
  EXPECT_EQ(chosen.deck.slides[1].notes, "주어진 파일");
}

TEST_F(PdfDeck, NotesForSlidesTheDeckDoesNotHaveAreAWarning) {
  FixtureDocument doc;
  doc.pages = {page("One")};
  const std::string path = write("short.pdf", test::fixture_pdf(doc));
  write("short.notes.md", "## 1\n\nok\n\n## 7\n\nlost\n");
  ParseResult r = load_deck(path);
  EXPECT_EQ(r.deck.slides[0].notes, "ok");
  EXPECT_NE(messages(r.diagnostics).find("notes for slide 7, but " + path + " has 1"),
            std::string::npos)
      << messages(r.diagnostics);
}

TEST_F(PdfDeck, LinksKnowTheSlideAndStepTheyJumpTo) {
  FixtureDocument doc;
  doc.pages = {page("Contents", "1"), page("A", "2"), page("A more", "2"), page("B", "3")};
  // A table of contents: one link to the second step of slide 2, one to slide 3, one out.
  doc.pages[0].links = {{96, 270, 480, 324, 2, ""},
                        {96, 200, 480, 250, 3, ""},
                        {0, 0, 96, 54, -1, "https://www.makehope.org/"}};
  ParseResult r = load_deck(write("links.pdf", test::fixture_pdf(doc)));
  ASSERT_EQ(r.deck.pdf.links.size(), 4u);
  const auto& links = r.deck.pdf.links[0];
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target_slide, 2);
  EXPECT_EQ(links[0].target_step, 1);
  EXPECT_NEAR(links[0].x0, 0.1, 1e-6);
  EXPECT_NEAR(links[0].x1, 0.5, 1e-6);
  EXPECT_NEAR(links[0].y0, 1 - 324.0 / 540, 1e-6);  // fractions from the top
  EXPECT_NEAR(links[0].y1, 0.5, 1e-6);
  EXPECT_EQ(links[1].target_slide, 3);
  EXPECT_EQ(links[1].target_step, 0);
  EXPECT_EQ(links[2].target_slide, 0);
  EXPECT_EQ(links[2].uri, "https://www.makehope.org/");
}

TEST_F(PdfDeck, APagesDurationAndTransitionAreTheSlides) {
  FixtureDocument doc;
  doc.pages = {page("One"), page("Two")};
  doc.pages[0].duration = 12;
  doc.pages[0].transition = "Dissolve";
  doc.pages[1].transition = "Push";
  ParseResult r = load_deck(write("kiosk.pdf", test::fixture_pdf(doc)));
  EXPECT_DOUBLE_EQ(r.deck.slides[0].advance_s, 12);
  EXPECT_EQ(r.deck.slides[0].transition, "fade");
  EXPECT_DOUBLE_EQ(r.deck.slides[1].advance_s, 0);
  EXPECT_EQ(r.deck.slides[1].transition, "push");
  EXPECT_EQ(r.deck.meta.transition, "none");  // no /Trans: pages turn
}

TEST_F(PdfDeck, AFontLeftOutOfTheFileIsAWarningAtItsPage) {
  FixtureDocument doc;
  doc.pages = {page("One"), page("Two"), page("Three")};
  doc.pages[1].missing_font = true;
  doc.pages[2].missing_font = true;  // named once, where it starts
  const std::string path = write("hwp.pdf", test::fixture_pdf(doc));
  ParseResult r = load_deck(path);
  ASSERT_EQ(r.diagnostics.size(), 1u) << messages(r.diagnostics);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            path +
                ":p2: warning: the font 'HYGothic-Medium' is not embedded in the PDF; it is drawn "
                "with a substitute (embed fonts when exporting)");
  EXPECT_EQ(r.deck.slides.size(), 3u);  // and the deck is shown
}

TEST_F(PdfDeck, BeamerNotesOnTheRightHalveEachPage) {
  FixtureDocument doc;
  doc.pages = {page("Slide and notes")};
  doc.pages[0].width = 1920;  // two 16:9 halves side by side
  ParseOptions options;
  options.pdf.beamer_notes = PdfOptions::BeamerNotes::kRight;
  ParseResult r = load_deck(write("beamer.pdf", test::fixture_pdf(doc)), options);
  EXPECT_EQ(r.deck.pdf.slide_part, (pdf::PagePart{0, 0, 0.5, 1}));
  EXPECT_EQ(r.deck.pdf.notes_part, (pdf::PagePart{0.5, 0, 0.5, 1}));
  EXPECT_EQ(r.deck.pdf.notes_from, "beamer");
  EXPECT_EQ(r.deck.meta.aspect_w, 16);
  EXPECT_EQ(r.deck.meta.aspect_h, 9);
}

TEST_F(PdfDeck, ACutShortFileIsAnErrorThatNamesWhy) {
  FixtureDocument doc;
  doc.pages = {page("One"), page("Two"), page("Three")};
  const std::string whole = test::fixture_pdf(doc);
  const std::string path = write("cut.pdf", whole.substr(0, whole.size() * 2 / 3));
  ParseResult r = load_deck(path);
  EXPECT_TRUE(r.deck.slides.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            path +
                ": error: cannot read the deck: it ends before the PDF's %%EOF (cut short, "
                "or still being written)");
}

TEST_F(PdfDeck, NotAPdfAndAMissingFileAreErrors) {
  const std::string fake = write("fake.pdf", "%PDX this is text\n%%EOF\n");
  ParseResult r = load_deck(fake);
  EXPECT_TRUE(r.deck.slides.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("is not a PDF file"), std::string::npos);

  ParseResult missing = load_deck(file("nowhere.pdf"));
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].severity, Severity::kError);
  EXPECT_NE(missing.diagnostics[0].message.find("does not exist"), std::string::npos);
}

TEST_F(PdfDeck, AnEncryptedPdfAsksForItsPassword) {
  FixtureDocument doc;
  doc.pages = {page("Secret")};
  const std::string plain = write("plain.pdf", test::fixture_pdf(doc));
  const std::string locked = file("locked.pdf");
  const std::string command = "qpdf --encrypt user owner 256 -- '" + plain + "' '" + locked + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf (scripts/setup installs it)";

  ParseResult r = load_deck(locked);
  EXPECT_TRUE(r.deck.slides.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            locked +
                ": error: cannot read the deck: it is encrypted: give its password with "
                "--password");

  ParseOptions wrong;
  wrong.pdf.password = "guess";
  ParseResult w = load_deck(locked, wrong);
  ASSERT_EQ(w.diagnostics.size(), 1u);
  EXPECT_NE(w.diagnostics[0].message.find("the password given does not open it"),
            std::string::npos);

  ParseOptions right;
  right.pdf.password = "user";
  ParseResult ok = load_deck(locked, right);
  EXPECT_TRUE(ok.diagnostics.empty()) << messages(ok.diagnostics);
  ASSERT_EQ(ok.deck.slides.size(), 1u);
  EXPECT_EQ(ok.deck.slides[0].pdf_title, "Secret");
}

TEST_F(PdfDeck, ACommandLinesTimesStandInForAFrontMatter) {
  FixtureDocument doc;
  doc.pages = {page("One")};
  ParseOptions options;
  options.pdf.duration_s = 1200;
  options.pdf.advance_s = 15;
  options.pdf.idle_s = 120;
  ParseResult r = load_deck(write("timed.pdf", test::fixture_pdf(doc)), options);
  EXPECT_DOUBLE_EQ(r.deck.meta.duration_s, 1200);
  EXPECT_DOUBLE_EQ(r.deck.meta.advance_s, 15);
  EXPECT_DOUBLE_EQ(r.deck.meta.idle_s, 120);

  // A Markdown deck's own front matter wins over them.
  const std::string md = write("talk.md", "---\nadvance: 20s\n---\n# One\n");
  ParseResult m = load_deck(md, options);
  EXPECT_DOUBLE_EQ(m.deck.meta.advance_s, 20);
  EXPECT_DOUBLE_EQ(m.deck.meta.idle_s, 120);
}

TEST_F(PdfDeck, ManyPagesAreBounded) {
  FixtureDocument doc;
  for (int i = 0; i < pdf::kMaxPages + 5; ++i) doc.pages.push_back(page("p"));
  ParseOptions options;
  options.pdf.overlays = false;
  ParseResult r = load_deck(write("huge.pdf", test::fixture_pdf(doc)), options);
  EXPECT_EQ(r.deck.slides.size(), static_cast<std::size_t>(pdf::kMaxPages));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics[0].message.find("has 2005 pages; the first 2000 are shown"),
            std::string::npos);
}

// Damaged files of every kind (bytes flipped, cut, pieces repeated, each
// still ending with %%EOF so that poppler has to parse them): the load gives
// a deck or an error, never a crash or a hang, and every page it kept can
// be drawn.
TEST_F(PdfDeck, DamagedFilesAreErrorsOrDecksNeverCrashes) {
  FixtureDocument doc;
  doc.pages = {page("One", "1"), page("Two", "2"), page("Two b", "2")};
  doc.pages[0].notes = {"노트"};
  doc.pages[0].links = {{10, 10, 100, 100, 2, ""}};
  doc.pages[1].duration = 3;
  doc.pages[1].transition = "Dissolve";
  const std::string whole = test::fixture_pdf(doc);
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  int decks = 0, errors = 0;
  for (int round = 0; round < 300; ++round) {
    std::string bytes = whole;
    switch (round % 3) {
      case 0:  // flip a few bytes
        for (int k = 0; k < 1 + round % 7; ++k)
          bytes[next() % bytes.size()] ^= static_cast<char>(1 + next() % 255);
        break;
      case 1:  // cut, and say it ended
        bytes = bytes.substr(0, next() % bytes.size()) + "\n%%EOF\n";
        break;
      case 2: {  // a piece repeated somewhere else
        const std::size_t from = next() % bytes.size(), length = next() % 200;
        bytes.insert(next() % bytes.size(), bytes.substr(from, length));
        break;
      }
    }
    ParseResult r = pdf_deck_from_source(pdf::make_source("damaged.pdf", bytes));
    if (r.deck.slides.empty()) {
      ++errors;
      ASSERT_FALSE(r.diagnostics.empty()) << "round " << round << ": no deck and no reason";
      EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
      continue;
    }
    ++decks;
    pdf::Failure failure = pdf::Failure::kNone;
    std::string error;
    auto document = pdf::Document::open(r.deck.pdf.source, &failure, &error);
    ASSERT_TRUE(document) << error;
    for (const Slide& s : r.deck.slides)
      for (int p : s.pdf_pages) pdf::render_page(*document, p, 32, 18);
  }
  EXPECT_GT(decks, 0);
  EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace madang::deck
