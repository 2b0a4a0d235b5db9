#include "deck/image_keywords.h"

#include "deck/limits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace madang::deck {

namespace {

// A plain decimal number ("12", "0.5", ".5"); no sign, no exponent.
bool parse_number(std::string_view s, float* out) {
  if (s.empty() || s.size() > 16) return false;
  if (s.front() == '+') s.remove_prefix(1);
  std::string text(s);
  if (!text.empty() && text.front() == '.') text.insert(text.begin(), '0');
  float v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(v >= 0)) {
    return false;
  }
  *out = v;
  return true;
}

// "50%" -> 0.5, "1.5" -> 1.5 (a number or a percentage).
bool parse_amount(std::string_view s, float* out) {
  if (s.ends_with("%")) {
    float v = 0;
    if (!parse_number(s.substr(0, s.size() - 1), &v)) return false;
    *out = v / 100.0f;
    return true;
  }
  return parse_number(s, out);
}

struct FilterSpec {
  const char* name;
  FilterKind kind;
  const char* fallback;  // Marp's value when none is given
};
constexpr FilterSpec kFilters[] = {
    {"blur", FilterKind::kBlur, "10px"},
    {"brightness", FilterKind::kBrightness, "1.5"},
    {"contrast", FilterKind::kContrast, "200%"},
    {"drop-shadow", FilterKind::kDropShadow, "0,5px,10px,rgba(0,0,0,.4)"},
    {"grayscale", FilterKind::kGrayscale, "1"},
    {"hue-rotate", FilterKind::kHueRotate, "180deg"},
    {"invert", FilterKind::kInvert, "100%"},
    {"opacity", FilterKind::kOpacity, ".5"},
    {"saturate", FilterKind::kSaturate, "2.0"},
    {"sepia", FilterKind::kSepia, "1.0"},
};

// The filter's amount from its value; false when the value is not one.
bool filter_amount(FilterKind kind, std::string_view value, float* out) {
  switch (kind) {
    case FilterKind::kBlur: {
      float px = 0;
      if (!parse_css_length(value, &px) || px < 0) return false;
      *out = px;
      return true;
    }
    case FilterKind::kHueRotate: {
      std::string_view v = value;
      if (v.ends_with("deg")) v.remove_suffix(3);
      return parse_number(v, out);
    }
    case FilterKind::kDropShadow:
      *out = 1;
      return !value.empty();
    case FilterKind::kGrayscale:
    case FilterKind::kInvert:
    case FilterKind::kOpacity:
    case FilterKind::kSepia:
      if (!parse_amount(value, out)) return false;
      *out = std::min(*out, 1.0f);  // CSS clamps these at 100%
      return true;
    default:
      return parse_amount(value, out);
  }
}

bool is_split_share(std::string_view s, float* share) {
  if (!s.ends_with("%")) return false;
  float v = 0;
  if (!parse_number(s.substr(0, s.size() - 1), &v) || v <= 0 || v >= 100) return false;
  *share = v / 100.0f;
  return true;
}

std::vector<std::string_view> words_of(std::string_view alt) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < alt.size()) {
    while (i < alt.size() && (alt[i] == ' ' || alt[i] == '\t')) ++i;
    std::size_t end = alt.find_first_of(" \t", i);
    if (end == std::string_view::npos) end = alt.size();
    if (end > i) out.push_back(alt.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The path's extension, lower case, without the dot ("" when none).
std::string extension_of(std::string_view src) {
  const std::size_t slash = src.find_last_of('/');
  const std::size_t dot = src.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return lower(src.substr(dot + 1));
}

// Pictures keep `video`/`audio` as alt text ("![video still](still.png)").
bool picture_extension(std::string_view src) {
  const std::string ext = extension_of(src);
  for (const char* e :
       {"png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "avif", "tif", "tiff", "ico", "heic"}) {
    if (ext == e) return true;
  }
  return false;
}

// Longer than a clip may be (media::kMaxDurationS is 6 h): a time past this
// is a typing slip, not a place in a clip.
constexpr double kMaxClipTime = 100 * 3600.0;

// Digits and at most one '.' ("12", "5.25"); no sign.
bool parse_seconds_part(std::string_view s, double* out) {
  if (s.empty() || s.size() > 12 || s.front() == '.' || s.back() == '.') return false;
  if (std::count(s.begin(), s.end(), '.') > 1) return false;
  for (char c : s) {
    if ((c < '0' || c > '9') && c != '.') return false;
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  *out = v;
  return true;
}

bool digits_only(std::string_view s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The clip words with a value (`start:1:20`) and without (`loop`).
enum class ClipWord {
  kNone,
  kKind,
  kAutoplay,
  kLoop,
  kMuted,
  kControls,
  kStart,
  kEnd,
  kPoster,
  kVolume
};

ClipWord clip_word(std::string_view word, std::string_view key, bool has_value) {
  if (!has_value) {
    if (word == "video" || word == "audio") return ClipWord::kKind;
    if (word == "autoplay") return ClipWord::kAutoplay;
    if (word == "loop") return ClipWord::kLoop;
    if (word == "muted") return ClipWord::kMuted;
    if (word == "controls") return ClipWord::kControls;
    return ClipWord::kNone;
  }
  if (key == "start") return ClipWord::kStart;
  if (key == "end") return ClipWord::kEnd;
  if (key == "poster") return ClipWord::kPoster;
  if (key == "volume") return ClipWord::kVolume;
  return ClipWord::kNone;
}

constexpr const char* kClipTimeForms = "a time like 1:20, 1:02:03, 80s or 1.5s";

// A clip word's value into k->media, or a problem when it is bad (the word
// is then as if not written).
void read_clip_word(ClipWord w, std::string_view word, std::string_view value, ImageKeywords* k,
                    std::string* start_word, std::string* end_word) {
  MediaOptions& m = k->media;
  const std::string quoted = "'" + std::string(word) + "'";
  switch (w) {
    case ClipWord::kAutoplay:
      m.autoplay = true;
      break;
    case ClipWord::kLoop:
      m.loop = true;
      break;
    case ClipWord::kMuted:
      m.muted = true;
      break;
    case ClipWord::kControls:  // the browser's player bar: ours is always there
    case ClipWord::kKind:
    case ClipWord::kNone:
      break;
    case ClipWord::kStart:
    case ClipWord::kEnd: {
      const bool start = w == ClipWord::kStart;
      double t = 0;
      if (!parse_clip_time(value, &t)) {
        k->problems.push_back(std::string("clip ") + (start ? "start " : "end ") + quoted +
                              " is not " + kClipTimeForms);
        break;
      }
      (start ? m.start_s : m.end_s) = t;
      *(start ? start_word : end_word) = std::string(word);
      break;
    }
    case ClipWord::kPoster: {
      // A time, or else a picture's path: a value of digits, ':' and '.'
      // alone was meant as a time.
      const bool time_like = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == 's';
      });
      double t = 0;
      if (time_like && parse_clip_time(value, &t)) {
        m.poster_s = t;
        m.poster_time_given = true;
        m.poster.clear();
      } else if (time_like || value.empty()) {
        k->problems.push_back("clip poster " + quoted + " is not " + kClipTimeForms +
                              " or a picture's path");
      } else {
        m.poster = std::string(value);
        m.poster_time_given = false;
      }
      break;
    }
    case ClipWord::kVolume: {
      float v = 0;
      if (!value.ends_with("%") || !parse_number(value.substr(0, value.size() - 1), &v) ||
          v > 100) {
        k->problems.push_back("clip volume " + quoted + " is not a share from 0% to 100%, like " +
                              "volume:50%");
        break;
      }
      m.volume = v / 100.0f;
      break;
    }
  }
}

}  // namespace

MediaKind clip_kind_of(std::string_view src, bool* by_probe) {
  if (by_probe != nullptr) *by_probe = false;
  const std::string ext = extension_of(src);
  for (const char* e : {"mp4", "m4v", "mov", "webm", "mkv", "ogv", "avi"}) {
    if (ext == e) return MediaKind::kVideo;
  }
  for (const char* e : {"mp3", "m4a", "aac", "oga", "opus", "wav", "flac"}) {
    if (ext == e) return MediaKind::kAudio;
  }
  if (ext == "ogg") {
    // Ogg holds Vorbis sound mostly, Theora video sometimes: until the probe
    // looks, it is sound.
    if (by_probe != nullptr) *by_probe = true;
    return MediaKind::kAudio;
  }
  return MediaKind::kNone;
}

bool parse_clip_time(std::string_view s, double* seconds) {
  if (s.empty() || s.size() > 16) return false;
  double v = 0;
  if (s.find(':') == std::string_view::npos) {
    if (s.back() == 's') s.remove_suffix(1);
    if (!parse_seconds_part(s, &v)) return false;
  } else {
    // m:ss or h:mm:ss; the seconds may have a fraction ("1:20.5").
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
      const std::size_t colon = s.find(':', from);
      parts.push_back(
          s.substr(from, colon == std::string_view::npos ? s.size() - from : colon - from));
      if (colon == std::string_view::npos) break;
      from = colon + 1;
    }
    if (parts.size() > 3) return false;
    double secs = 0;
    if (!parse_seconds_part(parts.back(), &secs) || secs >= 60 || parts.back().find('.') == 1 ||
        parts.back().size() < 2) {
      return false;  // "1:5" is not m:ss
    }
    if (!digits_only(parts.front(), 4)) return false;
    double mins = 0, hours = 0;
    if (parts.size() == 3) {
      if (!digits_only(parts[1], 2) || parts[1].size() != 2) return false;
      hours = std::stod(std::string(parts[0]));
      mins = std::stod(std::string(parts[1]));
      if (mins >= 60) return false;
    } else {
      mins = std::stod(std::string(parts[0]));
    }
    v = hours * 3600 + mins * 60 + secs;
  }
  if (!(v >= 0) || v > kMaxClipTime) return false;
  *seconds = v;
  return true;
}

std::string format_clip_time(double seconds) {
  if (!(seconds >= 0)) seconds = 0;
  const double tenths = std::round(seconds * 10);
  const long long whole = static_cast<long long>(tenths) / 10;
  const int fraction = static_cast<int>(static_cast<long long>(tenths) % 10);
  char buf[48];
  const long long h = whole / 3600, m = whole / 60 % 60, sec = whole % 60;
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", h, m, sec);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", m, sec);
  }
  std::string out = buf;
  if (fraction != 0) out += "." + std::to_string(fraction);
  return out;
}

bool parse_css_length(std::string_view s, float* out) {
  *out = 0;
  if (s == "auto") return true;
  struct Unit {
    const char* suffix;
    float px;
  };
  // Longest suffixes first ("rem" before "em").
  constexpr Unit kUnits[] = {{"rem", 16},
                             {"px", 1},
                             {"em", 16},
                             {"pt", 96.0f / 72},
                             {"pc", 16},
                             {"in", 96},
                             {"cm", 96.0f / 2.54f},
                             {"mm", 96.0f / 25.4f},
                             {"Q", 96.0f / 101.6f}};
  if (s.ends_with("%")) {
    float v = 0;
    if (!parse_number(s.substr(0, s.size() - 1), &v) || v <= 0 || v > 100) return false;
    *out = -v / 100.0f;
    return true;
  }
  float scale = 1;
  for (const Unit& u : kUnits) {
    if (s.ends_with(u.suffix)) {
      s.remove_suffix(std::char_traits<char>::length(u.suffix));
      scale = u.px;
      break;
    }
  }
  float v = 0;
  if (!parse_number(s, &v) || v <= 0 || v * scale > 100000) return false;
  *out = v * scale;
  return true;
}

const char* filter_name(FilterKind kind) {
  for (const FilterSpec& f : kFilters) {
    if (f.kind == kind) return f.name;
  }
  return "";
}

bool filter_drawn(FilterKind kind) {
  return kind != FilterKind::kDropShadow;  // render/image_filter.h draws the others
}

ImageKeywords parse_image_keywords(std::string_view alt, std::string_view src) {
  ImageKeywords k;
  const std::vector<std::string_view> words = words_of(alt);
  k.bg = std::find(words.begin(), words.end(), "bg") != words.end();
  // A clip by its words (the last of `video` and `audio`), else by its
  // extension; next to a picture's path the two words are alt text.
  const bool picture = picture_extension(src);
  k.media.kind = clip_kind_of(src, &k.kind_by_probe);
  for (const std::string_view word : words) {
    if (picture || (word != "video" && word != "audio")) continue;
    k.media.kind = word == "video" ? MediaKind::kVideo : MediaKind::kAudio;
    k.kind_by_probe = false;
  }
  const bool clip = k.media.kind != MediaKind::kNone;
  std::string start_word, end_word;  // as written, for messages
  std::string rest;
  bool filters_cut = false;  // past limits::kMaxImageFilters
  for (const std::string_view word : words) {
    const std::size_t colon = word.find(':');
    const std::string_view key = word.substr(0, colon);
    const std::string_view value =
        colon == std::string_view::npos ? std::string_view() : word.substr(colon + 1);
    const ClipWord cw = clip_word(word, key, colon != std::string_view::npos);
    bool taken = true;
    if (word == "bg") {
    } else if (cw == ClipWord::kKind && picture) {
      taken = false;
    } else if (cw != ClipWord::kNone && !clip) {
      k.problems.push_back(
          "'" + std::string(word) + "' is for video and sound; " +
          (src.empty() ? std::string("this image") : "'" + std::string(src) + "'") +
          " is a picture");
    } else if (cw != ClipWord::kNone) {
      read_clip_word(cw, word, value, &k, &start_word, &end_word);
    } else if (key == "w" || key == "h" || key == "width" || key == "height") {
      float* target = (key == "w" || key == "width") ? &k.width : &k.height;
      if (colon == std::string_view::npos || !parse_css_length(value, target)) {
        k.problems.push_back("image size '" + std::string(word) +
                             "' is not a length (800px, 50%, 12cm, 3in, 24pt, 2em) or auto");
      }
    } else if (const auto f = std::find_if(std::begin(kFilters), std::end(kFilters),
                                           [&](const FilterSpec& s) { return key == s.name; });
               f != std::end(kFilters)) {
      ImageFilter filter{f->kind, 1};
      const std::string_view given = colon == std::string_view::npos ? f->fallback : value;
      if (!filter_amount(f->kind, given, &filter.amount)) {
        k.problems.push_back("image filter '" + std::string(word) + "' has a value " +
                             std::string(f->name) + " does not take");
      } else if (k.filters.size() < limits::kMaxImageFilters) {
        k.filters.push_back(filter);
      } else if (!filters_cut) {
        filters_cut = true;  // said once, at the first one left out
        k.problems.push_back("image filter '" + std::string(word) + "' is past the " +
                             std::to_string(limits::kMaxImageFilters) +
                             " filters an image takes; it and those after it are left out");
      }
    } else if (!k.bg) {
      taken = false;  // background words mean nothing on an inline image
    } else if (word == "cover" && colon == std::string_view::npos) {
      k.fit = BackgroundFit::kCover;
    } else if (word == "contain" || word == "fit") {
      k.fit = BackgroundFit::kContain;
    } else if (word == "auto") {
      k.fit = BackgroundFit::kAuto;
    } else if (word == "vertical" || word == "horizontal") {
      k.vertical = word == "vertical";
    } else if (key == "left" || key == "right") {
      k.split = key == "left" ? BackgroundSplit::kLeft : BackgroundSplit::kRight;
      k.split_share = 0.5f;
      if (colon != std::string_view::npos && !is_split_share(value, &k.split_share)) {
        k.problems.push_back("split background '" + std::string(word) +
                             "' needs a share between 0% and 100%, like " + std::string(key) +
                             ":40%");
      }
    } else if (float v = 0; word.ends_with("%") && parse_amount(word, &v) && v > 0) {
      k.fit = BackgroundFit::kScale;
      k.scale = v;
    } else {
      taken = false;
    }
    if (taken) continue;
    if (!rest.empty()) rest += ' ';
    rest += word;
  }
  k.alt = std::move(rest);
  if (!end_word.empty() && k.media.end_s <= k.media.start_s) {
    k.problems.push_back(
        "clip end '" + end_word + "' is not after its start" +
        (start_word.empty() ? std::string(" (the beginning)") : " '" + start_word + "'") +
        "; the end is ignored");
    k.media.end_s = 0;
  }
  if (!k.media.poster_time_given) k.media.poster_s = k.media.start_s;
  if (!clip) k.media = MediaOptions{};
  return k;
}

}  // namespace madang::deck
