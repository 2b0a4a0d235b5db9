// The remote's secrets: a control token and an audience token, new for each
// run, and how a request's Authorization header is judged against them.
//
// Promise: tokens are 192 random bits from the kernel (getrandom), written
// as 48 lowercase hex digits; the two of a run are never equal; a header is
// compared with both, in time that depends only on its length (never on
// where it first differs). Pure apart from getrandom.
#pragma once

#include <string>
#include <string_view>

namespace madang::remote {

inline constexpr int kTokenBytes = 24;  // 192 bits, >= 128 asked for

// Who a request is: nobody, a reader of the audience page, or the speaker.
enum class Role { kNone, kAudience, kControl };

struct Tokens {
  std::string control;
  std::string audience;
};

// A fresh token: kTokenBytes from getrandom as hex; "" when the kernel
// gives no randomness (then the remote must not start).
std::string new_token();
// Both tokens of a run, distinct; false when no randomness could be had.
bool new_tokens(Tokens* tokens);

// Constant-time equality of two strings of the same length (a different
// length is unequal at once: the length of a token is no secret).
bool same_token(std::string_view a, std::string_view b);

// The role an `Authorization` header value grants ("Bearer TOKEN"; the scheme
// is case-insensitive, one space). kNone when absent, malformed or unknown.
Role role_of(std::string_view authorization, const Tokens& tokens);

}  // namespace madang::remote
