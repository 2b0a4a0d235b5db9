// Speaker notes for a PDF deck: PPTX (made here with libzip: no binary
// fixtures), pdfpc's JSON and old text format, notes.md.
#include "deck/pdf_notes.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "temp_dir.h"

namespace madang::deck {
namespace {

// ---------------------------------------------------------------- helpers

std::string all_diagnostics(const FoundNotes& found) {
  std::string out;
  for (const Diagnostic& d : found.diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

// The first diagnostic line holding `part`, "" when none does.
std::string find_diagnostic(const FoundNotes& found, const std::string& part) {
  for (const Diagnostic& d : found.diagnostics) {
    const std::string line = format_diagnostic(d);
    if (line.find(part) != std::string::npos) return line;
  }
  return {};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A part of a zip: its name and bytes, or `zeros` bytes of zeros made as
// libzip asks for them (a bomb costs the test no memory).
struct Part {
  std::string name;
  std::string bytes;
  zip_uint64_t zeros = 0;
};

struct Zeros {
  zip_uint64_t size = 0;
  zip_uint64_t done = 0;
};

zip_int64_t zeros_source(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  Zeros* z = static_cast<Zeros*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      z->done = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const zip_uint64_t n = std::min(len, z->size - z->done);
      std::memset(data, 0, static_cast<std::size_t>(n));
      z->done += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_STAT: {
      zip_stat_t* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = z->size;
      st->valid |= ZIP_STAT_SIZE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    default:
      return -1;
  }
}

void write_zip(const std::string& path, const std::vector<Part>& parts) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(zip, nullptr) << "zip_open " << error;
  std::vector<Zeros> zeros(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    zip_source_t* source = nullptr;
    if (parts[i].zeros > 0) {
      zeros[i].size = parts[i].zeros;
      source = zip_source_function(zip, zeros_source, &zeros[i]);
    } else {
      source = zip_source_buffer(zip, parts[i].bytes.data(), parts[i].bytes.size(), 0);
    }
    ASSERT_NE(source, nullptr);
    ASSERT_GE(zip_file_add(zip, parts[i].name.c_str(), source, ZIP_FL_ENC_UTF_8), 0)
        << zip_strerror(zip);
  }
  ASSERT_EQ(zip_close(zip), 0) << zip_strerror(zip);
}

void put32(std::string* bytes, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) (*bytes)[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Rewrites the uncompressed size an entry declares, in its local header and
// in the central directory: a zip that lies about what a part inflates to.
void declare_size(std::string* zip, const std::string& name, std::uint32_t size) {
  int patched = 0;
  for (const auto& [signature, name_at, size_at] :
       {std::tuple{std::string("PK\x03\x04", 4), 30u, 22u},
        std::tuple{std::string("PK\x01\x02", 4), 46u, 24u}}) {
    for (std::size_t at = zip->find(signature); at != std::string::npos;
         at = zip->find(signature, at + 4)) {
      if (zip->compare(at + name_at, name.size(), name) == 0) {
        put32(zip, at + size_at, size);
        ++patched;
      }
    }
  }
  ASSERT_EQ(patched, 2);
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// ---------------------------------------------------------------- PPTX parts

const char* const kNamespaces =
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
const char* const kRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string relationships(const std::vector<std::array<std::string, 3>>& rels) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const auto& [id, type, target] : rels) {
    out += "<Relationship Id=\"" + id + "\" Type=\"" + kRelType + type + "\" Target=\"" + target +
           "\"/>";
  }
  return out + "</Relationships>";
}

// A paragraph of notes: runs (each an a:r), "\n" in the text is an a:br.
std::string para(const std::vector<std::string>& runs, const std::string& ppr = "") {
  std::string out = "<a:p>" + ppr;
  for (const std::string& run : runs) {
    std::size_t start = 0;
    while (true) {
      const std::size_t br = run.find('\n', start);
      out += "<a:r><a:rPr lang=\"ko-KR\"/><a:t>" + run.substr(start, br - start) + "</a:t></a:r>";
      if (br == std::string::npos) break;
      out += "<a:br><a:rPr lang=\"ko-KR\"/></a:br>";
      start = br + 1;
    }
  }
  return out + "<a:endParaRPr lang=\"ko-KR\"/></a:p>";
}

std::string bullet(int level) {
  return "<a:pPr marL=\"0\" lvl=\"" + std::to_string(level) +
         "\"><a:buChar char=\"&#8226;\"/></a:pPr>";
}
std::string numbered(int level) {
  return "<a:pPr lvl=\"" + std::to_string(level) +
         "\"><a:buAutoNum type=\"arabicPeriod\"/></a:pPr>";
}

// A notes slide as PowerPoint writes one: the slide's picture, the body
// placeholder with the paragraphs, the slide number.
std::string notes_slide(const std::string& paragraphs) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:notes") +
         kNamespaces +
         "><p:cSld><p:spTree>"
         "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
         "<p:grpSpPr/>"
         "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image\"/><p:cNvSpPr/>"
         "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
         "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes\"/><p:cNvSpPr/>"
         "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/>"
         "<p:txBody><a:bodyPr/><a:lstStyle/>" +
         paragraphs +
         "</p:txBody></p:sp>"
         "<p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Slide Number\"/><p:cNvSpPr/>"
         "<p:nvPr><p:ph type=\"sldNum\" idx=\"5\"/></p:nvPr></p:nvSpPr><p:spPr/>"
         "<p:txBody><a:bodyPr/><a:p><a:fld id=\"{1}\" type=\"slidenum\"><a:t>1</a:t></a:fld></a:p>"
         "</p:txBody></p:sp>"
         "</p:spTree></p:cSld></p:notes>";
}

struct TestSlide {
  std::string part;        // "ppt/slides/slide3.xml"
  std::string notes_part;  // "ppt/notesSlides/notesSlide1.xml"; "" no notes
  std::string notes_xml;   // the notes part's bytes
  bool hidden = false;
  std::string notes_target;  // the relationship's target, when not the usual one
};

// A PPTX whose p:sldIdLst lists `slides` in this order.
std::vector<Part> pptx(const std::vector<TestSlide>& slides) {
  std::vector<Part> parts;
  parts.push_back({"[Content_Types].xml",
                   "<?xml version=\"1.0\"?><Types "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
  parts.push_back(
      {"_rels/.rels", relationships({{"rId1", "officeDocument", "ppt/presentation.xml"}})});
  std::string list;
  std::vector<std::array<std::string, 3>> rels;
  for (std::size_t i = 0; i < slides.size(); ++i) {
    const std::string rid = "rId" + std::to_string(i + 2);
    list += "<p:sldId id=\"" + std::to_string(256 + i) + "\" r:id=\"" + rid + "\"/>";
    rels.push_back({rid, "slide", slides[i].part.substr(4)});  // "slides/slideN.xml"
  }
  rels.push_back({"rId1", "slideMaster", "slideMasters/slideMaster1.xml"});
  parts.push_back({"ppt/presentation.xml",
                   std::string("<?xml version=\"1.0\"?><p:presentation") + kNamespaces +
                       "><p:sldMasterIdLst/><p:sldIdLst>" + list +
                       "</p:sldIdLst><p:sldSz cx=\"12192000\" cy=\"6858000\"/></p:presentation>"});
  parts.push_back({"ppt/_rels/presentation.xml.rels", relationships(rels)});
  for (const TestSlide& s : slides) {
    parts.push_back({s.part, std::string("<?xml version=\"1.0\"?>\n<p:sld") + kNamespaces +
                                 (s.hidden ? " show=\"0\"" : "") +
                                 "><p:cSld><p:spTree/></p:cSld></p:sld>"});
    const std::string file = s.part.substr(s.part.rfind('/') + 1);
    std::vector<std::array<std::string, 3>> slide_rels = {
        {"rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"}};
    if (!s.notes_part.empty() || !s.notes_target.empty()) {
      slide_rels.push_back(
          {"rId2", "notesSlide",
           s.notes_target.empty() ? "../" + s.notes_part.substr(4) : s.notes_target});
    }
    parts.push_back({"ppt/slides/_rels/" + file + ".rels", relationships(slide_rels)});
    if (!s.notes_part.empty()) parts.push_back({s.notes_part, s.notes_xml});
  }
  return parts;
}

class PdfNotes : public test::TempDirTest {};

// ---------------------------------------------------------------- PPTX

TEST_F(PdfNotes, PptxNotesBecomeMarkdown) {
  const std::string path = file("talk.pptx");
  write_zip(
      path,
      pptx({{"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml",
             notes_slide(para({"First line"}) +
                         para({"second line with a break\nafter the break"}) + para({}) +
                         // Three runs: the space is a run of its own.
                         para({"안녕하세요,", " ", "여러분"}))},
            {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml",
             notes_slide(para({"Points:"}) + para({"첫째 3~5분"}, bullet(0)) +
                         para({"nested *not bold*"}, bullet(1)) +
                         para({"second nested\ncontinued"}, bullet(1)) +
                         para({"numbered one"}, numbered(0)) + para({"numbered two"}, numbered(0)) +
                         para({"under numbered"}, "<a:pPr lvl=\"1\"/>") + para({}) +
                         para({"after the list"}))},
            {"ppt/slides/slide3.xml", "ppt/notesSlides/notesSlide3.xml",
             notes_slide(para({"# not a heading"}) + para({"1. not a list, &lt;b&gt;&amp;"}))}}));
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.numbering, FoundNotes::Numbering::kSlides);
  EXPECT_TRUE(found.diagnostics.empty()) << all_diagnostics(found);
  ASSERT_EQ(found.notes.size(), 3u) << all_diagnostics(found);
  EXPECT_EQ(found.notes.at(1),
            "First line\\\nsecond line with a break\\\nafter the break\n\n안녕하세요, 여러분");
  EXPECT_EQ(found.notes.at(2),
            "Points:\n"
            "\n"
            "- 첫째 3\\~5분\n"
            "  - nested \\*not bold\\*\n"
            "  - second nested\\\n"
            "    continued\n"
            "1. numbered one\n"
            "2. numbered two\n"
            "   - under numbered\n"
            "\n"
            "after the list");
  EXPECT_EQ(found.notes.at(3), "\\# not a heading\\\n1\\. not a list, \\<b>&");
}

TEST_F(PdfNotes, PptxSlideOrderFollowsTheSlideListNotFileNames) {
  const std::string path = file("order.pptx");
  // The deck's first slide is slide3.xml, whose notes are notesSlide1.xml.
  write_zip(path, pptx({{"ppt/slides/slide3.xml", "ppt/notesSlides/notesSlide1.xml",
                         notes_slide(para({"opening"}))},
                        {"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide3.xml",
                         notes_slide(para({"middle"}))},
                        {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml",
                         notes_slide(para({"closing"}))}}));
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_TRUE(found.diagnostics.empty()) << all_diagnostics(found);
  EXPECT_EQ(found.notes,
            (std::map<int, std::string>{{1, "opening"}, {2, "middle"}, {3, "closing"}}));
}

TEST_F(PdfNotes, PptxSlideWithoutNotesHasNoEntry) {
  const std::string path = file("gap.pptx");
  write_zip(
      path,
      pptx(
          {{"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml", notes_slide(para({"one"}))},
           {"ppt/slides/slide2.xml", "", ""},
           // A notes slide whose body is empty: no notes either.
           {"ppt/slides/slide3.xml", "ppt/notesSlides/notesSlide3.xml", notes_slide(para({}))},
           {"ppt/slides/slide4.xml", "ppt/notesSlides/notesSlide4.xml",
            notes_slide(para({"four"}))}}));
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_TRUE(found.diagnostics.empty()) << all_diagnostics(found);
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{1, "one"}, {4, "four"}}));
}

TEST_F(PdfNotes, PptxHiddenSlideCountsAndWarns) {
  const std::string path = file("hidden.pptx");
  TestSlide hidden{"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml",
                   notes_slide(para({"hidden notes"}))};
  hidden.hidden = true;
  write_zip(path, pptx({{"ppt/slides/slide1.xml", "", ""},
                        hidden,
                        {"ppt/slides/slide3.xml", "ppt/notesSlides/notesSlide3.xml",
                         notes_slide(para({"three"}))}}));
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{2, "hidden notes"}, {3, "three"}}));
  ASSERT_EQ(found.diagnostics.size(), 1u) << all_diagnostics(found);
  EXPECT_EQ(found.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(found.diagnostics[0].where.line, 0);
  EXPECT_NE(find_diagnostic(found, "slide 2 (ppt/slides/slide2.xml) is hidden"), "")
      << all_diagnostics(found);
}

TEST_F(PdfNotes, PptxZipBombIsRefusedBeforeInflating) {
  const std::string path = file("bomb.pptx");
  std::vector<Part> parts = pptx({{"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml",
                                   notes_slide(para({"before the bomb"}))},
                                  {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml", ""},
                                  {"ppt/slides/slide3.xml", "ppt/notesSlides/notesSlide3.xml",
                                   notes_slide(para({"after the bomb"}))}});
  for (Part& part : parts) {
    if (part.name == "ppt/notesSlides/notesSlide2.xml") part.zeros = 100u << 20;
  }
  write_zip(path, parts);
  ASSERT_LT(read_file(path).size(), 1u << 20);  // 100 MiB of zeros, deflated

  const long before = peak_rss_kib();
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_LT(peak_rss_kib() - before, 48 * 1024) << "KiB more at the peak";
  const std::string d =
      find_diagnostic(found, "ppt/notesSlides/notesSlide2.xml inflates to 100 MiB");
  EXPECT_NE(d, "") << all_diagnostics(found);
  EXPECT_NE(d.find("error"), std::string::npos) << d;
  EXPECT_EQ(found.notes,
            (std::map<int, std::string>{{1, "before the bomb"}, {3, "after the bomb"}}));
}

TEST_F(PdfNotes, PptxPartInflatingPastWhatItDeclaresIsCut) {
  const std::string path = file("liar.pptx");
  std::vector<Part> parts = pptx(
      {{"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml", ""},
       {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml", notes_slide(para({"two"}))}});
  for (Part& part : parts) {
    if (part.name == "ppt/notesSlides/notesSlide1.xml") part.zeros = 100u << 20;
  }
  write_zip(path, parts);
  std::string bytes = read_file(path);
  declare_size(&bytes, "ppt/notesSlides/notesSlide1.xml", 2000);
  write_file(path, bytes);

  const long before = peak_rss_kib();
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_LT(peak_rss_kib() - before, 48 * 1024) << "KiB more at the peak";
  EXPECT_EQ(all_diagnostics(found),
            path +
                ": error: part ppt/notesSlides/notesSlide1.xml inflates to more than the 2000 "
                "bytes it declares (a damaged zip or a zip bomb): left out\n");
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{2, "two"}}));
}

TEST_F(PdfNotes, PptxNotAZipIsAnError) {
  const std::string path = write("text.pptx", "Dear speaker, this is a letter, not a zip.\n");
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_FALSE(found.ok);
  EXPECT_TRUE(found.notes.empty());
  EXPECT_EQ(all_diagnostics(found), path + ": error: is not a PPTX: not a zip file\n");

  const FoundNotes missing = read_pptx_notes(file("nowhere.pptx"));
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(find_diagnostic(missing, "does not exist"), "") << all_diagnostics(missing);

  // A zip, but no presentation in it.
  const std::string other = file("other.pptx");
  write_zip(other, {{"word/document.xml", "<w:document/>"}});
  const FoundNotes not_pptx = read_pptx_notes(other);
  EXPECT_FALSE(not_pptx.ok);
  EXPECT_NE(find_diagnostic(not_pptx, "is not a PowerPoint file: it has no ppt/presentation.xml"),
            "")
      << all_diagnostics(not_pptx);
}

TEST_F(PdfNotes, PptxBrokenXmlNamesThePart) {
  const std::string path = file("broken.pptx");
  write_zip(path, pptx({{"ppt/slides/slide1.xml", "ppt/notesSlides/notesSlide1.xml",
                         "<?xml version=\"1.0\"?>\n<p:notes>\n<p:cSld><a:t>open</p:cSld>\n"},
                        {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml",
                         notes_slide(para({"fine"}))}}));
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(all_diagnostics(found),
            path +
                ": error: part ppt/notesSlides/notesSlide1.xml is not well-formed XML (line 3: "
                "mismatched element): left out\n");
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{2, "fine"}}));
}

TEST_F(PdfNotes, PptxTargetEscapingThePackageIsRefused) {
  const std::string path = file("escape.pptx");
  TestSlide evil{"ppt/slides/slide1.xml", "", ""};
  evil.notes_target = "../../../etc/passwd";
  // Inside the package, "../../etc/passwd" would name this entry: the
  // escaping target must not fall back to it either.
  std::vector<Part> parts = pptx(
      {evil,
       {"ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml", notes_slide(para({"safe"}))}});
  parts.push_back({"etc/passwd", notes_slide(para({"root:x:0:0"}))});
  write_zip(path, parts);
  const FoundNotes found = read_pptx_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(all_diagnostics(found),
            path +
                ": error: relationship rId2 in ppt/slides/_rels/slide1.xml.rels points outside the "
                "package (../../../etc/passwd): the notes of slide 1 are left out\n");
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{2, "safe"}}));
}

// ---------------------------------------------------------------- pdfpc

TEST_F(PdfNotes, PdfpcFormat2KeepsMarkdownAndLabels) {
  const std::string path = write("talk.pdfpc", R"({
  "pdfpcFormat": 2,
  "disableMarkdown": false,
  "duration": 20,
  "pages": [
    {"idx": 0, "label": "1", "overlay": 0, "note": "# 시작\n\n- **인사**\n- 소개\n"},
    {"idx": 3, "label": "3", "overlay": 1, "forcedOverlay": true, "note": "overlay *notes*"},
    {"idx": 5, "label": "4", "overlay": 0, "hidden": true}
  ]
}
)");
  const FoundNotes found = read_pdfpc_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.numbering, FoundNotes::Numbering::kPages);
  EXPECT_TRUE(found.diagnostics.empty()) << all_diagnostics(found);
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{1, "# 시작\n\n- **인사**\n- 소개"},
                                                     {4, "overlay *notes*"}}));
  EXPECT_EQ(found.labels, (std::map<int, std::string>{{1, "1"}, {4, "3"}, {6, "4"}}));
}

TEST_F(PdfNotes, PdfpcFormat1PlainTextIsEscaped) {
  const std::string path = write("old.pdfpc", R"({"pdfpcFormat": 1, "enableMarkdown": false,
 "pages": [{"idx": 1, "label": 2, "overlay": 0, "note": "a *star*\nnext line\n\nnew paragraph"}]})");
  const FoundNotes found = read_pdfpc_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_TRUE(found.diagnostics.empty()) << all_diagnostics(found);
  EXPECT_EQ(found.notes,
            (std::map<int, std::string>{{2, "a \\*star\\*\\\nnext line\n\nnew paragraph"}}));
  EXPECT_EQ(found.labels, (std::map<int, std::string>{{2, "2"}}));
}

TEST_F(PdfNotes, PdfpcSyntaxErrorIsLocated) {
  // The second comma on line 3 is the error; the Korean before it counts one
  // column a character.
  const std::string path = write("bad.pdfpc",
                                 "{\"pdfpcFormat\": 2,\n"
                                 " \"pages\": [\n"
                                 "  {\"idx\": 0, \"note\": \"한국어\",, \"label\": \"1\"}]}\n");
  const FoundNotes found = read_pdfpc_notes(path);
  EXPECT_FALSE(found.ok);
  EXPECT_TRUE(found.notes.empty());
  ASSERT_EQ(found.diagnostics.size(), 1u) << all_diagnostics(found);
  EXPECT_EQ(found.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(found.diagnostics[0].where.line, 3);
  EXPECT_EQ(found.diagnostics[0].where.column, 28);
  EXPECT_NE(found.diagnostics[0].message.find("is not valid JSON: syntax error"), std::string::npos)
      << all_diagnostics(found);
  EXPECT_NE(found.diagnostics[0].message.find("unexpected ','"), std::string::npos)
      << all_diagnostics(found);
}

TEST_F(PdfNotes, PdfpcBadEntriesAreLocatedAndTheOthersKept) {
  const std::string path = write("entries.pdfpc",
                                 "{\"pdfpcFormat\": 2, \"pages\": [\n"
                                 "  {\"idx\": 0, \"note\": \"kept\"},\n"
                                 "  {\"idx\": \"three\", \"note\": \"lost\"},\n"
                                 "  [1, 2],\n"
                                 "  {\"idx\": 2, \"note\": {\"text\": \"nested\"}},\n"
                                 "  {\"note\": \"no page\"},\n"
                                 "  {\"idx\": 0, \"note\": \"again\"}\n"
                                 "]}\n");
  const FoundNotes found = read_pdfpc_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{1, "again"}}));
  EXPECT_EQ(all_diagnostics(found),
            path +
                ":3:11: warning: pages[1].idx must be a page index, a whole number from 0 to "
                "999999: left out\n" +
                path + ":4:3: warning: pages[2] is not an object: left out\n" + path +
                ":5:22: warning: pages[3].note is not text: left out\n" + path +
                ":6:3: warning: pages[4] has no idx: left out\n" + path +
                ":7:3: warning: pages[5]: page 1 (idx 0) already has notes from line 2; these "
                "later ones are kept, as pdfpc does\n");
}

TEST_F(PdfNotes, PdfpcOldTextFormat) {
  const std::string path = write("legacy.pdfpc",
                                 "[file]\n"
                                 "talk.pdf\n"
                                 "[duration]\n"
                                 "20\n"
                                 "[notes]\n"
                                 "### 1\n"
                                 "Hello \\[world\\] \\#1\n"
                                 "### 3\n"
                                 "line one\n"
                                 "line two\n"
                                 "### x\n"
                                 "lost\n");
  const FoundNotes found = read_pdfpc_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.numbering, FoundNotes::Numbering::kSlides);
  EXPECT_EQ(found.notes,
            (std::map<int, std::string>{{1, "Hello \\[world\\] #1"}, {3, "line one\\\nline two"}}));
  EXPECT_EQ(all_diagnostics(found),
            path +
                ":11:5: warning: '### x' does not name a slide (1 or more): the notes under it "
                "are left out\n");
}

// ---------------------------------------------------------------- notes.md

TEST_F(PdfNotes, MarkdownNotesByHeading) {
  const std::string path = write("talk.notes.md",
                                 "# 발표 노트\n"
                                 "\n"
                                 "## 1\n"
                                 "Hello **world**\n"
                                 "\n"
                                 "## 2 ##\n"
                                 "- a\n"
                                 "  - b\n"
                                 "\n"
                                 "```\n"
                                 "## 5 is code, not a heading\n"
                                 "```\n"
                                 "### a smaller heading stays\n"
                                 "\n"
                                 "## 4\n");
  const FoundNotes found = read_markdown_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.numbering, FoundNotes::Numbering::kSlides);
  EXPECT_EQ(found.notes,
            (std::map<int, std::string>{
                {1, "Hello **world**"},
                {2,
                 "- a\n  - b\n\n```\n## 5 is code, not a heading\n```\n### a smaller heading "
                 "stays"}}));
  EXPECT_EQ(all_diagnostics(found),
            path +
                ":1:1: warning: text before the first `## N` heading belongs to no slide: "
                "ignored\n");
}

TEST_F(PdfNotes, MarkdownRepeatedAndNonNumericHeadingsWarnWhereTheyAre) {
  const std::string path = write("bad.notes.md",
                                 "## 1\n"
                                 "first\n"
                                 "## 소개\n"
                                 "lost\n"
                                 "  ## 1\n"
                                 "second\n"
                                 "## 0\n"
                                 "zero\n"
                                 "## 3\n"
                                 "three\n");
  const FoundNotes found = read_markdown_notes(path);
  EXPECT_TRUE(found.ok);
  EXPECT_EQ(found.notes, (std::map<int, std::string>{{1, "first"}, {3, "three"}}));
  EXPECT_EQ(all_diagnostics(found),
            path +
                ":3:4: warning: `## 소개` is not a slide number: the notes under it are left "
                "out (`## 3` holds the notes of slide 3)\n" +
                path +
                ":5:6: warning: slide 1 already has notes under line 1: these are left out\n" +
                path + ":7:4: warning: slides count from 1: the notes under `## 0` are left out\n");
}

TEST_F(PdfNotes, NeverThrowsOnJunk) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  const std::string path = write("junk", junk);
  EXPECT_FALSE(read_pptx_notes(path).ok);
  EXPECT_FALSE(read_pdfpc_notes(path).ok);
  const FoundNotes md = read_markdown_notes(path);
  EXPECT_TRUE(md.ok);
  EXPECT_TRUE(md.notes.empty());
  EXPECT_TRUE(has_errors(md.diagnostics));  // invalid UTF-8, located
  // Deep nesting: no stack is spent on it.
  const std::string deep = write(
      "deep.pdfpc", "{\"pages\": " + std::string(200000, '[') + std::string(200000, ']') + "}");
  const FoundNotes pdfpc = read_pdfpc_notes(deep);
  EXPECT_TRUE(pdfpc.ok);
  EXPECT_NE(find_diagnostic(pdfpc, "pages[0] is not an object"), "") << all_diagnostics(pdfpc);
}

}  // namespace
}  // namespace madang::deck
