#include "platform/pin.h"

#include <crypt.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "input/kiosk_input.h"

namespace madang::app {

namespace {

constexpr const char* kPrefix = "$y$";  // yescrypt
constexpr const char* kHashEnv = "MADANG_KIOSK_PIN_HASH";

std::string trim(std::string s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

// crypt(3) of `pin` with the settings (salt, cost) of `setting`; "" on failure.
std::string crypt_with(const std::string& pin, const std::string& setting) {
  auto data = std::make_unique<crypt_data>();  // ~32 KB: not on the stack
  std::memset(data.get(), 0, sizeof(crypt_data));
  const char* out = crypt_rn(pin.c_str(), setting.c_str(), data.get(), sizeof(crypt_data));
  if (!out || out[0] == '*') return "";
  return out;
}

bool same_in_constant_time(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

PinSource read_pin_file(const std::string& path, const std::string& from) {
  PinSource s;
  s.from = from;
  std::ifstream in(path);
  if (!in) {
    s.ok = false;
    s.error = "cannot read the PIN file " + path;
    return s;
  }
  std::stringstream text;
  text << in.rdbuf();
  s.hash = trim(text.str());
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)) != 0) {
    s.warning = "the PIN file " + path + " can be read by others (chmod 600 it)";
  }
  return s;
}

}  // namespace

std::string hash_pin(const std::string& pin, std::string* error) {
  if (!valid_pin(pin)) {
    *error = "a PIN is " + std::to_string(kPinMinDigits) + " to " + std::to_string(kPinMaxDigits) +
             " digits 0-9";
    return "";
  }
  // Random bytes come from the kernel (getrandom) when none are given.
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn(kPrefix, 0, nullptr, 0, setting, sizeof setting)) {
    *error = std::string("cannot make a salt: ") + std::strerror(errno);
    return "";
  }
  std::string hash = crypt_with(pin, setting);
  if (hash.empty()) *error = "crypt(3) could not hash the PIN";
  return hash;
}

bool is_pin_hash(const std::string& text) {
  if (text.size() < 4 || text[0] != '$') return false;
  return crypt_checksalt(text.c_str()) == CRYPT_SALT_OK;
}

bool pin_matches(const std::string& pin, const std::string& hash) {
  if (!is_pin_hash(hash)) return false;
  const std::string again = crypt_with(pin, hash);
  return !again.empty() && same_in_constant_time(again, hash);
}

PinSource find_pin_hash(const std::string& pin_file) {
  PinSource s;
  if (!pin_file.empty()) {
    s = read_pin_file(pin_file, "--pin-file " + pin_file);
  } else if (const char* env = std::getenv(kHashEnv); env && *env) {
    s.from = kHashEnv;
    s.hash = trim(env);
  } else {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::string dir;
    if (config && *config) {
      dir = config;
    } else if (home && *home) {
      dir = std::string(home) + "/.config";
    }
    if (dir.empty()) return s;
    const std::string path = dir + "/madang/kiosk-pin";
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return s;  // none configured
    s = read_pin_file(path, path);
  }
  if (s.ok && !is_pin_hash(s.hash)) {
    s.ok = false;
    s.error = s.from + " does not hold a PIN hash (make one with: madang kiosk --hash-pin)";
    s.hash.clear();
  }
  return s;
}

}  // namespace madang::app
