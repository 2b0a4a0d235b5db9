// The kiosk's staff PIN, kept as a salted hash (never in clear): making the
// hash, checking a typed PIN against it, and finding the configured one.
//
// Promise: the hash is crypt(3)'s yescrypt ("$y$..." from libxcrypt, the
// hash Debian uses for passwords; slow on purpose, salted from the kernel's
// random source). A PIN is compared only through crypt, and its hash only
// in constant time. Where the hash comes from, in order: --pin-file FILE;
// the MADANG_KIOSK_PIN_HASH environment variable; the file
// $XDG_CONFIG_HOME/madang/kiosk-pin (~/.config/madang/kiosk-pin). Something
// there that is not a hash (a PIN in clear, say) is an error, not a PIN.
#pragma once

#include <string>

namespace madang::app {

// The hash of `pin` (input/kiosk_input.h valid_pin), or "" and `error`.
std::string hash_pin(const std::string& pin, std::string* error);

// Whether `pin` is the PIN `hash` was made from.
bool pin_matches(const std::string& pin, const std::string& hash);

// Whether `text` is a crypt(3) hash this system can check.
bool is_pin_hash(const std::string& text);

struct PinSource {
  bool ok = true;       // false: a source was named or found but is unusable
  std::string hash;     // "" with ok: no PIN configured
  std::string from;     // "--pin-file /etc/...", "MADANG_KIOSK_PIN_HASH", ...
  std::string error;    // when !ok
  std::string warning;  // e.g. a PIN file others can read
};

// The configured PIN hash (see the promise above). `pin_file`: --pin-file,
// "" when not given.
PinSource find_pin_hash(const std::string& pin_file);

}  // namespace madang::app
