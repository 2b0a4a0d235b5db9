#include "deck/duration.h"

#include <cctype>

namespace madang::deck {

bool parse_duration(const std::string& text, double* seconds) {
  std::string s;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) s += c;
  }
  if (s.empty()) return false;
  // h:mm:ss or mm:ss
  if (s.find(':') != std::string::npos) {
    long parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
      const std::size_t colon = s.find(':', i);
      const std::string part =
          s.substr(i, colon == std::string::npos ? std::string::npos : colon - i);
      if (part.empty() || part.size() > 4 || count == 3) return false;
      for (char c : part) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      }
      parts[count++] = std::stol(part);
      if (colon == std::string::npos) break;
      i = colon + 1;
    }
    if (count < 2) return false;
    const double v =
        count == 3 ? parts[0] * 3600.0 + parts[1] * 60.0 + parts[2] : parts[0] * 60.0 + parts[1];
    if (v <= 0) return false;
    *seconds = v;
    return true;
  }
  // 1h30m, 20m, 90s, 45 (minutes)
  double total = 0;
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i || j - i > 6) return false;
    const double v = std::stod(s.substr(i, j - i));
    if (j == s.size()) {
      if (any) return false;  // "1h30" is ambiguous
      total += v * 60;
      any = true;
      break;
    }
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(s[j])));
    std::size_t k = j + 1;
    // "min" and "sec" read as m and s.
    if (unit == 'm' && s.compare(j, 3, "min") == 0) k = j + 3;
    if (unit == 's' && s.compare(j, 3, "sec") == 0) k = j + 3;
    if (unit == 'h') {
      total += v * 3600;
    } else if (unit == 'm') {
      total += v * 60;
    } else if (unit == 's') {
      total += v;
    } else {
      return false;
    }
    any = true;
    i = k;
  }
  if (!any || total <= 0) return false;
  *seconds = total;
  return true;
}

bool parse_interval(const std::string& text, double* seconds) {
  bool unit = false;
  for (char c : text) {
    unit = unit || !(std::isdigit(static_cast<unsigned char>(c)) ||
                     std::isspace(static_cast<unsigned char>(c)) || c == '.');
  }
  return unit && parse_duration(text, seconds);
}

}  // namespace madang::deck
