// Helpers shared by the text tests: one FontSystem per test process, running
// hb-shape (libharfbuzz-bin) for HarfBuzz's own answer, flattening lines.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "text/text.h"

namespace madang::text::testing {

inline const char* kCjkRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline const char* kEmoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

inline FontSystem& fonts() {
  // Created once per test process (gtest_discover_tests runs one test per
  // process, so this is created and destroyed cleanly every time).
  static std::unique_ptr<FontSystem> fs = FontSystem::create({});
  return *fs;
}

inline FontId find_face(const std::string& path, int index) {
  for (FontId i = 0; i < fonts().face_count(); ++i) {
    if (fonts().face(i).path == path && fonts().face(i).face_index == index) return i;
  }
  return -1;
}

struct FlatGlyph {
  FontId font = -1;
  std::uint32_t id = 0;
  std::size_t cluster = 0;  // byte offset into the paragraph text
  float advance = 0;
};

inline std::vector<FlatGlyph> flatten(const Paragraph& p) {
  std::vector<FlatGlyph> out;
  for (const Line& l : p.lines) {
    for (const GlyphRun& r : l.runs) {
      for (const Glyph& g : r.glyphs) out.push_back({r.font, g.id, l.begin + g.cluster, g.advance});
    }
  }
  return out;
}

inline TextStyle sized(float size) {
  TextStyle s;
  s.size = size;
  return s;
}

// Lays out on one very wide line at size 1000 px, so positions are in the
// units of a 1000-upem font (Noto Sans CJK).
inline Paragraph shape_wide(const std::string& text, float size = 1000) {
  return layout_paragraph(fonts(), {TextRun{text, sized(size)}}, ParagraphStyle{}, 1e9f);
}

struct HbGlyph {
  std::uint32_t id = 0;
  std::size_t cluster = 0;
  int advance = 0;
};

// HarfBuzz's own answer: runs /usr/bin/hb-shape on the text (byte clusters).
inline std::vector<HbGlyph> hb_shape_cli(const std::string& text, const std::string& font,
                                         int face_index, const std::string& lang = "ko") {
  const test::TempDir dir("hbshape");
  const std::string file = dir.file("text.txt");
  { std::ofstream(file, std::ios::binary) << text; }
  const std::string cmd =
      "/usr/bin/hb-shape --font-file='" + font + "' --face-index=" + std::to_string(face_index) +
      (lang.empty() ? "" : " --language=" + lang) +
      " --utf8-clusters --no-glyph-names --output-format=json --text-file='" + file + "'";
  std::string out;
  if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    ::pclose(pipe);
  }
  std::vector<HbGlyph> glyphs;
  const auto json = nlohmann::json::parse(out, nullptr, false);
  if (!json.is_array()) {
    ADD_FAILURE() << "hb-shape gave no JSON: " << cmd << "\n" << out;
    return glyphs;
  }
  for (const auto& g : json) {
    glyphs.push_back(
        {g.at("g").get<std::uint32_t>(), g.at("cl").get<std::size_t>(), g.at("ax").get<int>()});
  }
  return glyphs;
}

}  // namespace madang::text::testing
