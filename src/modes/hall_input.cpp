#include "modes/hall_input.h"

#include <cstdlib>

#include "diagram/interaction.h"
#include "input/diagram_input.h"
#include "layout/pdf_slide.h"

namespace madang::app {

namespace {

void output_size(const HallTarget& hall, int* w, int* h) {
  hall.window->output_size(w, h);
}

}  // namespace

const layout::DisplayList* hall_list(const HallTarget& hall, const show::Show& show, bool covered) {
  if (covered || show.freeze.on || show.at.blank != show::Blank::kNone) return nullptr;
  int w = 0, h = 0;
  output_size(hall, &w, &h);
  return hall.view->laid_out(show.deck, show::hall(show), w, h);
}

layout::Point on_hall_slide(const HallTarget& hall, const deck::Deck& deck, float x, float y) {
  int w = 0, h = 0;
  output_size(hall, &w, &h);
  return window_to_slide(x, y, hall.window->scale(), hall.view->slide_rect_of(w, h, deck));
}

show::Change hall_hover(show::Show& show, const HallTarget& hall, float x, float y, bool covered) {
  const layout::DisplayList* list = hall_list(hall, show, covered);
  if (!list) return {};
  const layout::Point p = on_hall_slide(hall, show.deck, x, y);
  return show::take(show, diagram::pointer_move(*list, show::here(show), p.x, p.y).state);
}

bool hall_link(const show::Show& show, const HallTarget& hall, float x, float y, bool covered,
               int* slide, int* step) {
  const deck::Slide* here = show::current_slide(show);
  const layout::DisplayList* list = hall_list(hall, show, covered);
  if (!here || !list || here->pdf_pages.empty()) return false;
  const layout::Point p = on_hall_slide(hall, show.deck, x, y);
  const layout::HitRegion* hit = diagram::hit_test(*list, p.x, p.y);
  if (!hit || hit->id.rfind("link:", 0) != 0) return false;
  const int page = layout::pdf_page_at(*here, show.at.step);
  const auto& links = show.deck.pdf.links;
  if (page < 0 || static_cast<std::size_t>(page) >= links.size()) return false;
  const std::size_t index = static_cast<std::size_t>(std::atoi(hit->id.c_str() + 5));
  if (index >= links[static_cast<std::size_t>(page)].size()) return false;
  const deck::PdfDeck::LinkArea& link = links[static_cast<std::size_t>(page)][index];
  if (link.target_slide <= 0) return false;
  *slide = link.target_slide - 1;
  *step = link.target_step;
  return true;
}

show::Change hall_click(show::Show& show, const HallTarget& hall, float x, float y, bool covered) {
  const deck::Slide* slide = show::current_slide(show);
  const layout::DisplayList* list = hall_list(hall, show, covered);
  if (!slide || !list) return {};
  const layout::Point p = on_hall_slide(hall, show.deck, x, y);
  return show::take(show, diagram::click(*slide, *list, show::here(show), p.x, p.y).state);
}

std::string clip_at(const layout::DisplayList& list, float x, float y) {
  const layout::HitRegion* hit = diagram::hit_test(list, x, y);
  if (!hit || hit->id.rfind("clip:", 0) != 0) return {};
  return hit->id.substr(5);
}

std::string hall_clip(const show::Show& show, const HallTarget& hall, float x, float y,
                      bool covered) {
  const layout::DisplayList* list = hall_list(hall, show, covered);
  if (!list) return {};
  const layout::Point p = on_hall_slide(hall, show.deck, x, y);
  return clip_at(*list, p.x, p.y);
}

bool diagram_key(show::Show& show, const layout::DisplayList* list, int scancode, int mods,
                 show::Change* change) {
  const deck::Slide* slide = show::current_slide(show);
  const bool diagrams = slide && diagram::has_diagrams(*slide);
  const KeyRoute route =
      route_key(scancode, mods, key_context(show.at, show::here(show), diagrams));
  diagram::Update update;
  switch (route) {
    case KeyRoute::kFocusNext:
    case KeyRoute::kFocusPrevious:
      if (list) {
        update = diagram::focus_next(*list, show::here(show), route == KeyRoute::kFocusPrevious);
      }
      break;
    case KeyRoute::kPressEnter:
      if (slide) update = diagram::press_enter(*slide, show::here(show));
      break;
    case KeyRoute::kDiagramEscape:
      update = diagram::escape(show::here(show));
      break;
    case KeyRoute::kNavigation:
      break;
  }
  if (!update.handled) return false;
  *change = show::take(show, update.state);
  return true;
}

void begin_hall_transition(const HallTarget& hall, const show::Show& show,
                           const show::HallPicture& before, double now_ms,
                           const TransitionStyle& style) {
  int w = 0, h = 0;
  output_size(hall, &w, &h);
  hall.view->begin(show.deck, before.slide, before.state, show::hall(show), w, h, now_ms, style);
}

show::Change DiagramClock::tick(show::Show& show, double now_ms) {
  if (!diagram::animating(show::here(show))) {
    last_ms_ = -1;
    return {};
  }
  // The first frame of a change shows it at 0; later ones move on by the
  // time that really passed, so the animation lasts its 200 ms whatever the
  // frame rate.
  const double dt = last_ms_ < 0 ? 0 : now_ms - last_ms_;
  last_ms_ = now_ms;
  return show::take(show, diagram::tick(show::here(show), static_cast<float>(dt / 1000.0)));
}

}  // namespace madang::app
