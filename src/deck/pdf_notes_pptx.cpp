// Speaker notes from the PowerPoint a PDF was exported from (pdf_notes.h):
// the package read within bounds, its relationships, each notes slide's body.
//
// [SECTION] PPTX: the package, read within bounds
// [SECTION] PPTX: XML parts and relationships
// [SECTION] PPTX: a notes slide's text
// [SECTION] PPTX: read_pptx_notes

#include <tinyxml2.h>
#include <zip.h>

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

namespace {

using tinyxml2::XMLElement;
using namespace notes_text;

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

}  // namespace madang::deck
