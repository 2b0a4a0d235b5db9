#include "cli/export_pdf.h"

#include <cstdlib>
#include <ctime>

#include "base/time_text.h"
#include "diagram/interaction.h"
#include "ink/ink_list.h"
#include "layout/handout.h"
#include "layout/layout.h"
#include "render/pdf.h"
#include "text/text.h"

namespace madang::app {

namespace {

// Slides are laid out at 1920 pixels wide (the PNG export's size, so a page
// rasterised at 1920 pixels matches it) and drawn two pixels to the point.
constexpr float kPixelsPerPoint = 2;
constexpr int kSlideWidth = 1920;

layout::Size slide_size(const deck::Meta& meta) {
  const int h = static_cast<int>(static_cast<long long>(kSlideWidth) * std::max(1, meta.aspect_h) /
                                 std::max(1, meta.aspect_w));
  return layout::Size{kSlideWidth, std::max(16, h)};
}

std::string first_chars(const std::string& text, std::size_t max_codepoints) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < max_codepoints) {
    const auto c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  if (i >= text.size()) return text;
  return text.substr(0, i) + "…";
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

}  // namespace

std::string slide_title(const deck::Slide& slide) {
  if (!slide.pdf_pages.empty() && !slide.pdf_title.empty()) return first_chars(slide.pdf_title, 60);
  for (const deck::Block& b : slide.blocks) {
    if (b.kind == deck::BlockKind::kHeading) {
      const std::string t = one_line(deck::plain_text(b.text));
      if (!t.empty()) return t;
    }
  }
  for (const deck::Block& b : slide.blocks) {
    if (b.kind == deck::BlockKind::kParagraph) {
      const std::string t = one_line(deck::plain_text(b.text));
      if (!t.empty()) return first_chars(t, 40);
    }
  }
  return "Slide " + std::to_string(slide.index);
}

std::string source_date_epoch_iso8601() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return "";
  char* end = nullptr;
  const long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0) return "";
  return base::iso8601_utc(static_cast<double>(seconds));
}

PdfExportResult export_pdf(const deck::Deck& deck, const PdfExportJob& job) {
  PdfExportResult result;
  auto fonts = text::FontSystem::create(deck.meta.fonts);
  text::GlyphCache glyphs(*fonts);
  render::ImageCache images;
  render::PdfWriter writer(*fonts, glyphs, images);

  render::PdfMetadata meta;
  meta.title = deck.meta.title;
  meta.author = deck.meta.author;
  meta.subject = deck.meta.event;
  if (!deck.meta.date.empty()) meta.subject += (meta.subject.empty() ? "" : " · ") + deck.meta.date;
  meta.creator = std::string("Madang ") + MADANG_VERSION;
  meta.date = job.date;
  if (!writer.open(job.path, meta, &result.error)) return result;
  for (render::PdfPage& page : slide_pages(*fonts, deck, job, &result.diagnostics)) {
    writer.add_page(std::move(page));
  }
  result.pages = writer.page_count();
  if (!writer.finish(&result.error)) result.pages = 0;
  return result;
}

std::vector<render::PdfPage> slide_pages(text::FontSystem& fonts, const deck::Deck& deck,
                                         const PdfExportJob& job, Diagnostics* diagnostics) {
  std::vector<render::PdfPage> pages;
  const layout::Size size = slide_size(deck.meta);
  for (const int index : job.slides) {
    const deck::Slide& slide = deck.slides[static_cast<std::size_t>(index)];
    const int last_step = job.steps ? std::max(0, slide.steps) : 0;
    for (int step = 0; step <= last_step; ++step) {
      layout::SlideState base;
      base.step = job.steps ? step : -1;
      // --select leaves the slide exactly as the same clicks would.
      const layout::SlideState state = diagram::select_ids(slide, base, job.select);
      layout::SlideLayout l = layout::layout_slide(fonts, deck, index, state, size);
      for (Diagnostic& d : l.diagnostics) diagnostics->push_back(std::move(d));
      if (job.ink) {
        const auto strokes = ink::visible_strokes(*job.ink, index, state.step);
        if (!strokes.empty()) l.list = ink::with_ink(l.list, strokes);
      }

      render::PdfPage page;
      // Every step of a slide carries the slide's label (Beamer's overlays and
      // pdfpc's convention): a PDF reader jumps to "4", and Madang reads the
      // pages back as one slide with its steps (pdf-decks.md).
      page.label = std::to_string(slide.index);
      if (step == 0) page.bookmark = slide_title(slide);
      if (job.notes) {
        layout::HandoutPage handout = layout::layout_handout(fonts, deck, index);
        for (Diagnostic& d : handout.diagnostics) diagnostics->push_back(std::move(d));
        page.width = layout::kHandoutWidthPt;
        page.height = layout::kHandoutHeightPt;
        const float to_pt = 1 / layout::kHandoutPixelsPerPoint;
        const layout::Rect box = handout.slide_box;
        page.placements.push_back({std::move(handout.list), 0, 0, to_pt});
        page.placements.push_back({std::move(l.list), box.x * to_pt, box.y * to_pt,
                                   box.w * to_pt / static_cast<float>(size.width)});
      } else {
        page.width = static_cast<float>(size.width) / kPixelsPerPoint;
        page.height = static_cast<float>(size.height) / kPixelsPerPoint;
        page.placements.push_back({std::move(l.list), 0, 0, 1 / kPixelsPerPoint});
      }
      pages.push_back(std::move(page));
    }
  }
  return pages;
}

}  // namespace madang::app
