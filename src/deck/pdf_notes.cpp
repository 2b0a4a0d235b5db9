// Speaker notes for a PDF deck, from a PPTX, pdfpc's file or a notes.md
// (see pdf_notes.h).
//
// [SECTION] Notes as Markdown: paragraphs, lists, breaks, escapes
// [SECTION] PPTX: the package, read within bounds
// [SECTION] PPTX: XML parts and relationships
// [SECTION] PPTX: a notes slide's text
// [SECTION] PPTX: read_pptx_notes
// [SECTION] pdfpc: skimming JSON for places
// [SECTION] pdfpc: read_pdfpc_notes (JSON, and the old text format)
// [SECTION] Markdown notes: read_markdown_notes

#include "deck/pdf_notes.h"

#include <tinyxml2.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "deck/report.h"
#include "deck/source_text.h"
#include "io/files.h"

namespace madang::deck {

namespace {

using tinyxml2::XMLElement;

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

// One paragraph of notes as a plain-text source has it: text or a list item
// at a nesting level, in lines that hard breaks separate. A paragraph with
// no text is an empty one, which separates the paragraphs around it.
struct NoteParagraph {
  enum class Kind { kText, kBullet, kNumbered } kind = Kind::kText;
  int level = 0;  // list nesting, 0 outermost
  int start = 1;  // kNumbered: the number a new list starts at
  std::vector<std::string> lines;
};

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

//-----------------------------------------------------------------------------
// [SECTION] PPTX: the package, read within bounds
//-----------------------------------------------------------------------------

// A real PPTX has a few entries per slide; libzip keeps a record for each,
// so the count is checked before libzip reads them.
constexpr std::size_t kMaxPackageEntries = 65535;
// A slide part is read only for its root's start tag (show="0"): its first
// bytes are enough, and a deck of heavy slides keeps its budget for notes.
constexpr std::size_t kSlideHeadBytes = 4096;
constexpr std::size_t kReadChunk = 64 * 1024;

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};

struct Package {
  std::string bytes;  // the whole file: libzip reads it in place
  std::unique_ptr<zip_t, ZipDiscard> zip;
  std::unordered_map<std::string, zip_uint64_t> entries;  // lower-case part name -> index
  std::size_t inflated = 0;                               // against kMaxNotesTotalBytes
  bool spent = false;                                     // the budget ran out: read no more
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = 0;
    if (s[i] == '%' && i + 3 <= s.size()) {
      const auto [end, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && end == s.data() + i + 3) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Central directory records start with "PK\1\2", and libzip checks that
// signature on every record it reads: their count in the bytes bounds the
// entries libzip can make, whatever the end record claims.
std::size_t count_central_records(std::string_view bytes) {
  constexpr std::string_view kSignature("PK\x01\x02", 4);
  std::size_t n = 0;
  for (std::size_t at = bytes.find(kSignature); at != std::string_view::npos;
       at = bytes.find(kSignature, at + kSignature.size())) {
    ++n;
  }
  return n;
}

// Opens the package from its bytes (never from the file system again); part
// names are OPC's, compared without case.
bool open_package(Package* pkg, Reporter& report) {
  const std::size_t records = count_central_records(pkg->bytes);
  if (records > kMaxPackageEntries) {
    report.error(0, 0,
                 "is not a PPTX this reader takes: more than " +
                     std::to_string(kMaxPackageEntries) + " entries in the zip");
    return false;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(pkg->bytes.data(), pkg->bytes.size(), 0, &error);
  zip_t* zip = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
    report.error(0, 0,
                 not_zip ? std::string("is not a PPTX: not a zip file")
                         : "is not a readable PPTX: " + std::string(zip_error_strerror(&error)));
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    return false;
  }
  zip_error_fini(&error);
  pkg->zip.reset(zip);
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    std::string_view n(name);
    while (!n.empty() && n.front() == '/') n.remove_prefix(1);
    pkg->entries.emplace(lower_ascii(n), static_cast<zip_uint64_t>(i));
  }
  return true;
}

bool find_entry(const Package& pkg, std::string_view name, zip_uint64_t* index) {
  for (const std::string& key : {lower_ascii(name), lower_ascii(percent_decode(name))}) {
    const auto it = pkg.entries.find(key);
    if (it != pkg.entries.end()) {
      *index = it->second;
      return true;
    }
  }
  return false;
}

enum class PartRead { kOk, kMissing, kFailed };

// Inflates the part `name` into *out: all of it (at most kMaxNotesPartBytes)
// or, with head > 0, its first `head` bytes. The size the zip declares is
// checked before inflating, and what comes out is counted while inflating,
// since a hostile zip can declare anything: memory stays within the caps
// whatever the part holds.
PartRead read_part(Package& pkg, const std::string& name, std::size_t head, std::string* out,
                   Reporter& report) {
  out->clear();
  if (pkg.spent) return PartRead::kFailed;
  zip_uint64_t index = 0;
  if (!find_entry(pkg, name, &index)) return PartRead::kMissing;
  zip_stat_t st;
  zip_stat_init(&st);
  const bool known =
      zip_stat_index(pkg.zip.get(), index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE);
  const std::size_t left = kMaxNotesTotalBytes - pkg.inflated;
  std::size_t allowed = head > 0 ? head : kMaxNotesPartBytes;
  if (known && head == 0) {
    if (st.size > kMaxNotesPartBytes) {
      report.error(0, 0,
                   "part " + name + " inflates to " +
                       io::describe_bytes(
                           static_cast<std::size_t>(std::min<zip_uint64_t>(st.size, SIZE_MAX))) +
                       ", more than the " + io::describe_bytes(kMaxNotesPartBytes) +
                       " a part may have (a zip bomb?): left out");
      return PartRead::kFailed;
    }
    allowed = static_cast<std::size_t>(st.size);
  }
  const auto over_budget = [&] {
    report.error(0, 0,
                 "the PPTX's parts inflate to more than " +
                     io::describe_bytes(kMaxNotesTotalBytes) + " in all: notes from part " + name +
                     " on are left out");
    pkg.spent = true;
    return PartRead::kFailed;
  };
  if (known && head == 0 && st.size > left) return over_budget();
  zip_file_t* file = zip_fopen_index(pkg.zip.get(), index, 0);
  if (file == nullptr) {
    report.error(0, 0, "part " + name + " cannot be read: " + zip_strerror(pkg.zip.get()));
    return PartRead::kFailed;
  }
  std::vector<char> chunk(kReadChunk);
  PartRead result = PartRead::kOk;
  while (true) {
    // One byte past what is allowed tells a part that inflates to more.
    const std::size_t want = std::min(chunk.size(), allowed + 1 - out->size());
    const zip_int64_t n = zip_fread(file, chunk.data(), want);
    if (n < 0) {
      report.error(0, 0, "part " + name + " is damaged: " + zip_file_strerror(file));
      result = PartRead::kFailed;
      break;
    }
    if (n == 0) break;
    out->append(chunk.data(), static_cast<std::size_t>(n));
    if (out->size() > left) {
      zip_fclose(file);
      pkg.inflated = kMaxNotesTotalBytes;
      out->clear();
      return over_budget();
    }
    if (out->size() > allowed) {
      if (head > 0) {
        out->resize(head);
        break;
      }
      report.error(0, 0,
                   "part " + name + " inflates to more than the " + io::describe_bytes(allowed) +
                       (known ? " it declares" : " a part may have") +
                       " (a damaged zip or a zip bomb): left out");
      result = PartRead::kFailed;
      break;
    }
  }
  zip_fclose(file);
  pkg.inflated += out->size();
  if (result != PartRead::kOk) out->clear();
  return result;
}

//-----------------------------------------------------------------------------
// [SECTION] PPTX: XML parts and relationships
//-----------------------------------------------------------------------------

std::string_view local_name(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool is(const XMLElement* e, std::string_view local) {
  return e != nullptr && local_name(e->Name()) == local;
}

const XMLElement* child(const XMLElement* e, std::string_view local) {
  if (e == nullptr) return nullptr;
  for (const XMLElement* c = e->FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
    if (is(c, local)) return c;
  }
  return nullptr;
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// tinyxml2 before 10 drops text that is only white space: `<a:t> </a:t>`,
// the space PowerPoint puts in a run of its own between two others, would
// glue the words around it. Such text is written as character references
// first, which it keeps. Line numbers do not change.
std::string keep_blank_text(std::string_view xml) {
  std::string out;
  out.reserve(xml.size());
  std::size_t copied = 0;
  for (std::size_t p = xml.find("</"); p != std::string_view::npos; p = xml.find("</", p + 2)) {
    const std::size_t name_end = xml.find_first_of("> \t\r\n", p + 2);
    if (name_end == std::string_view::npos) break;
    if (local_name(xml.substr(p + 2, name_end - p - 2)) != "t") continue;
    std::size_t q = p;
    while (q > copied && is_xml_space(xml[q - 1])) --q;
    if (q == p || q == 0 || xml[q - 1] != '>') continue;
    out.append(xml.substr(copied, q - copied));
    for (std::size_t k = q; k < p; ++k) {
      if (xml[k] == ' ') out += "&#32;";
      if (xml[k] == '\t') out += "&#9;";
      if (xml[k] == '\n') out += '\n';  // kept as it is: a line of the file
    }
    copied = p;
  }
  out.append(xml.substr(copied));
  return out;
}

// "mismatched element" for XML_ERROR_MISMATCHED_ELEMENT.
std::string xml_error_phrase(const tinyxml2::XMLDocument& doc) {
  std::string_view name = doc.ErrorName();
  for (std::string_view prefix : {"XML_ERROR_", "XML_"}) {
    if (name.substr(0, prefix.size()) == prefix) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  std::string out = lower_ascii(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

bool parse_xml(const std::string& name, const std::string& bytes, tinyxml2::XMLDocument* doc,
               Reporter& report) {
  const std::string xml = keep_blank_text(bytes);
  if (doc->Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS && doc->RootElement()) {
    return true;
  }
  report.error(0, 0,
               "part " + name + " is not well-formed XML (line " +
                   std::to_string(doc->ErrorLineNum()) + ": " + xml_error_phrase(*doc) +
                   "): left out");
  return false;
}

// Reads and parses a part whole: kMissing (not reported: the caller knows
// what a missing part means) or kFailed (reported) when there is none.
PartRead read_xml_part(Package& pkg, const std::string& name, tinyxml2::XMLDocument* doc,
                       Reporter& report) {
  std::string bytes;
  const PartRead read = read_part(pkg, name, 0, &bytes, report);
  if (read != PartRead::kOk) return read;
  return parse_xml(name, bytes, doc, report) ? PartRead::kOk : PartRead::kFailed;
}

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

// ppt/slides/slide1.xml -> ppt/slides/_rels/slide1.xml.rels; "" (the
// package itself) -> _rels/.rels.
std::string rels_part_for(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view folder =
      slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

// The relationships of a part, from its .rels part: kMissing when it has
// none, kFailed (reported) when that part is broken or too big.
PartRead read_relationships(Package& pkg, std::string_view part, std::vector<Relationship>* out,
                            Reporter& report) {
  out->clear();
  tinyxml2::XMLDocument doc;
  const std::string name = rels_part_for(part);
  const PartRead read = read_xml_part(pkg, name, &doc, report);
  if (read != PartRead::kOk) return read;
  for (const XMLElement* r = doc.RootElement()->FirstChildElement(); r != nullptr;
       r = r->NextSiblingElement()) {
    if (!is(r, "Relationship")) continue;
    Relationship rel;
    rel.id = r->Attribute("Id") ? r->Attribute("Id") : "";
    rel.type = r->Attribute("Type") ? r->Attribute("Type") : "";
    rel.target = r->Attribute("Target") ? r->Attribute("Target") : "";
    const char* mode = r->Attribute("TargetMode");
    rel.external = mode != nullptr && std::string_view(mode) == "External";
    out->push_back(std::move(rel));
  }
  return PartRead::kOk;
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The part a relationship's target names, from the folder of the part that
// holds the relationship (a target starting with '/' from the package's
// root). False when the target climbs out of the package ("../../../x") or
// names no part: a name inside the zip, never a path on the disk.
bool resolve_target(std::string_view source_part, std::string_view target, std::string* out) {
  target = target.substr(0, target.find_first_of("#?"));
  std::string path;
  if (target.empty() || target.front() != '/') {
    const std::size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) path = std::string(source_part.substr(0, slash + 1));
  }
  path += target;
  std::vector<std::string_view> segments;
  std::string_view rest(path);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (segments.empty()) return false;
      segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  if (segments.empty()) return false;
  out->clear();
  for (std::string_view segment : segments) {
    if (!out->empty()) *out += '/';
    out->append(segment);
  }
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] PPTX: a notes slide's text
//-----------------------------------------------------------------------------

// Whether a slide part's root says show="0" (a hidden slide). Only the
// root's start tag is looked at, made an empty element for tinyxml2.
bool slide_is_hidden(std::string_view head) {
  std::size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = head.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = head.find("-->", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<?" || rest.substr(0, 2) == "<!") {
      const std::size_t end = head.find('>', i);
      if (end == std::string_view::npos) return false;
      i = end + 1;
      continue;
    }
    char quote = 0;
    std::size_t end = i + 1;
    for (; end < head.size(); ++end) {
      const char c = head[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (end >= head.size()) return false;
    std::string tag(head.substr(i, end - i));
    if (tag.back() != '/') tag += '/';
    tag += '>';
    tinyxml2::XMLDocument doc;
    if (doc.Parse(tag.data(), tag.size()) != tinyxml2::XML_SUCCESS) return false;
    const char* show = doc.RootElement()->Attribute("show");
    return show != nullptr && (std::string_view(show) == "0" || std::string_view(show) == "false");
  }
  return false;
}

bool is_body_placeholder(const XMLElement* sp) {
  const XMLElement* ph = child(child(child(sp, "nvSpPr"), "nvPr"), "ph");
  const char* type = ph != nullptr ? ph->Attribute("type") : nullptr;
  return type != nullptr && std::string_view(type) == "body";
}

// The body placeholders of a shape tree, in order, through groups (nesting
// is bounded by tinyxml2's depth limit).
void body_shapes(const XMLElement* tree, std::vector<const XMLElement*>* out) {
  for (const XMLElement* e = tree->FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
    if (is(e, "sp") && is_body_placeholder(e)) out->push_back(e);
    if (is(e, "grpSp")) body_shapes(e, out);
  }
}

// The text of an a:t, into the paragraph's lines ('\n' in it breaks a line).
void append_text(const XMLElement* t, NoteParagraph* p) {
  for (const tinyxml2::XMLNode* n = t->FirstChild(); n != nullptr; n = n->NextSibling()) {
    const tinyxml2::XMLText* text = n->ToText();
    if (text == nullptr || text->Value() == nullptr) continue;
    for (char c : std::string_view(text->Value())) {
      if (c == '\n') {
        p->lines.emplace_back();
      } else if (c != '\r') {
        p->lines.back() += c;
      }
    }
  }
}

NoteParagraph paragraph_of(const XMLElement* para) {
  NoteParagraph p;
  p.lines.emplace_back();
  bool bullet = false, numbered = false, none = false;
  for (const XMLElement* e = para->FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
    if (is(e, "pPr")) {
      p.level = std::clamp(e->IntAttribute("lvl", 0), 0, 8);
      for (const XMLElement* b = e->FirstChildElement(); b != nullptr;
           b = b->NextSiblingElement()) {
        if (is(b, "buChar")) bullet = true;
        if (is(b, "buNone")) none = true;
        if (is(b, "buAutoNum")) {
          numbered = true;
          p.start = std::clamp(b->IntAttribute("startAt", 1), 0, 32767);
        }
      }
    } else if (is(e, "r") || is(e, "fld")) {
      for (const XMLElement* t = e->FirstChildElement(); t != nullptr;
           t = t->NextSiblingElement()) {
        if (is(t, "t")) append_text(t, &p);
      }
    } else if (is(e, "br")) {
      p.lines.emplace_back();
    }
  }
  if (numbered) {
    p.kind = NoteParagraph::Kind::kNumbered;
  } else if (bullet || (p.level > 0 && !none)) {
    p.kind = NoteParagraph::Kind::kBullet;
  }
  return p;
}

// A notes slide's speaker text: the paragraphs of its body placeholders.
std::string notes_slide_markdown(const tinyxml2::XMLDocument& doc) {
  const XMLElement* tree = child(child(doc.RootElement(), "cSld"), "spTree");
  if (tree == nullptr) return {};
  std::vector<const XMLElement*> shapes;
  body_shapes(tree, &shapes);
  std::vector<NoteParagraph> paragraphs;
  for (const XMLElement* sp : shapes) {
    if (!paragraphs.empty()) paragraphs.emplace_back();  // a gap between two bodies
    const XMLElement* body = child(sp, "txBody");
    if (body == nullptr) continue;
    for (const XMLElement* p = body->FirstChildElement(); p != nullptr;
         p = p->NextSiblingElement()) {
      if (is(p, "p")) paragraphs.push_back(paragraph_of(p));
    }
  }
  return notes_markdown(paragraphs);
}

// The r:id of a p:sldId: its attribute named `id` in a namespace (the plain
// `id` is the slide's number, not a relationship).
const char* relationship_id(const XMLElement* e) {
  for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a != nullptr; a = a->Next()) {
    const std::string_view name = a->Name();
    if (name.find(':') != std::string_view::npos && local_name(name) == "id") return a->Value();
  }
  return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] PPTX: read_pptx_notes
//-----------------------------------------------------------------------------

// "slides 2 (ppt/slides/slide2.xml) and 5 (ppt/slides/slide7.xml)".
std::string list_slides(const std::vector<std::pair<int, std::string>>& slides) {
  constexpr std::size_t kNamed = 5;
  std::string out = slides.size() == 1 ? "slide " : "slides ";
  for (std::size_t i = 0; i < slides.size() && i < kNamed; ++i) {
    if (i > 0) out += (i + 1 == slides.size()) ? " and " : ", ";
    out += std::to_string(slides[i].first) + " (" + slides[i].second + ")";
  }
  if (slides.size() > kNamed) out += " and " + std::to_string(slides.size() - kNamed) + " more";
  return out;
}

void read_pptx(const std::string& path, FoundNotes* found, Reporter& report) {
  Package pkg;
  io::ReadResult file = io::read_regular_file(path, kMaxNotesFileBytes);
  if (!file.ok) {
    report.error(0, 0, "notes file " + file.error);
    return;
  }
  pkg.bytes = std::move(file.bytes);
  if (!open_package(&pkg, report)) return;

  // The main part, through the package's relationships (PowerPoint's is
  // always ppt/presentation.xml, the fallback).
  std::string presentation = "ppt/presentation.xml";
  std::vector<Relationship> rels;
  if (read_relationships(pkg, "", &rels, report) == PartRead::kOk) {
    for (const Relationship& rel : rels) {
      std::string part;
      if (!rel.external && ends_with(rel.type, "/officeDocument") &&
          resolve_target("", rel.target, &part)) {
        presentation = part;
        break;
      }
    }
  }
  tinyxml2::XMLDocument doc;
  const PartRead read = read_xml_part(pkg, presentation, &doc, report);
  if (read == PartRead::kMissing) {
    report.error(0, 0, "is not a PowerPoint file: it has no " + presentation);
  }
  if (read != PartRead::kOk) return;
  if (!is(doc.RootElement(), "presentation")) {
    report.error(0, 0, "is not a PowerPoint file: " + presentation + " holds no presentation");
    return;
  }
  found->ok = true;
  std::unordered_map<std::string, std::string> slide_parts;  // r:id -> part
  if (read_relationships(pkg, presentation, &rels, report) == PartRead::kMissing) {
    report.error(0, 0, "part " + rels_part_for(presentation) + " is missing: no slides are found");
  }
  for (const Relationship& rel : rels) {
    std::string part;
    if (rel.external) continue;
    if (resolve_target(presentation, rel.target, &part)) {
      slide_parts.emplace(rel.id, part);
    } else {
      report.error(0, 0,
                   "relationship " + shorten(rel.id) + " in " + rels_part_for(presentation) +
                       " points outside the package (" + shorten(rel.target) + "): left out");
    }
  }

  std::vector<std::pair<int, std::string>> hidden;
  int number = 0;
  const XMLElement* list = child(doc.RootElement(), "sldIdLst");
  for (const XMLElement* id = list != nullptr ? list->FirstChildElement() : nullptr; id != nullptr;
       id = id->NextSiblingElement()) {
    if (!is(id, "sldId")) continue;
    if (pkg.spent) break;
    if (++number > kMaxNotesEntries) {
      report.warning(0, 0,
                     "has more than " + std::to_string(kMaxNotesEntries) +
                         " slides: the notes of the others are left out");
      break;
    }
    const std::string slide_name = "slide " + std::to_string(number);
    const char* rid = relationship_id(id);
    const auto part = rid != nullptr ? slide_parts.find(rid) : slide_parts.end();
    if (part == slide_parts.end()) {
      report.warning(0, 0,
                     slide_name + " in " + presentation + " names no slide part (r:id " +
                         (rid != nullptr ? shorten(rid) : std::string("missing")) +
                         "): its notes are left out");
      continue;
    }
    const std::string& slide = part->second;
    std::string head;
    const PartRead slide_read = read_part(pkg, slide, kSlideHeadBytes, &head, report);
    if (slide_read == PartRead::kMissing) {
      report.warning(0, 0, slide_name + "'s part " + slide + " is missing: its notes are left out");
    }
    if (slide_read != PartRead::kOk) continue;
    if (slide_is_hidden(head)) hidden.emplace_back(number, slide);

    std::vector<Relationship> slide_rels;
    if (read_relationships(pkg, slide, &slide_rels, report) != PartRead::kOk) continue;
    const auto notes_rel = std::find_if(slide_rels.begin(), slide_rels.end(), [](const auto& r) {
      return !r.external && ends_with(r.type, "/notesSlide");
    });
    if (notes_rel == slide_rels.end()) continue;  // a slide without notes
    std::string notes_part;
    if (!resolve_target(slide, notes_rel->target, &notes_part)) {
      report.error(0, 0,
                   "relationship " + shorten(notes_rel->id) + " in " + rels_part_for(slide) +
                       " points outside the package (" + shorten(notes_rel->target) +
                       "): the notes of " + slide_name + " are left out");
      continue;
    }
    tinyxml2::XMLDocument notes_doc;
    const PartRead notes_read = read_xml_part(pkg, notes_part, &notes_doc, report);
    if (notes_read == PartRead::kMissing) {
      report.warning(0, 0,
                     slide_name + "'s notes part " + notes_part + " is missing: no notes for it");
    }
    if (notes_read != PartRead::kOk) continue;
    // Valid UTF-8 and no NUL, as deck text always is (tinyxml2 checks
    // neither).
    Diagnostics scratch;
    Reporter scratch_report(notes_part, scratch);
    std::string text = clean_source(notes_slide_markdown(notes_doc), scratch_report);
    scratch_report.finish();
    if (has_errors(scratch)) {
      report.warning(
          0, 0,
          "part " + notes_part + " holds invalid UTF-8 or NUL bytes: they are shown as U+FFFD");
    }
    if (!text.empty()) found->notes[number] = std::move(text);
  }
  if (!hidden.empty()) {
    report.warning(0, 0,
                   list_slides(hidden) + (hidden.size() == 1 ? " is" : " are") +
                       " hidden in the PPTX: the numbers count hidden slides, so a PDF exported "
                       "without them gets the notes of later slides one slide late");
  }
}

}  // namespace

FoundNotes read_pptx_notes(const std::string& path) {
  FoundNotes found;
  found.numbering = FoundNotes::Numbering::kSlides;
  Reporter report(path, found.diagnostics);
  try {
    read_pptx(path, &found, report);
  } catch (const std::exception& e) {
    report.error(0, 0, std::string("could not be read: ") + e.what());
  }
  report.finish();
  return found;
}

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
