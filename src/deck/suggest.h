// "Did you mean ...?": the nearest of a few valid names to a misspelled one.
//
// Promise: pure functions on short strings (bounded work: names over 64
// bytes are never near anything); a suggestion is made only when the
// spelling is close enough that a person would call it a typo.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madang::deck {

// Levenshtein distance with adjacent transpositions (optimal string
// alignment), case-insensitive, on bytes.
int edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to word when it is within a typo's reach (distance
// at most 1 for words up to 4 bytes, 2 up to 8, else 3); "" otherwise.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c": the candidates, for "valid: ..." lists.
std::string join_names(const std::vector<std::string>& names);

}  // namespace madang::deck
