// A forum's program through the commands, as a user runs them: `check`
// (the program's messages and each deck's at their own places), `export
// --pdf` read back with poppler (pdfinfo pages and metadata, the page labels
// poppler reads, pdftotext per talk) and qpdf (the outline's two levels),
// `export --png` (a folder per talk), `layout --console --json` (the
// program panel as data). Three talks: the lecture (Markdown), the lecture
// as a PDF deck, the Marp lecture.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "export_fixture.h"
#include "pdf/document.h"
#include "run_command.h"

namespace {

namespace fs = std::filesystem;
using madang::test::CommandResult;

class ProgramCli : public madang::test::ExportFixture {
 protected:
  void SetUp() override {
    const std::string src = MADANG_SOURCE_DIR;
    fs::create_directories(file("talks"));
    const CommandResult pdf =
        madang("export '" + src + "/slides/lecture.md' --pdf '" + file("talks/cafe.pdf") + "'");
    ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
    program_ = write("forum.yaml", std::string(R"(title: 지역사회 혁신 포럼
date: 2026-12-10
place: 대전 시민공간
start: "14:00"
talks:
  - title: 지역사회 사회혁신생태계 조성전략
    speaker: 김제선
    affiliation: 희망제작소
    deck: )") + src + R"(/slides/lecture.md
    minutes: 20
  - break: 10m
  - title: 마을 카페 협동조합 이야기
    speaker: 홍길동
    deck: talks/cafe.pdf
    minutes: 15
  - title: Marp로 만든 발표
    speaker: 이몽룡
    affiliation: 남원시
    deck: )" + src + R"(/tests/bench/lecture.marp.md
    minutes: 10
)");
  }
  std::string program_;
};

// The page labels as poppler reads them.
std::vector<std::string> labels(const std::string& path) {
  std::string error;
  madang::pdf::Failure failure{};
  auto doc =
      madang::pdf::Document::open(madang::pdf::read_source(path, "", &error), &failure, &error);
  EXPECT_TRUE(doc) << error;
  std::vector<std::string> out;
  if (!doc) return out;
  for (const madang::pdf::PageInfo& p : doc->info().pages) out.push_back(p.label);
  return out;
}

TEST_F(ProgramCli, CheckReadsTheProgramAndEveryDeck) {
  const CommandResult r = madang("check '" + program_ + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("lecture.md: 23 slides, 0 errors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cafe.pdf: 23 slides"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lecture.marp.md: 23 slides"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("forum.yaml: 3 talks and 1 break, 55:00 planned; 0 errors"),
            std::string::npos)
      << r.out;
}

TEST_F(ProgramCli, CheckSaysEachProblemAtItsOwnPlace) {
  write("broken.md", "---\ntheme: hall\nduration: soon\n---\n# 하나\n");
  const std::string bad = write("bad.yaml",
                                "titel: 포럼\ntalks:\n  - title: 하나\n    deck: broken.md\n"
                                "  - title: 둘\n    deck: gone.pdf\n    minutes: 0\n");
  const CommandResult r = madang("check '" + bad + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":1:1: warning: unknown program key 'titel'; did you mean 'title'?"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(bad + ":6:11: error: the deck of talk 2 ('gone.pdf') does not exist"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(bad + ":7:14: error: a talk's slot"), std::string::npos) << r.err;
  // The deck's own problem, in the deck.
  EXPECT_NE(r.err.find(file("broken.md") + ":3:11:"), std::string::npos) << r.err;
}

TEST_F(ProgramCli, OnePdfWithCardsOutlineLabelsAndMetadata) {
  const std::string pdf = file("forum.pdf");
  const CommandResult r = madang("export '" + program_ + "' --pdf '" + pdf + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string info = shell("pdfinfo '" + pdf + "'").out;
  EXPECT_NE(info.find("Pages:           73"), std::string::npos) << info;  // 3 x 23 + 4 cards
  EXPECT_NE(info.find("Title:           지역사회 혁신 포럼"), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          김제선, 홍길동, 이몽룡"), std::string::npos) << info;
  EXPECT_NE(info.find("2026-12-10 · 대전 시민공간"), std::string::npos) << info;

  const std::vector<std::string> l = labels(pdf);
  ASSERT_EQ(l.size(), 73u);
  EXPECT_EQ(l[0], "1-0");  // talk 1's card
  EXPECT_EQ(l[1], "1-1");
  EXPECT_EQ(l[23], "1-23");
  EXPECT_EQ(l[24], "break-1");
  EXPECT_EQ(l[25], "2-0");
  EXPECT_EQ(l[39], "2-14");
  EXPECT_EQ(l[72], "3-23");

  // The outline: a talk (or break) per top-level entry, its slides below.
  const CommandResult q = shell("qpdf --json --json-key=outlines '" + pdf + "'");
  ASSERT_EQ(q.exit_code, 0) << q.err;
  const nlohmann::json outlines = nlohmann::json::parse(q.out)["outlines"];
  ASSERT_EQ(outlines.size(), 4u);
  EXPECT_EQ(outlines[0]["title"], "1. 지역사회 사회혁신생태계 조성전략 — 김제선");
  EXPECT_EQ(outlines[0]["destpageposfrom1"], 1);
  ASSERT_EQ(outlines[0]["kids"].size(), 23u);
  EXPECT_EQ(outlines[0]["kids"][1]["title"], "연사 소개");
  EXPECT_EQ(outlines[0]["kids"][1]["destpageposfrom1"], 3);
  EXPECT_EQ(outlines[1]["title"], "휴식 · Break (10:00)");
  EXPECT_EQ(outlines[1]["kids"].size(), 0u);
  EXPECT_EQ(outlines[2]["destpageposfrom1"], 26);
  EXPECT_EQ(outlines[2]["kids"].size(), 23u);
  EXPECT_EQ(outlines[3]["title"], "3. Marp로 만든 발표 — 이몽룡");
  EXPECT_EQ(outlines[3]["kids"].size(), 23u);

  // Every talk's text is in the file, and its card before it.
  auto text = [&](int from, int to) {
    return shell("pdftotext -enc UTF-8 -f " + std::to_string(from) + " -l " + std::to_string(to) +
                 " '" + pdf + "' -")
        .out;
  };
  const std::string card2 = text(26, 26);
  EXPECT_NE(card2.find("다음 발표"), std::string::npos) << card2;
  EXPECT_NE(card2.find("마을 카페 협동조합 이야기"), std::string::npos) << card2;
  EXPECT_NE(card2.find("홍길동"), std::string::npos) << card2;
  EXPECT_NE(text(25, 25).find("10:00"), std::string::npos);
  for (int first : {2, 27, 51}) {
    EXPECT_NE(text(first, first + 1).find("연사 소개"), std::string::npos) << first;
  }
  // Read back as a deck: a slide per page (its labels are all distinct).
  const CommandResult back = madang("check '" + pdf + "'");
  EXPECT_NE(back.out.find("73 pages as 73 slides"), std::string::npos) << back.out;
}

TEST_F(ProgramCli, HandoutAndPngFolders) {
  const std::string pdf = file("handout.pdf");
  const CommandResult r =
      madang("export '" + program_ + "' --pdf '" + pdf + "' --notes --png '" + file("png") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(shell("pdfinfo '" + pdf + "'").out.find("(A4)"), std::string::npos);
  for (const char* f :
       {"png/talk-01/card.png", "png/talk-01/slide-23.png", "png/break-01.png",
        "png/talk-02/card.png", "png/talk-02/slide-01.png", "png/talk-03/slide-23.png"}) {
    EXPECT_TRUE(fs::is_regular_file(file(f))) << f;
  }
}

TEST_F(ProgramCli, ABrokenProgramExportsNothing) {
  const std::string bad =
      write("bad.yaml", "talks:\n  - title: 하나\n    deck: gone.md\n    minutes: 5\n");
  const CommandResult r = madang("export '" + bad + "' --pdf '" + file("bad.pdf") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(":3:11: error: the deck of talk 1 ('gone.md') does not exist"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(file("bad.pdf")));
}

TEST_F(ProgramCli, LayoutConsoleJsonIsTheProgramPanel) {
  const CommandResult r = madang("layout '" + program_ +
                                 "' --console --json --talk 2 --elapsed 11:00 --clock 14:50 "
                                 "--size 640x1080");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& p = j["program"];
  EXPECT_EQ(p["countdown"], "4:00");
  EXPECT_EQ(p["expected_end"], "15:04");
  EXPECT_EQ(p["planned_end"], "14:55");
  EXPECT_EQ(p["drift"], "+9:00");
  EXPECT_EQ(p["drift_s"], 540);
  EXPECT_EQ(p["time_card"], 5);
  ASSERT_EQ(p["rows"].size(), 4u);
  EXPECT_EQ(p["rows"][2]["state"], "current");
  EXPECT_EQ(p["rows"][2]["at"], "14:30");
  EXPECT_EQ(p["rows"][1]["kind"], "break");
  EXPECT_EQ(p["rows"][3]["affiliation"], "남원시");
  EXPECT_EQ(p["rows"][0]["loaded"], true);
  EXPECT_FALSE(j["items"].empty());
  EXPECT_EQ(madang("layout '" + program_ + "' --console --json --talk 9").exit_code, 2);
}

TEST_F(ProgramCli, RehearseNeedsATalkAndAProgramsKioskNoRemoteNorInk) {
  const CommandResult r = madang("rehearse '" + program_ + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give the talk to rehearse, --talk 1 to --talk 3"), std::string::npos)
      << r.err;
  EXPECT_EQ(madang("rehearse '" + program_ + "' --talk 4").exit_code, 2);
  // The kiosk runs a program (tests/app/kiosk_program_test.cpp), but the
  // phone's remote and the visitors' ink belong to one deck.
  for (const char* option : {"--remote", "--visitor-ink"}) {
    const CommandResult k = madang("kiosk '" + program_ + "' " + option);
    EXPECT_EQ(k.exit_code, 2) << option;
    EXPECT_NE(k.err.find("is a program: " + std::string(option) + " is for a kiosk of one deck"),
              std::string::npos)
        << k.err;
  }
}

}  // namespace
