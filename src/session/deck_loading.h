// A deck as every command and mode reads it: parsed, its images checked,
// its diagnostics printed in FILE:LINE:COL form.
//
// The last stage of loading is to read every image the deck shows through
// its decoder, once, so that an image the parser accepted from its header
// but that cannot be decoded (a truncated PNG, a corrupt JPEG) is a located
// warning and a labelled placeholder, never a silent hole on screen.
//
// Promise: each distinct image is read once, on every core, a row at a time
// (render::check_image: no image's pixels are kept, a JPEG is read at an
// eighth of its size); a failure clears the image's `resolved` path and
// pixel size (layout then draws the placeholder with its alt text) and adds
// a warning at the image's line:column. Never throws.
//
// The window modes check in two parts (issue #25: fifty 12-megapixel photos
// take over a second of CPU to check): the images of the slide they start
// on before the first frame (load_show_deck_starting: checked on workers
// while the window opens, waited for before the first frame), the rest
// after it on a worker (ImageChecker), whose verdicts the mode applies on
// its own thread (apply_image_verdicts): the same warnings, the same
// placeholders, only later. `check`, `export` and every other command check
// all before anything.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "deck/parse.h"

namespace madang::app {

void check_images(deck::Deck* deck, Diagnostics* diagnostics);

// deck::load_deck, then check_images: how every command and mode reads a
// deck (a reload too), so that each says the same about the same file.
deck::ParseResult load_deck_checked(const std::string& path, const deck::PdfOptions& pdf = {});

// Each diagnostic on stderr, one FILE:LINE:COL line each.
void print_diagnostics(const Diagnostics& diagnostics);

// A deck that could not be read at all: one error on line 0 and no slides.
bool unreadable(const deck::ParseResult& r);

// What the window modes (and `rehearsals`) do before any window opens (as
// sent does): load_deck_checked, diagnostics printed. false with the exit
// code (1: errors, 2: unreadable) when the deck cannot be shown.
bool load_show_deck(const std::string& path, deck::ParseResult* parsed, int* exit_code,
                    const deck::PdfOptions& pdf = {});

// ---------------------------------------------------------------- in two parts

// Why files cannot be drawn: path -> check_image's phrase. Only bad files.
using ImageVerdicts = std::map<std::string, std::string>;

// check_images for the images of `slides` (0-based; others are ignored)
// only; a bad file is cleared wherever the deck shows it. Returns the
// deck's other image files, each once, in the order they are best checked:
// the slides after the first of `slides`, then those before it.
std::vector<std::string> check_images_of(deck::Deck* deck, Diagnostics* diagnostics,
                                         const std::vector<int>& slides);

// What check_images would have done with `bad`: each image of those files
// cleared (layout draws the placeholder), and a warning at its line:column
// appended to `diagnostics`, in the deck's order. The 0-based slides that
// changed, each once (empty: nothing to draw again).
std::vector<int> apply_image_verdicts(deck::Deck* deck, const ImageVerdicts& bad,
                                      Diagnostics* diagnostics);

// Checks files with check_image on worker threads, in the order given.
// Never touches a deck: it produces verdicts, which the owner takes (and
// applies) on its own thread. `wake` (from a worker; may be empty) is called
// when a bad file is found and nothing found before is waiting to be taken.
// Stoppable: the destructor lets each worker finish the file in its hands
// (tens of ms), never the list.
class ImageChecker {
 public:
  enum class Pace {
    kBehind,  // after the first frame: at most three threads, one core left to
              // the window, at a low priority (render::run_in_background)
    kNow,     // what the first frame waits for: a thread per core
  };
  explicit ImageChecker(std::vector<std::string> files, std::function<void()> wake = {},
                        Pace pace = Pace::kBehind);
  ~ImageChecker();
  ImageChecker(const ImageChecker&) = delete;
  ImageChecker& operator=(const ImageChecker&) = delete;

  // The bad files found since the last take; never waits.
  ImageVerdicts take();
  // Every file checked.
  bool finished() const { return remaining_.load() == 0; }
  // Blocks until every file is checked.
  void wait();
  std::size_t checked() const { return files_.size() - remaining_.load(); }

 private:
  void run();

  const std::vector<std::string> files_;
  std::function<void()> wake_;
  std::atomic<std::size_t> next_{0}, remaining_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  ImageVerdicts found_;  // under mu_
  bool woken_ = false;   // under mu_: a wake-up is out, not yet taken
  std::vector<std::thread> workers_;
};

// A deck's images as a window mode checks them.
struct ImageChecks {
  // The files of the slide it starts on, being checked since the deck was
  // read (ImageChecker::Pace::kNow): wait() and apply before the first
  // frame. nullptr: none.
  std::unique_ptr<ImageChecker> first;
  // The deck's other files, each once, in the order they are best checked
  // (the slides after the start, then those before): after the first frame.
  std::vector<std::string> later;
};

// load_show_deck, its images left to the mode in two parts (`*checks`):
// those of slide `start_slide` (1-based, clamped to the deck as
// show::open_show clamps it) being checked, the rest to check later. The
// parser's diagnostics are printed; the images' come with their checks.
bool load_show_deck_starting(const std::string& path, int start_slide, deck::ParseResult* parsed,
                             ImageChecks* checks, int* exit_code, const deck::PdfOptions& pdf = {});
// The same without printing (the kiosk logs).
deck::ParseResult load_deck_starting(const std::string& path, int start_slide, ImageChecks* checks,
                                     const deck::PdfOptions& pdf = {});
// deck::load_deck, then check_images_of slide `start_slide` (1-based,
// clamped) now; the other files in `*later` (a reload: the slide on screen
// checked before it is drawn again, the rest after).
deck::ParseResult load_deck_first(const std::string& path, int start_slide,
                                  std::vector<std::string>* later,
                                  const deck::PdfOptions& pdf = {});

}  // namespace madang::app
