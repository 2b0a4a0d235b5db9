#include "deck/image_keywords.h"

#include <algorithm>
#include <charconv>

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

}  // namespace

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

ImageKeywords parse_image_keywords(std::string_view alt) {
  ImageKeywords k;
  const std::vector<std::string_view> words = words_of(alt);
  k.bg = std::find(words.begin(), words.end(), "bg") != words.end();
  std::string rest;
  for (const std::string_view word : words) {
    const std::size_t colon = word.find(':');
    const std::string_view key = word.substr(0, colon);
    const std::string_view value =
        colon == std::string_view::npos ? std::string_view() : word.substr(colon + 1);
    bool taken = true;
    if (word == "bg") {
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
      if (filter_amount(f->kind, given, &filter.amount)) {
        k.filters.push_back(filter);
      } else {
        k.problems.push_back("image filter '" + std::string(word) + "' has a value " +
                             std::string(f->name) + " does not take");
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
  return k;
}

}  // namespace madang::deck
