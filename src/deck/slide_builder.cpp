// Index of this file:
// [SECTION] Helpers
// [SECTION] Inline content
// [SECTION] Blocks
// [SECTION] Tables
// [SECTION] Directives
// [SECTION] Fragments
// [SECTION] Entry point

#include "deck/slide_builder.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "deck/background_directives.h"
#include "deck/cmark_util.h"
#include "deck/diagram_yaml.h"
#include "deck/directives.h"
#include "deck/duration.h"
#include "deck/emoji.h"
#include "deck/front_matter.h"
#include "deck/images.h"
#include "deck/limits.h"
#include "deck/scoped.h"
#include "deck/suggest.h"

namespace madang::deck {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

void set_fragment(Block& block, int fragment, int column_index) {
  block.fragment = fragment;
  block.column_index = column_index;
  for (Block& child : block.children) set_fragment(child, fragment, column_index);
  for (ListItem& item : block.items) {
    item.fragment = std::max(item.fragment, fragment);
    for (Block& child : item.blocks) set_fragment(child, item.fragment, column_index);
  }
}

constexpr const char* kLayouts[] = {"title", "section", "content", "two-column", "quote", "image"};
constexpr const char* kLayoutList = "title, section, content, two-column, quote, image";

template <std::size_t N>
bool one_of(const std::string& s, const char* const (&names)[N]) {
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return s == n; });
}

// Slides, and speaker notes: notes are Markdown too, but only text (no
// images, diagrams or directives), and nothing in them is an error: odd
// Markdown in the notes never stops a show. A header or footer line is read
// as notes are, but its images are kept (line_images_), not their alt text.
enum class Mode { kSlide, kNotes, kLine };

class Builder {
 public:
  Builder(const SlideSource& source, const SlideEnv& env, Mode mode = Mode::kSlide)
      : src_(source), env_(env), mode_(mode) {}

  Slide build(int index);
  std::vector<Block> build_notes();

 private:
  void where(cmark_node* node, int* line, int* column) const;
  int file_line(int slide_line) const { return src_.first_line + slide_line - 1; }
  RichText inlines(cmark_node* container);
  void blocks(cmark_node* parent, int depth, std::vector<Block>* out);
  void block(cmark_node* node, int depth, std::vector<Block>* out);
  bool image_paragraph(cmark_node* paragraph, std::vector<Block>* out);
  void code_block(cmark_node* node, Block* out);
  void table(cmark_node* node, Block* out);
  void html_block(cmark_node* node);
  void comment(const Comment& c, int line, int column);
  void directive(const Comment& c, int line, int column);
  void global_directive(const Comment& c, int line, int column);
  void add_note(const std::string& text, int line);
  RichText inline_markdown(const std::string& text, int line, std::vector<Image>* images);
  void resolve_directives();
  void assign_fragments();
  bool spend(int line, int column);
  void spend_text(std::string* text, cmark_node* node);

  void notes();

  const SlideSource& src_;
  const SlideEnv& env_;
  const Mode mode_;
  Slide slide_;
  bool nesting_reported_ = false;
  int budget_ = limits::kMaxBlocksPerSlide;  // blocks, items and rows left
  bool budget_reported_ = false;
  // Per top-level block: pauses seen before it and its column.
  std::vector<int> pauses_before_;
  std::vector<int> column_of_;
  int pauses_ = 0;
  int column_ = 0;
  int column_line_ = 0, column_col_ = 0;
  bool incremental_set_ = false;
  LocalDirectives spots_;           // Marp's `_name` directives of this slide
  bool fit_ = false;                // a `<!-- fit -->` was in the inline content just read
  std::vector<Image> line_images_;  // Mode::kLine: the images of the line, in order

 public:
  bool counted_ = true;
};

void Builder::where(cmark_node* node, int* line, int* column) const {
  // Inline nodes may lack positions; use the nearest ancestor's.
  while (node != nullptr && cmark_node_get_start_line(node) <= 0) node = cmark_node_parent(node);
  if (node == nullptr) {
    *line = src_.first_line;
    *column = 1;
    return;
  }
  *line = file_line(cmark_node_get_start_line(node));
  *column = env_.lines.column(*line, std::max(1, cmark_node_get_start_column(node)));
}

// Takes one unit of the slide's block budget; false (reported once) when spent.
bool Builder::spend(int line, int column) {
  if (budget_ > 0) {
    --budget_;
    return true;
  }
  if (!budget_reported_) {
    budget_reported_ = true;
    env_.report.error(line, column,
                      "slide has more than " + std::to_string(limits::kMaxBlocksPerSlide) +
                          " blocks, list items and table rows; the rest is left out");
  }
  return false;
}

// Cuts text to what is left of the deck's text budget (at a UTF-8 boundary).
void Builder::spend_text(std::string* text, cmark_node* node) {
  std::size_t& left = *env_.text_left;
  if (text->size() <= left) {
    left -= text->size();
    return;
  }
  std::size_t keep = left;
  while (keep > 0 && (static_cast<unsigned char>((*text)[keep]) & 0xC0) == 0x80) --keep;
  text->resize(keep);
  left = 0;
  if (!*env_.text_reported) {
    *env_.text_reported = true;
    int line = 0, column = 0;
    where(node, &line, &column);
    env_.report.error(line, column, "deck has more than 1 MiB of text; the rest is left out");
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Inline content
//-----------------------------------------------------------------------------

RichText Builder::inlines(cmark_node* container) {
  RichText out;
  struct Frame {
    cmark_node* node;
    std::uint8_t style;
    std::string link;
  };
  std::vector<Frame> stack;  // iterative: emphasis can nest as deep as the input
  std::uint8_t style = kPlain;
  std::string link;
  bool warned_html = false;
  cmark_node* node = container;
  // Adjacent text of one style joins the span before it, unless it starts on
  // another line of the file (a span keeps one place: deck.h). Soft breaks
  // have no place of their own and always join.
  const auto emit = [&](std::string text, std::uint8_t s) {
    spend_text(&text, node);
    if (text.empty()) return;
    const bool brk = text == "\n";
    const bool placed = cmark_node_get_start_line(node) > 0;
    int line = 0, column = 0;
    where(node, &line, &column);
    if (!brk && !out.empty() && out.back().style == s && out.back().link == link &&
        out.back().text != "\n" && (!placed || out.back().line == line)) {
      out.back().text += text;
      return;
    }
    out.push_back({std::move(text), s, (s & kLink) ? link : std::string(), line, column});
  };

  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(container));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    node = cmark_iter_get_node(it.get());
    if (node == container) continue;
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_EXIT) {
      if (!stack.empty() && stack.back().node == node) {
        style = stack.back().style;
        link = stack.back().link;
        stack.pop_back();
      }
      continue;
    }
    const auto push = [&](std::uint8_t add) {
      stack.push_back({node, style, link});
      style = static_cast<std::uint8_t>(style | add);
    };
    switch (type) {
      case CMARK_NODE_TEXT:
        if (mode_ == Mode::kSlide && !(style & kCode) && looks_like_math(literal(node))) {
          int line = 0, column = 0;
          where(node, &line, &column);
          env_.report.warning(line, column,
                              "math is shown as its source text: Madang does not typeset "
                              "math");
        }
        emit(literal(node), style);
        break;
      case CMARK_NODE_SOFTBREAK:
        // Marp Core turns on markdown-it's `breaks`: a line end in a
        // paragraph is a line break there (ours joins the lines, as
        // CommonMark does).
        if (env_.meta.marp) {
          emit("\n", kPlain);
        } else {
          emit(" ", style);
        }
        break;
      case CMARK_NODE_LINEBREAK:
        emit("\n", kPlain);
        break;
      case CMARK_NODE_CODE:
        emit(literal(node), static_cast<std::uint8_t>(style | kCode));
        break;
      case CMARK_NODE_EMPH:
        push(kItalic);
        break;
      case CMARK_NODE_STRONG:
        push(kBold);
        break;
      case CMARK_NODE_LINK: {
        push(kLink);
        const char* url = cmark_node_get_url(node);
        link = url ? url : "";
        break;
      }
      case CMARK_NODE_IMAGE: {
        if (mode_ == Mode::kNotes) {
          push(0);  // the alt text follows as ordinary text
          break;
        }
        int line = 0, column = 0;
        where(node, &line, &column);
        const char* url = cmark_node_get_url(node);
        if (mode_ == Mode::kLine) {
          Image image;
          image.src = url ? url : "";
          read_image_alt(plain_text(inlines(node)), line, column, env_.report, &image);
          line_images_.push_back(std::move(image));
          cmark_iter_reset(it.get(), node, CMARK_EVENT_EXIT);
          break;
        }
        if (read_background_image(plain_text(inlines(node)), url ? url : "", env_.base_dir,
                                  env_.check_files, line, column, env_.report,
                                  &slide_.background)) {
          // `![bg](…)` inside text, as Marp reads it: behind the slide, and
          // neither it nor its alt text is part of the text.
          cmark_iter_reset(it.get(), node, CMARK_EVENT_EXIT);
          break;
        }
        push(0);  // the alt text follows as ordinary text
        env_.report.warning(line, column,
                            "an image inside text is shown as its alt text; put it in a "
                            "paragraph of its own");
        break;
      }
      case CMARK_NODE_HTML_INLINE: {
        const std::string html = literal(node);
        if (is_br(html)) {
          emit("\n", kPlain);
        } else if (mode_ == Mode::kNotes) {
          break;  // notes are read by the speaker alone: HTML is left out quietly
        } else if (html.rfind("<!--", 0) == 0) {
          // A comment inside text is not a directive; say so when it looks
          // like one. `<!-- fit -->` fits a heading; others are notes.
          const CommentScan scan = scan_comments(html);
          int line = 0, column = 0;
          where(node, &line, &column);
          if (scan.comments.empty() || scan.comments[0].tool) {
          } else if (scan.comments[0].text == "fit") {
            fit_ = true;
          } else if (scan.comments[0].directive_like && scan.comments[0].has_value &&
                     scan.comments[0].known) {
            env_.report.warning(line, column, "a directive must stand on a line of its own");
          } else if (!scan.comments[0].text.empty()) {
            add_note(scan.comments[0].text, line);
          }
        } else if (!warned_html) {
          warned_html = true;
          int line = 0, column = 0;
          where(node, &line, &column);
          warn_html(env_.report, line, column, html_tag(html));
        }
        break;
      }
      default:
        if (type_is(node, "strikethrough")) {
          push(kStrike);
        } else if (cmark_node_first_child(node) != nullptr) {
          push(0);  // unknown container: keep its text
        }
        break;
    }
  }
  // `:smile:` is shown as GitHub and Marp show it, except in code.
  for (Span& span : out) {
    if (!(span.style & kCode)) span.text = replace_emoji_shortcodes(span.text);
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Blocks
//-----------------------------------------------------------------------------

void Builder::blocks(cmark_node* parent, int depth, std::vector<Block>* out) {
  for (cmark_node* child = cmark_node_first_child(parent); child != nullptr;
       child = cmark_node_next(child)) {
    const std::size_t before = out->size();
    const int pauses = pauses_, column = column_;
    block(child, depth, out);
    if (depth == 0) {
      for (std::size_t i = before; i < out->size(); ++i) {
        pauses_before_.push_back(pauses);
        column_of_.push_back(column);
      }
    }
  }
}

void Builder::block(cmark_node* node, int depth, std::vector<Block>* out) {
  Block b;
  where(node, &b.line, &b.column);
  const cmark_node_type type = cmark_node_get_type(node);
  if (type != CMARK_NODE_HTML_BLOCK && !spend(b.line, b.column)) return;
  const bool container = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST;
  if (container && depth + 1 > limits::kMaxNesting) {
    if (!nesting_reported_) {
      nesting_reported_ = true;
      env_.report.error(b.line, b.column,
                        "nesting deeper than " + std::to_string(limits::kMaxNesting) +
                            " levels; the deeper part is left out");
    }
    return;
  }
  switch (type) {
    case CMARK_NODE_PARAGRAPH:
      if (mode_ == Mode::kSlide && image_paragraph(node, out)) return;
      b.kind = BlockKind::kParagraph;
      b.text = inlines(node);
      break;
    case CMARK_NODE_HEADING:
      b.kind = BlockKind::kHeading;
      b.level = cmark_node_get_heading_level(node);
      fit_ = false;
      b.text = inlines(node);
      b.fit = fit_;
      fit_ = false;
      // `# <!-- fit --> Title`: the blank the comment leaves is not the title's.
      while (!b.text.empty() && b.text.front().text.find_first_not_of(' ') == std::string::npos &&
             b.text.front().text != "\n") {
        b.text.erase(b.text.begin());
      }
      if (b.fit && !b.text.empty()) {
        std::string& first = b.text.front().text;
        first.erase(0, first.find_first_not_of(' '));
      }
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      b.kind = BlockKind::kRule;
      break;
    case CMARK_NODE_BLOCK_QUOTE: {
      b.kind = BlockKind::kQuote;
      blocks(node, depth + 1, &b.children);
      // "— Name" as the last paragraph is the attribution.
      if (!b.children.empty() && b.children.back().kind == BlockKind::kParagraph &&
          !b.children.back().text.empty()) {
        RichText& last = b.children.back().text;
        std::string& first = last.front().text;
        for (std::string_view dash : {std::string_view("\xE2\x80\x94 "), std::string_view("-- ")}) {
          if (first.rfind(dash, 0) != 0) continue;
          first.erase(0, dash.size());
          if (first.empty()) last.erase(last.begin());
          b.text = std::move(last);
          b.children.pop_back();
          break;
        }
      }
      break;
    }
    case CMARK_NODE_LIST: {
      b.kind = BlockKind::kList;
      b.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
      b.start = b.ordered ? cmark_node_get_list_start(node) : 1;
      for (cmark_node* item = cmark_node_first_child(node); item != nullptr;
           item = cmark_node_next(item)) {
        ListItem li;
        int column = 0;
        where(item, &li.line, &column);
        if (!spend(li.line, column)) break;
        blocks(item, depth + 1, &li.blocks);
        b.items.push_back(std::move(li));
      }
      break;
    }
    case CMARK_NODE_CODE_BLOCK:
      code_block(node, &b);
      break;
    case CMARK_NODE_HTML_BLOCK:
      if (mode_ == Mode::kSlide) html_block(node);
      return;
    default:
      if (type_is(node, "table")) {
        table(node, &b);
        break;
      }
      return;  // footnotes and other extensions are not enabled
  }
  out->push_back(std::move(b));
}

bool Builder::image_paragraph(cmark_node* paragraph, std::vector<Block>* out) {
  std::vector<cmark_node*> images;
  for (cmark_node* c = cmark_node_first_child(paragraph); c != nullptr; c = cmark_node_next(c)) {
    const cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_IMAGE) {
      images.push_back(c);
    } else if (t == CMARK_NODE_TEXT) {
      const std::string s = literal(c);
      if (s.find_first_not_of(" \t") != std::string::npos) return false;
    } else if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK) {
      return false;
    }
  }
  if (images.empty()) return false;
  bool after_image = false;  // an image block of this paragraph came before
  for (cmark_node* img : images) {
    Block b;
    b.kind = BlockKind::kImage;
    where(images.size() == 1 ? paragraph : img, &b.line, &b.column);
    const char* url = cmark_node_get_url(img);
    b.image.src = url ? url : "";
    const std::string alt = plain_text(inlines(img));
    if (read_background_image(alt, b.image.src, env_.base_dir, env_.check_files, b.line, b.column,
                              env_.report, &slide_.background))
      continue;  // `![bg](…)`: drawn behind the slide (deck/background.h)
    read_image_alt(alt, b.line, b.column, env_.report, &b.image);
    resolve_image(env_.base_dir, env_.check_files, b.line, b.column, env_.report, &b.image);
    b.beside_previous = after_image;
    after_image = true;
    out->push_back(std::move(b));
  }
  return true;
}

void Builder::code_block(cmark_node* node, Block* b) {
  const char* info = cmark_node_get_fence_info(node);
  b->info = info ? info : "";
  b->code = literal(node);
  int fence_length = 0, fence_offset = 0;
  char fence_char = 0;
  const bool fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
  b->code_line = b->line + (fenced ? 1 : 0);
  std::string_view first(b->info);
  const std::size_t sp = first.find_first_of(" \t");
  const std::string_view word = first.substr(0, sp);
  if (word != "diagram" || mode_ == Mode::kNotes) {
    b->kind = BlockKind::kCode;
    if (!b->code.empty() && b->code.back() == '\n') b->code.pop_back();
    spend_text(&b->code, node);
    return;
  }
  std::string_view kind = sp == std::string_view::npos ? std::string_view() : first.substr(sp);
  while (!kind.empty() && (kind.front() == ' ' || kind.front() == '\t')) kind.remove_prefix(1);
  kind = kind.substr(0, kind.find_first_of(" \t"));
  DiagramSource source{std::string(kind), b->code, b->line, b->column};
  if (read_diagram(source, env_.lines, env_.report, &b->diagram)) {
    b->kind = BlockKind::kDiagram;
  } else {
    // Unusable: keep the text visible as a code block.
    b->kind = BlockKind::kCode;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Tables
//-----------------------------------------------------------------------------

void Builder::table(cmark_node* node, Block* b) {
  b->kind = BlockKind::kTable;
  const int columns = cmark_gfm_extensions_get_table_columns(node);
  const int width = std::min(columns, limits::kMaxTableColumns);
  bool cut = columns > limits::kMaxTableColumns;
  const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node);
  for (int i = 0; i < width; ++i) {
    const uint8_t a = align ? align[i] : 0;
    b->table.align.push_back(a == 'l'   ? Align::kLeft
                             : a == 'c' ? Align::kCenter
                             : a == 'r' ? Align::kRight
                                        : Align::kDefault);
  }
  for (cmark_node* row = cmark_node_first_child(node); row != nullptr; row = cmark_node_next(row)) {
    const int slide_line = cmark_node_get_start_line(row);
    if (!spend(file_line(slide_line), 1)) break;
    cut = cut || std::find(src_.escaped_pipe_lines.begin(), src_.escaped_pipe_lines.end(),
                           slide_line) != src_.escaped_pipe_lines.end();
    std::vector<RichText> cells;
    for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
         cell = cmark_node_next(cell)) {
      if (static_cast<int>(cells.size()) < width) cells.push_back(inlines(cell));
    }
    const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
    if (!header && !cut) {
      // cmark-gfm pads and cuts rows silently; count the cells as written.
      const int line = file_line(slide_line);
      const std::string_view text = env_.lines.line(line);
      const std::size_t from = std::max(1, cmark_node_get_start_column(row)) - 1;
      const int written = count_cells(text.substr(std::min(from, text.size())));
      if (written != columns) {
        env_.report.warning(
            line, env_.lines.column(line, static_cast<int>(from) + 1),
            "table row has " + std::to_string(written) + " cells, the header " +
                std::to_string(columns) +
                (written < columns ? "; empty cells added" : "; extra cells dropped"));
      }
    }
    cells.resize(width);
    if (header) {
      b->table.header = std::move(cells);
    } else {
      b->table.rows.push_back(std::move(cells));
      b->table.row_lines.push_back(file_line(slide_line));
    }
  }
  if (cut) {
    env_.report.error(b->line, b->column,
                      "table has more than " + std::to_string(limits::kMaxTableColumns) +
                          " columns; only the first " + std::to_string(limits::kMaxTableColumns) +
                          " are kept");
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Directives
//-----------------------------------------------------------------------------

void Builder::html_block(cmark_node* node) {
  const std::string html = literal(node);
  int line = 0, column = 0;
  where(node, &line, &column);
  const CommentScan scan = scan_comments(html);
  for (const Comment& c : scan.comments) {
    if (!c.closed) continue;  // the splitter reported it
    const std::string_view before = std::string_view(html).substr(0, c.offset);
    const std::size_t nl = before.rfind('\n');
    const int lines_down = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const int at_line = line + lines_down;
    const int at_column = nl == std::string_view::npos
                              ? column + count_code_points(before)
                              : 1 + count_code_points(before.substr(nl + 1));
    comment(c, at_line + c.line_offset, c.line_offset > 0 ? 1 : at_column);
  }
  if (!scan.rest.empty() && !is_br(scan.rest)) warn_html(env_.report, line, column, html_tag(html));
}

// What a comment is: a directive (ours or Marp's), a misspelled one, a
// linter's, or a speaker note (Marp: every other comment is one).
void Builder::comment(const Comment& c, int line, int column) {
  if (c.tool) return;
  if (c.directive_like && c.known) {
    directive(c, line, column);
    return;
  }
  if (c.directive_like) {
    // `_pagniate`: a misspelled spot directive is suggested with its '_'.
    const bool spot = c.name.size() > 1 && c.name.front() == '_';
    std::vector<std::string> names;
    for (const std::string& n : directive_names()) {
      if (!spot || is_local_directive(n)) names.push_back(spot ? "_" + n : n);
    }
    const std::string near = nearest(c.name, names);
    if (!near.empty()) {
      env_.report.warning(line, column,
                          "unknown directive '" + c.name + "'; did you mean '" + near + "'?");
      return;
    }
  }
  if (!c.text.empty()) add_note(c.text, line);
}

void Builder::add_note(const std::string& text, int line) {
  if (slide_.notes.empty()) slide_.notes_line = line;
  if (!slide_.notes.empty()) slide_.notes += "\n\n";
  slide_.notes += text;
}

// Marp's global directives may be written in any comment; the last one wins.
void Builder::global_directive(const Comment& c, int line, int column) {
  Reporter& report = env_.report;
  Meta* meta = env_.globals;
  const std::string& v = c.value;
  if (meta == nullptr) return;
  if (c.name == "theme") {
    const std::string mapped = theme_for(v);
    if (mapped.empty()) {
      const std::string near = nearest(v, {"hall", "hall-dark", "default", "gaia", "uncover"});
      report.warning(line, column,
                     "unknown theme '" + v + "'" +
                         (near.empty() ? "" : "; did you mean '" + near + "'?") +
                         " (known: " + kThemes + "); using " + meta->theme);
      return;
    }
    meta->theme = mapped;
    if (v == "default" || v == "gaia" || v == "uncover") meta->marp = true;
  } else if (c.name == "size") {
    if (v == "16:9" || v == "4:3") {
      meta->aspect_w = v == "4:3" ? 4 : 16;
      meta->aspect_h = v == "4:3" ? 3 : 9;
    } else {
      report.warning(line, column, "unknown size '" + v + "' (valid: 16:9, 4:3)");
    }
  } else if (c.name == "style") {
    report.warning(line, column,
                   "CSS in 'style' is not applied: Madang has no CSS; choose a look with "
                   "'theme:' (" +
                       std::string(kThemes) + ") and 'class:'");
  } else if (c.name == "headingDivider") {
    unsigned mask = 0;
    if (!parse_heading_divider(v, &mask)) {
      report.error(line, column,
                   "headingDivider must be a heading level 1 to 6, a list of levels like [1, 2], "
                   "or false (got '" +
                       v + "')");
    }
  } else if (c.name == "lang") {
    if (!v.empty()) meta->lang = v;
  } else if (c.name == "title") {
    meta->title = v;
  } else if (c.name == "author") {
    meta->author = v;
  } else if (c.name == "description") {
    meta->description = v;
  } else if (c.name == "url") {
    meta->url = v;
  } else if (c.name == "image") {
    meta->image = v;
  } else if (c.name == "keywords") {
    meta->keywords = v;
  }  // marp, math: accepted (math is shown as its source, with a warning where used)
}

void Builder::directive(const Comment& c, int line, int column) {
  Reporter& report = env_.report;
  const std::string& name = c.name;
  // backgroundColor, _color...: resolved with their scopes later (background_directives.h).
  if (take_style_directive(c.spot ? "_" + name : name, c.value, c.has_value, line, column, report,
                           &slide_.style_settings))
    return;
  const bool valueless = name == "pause" || name == "column" || name == "incremental";
  const bool scoped = is_local_directive(name) &&
                      !(name == "footer" && !c.spot && (c.value == "off" || c.value == "on"));
  if (!valueless && !scoped && !c.has_value) {
    // A lone word that names a directive needing a value: a note, as in Marp.
    if (name != "layout" && name != "notes" && name != "source" && name != "id" && name != "time" &&
        name != "advance") {
      add_note(c.text, line);
      return;
    }
  }
  if (scoped) {
    if (!c.has_value) {
      add_note(c.text, line);
      return;
    }
    if (!check_scoped(name, c.value, line, column, report)) return;
    // Our decks wrote class and transition for one slide: outside a Marp deck
    // they keep that meaning.
    const bool spot = c.spot || (!env_.meta.marp && (name == "class" || name == "transition"));
    (spot || env_.carry == nullptr ? spots_ : *env_.carry)[name] = {c.value, line, column};
    return;
  }
  if (!is_directive_name(name) || (!valueless && !c.has_value && name == "notes")) return;
  const bool ours = valueless || name == "layout" || name == "notes" || name == "source" ||
                    name == "footer" || name == "id" || name == "time" || name == "advance";
  if (!ours) {
    global_directive(c, line, column);
    return;
  }
  if (!valueless && (!c.has_value || c.value.empty()) && name != "notes") {
    const std::string valid = name == "layout"    ? std::string(" (valid: ") + kLayoutList + ")"
                              : name == "footer"  ? " (off or on)"
                              : name == "time"    ? " (a length of time like 90s or 1:30)"
                              : name == "advance" ? std::string(" (") + kIntervalForms + ")"
                                                  : "";
    report.error(line, column, "directive '" + name + "' needs a value" + valid);
    return;
  }
  if (name == "pause" || name == "column") {
    if (c.has_value && !c.value.empty()) {
      report.warning(line, column, "directive '" + name + "' takes no value");
    }
    if (name == "pause") {
      ++pauses_;
    } else {
      column_ = 1;
      column_line_ = line;
      column_col_ = column;
    }
  } else if (name == "incremental") {
    if (!c.has_value || c.value.empty() || c.value == "true") {
      slide_.incremental = true;
    } else if (c.value == "false") {
      slide_.incremental = false;
    } else {
      report.error(line, column, "directive 'incremental' takes no value, or true or false");
      return;
    }
    incremental_set_ = true;
  } else if (name == "layout") {
    if (!one_of(c.value, kLayouts)) {
      const std::string near =
          nearest(c.value, {"title", "section", "content", "two-column", "quote", "image"});
      report.error(line, column,
                   "unknown layout '" + c.value + "'" +
                       (near.empty() ? "" : "; did you mean '" + near + "'?") +
                       " (valid: " + kLayoutList + ")");
      return;
    }
    slide_.layout = c.value;
  } else if (name == "notes") {
    if (c.value.empty()) return;
    if (slide_.notes.empty()) slide_.notes_line = line;
    if (!slide_.notes.empty()) slide_.notes += "\n\n";
    slide_.notes += c.value;
  } else if (name == "source") {
    slide_.source = c.value;
  } else if (name == "id") {
    // One word: what the rehearsal history knows the slide by.
    if (c.value.size() > 64 || c.value.find_first_of(" \t\n") != std::string::npos) {
      report.error(line, column, "directive 'id' takes one word of at most 64 bytes");
      return;
    }
    slide_.id = c.value;
    slide_.id_line = line;
  } else if (name == "time") {
    // A unit is required: a bare "90" would be minutes, as in `duration:`.
    double seconds = 0;
    if (!parse_interval(c.value, &seconds)) {
      report.error(
          line, column,
          "directive 'time' needs a length of time like 90s, 2m or 1:30 (got '" + c.value + "')");
      return;
    }
    slide_.time_s = seconds;
  } else if (name == "advance") {
    if (!parse_interval(c.value, &slide_.advance_s)) {
      report.error(line, column,
                   "directive 'advance' must be a length of time " + std::string(kIntervalForms) +
                       " (got '" + c.value + "')");
    }
  } else if (name == "footer") {
    slide_.show_footer = c.value == "on";  // off or on: other values are Marp's footer text
  }
}

// Inline Markdown of a header or footer directive, located at its line, and
// its images. A directive carries on to later slides: what is wrong with its
// images is reported once, on the slide it is written on (or the first, for
// the front matter's).
RichText Builder::inline_markdown(const std::string& text, int line, std::vector<Image>* images) {
  images->clear();
  if (text.empty()) return {};
  SlideSource source;
  source.first_line = std::max(1, line);
  source.text = text + "\n";
  source.blank = false;
  Diagnostics ignored;
  Reporter quiet(env_.report.file(), ignored);
  const SlideEnv env{env_.lines, quiet,          env_.meta,         env_.base_dir,
                     false,      env_.text_left, env_.text_reported};
  RichText out;
  Builder reader(source, env, Mode::kLine);
  for (Block& b : reader.build_notes()) {
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading) continue;
    if (!out.empty()) out.push_back({" ", kPlain, {}, 0, 0});
    for (Span& span : b.text) out.push_back(std::move(span));
  }
  // Drop the spaces the images leave at the start of the line.
  while (!out.empty() && out.front().text.find_first_not_of(' ') == std::string::npos) {
    out.erase(out.begin());
  }
  if (!out.empty()) out.front().text.erase(0, out.front().text.find_first_not_of(' '));
  const int slide_lines = static_cast<int>(std::count(src_.text.begin(), src_.text.end(), '\n'));
  const bool written_here = (line >= src_.first_line && line < src_.first_line + slide_lines) ||
                            (line < src_.first_line && slide_.index == 1);
  Diagnostics unreported;
  Reporter elsewhere(env_.report.file(), unreported);
  for (Image& image : reader.line_images_) {
    resolve_image(env_.base_dir, env_.check_files, line, 1, written_here ? env_.report : elsewhere,
                  &image, ImagePlace::kLine);
    images->push_back(std::move(image));
  }
  return out;
}

// Marp's scoped directives, resolved for this slide.
void Builder::resolve_directives() {
  if (slide_.index == 1 && env_.first_spots != nullptr) {
    for (const auto& [name, v] : *env_.first_spots) spots_.insert({name, v});
  }
  static const LocalDirectives kNone;
  Scoped s = resolve_scoped(env_.carry ? *env_.carry : kNone, spots_, env_.meta);
  slide_.header = inline_markdown(s.header, s.header_line, &slide_.header_images);
  slide_.footer = inline_markdown(s.footer, s.footer_line, &slide_.footer_images);
  slide_.paginate = s.paginate;
  counted_ = s.counted;
  slide_.classes = std::move(s.classes);
  slide_.transition = s.transition;
}

//-----------------------------------------------------------------------------
// [SECTION] Fragments
//-----------------------------------------------------------------------------

// A pause puts what follows one step after everything above it; incremental
// lists give each top-level item its own step (the first one included, as in
// Marp); a stepped flow diagram adds a step per step after the first.
void Builder::assign_fragments() {
  if (!incremental_set_) slide_.incremental = env_.meta.incremental;
  int offset = 0, highest = 0, applied = 0;
  for (std::size_t i = 0; i < slide_.blocks.size(); ++i) {
    Block& b = slide_.blocks[i];
    for (; applied < pauses_before_[i]; ++applied) offset = ++highest;
    set_fragment(b, offset, column_of_[i]);
    const bool marp_fragments =
        env_.meta.marp && b.kind == BlockKind::kList && fragmented_marker(env_.lines.line(b.line));
    if (b.kind == BlockKind::kList && (slide_.incremental || marp_fragments)) {
      for (std::size_t k = 0; k < b.items.size(); ++k) {
        ListItem& item = b.items[k];
        item.fragment = offset + static_cast<int>(k) + 1;
        for (Block& child : item.blocks) set_fragment(child, item.fragment, column_of_[i]);
        highest = std::max(highest, item.fragment);
      }
    }
    if (b.kind == BlockKind::kDiagram && b.diagram.kind == DiagramKind::kFlow &&
        b.diagram.stepped && b.diagram.nodes.size() > 1) {
      highest = std::max(highest, offset + static_cast<int>(b.diagram.nodes.size()) - 1);
    }
    highest = std::max(highest, offset);
  }
  slide_.steps = highest;
}

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

Slide Builder::build(int index) {
  slide_.index = index;
  slide_.line = src_.first_line;
  if (src_.text.empty()) {
    resolve_directives();
    return slide_;
  }

  std::unique_ptr<cmark_node, NodeDeleter> doc = parse_markdown(src_.text);
  if (!doc) return slide_;

  blocks(doc.get(), 0, &slide_.blocks);
  resolve_directives();
  assign_fragments();
  notes();
  if (column_ == 1 && !slide_.layout.empty() && slide_.layout != "two-column") {
    env_.report.warning(column_line_, column_col_,
                        "'column' only applies to the two-column layout (this slide's layout is '" +
                            slide_.layout + "')");
  }
  return slide_;
}

std::vector<Block> Builder::build_notes() {
  std::vector<Block> out;
  std::unique_ptr<cmark_node, NodeDeleter> doc = parse_markdown(src_.text);
  if (doc) blocks(doc.get(), 0, &out);
  return out;
}

// The slide's notes, parsed as Markdown. Their problems (nesting, budgets)
// are reported as warnings at the notes' lines.
void Builder::notes() {
  if (slide_.notes.empty()) return;
  SlideSource source;
  source.first_line = slide_.notes_line;
  source.text = slide_.notes + "\n";
  source.blank = false;
  Diagnostics found;
  Reporter local(env_.report.file(), found);
  const SlideEnv notes_env{env_.lines, local,          env_.meta,         env_.base_dir,
                           false,      env_.text_left, env_.text_reported};
  slide_.notes_blocks = Builder(source, notes_env, Mode::kNotes).build_notes();
  for (Diagnostic& d : found) {
    env_.report.warning(d.where.line, d.where.column, "in the notes: " + d.message);
  }
}

}  // namespace

Slide build_slide(const SlideSource& source, int index, const SlideEnv& env, bool* counted) {
  Builder builder(source, env);
  Slide slide = builder.build(index);
  if (counted) *counted = builder.counted_;
  return slide;
}

}  // namespace madang::deck
