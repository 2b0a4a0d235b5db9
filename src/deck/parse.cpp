// parse_deck / load_deck: the pipeline of deck/'s private stages.
//   bytes -> clean_source (UTF-8, line ends) -> find_front_matter ->
//   read_front_matter (YAML: how the slides break) -> split_deck (slides) ->
//   build_slide (cmark-gfm) per slide.
#include "deck/parse.h"

#include <algorithm>
#include <filesystem>

#include "deck/background_directives.h"
#include "deck/font_files.h"
#include "deck/front_matter.h"
#include "deck/images.h"
#include "deck/limits.h"
#include "deck/pdf_deck.h"
#include "deck/report.h"
#include "deck/slide_builder.h"
#include "deck/source_text.h"
#include "deck/split.h"
#include "io/files.h"

namespace madang::deck {

namespace fs = std::filesystem;

std::string plain_text(const RichText& text) {
  std::string out;
  for (const Span& s : text) out += s.text;
  return out;
}

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

namespace {

constexpr const char* kTooBig = "file is larger than 8 MiB; not a slide deck?";

std::string absolute_dir(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec);
  if (ec) p = fs::path(dir);
  return p.lexically_normal().string();
}

std::string first_heading(const Deck& deck) {
  for (const Slide& slide : deck.slides) {
    for (const Block& b : slide.blocks) {
      if (b.kind == BlockKind::kHeading) return plain_text(b.text);
    }
  }
  return {};
}

// Two slides that claim one id would share one rehearsal history: the later
// one loses its id (and is known by its content instead), with a warning.
void drop_repeated_ids(Deck& deck, Reporter& report) {
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    Slide& s = deck.slides[i];
    if (s.id.empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (deck.slides[j].id != s.id) continue;
      report.warning(s.id_line, 1,
                     "slide id '" + s.id + "' is already slide " + std::to_string(j + 1) +
                         "'s; this slide is known by its content instead");
      s.id.clear();
      break;
    }
  }
}

}  // namespace

ParseResult parse_deck(std::string_view source, const std::string& file_name,
                       const ParseOptions& options) {
  ParseResult result;
  Deck& deck = result.deck;
  deck.path = file_name;
  deck.base_dir = absolute_dir(
      !options.base_dir.empty() ? options.base_dir : fs::path(file_name).parent_path().string());
  Reporter report(file_name, result.diagnostics);

  if (source.size() > limits::kMaxFileBytes) {
    report.error(1, 1, kTooBig);
    report.finish();
    return result;
  }
  const std::string text = clean_source(source, report);
  const LineIndex lines(text);
  // The front matter comes first, to know how the slides break (Marp's
  // headingDivider, which a comment may set too, and Marp's rules).
  Diagnostics unused;
  Reporter quiet(file_name, unused);  // never finished: the split reports
  const FrontMatterSource front_matter = find_front_matter(lines, quiet);
  FrontLocals front;
  if (front_matter.present) {
    read_front_matter(front_matter.text, front_matter.line, lines, report, &deck.meta, &front);
    resolve_font_files(deck.base_dir, options.check_files, report, &deck.meta);
  }
  if (const std::string divider = comment_heading_divider(lines); !divider.empty()) {
    unsigned mask = 0;
    if (parse_heading_divider(divider, &mask)) deck.meta.heading_divider = mask;
  }
  const SplitDeck split =
      split_deck(lines, report, SplitRules{deck.meta.heading_divider, deck.meta.marp});

  const bool nothing = split.slides.size() == 1 && split.slides[0].blank;
  if (nothing) {
    report.error(1, 1, "deck has no slides");
  } else {
    std::size_t text_left = limits::kMaxDeckTextBytes;
    bool text_reported = false;
    LocalDirectives carry = front.locals;
    CodeHighlighter highlighter;
    // One look at each image file for the whole load (deck/images.h).
    ImageFiles images(deck.base_dir, options.check_files);
    const SlideEnv env{lines,          report, deck.meta,          images,     &text_left,
                       &text_reported, &carry, &front.first_spots, &deck.meta, &highlighter};
    int page = 0;
    for (std::size_t i = 0; i < split.slides.size(); ++i) {
      const SlideSource& s = split.slides[i];
      if (s.blank && !s.text.empty()) report.warning(s.first_line, 1, "empty slide");
      bool counted = true;
      deck.slides.push_back(build_slide(s, static_cast<int>(i) + 1, env, &counted));
      // Marp: hold shows the last number again, skip shows none; neither counts.
      page += counted ? 1 : 0;
      deck.slides.back().page = std::max(1, page);
    }
    deck.pages = page;
    drop_repeated_ids(deck, report);
    apply_style_settings(deck, images, report);
  }
  if (deck.meta.title.empty()) deck.meta.title = first_heading(deck);
  report.finish();
  return result;
}

namespace {

// The command line's times stand in for a front matter that gives none, and
// the deck remembers how it was read, so that a reload reads it the same way.
ParseResult with_options(ParseResult result, const ParseOptions& options) {
  Meta& meta = result.deck.meta;
  const PdfOptions& given = options.pdf;
  if (meta.duration_s <= 0) meta.duration_s = given.duration_s;
  if (meta.advance_s <= 0) meta.advance_s = given.advance_s;
  if (meta.idle_s <= 0) meta.idle_s = given.idle_s;
  result.deck.pdf_options = given;
  return result;
}

}  // namespace

ParseResult load_deck(const std::string& path, const ParseOptions& options) {
  if (is_pdf_path(path)) return with_options(load_pdf_deck(path, options), options);
  // Regular files only (io/files.h): a FIFO named as the deck would block
  // for ever, /dev/zero would never end.
  io::ReadResult file = io::read_regular_file(path, limits::kMaxFileBytes);
  if (file.too_big) {
    ParseResult r;
    r.deck.path = path;
    r.diagnostics.push_back({{path, 1, 1}, Severity::kError, kTooBig});
    return r;
  }
  if (file.ok && file.bytes.compare(0, 5, "%PDF-") == 0)
    return with_options(load_pdf_deck(path, options), options);
  if (!file.ok) {
    ParseResult r;
    r.deck.path = path;
    r.diagnostics.push_back(
        {{path, 0, 0}, Severity::kError, "cannot read the deck: it " + file.error});
    return r;
  }
  return with_options(parse_deck(file.bytes, path, options), options);
}

}  // namespace madang::deck
