// Syntax highlighting of code blocks (```js … ```) with GNU Source-highlight's
// language definitions (Debian: libsource-highlight-dev, about 150
// languages): each block gets the spans of its keywords, types, strings,
// comments, numbers and function names. Private to deck/.
//
// Promise: never throws; an unknown language, a deck past the caps below or a
// definition that fails gives no tokens (the code is shown plain). The work
// is bounded by the size of the code whatever its content, and deterministic:
// a block past its bound keeps the tokens found so far (the same as unbounded
// highlighting gives) and the rest of it is plain. One CodeHighlighter (one
// per deck) reads each language's definition once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deck/deck.h"

namespace madang::deck {

// A block is highlighted up to this much (whole lines; far more than a slide
// shows), the rest stays plain,
inline constexpr std::size_t kMaxHighlightedBytes = 16 * 1024;
// and a deck's blocks up to this much in all.
inline constexpr std::size_t kMaxHighlightedDeckBytes = 128 * 1024;

// Bytes do not bound the work: Source-highlight searches every rule's regular
// expression from the current token to the end of the line, so a long line
// costs the square of its length (the cube, for some definitions' strings),
// and a deck of 15 KB lines took from seconds to hours (issue #25). The work
// is counted instead, in steps of the regular expressions, the same on every
// machine: a character read, kHighlightStepsPerSearch per search, and the
// expressions a matched delimiter compiles. Ordinary code takes 30 to 600
// steps a byte; a step is 3 to 15 ns.
inline constexpr std::uint64_t kHighlightStepsPerSearch = 32;
// A block may take this many steps per byte of its code and per line
// (every rule of a state is tried at least once a line);
inline constexpr std::uint64_t kHighlightStepsPerByte = 1024;
inline constexpr std::uint64_t kHighlightStepsPerLine = 2048;
// a deck this many in all (at most about 0.4 s). Past either, the rest of
// the block (and then of the deck) stays plain.
inline constexpr std::uint64_t kMaxHighlightDeckSteps = std::uint64_t{24} << 20;

// Source-highlight's element names (its .lang files), by what they are to a
// reader ("keyword", "usertype", "predef_func"...); the others (symbols,
// brackets, variables) stay plain: nullopt.
std::optional<CodeTokenKind> code_token_kind(const std::string& element);

struct HighlightBounds {
  std::size_t block_bytes = kMaxHighlightedBytes;
  std::size_t deck_bytes = kMaxHighlightedDeckBytes;
  std::uint64_t steps_per_byte = kHighlightStepsPerByte;
  std::uint64_t steps_per_line = kHighlightStepsPerLine;
  std::uint64_t deck_steps = kMaxHighlightDeckSteps;
  // No bound at all (for tests: what bounded highlighting is compared with).
  static HighlightBounds none();
};

class CodeHighlighter {
 public:
  explicit CodeHighlighter(const HighlightBounds& bounds = {});
  ~CodeHighlighter();
  CodeHighlighter(const CodeHighlighter&) = delete;
  CodeHighlighter& operator=(const CodeHighlighter&) = delete;

  // `language`: the fence's first word (`cpp`, `js`, `python`, a file name's
  // extension...). Tokens are in order, within `code`, not overlapping.
  std::vector<CodeToken> highlight(std::string_view language, std::string_view code);

  // Steps taken so far (all blocks); for tests and benchmarks.
  std::uint64_t steps() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::deck
