#include "modes/console_view.h"

namespace madang::app {

namespace {

struct TextureDeleter {
  void operator()(SDL_Texture* t) const {
    if (t) SDL_DestroyTexture(t);
  }
};

// The console's input without the time: what the base picture depends on.
layout::ConsoleInput without_clock(layout::ConsoleInput input) {
  input.clock = {};
  return input;
}

}  // namespace

struct ConsoleView::Impl {
  SDL_Renderer* renderer = nullptr;
  DeckResources* res = nullptr;
  int generation = -1;
  std::optional<layout::ConsoleInput> input;  // of `laid`, clock cleared
  layout::Size size;
  layout::ConsoleLayout laid;
  layout::ConsoleClock clock;                         // of `laid.clock`
  std::unique_ptr<SDL_Texture, TextureDeleter> base;  // `laid.base`, drawn
  bool base_drawn = false;
};

ConsoleView::ConsoleView(SDL_Renderer* renderer, DeckResources& resources)
    : impl_(std::make_unique<Impl>()), view_(renderer, resources) {
  impl_->renderer = renderer;
  impl_->res = &resources;
}

ConsoleView::~ConsoleView() = default;

void ConsoleView::invalidate() {
  impl_->input.reset();
  impl_->base.reset();
  impl_->base_drawn = false;
  view_.invalidate();
}

const layout::ConsoleLayout& ConsoleView::laid_out(const deck::Deck& deck,
                                                   const layout::ConsoleInput& input, int w,
                                                   int h) {
  Impl& m = *impl_;
  const layout::Size size{std::max(1, w), std::max(1, h)};
  layout::ConsoleInput key = without_clock(input);
  if (!m.input || !(*m.input == key) || !(m.size == size) || m.generation != m.res->generation()) {
    m.laid = layout::layout_console(m.res->fonts(), m.res->layouts(), deck, input, size);
    m.clock = input.clock;
    m.input = std::move(key);
    m.size = size;
    m.generation = m.res->generation();
    m.base_drawn = false;
  } else if (!(m.clock == input.clock)) {
    m.laid.clock = layout::layout_console_clock(m.res->fonts(), deck, input.clock, size);
    m.clock = input.clock;
  }
  return m.laid;
}

void ConsoleView::draw(const deck::Deck& deck, const layout::ConsoleInput& input, int w, int h) {
  Impl& m = *impl_;
  const layout::ConsoleLayout& laid = laid_out(deck, input, w, h);
  SDL_Texture* target = SDL_GetRenderTarget(m.renderer);
  int tw = 0, th = 0;
  if (m.base) SDL_QueryTexture(m.base.get(), nullptr, nullptr, &tw, &th);
  if (!m.base || tw != w || th != h) {
    m.base.reset(
        SDL_CreateTexture(m.renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h));
    m.base_drawn = false;
  }
  if (!m.base) {
    // No render targets: draw it all every time.
    view_.draw_list(laid.base, 0, 0);
    view_.draw_list(laid.clock, 0, 0);
    return;
  }
  if (!m.base_drawn) {
    SDL_SetRenderTarget(m.renderer, m.base.get());
    view_.draw_list(laid.base, 0, 0);
    SDL_SetRenderTarget(m.renderer, target);
    m.base_drawn = true;
  }
  SDL_SetTextureBlendMode(m.base.get(), SDL_BLENDMODE_NONE);
  SDL_RenderCopy(m.renderer, m.base.get(), nullptr, nullptr);
  view_.draw_list(laid.clock, 0, 0);
}

}  // namespace madang::app
