#include "ink/sidecar.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace madang::ink {

namespace {

using json = nlohmann::json;

constexpr int kVersion = 1;

std::string color_text(Color c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%08x", static_cast<unsigned>(c));
  return buf;
}

bool parse_color(const std::string& s, Color* c) {
  if (s.size() != 9 || s[0] != '#') return false;
  Color v = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char ch = s[i];
    int d = ch >= '0' && ch <= '9'   ? ch - '0'
            : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
            : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                     : -1;
    if (d < 0) return false;
    v = (v << 4) | static_cast<Color>(d);
  }
  *c = v;
  return true;
}

// Five decimals: a hundredth of a pixel of a 1080p slide, short files.
double rounded(float v) {
  return std::round(static_cast<double>(v) * 1e5) / 1e5;
}

bool finite_in(double v, double lo, double hi) {
  return std::isfinite(v) && v >= lo && v <= hi;
}

}  // namespace

std::string to_json(const Document& doc, const std::string& deck_name,
                    const std::vector<SlideTag>& tags) {
  json slides = json::array();
  for (std::size_t i = 0; i < doc.slides.size(); ++i) {
    if (doc.slides[i].empty()) continue;
    json strokes = json::array();
    for (const Stroke& s : doc.slides[i]) {
      json points = json::array();
      for (const InkPoint& p : s.points)
        points.push_back(json::array({rounded(p.x), rounded(p.y), rounded(p.pressure)}));
      strokes.push_back({{"tool", s.highlighter ? "highlighter" : "pen"},
                         {"color", color_text(s.color)},
                         {"width", rounded(s.width)},
                         {"step", s.step},
                         {"points", std::move(points)}});
    }
    json slide = {{"slide", i + 1}, {"strokes", std::move(strokes)}};
    if (i < tags.size() && !tags[i].key.empty()) {
      slide["key"] = tags[i].key;
      slide["title"] = tags[i].title;
      slide["text"] = tags[i].text;
    }
    slides.push_back(std::move(slide));
  }
  json root = {{"madang-ink", kVersion}, {"deck", deck_name}, {"slides", std::move(slides)}};
  return root.dump() + "\n";
}

bool from_json(const std::string& text, Document* doc, std::string* error,
               std::vector<SlideTag>* tags) {
  json root = json::parse(text, nullptr, false);
  if (root.is_discarded()) {
    *error = "not JSON";
    return false;
  }
  auto fail = [&](const std::string& why) {
    *error = why;
    return false;
  };
  if (!root.is_object() || !root.contains("madang-ink")) return fail("not a Madang ink file");
  if (root["madang-ink"] != kVersion) return fail("an ink file of another version");
  const json& slides = root.value("slides", json::array());
  if (!slides.is_array()) return fail("\"slides\" is not a list");
  Document out;
  std::vector<SlideTag> read_tags;
  for (const json& slide : slides) {
    if (!slide.is_object() || !slide.contains("slide") || !slide["slide"].is_number_integer())
      return fail("a slide without its number");
    const long long number = slide["slide"].get<long long>();
    if (number < 1 || number > 100000) return fail("slide " + std::to_string(number) + "?");
    const json& strokes = slide.value("strokes", json::array());
    if (!strokes.is_array()) return fail("slide " + std::to_string(number) + ": strokes?");
    std::vector<Stroke>& into = [&]() -> std::vector<Stroke>& {
      if (out.slides.size() < static_cast<std::size_t>(number))
        out.slides.resize(static_cast<std::size_t>(number));
      return out.slides[static_cast<std::size_t>(number - 1)];
    }();
    if (read_tags.size() < out.slides.size()) read_tags.resize(out.slides.size());
    SlideTag& tag = read_tags[static_cast<std::size_t>(number - 1)];
    for (auto [field, into_tag] : {std::pair{"key", &tag.key}, std::pair{"title", &tag.title},
                                   std::pair{"text", &tag.text}}) {
      if (slide.contains(field) && slide[field].is_string()) *into_tag = slide[field];
    }
    for (const json& s : strokes) {
      const std::string where = "slide " + std::to_string(number) + ": ";
      if (!s.is_object()) return fail(where + "a stroke that is not an object");
      Stroke stroke;
      const std::string tool = s.value("tool", std::string("pen"));
      if (tool != "pen" && tool != "highlighter") return fail(where + "tool '" + tool + "'?");
      stroke.highlighter = tool == "highlighter";
      if (!s.contains("color") || !s["color"].is_string() ||
          !parse_color(s["color"].get<std::string>(), &stroke.color))
        return fail(where + "a colour is not #rrggbbaa");
      if (!s.contains("width") || !s["width"].is_number() ||
          !finite_in(s["width"].get<double>(), 0, 1))
        return fail(where + "a width is not a number in 0..1");
      stroke.width = s["width"].get<float>();
      if (!s.value("step", json(0)).is_number_integer()) return fail(where + "a step?");
      stroke.step = s.value("step", 0);
      if (!s.contains("points") || !s["points"].is_array() || s["points"].empty())
        return fail(where + "a stroke without points");
      for (const json& p : s["points"]) {
        if (!p.is_array() || p.size() != 3 || !p[0].is_number() || !p[1].is_number() ||
            !p[2].is_number())
          return fail(where + "a point is not [x, y, pressure]");
        const double x = p[0].get<double>(), y = p[1].get<double>(), pr = p[2].get<double>();
        if (!finite_in(x, -1, 2) || !finite_in(y, -1, 2) || !finite_in(pr, 0, 1))
          return fail(where + "a point out of range");
        stroke.points.push_back(
            {static_cast<float>(x), static_cast<float>(y), static_cast<float>(pr)});
      }
      into.push_back(std::move(stroke));
    }
  }
  out.revision = doc->revision + 1;
  read_tags.resize(out.slides.size());
  *doc = std::move(out);
  if (tags) *tags = std::move(read_tags);
  return true;
}

}  // namespace madang::ink
