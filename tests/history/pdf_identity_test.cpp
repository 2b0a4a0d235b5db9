// A PDF deck's slides keep their identity when the speaker fixes a typo in
// PowerPoint and exports again: text pages match by their words, pages
// without text by a coarse picture of them.
#include <gtest/gtest.h>

#include "deck/parse.h"
#include "history/identity.h"
#include "pdf_fixture.h"
#include "temp_dir.h"

namespace madang::history {
namespace {

using test::FixtureBox;
using test::FixtureDocument;
using test::FixturePage;

FixturePage text_page(std::vector<std::string> lines) {
  FixturePage p;
  p.lines = std::move(lines);
  return p;
}

FixturePage photo_page(double r, double g, double b, double x) {
  FixturePage p;
  p.boxes = {{0, 0, 960, 540, 0.9, 0.9, 0.9}, {x, 100, 300, 300, r, g, b}};
  return p;
}

class PdfIdentity : public test::TempDirTest {
 protected:
  std::vector<SlideIdentity> identities(const FixtureDocument& doc, const std::string& name) {
    deck::ParseResult r = deck::load_deck(write(name, test::fixture_pdf(doc)));
    EXPECT_TRUE(r.diagnostics.empty());
    return identify(r.deck);
  }
};

TEST_F(PdfIdentity, ARexportedPdfWithATypoFixedAndASlideAddedKeepsEachSlidesHistory) {
  FixtureDocument before;
  before.pages = {text_page({"Social innovation", "why now", "three sectors"}),
                  text_page({"Goverment, market and civil society", "who does what"}),
                  photo_page(0.8, 0.1, 0.1, 60), photo_page(0.1, 0.2, 0.8, 600),
                  text_page({"Thank you", "questions"})};
  FixtureDocument after = before;
  after.pages[1].lines[0] = "Government, market and civil society";  // the typo fixed
  after.pages.insert(after.pages.begin() + 2, text_page({"A new slide", "about Lambeth"}));
  after.pages[3].boxes[1].x = 80;  // the red photo moved a little

  const std::vector<SlideIdentity> old_ids = identities(before, "v1.pdf");
  const std::vector<SlideIdentity> new_ids = identities(after, "v2.pdf");
  ASSERT_EQ(old_ids.size(), 5u);
  ASSERT_EQ(new_ids.size(), 6u);
  EXPECT_EQ(old_ids[0].title, "Social innovation");
  EXPECT_FALSE(old_ids[2].content.empty());   // a photo is known by its picture
  EXPECT_NE(old_ids[2].key, old_ids[3].key);  // two photos are two slides

  const std::vector<int> at = match(new_ids, old_ids, {0, 1, 2, 3, 4});
  EXPECT_EQ(at, (std::vector<int>{0, 1, 3, 4, 5}));
}

}  // namespace
}  // namespace madang::history
