#include "deck/images.h"

#include <charconv>
#include <filesystem>

#include "deck/image_keywords.h"
#include "io/files.h"
#include "io/image_header.h"

namespace madang::deck {

namespace fs = std::filesystem;

namespace {

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

void report_keywords(const ImageKeywords& k, int line, int column, Reporter& report) {
  for (const std::string& problem : k.problems) report.warning(line, column, problem);
  for (const ImageFilter& f : k.filters) {
    if (filter_drawn(f.kind)) continue;
    // One message per filter: repeats fold into one line with the first place.
    report.warning(line, column,
                   std::string("image filter '") + filter_name(f.kind) +
                       "' is not drawn; the image is shown without it");
  }
}

}  // namespace

void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out) {
  ImageKeywords k = parse_image_keywords(alt);
  report_keywords(k, line, column, report);
  out->alt = std::move(k.alt);
  out->width = k.width;
  out->height = k.height;
  out->filters = std::move(k.filters);
}

bool read_background_image(const std::string& alt, const std::string& src, ImageFiles& files,
                           int line, int column, Reporter& report, SlideBackground* out) {
  ImageKeywords k = parse_image_keywords(alt);
  if (!k.bg) return false;
  report_keywords(k, line, column, report);
  BackgroundImage bg;
  bg.line = line;
  bg.column = column;
  bg.fit = (k.width != 0 || k.height != 0) ? BackgroundFit::kSized : k.fit;
  bg.scale = k.scale;
  bg.image.src = src;
  bg.image.alt = std::move(k.alt);
  bg.image.width = k.width;
  bg.image.height = k.height;
  bg.image.filters = std::move(k.filters);
  // Marp: the last `left`/`right` on the slide wins; `vertical` on any image
  // stacks them all.
  if (k.split != BackgroundSplit::kNone) {
    out->split = k.split;
    out->split_share = k.split_share;
  }
  out->vertical = out->vertical || k.vertical;
  if (out->images.size() >= kMaxBackgroundImages) {
    report.warning(line, column,
                   "a slide shows at most " + std::to_string(kMaxBackgroundImages) +
                       " background images; this one is left out");
    return true;
  }
  if (resolve_image(files, line, column, report, &bg.image, ImagePlace::kBackground)) {
    out->images.push_back(std::move(bg));
  }
  return true;
}

const ImageFiles::File& ImageFiles::look_up(const std::string& path) {
  const auto [it, fresh] = files_.try_emplace(path);
  File& file = it->second;
  if (!fresh) return file;
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(path, ec);
  file.real = real.string();
  // Regular files only (io/files.h): a FIFO would block, a device never end.
  file.problem = ec ? "does not exist" : io::regular_file_problem(file.real);
  if (!file.problem.empty()) return file;
  const std::uintmax_t bytes = fs::file_size(real, ec);
  file.too_big = !ec && bytes > io::kMaxImageFileBytes;
  // The header alone says the format and size: an image we would not decode
  // (a GIF, a bomb of 20000x20000 pixels) is known before any decoding.
  if (!file.too_big) file.header = io::read_image_header(file.real);
  return file;
}

bool resolve_image(ImageFiles& files, int line, int column, Reporter& report, Image* out,
                   ImagePlace place) {
  const std::string& src = out->src;
  // What happens to an image that cannot be shown: the deck still opens.
  const std::string instead = place == ImagePlace::kBackground ? "; the background is left out"
                              : place == ImagePlace::kLine
                                  ? "; it is left out of the header or footer"
                                  : "; it is drawn as a placeholder";
  if (src.empty()) {
    report.warning(line, column, "image has no path" + instead);
    return false;
  }
  std::string path = src;
  if (has_scheme(src)) {
    if (src.rfind("file://", 0) != 0) {
      report.warning(line, column,
                     "image URL '" + src + "' is not fetched (Madang uses no network)" + instead);
      return false;
    }
    path = src.substr(7);  // file:///home/x.png -> /home/x.png
  }
  // Relative to the deck's folder (leaving it with ../ is fine), or absolute.
  const fs::path written = fs::path(percent_decode(path));
  const fs::path lexical =
      (written.is_absolute() ? written : fs::path(files.base_dir()) / written).lexically_normal();
  if (!files.check_files()) {
    out->resolved = lexical.string();
    return true;
  }
  const ImageFiles::File& file = files.look_up(lexical.string());
  if (file.problem == "does not exist") {
    report.warning(line, column, "image not found: " + src + instead);
    return false;
  }
  if (!file.problem.empty()) {
    report.error(line, column, "image " + file.problem + ": " + src);
    return false;
  }
  if (file.too_big) {
    report.error(
        line, column,
        "image is larger than " + std::to_string(io::kMaxImageFileBytes >> 20) + " MiB: " + src);
    return false;
  }
  // An image whose header says it cannot be shown is a warning, not an error.
  if (!file.header.ok) {
    report.warning(line, column, "image '" + src + "' " + file.header.error + instead);
    return false;
  }
  // Layout sizes the image from these and never opens the file.
  out->resolved = file.real;
  out->pixel_width = file.header.width;
  out->pixel_height = file.header.height;
  return true;
}

}  // namespace madang::deck
