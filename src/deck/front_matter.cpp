#include "deck/front_matter.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "deck/background_directives.h"
#include "deck/duration.h"
#include "deck/suggest.h"
#include "deck/yaml_load.h"

namespace madang::deck {

bool is_transition(const std::string& name) {
  return name == "fade" || name == "slide" || name == "none";
}

std::string transition_for(const std::string& written) {
  const std::string name = written.substr(0, written.find_first_of(" \t"));  // "fade 1s"
  if (is_transition(name)) return name;
  // Marp CLI's bespoke transitions, by what they look like: a dissolve or a
  // movement.
  for (const char* fade : {"fade-out", "overlap", "melt", "glass", "iris-in", "iris-out", "zoom",
                           "implode", "explode", "diamond", "star", "drop", "fall"}) {
    if (name == fade) return "fade";
  }
  for (const char* move :
       {"slide-up", "slide-down", "push",   "pull",      "reveal",           "cover", "swap",
        "swipe",    "swoosh",     "wipe",   "wiper",     "coverflow",        "cube",  "cylinder",
        "flip",     "pivot",      "rotate", "clockwise", "counterclockwise", "in-out"}) {
    if (name == move) return "slide";
  }
  return {};
}

namespace {

bool parse_positive(std::string_view s, int* out) {
  if (s.empty() || s.size() > 5) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && *out > 0;
}

bool parse_aspect(const std::string& s, int* w, int* h) {
  const std::size_t colon = s.find(':');
  if (colon == std::string::npos) return false;
  return parse_positive(std::string_view(s).substr(0, colon), w) &&
         parse_positive(std::string_view(s).substr(colon + 1), h);
}

const std::vector<std::string>& front_matter_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"title",   "author", "event",    "date",        "footer",
                                  "lang",    "aspect", "theme",    "fonts",       "duration",
                                  "advance", "idle",   "paginate", "incremental", "transition"};
    for (const std::string& name : directive_names()) {
      if (std::find(k.begin(), k.end(), name) == k.end()) k.push_back(name);
    }
    return k;
  }();
  return keys;
}

// Keys only a Marp deck uses: seeing one makes the deck a Marp deck.
bool is_marp_key(const std::string& key) {
  for (const char* k :
       {"marp", "size", "headingDivider", "style", "math", "header", "class", "backgroundColor",
        "backgroundImage", "backgroundPosition", "backgroundRepeat", "backgroundSize", "color",
        "description", "url", "image", "keywords"}) {
    if (key == k) return true;
  }
  return !key.empty() && key.front() == '_';
}

// A local directive's value as one line of text (a class list joins its words).
bool local_value(const YamlReader& read, const YAML::Node& value, const std::string& key,
                 DirectiveValue* out) {
  read.at(value, &out->line, &out->column);
  if (value.IsSequence()) {
    out->value.clear();
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) continue;
      if (!out->value.empty()) out->value += ' ';
      out->value += item.Scalar();
    }
    return true;
  }
  return read.text(value, key, &out->value);
}

}  // namespace

std::string theme_for(const std::string& name) {
  if (name == "hall" || name == "default") return "hall";
  if (name == "hall-dark" || name == "gaia" || name == "uncover") return name;
  return {};
}

bool parse_heading_divider(const std::string& text, unsigned* mask) {
  std::string s;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '[' && c != ']') s += c;
  }
  if (s == "false" || s == "0") {
    *mask = 0;
    return true;
  }
  if (s.empty()) return false;
  unsigned m = 0;
  const bool list = text.find('[') != std::string::npos || s.find(',') != std::string::npos;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t comma = std::min(s.find(',', i), s.size());
    int level = 0;
    if (!parse_positive(std::string_view(s).substr(i, comma - i), &level) || level > 6)
      return false;
    if (list) {
      m |= 1u << level;
    } else {
      for (int l = 1; l <= level; ++l) m |= 1u << l;
    }
    i = comma + 1;
  }
  *mask = m;
  return true;
}

std::string loosen_yaml(const std::string& yaml) {
  std::string out;
  out.reserve(yaml.size() + 16);
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    if (end == std::string::npos) end = yaml.size();
    std::string_view line(yaml.data() + start, end - start);
    std::size_t n = 0;
    while (n < line.size() && (std::isalnum(static_cast<unsigned char>(line[n])) ||
                               line[n] == '_' || line[n] == '-')) {
      ++n;
    }
    std::string_view key = line.substr(0, n);
    if (!key.empty() && key.front() == '_') key.remove_prefix(1);
    const auto& keys = front_matter_keys();
    std::size_t v = n + 1;
    while (v < line.size() && line[v] == ' ') ++v;
    if (n > 0 && n < line.size() && line[n] == ':' && v > n + 1 && v < line.size() &&
        std::find(keys.begin(), keys.end(), key) != keys.end() &&
        std::string_view("[\"'{|>~&*").find(line[v]) == std::string_view::npos) {
      std::string_view value = line.substr(v);
      // A YAML comment after the value stays a comment, unless the value is one.
      if (const std::size_t hash = value.find(" #"); hash != std::string_view::npos) {
        value = value.substr(0, hash);
      }
      while (!value.empty() &&
             (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
        value.remove_suffix(1);
      }
      out.append(line.substr(0, v));
      out += '"';
      for (char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    } else {
      out.append(line);
    }
    if (end < yaml.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

void read_front_matter(const std::string& yaml, int first_line, const LineIndex& lines,
                       Reporter& report, Meta* meta, FrontLocals* locals) {
  const YamlPlace place = [&](const YAML::Mark& mark, int* line, int* column) {
    if (mark.is_null()) {
      *line = first_line - 1;  // the opening '---'
      *column = 1;
      return;
    }
    *line = first_line + mark.line;
    *column = lines.column(*line, mark.column + 1);
  };
  YAML::Node root;
  if (!load_yaml(loosen_yaml(yaml), "front matter", place, report, &root)) return;
  const YamlReader read{place, report};
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    read.error(root, "front matter must be 'key: value' lines");
    return;
  }
  bool paginate_set = false;
  for (const auto& entry : root) {
    const YAML::Node& key_node = entry.first;
    const YAML::Node& value = entry.second;
    if (!key_node.IsScalar()) {
      read.error(key_node, "front matter keys must be plain words");
      continue;
    }
    const std::string key = key_node.Scalar();
    if (is_marp_key(key)) meta->marp = true;
    // backgroundColor and the like (background_directives.h), from slide 1 on.
    // A key with nothing after it (YAML's null) is placed at the key: the
    // null's own mark is where the next line starts.
    const YAML::Node& where = value.IsNull() ? key_node : value;
    if (int line = 0, column = 0;
        read.at(where, &line, &column),
        take_style_directive(key, value.IsScalar() ? value.Scalar() : "", value.IsScalar(), line,
                             column, report, &meta->style_settings)) {
      continue;
    }
    if (key.size() > 1 && key.front() == '_' && is_local_directive(key.substr(1))) {
      DirectiveValue v;
      if (local_value(read, value, key, &v)) locals->first_spots[key.substr(1)] = v;
      continue;
    }
    if (key == "header" || key == "class" || key == "color" || key.rfind("background", 0) == 0) {
      DirectiveValue v;
      if (is_local_directive(key) && local_value(read, value, key, &v)) locals->locals[key] = v;
      if (!is_local_directive(key)) {
        read.warning(key_node, "unknown front matter key '" + key + "'");
      }
      continue;
    }
    if (key == "marp" || key == "math" || key == "description" || key == "url" || key == "image" ||
        key == "keywords") {
      // Marp's switch and metadata: accepted; math is shown as its source.
      std::string text;
      if (value.IsScalar()) text = value.Scalar();
      if (key == "description") meta->description = text;
      if (key == "url") meta->url = text;
      if (key == "image") meta->image = text;
      if (key == "keywords") meta->keywords = text;
      continue;
    }
    if (key == "size") {
      std::string text;
      if (!read.text(value, key, &text) || text.empty()) continue;
      int w = 0, h = 0;
      if ((text != "16:9" && text != "4:3") || !parse_aspect(text, &w, &h)) {
        read.warning(value, "unknown size '" + text + "' (valid: 16:9, 4:3); keeping " +
                                std::to_string(meta->aspect_w) + ":" +
                                std::to_string(meta->aspect_h));
        continue;
      }
      meta->aspect_w = w;
      meta->aspect_h = h;
      continue;
    }
    if (key == "headingDivider") {
      std::string text;
      if (value.IsSequence()) {
        for (const YAML::Node& item : value) {
          text += (text.empty() ? "[" : ",") + (item.IsScalar() ? item.Scalar() : "x");
        }
        text += "]";
      } else if (!read.text(value, key, &text)) {
        continue;
      }
      if (!parse_heading_divider(text, &meta->heading_divider)) {
        read.error(value,
                   "headingDivider must be a heading level 1 to 6, a list of levels "
                   "like [1, 2], or false (got '" +
                       text + "')");
      }
      continue;
    }
    if (key == "style") {
      read.warning(key_node,
                   "CSS in 'style' is not applied: Madang has no CSS; choose a look "
                   "with 'theme:' (" +
                       std::string(kThemes) + ") and 'class:'");
      continue;
    }
    if (key == "title") {
      read.text(value, key, &meta->title);
    } else if (key == "author") {
      read.text(value, key, &meta->author);
    } else if (key == "event") {
      read.text(value, key, &meta->event);
    } else if (key == "date") {
      read.text(value, key, &meta->date);
    } else if (key == "footer") {
      read.text(value, key, &meta->footer);
      int column = 0;
      read.at(value, &meta->footer_line, &column);
    } else if (key == "lang") {
      std::string lang;
      if (read.text(value, key, &lang) && !lang.empty()) meta->lang = lang;
    } else if (key == "aspect") {
      std::string text;
      int w = 0, h = 0;
      if (!read.text(value, key, &text)) continue;
      if (!parse_aspect(text, &w, &h)) {
        read.error(value, "aspect must be W:H with positive whole numbers, like 16:9");
        continue;
      }
      meta->aspect_w = w;
      meta->aspect_h = h;
    } else if (key == "theme") {
      std::string theme;
      if (!read.text(value, key, &theme) || theme.empty()) continue;
      if (theme == "default" || theme == "gaia" || theme == "uncover") meta->marp = true;
      const std::string mapped = theme_for(theme);
      if (mapped.empty()) {
        const std::string near =
            nearest(theme, {"hall", "hall-dark", "default", "gaia", "uncover"});
        read.warning(value, "unknown theme '" + theme + "'" +
                                (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                " (known: " + kThemes + "); using hall");
        continue;
      }
      meta->theme = mapped;
    } else if (key == "fonts") {
      if (value.IsNull()) continue;
      int line = 0, column = 0;
      if (value.IsScalar()) {
        read.at(value, &line, &column);
        meta->fonts = {value.Scalar()};
        meta->font_places = {{line, column}};
        continue;
      }
      if (!value.IsSequence()) {
        read.error(value, "fonts must be a font family name or a list of them");
        continue;
      }
      meta->fonts.clear();
      meta->font_places.clear();
      for (const YAML::Node& font : value) {
        if (!font.IsScalar()) {
          read.error(font, "fonts must be a font family name or a list of them");
        } else if (!font.Scalar().empty()) {
          read.at(font, &line, &column);
          meta->fonts.push_back(font.Scalar());
          meta->font_places.emplace_back(line, column);
        }
      }
    } else if (key == "duration") {
      std::string text;
      if (!read.text(value, key, &text) || text.empty()) continue;
      double seconds = 0;
      if (!parse_duration(text, &seconds)) {
        read.error(value, "duration must be a length of time, " + std::string(kDurationForms) +
                              " (got '" + text + "')");
        continue;
      }
      meta->duration_s = seconds;
    } else if (key == "advance" || key == "idle") {
      std::string text;
      double seconds = 0;
      if (!read.text(value, key, &text) || text.empty()) continue;
      // `advance: video` (kiosk): a slide with a clip moves on when it has played.
      if (key == "advance" && text == "video") {
        meta->advance_after_clip = true;
        continue;
      }
      if (!parse_interval(text, &seconds)) {
        read.error(value, key + " must be a length of time " + kIntervalForms +
                              (key == "advance" ? ", or video" : "") + " (got '" + text + "')");
        continue;
      }
      (key == "advance" ? meta->advance_s : meta->idle_s) = seconds;
    } else if (key == "paginate") {
      paginate_set = true;
      if (value.IsScalar() && (value.Scalar() == "hold" || value.Scalar() == "skip")) {
        DirectiveValue v{value.Scalar(), 0, 0};
        read.at(value, &v.line, &v.column);
        locals->locals[key] = v;
        continue;
      }
      if (value.IsNull()) {  // Marp ignores `paginate:` with no value
        read.warning(key_node, "'paginate' has no value; it is ignored (true or false)");
      } else {
        read.boolean(value, key, &meta->paginate);
      }
    } else if (key == "incremental") {
      read.boolean(value, key, &meta->incremental);
    } else if (key == "transition") {
      std::string name;
      if (!read.text(value, key, &name) || name.empty()) continue;
      const std::string mapped = transition_for(name);
      if (mapped.empty()) {
        read.error(value, "unknown transition '" + name + "' (valid: " + kTransitions + ")");
        continue;
      }
      meta->transition = mapped;
    } else {
      const std::string near = nearest(key, front_matter_keys());
      read.warning(key_node, "unknown front matter key '" + key + "'" +
                                 (near.empty() ? " (known: " + join_names(front_matter_keys()) + ")"
                                               : "; did you mean '" + near + "'?"));
    }
  }
  // Marp numbers no slide unless asked to.
  if (meta->marp && !paginate_set) meta->paginate = false;
}

}  // namespace madang::deck
