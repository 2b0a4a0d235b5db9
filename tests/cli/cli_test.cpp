// `madang check` and `madang --help` as a user runs them: exit codes,
// FILE:LINE:COL diagnostics on stderr, the summary line on stdout.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;

using Outcome = madang::test::CommandResult;
using madang::test::read_file;

using Cli = madang::test::CliTest;

TEST_F(Cli, CleanDeckExitsZero) {
  const std::string deck = write("ok.md", "---\ntitle: 발표\n---\n# 하나\n\n본문\n\n---\n\n# 둘\n");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, deck + ": 2 slides, 0 errors, 0 warnings\n");
}

TEST_F(Cli, BrokenDeckExitsOneWithLocatedErrors) {
  const std::string deck = write(
      "bad.md",
      "# 제목\n\n<!-- layout: grid -->\n\n가나다 <!-- pause: 1 -->\n\n<!-- colour: red -->\n");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, deck +
                       ":3:1: error: unknown layout 'grid' (valid: title, section, content, "
                       "two-column, quote, image)\n" +
                       deck + ":5:5: warning: a directive must stand on a line of its own\n" +
                       deck + ":7:1: warning: unknown directive 'colour'; did you mean 'color'?\n");
  EXPECT_EQ(r.out, deck + ": 1 slide, 1 error, 2 warnings\n");
}

TEST_F(Cli, WarningsPassUnlessStrict) {
  const std::string deck = write("warn.md", "# 제목\n\n<!-- colour: red -->\n");
  const Outcome plain = madang("check '" + deck + "'");
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_EQ(plain.out, deck + ": 1 slide, 0 errors, 1 warning\n");
  const Outcome strict = madang("check --strict '" + deck + "'");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.err,
            deck + ":3:1: warning: unknown directive 'colour'; did you mean 'color'?\n");
}

// A fence left open that swallows the next slide is an error, not a quiet
// loss of a slide (#14).
TEST_F(Cli, UnclosedFenceSwallowingASlideFails) {
  const std::string deck =
      write("fence.md", "# 하나\n\n```diagram flow\nsteps: [a, b]\n\n---\n\n# 둘\n");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 1);
  // First, by line; the diagram's own complaints about what it swallowed follow.
  const std::string first = deck +
                            ":3:1: error: code fence is never closed, so it swallows the slide "
                            "break '---' on line 6 and every slide after it; close it with ``` "
                            "before that line\n";
  EXPECT_EQ(r.err.substr(0, first.size()), first) << r.err;
}

TEST_F(Cli, ExportSelectWithAnUnknownIdFailsListingTheIds) {
  const std::string deck = write("sel.md",
                                 "# 흐름\n\n```diagram flow\nsteps:\n  - {id: plan, label: 계획}\n"
                                 "  - {id: act, label: 실행}\n```\n");
  const Outcome r =
      madang("export '" + deck + "' --png '" + (dir() / "out").string() + "' --select palm");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "madang export: --select: no diagram element 'palm' on the exported slides (ids: "
            "plan, act)\n");
  EXPECT_FALSE(fs::exists(dir() / "out" / "slide-01.png"));
}

TEST_F(Cli, MissingOrUnreadableFileExitsTwo) {
  const Outcome missing = madang("check '" + (dir() / "nope.md").string() + "'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err,
            (dir() / "nope.md").string() + ": error: cannot read the deck: it does not exist\n");
  const Outcome folder = madang("check '" + dir().string() + "'");
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.err.find("cannot read the deck: it is a folder"), std::string::npos)
      << folder.err;
}

TEST_F(Cli, EmptyDeckIsAnError) {
  const std::string deck = write("empty.md", "");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, deck + ":1:1: error: deck has no slides\n");
  EXPECT_EQ(r.out, deck + ": 0 slides, 1 error, 0 warnings\n");
}

TEST_F(Cli, HostileFilesEndInSecondsWithoutSignals) {
  std::string garbage(200000, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  std::string nested = "# x\n\n" + std::string(100000, '>') + "\n\n";
  for (int i = 0; i < 20000; ++i) nested += "- ";
  nested += "\n";
  std::string wide = "|";
  for (int i = 0; i < 5000; ++i) wide += "h|";
  wide += "\n|";
  for (int i = 0; i < 5000; ++i) wide += "-|";
  wide += "\n";
  std::string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [*" +
            (i == 1 ? "a" : "b" + std::to_string(i - 1)) + "]\n";
  }
  bomb += "---\n# x\n";
  const std::string line8m = "# x\n\n" + std::string(8'000'000, '*') + "\n";
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"garbage.bin", garbage},
                                   {"nested.md", nested},
                                   {"wide.md", wide},
                                   {"bomb.md", bomb},
                                   {"line8m.md", line8m}}) {
    const Outcome r = madang("check '" + write(name, text) + "'");
    EXPECT_EQ(r.signal, 0) << name;
    EXPECT_EQ(r.exit_code, 1) << name << "\n" << r.err.substr(0, 2000);
    EXPECT_LT(r.seconds, 10.0) << name;
    EXPECT_NE(r.out.find(" error"), std::string::npos) << name;
  }
}

TEST_F(Cli, FiftyMegabyteFileIsRefused) {
  const fs::path path = dir() / "huge.md";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string line(1023, 'x');
    for (int i = 0; i < 50 * 1024; ++i) out << line << '\n';
  }
  const Outcome r = madang("check '" + path.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path.string() + ":1:1: error: file is larger than 8 MiB; not a slide deck?\n");
  EXPECT_LT(r.seconds, 10.0);
}

// check --stats: one line per slide with its figures, then a summary line;
// a slide that must shrink says so, one that is only a title does not.
TEST_F(Cli, CheckStatsReportsTypeSizesAndCoveragePerSlide) {
  std::string text = "---\ntitle: 발표\n---\n# 짧은 장\n\n- 하나\n- 둘\n\n---\n\n# 긴 장\n\n";
  for (int i = 0; i < 10; ++i)
    text +=
        "지역사회의 다양한 자원과 역량, 주체의 활용과 참여를 추진하고 시민의 문제해결 역량의 "
        "강화에 기여함\n\n";
  const std::string deck = write("stats.md", text);
  const Outcome r = madang("check --stats '" + deck + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string header, first, second, summary;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, summary);
  EXPECT_EQ(header.rfind("slide  scale  layouts  body px  smallest px  title px", 0), 0u) << header;
  // Slide 1 fits at 100% in one layout, body at 54 px, title at 76 px.
  EXPECT_EQ(first.rfind("    1   1.00        1     54.0", 0), 0u) << first;
  EXPECT_NE(first.find("76.0"), std::string::npos) << first;
  // Slide 2 shrinks (below 75%: cramped).
  EXPECT_EQ(second.rfind("    2   0.", 0), 0u) << second;
  EXPECT_NE(second.find("cramped"), std::string::npos) << second;
  EXPECT_EQ(summary.rfind("median body ", 0), 0u) << summary;
}

// A deck as Marp users write them (Marp's docs: directives in the front
// matter and in comments, spot directives, image keywords, notes, a fitting
// header, a fragmented list): it checks with no warning when its images are
// there, with only "not found" warnings when they are not, and exports.
constexpr const char* kTypicalMarpDeck = R"(---
marp: true
theme: gaia
size: 16:9
paginate: true
header: 지역사회 **사회혁신**
footer: '![h:30](img/photo.png) 희망제작소 · 2026'
backgroundColor: #fffdf5
style: |
  section { font-size: 30px; }
math: katex
lang: ko
---

<!-- _class: lead -->
<!-- _paginate: skip -->
<!-- _header: "" -->

# <!-- fit --> 사회혁신생태계 조성전략

김제선 · 희망제작소

<!-- 인사와 함께 오늘의 순서를 말씀드립니다. -->

---

![bg left:40% sepia](img/photo.png)

## 왜 생태계인가

* 정부의 제도
* 시장의 사업
* 시민사회의 실험

<!-- 세 부문을 하나씩 보여 줍니다. -->

---

<!-- _backgroundColor: #1d2a44 -->
<!-- _color: white -->
<!-- _class: invert -->

![bg opacity:.3 grayscale](img/photo.png)

## 어두운 바탕

![w:300px](img/photo.png) ![h:120](img/photo.png)

---

<!-- backgroundImage: url('img/photo.png') -->
<!-- backgroundSize: contain -->
<!-- backgroundPosition: bottom right -->
<!-- paginate: hold -->
<!-- transition: fade -->

## 마무리

1) 배운 것
2) 할 일
)";

TEST_F(Cli, ATypicalMarpDeckChecksCleanAndExports) {
  const std::string deck = write("marp.md", kTypicalMarpDeck);
  fs::create_directories(dir() / "img");
  // An image to refer to: a slide exported by madang itself.
  const std::string seed = write("seed.md", "# 그림\n");
  const Outcome png =
      madang("export --png '" + (dir() / "seed").string() + "' --size 320x180 '" + seed + "'");
  ASSERT_EQ(png.exit_code, 0) << png.err;
  fs::copy_file(dir() / "seed" / "slide-01.png", dir() / "img" / "photo.png");

  const Outcome present = madang("check '" + deck + "'");
  EXPECT_EQ(present.exit_code, 0) << present.err;
  // The <style> block is the one thing a Marp deck says that Madang cannot do.
  const std::string style_warning =
      deck +
      ":9:1: warning: CSS in 'style' is not applied: Madang has no CSS; choose a look with "
      "'theme:' (hall, hall-dark, default, gaia, uncover) and 'class:'\n";
  EXPECT_EQ(present.err, style_warning);
  EXPECT_EQ(present.out, deck + ": 4 slides, 0 errors, 1 warning\n");

  const Outcome exported =
      madang("export --png '" + (dir() / "out").string() + "' --size 640x360 '" + deck + "'");
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(fs::is_regular_file(dir() / "out" / "slide-04.png"));

  fs::remove(dir() / "img" / "photo.png");
  const Outcome missing = madang("check '" + deck + "'");
  EXPECT_EQ(missing.exit_code, 0) << missing.err;
  // Missing, each image is a warning where it is written (repeats fold),
  // never an error.
  EXPECT_EQ(missing.err,
            deck +
                ":7:1: warning: image not found: img/photo.png; it is left out of the header or "
                "footer\n" +
                style_warning + deck +
                ":27:1: warning: image not found: img/photo.png; the background is left out "
                "(3 times, also on lines 43, 51)\n" +
                deck +
                ":47:1: warning: image not found: img/photo.png; it is drawn as a placeholder "
                "(2 times)\n");
}

TEST_F(Cli, HelpListsTheSubcommands) {
  const Outcome r = madang("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"check", "export", "layout", "present"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub << "\n" << r.out;
  }
  const Outcome none = madang("");
  EXPECT_EQ(none.exit_code, 2);
  const Outcome bogus = madang("check");
  EXPECT_EQ(bogus.exit_code, 2);
}

}  // namespace
