// Paragraph layout: alignment, justification, hanging spaces, markers,
// vertical metrics, autofit and the layout cache.
#include "text/font_system.h"  // layout_paragraph_uncached
#include "text_test_util.h"

namespace madang::text::testing {
namespace {

const std::string kSentence =
    "기존 방식으로 풀리지 않는 사회적 난제를 해결할 새로운 방식으로서 사회혁신 생태계는 "
    "정부-시장-비영리기구-시민사회 모두의 적극적인 참여가 필요하다.";

Paragraph lay(const std::string& text, const ParagraphStyle& ps, float width, float size = 40) {
  return layout_paragraph(fonts(), {TextRun{text, sized(size)}}, ps, width);
}

float sum_advances(const Line& l) {
  float w = 0;
  for (const GlyphRun& r : l.runs) {
    for (const Glyph& g : r.glyphs) w += g.advance;
  }
  return w;
}

TEST(Paragraph, TrailingSpacesHang) {
  const Paragraph p = lay("가나 다라   ", ParagraphStyle{}, 1e9f);
  ASSERT_EQ(p.lines.size(), 1u);
  const Line& l = p.lines[0];
  EXPECT_EQ(l.text, "가나 다라   ");
  std::size_t glyphs = 0;
  for (const GlyphRun& r : l.runs) glyphs += r.glyphs.size();
  EXPECT_EQ(glyphs, 5u);  // the three trailing spaces draw nothing
  EXPECT_FLOAT_EQ(l.width, sum_advances(l));
  const Paragraph bare = lay("가나 다라", ParagraphStyle{}, 1e9f);
  EXPECT_FLOAT_EQ(l.width, bare.lines[0].width);
}

TEST(Paragraph, GlyphPositionsAccumulateAdvancesAndClustersIndexLineText) {
  const Paragraph p = lay(kSentence, ParagraphStyle{}, 600);
  ASSERT_GT(p.lines.size(), 2u);
  for (const Line& l : p.lines) {
    EXPECT_EQ(l.text, kSentence.substr(l.begin, l.end - l.begin));
    float pen = 0;
    std::uint32_t last_cluster = 0;
    for (const GlyphRun& r : l.runs) {
      EXPECT_FLOAT_EQ(r.x, pen);
      for (const Glyph& g : r.glyphs) {
        EXPECT_NEAR(r.x + g.x, pen, 1e-3);
        EXPECT_LT(g.cluster, l.text.size());
        EXPECT_GE(g.cluster, last_cluster);
        last_cluster = g.cluster;
        pen += g.advance;
      }
    }
    EXPECT_NEAR(l.width, pen, 1e-3);
  }
}

TEST(Paragraph, AlignmentPlacesLinesInTheBox) {
  ParagraphStyle ps;
  const float width = 700;
  for (Align a : {Align::kLeft, Align::kCenter, Align::kRight}) {
    ps.align = a;
    const Paragraph p = lay(kSentence, ps, width);
    for (const Line& l : p.lines) {
      const float expected = a == Align::kLeft     ? 0
                             : a == Align::kCenter ? (width - l.width) / 2
                                                   : width - l.width;
      EXPECT_NEAR(l.x, expected, 1e-3);
    }
  }
}

TEST(Paragraph, JustifyFillsEveryLineButTheLastAndOnlySpacesGrow) {
  ParagraphStyle left, just;
  just.align = Align::kJustify;
  const float width = 700;
  const Paragraph a = lay(kSentence, left, width);
  const Paragraph b = lay(kSentence, just, width);
  ASSERT_EQ(a.lines.size(), b.lines.size());
  ASSERT_GT(b.lines.size(), 2u);
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    SCOPED_TRACE(i);
    const Line& la = a.lines[i];
    const Line& lb = b.lines[i];
    EXPECT_EQ(la.text, lb.text);
    if (i + 1 < b.lines.size()) {
      EXPECT_NEAR(lb.width, width, 0.01);
      EXPECT_NEAR(sum_advances(lb), width, 0.01);
    } else {
      EXPECT_FLOAT_EQ(lb.width, la.width);  // the last line is not stretched
    }
    // Same glyphs; only the advances of spaces differ.
    std::vector<Glyph> ga, gb;
    for (const GlyphRun& r : la.runs) ga.insert(ga.end(), r.glyphs.begin(), r.glyphs.end());
    for (const GlyphRun& r : lb.runs) gb.insert(gb.end(), r.glyphs.begin(), r.glyphs.end());
    ASSERT_EQ(ga.size(), gb.size());
    for (std::size_t k = 0; k < ga.size(); ++k) {
      EXPECT_EQ(ga[k].id, gb[k].id);
      if (la.text[ga[k].cluster] == ' ') {
        if (i + 1 < b.lines.size()) {
          EXPECT_GT(gb[k].advance, ga[k].advance);
        }
      } else {
        EXPECT_FLOAT_EQ(gb[k].advance, ga[k].advance) << "non-space glyph grew";
      }
    }
  }
}

TEST(Paragraph, MarkerSitsInTheHangingIndentAndEveryLineStartsAtIndent) {
  ParagraphStyle ps;
  ps.marker = "•";
  ps.marker_style = sized(40);
  ps.indent = 60;
  const Paragraph p = lay(kSentence, ps, 800);
  ASSERT_GT(p.lines.size(), 1u);
  for (const Line& l : p.lines) {
    EXPECT_FLOAT_EQ(l.x, 60.0f);
    EXPECT_LE(l.width, 740.01f);
  }
  ASSERT_FALSE(p.marker.empty());
  float end = p.marker[0].x;
  for (const Glyph& g : p.marker[0].glyphs) end += g.advance;
  EXPECT_GE(p.marker[0].x, 0.0f);
  EXPECT_LT(end, 60.0f);
  EXPECT_NE(p.marker[0].glyphs[0].id, 0u);
}

TEST(Paragraph, LinesAreSpacedByLineHeightTimesSize) {
  ParagraphStyle ps;
  ps.line_height = 1.5f;
  const Paragraph p = lay(kSentence, ps, 600, 40);
  ASSERT_GT(p.lines.size(), 2u);
  for (std::size_t i = 1; i < p.lines.size(); ++i) {
    EXPECT_NEAR(p.lines[i].baseline - p.lines[i - 1].baseline, 60.0f, 1e-3);
  }
  EXPECT_NEAR(p.height, 60.0f * p.lines.size(), 1e-3);
  // Half-leading: the glyph box (ascent 1.16em, descent 0.288em) is centred in the line box.
  EXPECT_NEAR(p.lines[0].ascent, 46.4f, 1e-3);
  EXPECT_NEAR(p.lines[0].baseline, (60 - 46.4f - 11.52f) / 2 + 46.4f, 1e-3);
}

TEST(Paragraph, MixedSizesUseTheLargestOnTheLine) {
  const Paragraph p =
      layout_paragraph(fonts(), {TextRun{"작은 ", sized(20)}, TextRun{"큰 글씨", sized(60)}},
                       ParagraphStyle{}, 1e9f);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_NEAR(p.height, 1.4f * 60, 1e-3);
  ASSERT_EQ(p.lines[0].runs.size(), 2u);
  EXPECT_FLOAT_EQ(p.lines[0].runs[0].size, 20.0f);
  EXPECT_FLOAT_EQ(p.lines[0].runs[1].size, 60.0f);
}

TEST(Paragraph, EmptyInputGivesNoLines) {
  const Paragraph p = layout_paragraph(fonts(), {}, ParagraphStyle{}, 500);
  EXPECT_TRUE(p.lines.empty());
  EXPECT_EQ(p.height, 0.0f);
}

TEST(Autofit, ShrinksUntilTheTextFits) {
  std::vector<TextBlockInput> blocks;
  for (int i = 0; i < 4; ++i) blocks.push_back({{TextRun{kSentence, sized(40)}}, {}, 20});
  const float width = 800;
  const TextBox full = fit_text_box(fonts(), blocks, width, 1e9f, 0.5f);
  EXPECT_FLOAT_EQ(full.scale, 1.0f);
  EXPECT_FALSE(full.overflow);
  const float height = full.height * 0.8f;
  const TextBox box = fit_text_box(fonts(), blocks, width, height, 0.5f);
  EXPECT_LT(box.scale, 1.0f);
  EXPECT_GE(box.scale, 0.5f);
  EXPECT_FALSE(box.overflow);
  EXPECT_LE(box.height, height);
  ASSERT_EQ(box.paragraphs.size(), 4u);
  EXPECT_FLOAT_EQ(box.paragraphs[0].lines[0].runs[0].size, 40 * box.scale);
  // The step before (scale + 0.05) did not fit: the scale is the largest that fits.
  float taller = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::vector<TextRun> runs = blocks[i].runs;
    for (TextRun& r : runs) r.style.size *= box.scale + 0.05f;
    taller += layout_paragraph(fonts(), runs, blocks[i].style, width).height;
    if (i > 0) taller += blocks[i].space_before * (box.scale + 0.05f);
  }
  EXPECT_GT(taller, height);
  EXPECT_FLOAT_EQ(box.y[0], 0.0f);
  EXPECT_NEAR(box.y[1], box.paragraphs[0].height + 20 * box.scale, 1e-3);
}

TEST(Autofit, OverflowAtTheFloor) {
  std::vector<TextBlockInput> blocks{{{TextRun{kSentence, sized(40)}}, {}, 0}};
  const TextBox box = fit_text_box(fonts(), blocks, 800, 10, 0.6f);
  EXPECT_TRUE(box.overflow);
  EXPECT_FLOAT_EQ(box.scale, 0.6f);
  EXPECT_GT(box.height, 10.0f);
}

TEST(LayoutCache, SecondLayoutIsAHitAndTheSameObject) {
  LayoutCache cache;
  const std::vector<TextRun> runs{TextRun{kSentence, sized(40)}};
  const Paragraph& a = cache.layout(fonts(), runs, ParagraphStyle{}, 600);
  const Paragraph& b = cache.layout(fonts(), runs, ParagraphStyle{}, 600);
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  const Paragraph& c = cache.layout(fonts(), runs, ParagraphStyle{}, 500);
  EXPECT_NE(&a, &c);
  EXPECT_EQ(cache.misses(), 2u);
  ParagraphStyle centred;
  centred.align = Align::kCenter;
  cache.layout(fonts(), runs, centred, 600);
  EXPECT_EQ(cache.misses(), 3u);
  const Paragraph direct = layout_paragraph(fonts(), runs, ParagraphStyle{}, 600);
  ASSERT_EQ(a.lines.size(), direct.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) EXPECT_EQ(a.lines[i].text, direct.lines[i].text);
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
}

// layout_paragraph goes through its FontSystem's memo keyed without the
// colours' values: the same text in other colours is the same layout with the
// colours it was asked for, run by run; runs of one colour still merge and
// runs of two stay apart, as without the memo.
TEST(LayoutCache, ParagraphsInOtherColoursAreTheSameLayoutInTheirOwnColours) {
  auto styled = [](Color c) {
    TextStyle s = sized(40);
    s.color = c;
    return s;
  };
  const std::vector<TextRun> red_blue{TextRun{"사회혁신 ", styled(0xc81e1eff)},
                                      TextRun{"생태계", styled(0x1e3cc8ff)}};
  const std::vector<TextRun> green_grey{TextRun{"사회혁신 ", styled(0x14a032ff)},
                                        TextRun{"생태계", styled(0x808080ff)}};
  const Paragraph a = layout_paragraph(fonts(), red_blue, ParagraphStyle{}, 1e9f);
  const Paragraph b = layout_paragraph(fonts(), green_grey, ParagraphStyle{}, 1e9f);
  const Paragraph fresh = layout_paragraph_uncached(fonts(), green_grey, ParagraphStyle{}, 1e9f);
  ASSERT_EQ(a.lines.size(), 1u);
  ASSERT_EQ(b.lines.size(), 1u);
  ASSERT_EQ(b.lines[0].runs.size(), fresh.lines[0].runs.size());
  ASSERT_GE(b.lines[0].runs.size(), 2u);
  for (std::size_t i = 0; i < b.lines[0].runs.size(); ++i) {
    const GlyphRun& got = b.lines[0].runs[i];
    const GlyphRun& want = fresh.lines[0].runs[i];
    EXPECT_EQ(got.style.color, want.style.color) << "run " << i;
    EXPECT_EQ(got.glyphs.size(), want.glyphs.size());
    EXPECT_FLOAT_EQ(got.x, want.x);
    EXPECT_EQ(a.lines[0].runs[i].glyphs.size(), got.glyphs.size());
  }
  EXPECT_EQ(b.lines[0].runs.front().style.color, 0x14a032ffu);
  EXPECT_EQ(b.lines[0].runs.back().style.color, 0x808080ffu);
  EXPECT_EQ(a.lines[0].runs.front().style.color, 0xc81e1effu);
  // One colour: the two runs merge, as laid out afresh.
  const std::vector<TextRun> one{TextRun{"사회혁신 ", styled(0x0000ffu)},
                                 TextRun{"생태계", styled(0x0000ffu)}};
  const Paragraph merged = layout_paragraph(fonts(), one, ParagraphStyle{}, 1e9f);
  const Paragraph merged_fresh = layout_paragraph_uncached(fonts(), one, ParagraphStyle{}, 1e9f);
  EXPECT_EQ(merged.lines[0].runs.size(), merged_fresh.lines[0].runs.size());
  EXPECT_LT(merged.lines[0].runs.size(), b.lines[0].runs.size());
  for (const GlyphRun& r : merged.lines[0].runs) EXPECT_EQ(r.style.color, 0x0000ffu);
}

}  // namespace
}  // namespace madang::text::testing
