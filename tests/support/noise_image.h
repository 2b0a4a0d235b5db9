// A noisy opaque picture for image tests: it deflates as a photo would, not
// as a flat colour, so decoders and encoders do their real work.
#pragma once

#include <cstddef>
#include <cstdint>

#include "render/image.h"

namespace madang::test {

inline render::RgbaImage noise_image(int w, int h, std::uint32_t seed = 2463534242u) {
  render::RgbaImage img;
  img.width = w;
  img.height = h;
  img.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  std::uint32_t s = seed;  // xorshift32
  for (std::size_t i = 0; i < img.pixels.size(); ++i) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    img.pixels[i] = i % 4 == 3 ? 255 : static_cast<std::uint8_t>(s);
  }
  return img;
}

}  // namespace madang::test
