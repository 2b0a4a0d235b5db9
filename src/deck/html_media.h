// The <video> and <audio> HTML that Marp and Slidev decks carry (Marp has
// no clip syntax of its own, so its users write HTML), read as the clip the
// Markdown form `![video autoplay](clip.mp4)` would be. Private to deck/.
//
//   <video src="clip.mp4" autoplay loop muted poster="p.png" width="640"></video>
//   <video controls><source src="clip.webm" type="video/webm"></video>
//   <audio src='talk.ogg' controls>
//
// Promise: pure (no I/O, no diagnostics sink); any bytes are scanned in
// linear time without a throw; attribute names and tag names in any case,
// values in double or single quotes or none, boolean attributes, any order;
// `</video>` may be left out (the element ends after its opening tag and the
// <source>/<track> tags right after it); comments are passed over (a clip in
// `<!-- -->` is no clip); a bad value is a problem phrase.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "deck/background.h"

namespace madang::deck {

struct HtmlClip {
  // src (the element's, else its first <source>'s), width and height (px at
  // 1920x1080, or a share of the box when < 0, as Image::width), media.kind,
  // autoplay, loop, muted and poster (a picture's path, as written).
  Image image;
  std::size_t offset = 0;             // of the '<' that opens the element, in the scanned text
  std::vector<std::string> problems;  // "<video> width 'big' is not a number of pixels"
};

struct HtmlMediaScan {
  std::vector<HtmlClip> clips;  // in the order written
  std::string rest;             // the text without the clips' elements, trimmed
};

HtmlMediaScan scan_html_media(std::string_view html);

// What one tag (a piece of inline HTML, as cmark gives it) is to a clip.
enum class MediaTag : unsigned char {
  kNone,        // anything else
  kOpen,        // <video …> or <audio …>
  kOpenClosed,  // <video … />: an element of its own
  kClose,       // </video>, </audio>
  kChild,       // <source …>, <track …>
};
MediaTag media_tag(std::string_view tag);

}  // namespace madang::deck
