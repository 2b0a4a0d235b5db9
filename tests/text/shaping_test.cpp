// Shaping and fallback, checked against HarfBuzz's own answer (hb-shape).
#include <unistd.h>

#include "text_test_util.h"

namespace madang::text::testing {
namespace {

// Our glyphs for text equal hb-shape's for Noto Sans CJK KR (face 1), lang ko.
void expect_matches_hb_shape(const std::string& text) {
  SCOPED_TRACE(text);
  const FontId kr = find_face(kCjkRegular, 1);
  ASSERT_GE(kr, 0);
  const Paragraph p = shape_wide(text);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(p.missing.empty());
  const auto ours = flatten(p);
  const auto theirs = hb_shape_cli(text, kCjkRegular, 1);
  ASSERT_EQ(ours.size(), theirs.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(ours[i].font, kr);
    EXPECT_EQ(ours[i].id, theirs[i].id);
    EXPECT_EQ(ours[i].cluster, theirs[i].cluster);
    EXPECT_FLOAT_EQ(ours[i].advance, static_cast<float>(theirs[i].advance));
    EXPECT_NE(ours[i].id, 0u) << "notdef";
  }
}

TEST(Fonts, DefaultStackIsKoreanFaceOfNotoCjkThenDejaVuThenEmoji) {
  const FontId primary = fonts().primary(TextStyle{});
  ASSERT_GE(primary, 0);
  EXPECT_EQ(fonts().face(primary).path, kCjkRegular);
  EXPECT_EQ(fonts().face(primary).face_index, 1);
  EXPECT_EQ(fonts().face(primary).family, "Noto Sans CJK KR");
  TextStyle bold;
  bold.bold = true;
  EXPECT_EQ(fonts().face(fonts().primary(bold)).path,
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");
  EXPECT_TRUE(fonts().face(fonts().primary(bold)).bold);
  TextStyle mono;
  mono.monospace = true;
  EXPECT_EQ(fonts().face(fonts().primary(mono)).family, "DejaVu Sans Mono");
  EXPECT_GE(find_face(kDejaVu, 0), 0);
  EXPECT_GE(find_face(kEmoji, 0), 0);
  EXPECT_TRUE(fonts().face(find_face(kEmoji, 0)).color);
}

TEST(Fonts, UnknownFamilyIsReportedAndSkipped) {
  std::vector<std::string> warnings;
  auto fs = FontSystem::create({"No Such Family 12345", "DejaVu Serif"}, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("No Such Family 12345"), std::string::npos);
  EXPECT_EQ(fs->face(fs->primary(TextStyle{})).family, "DejaVu Serif");
}

TEST(Fonts, MetricsScaleWithSize) {
  const FontId kr = find_face(kCjkRegular, 1);
  const FontMetrics m = fonts().metrics(kr, 100);
  EXPECT_FLOAT_EQ(m.ascent, 116.0f);  // Noto Sans CJK: hhea ascender 1160 / 1000
  EXPECT_FLOAT_EQ(m.descent, 28.8f);  // descender -288
}

TEST(Shaping, ModernHangulMatchesHbShape) {
  expect_matches_hb_shape("가나다라 한국어 사회혁신 생태계");
}
TEST(Shaping, HanjaMatchesHbShape) {
  expect_matches_hb_shape("張三李四 社會革新");
}
TEST(Shaping, QuotesAndMiddleDotMatchHbShape) {
  expect_matches_hb_shape("‘주체’로 “말” 청년·시니어");
}
TEST(Shaping, ArrowsAndShapesMatchHbShape) {
  expect_matches_hb_shape("정부 → 시장 ▶ 시민 ▣");
}
TEST(Shaping, OldHangulMatchesHbShape) {
  expect_matches_hb_shape("ᄒᆞᆫ글 ᄀᆞᄅᆞ매 나랏〮말〯ᄊᆞ미〮");
}

TEST(Shaping, LanguageKoChangesQuoteAndSpaceGlyphs) {
  // Noto CJK's locl for Korean picks proportional quotes, space and middle dot.
  const Paragraph ko = shape_wide("‘가’ ·");
  ParagraphStyle other;
  other.lang = "en";
  const Paragraph en = layout_paragraph(fonts(), {TextRun{"‘가’ ·", sized(1000)}}, other, 1e9f);
  const auto a = flatten(ko), b = flatten(en);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_NE(a[0].id, b[0].id);  // ‘
  EXPECT_NE(a[3].id, b[3].id);  // space
  EXPECT_EQ(a[1].id, b[1].id);  // 가 is the same
  const auto hb = hb_shape_cli("‘가’ ·", kCjkRegular, 1, "ko");
  EXPECT_EQ(a[0].id, hb[0].id);
}

TEST(Shaping, HanTakesTheFormsOfTheDecksLanguage) {
  // One code point, a glyph per region: Noto CJK's locl gives a Japanese or
  // Chinese deck (Marp's `lang: ja`, `zh-Hans`, `zh-Hant`) its own forms of
  // 刃 and 化 from the same face, as hb-shape does.
  const std::string han = "刃化";
  const auto shaped = [&](const char* lang) {
    ParagraphStyle ps;
    ps.lang = lang;
    return flatten(layout_paragraph(fonts(), {TextRun{han, sized(1000)}}, ps, 1e9f));
  };
  const auto ko = shaped("ko"), ja = shaped("ja"), sc = shaped("zh-Hans"), tc = shaped("zh-Hant");
  ASSERT_EQ(ko.size(), 2u);
  ASSERT_EQ(ja.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    EXPECT_NE(ko[i].id, ja[i].id);
    EXPECT_NE(ja[i].id, sc[i].id);
    EXPECT_EQ(ja[i].id, hb_shape_cli(han, kCjkRegular, 1, "ja")[i].id);
    EXPECT_EQ(sc[i].id, hb_shape_cli(han, kCjkRegular, 1, "zh-Hans")[i].id);
    EXPECT_EQ(tc[i].id, hb_shape_cli(han, kCjkRegular, 1, "zh-Hant")[i].id);
  }
}

TEST(Shaping, ConjoiningJamoComposeToTheSameGlyphsAsSyllables) {
  const std::string jamo = "\u1112\u1161\u11AB\u1100\u116E\u11A8\u110B\u1165";  // 한국어 as jamo
  const Paragraph a = shape_wide(jamo);
  const Paragraph b = shape_wide("한국어");
  ASSERT_EQ(a.lines.size(), 1u);
  EXPECT_EQ(a.lines[0].text, "한국어");
  const auto ga = flatten(a), gb = flatten(b);
  ASSERT_EQ(ga.size(), 3u);
  ASSERT_EQ(ga.size(), gb.size());
  for (std::size_t i = 0; i < ga.size(); ++i) {
    EXPECT_EQ(ga[i].id, gb[i].id);
    EXPECT_EQ(ga[i].cluster, gb[i].cluster);
  }
}

TEST(Shaping, OldHangulClustersShapeWithoutNotdefAsOneCluster) {
  const std::string text = "\u1112\u119E\u11AB\uAE00";  // ᄒᆞᆫ글
  const Paragraph p = shape_wide(text);
  EXPECT_TRUE(p.missing.empty());
  const auto g = flatten(p);
  ASSERT_EQ(g.size(), 2u);  // ljmo/vjmo/tjmo compose the three jamo into one glyph
  EXPECT_NE(g[0].id, 0u);
  EXPECT_EQ(g[0].cluster, 0u);
  EXPECT_EQ(g[1].cluster, 9u);
  EXPECT_EQ(fonts().face(p.lines[0].runs[0].font).family, "Noto Sans CJK KR");
}

TEST(Shaping, ToneMarksAndFillersHaveNoNotdef) {
  for (const std::string text : {"말\u302E 말\u302F", "\u115F\u1161 \u1100\u1160", "ꥠ\u1161"}) {
    SCOPED_TRACE(text);
    const Paragraph p = shape_wide(text);
    EXPECT_TRUE(p.missing.empty());
    for (const auto& g : flatten(p)) EXPECT_NE(g.id, 0u);
  }
}

TEST(Shaping, ZeroAdvanceGlyphsStayZero) {
  // The Hangul filler U+1160 after a leading consonant has no advance of its own.
  const auto hb = hb_shape_cli("\u1100\u1160", kCjkRegular, 1);
  const auto ours = flatten(shape_wide("\u1100\u1160"));
  ASSERT_EQ(ours.size(), hb.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    EXPECT_EQ(ours[i].id, hb[i].id);
    EXPECT_FLOAT_EQ(ours[i].advance, static_cast<float>(hb[i].advance));
  }
}

TEST(Fallback, LetterTheCjkFontLacksGoesToDejaVu) {
  const FontId kr = find_face(kCjkRegular, 1), dejavu = find_face(kDejaVu, 0);
  const Paragraph p = shape_wide("가ʘ나");  // U+0298 bilabial click: DejaVu has it, Noto CJK not
  EXPECT_TRUE(p.missing.empty());
  const auto g = flatten(p);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].font, kr);
  EXPECT_EQ(g[1].font, dejavu);
  EXPECT_EQ(g[2].font, kr);
  const auto hb = hb_shape_cli("ʘ", kDejaVu, 0);
  ASSERT_EQ(hb.size(), 1u);
  EXPECT_EQ(g[1].id, hb[0].id);
  EXPECT_EQ(g[1].cluster, 3u);
}

TEST(Fallback, EmojiGoesToNotoColorEmoji) {
  const Paragraph p = shape_wide("좋아요😀!");
  EXPECT_TRUE(p.missing.empty());
  const auto g = flatten(p);
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g[3].font, find_face(kEmoji, 0));
  const auto hb = hb_shape_cli("😀", kEmoji, 0);
  ASSERT_EQ(hb.size(), 1u);
  EXPECT_EQ(g[3].id, hb[0].id);
  EXPECT_EQ(g[4].font, find_face(kCjkRegular, 1));
}

TEST(Fallback, EmojiSequenceStaysOneCluster) {
  // Woman + ZWJ + laptop: one grapheme cluster, so one font for all of it.
  const Paragraph p = shape_wide("가\U0001F469\u200D\U0001F4BB");
  const auto g = flatten(p);
  ASSERT_GE(g.size(), 2u);
  for (std::size_t i = 1; i < g.size(); ++i) EXPECT_EQ(g[i].font, find_face(kEmoji, 0));
}

TEST(Fallback, PrivateUseCharactersAreMissingWithPlaceholder) {
  const Paragraph p = shape_wide("가\uE000나\uF0A7");
  ASSERT_EQ(p.missing.size(), 2u);
  EXPECT_EQ(p.missing[0].codepoint, 0xE000u);
  EXPECT_EQ(p.missing[0].byte_offset, 3u);
  EXPECT_EQ(p.missing[1].codepoint, 0xF0A7u);
  EXPECT_EQ(p.missing[1].byte_offset, 9u);
  const auto g = flatten(p);
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g[1].id, 0u);  // the primary font's .notdef box
  EXPECT_EQ(g[1].font, fonts().primary(TextStyle{}));
  EXPECT_GT(g[1].advance, 0.0f);  // visible: it takes room
}

TEST(Styles, BoldUsesTheBoldFaceAndItalicIsSynthesizedForCjk) {
  TextStyle bold = sized(40);
  bold.bold = true;
  TextStyle italic = sized(40);
  italic.italic = true;
  const Paragraph p = layout_paragraph(fonts(),
                                       {TextRun{"굵게", bold}, TextRun{" 기울임", italic},
                                        TextRun{" code",
                                                [] {
                                                  TextStyle s = sized(40);
                                                  s.monospace = true;
                                                  return s;
                                                }()}},
                                       ParagraphStyle{}, 1e9f);
  ASSERT_EQ(p.lines.size(), 1u);
  const auto& runs = p.lines[0].runs;
  ASSERT_GE(runs.size(), 3u);
  EXPECT_TRUE(fonts().face(runs[0].font).bold);
  EXPECT_FALSE(runs[0].synthetic_bold);
  EXPECT_TRUE(runs[1].synthetic_italic);  // Noto CJK has no italic
  EXPECT_EQ(fonts().face(runs[1].font).family, "Noto Sans CJK KR");
  EXPECT_EQ(fonts().face(runs.back().font).family, "DejaVu Sans Mono");
  // Run origins follow each other.
  float pen = 0;
  for (const GlyphRun& r : runs) {
    EXPECT_FLOAT_EQ(r.x, pen);
    for (const Glyph& g : r.glyphs) pen += g.advance;
  }
}

TEST(Styles, ItalicLatinInDejaVuOnlyTextUsesTheObliqueFace) {
  std::vector<std::string> warnings;
  auto fs = FontSystem::create({"DejaVu Sans"}, &warnings);
  EXPECT_TRUE(warnings.empty());
  TextStyle italic = sized(40);
  italic.italic = true;
  const Paragraph p = layout_paragraph(*fs, {TextRun{"Italic", italic}}, ParagraphStyle{}, 1e9f);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(fs->face(p.lines[0].runs[0].font).italic);
  EXPECT_FALSE(p.lines[0].runs[0].synthetic_italic);
}

}  // namespace
}  // namespace madang::text::testing
