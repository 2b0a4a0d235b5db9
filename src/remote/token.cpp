// Tokens (see token.h).
#include "remote/token.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>

namespace madang::remote {

std::string new_token() {
  unsigned char bytes[kTokenBytes];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return "";
    }
    got += static_cast<std::size_t>(n);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof bytes);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

bool new_tokens(Tokens* tokens) {
  tokens->control = new_token();
  do {
    tokens->audience = new_token();
  } while (!tokens->audience.empty() && tokens->audience == tokens->control);
  return !tokens->control.empty() && !tokens->audience.empty();
}

bool same_token(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  // Every byte is looked at whatever the differences; the result is folded
  // through a volatile so the compiler cannot stop early.
  volatile std::uint8_t diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<std::uint8_t>(
        diff | (static_cast<std::uint8_t>(a[i]) ^ static_cast<std::uint8_t>(b[i])));
  }
  return diff == 0;
}

Role role_of(std::string_view authorization, const Tokens& tokens) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return Role::kNone;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    char c = authorization[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return Role::kNone;
  }
  const std::string_view given = authorization.substr(kScheme.size());
  // Both are compared, always, so the time says nothing of which matched.
  const bool control = same_token(given, tokens.control);
  const bool audience = same_token(given, tokens.audience);
  if (control) return Role::kControl;
  if (audience) return Role::kAudience;
  return Role::kNone;
}

}  // namespace madang::remote
