// Right-to-left text: bidi levels from ICU, shaping direction checked against
// hb-shape (which shapes Arabic and Hebrew right to left by itself), and the
// visual order of glyphs on a line mixed with Korean.
#include "text/bidi.h"

#include "text_test_util.h"

namespace madang::text::testing {
namespace {

const std::string kArabic = "مرحبا";  // 5 letters that join
const std::string kHebrew = "שלום";   // 4 letters
const std::string kKorean = "안녕";

// Glyphs of a line, left to right, with the byte offset of each into the
// paragraph text.
std::vector<FlatGlyph> line_glyphs(const Paragraph& p, std::size_t line = 0) {
  Paragraph one;
  one.lines.push_back(p.lines.at(line));
  return flatten(one);
}

// The glyphs of text[begin, end) in `glyphs`, in the order drawn.
std::vector<FlatGlyph> slice(const std::vector<FlatGlyph>& glyphs, std::size_t begin,
                             std::size_t end) {
  std::vector<FlatGlyph> out;
  for (const FlatGlyph& g : glyphs) {
    if (g.cluster >= begin && g.cluster < end) out.push_back(g);
  }
  return out;
}

TEST(Bidi, KoreanAndLatinNeedNoIcuAndStayLeftToRight) {
  const BidiLevels b = bidi_levels("사회혁신 생태계 social innovation 123");
  EXPECT_EQ(b.base, 0);
  ASSERT_EQ(b.runs.size(), 1u);
  EXPECT_EQ(b.runs[0].level, 0);
  EXPECT_FALSE(b.any_rtl());
}

TEST(Bidi, HebrewInKoreanIsALevelOneRun) {
  const std::string text = kKorean + " " + kHebrew + " " + kKorean;
  const BidiLevels b = bidi_levels(text);
  EXPECT_EQ(b.base, 0);
  ASSERT_EQ(b.runs.size(), 3u);
  EXPECT_EQ(b.runs[0].level, 0);
  EXPECT_EQ(b.runs[1].begin, kKorean.size() + 1);
  EXPECT_EQ(b.runs[1].end, kKorean.size() + 1 + kHebrew.size());
  EXPECT_EQ(b.runs[1].level, 1);
  EXPECT_EQ(b.runs[2].level, 0);
}

TEST(Bidi, ParagraphStartingInArabicIsRightToLeft) {
  const BidiLevels b = bidi_levels(kArabic + " " + kKorean);
  EXPECT_EQ(b.base, 1);
  EXPECT_EQ(b.runs.front().level, 1);
  EXPECT_EQ(b.runs.back().level, 2);  // Korean inside is left to right
}

TEST(Bidi, VisualOrderReversesRightToLeftRuns) {
  EXPECT_EQ(visual_order({0, 1, 1, 0}), (std::vector<int>{0, 2, 1, 3}));
  EXPECT_EQ(visual_order({1, 2, 2, 1}), (std::vector<int>{3, 1, 2, 0}));
}

TEST(Bidi, ArabicIsShapedRightToLeftAsHbShapeDoes) {
  // Joined forms (initial, medial, final) only come out of a right-to-left
  // shaping; hb-shape picks that direction from the script.
  const Paragraph p = shape_wide(kArabic);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(p.missing.empty());
  const auto ours = flatten(p);
  const auto theirs = hb_shape_cli(kArabic, kDejaVu, 0);
  ASSERT_EQ(ours.size(), theirs.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(fonts().face(ours[i].font).path, kDejaVu);
    EXPECT_EQ(ours[i].id, theirs[i].id);
    EXPECT_EQ(ours[i].cluster, theirs[i].cluster);
  }
  // Drawn left to right, the first letter (cluster 0) is the rightmost glyph.
  EXPECT_EQ(ours.back().cluster, 0u);
}

TEST(Bidi, HebrewAndArabicMixedWithKoreanOnOneLineKeepTheirOrder) {
  const std::string text = kKorean + " " + kArabic + " " + kKorean + " " + kHebrew + " 끝";
  const Paragraph p = shape_wide(text, 100);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(p.missing.empty());
  const auto g = line_glyphs(p);
  // Left to right: 안녕, the Arabic word (right to left), 안녕, the Hebrew
  // word (right to left), 끝.
  const std::size_t arabic = kKorean.size() + 1;
  const std::size_t korean2 = arabic + kArabic.size() + 1;
  const std::size_t hebrew = korean2 + kKorean.size() + 1;
  std::vector<std::size_t> clusters;
  for (const FlatGlyph& x : g) clusters.push_back(x.cluster);
  const auto pos = [&](std::size_t cluster) {
    return std::find(clusters.begin(), clusters.end(), cluster) - clusters.begin();
  };
  EXPECT_LT(pos(0), pos(3));                     // 안 before 녕
  EXPECT_LT(pos(3), pos(arabic));                // Korean before the Arabic word
  EXPECT_GT(pos(arabic), pos(arabic + 2));       // Arabic: first letter rightmost
  EXPECT_LT(pos(arabic), pos(korean2));          // then the second Korean word
  EXPECT_GT(pos(hebrew), pos(hebrew + 6));       // Hebrew: first letter rightmost
  EXPECT_LT(pos(hebrew), pos(text.size() - 3));  // 끝 last
  // The Arabic glyphs are HarfBuzz's right-to-left answer, in its order.
  const auto ar = slice(g, arabic, arabic + kArabic.size());
  const auto hb = hb_shape_cli(kArabic, kDejaVu, 0);
  ASSERT_EQ(ar.size(), hb.size());
  for (std::size_t i = 0; i < ar.size(); ++i) {
    EXPECT_EQ(ar[i].id, hb[i].id) << i;
    EXPECT_EQ(ar[i].cluster - arabic, hb[i].cluster) << i;
  }
  // And the pen moves left to right through them: x grows glyph by glyph.
  float x = -1;
  for (const GlyphRun& run : p.lines[0].runs) {
    for (const Glyph& glyph : run.glyphs) {
      EXPECT_GT(run.x + glyph.x + 0.001f, x);
      x = run.x + glyph.x;
    }
  }
}

TEST(Bidi, BracketsMirrorInsideRightToLeftText) {
  // "(שלום)" in a right-to-left paragraph: the closing bracket, drawn
  // leftmost, takes the glyph of an opening one (HarfBuzz mirrors it).
  const auto open = hb_shape_cli("(", kCjkRegular, 1, "");
  const auto close_glyph = hb_shape_cli(")", kCjkRegular, 1, "");
  ASSERT_EQ(open.size(), 1u);
  ASSERT_EQ(close_glyph.size(), 1u);
  ASSERT_NE(open[0].id, close_glyph[0].id);
  const Paragraph p = shape_wide(kHebrew + " (" + kHebrew + ")");
  ASSERT_EQ(p.lines.size(), 1u);
  const auto g = line_glyphs(p);
  const std::size_t close = p.lines[0].text.size() - 1;
  const auto closing = slice(g, close, close + 1);
  ASSERT_EQ(closing.size(), 1u);
  EXPECT_EQ(g.front().cluster, close);  // leftmost
  EXPECT_EQ(fonts().face(g.front().font).path, kCjkRegular);
  EXPECT_EQ(g.front().id, open[0].id);
}

TEST(Bidi, RightToLeftParagraphStartsAtTheRightEdge) {
  ParagraphStyle ps;
  const Paragraph p =
      layout_paragraph(fonts(), {TextRun{kHebrew + " " + kHebrew, sized(40)}}, ps, 800);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_NEAR(p.lines[0].x + p.lines[0].width, 800, 0.01);
  // A Korean paragraph with a Hebrew word still starts at the left.
  const Paragraph k =
      layout_paragraph(fonts(), {TextRun{kKorean + " " + kHebrew, sized(40)}}, ps, 800);
  EXPECT_FLOAT_EQ(k.lines[0].x, 0);
}

TEST(Bidi, WrappedRightToLeftLinesStartWithTheFirstWordOnTheRight) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += kHebrew + " ";
  const Paragraph p = layout_paragraph(fonts(), {TextRun{text, sized(40)}}, ParagraphStyle{}, 400);
  ASSERT_GE(p.lines.size(), 2u);
  for (std::size_t l = 0; l < p.lines.size(); ++l) {
    SCOPED_TRACE(l);
    const auto g = line_glyphs(p, l);
    ASSERT_FALSE(g.empty());
    EXPECT_EQ(g.back().cluster, p.lines[l].begin);  // first letter of the line, rightmost
  }
}

}  // namespace
}  // namespace madang::text::testing
