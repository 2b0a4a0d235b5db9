#include "deck/images.h"

#include <charconv>
#include <filesystem>

#include "io/files.h"
#include "io/image_header.h"

namespace madang::deck {

namespace fs = std::filesystem;

namespace {

// "800", "12.5", "50%": pixels (> 0) or a share of the content box (< 0).
bool parse_size(std::string_view s, float* out) {
  const bool percent = !s.empty() && s.back() == '%';
  if (percent) s.remove_suffix(1);
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(v > 0)) return false;
  if (percent) {
    if (v > 100) return false;
    *out = -v / 100.0f;
  } else {
    if (v > 100000) return false;
    *out = v;
  }
  return true;
}

bool has_scheme(const std::string& src) {
  const std::size_t colon = src.find(':');
  if (colon == std::string::npos || colon < 2) return false;  // "C:" is not a scheme here
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = src[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = 0;
    if (s[i] == '%' && i + 2 < s.size()) {
      const auto [end, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && end == s.data() + i + 3) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// True when path is base itself or inside it (both normalised).
bool inside(const fs::path& path, const fs::path& base) {
  auto p = path.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++p) {
    if (b->empty()) continue;  // trailing separator
    if (p == path.end() || *p != *b) return false;
  }
  return true;
}

}  // namespace

void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out) {
  std::size_t i = 0;
  while (i < alt.size()) {
    while (i < alt.size() && alt[i] == ' ') ++i;
    std::size_t end = alt.find(' ', i);
    if (end == std::string::npos) end = alt.size();
    const std::string_view word = std::string_view(alt).substr(i, end - i);
    const std::size_t colon = word.find(':');
    if (colon == std::string_view::npos) break;
    const std::string_view key = word.substr(0, colon);
    float* target = (key == "w" || key == "width")    ? &out->width
                    : (key == "h" || key == "height") ? &out->height
                                                      : nullptr;
    if (target == nullptr) break;
    if (!parse_size(word.substr(colon + 1), target)) {
      report.warning(line, column,
                     "image size '" + std::string(word) +
                         "' is not a positive number of pixels or a percentage up to 100%");
    }
    i = end;
  }
  while (i < alt.size() && alt[i] == ' ') ++i;
  out->alt = alt.substr(i);
}

void resolve_image(const std::string& base_dir, bool check_files, int line, int column,
                   Reporter& report, Image* out) {
  const std::string& src = out->src;
  if (src.empty()) {
    report.error(line, column, "image has no path");
    return;
  }
  if (has_scheme(src)) {
    report.error(line, column,
                 "image URLs are not supported, use a file in the deck's folder: " + src);
    return;
  }
  const fs::path relative = fs::path(percent_decode(src));
  if (relative.is_absolute() || relative.has_root_name()) {
    report.error(line, column, "image path must be relative to the deck's folder: " + src);
    return;
  }
  const fs::path base = fs::path(base_dir).lexically_normal();
  const fs::path lexical = (base / relative).lexically_normal();
  if (!inside(lexical, base)) {
    report.error(line, column, "image path leaves the deck's folder: " + src);
    return;
  }
  if (!check_files) {
    out->resolved = lexical.string();
    return;
  }
  std::error_code ec;
  const fs::path real_base = fs::weakly_canonical(base, ec);
  const fs::path real = ec ? fs::path() : fs::weakly_canonical(lexical, ec);
  if (ec) {
    report.error(line, column, "image not found: " + src);
    return;
  }
  // After symlinks: a link inside the folder may still point out of it.
  if (!inside(real, real_base)) {
    report.error(line, column, "image path leaves the deck's folder: " + src);
    return;
  }
  // Regular files only (io/files.h): a FIFO would block, a device never end.
  const std::string problem = io::regular_file_problem(real.string());
  if (problem == "does not exist") {
    report.error(line, column, "image not found: " + src);
    return;
  }
  if (!problem.empty()) {
    report.error(line, column, "image " + problem + ": " + src);
    return;
  }
  // The header alone says the format and size: an image we would not decode
  // (a GIF, a bomb of 20000x20000 pixels) is refused here, before any
  // decoding, and drawn as a labelled placeholder.
  const io::ImageHeader header = io::read_image_header(real.string());
  if (header.error == "is empty") {
    report.error(line, column, "image is empty: " + src);
    return;
  }
  if (!header.ok) {
    report.warning(line, column,
                   "image '" + src + "' " + header.error + "; it is drawn as a placeholder");
    return;
  }
  out->resolved = real.string();
  out->pixel_width = header.width;
  out->pixel_height = header.height;
}

}  // namespace madang::deck
