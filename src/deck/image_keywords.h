// Marp's image syntax: the keywords in an image's alt text (`bg`, `cover`,
// `contain`, `fit`, `auto`, `N%`, `left[:N%]`, `right[:N%]`, `vertical`,
// `w:`/`h:`/`width:`/`height:` with CSS lengths, and CSS filters), the clip
// words (`video`, `audio`, `autoplay`, `loop`, `muted`, `controls`,
// `start:`, `end:`, `poster:`, `volume:`; docs/format.md, "Video and
// sound"), and what is left over as the alt text. Private to deck/.
//
// Promise: pure (no I/O, no diagnostics sink); words are taken out wherever
// they stand, in any order; a word that is not a keyword stays in the alt
// text; background-only words stay in the alt text of an image that is not a
// background; a keyword with a bad value is a problem phrase, never a throw.
// Whether an image is a clip is read from its words and its path's extension
// alone (a `.ogg` may be either: the probe decides, deck/images.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deck/background.h"

namespace madang::deck {

struct ImageKeywords {
  bool bg = false;
  BackgroundFit fit = BackgroundFit::kCover;
  float scale = 1;  // fit == kScale: 1.5 for `150%`
  BackgroundSplit split = BackgroundSplit::kNone;
  float split_share = 0.5f;  // `left:30%`: 0.3
  bool vertical = false;
  float width = 0, height = 0;  // as Image::width/height (0: not given or auto)
  std::vector<ImageFilter> filters;
  // A clip: media.kind from `video`/`audio` or the extension (kNone: a
  // picture, whose clip words are problems), and the clip words' values.
  // poster_s is start_s unless `poster:` gave a time.
  MediaOptions media;
  bool kind_by_probe = false;         // a `.ogg` with neither word: video if it has a picture
  std::string alt;                    // the words left over, joined by single spaces
  std::vector<std::string> problems;  // "image size 'w:abc' is not ...", in order
};

// `src`, the image's path as written, says by its extension whether it is a
// clip (and `video`/`audio` next to a picture's path stay alt text: "video
// still"); empty, only the words say.
ImageKeywords parse_image_keywords(std::string_view alt, std::string_view src = {});

// What a path's extension says it is: kVideo (.mp4 .m4v .mov .webm .mkv .ogv
// .avi), kAudio (.mp3 .m4a .aac .oga .opus .wav .flac, and .ogg with
// *by_probe set), kNone for anything else.
MediaKind clip_kind_of(std::string_view src, bool* by_probe = nullptr);

// A clip time as written after `start:`, `end:` or `poster:`: "1:20" (m:ss),
// "1:02:03" (h:mm:ss), "80", "80s", "1.5s". false when it is none.
bool parse_clip_time(std::string_view s, double* seconds);
// A time the way the format writes it, for messages: "0:02", "1:02:03", "0:01.5".
std::string format_clip_time(double seconds);

// A CSS length as px at 1920x1080 (> 0) or a fraction of the box (< 0, from
// a percentage up to 100%): "800", "800px", "50%", "10cm", "2in", "24pt",
// "3em" (16 px each). 0 and false when it is not one (or is `auto`: true).
bool parse_css_length(std::string_view s, float* out);

// The filter's name as written in Marp (`hue-rotate`).
const char* filter_name(FilterKind kind);
// Filters Madang draws (the others are warned once per deck).
bool filter_drawn(FilterKind kind);

}  // namespace madang::deck
