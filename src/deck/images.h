// Images: the Marp keywords in alt text (deck/image_keywords.h), `![bg](…)`
// backgrounds, and resolving a path against the deck's folder. Private to
// deck/.
//
// Promise: forgiving, as Marp is: a missing image, a URL (no network is
// used) or an unreadable one is a located warning (a labelled placeholder; a
// background is left out), never an error; paths may leave the deck's folder
// or be absolute. Refused (errors) are only paths to things that are not
// regular files (only regular files are opened) and files past
// io::kMaxImageFileBytes; an image whose header says it cannot be shown (not
// PNG or JPEG, more than io::kMaxImagePixels) is decided before any decoding;
// no std::filesystem exception escapes (error_code overloads only). Each
// distinct path is looked at on disk once per load (ImageFiles), and the
// image keeps the pixel size its header gave, so that layout never reads it.
//
// A clip (`![video](clip.mp4)`, deck/background.h MediaOptions) resolves as
// an image does but is read by media::probe_clip instead of an image header,
// and nothing about it is ever an error: missing, damaged, unsupported or
// past the caps, it is a located warning and a labelled placeholder (resolved
// left empty). Each distinct clip path is probed once per load, and at most
// kMaxProbedClips of them.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "deck/deck.h"
#include "deck/report.h"
#include "io/image_header.h"
#include "media/probe.h"

namespace madang::deck {

// Splits "w:800 h:450 alt text" into sizes and alt (and a clip's words into
// out->media, with out->src telling a clip by its extension); a malformed
// keyword is a warning at line:column (the image's position).
void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out);

// The deck's image files as one load finds them. A path is looked at once
// (where it leads, what kind of file, how large, its header), however many
// slides show it: a footer's logo on 80 slides is one header read, and every
// slide gets the same answer. One small entry per distinct path the deck
// writes, so it is bounded by the deck's own size.
class ImageFiles {
 public:
  // base_dir must be absolute. Without check_files (fuzzing, in-memory
  // tests) nothing is looked up: an image keeps its written path and no size.
  ImageFiles(std::string base_dir, bool check_files)
      : base_dir_(std::move(base_dir)), check_files_(check_files) {}

  const std::string& base_dir() const { return base_dir_; }
  bool check_files() const { return check_files_; }

  struct File {
    std::string real;        // the path with symbolic links followed
    std::string problem;     // "" or why it is no regular file: "does not exist", ...
    bool too_big = false;    // larger than io::kMaxImageFileBytes
    io::ImageHeader header;  // read only when neither of those (and a picture asked)
    bool header_read = false;
    // A clip's header (media/probe.h), read only when a clip names the path.
    bool probed = false;
    media::ProbeResult clip;
  };
  // What the disk says about `path` (absolute and normalised) as a picture, asked once.
  const File& look_up(const std::string& path);
  // The same for a clip, probed once; nullptr when kMaxProbedClips other
  // clips were probed in this load already.
  const File* look_up_clip(const std::string& path);

 private:
  File& find(const std::string& path);

  std::string base_dir_;
  bool check_files_ = true;
  std::map<std::string, File> files_;  // by path; a map keeps references stable
  int clips_probed_ = 0;
};

// Distinct clips one load probes at most: a probe opens the file with
// FFmpeg (bounded by media::kProbeBytes), so a deck of thousands of clip
// paths cannot stall a load. The rest are warned and drawn as placeholders.
inline constexpr int kMaxProbedClips = 64;

// `![bg …](src)`: adds the image to the slide's background (its keywords:
// fit, split, vertical, filters) and returns true; false, with nothing done,
// when the alt text has no `bg`.
bool read_background_image(const std::string& alt, const std::string& src, ImageFiles& files,
                           int line, int column, Reporter& report, SlideBackground* out);

// Where an image is shown, which says what happens when it cannot be.
enum class ImagePlace {
  kBlock,       // a labelled placeholder takes its place
  kBackground,  // the background is left out
  kLine,        // a header's or footer's image is left out
};

// Sets out->resolved and the pixel size, reporting problems; true when the
// image can be shown. A clip (out->is_clip()) is probed: its length, streams
// and codecs go to out->media, a video's frame size to the pixel size.
bool resolve_image(ImageFiles& files, int line, int column, Reporter& report, Image* out,
                   ImagePlace place = ImagePlace::kBlock);

// An image block's `![alt](src)` (out->src set): read_image_alt, then
// resolve_image; a `.ogg` with neither `video` nor `audio` becomes what the
// probe finds in it (video when it has a picture).
bool read_image(const std::string& alt, ImageFiles& files, int line, int column, Reporter& report,
                Image* out);

// Background images one slide draws at most (more are warned and left out).
inline constexpr std::size_t kMaxBackgroundImages = 16;

}  // namespace madang::deck
