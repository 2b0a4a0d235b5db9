// What every window of a show draws with: the deck's fonts, rasterized
// glyphs, decoded images and laid-out slides.
//
// Promise: one per show, shared by its windows (the audience view, the
// console, a thumbnail grid), so that a slide laid out for one window at a
// size is not laid out again for another, and a glyph is rasterized once.
// Each window keeps only its own textures (render::SdlRenderer). Not
// thread-safe: the windows of a show share one thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/layout.h"
#include "render/image.h"
#include "render/image_ahead.h"
#include "text/text.h"

namespace madang::app {

class DeckResources {
 public:
  // Opens the deck's fonts (unknown families come back in `warnings`).
  DeckResources(const deck::Deck& deck, std::vector<std::string>* warnings);
  DeckResources(const DeckResources&) = delete;
  DeckResources& operator=(const DeckResources&) = delete;

  // The deck was replaced: drops layouts and decoded images (an image file
  // may be what changed) and reopens the fonts if the deck's list changed.
  void deck_changed(const deck::Deck& deck, std::vector<std::string>* warnings);
  // Images of the deck on screen were found damaged after it was shown and
  // cleared (modes/image_checks.h): drops the layouts and changes the
  // generation, so that what was made from them is made again; the fonts
  // and the decoded images stay.
  void images_changed();

  text::FontSystem& fonts() { return *fonts_; }
  text::GlyphCache& glyphs() { return *glyphs_; }
  render::ImageCache& images() { return images_; }
  layout::LayoutCache& layouts() { return layouts_; }
  // The next slides' images, decoded on a worker for images() (modes/slide_view.h).
  render::ImageAhead& images_ahead() { return ahead_; }

  // Changes when the fonts (and so the glyph cache) are replaced: whatever
  // holds on to them must be rebuilt. Changes on every deck_changed too (the
  // images and their textures are gone), and on images_changed (what was
  // drawn from the deck's old images is stale).
  int generation() const { return generation_; }

 private:
  void open_fonts(const deck::Deck& deck, std::vector<std::string>* warnings);

  std::vector<std::string> families_;
  std::unique_ptr<text::FontSystem> fonts_;
  std::unique_ptr<text::GlyphCache> glyphs_;
  render::ImageCache images_;
  render::ImageAhead ahead_;
  layout::LayoutCache layouts_;
  int generation_ = 0;
};

}  // namespace madang::app
