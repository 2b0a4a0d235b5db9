// Emoji shortcodes as GitHub and Marp (markdown-it-emoji) read them:
// `:smile:` is 😄, `:+1:` 👍. Private to deck/.
//
// Promise: a shortcode is replaced only when its name is known and it does
// not follow a letter or digit (as markdown-it-emoji: `a:b:c` and
// `http://x:8080:` stay as written); linear in the text; never throws. The
// names are python3-emoji's (Debian): its English names and GitHub aliases,
// written into the build by scripts/emoji_shortcodes.py.
#pragma once

#include <string>
#include <string_view>

namespace madang::deck {

// The emoji a name stands for ("smile" -> "😄"), or "" when none.
std::string_view emoji_for(std::string_view name);

// `text` with every shortcode replaced by its emoji.
std::string replace_emoji_shortcodes(std::string_view text);

}  // namespace madang::deck
