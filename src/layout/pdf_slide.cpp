#include "layout/pdf_slide.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace madang::layout {

int pdf_page_at(const deck::Slide& slide, int step) {
  if (slide.pdf_pages.empty()) return -1;
  const int last = static_cast<int>(slide.pdf_pages.size()) - 1;
  const int at = step < 0 ? last : std::min(step, last);
  return slide.pdf_pages[static_cast<std::size_t>(at)];
}

DisplayList layout_pdf_slide(const deck::Deck& deck, const deck::Slide& slide, int step, int width,
                             int height, Color background) {
  DisplayList list;
  list.width = width;
  list.height = height;
  list.background = background;
  const int page = pdf_page_at(slide, step);
  if (page < 0 || width <= 0 || height <= 0) return list;

  // The page's own aspect (pages of one PDF may differ), else the deck's.
  const deck::PdfDeck& pdf = deck.pdf;
  double page_w = pdf.page_width, page_h = pdf.page_height;
  if (static_cast<std::size_t>(page) < pdf.page_sizes.size()) {
    page_w = pdf.page_sizes[static_cast<std::size_t>(page)].first * pdf.slide_part.w;
    page_h = pdf.page_sizes[static_cast<std::size_t>(page)].second * pdf.slide_part.h;
  }
  Rect rect{0, 0, static_cast<float>(width), static_cast<float>(height)};
  if (page_w > 0 && page_h > 0) {
    const double scale = std::min(width / page_w, height / page_h);
    // Whole pixels: the window draws the page raster 1:1, never resampled.
    rect.w = static_cast<float>(std::max(1.0, std::round(page_w * scale)));
    rect.h = static_cast<float>(std::max(1.0, std::round(page_h * scale)));
    rect.x = std::round((static_cast<float>(width) - rect.w) / 2);
    rect.y = std::round((static_cast<float>(height) - rect.h) / 2);
  }
  Command command;
  command.kind = CommandKind::kPdfPage;
  command.rect = rect;
  command.pdf = pdf.source;
  command.page = page;
  command.page_part = pdf.slide_part;
  command.label = "p" + std::to_string(page + 1);
  list.commands.push_back(std::move(command));

  if (static_cast<std::size_t>(page) < pdf.links.size()) {
    const auto& links = pdf.links[static_cast<std::size_t>(page)];
    for (std::size_t i = 0; i < links.size(); ++i) {
      const deck::PdfDeck::LinkArea& link = links[i];
      HitRegion hit;
      hit.id = "link:" + std::to_string(i);
      hit.label = link.uri.empty() ? "→ " + std::to_string(link.target_slide) : link.uri;
      const float x0 = rect.x + static_cast<float>(std::clamp(link.x0, 0.0, 1.0)) * rect.w;
      const float y0 = rect.y + static_cast<float>(std::clamp(link.y0, 0.0, 1.0)) * rect.h;
      const float x1 = rect.x + static_cast<float>(std::clamp(link.x1, 0.0, 1.0)) * rect.w;
      const float y1 = rect.y + static_cast<float>(std::clamp(link.y1, 0.0, 1.0)) * rect.h;
      hit.rect = {x0, y0, x1 - x0, y1 - y0};
      list.hits.push_back(std::move(hit));
    }
  }
  return list;
}

}  // namespace madang::layout
