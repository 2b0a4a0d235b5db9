// Images decoded ahead of need: what the next slides show, decoded on a
// worker thread at the size they will be drawn while the slide before is on
// screen, then handed to the window thread's ImageCache, so that a slide
// change finds its photos decoded (a 12-megapixel JPEG shown full screen
// costs 60-100 ms to decode: a stalled frame when done at the draw).
//
// Promise: no SDL. One std::thread, started at the first ask and asleep
// while it has nothing to do. ask() replaces what an earlier ask queued and
// the worker has not begun. Finished images wait for the owner's thread to
// take them (deliver), which adopts each into its cache under the key
// ImageCache::get_for_size looks up (render/image.h decode_for_size and
// adopt_for_size). Bounded: at most kMaxQueued images queued, one in hand,
// and the finished ones not yet taken never past the budget in bytes (the
// worker waits for them to be taken before it decodes more; one image
// larger than the whole budget is decoded only when nothing else waits).
// Stoppable: the destructor waits for the image in hand only, never for the
// queue. Failures are values: an image that cannot be decoded is handed
// over as such, as get_for_size remembers it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "deck/background.h"
#include "render/image.h"

namespace madang::render {

// An image as a sink will draw it: get_for_size's arguments.
struct ImageWant {
  std::string path;
  std::vector<deck::ImageFilter> filters;
  int want_w = 0, want_h = 0;  // the pixels it is drawn at
  bool operator==(const ImageWant&) const = default;
};

// Lowers the calling thread's scheduling priority (Linux: its nice value,
// which is per thread) so that background decoding and checking yield a
// shared core to the window's thread, which draws the frame someone waits
// for. Nothing elsewhere.
void run_in_background();

class ImageAhead {
 public:
  // The finished images not yet taken: the photos of a slide or two at
  // 1080p (a 12-megapixel photo shown full screen is 12 MB decoded).
  static constexpr std::size_t kDefaultBudget = 96u << 20;
  static constexpr std::size_t kMaxQueued = 16;

  explicit ImageAhead(std::size_t budget_bytes = kDefaultBudget);
  ~ImageAhead();
  ImageAhead(const ImageAhead&) = delete;
  ImageAhead& operator=(const ImageAhead&) = delete;

  // Decodes `wants` on the worker, in this order, those `cache` does not
  // hold (ImageCache::holds_for_size) and that are not finished or in hand
  // already; the first kMaxQueued of them. What an earlier ask queued and
  // the worker has not begun is dropped.
  void ask(ImageCache& cache, const std::vector<ImageWant>& wants);

  // Adopts what the worker finished into `cache`; the number adopted. The
  // images of `needed` (what the caller draws next) are dropped from the
  // queue (the draw decodes them itself), and when the worker has one of
  // them in hand this waits for it: sooner than decoding it a second time.
  int deliver(ImageCache& cache, const std::vector<ImageWant>& needed = {});

  // Drops what is queued and what is finished (the deck was replaced: its
  // files may have changed); the image in hand is dropped when it is done.
  // Never waits.
  void clear();

  // Blocks until the worker has nothing queued or in hand, or waits for its
  // budget to be taken (tests).
  void wait_idle();

  struct Stats {
    std::uint64_t decoded = 0;           // images the worker decoded
    std::uint64_t adopted = 0;           // of those, taken by deliver()
    std::size_t waiting_bytes = 0;       // finished, not yet taken
    std::size_t peak_waiting_bytes = 0;  // the most ever finished and not yet taken
    std::size_t queued = 0;              // not begun
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::render
