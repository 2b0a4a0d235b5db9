// Diagram interaction on real layouts: hit testing and every state rule of
// diagram/interaction.h, on a small deck parsed in memory.
#include "diagram/interaction.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "layout/layout.h"
#include "test_deck.h"
#include "text/text.h"

namespace madang::diagram {
namespace {

using layout::HitRegion;
using layout::SlideLayout;
using layout::SlideState;
using test::kEcosystemSlide;
using test::kFlowSlide;
using test::kTriangleSlide;
using test::kTwoSidedSlide;

class InteractionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fonts_ = text::FontSystem::create({}).release(); }
  static void TearDownTestSuite() {
    delete fonts_;
    fonts_ = nullptr;
  }
  void SetUp() override { deck_ = test::diagram_deck(); }

  const deck::Slide& slide(int i) const { return deck_.slides.at(static_cast<std::size_t>(i)); }

  SlideLayout lay(int i, const SlideState& state) const {
    return layout::layout_slide(*fonts_, deck_, i, state, layout::Size{1920, 1080});
  }

  static const HitRegion* find_hit(const layout::DisplayList& list, const std::string& id) {
    for (const HitRegion& h : list.hits) {
      if (h.id == id) return &h;
    }
    return nullptr;
  }

  // Clicks the centre of `id` as laid out in `state`.
  Update click_on(int i, const SlideState& state, const std::string& id) const {
    const SlideLayout l = lay(i, state);
    const HitRegion* h = find_hit(l.list, id);
    EXPECT_NE(h, nullptr) << "no hit region '" << id << "'";
    if (!h) return {state, false};
    return click(slide(i), l.list, state, h->rect.x + h->rect.w / 2, h->rect.y + h->rect.h / 2);
  }

  // Whether some laid-out line of the slide contains `needle`.
  static bool shows(const SlideLayout& l, const std::string& needle) {
    for (const layout::TextItem& t : l.list.texts) {
      for (const text::Line& line : t.lines) {
        if (line.text.find(needle) != std::string::npos) return true;
      }
    }
    return false;
  }

  static text::FontSystem* fonts_;
  deck::Deck deck_;
};

text::FontSystem* InteractionTest::fonts_ = nullptr;

// ------------------------------------------------------------------ hit testing

TEST_F(InteractionTest, EveryHitRegionIsTouchableAndOnTheSlide) {
  const std::vector<std::vector<std::string>> selections = {
      {}, {"gov"}, {"nature"}, {"nature", "venture"}, {"old"}, {"support"}};
  for (int i = 0; i < static_cast<int>(deck_.slides.size()); ++i) {
    for (const auto& ids : selections) {
      const SlideLayout l = lay(i, select_ids(slide(i), {}, ids));
      ASSERT_FALSE(l.list.hits.empty()) << "slide " << i;
      for (const HitRegion& h : l.list.hits) {
        EXPECT_GE(h.rect.w, 48) << h.id;
        EXPECT_GE(h.rect.h, 48) << h.id;
        EXPECT_GE(h.rect.x, 0) << h.id;
        EXPECT_GE(h.rect.y, 0) << h.id;
        EXPECT_LE(h.rect.x + h.rect.w, 1920) << h.id;
        EXPECT_LE(h.rect.y + h.rect.h, 1080) << h.id;
      }
    }
  }
}

TEST_F(InteractionTest, PolygonIsPreferredToTheRect) {
  layout::DisplayList list;
  HitRegion tri{"tri", "삼각형", {0, 0, 100, 100}, {{50, 0}, {100, 100}, {0, 100}}};
  list.hits.push_back(tri);
  EXPECT_EQ(hit_test(list, 50, 60), &list.hits[0]);
  EXPECT_EQ(hit_test(list, 5, 5), nullptr);  // inside the rect, outside the triangle
  list.hits[0].polygon.clear();
  EXPECT_EQ(hit_test(list, 5, 5), &list.hits[0]);
  EXPECT_EQ(hit_test(list, 150, 5), nullptr);
}

TEST_F(InteractionTest, HoverFollowsThePointerAndChangesTheDrawing) {
  const SlideLayout rest = lay(kTriangleSlide, {});
  const HitRegion* gov = find_hit(rest.list, "gov");
  ASSERT_NE(gov, nullptr);
  Update u = pointer_move(rest.list, {}, gov->rect.x + 10, gov->rect.y + 10);
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.hovered, "gov");
  EXPECT_TRUE(u.state.selected.empty());
  EXPECT_EQ(u.state.diagram_animation, 1);  // hover does not restart the animation
  const SlideLayout hovered = lay(kTriangleSlide, u.state);
  auto looks = [](const SlideLayout& l) {
    std::vector<std::pair<text::Color, float>> v;
    for (const auto& c : l.list.commands) v.emplace_back(c.color, c.width);
    return v;
  };
  EXPECT_NE(looks(hovered), looks(rest));
  u = pointer_move(rest.list, u.state, 3, 3);
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.hovered, "");
  EXPECT_FALSE(pointer_move(rest.list, u.state, 4, 4).handled);  // nothing changed
}

// ------------------------------------------------------------------ triangle

TEST_F(InteractionTest, ClickingANodeSelectsItAndShowsOnlyItsDetail) {
  EXPECT_TRUE(shows(lay(kTriangleSlide, {}), "개인, 가족"));
  Update u = click_on(kTriangleSlide, {}, "gov");
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"gov"});
  EXPECT_EQ(u.state.diagram_animation, 0);
  EXPECT_TRUE(u.state.previous_selected.empty());
  const SlideLayout picked = lay(kTriangleSlide, tick(u.state, 1));
  EXPECT_TRUE(shows(picked, "지원자이며 기획자"));
  EXPECT_FALSE(shows(picked, "개인, 가족"));
}

TEST_F(InteractionTest, ClickingTheSelectedNodeAgainResets) {
  SlideState s = tick(click_on(kTriangleSlide, {}, "gov").state, 1);
  Update u = click_on(kTriangleSlide, s, "gov");
  EXPECT_TRUE(u.handled);
  EXPECT_TRUE(u.state.selected.empty());
  EXPECT_EQ(u.state.previous_selected, std::vector<std::string>{"gov"});
  EXPECT_EQ(u.state.diagram_animation, 0);
}

TEST_F(InteractionTest, ClickingAnotherNodeReplacesTheSelection) {
  SlideState s = tick(click_on(kTriangleSlide, {}, "gov").state, 1);
  s = click_on(kTriangleSlide, s, "civil").state;
  EXPECT_EQ(s.selected, std::vector<std::string>{"civil"});
  EXPECT_EQ(s.previous_selected, std::vector<std::string>{"gov"});
}

TEST_F(InteractionTest, ClickingTheBackgroundResetsAndOtherwiseIsTheApps) {
  const SlideLayout rest = lay(kTriangleSlide, {});
  EXPECT_FALSE(click(slide(kTriangleSlide), rest.list, {}, 5, 5).handled);
  SlideState s = tick(click_on(kTriangleSlide, {}, "market").state, 1);
  const SlideLayout picked = lay(kTriangleSlide, s);
  Update u = click(slide(kTriangleSlide), picked.list, s, 5, 5);
  EXPECT_TRUE(u.handled);
  EXPECT_TRUE(u.state.selected.empty());
}

TEST_F(InteractionTest, ClickingAnEdgeShowsTheRelation) {
  const SlideLayout rest = lay(kTriangleSlide, {});
  ASSERT_NE(find_hit(rest.list, "civil-gov"), nullptr);
  EXPECT_FALSE(shows(rest, "주체로 참여하는"));
  Update u = click_on(kTriangleSlide, {}, "civil-gov");
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"civil-gov"});
  EXPECT_TRUE(shows(lay(kTriangleSlide, tick(u.state, 1)), "주체로 참여하는"));
}

// ------------------------------------------------------------------ compare

TEST_F(InteractionTest, CompareShowsEverythingAtRestWhenItFits) {
  const SlideLayout rest = lay(kEcosystemSlide, {});
  EXPECT_TRUE(shows(rest, "가짐"));
  EXPECT_FALSE(shows(rest, "…"));
}

TEST_F(InteractionTest, CrowdedCompareShortensAtRestAndExpandsAnItemToItsFullText) {
  const SlideLayout rest = lay(test::kCrowdedCompareSlide, {});
  EXPECT_FALSE(shows(rest, "가짐"));  // shortened at rest
  EXPECT_TRUE(shows(rest, "…"));
  Update u = click_on(test::kCrowdedCompareSlide, {}, "nature");
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"nature"});
  EXPECT_TRUE(shows(lay(test::kCrowdedCompareSlide, tick(u.state, 1)), "가짐"));
}

TEST_F(InteractionTest, CompareShowsTwoSideBySideAndAThirdReplacesTheOlder) {
  SlideState s = tick(click_on(kEcosystemSlide, {}, "nature").state, 1);
  s = tick(click_on(kEcosystemSlide, s, "venture").state, 1);
  EXPECT_EQ(s.selected, (std::vector<std::string>{"nature", "venture"}));
  const SlideLayout two_up = lay(kEcosystemSlide, s);
  const HitRegion* nature = find_hit(two_up.list, "nature");
  const HitRegion* business = find_hit(two_up.list, "business");
  const HitRegion* venture = find_hit(two_up.list, "venture");
  ASSERT_TRUE(nature && business && venture);
  // The two selected columns share the width; the third folds to a tab.
  EXPECT_GT(nature->rect.w, 2.5f * business->rect.w);
  EXPECT_NEAR(nature->rect.w, venture->rect.w, 1);
  // Attribute by attribute: the rows become clickable.
  EXPECT_NE(find_hit(two_up.list, "row-1"), nullptr);
  EXPECT_TRUE(shows(two_up, "가짐"));

  s = click_on(kEcosystemSlide, s, "business").state;
  EXPECT_EQ(s.selected, (std::vector<std::string>{"venture", "business"}));
  s = tick(s, 1);
  s = click_on(kEcosystemSlide, s, "venture").state;
  EXPECT_EQ(s.selected, std::vector<std::string>{"business"});
}

TEST_F(InteractionTest, TwoSidedComparisonHighlightsARowAcrossBothSides) {
  const SlideLayout rest = lay(kTwoSidedSlide, {});
  const HitRegion* row = find_hit(rest.list, "row-2");
  const HitRegion* old_side = find_hit(rest.list, "old");
  const HitRegion* new_side = find_hit(rest.list, "new");
  ASSERT_TRUE(row && old_side && new_side);
  EXPECT_LE(row->rect.x, old_side->rect.x);  // spans both sides
  EXPECT_GE(row->rect.x + row->rect.w, new_side->rect.x + new_side->rect.w - 0.5f);
  EXPECT_EQ(row->label, "지원전략");

  Update u = click_on(kTwoSidedSlide, {}, "row-2");
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.row, "row-2");
  EXPECT_TRUE(u.state.selected.empty());
  EXPECT_EQ(u.state.diagram_animation, 0);
  // Drawn: a band over exactly the row.
  auto bands = [&](const SlideLayout& l) {
    int n = 0;
    for (const layout::Command& c : l.list.commands) {
      n += c.kind == layout::CommandKind::kFillRect && std::abs(c.rect.y - row->rect.y) < 0.5f &&
           std::abs(c.rect.h - row->rect.h) < 0.5f && c.rect.w >= row->rect.w - 0.5f;
    }
    return n;
  };
  EXPECT_EQ(bands(rest), 0);
  EXPECT_GE(bands(lay(kTwoSidedSlide, tick(u.state, 1))), 1);

  u = click_on(kTwoSidedSlide, tick(u.state, 1), "row-2");
  EXPECT_EQ(u.state.row, "");
}

TEST_F(InteractionTest, TwoSidedComparisonSelectsASideByItsHeader) {
  Update u = click_on(kTwoSidedSlide, {}, "new");
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"new"});
  EXPECT_EQ(u.state.row, "");
}

// ------------------------------------------------------------------ flow

TEST_F(InteractionTest, ClickingAStepHighlightsItAndShowsItsDetail) {
  Update u = click_on(kFlowSlide, {}, "support");
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"support"});
  // The detail moves from under the card into a wider panel: one line.
  const SlideLayout picked = lay(kFlowSlide, tick(u.state, 1));
  EXPECT_TRUE(shows(picked, "지원-수혜 분리모형"));
  EXPECT_FALSE(shows(picked, "저성장과 양극화"));
}

TEST_F(InteractionTest, SteppedFlowWalksItsStepsWithTheClicker) {
  SlideState s;
  s.step = 0;
  const SlideLayout first = lay(kFlowSlide, s);
  EXPECT_NE(find_hit(first.list, "crisis"), nullptr);
  EXPECT_EQ(find_hit(first.list, "support"), nullptr);  // not revealed yet
  EXPECT_EQ(find_hit(first.list, "selfhelp"), nullptr);
  s = on_step(slide(kFlowSlide), s, 1);
  EXPECT_EQ(s.step, 1);
  EXPECT_EQ(s.selected, std::vector<std::string>{"support"});
  EXPECT_EQ(s.diagram_animation, 0);
  EXPECT_NE(find_hit(lay(kFlowSlide, s).list, "support"), nullptr);
  s = on_step(slide(kFlowSlide), tick(s, 1), 2);
  EXPECT_EQ(s.selected, std::vector<std::string>{"selfhelp"});
  // Back: the hidden step's selection goes with it.
  s = on_step(slide(kFlowSlide), tick(s, 1), 1);
  EXPECT_EQ(s.selected, std::vector<std::string>{"support"});
  EXPECT_EQ(slide(kFlowSlide).steps, 2);
}

// ------------------------------------------------------------------ keyboard

TEST_F(InteractionTest, TabWalksTheElementsInReadingOrderAndWraps) {
  const SlideLayout l = lay(kTriangleSlide, {});
  SlideState s;
  std::vector<std::string> seen;
  for (int i = 0; i < 5; ++i) {
    Update u = focus_next(l.list, s, false);
    EXPECT_TRUE(u.handled);
    s = u.state;
    seen.push_back(s.focused);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"gov", "market", "civil", "civil-gov", "gov"}));
  EXPECT_EQ(focus_next(l.list, {}, true).state.focused, "civil-gov");
  s.focused = "gov";
  EXPECT_EQ(focus_next(l.list, s, true).state.focused, "civil-gov");  // wraps backwards
  EXPECT_TRUE(s.selected.empty());                                    // focus is not selection
}

TEST_F(InteractionTest, EnterSelectsTheFocusedElement) {
  SlideState s;
  EXPECT_FALSE(press_enter(slide(kTriangleSlide), s).handled);  // Enter is the app's (Next)
  s.focused = "market";
  Update u = press_enter(slide(kTriangleSlide), s);
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"market"});
  EXPECT_EQ(u.state.focused, "market");  // the ring stays for the next Tab
}

TEST_F(InteractionTest, TabAfterAClickContinuesFromTheClickedElement) {
  Update u = click_on(kTriangleSlide, {}, "market");
  EXPECT_EQ(u.state.focused, "");  // a pointer hides the ring
  const SlideLayout l = lay(kTriangleSlide, u.state);
  EXPECT_EQ(focus_next(l.list, u.state, false).state.focused, "civil");
}

TEST_F(InteractionTest, EscResetsSelectionRowAndFocus) {
  EXPECT_FALSE(escape({}).handled);  // Esc is the app's (leave full screen)
  SlideState s = tick(click_on(kTwoSidedSlide, {}, "row-1").state, 1);
  s = tick(click_on(kTwoSidedSlide, s, "old").state, 1);
  s.focused = "new";
  Update u = escape(s);
  EXPECT_TRUE(u.handled);
  EXPECT_TRUE(u.state.selected.empty());
  EXPECT_EQ(u.state.row, "");
  EXPECT_EQ(u.state.focused, "");
  EXPECT_EQ(u.state.diagram_animation, 0);
  EXPECT_EQ(u.state.previous_selected, std::vector<std::string>{"old"});
  EXPECT_EQ(u.state.previous_row, "row-1");
}

// ------------------------------------------------------------------ animation, --select

TEST_F(InteractionTest, ChangesAnimateForTwoHundredMilliseconds) {
  SlideState s = click_on(kTriangleSlide, {}, "gov").state;
  EXPECT_TRUE(animating(s));
  s = tick(s, 0.1f);
  EXPECT_NEAR(s.diagram_animation, 0.5f, 1e-4);
  EXPECT_TRUE(animating(s));
  s = tick(s, 0.1f);
  EXPECT_FALSE(animating(s));
  EXPECT_EQ(s.diagram_animation, 1);
  // Halfway, the look is between rest and selected: the drawing differs from both.
  SlideState half = tick(click_on(kTriangleSlide, {}, "gov").state, 0.1f);
  auto colours = [&](const SlideState& st) {
    std::vector<text::Color> c;
    for (const auto& cmd : lay(kTriangleSlide, st).list.commands) c.push_back(cmd.color);
    return c;
  };
  EXPECT_NE(colours(half), colours(s));
  EXPECT_NE(colours(half), colours({}));
}

TEST_F(InteractionTest, SelectIdsLeavesTheStateTheSameClicksLeave) {
  struct Case {
    int slide;
    std::vector<std::string> ids;
  };
  const std::vector<Case> cases = {{kTriangleSlide, {"gov"}},
                                   {kTriangleSlide, {"civil-gov"}},
                                   {kEcosystemSlide, {"nature", "venture"}},
                                   {kEcosystemSlide, {"nature", "venture", "business"}},
                                   {kTwoSidedSlide, {"row-3"}},
                                   {kFlowSlide, {"selfhelp"}}};
  for (const Case& c : cases) {
    SlideState clicked;
    for (const std::string& id : c.ids) clicked = tick(click_on(c.slide, clicked, id).state, 1);
    clicked.hovered.clear();  // the pointer moved away
    EXPECT_EQ(select_ids(slide(c.slide), {}, c.ids), clicked) << c.ids.front();
  }
  // Ids of other slides are ignored.
  EXPECT_EQ(select_ids(slide(kTriangleSlide), {}, {"nature"}), SlideState{});
}

}  // namespace
}  // namespace madang::diagram
