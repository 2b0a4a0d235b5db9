// Golden text dumps, one line per case, like HarfBuzz's shaping tests:
//   name <TAB> text <TAB> [font:gid=cluster+advance|...] (missing: U+XXXX@offset)
// Sizes are 1000 px so Noto Sans CJK advances are its font units. Re-record
// with tests/text/record-golden.sh after a font package update.
#include <hb.h>

#include <cstdlib>
#include <sstream>

#include "text_test_util.h"

namespace madang::text::testing {
namespace {

struct Case {
  const char* name;
  const char* text;
};

const Case kCases[] = {
    {"modern-hangul", "한국어 사회혁신 생태계"},
    {"conjoining-jamo", "\u1112\u1161\u11AB\u1100\u116E\u11A8\u110B\u1165"},
    {"old-hangul", "ᄒᆞᆫ글 ᄀᆞᄅᆞ매"},
    {"tone-marks", "나랏〮말〯ᄊᆞ미〮"},
    {"fillers", "\u115F\u1161 \u1100\u1160"},
    {"hanja", "張三李四"},
    {"quotes", "‘주체’로 “말”"},
    {"middle-dot", "청년·시니어"},
    {"arrows", "→ ▶ ▣"},
    {"latin-in-korean", "2013년 Social Innovation은 API를"},
    {"fallback-latin", "가ʘ나"},
    {"emoji", "좋아요😀"},
    {"pua-missing", "가\uE000나\uF0A7"},
};

std::string font_name(FontId id) {
  const FaceInfo& f = fonts().face(id);
  const auto slash = f.path.rfind('/');
  return f.path.substr(slash + 1) + "#" + std::to_string(f.face_index);
}

std::string dump(const Case& c) {
  const Paragraph p = shape_wide(c.text);
  std::ostringstream out;
  out << c.name << '\t' << c.text << "\t[";
  bool first = true;
  for (const Line& l : p.lines) {
    for (const GlyphRun& r : l.runs) {
      out << (first ? "" : "|") << font_name(r.font) << ':';
      for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
        const Glyph& g = r.glyphs[i];
        out << (i ? "," : "") << g.id << '=' << (l.begin + g.cluster) << '+'
            << static_cast<long>(g.advance + 0.5f);
      }
      first = false;
    }
  }
  out << ']';
  for (const MissingGlyph& m : p.missing) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " missing:U+%04X@%zu", static_cast<unsigned>(m.codepoint),
                  m.byte_offset);
    out << buf;
  }
  return out.str();
}

std::string package_version(const char* package) {
  std::string cmd = std::string("dpkg-query -W -f='${Version}' ") + package + " 2>/dev/null";
  std::string out;
  if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
    char buf[256];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    ::pclose(pipe);
  }
  return out;
}

TEST(Golden, ShapingDumpsMatch) {
  const std::string path = std::string(MADANG_TEXT_GOLDEN_DIR) + "/shaping.txt";
  std::vector<std::string> actual;
  for (const Case& c : kCases) actual.push_back(dump(c));

  if (std::getenv("MADANG_RECORD_GOLDEN")) {
    std::ofstream out(path, std::ios::binary);
    out << "# madang text golden: layout_paragraph at 1000 px, lang ko, one wide line\n"
        << "# format: name<TAB>text<TAB>[font#face:gid=cluster(byte)+advance,...|...] missing:...\n"
        << "# fonts: " << kCjkRegular << " face 1 (fonts-noto-cjk "
        << package_version("fonts-noto-cjk") << "), " << kDejaVu << " (fonts-dejavu-core "
        << package_version("fonts-dejavu-core") << "), " << kEmoji << " (fonts-noto-color-emoji "
        << package_version("fonts-noto-color-emoji") << ")\n"
        << "# harfbuzz " << hb_version_string() << "; re-record: tests/text/record-golden.sh\n";
    for (const std::string& line : actual) out << line << '\n';
    GTEST_SKIP() << "recorded " << path;
  }

  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run tests/text/record-golden.sh)";
  std::vector<std::string> expected;
  std::string header;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) {
      header += line + "\n";
    } else if (!line.empty()) {
      expected.push_back(line);
    }
  }
  ASSERT_EQ(actual.size(), expected.size()) << header;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i], expected[i])
        << "recorded with:\n"
        << header << "now fonts-noto-cjk " << package_version("fonts-noto-cjk");
  }
}

}  // namespace
}  // namespace madang::text::testing
