// The kiosk's settings in a deck: `advance:` and `idle:` in the front
// matter, `<!-- advance: 20s -->` on a slide; times need a unit (a bare
// number would read as minutes), mistakes are errors located at the value.
#include "deck/duration.h"
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(KioskSettings, FrontMatterAdvanceAndIdle) {
  const ParseResult r = parse(
      "---\n"
      "advance: 20s\n"
      "idle: 2m\n"
      "---\n"
      "# 하나\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.meta.advance_s, 20);
  EXPECT_EQ(r.deck.meta.idle_s, 120);
}

TEST(KioskSettings, UnsetMeansTheKiosksDefaults) {
  const ParseResult r = parse("# 하나\n");
  EXPECT_EQ(r.deck.meta.advance_s, 0);
  EXPECT_EQ(r.deck.meta.idle_s, 0);
  EXPECT_EQ(r.deck.slides.at(0).advance_s, 0);
}

TEST(KioskSettings, ASlidesOwnAdvance) {
  const ParseResult r = parse(
      "# 하나\n"
      "<!-- advance: 1m30s -->\n"
      "\n---\n\n"
      "# 둘\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.slides.at(0).advance_s, 90);
  EXPECT_EQ(r.deck.slides.at(1).advance_s, 0);
}

TEST(KioskSettings, BareNumbersAndNonsenseAreErrorsAtTheValue) {
  const ParseResult r = parse(
      "---\n"
      "advance: 20\n"
      "idle: soon\n"
      "---\n"
      "# 하나\n"
      "<!-- advance: 0s -->\n"
      "<!-- advance -->\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:2:10: error: advance must be a length of time with a unit, like 20s, "
                "1m30s or 2m, or video (got '20')",
                "deck.md:3:7: error: idle must be a length of time with a unit, like 20s, "
                "1m30s or 2m (got 'soon')",
                "deck.md:6:1: error: directive 'advance' must be a length of time with a unit, "
                "like 20s, 1m30s or 2m, or video (got '0s')",
                "deck.md:7:1: error: directive 'advance' needs a value (with a unit, like 20s, "
                "1m30s or 2m, or video)",
            }));
  EXPECT_EQ(r.deck.meta.advance_s, 0);
  EXPECT_EQ(r.deck.slides.at(0).advance_s, 0);
}

TEST(KioskSettings, IntervalsNeedAUnit) {
  double s = 0;
  EXPECT_TRUE(parse_interval("20s", &s));
  EXPECT_EQ(s, 20);
  EXPECT_TRUE(parse_interval("1m 30s", &s));
  EXPECT_EQ(s, 90);
  EXPECT_TRUE(parse_interval("1:30", &s));
  EXPECT_EQ(s, 90);
  EXPECT_FALSE(parse_interval("20", &s));
  EXPECT_FALSE(parse_interval(" 45 ", &s));
  EXPECT_FALSE(parse_interval("", &s));
  EXPECT_FALSE(parse_interval("-5s", &s));
}

}  // namespace
}  // namespace madang::deck::test
