// Counts as English words: "1 slide", "3 slides", "0 errors".
//
// Promise: pure; the noun is given in the singular, and its plural is the
// singular with an "s" unless `plural` names another.
#pragma once

#include <string>
#include <string_view>

namespace madang::base {

std::string count_text(long long n, std::string_view noun, std::string_view plural = {});

}  // namespace madang::base
