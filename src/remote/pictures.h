// The slides as PNG pictures for the pages, drawn by Madang's own headless
// renderer (render/headless.h) at the width a page asks for.
//
// Promise: used on one thread (the server's), with fonts, glyphs, images and
// a renderer of its own (the show's caches belong to the drawing thread);
// a picture is drawn once per (deck, slide, step, width) and kept, up to a
// byte budget, the least recently asked for dropped first.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <string>

#include "deck/deck.h"

namespace madang::remote {

inline constexpr int kMinPictureWidth = 64, kMaxPictureWidth = 2048;

class SlidePictures {
 public:
  explicit SlidePictures(std::size_t budget_bytes = 48u << 20);
  ~SlidePictures();
  SlidePictures(const SlidePictures&) = delete;
  SlidePictures& operator=(const SlidePictures&) = delete;

  // Slide `slide` (from 1) at step `step` (from 1; 0: every step), `width`
  // pixels wide (kMinPictureWidth..kMaxPictureWidth; the height follows the
  // deck's aspect). nullptr when the slide does not exist.
  std::shared_ptr<const std::string> png(const std::shared_ptr<const deck::Deck>& deck,
                                         int generation, int slide, int step, int width);

  int drawn() const { return drawn_; }  // pictures rendered so far (tests)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int drawn_ = 0;
};

}  // namespace madang::remote
