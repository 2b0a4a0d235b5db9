// The sidecar: JSON round trip, where the file goes, a damaged one set aside.
#include "ink/sidecar.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "deck/parse.h"
#include "session/ink_store.h"
#include "temp_dir.h"

namespace madang::ink {
namespace {

Document sample() {
  Document doc;
  Stroke pen;
  pen.points = {{0.25f, 0.5f, 1}, {0.5f, 0.55f, 0.5f}, {0.75f, 0.5f, 1}};
  pen.color = 0xe0302cffu;
  pen.width = 0.0045f;
  pen.step = 1;
  Stroke hl;
  hl.highlighter = true;
  hl.points = {{0.1f, 0.2f, 1}, {0.4f, 0.2f, 1}};
  hl.color = 0xffd400ffu;
  add_stroke(doc, 3, pen);
  add_stroke(doc, 3, hl);
  add_stroke(doc, 0, pen);
  return doc;
}

TEST(InkSidecar, RoundTrip) {
  const Document doc = sample();
  const std::string text = to_json(doc, "lecture.md");
  EXPECT_NE(text.find("\"madang-ink\":1"), std::string::npos);
  EXPECT_NE(text.find("\"slide\":4"), std::string::npos);  // 1-based in the file
  Document back;
  std::string error;
  ASSERT_TRUE(from_json(text, &back, &error)) << error;
  ASSERT_EQ(back.slides.size(), 4u);
  ASSERT_EQ(back.slides[3].size(), 2u);
  EXPECT_EQ(back.slides[3][0], doc.slides[3][0]);
  EXPECT_EQ(back.slides[3][1], doc.slides[3][1]);
  EXPECT_EQ(back.slides[0], doc.slides[0]);
  EXPECT_TRUE(back.undo.empty());
}

TEST(InkSidecar, RefusesWhatIsNotASidecar) {
  for (const char* bad : {"", "{", "[]", "{\"x\":1}", "{\"madang-ink\":2,\"slides\":[]}",
                          "{\"madang-ink\":1,\"slides\":[{\"slide\":0,\"strokes\":[]}]}",
                          "{\"madang-ink\":1,\"slides\":[{\"slide\":1,\"strokes\":[{\"color\":"
                          "\"#ff0000ff\",\"width\":0.01,\"points\":[[0.1,0.2]]}]}]}",
                          "{\"madang-ink\":1,\"slides\":[{\"slide\":1,\"strokes\":[{\"color\":"
                          "\"red\",\"width\":0.01,\"points\":[[0.1,0.2,1]]}]}]}"}) {
    Document doc = sample();
    std::string error;
    EXPECT_FALSE(from_json(bad, &doc, &error)) << bad;
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(stroke_count(doc), 3) << "a refused file leaves the document as it was";
  }
}

class InkStore : public test::TempDirTest {};

TEST_F(InkStore, BesideTheDeckOrAsChosenOrNone) {
  const std::string deck = write("talk/lecture.md", "# hi\n");
  EXPECT_EQ(app::ink_path(deck, ""), (dir() / "talk" / "lecture.ink.json").string());
  EXPECT_EQ(app::ink_path(deck, "off"), "");
  EXPECT_EQ(app::ink_path(deck, "/x/y.json"), "/x/y.json");
}

TEST_F(InkStore, InTheDataFolderWhenTheDecksFolderIsNotWritable) {
  const std::string deck = write("ro/lecture.md", "# hi\n");
  ::setenv("XDG_DATA_HOME", (dir() / "data").c_str(), 1);
  const std::string path = app::ink_path(deck, "", false);
  ::unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(path.rfind((dir() / "data" / "madang" / "ink").string(), 0), 0u) << path;
  EXPECT_NE(path.find("lecture.ink.json"), std::string::npos);
}

TEST_F(InkStore, WriteReopenAndSetADamagedOneAside) {
  const std::string path = file("sub/lecture.ink.json");
  std::string error;
  ASSERT_TRUE(app::save_ink(path, sample(), "lecture.md", &error)) << error;
  std::vector<std::string> warnings;
  Document back = app::load_ink(path, &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(stroke_count(back), 3);
  EXPECT_EQ(app::load_ink(file("none.json"), &warnings).slides.size(), 0u);
  EXPECT_TRUE(warnings.empty());

  write("sub/lecture.ink.json", "{\"madang-ink\":1,\"slides\":[{\"slide\":");  // cut short
  back = app::load_ink(path, &warnings);
  EXPECT_EQ(stroke_count(back), 0);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("set aside"), std::string::npos) << warnings[0];
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(path + ".damaged"));
  // A second damaged file does not overwrite the first one set aside.
  write("sub/lecture.ink.json", "garbage");
  app::load_ink(path, &warnings);
  EXPECT_TRUE(std::filesystem::exists(path + ".damaged-2"));
}

TEST_F(InkStore, InkFollowsItsSlideWhenTheDeckIsEdited) {
  // Ink on "셋째" (slide 3); then a slide is put before it and another
  // slide's text changes: the ink is still on "셋째", now slide 4.
  const deck::Deck before =
      deck::parse_deck("# 첫째\n\n가\n\n---\n\n# 둘째\n\n나\n\n---\n\n# 셋째\n\n다\n", "a.md").deck;
  const deck::Deck after = deck::parse_deck(
                               "# 첫째\n\n가 바뀜\n\n---\n\n# 새 장\n\n새\n\n---\n\n# 둘째\n\n"
                               "나\n\n---\n\n# 셋째\n\n다\n",
                               "a.md")
                               .deck;
  ASSERT_EQ(before.slides.size(), 3u);
  ASSERT_EQ(after.slides.size(), 4u);
  Document doc = sample();  // ink on slides 1 and 4 (0-based 0 and 3)
  doc.slides.resize(3);
  doc.slides[2] = doc.slides[0];  // and on slide 3
  const std::string path = file("a.ink.json");
  std::string error;
  ASSERT_TRUE(app::save_ink(path, doc, "a.md", &error, app::slide_tags(before))) << error;
  std::vector<std::string> warnings;
  const std::vector<SlideTag> now = app::slide_tags(after);
  const Document back = app::load_ink(path, &warnings, true, &now);
  ASSERT_GE(back.slides.size(), 4u);
  EXPECT_EQ(back.slides[0], doc.slides[0]);  // "첫째", edited, still slide 1
  EXPECT_TRUE(back.slides[1].empty());       // the new slide has none
  EXPECT_TRUE(back.slides[2].empty());       // "둘째" had none
  EXPECT_EQ(back.slides[3], doc.slides[2]);  // "셋째" moved to slide 4
  // A reload does the same in place.
  Document live = doc;
  app::follow_slides(live, app::slide_tags(before), now);
  EXPECT_EQ(live.slides[3], doc.slides[2]);
  EXPECT_TRUE(live.undo.empty());
}

}  // namespace
}  // namespace madang::ink
