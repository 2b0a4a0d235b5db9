// Stub while the real parser lands (deck owner); replaced in the next commits.
#include "deck/parse.h"

namespace madang::deck {

std::string plain_text(const RichText& text) {
  std::string out;
  for (const Span& s : text) out += s.text;
  return out;
}

ParseResult parse_deck(std::string_view, const std::string& file_name, const ParseOptions&) {
  ParseResult r;
  r.deck.path = file_name;
  return r;
}

ParseResult load_deck(const std::string& path, const ParseOptions& options) {
  return parse_deck({}, path, options);
}

}  // namespace madang::deck
