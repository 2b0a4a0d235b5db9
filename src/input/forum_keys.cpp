#include "input/forum_keys.h"

#include "input/keymap.h"

namespace madang::app {

ForumKey forum_key(int scancode, int mods, bool on_card, bool repeat) {
  const bool next = scancode == kScanRight || scancode == kScanPageDown || scancode == kScanSpace ||
                    scancode == kScanDown || scancode == kScanN || scancode == kScanReturn ||
                    scancode == kScanKpEnter;
  const bool prev = scancode == kScanLeft || scancode == kScanPageUp || scancode == kScanUp ||
                    scancode == kScanP || scancode == kScanBackspace;
  if (mods == kModCtrl && (scancode == kScanRight || scancode == kScanPageDown)) {
    return ForumKey::kNextItem;
  }
  if (mods == kModCtrl && (scancode == kScanLeft || scancode == kScanPageUp)) {
    return ForumKey::kPrevItem;
  }
  // A clicker's long press arrives as the key repeating.
  if (repeat && mods == kModNone && scancode == kScanPageDown) return ForumKey::kNextItem;
  if (repeat && mods == kModNone && scancode == kScanPageUp) return ForumKey::kPrevItem;
  if (!on_card || mods != kModNone || repeat) return ForumKey::kNone;
  if (next) return ForumKey::kStart;
  if (prev) return ForumKey::kBack;
  return ForumKey::kNone;
}

}  // namespace madang::app
