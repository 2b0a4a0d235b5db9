// Small PDFs written by the tests themselves (no binary fixture in git): pages
// with text, coloured boxes, labels, text annotations (notes), links, /Dur and
// /Trans, and fonts left out of the file, each object in the open, with a
// correct cross-reference table. What cairo's PDF surface cannot write
// (annotations, transitions, non-embedded fonts) is what this is for.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace madang::test {

struct FixtureLink {
  double x0, y0, x1, y1;  // points, PDF's origin bottom left
  int target_page = -1;   // 0-based; -1: a URI link
  std::string uri;
};

struct FixtureBox {
  double x, y, w, h;  // points, origin bottom left
  double r, g, b;     // 0..1
};

struct FixturePage {
  double width = 960, height = 540;
  std::vector<std::string> lines;  // ASCII text in Helvetica, top to bottom
  std::vector<FixtureBox> boxes;
  std::string label;               // "" none (the document gets /PageLabels when any is set)
  std::vector<std::string> notes;  // /Text annotations' contents (UTF-8)
  std::vector<FixtureLink> links;
  double duration = 0;        // /Dur
  std::string transition;     // /Trans /S name ("Dissolve", "Push", ...)
  bool missing_font = false;  // a line set in a font the file does not carry
};

struct FixtureDocument {
  std::string title, author;  // UTF-8
  std::vector<FixturePage> pages;
};

// UTF-8 as a PDF text string: UTF-16BE with its byte order mark, in hex.
inline std::string pdf_text_string(const std::string& utf8) {
  std::string out = "<FEFF";
  char hex[8];
  auto unit = [&](unsigned value) {
    std::snprintf(hex, sizeof hex, "%04X", value);
    out += hex;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out + ">";
}

inline std::string fixture_pdf(const FixtureDocument& doc) {
  // Object numbers: 1 catalog, 2 pages, 3 Helvetica, 4 the missing font,
  // 5 info, then per page: the page, its content, its annotations.
  int next = 6;
  struct Numbers {
    int page, content;
    std::vector<int> annots;
  };
  std::vector<Numbers> numbers;
  for (const FixturePage& p : doc.pages) {
    Numbers n{next, next + 1, {}};
    next += 2;
    for (std::size_t i = 0; i < p.notes.size() + p.links.size(); ++i) n.annots.push_back(next++);
    numbers.push_back(n);
  }
  std::vector<std::string> objects(static_cast<std::size_t>(next));
  auto num = [](double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", v);
    return std::string(b);
  };

  std::string labels;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    if (doc.pages[i].label.empty()) continue;
    labels += std::to_string(i) + " << /P " + pdf_text_string(doc.pages[i].label) + " >> ";
  }
  objects[1] = "<< /Type /Catalog /Pages 2 0 R" +
               (labels.empty() ? std::string() : " /PageLabels << /Nums [ " + labels + "] >>") +
               " >>";
  std::string kids;
  for (const Numbers& n : numbers) kids += std::to_string(n.page) + " 0 R ";
  objects[2] =
      "<< /Type /Pages /Kids [ " + kids + "] /Count " + std::to_string(doc.pages.size()) + " >>";
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objects[4] =
      "<< /Type /Font /Subtype /TrueType /BaseFont /HYGothic-Medium /FirstChar 32 /LastChar 126 "
      "/Widths [" +
      [] {
        std::string w;
        for (int c = 32; c <= 126; ++c) w += " 500";
        return w;
      }() +
      " ] /FontDescriptor << /Type /FontDescriptor /FontName /HYGothic-Medium /Flags 32 "
      "/FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 "
      "/StemV 80 >> >>";
  objects[5] =
      "<< /Title " + pdf_text_string(doc.title) + " /Author " + pdf_text_string(doc.author) + " >>";

  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const FixturePage& p = doc.pages[i];
    const Numbers& n = numbers[i];
    std::string content;
    for (const FixtureBox& box : p.boxes) {
      content += num(box.r) + " " + num(box.g) + " " + num(box.b) + " rg " + num(box.x) + " " +
                 num(box.y) + " " + num(box.w) + " " + num(box.h) + " re f\n";
    }
    double y = p.height - 80;
    for (const std::string& line : p.lines) {
      content += "0 0 0 rg BT /F1 36 Tf 60 " + num(y) + " Td (" + line + ") Tj ET\n";
      y -= 48;
    }
    if (p.missing_font) content += "BT /F2 24 Tf 60 40 Td (HWP) Tj ET\n";
    objects[static_cast<std::size_t>(n.content)] =
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream";

    std::string annots;
    std::size_t a = 0;
    for (const std::string& note : p.notes) {
      const int id = n.annots[a++];
      objects[static_cast<std::size_t>(id)] =
          "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents " + pdf_text_string(note) +
          " >>";
      annots += std::to_string(id) + " 0 R ";
    }
    for (const FixtureLink& link : p.links) {
      const int id = n.annots[a++];
      std::string action =
          link.target_page >= 0
              ? "/Dest [ " +
                    std::to_string(numbers[static_cast<std::size_t>(link.target_page)].page) +
                    " 0 R /Fit ]"
              : "/A << /S /URI /URI (" + link.uri + ") >>";
      objects[static_cast<std::size_t>(id)] =
          "<< /Type /Annot /Subtype /Link /Rect [ " + num(link.x0) + " " + num(link.y0) + " " +
          num(link.x1) + " " + num(link.y1) + " ] /Border [0 0 0] " + action + " >>";
      annots += std::to_string(id) + " 0 R ";
    }
    std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(p.width) + " " +
                       num(p.height) + "] /Resources << /Font << /F1 3 0 R" +
                       (p.missing_font ? " /F2 4 0 R" : "") + " >> >> " + "/Contents " +
                       std::to_string(n.content) + " 0 R";
    if (!annots.empty()) page += " /Annots [ " + annots + "]";
    if (p.duration > 0) page += " /Dur " + num(p.duration);
    if (!p.transition.empty()) page += " /Trans << /S /" + p.transition + " >>";
    objects[static_cast<std::size_t>(n.page)] = page + " >>";
  }

  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets(objects.size(), 0);
  for (std::size_t id = 1; id < objects.size(); ++id) {
    offsets[id] = out.size();
    out += std::to_string(id) + " 0 obj\n" + objects[id] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size()) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t id = 1; id < objects.size(); ++id) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[id]);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size()) +
         " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace madang::test
