// Slide directives: HTML comments such as `<!-- layout: two-column -->`.
// Private to deck/.
//
// Promise: finds every comment in an HTML block and tells apart directives,
// unknown directive-like comments (`<!-- word: ... -->`) and plain comments;
// applying them to a Slide is done by the slide builder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madang::deck {

struct Comment {
  std::size_t offset = 0;       // byte offset of "<!--" in the scanned text
  bool closed = true;           // "-->" found
  bool directive_like = false;  // "name" alone or "name: value"
  std::string name;
  bool has_value = false;  // a ':' followed the name
  std::string value;       // trimmed; multi-line values keep their lines
};

// Comments in text, and whatever else it holds outside them (trimmed).
struct CommentScan {
  std::vector<Comment> comments;
  std::string rest;
};

CommentScan scan_comments(std::string_view text);

}  // namespace madang::deck
