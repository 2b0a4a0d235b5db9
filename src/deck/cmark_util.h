// Private to deck/: cmark helpers and the small text tests the slide
// builder makes (raw HTML tags, math, Marp's fragmented list markers, GFM
// table cells).
//
// Promise: pure functions over strings and cmark nodes; never throw.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

#include "deck/report.h"

namespace madang::deck {

bool type_is(cmark_node* node, const char* name);
std::string literal(cmark_node* node);  // "" when the node has none

// <br>, <br/>, <br />, any case.
bool is_br(std::string_view html);

// Cells a GFM table row line holds: unescaped '|' split it; a leading and a
// trailing pipe are borders.
int count_cells(std::string_view line);

// The tag a piece of raw HTML opens with ("div", "style"), for warnings by kind.
std::string html_tag(std::string_view html);
// The warning for raw HTML of that tag (<style>: no CSS here).
void warn_html(Reporter& report, int line, int column, const std::string& tag);

// Pandoc's (and Marp's) inline math: `$x$` with no blank inside either
// dollar and no digit right after the closing one; `$$` opens display math.
bool looks_like_math(std::string_view text);

// Marp's fragmented lists: `*` bullets and `1)` numbers (not `-`, `+`, `1.`).
bool fragmented_marker(std::string_view line);

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// GitHub-flavoured Markdown with the extensions the format enables.
std::unique_ptr<cmark_node, NodeDeleter> parse_markdown(const std::string& text);

}  // namespace madang::deck
