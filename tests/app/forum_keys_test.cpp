// A forum's keys (input/forum_keys.h): the moderator's between talks, the
// card's, and every other key left to the talk.
#include <gtest/gtest.h>

#include "input/forum_keys.h"
#include "input/keymap.h"

namespace madang::app {
namespace {

TEST(ForumKeys, CtrlArrowsMoveBetweenTalksEverywhere) {
  for (const bool card : {true, false}) {
    EXPECT_EQ(forum_key(kScanRight, kModCtrl, card), ForumKey::kNextItem);
    EXPECT_EQ(forum_key(kScanLeft, kModCtrl, card), ForumKey::kPrevItem);
    EXPECT_EQ(forum_key(kScanPageDown, kModCtrl, card), ForumKey::kNextItem);
  }
}

TEST(ForumKeys, OnACardNextStartsAndPreviousGoesBack) {
  for (const int key : {kScanRight, kScanSpace, kScanPageDown, kScanReturn, kScanN}) {
    EXPECT_EQ(forum_key(key, kModNone, true), ForumKey::kStart) << key;
  }
  for (const int key : {kScanLeft, kScanPageUp, kScanBackspace, kScanP}) {
    EXPECT_EQ(forum_key(key, kModNone, true), ForumKey::kBack) << key;
  }
  EXPECT_EQ(forum_key(kScanQ, kModNone, true), ForumKey::kNone);  // quit stays the talk's
  EXPECT_EQ(forum_key(kScanRight, kModShift, true), ForumKey::kNone);
}

TEST(ForumKeys, InATalkTheKeysAreTheTalks) {
  for (const int key : {kScanRight, kScanLeft, kScanSpace, kScanPageDown, kScanB, kScanQ}) {
    EXPECT_EQ(forum_key(key, kModNone, false), ForumKey::kNone) << key;
  }
}

TEST(ForumKeys, AClickersHeldKeyMovesBetweenTalks) {
  EXPECT_EQ(forum_key(kScanPageDown, kModNone, false, true), ForumKey::kNextItem);
  EXPECT_EQ(forum_key(kScanPageUp, kModNone, false, true), ForumKey::kPrevItem);
  // A held arrow key still repeats within the talk.
  EXPECT_EQ(forum_key(kScanRight, kModNone, false, true), ForumKey::kNone);
  EXPECT_EQ(forum_key(kScanRight, kModNone, true, true), ForumKey::kNone);
}

}  // namespace
}  // namespace madang::app
