// Slide pictures for the pages (see pictures.h).
#include "remote/pictures.h"

#include <stb_image_write.h>

#include <algorithm>
#include <vector>

#include "layout/layout.h"
#include "render/headless.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::remote {

struct SlidePictures::Impl {
  struct Entry {
    int generation, slide, step, width;
    std::shared_ptr<const std::string> png;
  };
  std::size_t budget;
  std::size_t bytes = 0;
  std::list<Entry> entries;  // most recently asked for first
  int generation = -1;
  std::vector<std::string> families;
  std::unique_ptr<text::FontSystem> fonts;
  std::unique_ptr<text::GlyphCache> glyphs;
  std::unique_ptr<render::ImageCache> images;
  std::unique_ptr<render::HeadlessRenderer> renderer;

  void deck_changed(const deck::Deck& deck, int gen) {
    entries.clear();
    bytes = 0;
    generation = gen;
    renderer.reset();
    if (!fonts || deck.meta.fonts != families) {
      glyphs.reset();
      families = deck.meta.fonts;
      fonts = text::FontSystem::create(families, static_cast<std::vector<std::string>*>(nullptr));
      glyphs = std::make_unique<text::GlyphCache>(*fonts);
    }
    images = std::make_unique<render::ImageCache>();
    renderer = std::make_unique<render::HeadlessRenderer>(*glyphs, *images);
  }
};

SlidePictures::SlidePictures(std::size_t budget_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->budget = budget_bytes;
}

SlidePictures::~SlidePictures() = default;

namespace {

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::string*>(context);
  out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::shared_ptr<const std::string> SlidePictures::png(const std::shared_ptr<const deck::Deck>& deck,
                                                      int generation, int slide, int step,
                                                      int width) {
  if (!deck || slide < 1 || slide > static_cast<int>(deck->slides.size())) return nullptr;
  width = std::clamp(width, kMinPictureWidth, kMaxPictureWidth);
  const deck::Slide& s = deck->slides[static_cast<std::size_t>(slide - 1)];
  step = step <= 0 ? s.steps + 1 : std::min(step, s.steps + 1);
  Impl& m = *impl_;
  if (generation != m.generation || !m.renderer) m.deck_changed(*deck, generation);
  for (auto it = m.entries.begin(); it != m.entries.end(); ++it) {
    if (it->slide == slide && it->step == step && it->width == width) {
      m.entries.splice(m.entries.begin(), m.entries, it);
      return m.entries.front().png;
    }
  }
  const int aspect_w = std::max(1, deck->meta.aspect_w),
            aspect_h = std::max(1, deck->meta.aspect_h);
  const int height = std::max(1, width * aspect_h / aspect_w);
  layout::SlideState state;
  state.step = step - 1;
  const layout::SlideLayout laid =
      layout::layout_slide(*m.fonts, *deck, slide - 1, state, layout::Size{width, height});
  const render::RgbaView view = m.renderer->render_view(laid.list);
  auto bytes = std::make_shared<std::string>();
  bytes->reserve(static_cast<std::size_t>(width) * height / 2);
  stbi_write_png_to_func(append_bytes, bytes.get(), view.width, view.height, 4, view.pixels,
                         static_cast<int>(view.stride));
  ++drawn_;
  m.entries.push_front({generation, slide, step, width, bytes});
  m.bytes += bytes->size();
  while (m.bytes > m.budget && m.entries.size() > 1) {
    m.bytes -= m.entries.back().png->size();
    m.entries.pop_back();
  }
  return bytes;
}

}  // namespace madang::remote
