#include "deck/background_directives.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "deck/image_keywords.h"
#include "deck/images.h"

namespace madang::deck {

namespace {

constexpr const char* kKeys[] = {"backgroundColor", "backgroundImage", "backgroundSize",
                                 "backgroundPosition", "color"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = trim(s.substr(1, s.size() - 2));
  }
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The CSS names people write in decks (a subset of CSS's 148).
struct Named {
  const char* name;
  std::uint32_t rgba;
};
constexpr Named kNamed[] = {
    {"black", 0x000000ff},       {"white", 0xffffffff},       {"red", 0xff0000ff},
    {"green", 0x008000ff},       {"blue", 0x0000ffff},        {"yellow", 0xffff00ff},
    {"orange", 0xffa500ff},      {"purple", 0x800080ff},      {"gray", 0x808080ff},
    {"grey", 0x808080ff},        {"silver", 0xc0c0c0ff},      {"maroon", 0x800000ff},
    {"navy", 0x000080ff},        {"teal", 0x008080ff},        {"olive", 0x808000ff},
    {"lime", 0x00ff00ff},        {"aqua", 0x00ffffff},        {"cyan", 0x00ffffff},
    {"fuchsia", 0xff00ffff},     {"magenta", 0xff00ffff},     {"pink", 0xffc0cbff},
    {"brown", 0xa52a2aff},       {"gold", 0xffd700ff},        {"beige", 0xf5f5dcff},
    {"ivory", 0xfffff0ff},       {"crimson", 0xdc143cff},     {"indigo", 0x4b0082ff},
    {"coral", 0xff7f50ff},       {"salmon", 0xfa8072ff},      {"tomato", 0xff6347ff},
    {"skyblue", 0x87ceebff},     {"steelblue", 0x4682b4ff},   {"tan", 0xd2b48cff},
    {"orchid", 0xda70d6ff},      {"khaki", 0xf0e68cff},       {"lavender", 0xe6e6faff},
    {"whitesmoke", 0xf5f5f5ff},  {"lightgray", 0xd3d3d3ff},   {"lightgrey", 0xd3d3d3ff},
    {"darkgray", 0xa9a9a9ff},    {"darkgrey", 0xa9a9a9ff},    {"dimgray", 0x696969ff},
    {"darkblue", 0x00008bff},    {"darkred", 0x8b0000ff},     {"darkgreen", 0x006400ff},
    {"lightblue", 0xadd8e6ff},   {"lightyellow", 0xffffe0ff}, {"midnightblue", 0x191970ff},
    {"transparent", 0x00000000},
};

// "255", "50%", "0.5" (alpha) -> 0..255.
bool channel(std::string_view s, bool alpha, std::uint32_t* out) {
  s = trim(s);
  const bool percent = !s.empty() && s.back() == '%';
  if (percent) s.remove_suffix(1);
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0) return false;
  const float unit = percent ? v / 100.0f : alpha ? v : v / 255.0f;
  *out = static_cast<std::uint32_t>(std::lround(std::clamp(unit, 0.0f, 1.0f) * 255.0f));
  return true;
}

// A background-position word or percentage as a fraction; `horizontal` says
// which axis a word belongs to (-1: either, for "center").
bool position_part(std::string_view s, float* out, int* axis) {
  if (s == "left" || s == "top")
    *out = 0;
  else if (s == "right" || s == "bottom")
    *out = 1;
  else if (s == "center")
    *out = 0.5f;
  else {
    float v = 0;
    if (!s.empty() && s.back() == '%' && parse_css_length(s, &v) && v < 0) {
      *out = -v;
      *axis = -1;
      return true;
    }
    if (s == "0" || s == "0%") {
      *out = 0;
      *axis = -1;
      return true;
    }
    return false;
  }
  *axis = (s == "left" || s == "right") ? 0 : (s == "top" || s == "bottom") ? 1 : -1;
  return true;
}

// What one setting means, read once where it was written.
struct Value {
  bool ok = false;
  bool none = false;  // backgroundImage: none
  std::uint32_t color = 0;
  BackgroundImage image;
  BackgroundFit fit = BackgroundFit::kCover;
  float scale = 1, width = 0, height = 0;
  float x = 0.5f, y = 0.5f;
};

Value read_value(const StyleSetting& s, ImageFiles& images, Reporter& report) {
  Value v;
  const std::string_view text = unquote(s.value);
  const std::string name = (s.spot ? "_" : "") + s.key;
  if (text.empty()) {  // `backgroundColor:` with nothing after it: Marp ignores it
    report.warning(s.line, s.column, "directive '" + name + "' has no value; it is ignored");
    return v;
  }
  if (s.key == "backgroundColor" || s.key == "color") {
    v.ok = parse_css_color(text, &v.color);
    if (!v.ok) {
      report.warning(s.line, s.column,
                     "'" + std::string(text) + "' is not a colour " + name +
                         " takes (#rrggbb, #rgb, rgb(…) or a CSS name like navy)");
    }
  } else if (s.key == "backgroundImage") {
    if (text == "none") {
      v.ok = v.none = true;
      return v;
    }
    if (text.rfind("url(", 0) != 0 || text.back() != ')') {
      report.warning(s.line, s.column,
                     name + " is drawn only as url(…): gradients and other CSS images are not");
      return v;
    }
    std::string_view inner = unquote(text.substr(4, text.size() - 5));
    v.image.image.src = std::string(inner);
    v.image.line = s.line;
    v.image.column = s.column;
    v.ok = resolve_image(images, s.line, s.column, report, &v.image.image, ImagePlace::kBackground);
  } else if (s.key == "backgroundSize") {
    const std::string t = lower(text);
    if (t == "cover" || t == "contain" || t == "auto") {
      v.fit = t == "cover"     ? BackgroundFit::kCover
              : t == "contain" ? BackgroundFit::kContain
                               : BackgroundFit::kAuto;
      v.ok = true;
    } else {
      const std::size_t sp = t.find(' ');
      const std::string first = t.substr(0, sp);
      const std::string second = sp == std::string::npos ? "auto" : std::string(trim(t.substr(sp)));
      v.ok = parse_css_length(first, &v.width) && parse_css_length(second, &v.height) &&
             (v.width != 0 || v.height != 0);
      v.fit = BackgroundFit::kSized;
      if (v.ok && v.width < 0 && v.height == 0) {  // "150%": Marp's scale
        v.fit = BackgroundFit::kScale;
        v.scale = -v.width;
      }
      if (!v.ok) {
        report.warning(s.line, s.column,
                       "'" + std::string(text) + "' is not a size " + name +
                           " takes (cover, contain, auto, a percentage or lengths)");
      }
    }
  } else if (s.key == "backgroundPosition") {
    const std::string t = lower(text);
    const std::size_t sp = t.find(' ');
    float a = 0.5f, b = 0.5f;
    int axis_a = -1, axis_b = -1;
    v.ok = position_part(t.substr(0, sp), &a, &axis_a) &&
           (sp == std::string::npos || position_part(trim(t.substr(sp)), &b, &axis_b));
    if (v.ok) {
      // "top left" names the vertical first; "left" alone centres the other axis.
      if (axis_a == 1 || axis_b == 0) std::swap(a, b);
      v.x = a;
      v.y = b;
    } else {
      report.warning(s.line, s.column,
                     "'" + std::string(text) + "' is not a position " + name +
                         " takes (center, top, left, right, bottom or percentages)");
    }
  }
  return v;
}

using Settings = std::map<std::string, Value>;

void apply_settings(const Settings& on, SlideBackground* bg) {
  const auto get = [&](const char* key) -> const Value* {
    auto it = on.find(key);
    return it != on.end() && it->second.ok ? &it->second : nullptr;
  };
  if (const Value* c = get("backgroundColor")) {
    bg->has_color = true;
    bg->color = c->color;
  }
  if (const Value* c = get("color")) {
    bg->has_text_color = true;
    bg->text_color = c->color;
  }
  const Value* image = get("backgroundImage");
  if (image == nullptr || image->none) return;
  BackgroundImage drawn = image->image;
  if (const Value* size = get("backgroundSize")) {
    drawn.fit = size->fit;
    drawn.scale = size->scale;
    drawn.image.width = size->width;
    drawn.image.height = size->height;
  }
  if (const Value* pos = get("backgroundPosition")) {
    drawn.position_x = pos->x;
    drawn.position_y = pos->y;
  }
  bg->directive_images.push_back(std::move(drawn));
}

}  // namespace

bool parse_css_color(std::string_view text, std::uint32_t* out) {
  const std::string t = lower(trim(text));
  if (!t.empty() && t[0] == '#') {
    const std::string_view h = std::string_view(t).substr(1);
    for (char c : h)
      if (hex_digit(c) < 0) return false;
    std::uint32_t v = 0;
    if (h.size() == 3 || h.size() == 4) {
      for (char c : h) v = v << 8 | static_cast<std::uint32_t>(hex_digit(c) * 17);
      *out = h.size() == 3 ? v << 8 | 0xff : v;
      return true;
    }
    if (h.size() == 6 || h.size() == 8) {
      for (char c : h) v = v << 4 | static_cast<std::uint32_t>(hex_digit(c));
      *out = h.size() == 6 ? v << 8 | 0xff : v;
      return true;
    }
    return false;
  }
  if ((t.rfind("rgb(", 0) == 0 || t.rfind("rgba(", 0) == 0) && t.back() == ')') {
    std::string_view inner = std::string_view(t).substr(t.find('(') + 1);
    inner.remove_suffix(1);
    std::vector<std::string_view> parts;
    for (std::size_t i = 0; i <= inner.size();) {
      std::size_t end = inner.find_first_of(",/ ", i);
      if (end == std::string_view::npos) end = inner.size();
      if (end > i) parts.push_back(inner.substr(i, end - i));
      i = end + 1;
    }
    if (parts.size() != 3 && parts.size() != 4) return false;
    std::uint32_t c[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!channel(parts[i], i == 3, &c[i])) return false;
    }
    *out = c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
    return true;
  }
  for (const Named& n : kNamed) {
    if (t == n.name) {
      *out = n.rgba;
      return true;
    }
  }
  return false;
}

bool take_style_directive(const std::string& name, const std::string& value, bool has_value,
                          int line, int column, Reporter& report, std::vector<StyleSetting>* out) {
  const bool spot = !name.empty() && name[0] == '_';
  const std::string key = spot ? name.substr(1) : name;
  if (key == "backgroundRepeat") {
    // A background is drawn once, as `no-repeat` would have it; the same
    // words at every place fold into one warning with the first place.
    if (unquote(value) != "no-repeat") {
      report.warning(line, column,
                     "backgroundRepeat has no effect: a background image is drawn once "
                     "(no-repeat)");
    }
    return true;
  }
  if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; })) {
    return false;
  }
  // Checked with the others, in the order written (read_value).
  out->push_back(StyleSetting{key, has_value ? value : std::string(), spot, line, column});
  return true;
}

void apply_style_settings(Deck& deck, ImageFiles& images, Reporter& report) {
  Settings local;
  const auto read = [&](const std::vector<StyleSetting>& settings, Settings* spot) {
    for (const StyleSetting& s : settings) {
      Value v = read_value(s, images, report);
      (s.spot ? *spot : local)[s.key] = std::move(v);
    }
  };
  Settings first_spot;  // `_key` in the front matter: the first slide only
  read(deck.meta.style_settings, &first_spot);
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    Slide& slide = deck.slides[i];
    Settings spot = i == 0 ? first_spot : Settings();
    read(slide.style_settings, &spot);
    Settings on = local;
    for (auto& [key, value] : spot) on[key] = value;
    apply_settings(on, &slide.background);
  }
}

}  // namespace madang::deck
