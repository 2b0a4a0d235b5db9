// CSS filters on decoded image pixels (Marp's `![grayscale blur:4px](…)`):
// the same math as the CSS Filter Effects spec's, on straight-alpha RGBA.
//
// Promise: pure; the filters apply in the order given, the first
// kMaxFilters of them; blur is a Gaussian (three box blurs) with clamped
// edges and a capped radius, in time linear in the pixels whatever the
// radius; drop-shadow is not drawn (deck/ warned about it). Renderers cache
// the result per (path, filters) through ImageCache::get, so each is
// computed once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "deck/background.h"
#include "deck/limits.h"
#include "render/image.h"

namespace madang::render {

// Blur radius (in the image's pixels) past which the blur is cut.
inline constexpr float kMaxBlurPixels = 256;
// Filters of one image past which the rest are not applied (the deck warns
// of them): each costs a pass over the pixels, so an alt text of thousands
// cannot take minutes per image.
inline constexpr std::size_t kMaxFilters = deck::limits::kMaxImageFilters;

RgbaImage apply_filters(const RgbaImage& image, const std::vector<deck::ImageFilter>& filters);

// The cache key of an image with its filters ("" filters: the path).
std::string image_key(const std::string& path, const std::vector<deck::ImageFilter>& filters);

}  // namespace madang::render
