// Rectangle packing for glyph atlas pages: shelves (rows) of similar height,
// filled left to right, a new shelf opened below when none fits.
//
// Promise: pure bookkeeping, no textures; deterministic (same sequence of
// sizes, same positions). Leaves `padding` pixels between rects so that
// filtering never samples a neighbour.
#pragma once

#include <vector>

namespace madang::render {

class ShelfPacker {
 public:
  ShelfPacker(int width, int height, int padding = 1)
      : width_(width), height_(height), padding_(padding) {}

  // Finds room for a w x h rect; false when the page is full.
  bool insert(int w, int h, int* x, int* y);
  void reset() { shelves_.clear(); }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  struct Shelf {
    int y, height, used;
  };
  int width_, height_, padding_;
  std::vector<Shelf> shelves_;
};

}  // namespace madang::render
