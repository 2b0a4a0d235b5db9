// Speaker notes for a PDF deck (see pdf_notes.h): what the three readers
// share (notes as Markdown), and the Markdown notes reader. The PPTX reader is
// pdf_notes_pptx.cpp, pdfpc's pdf_notes_pdfpc.cpp.
//
// [SECTION] Notes as Markdown: paragraphs, lists, breaks, escapes
// [SECTION] Markdown notes: read_markdown_notes

#include "deck/pdf_notes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <exception>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "deck/pdf_notes_text.h"
#include "deck/report.h"
#include "deck/source_text.h"
#include "io/files.h"

namespace madang::deck::notes_text {

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view s) {
  return trim(s).empty();
}

// Whole text without trailing white space or blank lines.
std::string trim_end(std::string_view s) {
  while (!s.empty() && (is_blank_char(s.back()) || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

bool parse_int(std::string_view s, int* out) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// What a message quotes of a file's text (a heading, a target): its first
// 60 bytes or so, in whole characters, so that a hostile file cannot make
// a diagnostic of megabytes.
std::string shorten(std::string_view text) {
  constexpr std::size_t kQuoted = 60;
  if (text.size() <= kQuoted) return std::string(text);
  std::size_t end = kQuoted;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

// The lines of a text, without their '\n'.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

//-----------------------------------------------------------------------------
// [SECTION] Notes as Markdown: paragraphs, lists, breaks, escapes
//-----------------------------------------------------------------------------

// A line of plain text as Markdown that shows it as written: what would
// start a block at the line's start (a heading, a quote, a list item, a
// setext underline) and what would make inline markup anywhere (emphasis,
// code, links, HTML, entities, GFM's strikethrough: "3~5분" is a range in
// Korean, not a deletion) is escaped. Leading blanks go (four would make a
// code block); trailing ones too (two would make a break).
std::string escape_line(std::string_view raw) {
  const std::string_view s = trim(raw);
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0;
  if (!s.empty()) {
    const char c = s.front();
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
      out += '\\';
    } else {
      std::size_t digits = 0;
      while (digits < s.size() && digits < 10 && s[digits] >= '0' && s[digits] <= '9') ++digits;
      if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
        out.append(s.substr(0, digits));
        out += '\\';
        out += s[digits];
        i = digits + 1;
      }
    }
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '~':
        out += '\\';
        break;
      case '&':
        if (i + 1 < s.size() &&
            (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '#')) {
          out += '\\';
        }
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

// Paragraphs as Markdown the way a notes pane shows them: consecutive text
// paragraphs are lines of one Markdown paragraph (a hard break between
// them, as PowerPoint and pdfpc put them on lines of their own without a
// gap); an empty paragraph makes the gap; list items are `- ` or `1. `,
// nested under the item before them at a deeper level (indented to its
// text, which is two spaces under `- `), never deeper than one level below
// it, since Markdown would read a deeper indent as code.
std::string notes_markdown(const std::vector<NoteParagraph>& paragraphs) {
  struct OpenItem {
    int level;
    std::size_t content;  // column of the item's text
    int next;             // number of a following sibling
    bool numbered;
  };
  std::vector<OpenItem> open;
  enum class Last { kNothing, kText, kItem } last = Last::kNothing;
  bool gap = false;
  std::string out;
  for (const NoteParagraph& p : paragraphs) {
    std::vector<std::string> lines;
    for (const std::string& line : p.lines) lines.push_back(escape_line(line));
    if (p.kind == NoteParagraph::Kind::kText) {
      open.clear();
      for (const std::string& line : lines) {
        if (line.empty()) {
          gap = last != Last::kNothing;
          continue;
        }
        if (last == Last::kText && !gap) {
          out += "\\\n";
        } else if (last != Last::kNothing) {
          out += "\n\n";
        }
        out += line;
        last = Last::kText;
        gap = false;
      }
      continue;
    }
    lines.erase(std::remove(lines.begin(), lines.end(), std::string()), lines.end());
    if (lines.empty()) {
      gap = last != Last::kNothing;
      continue;
    }
    const bool numbered = p.kind == NoteParagraph::Kind::kNumbered;
    const int level = std::clamp(p.level, 0, 8);
    while (!open.empty() && open.back().level > level) open.pop_back();
    std::size_t indent = 0;
    int number = std::max(p.start, 0);
    if (!open.empty() && open.back().level == level) {
      if (open.back().numbered == numbered) number = open.back().next;
      open.pop_back();
    }
    if (!open.empty()) indent = open.back().content;
    const std::string marker =
        numbered ? std::to_string(std::min(number, 999999999)) + ". " : std::string("- ");
    if (last == Last::kText || (last == Last::kItem && gap)) {
      out += "\n\n";
    } else if (last == Last::kItem) {
      out += '\n';
    }
    out += std::string(indent, ' ') + marker;
    const std::string continuation = "\\\n" + std::string(indent + marker.size(), ' ');
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out += continuation;
      out += lines[i];
    }
    open.push_back({level, indent + marker.size(), number + 1, numbered});
    last = Last::kItem;
    gap = false;
  }
  return out;
}

// Plain text (pdfpc's notes with Markdown off, its old format): a paragraph
// per line, blank lines between paragraphs.
std::string plain_text_markdown(std::string_view text) {
  std::vector<NoteParagraph> paragraphs;
  for (std::string_view line : split_lines(text)) {
    NoteParagraph p;
    p.lines.emplace_back(line);
    paragraphs.push_back(std::move(p));
  }
  return notes_markdown(paragraphs);
}

}  // namespace madang::deck::notes_text

namespace madang::deck {

using namespace notes_text;

//-----------------------------------------------------------------------------
// [SECTION] Markdown notes: read_markdown_notes
//-----------------------------------------------------------------------------

namespace {

// A code fence (``` or ~~~, three or more, up to three spaces in): its mark
// and length. Headings inside fenced code are text.
bool code_fence(std::string_view line, char* mark, std::size_t* length) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return false;
  const char c = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) ++n;
  if (n < 3) return false;
  if (c == '`' && line.substr(i + n).find('`') != std::string_view::npos) return false;
  *mark = c;
  *length = n;
  return true;
}

// A `## ` heading (up to three spaces in, as CommonMark allows): its text
// without a closing run of '#', and the 1-based byte column it starts at.
bool level2_heading(std::string_view line, std::string_view* text, int* byte_column) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (line.substr(i, 2) != "##") return false;
  i += 2;
  if (i < line.size() && !is_blank_char(line[i])) return false;  // "###", "##3"
  while (i < line.size() && is_blank_char(line[i])) ++i;
  std::string_view rest = trim(line.substr(i));
  const std::size_t hashes = rest.find_last_not_of('#');
  if (hashes == std::string_view::npos) {
    rest = {};
  } else if (hashes + 1 < rest.size() && is_blank_char(rest[hashes])) {
    rest = trim(rest.substr(0, hashes + 1));
  }
  *text = rest;
  *byte_column = static_cast<int>(i) + 1;
  return true;
}

// The lines without the blank ones around them, joined.
std::string join_lines(const std::vector<std::string_view>& lines) {
  std::size_t first = 0, last = lines.size();
  while (first < last && is_blank(lines[first])) ++first;
  while (last > first && is_blank(lines[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out.append(lines[i]);
  }
  return trim_end(out);
}

void read_markdown(const std::string& path, FoundNotes* found, Reporter& report) {
  const io::ReadResult file = io::read_regular_file(path, kMaxNotesFileBytes);
  if (!file.ok) {
    report.error(0, 0, "notes file " + file.error);
    return;
  }
  const std::string text = clean_source(file.bytes, report);
  const LineIndex index(text);
  found->ok = true;

  int slide = 0;         // the slide the lines belong to; 0: none
  bool preamble = true;  // before the first `## ` heading
  char fence = 0;        // the mark of the open code fence, 0 none
  std::size_t fence_length = 0;
  std::vector<std::string_view> body;
  std::map<int, int> heading_line;  // slide -> line of its heading
  const auto flush = [&] {
    if (slide > 0) {
      std::string notes = join_lines(body);
      if (!notes.empty()) found->notes[slide] = std::move(notes);
    }
    body.clear();
  };
  int line_number = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_number;
    char mark = 0;
    std::size_t length = 0;
    if (fence != 0) {
      if (code_fence(line, &mark, &length) && mark == fence && length >= fence_length &&
          is_blank(line.substr(line.find_first_not_of(' ') + length))) {
        fence = 0;
      }
      body.push_back(line);
      continue;
    }
    std::string_view heading;
    int byte_column = 0;
    if (!level2_heading(line, &heading, &byte_column)) {
      if (preamble && !is_blank(line)) {
        const std::size_t first = line.find_first_not_of(" \t");
        report.warning(line_number, index.column(line_number, static_cast<int>(first) + 1),
                       "text before the first `## N` heading belongs to no slide: ignored");
        preamble = false;  // said once
      }
      if (code_fence(line, &mark, &length)) {
        fence = mark;
        fence_length = length;
      }
      body.push_back(line);
      continue;
    }
    flush();
    preamble = false;
    slide = 0;
    const int column = index.column(line_number, byte_column);
    const bool digits =
        !heading.empty() && heading.find_first_not_of("0123456789") == std::string_view::npos;
    int n = 0;
    if (!digits || !parse_int(heading, &n)) {
      report.warning(line_number, column,
                     "`## " + shorten(heading) +
                         "` is not a slide number: the notes under it are left out (`## 3` "
                         "holds the notes of slide 3)");
    } else if (n == 0) {
      report.warning(line_number, column,
                     "slides count from 1: the notes under `## 0` are left out");
    } else if (heading_line.count(n) > 0) {
      report.warning(line_number, column,
                     "slide " + std::to_string(n) + " already has notes under line " +
                         std::to_string(heading_line[n]) + ": these are left out");
    } else if (heading_line.size() >= static_cast<std::size_t>(kMaxNotesEntries)) {
      report.warning(line_number, column,
                     "more than " + std::to_string(kMaxNotesEntries) +
                         " slides have notes: the rest are left out");
    } else {
      slide = n;
      heading_line[n] = line_number;
    }
  }
  flush();
}

}  // namespace

FoundNotes read_markdown_notes(const std::string& path) {
  FoundNotes found;
  found.numbering = FoundNotes::Numbering::kSlides;
  Reporter report(path, found.diagnostics);
  try {
    read_markdown(path, &found, report);
  } catch (const std::exception& e) {
    report.error(0, 0, std::string("could not be read: ") + e.what());
  }
  report.finish();
  return found;
}

}  // namespace madang::deck
