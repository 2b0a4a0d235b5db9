// What keys mean in a forum (`madang present forum.yaml`) before a talk's
// own keys: the moderator's Ctrl+→ / Ctrl+← between talks, and the keys
// that take a title card down or go back from it.
//
// Promise: a pure table of scancodes and modifiers (keymap.h's), no SDL; a
// key it does not name is the talk's (kNone).
#pragma once

namespace madang::app {

enum class ForumKey {
  kNone,      // the talk's own key
  kNextItem,  // the next talk's (or break's) card
  kPrevItem,  // the previous talk's (or break's) card
  kStart,     // on a card: the talk begins (its first slide, or where it was left)
  kBack,      // on a card: back to the end of the item before
};

// `on_card`: the hall shows a card now. A clicker's next key (PageDown) on a
// card starts the talk; held (its long press: `repeat`), it moves to the
// next item, as Ctrl+→ does.
ForumKey forum_key(int scancode, int mods, bool on_card, bool repeat = false);

}  // namespace madang::app
