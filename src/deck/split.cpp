#include "deck/split.h"

#include "deck/limits.h"

namespace madang::deck {

namespace {

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

// A line of exactly `marker`, trailing blanks allowed.
bool is_marker_line(std::string_view line, std::string_view marker) {
  return line.substr(0, marker.size()) == marker && is_blank(line.substr(marker.size()));
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

struct Fence {
  char ch = 0;
  std::size_t length = 0;
  int line = 0, column = 0;
  bool diagram = false;  // info string "diagram ..."
  int swallowed = 0;     // first `---` line inside it
};

// The level of an ATX heading line (`## Title`), 0 when it is none.
int atx_level(std::string_view line) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3) return 0;
  std::size_t n = indent;
  while (n < line.size() && line[n] == '#') ++n;
  const int level = static_cast<int>(n - indent);
  if (level < 1 || level > 6) return 0;
  return n == line.size() || line[n] == ' ' || line[n] == '\t' ? level : 0;
}

// A CommonMark thematic break: up to three spaces, then three or more of one
// of - * _, with only blanks between them.
bool is_thematic_break(std::string_view line) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size()) return false;
  const char c = line[indent];
  if (c != '-' && c != '*' && c != '_') return false;
  int count = 0;
  for (std::size_t i = indent; i < line.size(); ++i) {
    if (line[i] == c) {
      ++count;
    } else if (line[i] != ' ' && line[i] != '\t') {
      return false;
    }
  }
  return count >= 3;
}

// A setext level-1 underline (`===`). (A `---` underline is a slide break in
// this format, never a level-2 heading.)
bool is_setext_underline(std::string_view line) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size() || line[indent] != '=') return false;
  std::size_t n = indent;
  while (n < line.size() && line[n] == '=') ++n;
  return is_blank(line.substr(n));
}

// A line that can only be paragraph text: it opens no other block.
bool is_plain_text_line(std::string_view line) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size() || line[indent] == '\t') return false;
  const char c = line[indent];
  if (c == '>' || c == '#' || c == '|' || c == '<' || c == '`' || c == '~' || c == '=') {
    return false;
  }
  const std::string_view rest = line.substr(indent);
  if ((c == '-' || c == '*' || c == '+') && (rest.size() == 1 || rest[1] == ' ')) return false;
  std::size_t d = 0;
  while (d < rest.size() && rest[d] >= '0' && rest[d] <= '9') ++d;
  return !(d > 0 && d < rest.size() && (rest[d] == '.' || rest[d] == ')'));
}

// The level of a heading that starts at line `l`: an ATX heading, or a
// setext one (`Title` over `===`, the paragraph's lines up to its
// underline). Looks ahead only through the paragraph, so that a file is read
// at most twice however it is written.
int heading_level_at(const LineIndex& lines, int l, bool paragraph_start) {
  const std::string_view line = lines.line(l);
  if (const int level = atx_level(line); level > 0) return level;
  if (!paragraph_start || !is_plain_text_line(line)) return 0;
  for (int k = l + 1; k <= lines.line_count(); ++k) {
    const std::string_view next = lines.line(k);
    if (is_setext_underline(next)) return 1;
    if (is_blank(next) || !is_plain_text_line(next)) return 0;
  }
  return 0;
}

// CommonMark: up to three spaces, then at least three ` or ~; a backtick
// fence's info string may not hold a backtick.
bool opens_fence(std::string_view line, Fence* fence) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size()) return false;
  const char c = line[indent];
  if (c != '`' && c != '~') return false;
  std::size_t n = indent;
  while (n < line.size() && line[n] == c) ++n;
  if (n - indent < 3) return false;
  if (c == '`' && line.substr(n).find('`') != std::string_view::npos) return false;
  fence->ch = c;
  fence->length = n - indent;
  fence->column = static_cast<int>(indent) + 1;
  std::string_view info = line.substr(n);
  while (!info.empty() && (info.front() == ' ' || info.front() == '\t')) info.remove_prefix(1);
  fence->diagram =
      info.substr(0, 7) == "diagram" && (info.size() == 7 || info[7] == ' ' || info[7] == '\t');
  fence->swallowed = 0;
  return true;
}

bool closes_fence(std::string_view line, const Fence& fence) {
  const std::size_t indent = leading_spaces(line);
  if (indent > 3) return false;
  std::size_t n = indent;
  while (n < line.size() && line[n] == fence.ch) ++n;
  return n - indent >= fence.length && is_blank(line.substr(n));
}

// CommonMark HTML block type 2 runs from `<!--` to the line holding `-->`.
bool opens_comment(std::string_view line) {
  const std::size_t indent = leading_spaces(line);
  return indent <= 3 && line.substr(indent, 4) == "<!--";
}

// Where to put a backslash so that no more than kMaxContainerMarkersPerLine
// block container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) open a line: the
// escaped marker and the rest become text. npos when the line is fine.
std::size_t container_prefix_cut(std::string_view line) {
  int markers = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::size_t next = i, escape_at = i;
    if (line[i] == '>') {
      next = i + 1;
    } else if ((line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() &&
               (line[i + 1] == ' ' || line[i + 1] == '\t')) {
      next = i + 1;
    } else {
      std::size_t d = i;
      while (d < line.size() && d - i < 9 && line[d] >= '0' && line[d] <= '9') ++d;
      if (d > i && d < line.size() && (line[d] == '.' || line[d] == ')') &&
          (d + 1 == line.size() || line[d + 1] == ' ')) {
        next = d + 1;
        escape_at = d;  // "1\." (a backslash before a digit is literal)
      }
    }
    if (next == i) break;
    if (++markers > limits::kMaxContainerMarkersPerLine) return escape_at;
    i = next;
  }
  return std::string_view::npos;
}

// Escapes every unescaped '|' after the first kMaxPipesPerLine, so that the
// table extension (quadratic in cells per row) never sees more cells.
// A delimiter row (`|:-|-:|`) is cut at the same pipe instead, so that it
// still matches its header and the table survives, cut to size.
bool escape_extra_pipes(std::string& line) {
  const bool delimiter_row = line.find_first_not_of("|-: \t") == std::string::npos;
  int pipes = 0;
  bool changed = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != '|') continue;
    if (++pipes > limits::kMaxPipesPerLine) {
      if (delimiter_row) {
        line.resize(i);
        return true;
      }
      line.insert(i, 1, '\\');
      ++i;
      changed = true;
    }
  }
  return changed;
}

std::string fence_text(const Fence& fence) {
  return std::string(fence.length, fence.ch);
}

}  // namespace

std::string comment_heading_divider(const LineIndex& lines) {
  std::string found;
  Fence fence;
  bool in_fence = false, in_comment = false;
  for (int l = 1; l <= lines.line_count(); ++l) {
    const std::string_view line = lines.line(l);
    if (in_fence) {
      if (closes_fence(line, fence)) in_fence = false;
      continue;
    }
    if (!in_comment && opens_fence(line, &fence)) {
      in_fence = true;
      continue;
    }
    const std::size_t open = line.find("<!--");
    if (!in_comment && open == std::string_view::npos) continue;
    const std::size_t from = in_comment ? 0 : open + 4;
    const std::size_t close = line.find("-->", from);
    in_comment = close == std::string_view::npos;
    const std::string_view body =
        line.substr(from, close == std::string_view::npos ? close : close - from);
    const std::size_t key = body.find("headingDivider");
    if (key == std::string_view::npos) continue;
    std::size_t colon = key + 14;
    while (colon < body.size() && body[colon] == ' ') ++colon;
    if (colon >= body.size() || body[colon] != ':') continue;
    std::string_view value = body.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    found = std::string(value);
  }
  return found;
}

FrontMatterSource find_front_matter(const LineIndex& lines, Reporter& report) {
  FrontMatterSource out;
  const int n = lines.line_count();
  if (n < 1 || !is_marker_line(lines.line(1), "---")) return out;
  int close = 0;
  for (int l = 2; l <= n && close == 0; ++l) {
    if (is_marker_line(lines.line(l), "---") || is_marker_line(lines.line(l), "...")) close = l;
  }
  if (close == 0) {
    report.error(1, 1, "front matter is never closed (expected a line '---' or '...')");
    out.body_line = 2;  // read the rest as slides
    return out;
  }
  out.present = true;
  out.line = 2;
  const std::size_t a = lines.line_start(2), b = lines.line_start(close);
  out.text = std::string(lines.line(1).data() + (a - lines.line_start(1)), b - a);
  out.body_line = close + 1;
  return out;
}

SplitDeck split_deck(const LineIndex& lines, Reporter& report, SplitRules rules) {
  SplitDeck out;
  const unsigned heading_divider = rules.heading_divider;
  const auto is_break = [&](std::string_view line) {
    return is_marker_line(line, "---") || (rules.every_rule && is_thematic_break(line));
  };
  const int n = lines.line_count();
  const int first = find_front_matter(lines, report).body_line;

  // ------------------------------------------------------------------ slides
  SlideSource current;
  current.first_line = first;
  int slide_line = 0;  // lines in current slide
  bool oversize = false;
  Fence fence;
  bool in_fence = false, in_comment = false;
  int comment_line = 0, comment_column = 0;
  bool visible = false;  // the slide so far shows something (for headingDivider)

  const auto close_slide = [&]() {
    if (oversize) {
      report.error(current.first_line, 1, "slide is larger than 1 MiB; its content is skipped");
      current.text.clear();
      current.escaped_pipe_lines.clear();
    }
    out.slides.push_back(std::move(current));
    current = SlideSource{};
    slide_line = 0;
    oversize = false;
    visible = false;
  };

  // The line before was paragraph text (a setext heading cannot start here).
  bool in_paragraph = false;
  for (int l = first; l <= n; ++l) {
    const std::string_view line = lines.line(l);
    bool paragraph_line = false;
    if (in_fence) {
      if (closes_fence(line, fence)) {
        in_fence = false;
        if (fence.diagram && fence.swallowed > 0) {
          // A diagram's YAML never holds a `---`: the fence was left open.
          report.error(fence.line, fence.column,
                       "diagram fence is not closed before the slide break '---' on line " +
                           std::to_string(fence.swallowed) +
                           ", so the next slide became part of the diagram; close it with " +
                           fence_text(fence) + " before that line");
        }
      } else if (fence.swallowed == 0 && is_break(line)) {
        fence.swallowed = l;
      }
    } else if (in_comment) {
      if (line.find("-->") != std::string_view::npos) in_comment = false;
    } else if (is_break(line)) {
      close_slide();
      current.first_line = l + 1;
      in_paragraph = false;
      continue;
    } else if (opens_fence(line, &fence)) {
      in_fence = true;
      visible = true;
      fence.line = l;
    } else if (opens_comment(line)) {
      const std::size_t at = line.find("<!--");
      const std::size_t close = line.find("-->", at + 4);
      if (close == std::string_view::npos) {
        in_comment = true;
        comment_line = l;
        comment_column = static_cast<int>(at) + 1;
      } else if (!is_blank(line.substr(close + 3))) {
        visible = true;
      }
    } else if (const int level =
                   heading_divider != 0 ? heading_level_at(lines, l, !in_paragraph) : 0;
               level > 0 && (heading_divider & (1u << level)) != 0 && visible) {
      close_slide();
      current.first_line = l;
      visible = true;
      paragraph_line = atx_level(line) == 0;  // a setext heading's first line
    } else if (!is_blank(line)) {
      visible = true;
      paragraph_line = atx_level(line) == 0;
    }
    in_paragraph = paragraph_line;
    ++slide_line;
    if (oversize) continue;
    if (current.text.size() + line.size() + 1 > limits::kMaxSlideBytes) {
      oversize = true;
      continue;
    }
    std::string copy(line);
    if (!in_fence) {
      const std::size_t cut = container_prefix_cut(copy);
      if (cut != std::string::npos) copy.insert(cut, 1, '\\');
      if (escape_extra_pipes(copy)) current.escaped_pipe_lines.push_back(slide_line);
    }
    if (!is_blank(copy)) current.blank = false;
    current.text += copy;
    current.text += '\n';
  }
  if (in_fence && fence.swallowed > 0) {
    report.error(fence.line, fence.column,
                 "code fence is never closed, so it swallows the slide break '---' on line " +
                     std::to_string(fence.swallowed) + " and every slide after it; close it with " +
                     fence_text(fence) + " before that line");
  } else if (in_fence) {
    report.error(fence.line, fence.column,
                 "code fence is never closed; it runs to the end of the file");
  }
  if (in_comment) {
    report.error(comment_line, comment_column,
                 "HTML comment is never closed; it runs to the end of the file");
  }
  close_slide();
  return out;
}

}  // namespace madang::deck
