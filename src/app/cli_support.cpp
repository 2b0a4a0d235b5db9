#include "app/cli_support.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace madang::app {

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

bool unreadable(const deck::ParseResult& r) {
  return r.deck.slides.empty() && !r.diagnostics.empty() && r.diagnostics.front().where.line == 0 &&
         r.diagnostics.front().severity == Severity::kError;
}

bool parse_size(const char* command, const std::string& text, layout::Size* size) {
  int w = 0, h = 0;
  char x = 0;
  std::istringstream in(text);
  if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 16 || h < 16 || w > 16384 ||
      h > 16384) {
    std::fprintf(stderr, "madang %s: --size must be WxH, e.g. 1920x1080 (got '%s')\n", command,
                 text.c_str());
    return false;
  }
  *size = layout::Size{w, h};
  return true;
}

bool parse_slide_list(const std::string& text, int count, std::vector<int>* out,
                      std::string* error) {
  out->clear();
  if (text.empty()) {
    for (int i = 0; i < count; ++i) out->push_back(i);
    return true;
  }
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    int a = 0, b = 0;
    const auto dash = part.find('-');
    try {
      a = std::stoi(part.substr(0, dash));
      b = dash == std::string::npos ? a : std::stoi(part.substr(dash + 1));
    } catch (...) {
      *error = "not a slide list: '" + text + "' (expected e.g. 1,3-5)";
      return false;
    }
    if (a < 1 || b < a || b > count) {
      *error = "slide range '" + part + "' is outside 1-" + std::to_string(count);
      return false;
    }
    for (int i = a; i <= b; ++i) out->push_back(i - 1);
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return true;
}

bool load_for_export(const char* command, const std::string& deck_path,
                     const std::string& slide_list, deck::ParseResult* parsed,
                     std::vector<int>* slides, int* exit_code) {
  *parsed = deck::load_deck(deck_path);
  print_diagnostics(parsed->diagnostics);
  if (unreadable(*parsed)) {
    *exit_code = 2;
    return false;
  }
  if (has_errors(parsed->diagnostics)) {
    std::fprintf(stderr, "madang %s: %s has errors; nothing exported\n", command,
                 deck_path.c_str());
    *exit_code = 1;
    return false;
  }
  std::string error;
  if (!parse_slide_list(slide_list, static_cast<int>(parsed->deck.slides.size()), slides, &error)) {
    std::fprintf(stderr, "madang %s: %s\n", command, error.c_str());
    *exit_code = 2;
    return false;
  }
  return true;
}

bool load_for_layout(const std::string& deck_path, int slide, deck::ParseResult* parsed) {
  *parsed = deck::load_deck(deck_path);
  if (unreadable(*parsed)) {
    print_diagnostics(parsed->diagnostics);
    return false;
  }
  const int count = static_cast<int>(parsed->deck.slides.size());
  if (slide < 0 || slide > count) {
    std::fprintf(stderr, "madang layout: --slide %d is outside 1-%d\n", slide, count);
    return false;
  }
  return true;
}

int print_layout_json(const nlohmann::json& out, const Diagnostics& diagnostics) {
  print_diagnostics(diagnostics);
  std::printf("%s\n", out.dump().c_str());
  return has_errors(diagnostics) ? 1 : 0;
}

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  std::istringstream in(text);
  std::string id;
  while (std::getline(in, id, ',')) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

std::unique_ptr<text::FontSystem> make_fonts(const deck::Deck& deck, Diagnostics* diagnostics) {
  std::vector<std::string> warnings;
  auto fonts = text::FontSystem::create(deck.meta.fonts, &warnings);
  if (diagnostics) {
    for (std::string& w : warnings) {
      diagnostics->push_back(
          Diagnostic{SourceLocation{deck.path, 1, 1}, Severity::kWarning, std::move(w)});
    }
  }
  return fonts;
}

}  // namespace madang::app
