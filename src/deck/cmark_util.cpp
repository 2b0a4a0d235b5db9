#include "deck/cmark_util.h"

#include <cmark-gfm-core-extensions.h>

#include <cstring>

namespace madang::deck {

bool type_is(cmark_node* node, const char* name) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && std::strcmp(t, name) == 0;
}

std::string literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? s : "";
}

bool is_br(std::string_view html) {
  // <br>, <br/>, <br />, any case.
  if (html.size() < 4 || html.front() != '<' || html.back() != '>') return false;
  html = html.substr(1, html.size() - 2);
  if (html.size() < 2 || (html[0] != 'b' && html[0] != 'B') || (html[1] != 'r' && html[1] != 'R'))
    return false;
  html.remove_prefix(2);
  while (!html.empty() && (html.front() == ' ' || html.front() == '\t')) html.remove_prefix(1);
  return html.empty() || html == "/";
}

// Cells a GFM table row line holds: unescaped '|' split it; a leading and a
// trailing pipe are borders.
int count_cells(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return 0;
  int pipes = 0;
  bool trailing = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == '|') {
      ++pipes;
      trailing = i + 1 == line.size();
    }
  }
  const bool leading = line.front() == '|';
  return pipes + 1 - (leading ? 1 : 0) - (trailing && line.size() > 1 ? 1 : 0);
}

// The tag a piece of raw HTML opens with ("div", "style"), for warnings by kind.
std::string html_tag(std::string_view html) {
  const std::size_t lt = html.find('<');
  if (lt == std::string_view::npos) return "html";
  std::size_t i = lt + 1;
  if (i < html.size() && html[i] == '/') ++i;
  std::string tag;
  while (i < html.size() && tag.size() < 16 &&
         ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z') ||
          (html[i] >= '0' && html[i] <= '9'))) {
    tag += static_cast<char>(html[i] >= 'A' && html[i] <= 'Z' ? html[i] - 'A' + 'a' : html[i]);
    ++i;
  }
  return tag.empty() ? "html" : tag;
}

void warn_html(Reporter& report, int line, int column, const std::string& tag) {
  if (tag == "style") {
    report.warning(line, column,
                   "a <style> block is not applied: Madang has no CSS; choose a look with "
                   "'theme:' and 'class:'");
  } else {
    report.warning(line, column, "raw HTML <" + tag + "> is not rendered");
  }
}

// Pandoc's (and Marp's) inline math: `$x$` with no blank inside either
// dollar and no digit right after the closing one; `$$` opens display math.
bool looks_like_math(std::string_view text) {
  if (text.find("$$") != std::string_view::npos) return true;
  for (std::size_t open = text.find('$'); open != std::string_view::npos;
       open = text.find('$', open + 1)) {
    if (open + 1 >= text.size() || text[open + 1] == ' ' || text[open + 1] == '\t') continue;
    const std::size_t close = text.find('$', open + 1);
    if (close == std::string_view::npos) return false;
    if (text[close - 1] != ' ' && text[close - 1] != '\t' &&
        (close + 1 >= text.size() || text[close + 1] < '0' || text[close + 1] > '9')) {
      return true;
    }
  }
  return false;
}

// Marp's fragmented lists: `*` bullets and `1)` numbers (not `-`, `+`, `1.`).
bool fragmented_marker(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  if (line[i] == '*') return true;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  return i < line.size() && line[i] == ')';
}

// GitHub-flavoured Markdown with the extensions the format enables.
std::unique_ptr<cmark_node, NodeDeleter> parse_markdown(const std::string& text) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

}  // namespace madang::deck
