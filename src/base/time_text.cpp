#include "base/time_text.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace madang::base {

double unix_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string calendar_text(double unix_seconds, const char* pattern, TimeZone zone) {
  if (!std::isfinite(unix_seconds)) return "";
  const std::time_t t = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm tm{};
  if (!(zone == TimeZone::kUtc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm))) return "";
  char buf[64];
  const std::size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
  return std::string(buf, n);
}

std::string iso8601_utc(double unix_seconds) {
  return calendar_text(unix_seconds, "%Y-%m-%dT%H:%M:%SZ", TimeZone::kUtc);
}

std::string clock_text(double seconds) {
  const bool negative = seconds < 0;
  const long total = static_cast<long>(std::floor(std::fabs(seconds)));
  const long h = total / 3600, m = (total / 60) % 60, s = total % 60;
  char buf[32];
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%s%ld:%02ld:%02ld", negative && total ? "-" : "", h, m, s);
  } else {
    std::snprintf(buf, sizeof buf, "%s%ld:%02ld", negative && total ? "-" : "", m, s);
  }
  return buf;
}

}  // namespace madang::base
