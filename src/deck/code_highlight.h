// Syntax highlighting of code blocks (```js … ```) with GNU Source-highlight's
// language definitions (Debian: libsource-highlight-dev, about 150
// languages): each block gets the spans of its keywords, types, strings,
// comments, numbers and function names. Private to deck/.
//
// Promise: never throws; an unknown language, a deck past the cap below or a
// definition that fails gives no tokens (the code is shown plain). One
// CodeHighlighter (one per deck) reads each language's definition once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deck/deck.h"

namespace madang::deck {

// Highlighting costs about 2 ms per KiB (regexes), so it is bounded: a block
// is highlighted up to this much (whole lines; far more than a slide shows),
// the rest stays plain,
inline constexpr std::size_t kMaxHighlightedBytes = 16 * 1024;
// and a deck's blocks up to this much in all.
inline constexpr std::size_t kMaxHighlightedDeckBytes = 128 * 1024;

class CodeHighlighter {
 public:
  CodeHighlighter();
  ~CodeHighlighter();
  CodeHighlighter(const CodeHighlighter&) = delete;
  CodeHighlighter& operator=(const CodeHighlighter&) = delete;

  // `language`: the fence's first word (`cpp`, `js`, `python`, a file name's
  // extension...). Tokens are in order, within `code`, not overlapping.
  std::vector<CodeToken> highlight(std::string_view language, std::string_view code);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::deck
