#include "deck/front_matter.h"

#include <charconv>

#include "deck/background_directives.h"
#include "deck/duration.h"
#include "deck/yaml_load.h"

namespace madang::deck {

bool is_transition(const std::string& name) {
  return name == "fade" || name == "slide" || name == "none";
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

}  // namespace

void read_front_matter(const std::string& yaml, int first_line, const LineIndex& lines,
                       Reporter& report, Meta* meta) {
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
  if (!load_yaml(yaml, "front matter", place, report, &root)) return;
  const YamlReader read{place, report};
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    read.error(root, "front matter must be 'key: value' lines");
    return;
  }
  for (const auto& entry : root) {
    const YAML::Node& key_node = entry.first;
    const YAML::Node& value = entry.second;
    if (!key_node.IsScalar()) {
      read.error(key_node, "front matter keys must be plain words");
      continue;
    }
    const std::string key = key_node.Scalar();
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
      if (theme != "hall" && theme != "hall-dark") {
        read.warning(value, "unknown theme '" + theme + "' (known: hall, hall-dark); using hall");
        continue;
      }
      meta->theme = theme;
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
      if (!parse_interval(text, &seconds)) {
        read.error(value,
                   key + " must be a length of time " + kIntervalForms + " (got '" + text + "')");
        continue;
      }
      (key == "advance" ? meta->advance_s : meta->idle_s) = seconds;
    } else if (key == "paginate") {
      read.boolean(value, key, &meta->paginate);
    } else if (key == "incremental") {
      read.boolean(value, key, &meta->incremental);
    } else if (key == "transition") {
      std::string name;
      if (!read.text(value, key, &name) || name.empty()) continue;
      if (!is_transition(name)) {
        read.error(value, "unknown transition '" + name + "' (valid: " + kTransitions + ")");
        continue;
      }
      meta->transition = name;
    } else if (int line = 0, column = 0;
               read.at(value, &line, &column),
               take_style_directive(key, value.IsScalar() ? value.Scalar() : "", value.IsScalar(),
                                    line, column, report, &meta->style_settings)) {
      // backgroundColor and the like (background_directives.h), from slide 1 on.
    } else {
      read.warning(key_node, "unknown front matter key '" + key + "'");
    }
  }
}

}  // namespace madang::deck
