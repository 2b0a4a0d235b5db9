// Slide directives: HTML comments such as `<!-- layout: two-column -->`.
// Private to deck/.
//
// Promise: finds every comment in an HTML block and tells apart directives
// (ours and Marp's, one or several `key: value` lines in one comment, Marp's
// spot `_key` form), comments that look like directives but name none, tool
// comments (`prettier-ignore`, `markdownlint-...`) and plain comments (which
// are speaker notes); applying them to a Slide is done by the slide builder.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace madang::deck {

struct Comment {
  std::size_t offset = 0;       // byte offset of "<!--" in the scanned text
  int line_offset = 0;          // lines below the "<!--" line where this directive starts
  bool closed = true;           // "-->" found
  bool directive_like = false;  // "name" alone or "name: value"
  bool known = false;           // name (without '_') is a directive we read
  bool spot = false;            // Marp's `_name`: this slide only
  bool tool = false;            // a linter's or formatter's comment: neither note nor directive
  std::string name;             // without the spot '_'
  bool has_value = false;       // a ':' followed the name
  std::string value;            // trimmed, unquoted; multi-line values keep their lines
  std::string text;             // the whole comment, trimmed (a note when no directive)
};

// Comments in text, and whatever else it holds outside them (trimmed).
struct CommentScan {
  std::vector<Comment> comments;
  std::string rest;
};

CommentScan scan_comments(std::string_view text);

// Every directive name a comment may hold (without the spot '_'): ours,
// Marp's local ones and Marp's global ones.
const std::vector<std::string>& directive_names();
bool is_directive_name(std::string_view name);
// Marp's local directives: a `_` prefix makes them spot directives.
bool is_local_directive(std::string_view name);

// A scoped directive's value as written, and where.
struct DirectiveValue {
  std::string value;
  int line = 0, column = 0;
};
// Marp's local (or spot) directives by name: what carries from slide to slide.
using LocalDirectives = std::map<std::string, DirectiveValue>;

// Marp's loose reading of an unquoted value: quotes around it are removed.
std::string unquote(std::string_view value);

}  // namespace madang::deck
