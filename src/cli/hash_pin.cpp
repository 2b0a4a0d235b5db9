// `madang kiosk --hash-pin` (cli/commands.h run_hash_pin): the staff PIN's
// hash for a kiosk (platform/pin.h), made from a PIN typed on a terminal
// without echo, or read from a pipe.

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "platform/pin.h"

namespace madang::app {

int run_hash_pin() {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  auto ask = [&](const char* prompt) {
    if (tty) std::fputs(prompt, stderr);
    std::string line;
    std::getline(std::cin, line);
    if (tty) std::fputs("\n", stderr);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
  };
  const std::string pin = ask("PIN (4-12 digits): ");
  const std::string again = tty ? ask("Again: ") : pin;
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (pin != again) {
    std::fputs("madang kiosk: the two PINs differ\n", stderr);
    return 2;
  }
  std::string error;
  const std::string hash = hash_pin(pin, &error);
  if (hash.empty()) {
    std::fprintf(stderr, "madang kiosk: %s\n", error.c_str());
    return 2;
  }
  std::printf("%s\n", hash.c_str());
  return 0;
}

}  // namespace madang::app
