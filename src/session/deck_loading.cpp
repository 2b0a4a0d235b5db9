#include "session/deck_loading.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "render/image.h"
#include "render/image_ahead.h"

namespace madang::app {

namespace {

struct Walker {
  enum class Mode {
    kCollect,  // only fill `verdicts`' keys (and `order`)
    kCheck,    // the verdict of each file, checked now when it is not known
    kApply,    // the verdicts known; a file not among them is fine
  };
  const deck::Deck& deck;
  Diagnostics& out;
  std::map<std::string, std::string> verdicts;  // path -> "" (decodes) or why not
  Mode mode = Mode::kCollect;
  std::vector<std::string> order;  // kCollect: each file as first met
  int slide = 0;                   // the slide being walked (0-based)
  std::vector<int> changed;        // slides with an image cleared, each once

  void walk(deck::Slide& s, int index) {
    slide = index;
    blocks(s.blocks);
    backgrounds(s.background.images);
    backgrounds(s.background.directive_images);
  }

  void walk_all(deck::Deck& d) {
    for (std::size_t i = 0; i < d.slides.size(); ++i) walk(d.slides[i], static_cast<int>(i));
  }

  void blocks(std::vector<deck::Block>& list) {
    for (deck::Block& b : list) {
      // A clip was probed by its own reader (media/probe.h) when the deck was read.
      if (b.kind == deck::BlockKind::kImage && !b.image.resolved.empty() && !b.image.is_clip())
        image(b);
      blocks(b.children);
      for (deck::ListItem& item : b.items) blocks(item.blocks);
    }
  }

  void image(deck::Block& b) { check(b.image, b.line, b.column, "; it is drawn as a placeholder"); }

  void backgrounds(std::vector<deck::BackgroundImage>& list) {
    for (deck::BackgroundImage& bg : list) {
      if (!bg.image.resolved.empty() && !bg.image.is_clip())
        check(bg.image, bg.line, bg.column, "; the background is left out");
    }
  }

  void check(deck::Image& image, int line, int column, const char* instead) {
    if (mode == Mode::kCollect) {
      if (verdicts.emplace(image.resolved, std::string()).second) order.push_back(image.resolved);
      return;
    }
    auto it = verdicts.find(image.resolved);
    if (it == verdicts.end()) {
      if (mode == Mode::kApply) return;
      it = verdicts.emplace(image.resolved, render::check_image(image.resolved)).first;
    }
    if (it->second.empty()) return;
    out.push_back({{deck.path, line, column},
                   Severity::kWarning,
                   "image '" + image.src + "' " + it->second + instead});
    // Not drawable now: no path and no size, as the parser leaves an image
    // it refused, so that layout draws the placeholder.
    image.resolved.clear();
    image.pixel_width = image.pixel_height = 0;
    if (changed.empty() || changed.back() != slide) changed.push_back(slide);
  }
};

// Each file's verdict, read through its decoder on every core
// (render::check_image keeps no pixels).
void check_files(std::map<std::string, std::string>* verdicts) {
  std::vector<std::map<std::string, std::string>::iterator> files;
  for (auto it = verdicts->begin(); it != verdicts->end(); ++it) files.push_back(it);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++)
      files[i]->second = render::check_image(files[i]->first);
  };
  const unsigned cores = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < cores && t < files.size(); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
}

}  // namespace

void check_images(deck::Deck* deck, Diagnostics* diagnostics) {
  // First the distinct files, then each checked, then the verdicts applied
  // in the deck's order.
  Walker walker{*deck, *diagnostics};
  walker.walk_all(*deck);
  check_files(&walker.verdicts);
  walker.mode = Walker::Mode::kCheck;
  walker.walk_all(*deck);
}

namespace {

// The image files of `slides` (0-based; others are ignored) as the keys of
// `*first`, and the deck's other files, each once, in `*later`: the slides
// after the first of `slides`, then those before it, as a talk moves on
// from where it starts.
void split_files(deck::Deck* deck, const std::vector<int>& slides,
                 std::map<std::string, std::string>* first, std::vector<std::string>* later) {
  const int count = static_cast<int>(deck->slides.size());
  Diagnostics none;  // collecting says nothing
  Walker now{*deck, none};
  int from = -1;
  for (int s : slides) {
    if (s < 0 || s >= count) continue;
    if (from < 0) from = s;
    now.walk(deck->slides[static_cast<std::size_t>(s)], s);
  }
  Walker rest{*deck, none};
  for (int i = 1; i <= count; ++i) {
    const int s = (std::max(from, 0) + i) % count;
    rest.walk(deck->slides[static_cast<std::size_t>(s)], s);
  }
  later->clear();
  for (const std::string& path : rest.order)
    if (now.verdicts.count(path) == 0) later->push_back(path);
  *first = std::move(now.verdicts);
}

}  // namespace

std::vector<std::string> check_images_of(deck::Deck* deck, Diagnostics* diagnostics,
                                         const std::vector<int>& slides) {
  std::map<std::string, std::string> first;
  std::vector<std::string> later;
  split_files(deck, slides, &first, &later);
  check_files(&first);
  // A bad file is cleared wherever it shows, as check_images clears it.
  ImageVerdicts bad;
  for (const auto& [path, why] : first)
    if (!why.empty()) bad.emplace(path, why);
  apply_image_verdicts(deck, bad, diagnostics);
  return later;
}

std::vector<int> apply_image_verdicts(deck::Deck* deck, const ImageVerdicts& bad,
                                      Diagnostics* diagnostics) {
  if (bad.empty()) return {};
  Walker walker{*deck, *diagnostics, bad, Walker::Mode::kApply};
  walker.walk_all(*deck);
  return walker.changed;
}

ImageChecker::ImageChecker(std::vector<std::string> files, std::function<void()> wake, Pace pace)
    : files_(std::move(files)), wake_(std::move(wake)), remaining_(files_.size()) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = pace == Pace::kNow ? std::min(cores, 8u) : std::clamp(cores - 1, 1u, 3u);
  for (unsigned t = 0; t < threads && t < files_.size(); ++t) {
    try {
      workers_.emplace_back([this, pace] {
        if (pace == Pace::kBehind) render::run_in_background();  // the frames come first
        run();
      });
    } catch (const std::system_error&) {
      break;
    }
  }
  if (workers_.empty()) run();  // no thread to be had: checked now, as before
}

ImageChecker::~ImageChecker() {
  stop_ = true;
  for (std::thread& t : workers_)
    if (t.joinable()) t.join();
}

void ImageChecker::run() {
  for (std::size_t i = next_++; i < files_.size() && !stop_; i = next_++) {
    std::string why = render::check_image(files_[i]);
    bool call = false;
    if (!why.empty()) {
      std::lock_guard lock(mu_);
      found_.emplace(files_[i], std::move(why));
      call = !std::exchange(woken_, true);
    }
    --remaining_;
    if (call && wake_) wake_();
  }
}

ImageVerdicts ImageChecker::take() {
  std::lock_guard lock(mu_);
  woken_ = false;
  return std::exchange(found_, {});
}

void ImageChecker::wait() {
  for (std::thread& t : workers_)
    if (t.joinable()) t.join();
}

deck::ParseResult load_deck_checked(const std::string& path, const deck::PdfOptions& pdf) {
  deck::ParseOptions options;
  options.pdf = pdf;
  deck::ParseResult result = deck::load_deck(path, options);
  check_images(&result.deck, &result.diagnostics);
  return result;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

bool unreadable(const deck::ParseResult& r) {
  return r.deck.slides.empty() && !r.diagnostics.empty() && r.diagnostics.front().where.line == 0 &&
         r.diagnostics.front().severity == Severity::kError;
}

bool load_show_deck(const std::string& path, deck::ParseResult* parsed, int* exit_code,
                    const deck::PdfOptions& pdf) {
  *parsed = load_deck_checked(path, pdf);  // undecodable images: labelled placeholders
  print_diagnostics(parsed->diagnostics);
  if (!has_errors(parsed->diagnostics)) return true;
  *exit_code = unreadable(*parsed) ? 2 : 1;
  return false;
}

deck::ParseResult load_deck_first(const std::string& path, int start_slide,
                                  std::vector<std::string>* later, const deck::PdfOptions& pdf) {
  deck::ParseOptions options;
  options.pdf = pdf;
  deck::ParseResult result = deck::load_deck(path, options);
  const int count = static_cast<int>(result.deck.slides.size());
  *later = check_images_of(&result.deck, &result.diagnostics,
                           {std::clamp(start_slide - 1, 0, std::max(0, count - 1))});
  return result;
}

deck::ParseResult load_deck_starting(const std::string& path, int start_slide, ImageChecks* checks,
                                     const deck::PdfOptions& pdf) {
  deck::ParseOptions options;
  options.pdf = pdf;
  deck::ParseResult result = deck::load_deck(path, options);
  const int count = static_cast<int>(result.deck.slides.size());
  std::map<std::string, std::string> first;
  split_files(&result.deck, {std::clamp(start_slide - 1, 0, std::max(0, count - 1))}, &first,
              &checks->later);
  std::vector<std::string> files;
  for (const auto& [file, verdict] : first) files.push_back(file);
  checks->first = files.empty() ? nullptr
                                : std::make_unique<ImageChecker>(std::move(files), nullptr,
                                                                 ImageChecker::Pace::kNow);
  return result;
}

bool load_show_deck_starting(const std::string& path, int start_slide, deck::ParseResult* parsed,
                             ImageChecks* checks, int* exit_code, const deck::PdfOptions& pdf) {
  *parsed = load_deck_starting(path, start_slide, checks, pdf);
  print_diagnostics(parsed->diagnostics);
  if (!has_errors(parsed->diagnostics)) return true;
  *checks = {};
  *exit_code = unreadable(*parsed) ? 2 : 1;
  return false;
}

}  // namespace madang::app
