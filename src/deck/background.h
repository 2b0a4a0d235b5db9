// Images and slide backgrounds as plain data: an image with its Marp-style
// keywords (size, CSS filters), and what a slide draws behind its content
// (`![bg](…)` images, split backgrounds, the background directives).
//
// Promise: plain structs, no SDL/cairo types; sizes are in pixels of a
// 1920x1080 slide (as everywhere in the deck model) or fractions; every
// image remembers where it was written. Read by layout/background.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace madang::deck {

// A CSS filter on an image (Marp: `![grayscale sepia:50%](…)`).
enum class FilterKind : std::uint8_t {
  kBlur,        // amount: radius in px at 1920x1080
  kBrightness,  // amount: factor (1: unchanged)
  kContrast,    // factor
  kDropShadow,  // not drawn (warned)
  kGrayscale,   // 0..1
  kHueRotate,   // not drawn (warned); degrees
  kInvert,      // 0..1
  kOpacity,     // 0..1
  kSaturate,    // not drawn (warned); factor
  kSepia,       // 0..1
};

struct ImageFilter {
  FilterKind kind = FilterKind::kGrayscale;
  float amount = 1;
  bool operator==(const ImageFilter&) const = default;
};

// A clip in place of a picture: `![video](clip.mp4)`, `![audio](talk.ogg)`,
// `![bg video loop muted](loop.mp4)`, or the `<video>`/`<audio>` HTML that
// Marp and Slidev decks carry (docs/format.md, "Video and sound").
enum class MediaKind : std::uint8_t { kNone, kVideo, kAudio };

struct MediaOptions {
  MediaKind kind = MediaKind::kNone;  // kNone: the Image is a picture
  bool autoplay = false;              // starts when its step appears (else a click plays it)
  bool loop = false;
  bool muted = false;
  double start_s = 0;   // `start:1:20`: where playing starts (and a loop goes back to)
  double end_s = 0;     // `end:2:05`: where it stops (or loops); 0: the clip's end
  double poster_s = 0;  // `poster:0:03`: the frame shown while not playing (default: start_s)
  bool poster_time_given = false;
  std::string poster;  // `poster:file.png`: a picture instead, as written
  std::string poster_resolved;  // its absolute path ("" none, or missing: a warning was given)
  float volume = 1;             // `volume:50%`: 0.5
  // What the file's header says, read once when the deck is loaded
  // (media/probe.h); 0 and false when it was not (check_files off) or could not be.
  double duration_s = 0;
  bool has_video = false;
  bool has_audio = false;
  std::string codec;  // "h264 1920x1080 30 fps, aac 48 kHz stereo", for `check`
};

struct Image {
  std::string alt;
  std::string src;       // as written in the deck
  std::string resolved;  // absolute path, empty when missing or refused
  // The file's size in pixels, read from its header once when the deck is
  // loaded (deck/images.h), so that layout never opens the file. 0 when the
  // image cannot be shown, or was not looked at (ParseOptions::check_files
  // off): layout then draws the placeholder.
  int pixel_width = 0;
  int pixel_height = 0;
  float width = 0;                   // requested size: > 0 in pixels at 1920x1080,
  float height = 0;                  // or a fraction of the content box when < 0 (-0.5: 50%)
  std::vector<ImageFilter> filters;  // in the order written
  // A clip (video or sound) rather than a picture. For a video, resolved is
  // the clip and pixel_width/height its frame size from the probe.
  MediaOptions media;
  bool is_clip() const { return media.kind != MediaKind::kNone; }
};

// CSS background-size: how an image fills its cell.
enum class BackgroundFit : std::uint8_t {
  kCover,    // fills the cell, cropped (Marp's default)
  kContain,  // whole image inside the cell (`contain`, `fit`)
  kAuto,     // the image's own size (1 image pixel = 1 px at 1920x1080)
  kScale,    // `N%`: the image's width is N% of the cell's
  kSized,    // `w:`/`h:` given (Image::width/height)
};

struct BackgroundImage {
  Image image;
  BackgroundFit fit = BackgroundFit::kCover;
  float scale = 1;           // kScale: 1.5 for 150%
  float position_x = 0.5f;   // CSS background-position, 0 left .. 1 right
  float position_y = 0.5f;   // 0 top .. 1 bottom
  int line = 0, column = 0;  // where it was written
};

enum class BackgroundSplit : std::uint8_t { kNone, kLeft, kRight };

struct SlideBackground {
  // From `![bg](…)`: laid side by side (or top to bottom when `vertical`),
  // in the split area when `split` is set, else over the whole slide.
  std::vector<BackgroundImage> images;
  bool vertical = false;
  BackgroundSplit split = BackgroundSplit::kNone;
  float split_share = 0.5f;  // of the slide's width the split area takes
  // From the directives (backgroundColor, backgroundImage, backgroundSize,
  // backgroundPosition, color) after their scopes: drawn under the images.
  bool has_color = false;
  std::uint32_t color = 0;  // 0xRRGGBBAA
  std::vector<BackgroundImage> directive_images;
  bool has_text_color = false;
  std::uint32_t text_color = 0;
};

// A background directive as written (`<!-- _backgroundColor: #123 -->`);
// resolved into SlideBackground after all slides are read
// (deck/background_directives.h), because a local one carries on.
struct StyleSetting {
  std::string key;  // without the `_`
  std::string value;
  bool spot = false;  // `_key`: this slide only
  int line = 0, column = 0;
};

}  // namespace madang::deck
