// Speaker notes from pdfpc's file (pdf_notes.h): its JSON, skimmed for the
// places of values so that a bad entry is located, and its older text format.
//
// [SECTION] pdfpc: skimming JSON for places
// [SECTION] pdfpc: read_pdfpc_notes (JSON, and the old text format)

#include <nlohmann/json.hpp>

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
#include "deck/pdf_notes.h"

#include "deck/pdf_notes_text.h"
#include "deck/report.h"
#include "deck/source_text.h"
#include "io/files.h"

namespace madang::deck {

using namespace notes_text;

//-----------------------------------------------------------------------------
// [SECTION] pdfpc: skimming JSON for places
//-----------------------------------------------------------------------------

namespace {

using Json = nlohmann::json;

// nlohmann's values carry no place in the file, and its DOM of a hostile
// file (a million empty objects) takes many times the file's size. So the
// text is first checked by its SAX parser, which keeps nothing; then it is
// skimmed here for where the values of interest lie, and only those small
// values are parsed.

struct Span {
  std::size_t begin = 0, end = 0;  // bytes [begin, end) of the text; empty: absent
  bool present() const { return end > begin; }
};

// Checks the text, keeping nothing but the first error's place.
struct JsonCheck {
  bool failed = false;
  std::size_t position = 0;  // nlohmann's: 1-based byte of the character it stopped at
  std::string message;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(Json::number_integer_t) { return true; }
  bool number_unsigned(Json::number_unsigned_t) { return true; }
  bool number_float(Json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(Json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) {
    failed = true;
    position = at;
    message = e.what();
    return false;
  }
};

// "syntax error while parsing value - unexpected ','; ..." from nlohmann's
// "[json.exception.parse_error.101] parse error at line 3, column 4: ...":
// the place is printed in front, counted in code points.
std::string json_error_phrase(const std::string& what) {
  std::size_t from = what.find("column ");
  from = from == std::string::npos ? what.find("] ") : what.find(": ", from);
  return from == std::string::npos ? what : what.substr(from + 2);
}

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i;
}

// Past the closing quote of the string that starts at s[i].
std::size_t string_end(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// Past the value that starts at s[i]; containers by counting brackets, so
// nesting costs no stack.
std::size_t value_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return s.size();
  if (s[i] == '"') return string_end(s, i);
  if (s[i] == '{' || s[i] == '[') {
    std::size_t depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = string_end(s, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return i + 1;
      ++i;
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !is_json_space(s[i])) ++i;
  return i;
}

// visit(key, value) for each member of the object at `container`, or
// visit(Span(), element) for each element of the array there, in order.
// The text has passed JsonCheck, so it is well-formed; the skim still stops
// at the text's end whatever it finds.
template <typename Visit>
void for_each_member(std::string_view s, Span container, Visit visit) {
  const bool object = s[container.begin] == '{';
  std::size_t i = skip_space(s, container.begin + 1);
  while (i < container.end && s[i] != '}' && s[i] != ']') {
    Span key;
    if (object) {
      key = {i, string_end(s, i)};
      i = skip_space(s, key.end);
      if (i < s.size() && s[i] == ':') i = skip_space(s, i + 1);
    }
    const Span value{i, value_end(s, i)};
    if (!value.present()) return;
    visit(key, value);
    i = skip_space(s, value.end);
    if (i < s.size() && s[i] == ',') i = skip_space(s, i + 1);
  }
}

Json parse_span(std::string_view s, Span span) {
  return Json::parse(s.begin() + static_cast<std::ptrdiff_t>(span.begin),
                     s.begin() + static_cast<std::ptrdiff_t>(span.end), nullptr, false);
}

bool whole_number(const Json& v, std::int64_t lo, std::int64_t hi, std::int64_t* out) {
  if (v.is_number_unsigned()) {
    const std::uint64_t u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(hi)) return false;
    *out = static_cast<std::int64_t>(u);
  } else if (v.is_number_integer()) {
    *out = v.get<std::int64_t>();
  } else {
    return false;
  }
  return *out >= lo && *out <= hi;
}

struct Place {
  int line = 1, column = 1;
};

Place place_of(const LineIndex& lines, std::size_t offset) {
  const int line = lines.line_of_offset(offset);
  const int byte_column = static_cast<int>(offset - lines.line_start(line)) + 1;
  return {line, lines.column(line, byte_column)};
}

//-----------------------------------------------------------------------------
// [SECTION] pdfpc: read_pdfpc_notes (JSON, and the old text format)
//-----------------------------------------------------------------------------

constexpr std::int64_t kMaxPdfpcIndex = 999999;

// Text from a file's value as deck text is: valid UTF-8 and no NUL (JSON's
// "\u0000" decodes to one); false when something was replaced.
bool clean_value(const std::string& file, std::string* text) {
  Diagnostics scratch;
  Reporter scratch_report(file, scratch);
  *text = clean_source(*text, scratch_report);
  scratch_report.finish();
  return !has_errors(scratch);
}

struct PdfpcEntry {
  Span idx, label, overlay, note;
};

void read_pdfpc_json(std::string_view text, FoundNotes* found, Reporter& report) {
  const LineIndex lines(text);
  const auto at = [&](std::size_t offset) { return place_of(lines, offset); };
  JsonCheck check;
  Json::sax_parse(text.begin(), text.end(), &check);
  if (check.failed) {
    const Place p = at(std::min(check.position > 0 ? check.position - 1 : 0, text.size()));
    report.error(p.line, p.column, "is not valid JSON: " + json_error_phrase(check.message));
    return;
  }
  const std::size_t root_at = skip_space(text, 0);
  if (root_at >= text.size() || text[root_at] != '{') {
    const Place p = at(root_at);
    report.error(p.line, p.column, "is not pdfpc's JSON: its top level is not an object");
    return;
  }
  found->ok = true;
  Span format, pages, disable_markdown, enable_markdown;
  for_each_member(text, Span{root_at, value_end(text, root_at)}, [&](Span key, Span value) {
    const Json name = parse_span(text, key);
    if (!name.is_string()) return;
    const std::string& k = name.get_ref<const std::string&>();
    // A repeated key: the last counts, as in nlohmann's and GLib's readers.
    if (k == "pdfpcFormat") format = value;
    if (k == "pages") pages = value;
    if (k == "disableMarkdown") disable_markdown = value;
    if (k == "enableMarkdown") enable_markdown = value;  // format 1, before pdfpc 4.5's rename
  });

  if (format.present()) {
    const Place p = at(format.begin);
    std::int64_t version = 0;
    if (!whole_number(parse_span(text, format), 1, INT32_MAX, &version)) {
      report.warning(p.line, p.column, "pdfpcFormat must be 1 or 2: read as 2");
    } else if (version > 2) {
      report.warning(p.line, p.column,
                     "pdfpcFormat " + std::to_string(version) +
                         " is newer than the formats this reader knows (1 and 2): read as 2");
    }
  }
  // pdfpc's notes are Markdown unless the file says they are plain text.
  bool markdown = true;
  for (const auto& [span, means_plain] :
       {std::pair{disable_markdown, true}, std::pair{enable_markdown, false}}) {
    if (!span.present()) continue;
    const Json flag = parse_span(text, span);
    if (flag.is_boolean()) {
      if (flag.get<bool>() == means_plain) markdown = false;
    } else {
      const Place p = at(span.begin);
      report.warning(p.line, p.column, "a Markdown switch must be true or false: ignored");
    }
  }
  if (!pages.present()) return;  // a file of timings and no notes
  if (text[pages.begin] != '[') {
    const Place p = at(pages.begin);
    report.error(p.line, p.column, "pages is not an array: no notes are read from it");
    return;
  }

  std::size_t index = 0;
  std::map<int, int> note_line;  // page -> line of the entry its notes came from
  bool capped = false;
  for_each_member(text, pages, [&](Span, Span value) {
    const std::string where = "pages[" + std::to_string(index++) + "]";
    const Place entry_at = at(value.begin);
    if (text[value.begin] != '{') {
      report.warning(entry_at.line, entry_at.column, where + " is not an object: left out");
      return;
    }
    PdfpcEntry entry;
    for_each_member(text, value, [&](Span key, Span member) {
      const Json name = parse_span(text, key);
      if (!name.is_string()) return;
      const std::string& k = name.get_ref<const std::string&>();
      if (k == "idx") entry.idx = member;
      if (k == "label") entry.label = member;
      if (k == "overlay") entry.overlay = member;
      if (k == "note") entry.note = member;
    });
    if (!entry.idx.present()) {
      report.warning(entry_at.line, entry_at.column, where + " has no idx: left out");
      return;
    }
    std::int64_t idx = 0;
    if (!whole_number(parse_span(text, entry.idx), 0, kMaxPdfpcIndex, &idx)) {
      const Place p = at(entry.idx.begin);
      report.warning(p.line, p.column,
                     where + ".idx must be a page index, a whole number from 0 to " +
                         std::to_string(kMaxPdfpcIndex) + ": left out");
      return;
    }
    const int page = static_cast<int>(idx) + 1;
    const bool room = found->notes.size() < static_cast<std::size_t>(kMaxNotesEntries);
    if (entry.label.present()) {
      const Json label = parse_span(text, entry.label);
      std::string name;
      if (label.is_string()) {
        name = label.get<std::string>();
      } else if (label.is_number_integer()) {
        name = label.dump();  // some generators write the number itself
      } else {
        const Place p = at(entry.label.begin);
        report.warning(p.line, p.column, where + ".label is not text: ignored");
      }
      if (!name.empty() && !clean_value(report.file(), &name)) {
        const Place p = at(entry.label.begin);
        report.warning(p.line, p.column, where + ".label holds a NUL character: shown as U+FFFD");
      }
      if (!name.empty() && (room || found->labels.count(page) > 0)) found->labels[page] = name;
    }
    if (entry.overlay.present()) {
      std::int64_t overlay = 0;
      if (!whole_number(parse_span(text, entry.overlay), 0, INT32_MAX, &overlay)) {
        const Place p = at(entry.overlay.begin);
        report.warning(p.line, p.column,
                       where + ".overlay must be a whole number, 0 or more: ignored");
      }
    }
    if (!entry.note.present()) return;
    const Place note_at = at(entry.note.begin);
    const Json note = parse_span(text, entry.note);
    if (!note.is_string()) {
      report.warning(note_at.line, note_at.column, where + ".note is not text: left out");
      return;
    }
    std::string written = note.get<std::string>();
    if (!clean_value(report.file(), &written)) {
      report.warning(note_at.line, note_at.column,
                     where + ".note holds a NUL character: shown as U+FFFD");
    }
    std::string notes = markdown ? trim_end(written) : plain_text_markdown(written);
    if (notes.empty()) return;
    const auto earlier = note_line.find(page);
    if (earlier != note_line.end()) {
      report.warning(entry_at.line, entry_at.column,
                     where + ": page " + std::to_string(page) + " (idx " + std::to_string(idx) +
                         ") already has notes from line " + std::to_string(earlier->second) +
                         "; these later ones are kept, as pdfpc does");
    } else if (!room) {
      if (!capped) {
        report.warning(entry_at.line, entry_at.column,
                       "more than " + std::to_string(kMaxNotesEntries) +
                           " pages have notes: the rest are left out");
      }
      capped = true;
      return;
    }
    found->notes[page] = std::move(notes);
    note_line[page] = entry_at.line;
  });
}

// pdfpc before 4.5 wrote sections such as "[file]", "[duration]" and
// "[notes]", one name a line.
bool section_name(std::string_view line, std::string_view* name) {
  line = trim(line);
  if (line.size() < 3 || line.front() != '[' || line.back() != ']') return false;
  const std::string_view inner = line.substr(1, line.size() - 2);
  for (char c : inner) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  *name = inner;
  return true;
}

bool is_old_pdfpc(std::string_view text) {
  for (std::string_view line : split_lines(text)) {
    if (is_blank(line)) continue;
    std::string_view name;
    if (!section_name(line, &name)) return false;
    for (const char* known :
         {"file", "notes", "skip", "duration", "end_time", "start_time", "end_user_slide",
          "last_saved_slide", "last_minutes", "font_size", "notes_position"}) {
      if (name == known) return true;
    }
    return false;
  }
  return false;
}

// The old format's [notes]: "### N" (N a slide as pdfpc counts them, pages
// grouped by label, from 1) over plain text in which '[', ']' and '#' were
// written with a backslash.
void read_old_pdfpc(std::string_view text, FoundNotes* found, Reporter& report) {
  const LineIndex lines(text);
  found->ok = true;
  found->numbering = FoundNotes::Numbering::kSlides;
  bool in_notes = false;
  int slide = 0;  // the slide the text belongs to; 0: none
  std::string body;
  std::map<int, int> heading_line;
  const auto flush = [&] {
    if (slide > 0) {
      std::string notes = plain_text_markdown(body);
      if (!notes.empty()) found->notes[slide] = std::move(notes);
    }
    body.clear();
  };
  int line_number = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_number;
    std::string_view name;
    if (section_name(line, &name)) {
      flush();
      slide = 0;
      in_notes = name == "notes";
      continue;
    }
    if (!in_notes) continue;
    if (line.substr(0, 4) == "### ") {
      flush();
      slide = 0;
      const std::string_view number = trim(line.substr(4));
      const Place p{line_number, lines.column(line_number, 5)};
      int n = 0;
      if (!parse_int(number, &n) || n < 1) {
        report.warning(p.line, p.column,
                       "'### " + shorten(number) +
                           "' does not name a slide (1 or more): the notes under it are left out");
      } else if (heading_line.count(n) > 0) {
        report.warning(p.line, p.column,
                       "slide " + std::to_string(n) + " already has notes from line " +
                           std::to_string(heading_line[n]) +
                           "; these later ones are kept, as pdfpc does");
        slide = n;
      } else if (heading_line.size() >= static_cast<std::size_t>(kMaxNotesEntries)) {
        report.warning(p.line, p.column,
                       "more than " + std::to_string(kMaxNotesEntries) +
                           " slides have notes: the rest are left out");
      } else {
        slide = n;
      }
      if (slide > 0) heading_line[slide] = line_number;
      continue;
    }
    if (slide == 0) continue;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() &&
          (line[i + 1] == '[' || line[i + 1] == ']' || line[i + 1] == '#')) {
        continue;
      }
      body += line[i];
    }
    body += '\n';
  }
  flush();
}

void read_pdfpc(const std::string& path, FoundNotes* found, Reporter& report) {
  const io::ReadResult file = io::read_regular_file(path, kMaxNotesFileBytes);
  if (!file.ok) {
    report.error(0, 0, "notes file " + file.error);
    return;
  }
  const std::string text = clean_source(file.bytes, report);
  if (is_old_pdfpc(text)) {
    read_old_pdfpc(text, found, report);
  } else {
    read_pdfpc_json(text, found, report);
  }
}

}  // namespace

FoundNotes read_pdfpc_notes(const std::string& path) {
  FoundNotes found;
  found.numbering = FoundNotes::Numbering::kPages;
  Reporter report(path, found.diagnostics);
  try {
    read_pdfpc(path, &found, report);
  } catch (const std::exception& e) {
    report.error(0, 0, std::string("could not be read: ") + e.what());
  }
  report.finish();
  return found;
}

}  // namespace madang::deck
