#include "modes/deck_resources.h"

namespace madang::app {

DeckResources::DeckResources(const deck::Deck& deck, std::vector<std::string>* warnings) {
  open_fonts(deck, warnings);
}

void DeckResources::open_fonts(const deck::Deck& deck, std::vector<std::string>* warnings) {
  glyphs_.reset();  // it points into the fonts
  families_ = deck.meta.fonts;
  fonts_ = text::FontSystem::create(families_, warnings);
  glyphs_ = std::make_unique<text::GlyphCache>(*fonts_);
}

void DeckResources::deck_changed(const deck::Deck& deck, std::vector<std::string>* warnings) {
  layouts_.clear();
  images_.clear();
  ahead_.clear();  // decoded from files that may have changed
  if (deck.meta.fonts != families_) open_fonts(deck, warnings);
  ++generation_;
}

void DeckResources::images_changed() {
  layouts_.clear();
  ++generation_;
}

}  // namespace madang::app
