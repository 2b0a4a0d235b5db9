// The Deck model: what a slide description file means, as plain data.
//
// Promise: no SDL, FreeType, cmark or YAML types; every element remembers the
// line and column it came from so that later stages can report problems in
// the user's file. Produced by deck/parse.h, read by layout/ and everything above it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "deck/background.h"
#include "deck/diagnostics.h"
#include "pdf/source.h"

namespace madang::deck {

// ---------------------------------------------------------------- inline text

enum SpanStyle : std::uint8_t {
  kPlain = 0,
  kBold = 1 << 0,
  kItalic = 1 << 1,
  kCode = 1 << 2,
  kStrike = 1 << 3,
  kLink = 1 << 4,
};

// A run of text with one style. Soft line breaks are folded to a space; a hard
// break is a span whose text is "\n". A span never continues on another line
// of the file, so that a character in it can be located: its column is
// `column` plus the code points before it (escapes and entities aside).
struct Span {
  std::string text;  // UTF-8, valid (invalid input was replaced and reported)
  std::uint8_t style = kPlain;
  std::string link;          // target, when style has kLink
  int line = 0, column = 0;  // where its first character is in the file (0: unknown)
};
using RichText = std::vector<Span>;

// Plain text of a rich text (for titles, dumps and tests).
std::string plain_text(const RichText& text);
// The code points of valid UTF-8 (a deck's text always is).
std::u32string code_points(std::string_view utf8);

// ------------------------------------------------------------------ diagrams

enum class DiagramKind { kTriangle, kCompare, kFlow };

// A triangle corner, a flow step or a compare item.
struct DiagramNode {
  std::string id;
  std::string label;
  std::string detail;
  std::vector<std::string> values;  // compare: one per Diagram::attributes
  int line = 0, column = 0;
};

struct DiagramEdge {     // triangle only
  std::string from, to;  // node ids
  std::string label;
  std::string detail;
  int line = 0;
};

struct Diagram {
  DiagramKind kind = DiagramKind::kTriangle;
  std::string title;                    // optional caption
  std::vector<DiagramNode> nodes;       // triangle: 3 corners; flow: steps; compare: items
  std::string center;                   // triangle: optional centre label
  std::vector<DiagramEdge> edges;       // triangle
  std::vector<std::string> attributes;  // compare: row names, in order
  bool stepped = false;                 // flow: Next walks the steps as fragments
};

// -------------------------------------------------------------------- blocks

enum class BlockKind {
  kHeading,
  kParagraph,
  kList,
  kTable,
  kQuote,
  kCode,
  kImage,
  kDiagram,
  kRule,
};

enum class Align { kDefault, kLeft, kCenter, kRight };

struct Block;

struct ListItem {
  std::vector<Block> blocks;  // usually one paragraph, maybe a nested list
  int fragment = 0;           // step at which the item appears (0: from the start)
  int line = 0;
};

// A highlighted piece of a code block (deck/code_highlight.h): what it is,
// for the theme to colour.
enum class CodeTokenKind : std::uint8_t { kKeyword, kType, kString, kComment, kNumber, kFunction };
struct CodeToken {
  std::uint32_t begin = 0, end = 0;  // byte range in Block::code
  CodeTokenKind kind = CodeTokenKind::kKeyword;
  bool operator==(const CodeToken&) const = default;
};

struct Table {
  std::vector<RichText> header;
  std::vector<std::vector<RichText>> rows;  // every row has header.size() cells
  std::vector<Align> align;                 // one per column
  std::vector<int> row_lines;               // file line of each row
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int line = 0, column = 0;
  int fragment = 0;      // step at which the block appears (0: from the start)
  int column_index = 0;  // two-column layout: 0 left, 1 right

  int level = 0;  // heading 1..6
  RichText text;  // heading, paragraph; quote attribution

  bool ordered = false;  // list
  int start = 1;
  std::vector<ListItem> items;

  Table table;

  std::vector<Block> children;  // quote body

  std::string code;                    // code block literal
  std::string info;                    // code block info string
  int code_line = 0;                   // code block: file line of the code's first line
  std::vector<CodeToken> code_tokens;  // code block: its highlighted pieces, in order

  Image image;
  // An image in one paragraph with the image block before it: they are set
  // side by side, as inline images are in Marp (`![w:300](a) ![w:300](b)`).
  bool beside_previous = false;
  Diagram diagram;
  bool fit = false;  // heading: `<!-- fit -->` in it (Marp) sets it to fill the slide's width
};

// -------------------------------------------------------------------- slides

struct Slide {
  int index = 0;       // 1-based
  int line = 0;        // first line of the slide in the file
  std::string layout;  // "" means chosen from content; see docs/format.md
  std::vector<std::string> classes;
  std::string transition;           // "" means the deck's
  std::string notes;                // speaker notes as written (Markdown)
  std::vector<Block> notes_blocks;  // the notes parsed: paragraphs, lists, emphasis
  int notes_line = 0;               // file line of the first notes directive
  std::string source;               // citation shown as a small source line at the foot
  bool incremental = false;
  bool show_footer = true;
  double advance_s = 0;  // kiosk: each step shows this long (`advance: 20s`); 0: the deck's
  // kiosk: `advance: video`: the slide moves on when its clip has played to
  // its end (a slide with a clip and no advance of its own does too).
  bool advance_after_clip = false;
  int steps = 0;  // highest fragment number on the slide
  std::vector<Block> blocks;
  // Marp's header and footer directives, resolved for this slide (a local
  // one carries on to later slides, a `_` spot one is for this slide only);
  // the footer starts as the deck's `footer:`. Inline Markdown.
  RichText header, footer;
  // Images written in them (Marp: a logo, `footer: '![h:40](logo.png) 희망제작소'`),
  // drawn in a row before the text of their line.
  std::vector<Image> header_images, footer_images;
  bool paginate = true;  // show the page number (Marp: `paginate`)
  int page = 0;          // the number shown: slides counted so far (hold and skip are not)
  // Rehearsal (history/): `<!-- id: NAME -->` keeps the slide's recorded
  // times through any edit; `<!-- time: 90s -->` is its time budget.
  std::string id;  // "" when not given (or given twice in the deck)
  int id_line = 0;
  double time_s = 0;  // 0: none
  // Marp backgrounds: `![bg](…)` images and the background directives.
  SlideBackground background;
  std::vector<StyleSetting> style_settings;  // as written on this slide
  // A slide of a PDF deck (Deck::pdf): the page shown at each step, 0-based
  // (steps + 1 entries: consecutive pages with one label are one slide's
  // steps); empty on a slide written in Markdown.
  std::vector<int> pdf_pages;
  // The page's text (of its last step), for identity, search and `layout --json`,
  // and its first line, what a person calls the slide (outlines, identity).
  std::string pdf_text;
  std::string pdf_title;
  // A page with (almost) no text, a photo or a chart, is known by a coarse
  // picture of it: 16 tokens of 4 bits of an 8x8 average hash ("p0a p1f ..."),
  // so that a re-exported page still matches its rehearsal history.
  std::string pdf_picture;
  // Where the slide's notes came from ("talk.pptx", "annotations", ...); "" written here.
  std::string notes_source;
};

struct Meta {
  std::string title, author, event, date;
  std::string lang = "ko";
  int aspect_w = 16, aspect_h = 9;
  std::string theme = "hall";
  // Family names or font files, fallback order, before the default stack. A
  // file path is made absolute against the deck's folder when parsed.
  std::vector<std::string> fonts;
  std::vector<std::pair<int, int>> font_places;  // line, column of each entry of fonts
  std::string footer;
  int footer_line = 0;  // where the front matter sets it (0: not set there)
  std::string transition = "fade";
  bool incremental = false;
  bool paginate = true;
  double duration_s = 0;  // the talk's planned length (`duration: 20m`); 0: not given
  double advance_s = 0;   // kiosk: each step's time (`advance: 15s`); 0: the kiosk's default
  double idle_s = 0;      // kiosk: back to the start after this long untouched; 0: default
  bool advance_after_clip = false;  // `advance: video` in the front matter: every clip slide's
  std::vector<StyleSetting> style_settings;  // background directives in the front matter
  // A Marp deck (front matter `marp:`, a Marp theme or key): Marp's scopes for
  // class and transition (they carry on to later slides) and its fragmented
  // `*` and `1)` lists. docs/format.md, "Coming from Marp".
  bool marp = false;
  unsigned heading_divider = 0;                   // bit L set: a heading of level L starts a slide
  std::string description, url, image, keywords;  // Marp's metadata, kept for exports
};

// How a PDF deck is read (deck/pdf_deck.h); the command line's --password,
// --notes-from, --beamer-notes, --no-overlays, --duration, --advance, --idle.
struct PdfOptions {
  std::string password;
  std::string notes_from;  // "": look beside the PDF, then in the PDF
  enum class BeamerNotes { kNone, kRight, kLeft, kBottom } beamer_notes = BeamerNotes::kNone;
  bool overlays = true;   // consecutive pages with one label are one slide's steps
  double duration_s = 0;  // what a front matter's duration, advance and idle would say
  double advance_s = 0;
  double idle_s = 0;
};

// A PDF deck's pages: what is shown of each and what the console shows as the
// notes' picture (Beamer's notes on a second screen: one half of each page).
struct PdfDeck {
  pdf::SourcePtr source;                              // the file as read; nullptr: not a PDF deck
  pdf::PagePart slide_part;                           // the part of each page that is the slide
  pdf::PagePart notes_part;                           // Beamer: the notes' half; w == 0: none
  double page_width = 0, page_height = 0;             // points, of the first page's slide part
  std::vector<std::pair<double, double>> page_sizes;  // points, of each whole page
  std::string notes_from;  // the file the notes came from ("" none found)
  struct LinkArea {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // fractions of the slide part
    int target_slide = 0;                   // 1-based slide an internal link jumps to; 0 none
    int target_step = 0;                    // and the step of that slide the page is
    std::string uri;
  };
  std::vector<std::vector<LinkArea>> links;  // per page (0-based)
  std::vector<int> page_slide;               // per page: the 1-based slide it is a step of
};

struct Deck {
  std::string path;      // the file as the user named it
  std::string base_dir;  // folder that relative image paths resolve against
  Meta meta;
  std::vector<Slide> slides;
  int pages = 0;  // the page count shown with each number (Marp's hold and skip are not counted)
  PdfDeck pdf;    // set when the deck is a PDF file (deck/pdf_deck.h)
  PdfOptions pdf_options;  // how it was read: a reload reads it the same way
};

}  // namespace madang::deck
