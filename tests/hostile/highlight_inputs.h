// Issue #25's hostile decks, generated in the test: code blocks within the
// highlighting caps whose lines made Source-highlight's regular expressions
// superlinear (a 15 KB line costs the square of its length, some the cube),
// for every language definition a deck may name.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace madang::test::hostile {

// A fence name for each of Source-highlight's language definitions, in the
// order of Debian's lang.map: the definition's own name when the map has it
// (`cpp`, `sh`, `html`), else its first lower-case name (`rs`). Empty when
// the map cannot be read.
std::vector<std::string> highlight_fences();

// A deck of 16 slides, each a ```FENCE block of one line of `bytes` bytes of
// one shape (brackets, escaped quotes, tags, slashes, one long word...):
// 16 x 8000 bytes is within the caps (16 KiB a block, 128 KiB a deck).
std::string highlight_deck(const std::string& fence, std::size_t bytes = 8000);

// The deck: `blocks` ```html blocks of one line of `bytes` bytes of
// tags ("<b><b>..."), on one slide.
std::string html_tags_deck(int blocks, std::size_t bytes);

}  // namespace madang::test::hostile
