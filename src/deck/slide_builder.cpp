// SlideBuilder's Markdown side (builder.h): inline content, blocks, tables,
// fragments; its comments and directives are in slide_directives.cpp.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Inline content
// [SECTION] Blocks
// [SECTION] Tables
// [SECTION] Fragments
// [SECTION] Entry point

#include "deck/slide_builder.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "deck/builder.h"
#include "deck/cmark_util.h"
#include "deck/diagram_yaml.h"
#include "deck/directives.h"
#include "deck/emoji.h"
#include "deck/html_media.h"
#include "deck/images.h"
#include "deck/limits.h"

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

// Where byte `offset` of a block's literal is in the file, its first byte
// being at line:column (its later lines start at column 1).
void locate_in_literal(std::string_view text, std::size_t offset, int line, int column,
                       int* at_line, int* at_column) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t nl = before.rfind('\n');
  *at_line = line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  *at_column = nl == std::string_view::npos ? column + count_code_points(before)
                                            : 1 + count_code_points(before.substr(nl + 1));
}

// A clip written as HTML (`<video src="clip.mp4" autoplay>`), as the image
// block the Markdown form would make: its problems at its place, resolved.
Block html_clip_block(HtmlClip clip, int line, int column, ImageFiles& files, Reporter& report) {
  Block b;
  b.kind = BlockKind::kImage;
  b.line = line;
  b.column = column;
  for (const std::string& problem : clip.problems) report.warning(line, column, problem);
  b.image = std::move(clip.image);
  resolve_image(files, line, column, report, &b.image);
  return b;
}

}  // namespace

void SlideBuilder::where(cmark_node* node, int* line, int* column) const {
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
bool SlideBuilder::spend(int line, int column) {
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
void SlideBuilder::spend_text(std::string* text, cmark_node* node) {
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

RichText SlideBuilder::inlines(cmark_node* container) {
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
  bool warned_clip = false;
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
        if (read_background_image(plain_text(inlines(node)), url ? url : "", env_.images, line,
                                  column, env_.report, &slide_.background)) {
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
        } else if (const MediaTag tag = media_tag(html); tag != MediaTag::kNone) {
          // A clip's HTML among text: the clip is not played (its closing
          // tag and <source>s say nothing more).
          if ((tag == MediaTag::kOpen || tag == MediaTag::kOpenClosed) && !warned_clip) {
            warned_clip = true;
            int line = 0, column = 0;
            where(node, &line, &column);
            env_.report.warning(line, column,
                                "a <" + html_tag(html) +
                                    "> inside text is not played; put it in a paragraph of "
                                    "its own");
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

void SlideBuilder::blocks(cmark_node* parent, int depth, std::vector<Block>* out) {
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

void SlideBuilder::block(cmark_node* node, int depth, std::vector<Block>* out) {
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
      if (mode_ == Mode::kSlide) {
        html_block(node);  // its comments; other HTML than clips is warned about
        // `<video …>`, `<audio …>`: image blocks, as `![video](…)` makes.
        const std::string html = literal(node);
        for (HtmlClip& clip : scan_html_media(html).clips) {
          int line = 0, column = 0;
          locate_in_literal(html, clip.offset, b.line, b.column, &line, &column);
          if (!spend(line, column)) break;
          out->push_back(html_clip_block(std::move(clip), line, column, env_.images, env_.report));
        }
      }
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

bool SlideBuilder::image_paragraph(cmark_node* paragraph, std::vector<Block>* out) {
  // Its pictures and clips: `![…](…)`, or a clip's HTML (`<video …>` with
  // its <source>s up to `</video>`; the fallback text between is not shown).
  struct Item {
    cmark_node* node;
    std::string html;  // "": a Markdown image
  };
  std::vector<Item> items;
  bool inside = false;  // between <video> and </video>
  for (cmark_node* c = cmark_node_first_child(paragraph); c != nullptr; c = cmark_node_next(c)) {
    const cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_HTML_INLINE) {
      const std::string tag = literal(c);
      const MediaTag m = media_tag(tag);
      if (m == MediaTag::kOpen || m == MediaTag::kOpenClosed) {
        items.push_back({c, tag});
        inside = m == MediaTag::kOpen;
      } else if ((m == MediaTag::kClose || m == MediaTag::kChild) && !items.empty() &&
                 !items.back().html.empty() && (inside || m == MediaTag::kClose)) {
        items.back().html += tag;
        inside = inside && m != MediaTag::kClose;
      } else if (!inside) {
        return false;
      }
    } else if (inside) {
      continue;  // fallback text: for browsers that play no video
    } else if (t == CMARK_NODE_IMAGE) {
      items.push_back({c, {}});
    } else if (t == CMARK_NODE_TEXT) {
      const std::string s = literal(c);
      if (s.find_first_not_of(" \t") != std::string::npos) return false;
    } else if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK) {
      return false;
    }
  }
  if (items.empty()) return false;
  bool after_image = false;  // an image block of this paragraph came before
  int first_line = 0, first_column = 0;
  where(paragraph, &first_line, &first_column);
  constexpr int kMaxColumnFixes = 64;
  int fixed = 0, cursor_line = 0;
  std::size_t cursor = 0;
  for (Item& item : items) {
    Block b;
    where(items.size() == 1 ? paragraph : item.node, &b.line, &b.column);
    if (!item.html.empty()) {
      if (items.size() > 1 && b.line != first_line && fixed < kMaxColumnFixes) {
        // cmark counts the column of a tag on a paragraph's later line
        // without the line's indent: find the tag on its line instead (a
        // few times a paragraph, from where the last one was: bounded).
        ++fixed;
        if (b.line != cursor_line) {
          cursor_line = b.line;
          cursor = 0;
        }
        const std::string tag = literal(item.node);
        const std::string_view text = env_.lines.line(b.line);
        const std::size_t at = text.find(std::string_view(tag).substr(0, tag.find('\n')), cursor);
        if (at != std::string_view::npos) {
          b.column = env_.lines.column(b.line, static_cast<int>(at) + 1);
          cursor = at + 1;
        }
      }
      HtmlMediaScan scan = scan_html_media(item.html);
      if (scan.clips.empty()) continue;
      if (items.size() > 1 && !spend(b.line, b.column)) break;  // a block each, as in a block
      b = html_clip_block(std::move(scan.clips.front()), b.line, b.column, env_.images,
                          env_.report);
    } else {
      b.kind = BlockKind::kImage;
      const char* url = cmark_node_get_url(item.node);
      b.image.src = url ? url : "";
      const std::string alt = plain_text(inlines(item.node));
      if (read_background_image(alt, b.image.src, env_.images, b.line, b.column, env_.report,
                                &slide_.background))
        continue;  // `![bg](…)`: drawn behind the slide (deck/background.h)
      read_image(alt, env_.images, b.line, b.column, env_.report, &b.image);
    }
    b.beside_previous = after_image;
    after_image = true;
    out->push_back(std::move(b));
  }
  return true;
}

void SlideBuilder::code_block(cmark_node* node, Block* b) {
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
    if (env_.highlighter != nullptr && mode_ == Mode::kSlide) {
      b->code_tokens = env_.highlighter->highlight(word, b->code);
    }
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

void SlideBuilder::table(cmark_node* node, Block* b) {
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
// [SECTION] Fragments
//-----------------------------------------------------------------------------

// A pause puts what follows one step after everything above it; incremental
// lists give each top-level item its own step (the first one included, as in
// Marp); a stepped flow diagram adds a step per step after the first.
void SlideBuilder::assign_fragments() {
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

Slide SlideBuilder::build(int index) {
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

std::vector<Block> SlideBuilder::build_notes() {
  std::vector<Block> out;
  std::unique_ptr<cmark_node, NodeDeleter> doc = parse_markdown(src_.text);
  if (doc) blocks(doc.get(), 0, &out);
  return out;
}

// The slide's notes, parsed as Markdown. Their problems (nesting, budgets)
// are reported as warnings at the notes' lines.
void SlideBuilder::notes() {
  if (slide_.notes.empty()) return;
  SlideSource source;
  source.first_line = slide_.notes_line;
  source.text = slide_.notes + "\n";
  source.blank = false;
  Diagnostics found;
  Reporter local(env_.report.file(), found);
  const SlideEnv notes_env{env_.lines,  local,          env_.meta,
                           env_.images, env_.text_left, env_.text_reported};
  slide_.notes_blocks = SlideBuilder(source, notes_env, Mode::kNotes).build_notes();
  for (Diagnostic& d : found) {
    env_.report.warning(d.where.line, d.where.column, "in the notes: " + d.message);
  }
}

Slide build_slide(const SlideSource& source, int index, const SlideEnv& env, bool* counted) {
  SlideBuilder builder(source, env);
  Slide slide = builder.build(index);
  if (counted) *counted = builder.counted_;
  return slide;
}

}  // namespace madang::deck
