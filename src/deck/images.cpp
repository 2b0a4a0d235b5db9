#include "deck/images.h"

#include <algorithm>
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

// The alt text's keywords into `out` (out->src set); true when the probe is
// to say whether the clip is video or sound.
bool take_alt(const std::string& alt, int line, int column, Reporter& report, Image* out) {
  ImageKeywords k = parse_image_keywords(alt, out->src);
  report_keywords(k, line, column, report);
  out->alt = std::move(k.alt);
  out->width = k.width;
  out->height = k.height;
  out->filters = std::move(k.filters);
  out->media = std::move(k.media);
  return k.kind_by_probe;
}

// What a clip is called in messages: "video 'clip.mp4' is damaged".
std::string clip_noun(const Image& image, bool kind_by_probe) {
  if (kind_by_probe) return "clip";
  return image.media.kind == MediaKind::kVideo ? "video" : "audio";
}

// A file path as written in a deck (relative to its folder, or absolute, or
// a file:// URL); false, with a warning, for another URL.
bool written_path(const std::string& src, const std::string& base_dir, const std::string& what,
                  const std::string& instead, int line, int column, Reporter& report,
                  std::string* out) {
  std::string path = src;
  if (has_scheme(src)) {
    if (src.rfind("file://", 0) != 0) {
      report.warning(line, column,
                     what + " URL '" + src + "' is not fetched (Madang uses no network)" + instead);
      return false;
    }
    path = src.substr(7);  // file:///home/x.png -> /home/x.png
  }
  // Relative to the deck's folder (leaving it with ../ is fine), or absolute.
  const fs::path written = fs::path(percent_decode(path));
  *out =
      (written.is_absolute() ? written : fs::path(base_dir) / written).lexically_normal().string();
  return true;
}

// `poster:file.png`: a picture shown in place of the clip's frame. One that
// cannot be shown is a warning; the clip's own frame is shown instead.
void resolve_poster(ImageFiles& files, int line, int column, Reporter& report, Image* out) {
  MediaOptions& m = out->media;
  m.poster_resolved.clear();
  if (m.poster.empty()) return;
  const std::string instead = "; the clip's first frame is shown instead";
  std::string path;
  if (!written_path(m.poster, files.base_dir(), "poster", instead, line, column, report, &path))
    return;
  if (!files.check_files()) {
    m.poster_resolved = path;
    return;
  }
  const ImageFiles::File& file = files.look_up(path);
  if (file.problem == "does not exist") {
    report.warning(line, column, "poster not found: " + m.poster + instead);
  } else if (!file.problem.empty()) {
    report.warning(line, column, "poster '" + m.poster + "' " + file.problem + instead);
  } else if (file.too_big) {
    report.warning(line, column,
                   "poster '" + m.poster + "' is larger than " +
                       std::to_string(io::kMaxImageFileBytes >> 20) + " MiB" + instead);
  } else if (!file.header.ok) {
    report.warning(line, column, "poster '" + m.poster + "' " + file.header.error + instead);
  } else {
    m.poster_resolved = file.real;
  }
}

// start, end and poster past the clip's length (as its header says): moved
// back into it, with a warning. A tenth of a second over is let be (the
// header's length of a clip cut at 2 s may read 1.98).
void clamp_times(const std::string& what, int line, int column, Reporter& report, Image* out) {
  MediaOptions& m = out->media;
  const double length = m.duration_s;
  if (length <= 0) return;  // the container does not say
  const std::string of =
      " of " + what + " '" + out->src + "' is past its end (" + format_clip_time(length) + ")";
  constexpr double kSlack = 0.1;
  if (m.start_s > length + kSlack || (m.start_s > 0 && m.start_s >= length)) {
    report.warning(line, column,
                   "start " + format_clip_time(m.start_s) + of + "; it plays from the beginning");
    if (!m.poster_time_given) m.poster_s = 0;
    m.start_s = 0;
  }
  if (m.end_s > length + kSlack) {
    report.warning(line, column, "end " + format_clip_time(m.end_s) + of + "; it plays to the end");
  }
  if (m.end_s > length) m.end_s = 0;  // 0: to the end
  if (m.poster_time_given && m.poster_s > length + kSlack) {
    report.warning(
        line, column,
        "poster " + format_clip_time(m.poster_s) + of + "; the frame it starts at is the poster");
    m.poster_time_given = false;
    m.poster_s = m.start_s;
  } else if (m.poster_s > length) {
    m.poster_s = std::max(0.0, length - 0.001);
  }
}

bool resolve_clip(ImageFiles& files, int line, int column, Reporter& report, Image* out,
                  ImagePlace place, bool kind_by_probe) {
  const std::string& src = out->src;
  const std::string what = clip_noun(*out, kind_by_probe);
  if (place == ImagePlace::kLine) {
    report.warning(line, column,
                   what + " '" + src + "' cannot play in a header or footer; it is left out");
    return false;
  }
  const std::string instead = place == ImagePlace::kBackground ? "; the background is left out"
                                                               : "; it is drawn as a placeholder";
  resolve_poster(files, line, column, report, out);
  if (src.empty()) {
    report.warning(line, column, what + " has no path" + instead);
    return false;
  }
  std::string path;
  if (!written_path(src, files.base_dir(), what, instead, line, column, report, &path))
    return false;
  if (!files.check_files()) {
    out->resolved = path;
    return true;
  }
  // Whatever is wrong with the file, the deck opens: a warning and a
  // placeholder, never an error (a clip is one thing on a slide).
  const ImageFiles::File* file = files.look_up_clip(path);
  if (file == nullptr) {
    report.warning(line, column,
                   what + " '" + src + "' is not read: a deck reads at most " +
                       std::to_string(kMaxProbedClips) + " clips" + instead);
    return false;
  }
  if (!file->problem.empty()) {
    report.warning(line, column, what + " '" + src + "' " + file->problem + instead);
    return false;
  }
  if (!file->clip.ok()) {
    report.warning(line, column, what + " '" + src + "' " + file->clip.problem + instead);
    return false;
  }
  const media::ClipInfo& info = file->clip.info;
  MediaOptions& m = out->media;
  if (kind_by_probe) {
    m.kind = info.has_video ? MediaKind::kVideo : MediaKind::kAudio;
  } else if (m.kind == MediaKind::kVideo && !info.has_video) {
    report.warning(line, column, "video '" + src + "' has no picture; it is played as sound");
    m.kind = MediaKind::kAudio;
  }
  m.duration_s = info.duration_s;
  m.has_video = info.has_video;
  m.has_audio = info.has_audio;
  m.codec = media::describe(info);
  clamp_times(m.kind == MediaKind::kVideo ? "video" : "audio", line, column, report, out);
  out->resolved = file->real;
  if (m.kind == MediaKind::kVideo) {
    // Layout sizes the clip from these, as an image's, and never opens it.
    out->pixel_width = info.width;
    out->pixel_height = info.height;
  }
  return true;
}

bool resolve(ImageFiles& files, int line, int column, Reporter& report, Image* out,
             ImagePlace place, bool kind_by_probe);

}  // namespace

void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out) {
  take_alt(alt, line, column, report, out);
}

bool read_image(const std::string& alt, ImageFiles& files, int line, int column, Reporter& report,
                Image* out) {
  const bool kind_by_probe = take_alt(alt, line, column, report, out);
  return resolve(files, line, column, report, out, ImagePlace::kBlock, kind_by_probe);
}

bool read_background_image(const std::string& alt, const std::string& src, ImageFiles& files,
                           int line, int column, Reporter& report, SlideBackground* out) {
  ImageKeywords k = parse_image_keywords(alt, src);
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
  bg.image.media = std::move(k.media);  // `![bg video loop muted](clip.mp4)`: a moving background
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
  if (resolve(files, line, column, report, &bg.image, ImagePlace::kBackground, k.kind_by_probe)) {
    out->images.push_back(std::move(bg));
  }
  return true;
}

ImageFiles::File& ImageFiles::find(const std::string& path) {
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
  return file;
}

const ImageFiles::File& ImageFiles::look_up(const std::string& path) {
  File& file = find(path);
  if (file.header_read || !file.problem.empty() || file.too_big) return file;
  // The header alone says the format and size: an image we would not decode
  // (a GIF, a bomb of 20000x20000 pixels) is known before any decoding.
  file.header = io::read_image_header(file.real);
  file.header_read = true;
  return file;
}

const ImageFiles::File* ImageFiles::look_up_clip(const std::string& path) {
  File& file = find(path);
  // A clip may be far larger than a picture: its own caps are the probe's
  // (media/probe.h), too_big says nothing here.
  if (file.probed || !file.problem.empty()) return &file;
  if (clips_probed_ >= kMaxProbedClips) return nullptr;
  ++clips_probed_;
  file.clip = media::probe_clip(file.real);
  file.probed = true;
  return &file;
}

bool resolve_image(ImageFiles& files, int line, int column, Reporter& report, Image* out,
                   ImagePlace place) {
  return resolve(files, line, column, report, out, place, false);
}

namespace {

bool resolve(ImageFiles& files, int line, int column, Reporter& report, Image* out,
             ImagePlace place, bool kind_by_probe) {
  if (out->is_clip()) return resolve_clip(files, line, column, report, out, place, kind_by_probe);
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
  std::string lexical;
  if (!written_path(src, files.base_dir(), "image", instead, line, column, report, &lexical))
    return false;
  if (!files.check_files()) {
    out->resolved = lexical;
    return true;
  }
  const ImageFiles::File& file = files.look_up(lexical);
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

}  // namespace

}  // namespace madang::deck
