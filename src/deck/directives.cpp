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

bool word_char(char ch, bool first) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
         (!first && ((ch >= '0' && ch <= '9') || ch == '-'));
}

// "name" and where its ':' is, when line (trimmed at the left) opens with `name:`.
std::size_t key_length(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && word_char(line[n], n == 0)) ++n;
  return n;
}

void set_name(Comment& c, std::string_view name) {
  c.spot = name.size() > 1 && name.front() == '_' && is_local_directive(name.substr(1));
  c.name = std::string(c.spot ? name.substr(1) : name);
  c.known = is_directive_name(c.name);
}

bool is_tool_comment(std::string_view body) {
  for (std::string_view tool :
       {"prettier-ignore", "markdownlint", "lint ", "lint-", "eslint", "textlint", "cspell"}) {
    if (body.substr(0, tool.size()) == tool) return true;
  }
  return body == "lint";
}

// One comment's body: a directive, several `key: value` lines of known keys
// (Marp's YAML form), or prose.
std::vector<Comment> read_comment(std::string_view inner) {
  Comment c;
  const std::string_view body = trim(inner);
  c.text = tidy_lines(body);
  c.tool = is_tool_comment(body);
  const std::size_t n = key_length(body);
  if (n == 0 || c.tool) return {c};
  std::size_t after = n;
  while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
  if (after == body.size()) {  // a single word
    c.directive_like = true;
    set_name(c, body.substr(0, n));
    return {c};
  }
  if (body[after] != ':') return {c};  // prose
  c.directive_like = true;
  c.has_value = true;
  set_name(c, body.substr(0, n));
  std::string_view rest = body.substr(after + 1);
  std::vector<Comment> out;
  // Marp's multi-key comments: a later line that opens with a known key
  // starts the next directive (notes keep their lines whatever they hold).
  int line_offset = 0;
  for (;;) {
    std::size_t cut = std::string_view::npos, cut_line = 0;
    if (c.known && c.name != "notes") {
      std::size_t pos = 0, line = 0;
      while ((pos = rest.find('\n', pos)) != std::string_view::npos) {
        ++pos;
        ++line;
        std::size_t k = pos;
        while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
        const std::string_view tail = rest.substr(k);
        const std::size_t len = key_length(tail);
        if (len > 0 && len < tail.size() && tail[len] == ':') {
          std::string_view key = tail.substr(0, len);
          if (key.front() == '_') key.remove_prefix(1);
          if (is_directive_name(key)) {
            cut = pos;
            cut_line = line;
            break;
          }
        }
      }
    }
    c.line_offset = line_offset;
    c.value = unquote(tidy_lines(rest.substr(0, cut)));
    out.push_back(c);
    if (cut == std::string_view::npos) break;
    line_offset += static_cast<int>(cut_line);
    std::string_view next = trim(rest.substr(cut));
    const std::size_t len = key_length(next);
    Comment d;
    d.text = c.text;
    d.directive_like = true;
    d.has_value = true;
    set_name(d, next.substr(0, len));
    rest = next.substr(len + 1);
    c = d;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& directive_names() {
  static const std::vector<std::string> names = {
      // Madang's
      "pause", "column", "incremental", "layout", "class", "notes", "source", "transition",
      "footer", "id", "time", "advance",
      // Marp's local ones (backgrounds and colour are read by the image side)
      "paginate", "header", "backgroundColor", "backgroundImage", "backgroundPosition",
      "backgroundRepeat", "backgroundSize", "color",
      // Marp's global ones
      "theme", "style", "headingDivider", "lang", "size", "math", "title", "author", "description",
      "keywords", "url", "image", "marp"};
  return names;
}

bool is_directive_name(std::string_view name) {
  const auto& names = directive_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_local_directive(std::string_view name) {
  for (std::string_view local :
       {"paginate", "header", "footer", "class", "transition", "backgroundColor", "backgroundImage",
        "backgroundPosition", "backgroundRepeat", "backgroundSize", "color"}) {
    if (name == local) return true;
  }
  return false;
}

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return std::string(value.substr(1, value.size() - 2));
  }
  return std::string(value);
}

CommentScan scan_comments(std::string_view text) {
  CommentScan scan;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("<!--", pos);
    scan.rest += text.substr(pos, open == std::string_view::npos ? open : open - pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("-->", open + 4);
    for (Comment& c : read_comment(
             text.substr(open + 4, close == std::string_view::npos ? close : close - open - 4))) {
      c.offset = open;
      c.closed = close != std::string_view::npos;
      scan.comments.push_back(std::move(c));
    }
    if (close == std::string_view::npos) break;
    pos = close + 3;
  }
  scan.rest = std::string(trim(scan.rest));
  return scan;
}

}  // namespace madang::deck
