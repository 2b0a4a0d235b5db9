// The show state: events from any window change one Show; the hall sees
// what the show says (freeze, blank, diagrams), the timer runs on an
// injected clock, reloads keep the last good deck.
#include "show/show.h"

#include <gtest/gtest.h>

#include "deck/parse.h"
#include "diagram/interaction.h"
#include "sample_deck.h"

namespace madang::show {
namespace {

using K = ActionKind;

const std::string kDeck = test::sample_deck({
    .front_matter = "title: 시험\nduration: 4m\n",
    .first = "첫 장\n\n<!-- notes: **굵게** 말하고 *기울여* 말한다. -->\n",
    .after = "# 넷\n",
});

deck::Deck parse(const std::string& text = kDeck) {
  return test::parse_sample(text, "talk.md");
}

TEST(Show, OpensAtTheAskedSlideWithAPlanFromTheDuration) {
  Show s = open_show(parse(), {.slide = 3});
  EXPECT_EQ(s.at.slide, 2);
  EXPECT_DOUBLE_EQ(s.duration_s, 240);
  ASSERT_EQ(s.budgets_s.size(), 4u);
  EXPECT_DOUBLE_EQ(s.budgets_s[0], 60);
  EXPECT_EQ(s.slides.size(), 4u);
  Show clamped = open_show(parse(), {.slide = 99, .duration_s = 1200});
  EXPECT_EQ(clamped.at.slide, 3);
  EXPECT_DOUBLE_EQ(clamped.duration_s, 1200);  // --duration wins over the deck's
}

TEST(Show, NotesAreMarkdownWithEmphasisKept) {
  const deck::Deck d = parse();
  const deck::Slide& first = d.slides[0];
  ASSERT_EQ(first.notes_blocks.size(), 1u);
  const deck::RichText& text = first.notes_blocks[0].text;
  ASSERT_GE(text.size(), 3u);
  EXPECT_EQ(text[0].text, "굵게");
  EXPECT_EQ(text[0].style, deck::kBold);
  EXPECT_EQ(text[2].text, "기울여");
  EXPECT_EQ(text[2].style, deck::kItalic);
  EXPECT_EQ(first.notes_line, 10);
  EXPECT_TRUE(d.slides[1].notes_blocks.empty());
}

TEST(Show, TheFirstMoveStartsTheTimerAndEachSlideCountsItsOwnTime) {
  Show s = open_show(parse(), {});
  Change c = act(s, {K::kNext}, 10'000);
  EXPECT_TRUE(c.moved);
  EXPECT_TRUE(c.slide_changed);
  EXPECT_TRUE(c.hall);
  EXPECT_EQ(c.from_slide, 0);
  EXPECT_TRUE(started(s.timer));
  EXPECT_EQ(elapsed_ms(s.timer, 40'000), 30'000);
  act(s, {K::kNext}, 50'000);  // a fragment: same slide, its time goes on
  EXPECT_EQ(s.at.step, 1);
  EXPECT_EQ(on_slide_ms(s.timer, 60'000), 50'000);
  // Slide 2, 90 s on it, budget 60: 30 s over it. The talk started on it,
  // so the title's minute was not taken: 30 s ahead of the plan's 2:00, and
  // 240 - 90 = 150 s left.
  const Pace p = pace_now(s, 100'000);
  EXPECT_DOUBLE_EQ(p.slide_delta_s, 30);
  EXPECT_DOUBLE_EQ(p.talk_delta_s, -30);
  EXPECT_DOUBLE_EQ(p.remaining_s, 150);
}

TEST(Show, PausedTimerStaysPausedAcrossSlideChanges) {
  Show s = open_show(parse(), {});
  act(s, {K::kNext}, 0);
  act(s, {K::kTimerToggle}, 30'000);
  EXPECT_TRUE(paused(s.timer));
  act(s, {K::kNext}, 40'000);
  act(s, {K::kNext}, 50'000);
  act(s, {K::kLast}, 60'000);
  EXPECT_TRUE(paused(s.timer));
  EXPECT_EQ(elapsed_ms(s.timer, 90'000), 30'000);
  act(s, {K::kTimerToggle}, 90'000);
  EXPECT_EQ(elapsed_ms(s.timer, 100'000), 40'000);
}

TEST(Show, AClickFromEitherWindowIsOneStateTheHallShows) {
  Show s = open_show(parse(), {.slide = 3});
  const deck::Slide& slide = *current_slide(s);
  const Change c = take(s, diagram::activate(slide, here(s), "gov").state);
  EXPECT_TRUE(c.hall);
  EXPECT_EQ(hall(s).state.selected, std::vector<std::string>{"gov"});
  EXPECT_EQ(hall(s).slide, 2);
  // Leaving and coming back keeps the diagram as it was left.
  act(s, {K::kNext}, 0);
  act(s, {K::kPrev}, 0);
  EXPECT_EQ(hall(s).state.selected, std::vector<std::string>{"gov"});
}

TEST(Show, FreezeKeepsTheHallWhileTheSpeakerLooksAhead) {
  Show s = open_show(parse(), {});
  act(s, {K::kFreeze}, 0);
  EXPECT_TRUE(hall(s).frozen);
  Change c = act(s, {K::kNext}, 1'000);
  EXPECT_TRUE(c.moved);
  EXPECT_FALSE(c.hall);
  EXPECT_EQ(s.at.slide, 1);
  EXPECT_EQ(hall(s).slide, 0);
  act(s, {K::kGoto, 2}, 2'000);
  c = take(s, diagram::activate(*current_slide(s), here(s), "market").state);
  EXPECT_FALSE(c.hall);  // the hall does not see the speaker's clicks while frozen
  EXPECT_EQ(hall(s).slide, 0);
  EXPECT_TRUE(hall(s).state.selected.empty());
  c = act(s, {K::kFreeze}, 3'000);
  EXPECT_TRUE(c.hall);
  EXPECT_EQ(hall(s).slide, 2);
  EXPECT_EQ(hall(s).state.selected, std::vector<std::string>{"market"});
}

TEST(Show, BlackScreenReachesTheHall) {
  Show s = open_show(parse(), {});
  Change c = act(s, {K::kBlack}, 0);
  EXPECT_TRUE(c.hall);
  EXPECT_EQ(hall(s).blank, Blank::kBlack);
  c = act(s, {K::kNext}, 0);  // the first press only brings the slide back
  EXPECT_EQ(hall(s).blank, Blank::kNone);
  EXPECT_EQ(s.at.slide, 0);
}

TEST(Show, NextStepIsTheNextFragmentOrTheNextSlide) {
  Show s = open_show(parse(), {.slide = 2});
  NextStep n = next_step(s);
  EXPECT_FALSE(n.end);
  EXPECT_TRUE(n.same_slide);
  EXPECT_EQ(n.slide, 1);
  EXPECT_EQ(n.state.step, 1);
  act(s, {K::kNext}, 0);
  act(s, {K::kNext}, 0);
  n = next_step(s);
  EXPECT_FALSE(n.same_slide);
  EXPECT_EQ(n.slide, 2);
  EXPECT_EQ(n.state.step, 0);
  act(s, {K::kLast}, 0);
  EXPECT_TRUE(next_step(s).end);
}

TEST(Show, PointerShowsInTheHallAndHidesWhenStill) {
  Show s = open_show(parse(), {});
  Change c = point(s, true, 0.25f, 0.5f, 1'000);
  EXPECT_TRUE(c.hall);
  EXPECT_TRUE(hall(s).pointer.visible);
  EXPECT_FLOAT_EQ(hall(s).pointer.x, 0.25f);
  EXPECT_FALSE(hide_still_pointer(s, 1'000 + kPointerHideMs - 1));
  EXPECT_TRUE(hide_still_pointer(s, 1'000 + kPointerHideMs));
  EXPECT_FALSE(hall(s).pointer.visible);
  c = point(s, false, 0, 0, 9'000);
  EXPECT_FALSE(c.any);
}

TEST(Show, NotesZoomIsBoundedAndScrollResetsOnANewSlide) {
  Show s = open_show(parse(), {});
  for (int i = 0; i < 20; ++i) act(s, {K::kNotesBigger}, 0);
  EXPECT_EQ(s.notes_zoom, kNotesZoomMax);
  act(s, {K::kNotesDown}, 0);
  act(s, {K::kNotesDown}, 0);
  EXPECT_EQ(s.notes_scroll, 2);
  act(s, {K::kNotesUp}, 0);
  act(s, {K::kNotesUp}, 0);
  act(s, {K::kNotesUp}, 0);
  EXPECT_EQ(s.notes_scroll, 0);
  act(s, {K::kNotesDown}, 0);
  act(s, {K::kNext}, 0);
  EXPECT_EQ(s.notes_scroll, 0);
}

TEST(Show, AGoodReloadKeepsThePlaceABrokenOneKeepsTheDeck) {
  Show s = open_show(parse(), {.slide = 3});
  take(s, diagram::activate(*current_slide(s), here(s), "gov").state);
  act(s, {K::kFreeze}, 0);
  act(s, {K::kNext}, 0);

  std::string edited = kDeck;
  edited.replace(edited.find("# 넷"), 7, "# 넷째");
  deck::ParseOptions options;
  options.check_files = false;
  ReloadOutcome out = reload(s, deck::parse_deck(edited, "talk.md", options));
  EXPECT_TRUE(out.accepted);
  EXPECT_EQ(s.at.slide, 3);
  EXPECT_EQ(deck::plain_text(s.deck.slides[3].blocks[0].text), "넷째");
  EXPECT_FALSE(s.freeze.on);
  EXPECT_TRUE(s.slides[2].selected.empty());  // diagrams start afresh

  const std::string broken = std::string(kDeck).replace(0, 3, "---\ntitle: [");
  out = reload(s, deck::parse_deck(broken, "talk.md", options));
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(deck::plain_text(s.deck.slides[3].blocks[0].text), "넷째");
  EXPECT_GE(s.error_count, 1);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_NE(s.errors[0].find("talk.md:"), std::string::npos);
}

}  // namespace
}  // namespace madang::show
