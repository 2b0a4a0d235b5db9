#include "deck/directives.h"

#include <algorithm>

namespace madang::deck {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Notes span lines: drop trailing blanks and the indentation all lines share.
std::string tidy_lines(std::string_view value) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const std::size_t nl = value.find('\n', start);
    std::string_view line = value.substr(start, nl == std::string_view::npos ? nl : nl - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  std::size_t common = std::string_view::npos;
  for (std::size_t i = 1; i < lines.size(); ++i) {  // the first line follows "notes:"
    if (lines[i].empty()) continue;
    common = std::min(common, lines[i].find_first_not_of(" \t"));
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i > 0 && common != std::string_view::npos)
      line.remove_prefix(std::min(common, line.size()));
    if (i > 0) out += '\n';
    out += line;
  }
  return std::string(trim(out));
}

Comment read_comment(std::string_view inner) {
  Comment c;
  const std::string_view body = trim(inner);
  std::size_t n = 0;
  const auto word_char = [](char ch, bool first) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
           (!first && ((ch >= '0' && ch <= '9') || ch == '-'));
  };
  while (n < body.size() && word_char(body[n], n == 0)) ++n;
  if (n == 0) return c;
  std::size_t after = n;
  while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
  if (after == body.size()) {  // a single word
    c.directive_like = true;
    c.name = std::string(body.substr(0, n));
    return c;
  }
  if (body[after] != ':') return c;  // prose
  c.directive_like = true;
  c.has_value = true;
  c.name = std::string(body.substr(0, n));
  c.value = tidy_lines(body.substr(after + 1));
  return c;
}

}  // namespace

CommentScan scan_comments(std::string_view text) {
  CommentScan scan;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("<!--", pos);
    scan.rest += text.substr(pos, open == std::string_view::npos ? open : open - pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("-->", open + 4);
    Comment c = read_comment(
        text.substr(open + 4, close == std::string_view::npos ? close : close - open - 4));
    c.offset = open;
    c.closed = close != std::string_view::npos;
    scan.comments.push_back(std::move(c));
    if (close == std::string_view::npos) break;
    pos = close + 3;
  }
  scan.rest = std::string(trim(scan.rest));
  return scan;
}

}  // namespace madang::deck
