// CSS filters on decoded image pixels (Marp's `![grayscale blur:4px](…)`):
// the same math as the CSS Filter Effects spec's, on straight-alpha RGBA.
//
// Promise: pure; the filters apply in the order given; blur is a Gaussian
// (three box blurs) with clamped edges and a capped radius; drop-shadow is
// not drawn (deck/ warned about it). Renderers cache the result per
// (path, filters) through ImageCache::get, so each is computed once.
#pragma once

#include <string>
#include <vector>

#include "deck/background.h"
#include "render/image.h"

namespace madang::render {

// Blur radius (in the image's pixels) past which the blur is cut.
inline constexpr float kMaxBlurPixels = 256;

RgbaImage apply_filters(const RgbaImage& image, const std::vector<deck::ImageFilter>& filters);

// The cache key of an image with its filters ("" filters: the path).
std::string image_key(const std::string& path, const std::vector<deck::ImageFilter>& filters);

}  // namespace madang::render
