// Notes as Markdown, for the readers of pdf_notes.h (pdf_notes.cpp, the
// PPTX reader pdf_notes_pptx.cpp, pdfpc's pdf_notes_pdfpc.cpp): plain text,
// PowerPoint's paragraphs and list levels, escaped so that Markdown shows
// them as written. Internal to deck/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace madang::deck::notes_text {

bool is_blank_char(char c);
std::string_view trim(std::string_view s);
bool is_blank(std::string_view s);
std::string trim_end(std::string_view s);
// A whole decimal number, nothing around it.
bool parse_int(std::string_view s, int* out);
// At most a few dozen characters of `text`, for messages.
std::string shorten(std::string_view text);
// Lines, without their ends ("\n", "\r\n" or "\r").
std::vector<std::string_view> split_lines(std::string_view text);

// One paragraph of notes as a plain-text source has it: text or a list item
// at a nesting level, in lines that hard breaks separate. A paragraph with
// no text is an empty one, which separates the paragraphs around it.
struct NoteParagraph {
  enum class Kind { kText, kBullet, kNumbered } kind = Kind::kText;
  int level = 0;  // list nesting, 0 outermost
  int start = 1;  // kNumbered: the number a new list starts at
  std::vector<std::string> lines;
};

// A line of plain text as Markdown that shows it as written.
std::string escape_line(std::string_view raw);
// Paragraphs as Markdown: lists indented by level, lines joined by hard breaks.
std::string notes_markdown(const std::vector<NoteParagraph>& paragraphs);
// Plain text (pdfpc's notes without Markdown) as Markdown that shows it as written.
std::string plain_text_markdown(std::string_view text);

}  // namespace madang::deck::notes_text
