#include "session/deck_loading.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>
#include <vector>

#include "render/image.h"

namespace madang::app {

namespace {

struct Walker {
  const deck::Deck& deck;
  Diagnostics& out;
  std::map<std::string, std::string> verdicts;  // path -> "" (decodes) or why not
  bool collect_only = false;                    // first pass: only fill `verdicts`' keys

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
    if (collect_only) {
      verdicts.emplace(image.resolved, std::string());
      return;
    }
    auto it = verdicts.find(image.resolved);
    if (it == verdicts.end())
      it = verdicts.emplace(image.resolved, render::check_image(image.resolved)).first;
    if (it->second.empty()) return;
    out.push_back({{deck.path, line, column},
                   Severity::kWarning,
                   "image '" + image.src + "' " + it->second + instead});
    // Not drawable now: no path and no size, as the parser leaves an image
    // it refused, so that layout draws the placeholder.
    image.resolved.clear();
    image.pixel_width = image.pixel_height = 0;
  }
};

}  // namespace

void check_images(deck::Deck* deck, Diagnostics* diagnostics) {
  // First the distinct files, then each read through its decoder on every
  // core (render::check_image keeps no pixels), then the verdicts applied in
  // the deck's order.
  Walker walker{*deck, *diagnostics, {}, true};
  for (deck::Slide& slide : deck->slides) {
    walker.blocks(slide.blocks);
    walker.backgrounds(slide.background.images);
    walker.backgrounds(slide.background.directive_images);
  }
  std::vector<std::map<std::string, std::string>::iterator> files;
  for (auto it = walker.verdicts.begin(); it != walker.verdicts.end(); ++it) files.push_back(it);
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
  walker.collect_only = false;
  for (deck::Slide& slide : deck->slides) {
    walker.blocks(slide.blocks);
    walker.backgrounds(slide.background.images);
    walker.backgrounds(slide.background.directive_images);
  }
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

}  // namespace madang::app
