// load_pdf_deck: pdf/ reads the pages; this file makes them slides.
//   Source -> Document::info -> notes (first source found) -> pages grouped
//   into slides by label -> notes, links, durations and transitions per slide.
#include "deck/pdf_deck.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <set>
#include <utility>

#include "base/space_text.h"
#include "deck/pdf_notes.h"
#include "io/files.h"
#include "pdf/document.h"

namespace madang::deck {

namespace fs = std::filesystem;

bool is_pdf_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string tail = path.substr(path.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".pdf";
}

namespace {

// ------------------------------------------------------------------- helpers

Diagnostic at_file(const std::string& file, Severity severity, std::string message) {
  return {{file, 0, 0}, severity, std::move(message)};
}

Diagnostic at_page(const std::string& file, int page, Severity severity, std::string message) {
  Diagnostic d{{file, 0, 0}, severity, std::move(message)};
  d.where.page = page;
  return d;
}

std::string folder_of(const std::string& path, const std::string& given) {
  std::error_code ec;
  fs::path dir = given.empty() ? fs::path(path).parent_path() : fs::path(given);
  fs::path absolute = fs::absolute(dir.empty() ? fs::path(".") : dir, ec);
  return (ec ? dir : absolute).lexically_normal().string();
}

// The stem beside which notes files are looked for: "talk" of "talk.pdf".
std::string stem_path(const std::string& path) {
  return is_pdf_path(path) ? path.substr(0, path.size() - 4) : path;
}

// The page's first non-blank line: what a person calls the slide.
std::string first_line(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = base::fold_spaces(text.substr(start, end - start));
    if (!line.empty()) {
      if (line.size() > 160) {
        std::size_t cut = 160;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80) --cut;
        line.resize(cut);
      }
      return line;
    }
    start = end + 1;
  }
  return "";
}

// w:h of a page's slide part in small whole numbers (1280x720 -> 16:9,
// A4 landscape -> 1414:1000), so that layout's size follows the pages.
void aspect_of(double width, double height, int* aspect_w, int* aspect_h) {
  if (width <= 0 || height <= 0) return;
  const double ratio = width / height;
  for (int h = 1; h <= 20; ++h) {
    const double w = ratio * h;
    if (std::abs(w - std::round(w)) < 0.01 * h && std::round(w) >= 1) {
      *aspect_w = static_cast<int>(std::round(w));
      *aspect_h = h;
      return;
    }
  }
  *aspect_w = static_cast<int>(std::lround(ratio * 1000));
  *aspect_h = 1000;
}

// An 8x8 average hash of a page, as 16 tokens of 4 bits: an edit that
// changes a few of the picture's blocks changes a few tokens, not all.
std::string picture_tokens(const pdf::Document& document, int page, pdf::PagePart part) {
  const pdf::PageRaster raster = pdf::render_page(document, page, 8, 8, part);
  if (raster.pixels.size() != 8 * 8 * 4) return "";
  int grey[64];
  int sum = 0;
  for (int i = 0; i < 64; ++i) {
    const std::uint8_t* p = &raster.pixels[static_cast<std::size_t>(i) * 4];
    grey[i] = (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
    sum += grey[i];
  }
  std::string out;
  static const char kHex[] = "0123456789abcdef";
  for (int token = 0; token < 16; ++token) {
    int bits = 0;
    for (int b = 0; b < 4; ++b) bits = bits << 1 | (grey[token * 4 + b] * 64 > sum ? 1 : 0);
    if (!out.empty()) out += ' ';
    out += 'p';
    out += kHex[token];
    out += kHex[bits];
  }
  return out;
}

// ---------------------------------------------------------------------- notes

struct NotesChoice {
  FoundNotes found;
  std::string from;  // the file, or "annotations"
};

// First found wins: --notes-from, then beside the PDF, then annotations.
NotesChoice find_notes(const std::string& pdf_path, const PdfOptions& options,
                       const pdf::DocumentInfo& info, Diagnostics* diagnostics) {
  auto read = [](const std::string& file) {
    const std::string lower = [&] {
      std::string s = file;
      std::transform(s.begin(), s.end(), s.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return s;
    }();
    auto ends = [&](const std::string& tail) {
      return lower.size() >= tail.size() &&
             lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends(".pptx")) return read_pptx_notes(file);
    if (ends(".pdfpc")) return read_pdfpc_notes(file);
    return read_markdown_notes(file);
  };
  NotesChoice choice;
  if (!options.notes_from.empty()) {
    choice.found = read(options.notes_from);
    for (Diagnostic& d : choice.found.diagnostics) diagnostics->push_back(std::move(d));
    if (choice.found.ok) {
      choice.from = options.notes_from;
      return choice;
    }
  }
  const std::string stem = stem_path(pdf_path);
  for (const char* extension : {".pptx", ".pdfpc", ".notes.md"}) {
    const std::string file = stem + extension;
    if (!io::regular_file_problem(file).empty()) continue;
    NotesChoice beside{read(file), file};
    for (Diagnostic& d : beside.found.diagnostics) diagnostics->push_back(std::move(d));
    if (beside.found.ok) return beside;
  }
  choice = {};
  choice.found.numbering = FoundNotes::Numbering::kPages;
  for (std::size_t page = 0; page < info.pages.size(); ++page) {
    std::string text;
    for (const std::string& note : info.pages[page].notes) {
      if (!text.empty()) text += "\n\n";
      text += note;
    }
    if (!text.empty()) choice.found.notes[static_cast<int>(page) + 1] = std::move(text);
  }
  if (!choice.found.notes.empty()) {
    choice.found.ok = true;
    choice.from = "annotations";
  }
  return choice;
}

// Notes as Markdown -> blocks, by the parser Madang decks use for theirs.
std::vector<Block> notes_blocks(const std::string& text, const std::string& file) {
  ParseOptions options;
  options.check_files = false;
  ParseResult parsed = parse_deck(text, file, options);
  std::vector<Block> out;
  for (Slide& slide : parsed.deck.slides)
    for (Block& block : slide.blocks) out.push_back(std::move(block));
  return out;
}

// ------------------------------------------------------------------- slides

pdf::PagePart slide_part(PdfOptions::BeamerNotes beamer) {
  switch (beamer) {
    case PdfOptions::BeamerNotes::kRight:
      return {0, 0, 0.5, 1};
    case PdfOptions::BeamerNotes::kLeft:
      return {0.5, 0, 0.5, 1};
    case PdfOptions::BeamerNotes::kBottom:
      return {0, 0, 1, 0.5};
    case PdfOptions::BeamerNotes::kNone:
      break;
  }
  return {};
}

pdf::PagePart notes_part(PdfOptions::BeamerNotes beamer) {
  switch (beamer) {
    case PdfOptions::BeamerNotes::kRight:
      return {0.5, 0, 0.5, 1};
    case PdfOptions::BeamerNotes::kLeft:
      return {0, 0, 0.5, 1};
    case PdfOptions::BeamerNotes::kBottom:
      return {0, 0.5, 1, 0.5};
    case PdfOptions::BeamerNotes::kNone:
      break;
  }
  return {0, 0, 0, 0};
}

// Runs of consecutive pages with one (non-empty) label are one slide.
std::vector<std::vector<int>> group_pages(const std::vector<std::string>& labels, bool overlays) {
  std::vector<std::vector<int>> slides;
  for (int page = 0; page < static_cast<int>(labels.size()); ++page) {
    const std::string& label = labels[static_cast<std::size_t>(page)];
    if (overlays && !slides.empty() && !label.empty() &&
        label == labels[static_cast<std::size_t>(slides.back().back())]) {
      slides.back().push_back(page);
    } else {
      slides.push_back({page});
    }
  }
  return slides;
}

}  // namespace

// ---------------------------------------------------------------- the deck

ParseResult load_pdf_deck(const std::string& path, const ParseOptions& options) {
  std::string error;
  pdf::SourcePtr source = pdf::read_source(path, options.pdf.password, &error);
  if (!source) {
    ParseResult r;
    r.deck.path = path;
    r.diagnostics.push_back(at_file(path, Severity::kError, "cannot read the deck: it " + error));
    return r;
  }
  return pdf_deck_from_source(std::move(source), options);
}

ParseResult pdf_deck_from_source(pdf::SourcePtr source, const ParseOptions& options) {
  ParseResult result;
  Deck& deck = result.deck;
  Diagnostics& said = result.diagnostics;
  const std::string path = source ? source->path : std::string();
  deck.path = path;
  deck.base_dir = folder_of(path, options.base_dir);

  // A PDF ends with %%EOF; one that does not is cut short, or still being
  // written (PowerPoint and HWP rewrite the file in place): poppler would
  // rebuild what it can and show a few of the pages as if that were the deck.
  if (source) {
    const std::string& bytes = source->bytes;
    const std::size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
    if (bytes.compare(0, 5, "%PDF-") == 0 && bytes.find("%%EOF", tail) == std::string::npos) {
      said.push_back(at_file(path, Severity::kError,
                             "cannot read the deck: it ends before the PDF's %%EOF (cut "
                             "short, or still being written)"));
      return result;
    }
  }
  pdf::Failure failure = pdf::Failure::kNone;
  std::string error;
  std::unique_ptr<pdf::Document> document = pdf::Document::open(source, &failure, &error);
  if (!document) {
    said.push_back(at_file(path, Severity::kError, "cannot read the deck: it " + error));
    return result;
  }
  const pdf::DocumentInfo info = document->info();
  if (info.pages_in_file > static_cast<int>(info.pages.size())) {
    said.push_back(at_file(path, Severity::kWarning,
                           "has " + std::to_string(info.pages_in_file) + " pages; the first " +
                               std::to_string(info.pages.size()) + " are shown"));
  }

  const PdfOptions& opt = options.pdf;
  deck.pdf.source = source;
  deck.pdf_options = options.pdf;
  deck.pdf.slide_part = slide_part(opt.beamer_notes);
  deck.pdf.notes_part = notes_part(opt.beamer_notes);
  const pdf::PageInfo& first = info.pages.front();
  deck.pdf.page_width = first.width * deck.pdf.slide_part.w;
  deck.pdf.page_height = first.height * deck.pdf.slide_part.h;

  // Pages too large to draw are refused one by one (shown blank, said where).
  for (std::size_t page = 0; page < info.pages.size(); ++page) {
    const pdf::PageInfo& p = info.pages[page];
    deck.pdf.page_sizes.emplace_back(p.width, p.height);
    if (p.width > pdf::kMaxPagePoints || p.height > pdf::kMaxPagePoints || p.width <= 0 ||
        p.height <= 0) {
      said.push_back(at_page(path, static_cast<int>(page) + 1, Severity::kWarning,
                             "the page is " + std::to_string(static_cast<long>(p.width)) + " x " +
                                 std::to_string(static_cast<long>(p.height)) +
                                 " points, outside what is drawn (up to 14400 on a side); it "
                                 "is shown blank"));
    }
  }

  Meta& meta = deck.meta;
  meta.title = info.title.empty() ? fs::path(path).stem().string() : info.title;
  meta.author = info.author;
  meta.description = info.subject;
  meta.keywords = info.keywords;
  aspect_of(deck.pdf.page_width, deck.pdf.page_height, &meta.aspect_w, &meta.aspect_h);
  meta.transition = "none";  // a PDF turns its pages; /Trans says otherwise per page
  meta.paginate = false;     // the pages carry their own numbers
  meta.duration_s = opt.duration_s;
  meta.advance_s = opt.advance_s;
  meta.idle_s = opt.idle_s;

  // Notes first: pdfpc's file may say which pages are overlays.
  NotesChoice notes = find_notes(path, opt, info, &said);
  std::vector<std::string> labels;
  for (std::size_t page = 0; page < info.pages.size(); ++page) {
    auto known = notes.found.labels.find(static_cast<int>(page) + 1);
    labels.push_back(known != notes.found.labels.end() ? known->second : info.pages[page].label);
  }
  // Madang's own `export --steps`: an outline entry opens each slide. (Its
  // labels say the same, but cairo leaves out the first entry of a label
  // list that starts at 1, and poppler then reads the labels shifted.)
  // A forum's PDF has a label of its own on every page ("2-14") and talks
  // at the top of its outline: its labels say it all.
  const bool distinct_labels = [&] {
    std::set<std::string> seen;
    for (const std::string& l : labels) {
      if (l.empty() || !seen.insert(l).second) return false;
    }
    return true;
  }();
  if (info.creator.rfind("Madang", 0) == 0 && notes.found.labels.empty() && !distinct_labels &&
      !info.outline_pages.empty() && info.outline_pages.front() == 0 &&
      std::is_sorted(info.outline_pages.begin(), info.outline_pages.end())) {
    std::size_t entry = 0;
    for (std::size_t page = 0; page < labels.size(); ++page) {
      while (entry + 1 < info.outline_pages.size() &&
             info.outline_pages[entry + 1] <= static_cast<int>(page))
        ++entry;
      labels[page] = "outline " + std::to_string(entry + 1);
    }
  }
  const std::vector<std::vector<int>> groups = group_pages(labels, opt.overlays);

  deck.pdf.page_slide.assign(info.pages.size(), 0);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Slide slide;
    slide.index = static_cast<int>(i) + 1;
    slide.page = slide.index;
    slide.show_footer = false;
    slide.paginate = false;
    slide.pdf_pages = groups[i];
    slide.steps = static_cast<int>(groups[i].size()) - 1;
    const pdf::PageInfo& shown = info.pages[static_cast<std::size_t>(groups[i].back())];
    slide.pdf_text = shown.text;
    slide.pdf_title = first_line(shown.text);
    if (base::fold_spaces(shown.text).size() < 16)
      slide.pdf_picture = picture_tokens(*document, groups[i].back(), deck.pdf.slide_part);
    const pdf::PageInfo& opening = info.pages[static_cast<std::size_t>(groups[i].front())];
    if (opening.duration_s > 0) slide.advance_s = opening.duration_s;
    if (!opening.transition.empty()) slide.transition = opening.transition;
    for (int page : groups[i]) deck.pdf.page_slide[static_cast<std::size_t>(page)] = slide.index;
    deck.slides.push_back(std::move(slide));
  }
  deck.pages = static_cast<int>(deck.slides.size());

  // The notes onto the slides: by slide, or by page (joined per slide).
  if (notes.found.ok) {
    deck.pdf.notes_from = notes.from;
    std::map<int, std::vector<std::string>> by_slide;
    for (const auto& [number, text] : notes.found.notes) {
      int slide = number;
      if (notes.found.numbering == FoundNotes::Numbering::kPages) {
        slide = number >= 1 && number <= static_cast<int>(deck.pdf.page_slide.size())
                    ? deck.pdf.page_slide[static_cast<std::size_t>(number) - 1]
                    : 0;
      }
      if (slide < 1 || slide > static_cast<int>(deck.slides.size())) {
        said.push_back(at_file(
            notes.from, Severity::kWarning,
            "notes for " +
                std::string(notes.found.numbering == FoundNotes::Numbering::kPages ? "page "
                                                                                   : "slide ") +
                std::to_string(number) + ", but " + path + " has " +
                std::to_string(notes.found.numbering == FoundNotes::Numbering::kPages
                                   ? info.pages.size()
                                   : deck.slides.size()) +
                "; they are not shown"));
        continue;
      }
      // Overlays repeat their notes page after page (Beamer, annotations):
      // a paragraph the slide has already is said once.
      std::vector<std::string>& texts = by_slide[slide];
      for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find("\n\n", at);
        if (end == std::string::npos) end = text.size();
        const std::string paragraph = text.substr(at, end - at);
        if (!paragraph.empty() && std::find(texts.begin(), texts.end(), paragraph) == texts.end())
          texts.push_back(paragraph);
        at = end + 2;
      }
    }
    for (auto& [slide, texts] : by_slide) {
      Slide& s = deck.slides[static_cast<std::size_t>(slide) - 1];
      for (const std::string& text : texts) {
        if (!s.notes.empty()) s.notes += "\n\n";
        s.notes += text;
      }
      s.notes_blocks = notes_blocks(s.notes, notes.from);
      s.notes_source = fs::path(notes.from).filename().string();
      if (notes.from == "annotations") s.notes_source = notes.from;
    }
  } else if (deck.pdf.notes_part.w > 0) {
    deck.pdf.notes_from = "beamer";
  }

  // Links, in the fractions of the slide part, with the slide they go to.
  deck.pdf.links.resize(info.pages.size());
  const pdf::PagePart part = deck.pdf.slide_part;
  for (std::size_t page = 0; page < info.pages.size(); ++page) {
    for (const pdf::Link& link : info.pages[page].links) {
      PdfDeck::LinkArea area;
      area.x0 = (link.x0 - part.x) / part.w;
      area.x1 = (link.x1 - part.x) / part.w;
      area.y0 = (link.y0 - part.y) / part.h;
      area.y1 = (link.y1 - part.y) / part.h;
      if (area.x1 <= 0 || area.y1 <= 0 || area.x0 >= 1 || area.y0 >= 1) continue;
      if (link.target_page >= 0) {
        if (link.target_page >= static_cast<int>(info.pages.size())) continue;
        area.target_slide = deck.pdf.page_slide[static_cast<std::size_t>(link.target_page)];
        const Slide& target = deck.slides[static_cast<std::size_t>(area.target_slide) - 1];
        area.target_step = static_cast<int>(
            std::find(target.pdf_pages.begin(), target.pdf_pages.end(), link.target_page) -
            target.pdf_pages.begin());
      }
      area.uri = link.uri;
      deck.pdf.links[page].push_back(std::move(area));
    }
  }

  // Fonts a page uses but does not carry: drawn with a substitute, often
  // wrongly for Korean (HWP's exports are the usual case).
  std::set<std::string> named;
  for (std::size_t page = 0; page < info.pages.size(); ++page) {
    for (const std::string& font : info.pages[page].fonts_not_embedded) {
      if (!named.insert(font).second) continue;
      said.push_back(at_page(path, static_cast<int>(page) + 1, Severity::kWarning,
                             "the font '" + font +
                                 "' is not embedded in the PDF; it is drawn with a substitute "
                                 "(embed fonts when exporting)"));
    }
  }
  return result;
}

}  // namespace madang::deck
