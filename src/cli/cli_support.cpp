#include "cli/cli_support.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "deck/suggest.h"

namespace madang::app {

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
    if (b < a) {
      *error = "slide range '" + part + "' runs backwards; write it " + std::to_string(b) + "-" +
               std::to_string(a);
      return false;
    }
    if (a < 1 || b > count) {
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
                     std::vector<int>* slides, int* exit_code, const deck::PdfOptions& pdf) {
  *parsed = load_deck_checked(deck_path, pdf);
  if (unreadable(*parsed)) {
    print_diagnostics(parsed->diagnostics);
    *exit_code = 2;
    return false;
  }
  if (has_errors(parsed->diagnostics)) {
    print_diagnostics(parsed->diagnostics);
    std::fprintf(stderr, "madang %s: %s has errors; nothing exported\n", command,
                 deck_path.c_str());
    *exit_code = 1;
    return false;
  }
  std::string error;
  if (!parse_slide_list(slide_list, static_cast<int>(parsed->deck.slides.size()), slides, &error)) {
    print_diagnostics(parsed->diagnostics);
    std::fprintf(stderr, "madang %s: %s\n", command, error.c_str());
    *exit_code = 2;
    return false;
  }
  return true;
}

bool load_for_layout(const std::string& deck_path, int slide, deck::ParseResult* parsed,
                     const deck::PdfOptions& pdf) {
  *parsed = load_deck_checked(deck_path, pdf);
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
  print_in_order(diagnostics);
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
  // A problem with one of the deck's `fonts` entries (an unknown family, a
  // file that is not a font) is a warning at that entry; a default font that
  // is not installed is named by layout where text needs it.
  std::vector<text::FontProblem> problems;
  auto fonts = text::FontSystem::create(deck.meta.fonts, &problems);
  if (diagnostics) {
    for (text::FontProblem& p : problems) {
      const auto& places = deck.meta.font_places;
      const auto [line, column] = p.family >= 0 && p.family < static_cast<int>(places.size())
                                      ? places[static_cast<std::size_t>(p.family)]
                                      : std::pair<int, int>{1, 1};
      diagnostics->push_back(Diagnostic{SourceLocation{deck.path, line, column}, Severity::kWarning,
                                        std::move(p.message)});
    }
  }
  return fonts;
}

std::string no_usable_font(const text::FontSystem& fonts) {
  if (fonts.primary(text::TextStyle{}) >= 0) return {};
  std::string message = "no usable font";
  const char* sep = ": ";
  for (const std::string& m : fonts.missing_fonts()) {
    message += sep + m;
    sep = "; ";
  }
  return message;
}

Diagnostic font_error(const deck::Deck& deck, std::string message) {
  const int line = deck.slides.empty() ? 1 : deck.slides.front().line;
  return Diagnostic{SourceLocation{deck.path, line, 1}, Severity::kError, std::move(message)};
}

bool make_output_folder(const char* command, const std::string& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (!ec) return true;
  std::fprintf(stderr, "madang %s: cannot create %s: %s\n", command, folder.c_str(),
               ec.message().c_str());
  return false;
}

std::string unknown_command(const std::string& word, const std::vector<std::string>& commands) {
  for (const std::string& c : commands) {
    if (c == word) return "";
  }
  const std::string near = deck::nearest(word, commands);
  return "unknown command '" + word + "'; " +
         (near.empty() ? "the commands are " + deck::join_names(commands)
                       : "did you mean '" + near + "'?");
}

void print_in_order(Diagnostics diagnostics) {
  sort_by_place(&diagnostics);
  print_diagnostics(diagnostics);
}

}  // namespace madang::app
