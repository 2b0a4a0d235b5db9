// A forum's program (deck/program.h): what it reads, and each mistake at its
// own line:column with the message a person needs.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "deck/program.h"
#include "temp_dir.h"

namespace madang::deck {
namespace {

const char* kForum = R"(title: 지역사회 혁신 포럼
date: 2026-12-10
place: 대전 시민공간
start: "14:00"
talks:
  - title: 지역사회 사회혁신생태계 조성전략
    speaker: 김제선
    affiliation: 희망제작소
    deck: lecture.md
    minutes: 20
  - break: 10m
  - title: 마을 카페 협동조합 이야기
    speaker: 홍길동
    deck: talks/cafe.pdf
    minutes: 7.5
)";

ProgramResult parse(const std::string& text, bool check_files = false) {
  ProgramOptions options;
  options.check_files = check_files;
  return parse_program(text, "/events/forum.yaml", options);
}

// "LINE:COL: message" of every diagnostic, for compact assertions.
std::vector<std::string> said(const ProgramResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(std::string(severity_name(d.severity)) + " " + std::to_string(d.where.line) +
                  ":" + std::to_string(d.where.column) + " " + d.message);
  }
  return out;
}

TEST(Program, ReadsTheEventTalksAndBreaks) {
  const ProgramResult r = parse(kForum);
  EXPECT_TRUE(r.diagnostics.empty()) << testing::PrintToString(said(r));
  const Program& p = r.program;
  EXPECT_EQ(p.title, "지역사회 혁신 포럼");
  EXPECT_EQ(p.date, "2026-12-10");
  EXPECT_EQ(p.place, "대전 시민공간");
  EXPECT_EQ(p.start, "14:00");
  EXPECT_EQ(p.start_minute, 14 * 60);
  ASSERT_EQ(p.items.size(), 3u);
  EXPECT_EQ(p.talk_count(), 2);
  const ProgramItem& first = p.items[0];
  EXPECT_FALSE(first.is_break);
  EXPECT_EQ(first.talk, 1);
  EXPECT_EQ(first.speaker, "김제선");
  EXPECT_EQ(first.affiliation, "희망제작소");
  EXPECT_EQ(first.deck_path, "/events/lecture.md");  // relative to the program
  EXPECT_EQ(first.seconds, 1200);
  EXPECT_EQ(first.line, 6);
  EXPECT_EQ(first.deck_line, 9);
  EXPECT_EQ(first.deck_column, 11);
  EXPECT_TRUE(p.items[1].is_break);
  EXPECT_EQ(p.items[1].seconds, 600);
  EXPECT_EQ(p.items[2].talk, 2);
  EXPECT_EQ(p.items[2].deck_path, "/events/talks/cafe.pdf");
  EXPECT_EQ(p.items[2].seconds, 450);
  EXPECT_EQ(p.talk(2), &p.items[2]);
  EXPECT_EQ(p.item_of_talk(3), -1);
  EXPECT_EQ(p.time_cards, (std::vector<int>{5, 2, 0}));
}

TEST(Program, UnknownKeysNameTheNearestValidOne) {
  const ProgramResult r = parse(
      "titel: 포럼\ntalks:\n  - title: 하나\n    speeker: 김\n    deck: a.md\n    mintues: 5\n");
  EXPECT_EQ(said(r), (std::vector<std::string>{
                         "warning 1:1 unknown program key 'titel'; did you mean 'title'?",
                         "warning 4:5 unknown talk key 'speeker'; did you mean 'speaker'?",
                         "warning 6:5 unknown talk key 'mintues'; did you mean 'minutes'?"}));
  EXPECT_EQ(r.program.items.at(0).title, "하나");
}

TEST(Program, BadSlotsBreaksAndStartTimesAreErrorsWhereTheyAre) {
  const ProgramResult r = parse(
      "start: 2pm\ntalks:\n  - title: 하나\n    deck: a.md\n    minutes: twenty\n"
      "  - break: soon\n  - title: 둘\n    deck: b.md\n    minutes: -5\n");
  const std::vector<std::string> s = said(r);
  ASSERT_EQ(s.size(), 3u) << testing::PrintToString(s);
  EXPECT_EQ(s[0].rfind("error 1:8 'start: 2pm' is not a time of day", 0), 0u) << s[0];
  EXPECT_EQ(s[1].rfind("error 5:14 a talk's slot must be a number of minutes", 0), 0u) << s[1];
  EXPECT_EQ(s[2], "error 6:12 a break's length must be a duration, like break: 10m");
  // The second bad slot (minutes: -5) folds into the first, as repeats do.
  EXPECT_EQ(r.diagnostics[1].count, 2);
  EXPECT_EQ(r.diagnostics[1].also_lines, (std::vector<int>{9}));
}

TEST(Program, ADuplicateTalkNamesTheFirst) {
  const ProgramResult r = parse(
      "talks:\n  - title: 같은 발표\n    deck: a.md\n  - break: 5m\n"
      "  - title: 같은 발표\n    deck: b.md\n");
  EXPECT_EQ(said(r), (std::vector<std::string>{"error 5:12 duplicate talk '같은 발표': it is "
                                               "already talk 1 (line 2)"}));
}

TEST(Program, ATalkWithoutTitleOrDeckIsAnErrorAtTheTalk) {
  const ProgramResult r = parse("talks:\n  - speaker: 김\n  - title: 둘\n");
  EXPECT_EQ(said(r), (std::vector<std::string>{
                         "error 2:5 talk 1 has no title: give it 'title:'",
                         "error 2:5 talk 1 has no deck: give it 'deck:' (a .md, a Marp deck or a "
                         ".pdf)",
                         "error 3:5 talk 2 has no deck: give it 'deck:' (a .md, a Marp deck or a "
                         ".pdf)"}));
}

TEST(Program, NoTalksIsAnError) {
  EXPECT_EQ(said(parse("title: 포럼\n")),
            (std::vector<std::string>{
                "error 1:1 a program needs 'talks:', a list of talks (docs/forum.md)"}));
  EXPECT_EQ(said(parse("- 하나\n")).at(0),
            "error 1:1 a program is 'key: value' lines with 'talks:' (docs/forum.md)");
}

TEST(Program, BrokenYamlIsLocatedAndNothingThrows) {
  const ProgramResult r = parse("title: 포럼\ntalks:\n  - title: [하나\n");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(r.diagnostics[0].where.file, "/events/forum.yaml");
  EXPECT_GE(r.diagnostics[0].where.line, 3);
  for (const char* hostile : {"", "\xff\xfe", "talks: *a\n", "talks: [[[[[[[[[[", "talks: 5\n"}) {
    EXPECT_NO_THROW(parse(hostile));
  }
}

TEST(Program, MangledProgramsNeverThrowAndStayLocated) {
  // Byte flips, cuts and repeats of a real program (a fixed seed): every
  // one reads to a Program and diagnostics within the file's lines.
  const std::string base = kForum;
  unsigned seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    for (int k = 0, n = 1 + static_cast<int>(next() % 4); k < n; ++k) {
      const std::size_t at = next() % text.size();
      switch (next() % 3) {
        case 0:
          text[at] = static_cast<char>(next() & 0xff);
          break;
        case 1:
          text.erase(at, next() % 12);
          break;
        default:
          text.insert(at, text.substr(at, next() % 24));
      }
      if (text.empty()) text = "x";
    }
    ProgramResult r;
    ASSERT_NO_THROW(r = parse(text)) << text;
    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_GE(d.where.line, 0);
      EXPECT_LE(d.where.line, lines + 1) << d.message << "\n" << text;
    }
    for (const ProgramItem& item : r.program.items) EXPECT_GE(item.seconds, 0);
  }
}

TEST(Program, TimeCardsAreConfigurable) {
  const ProgramResult r = parse("time_cards: [1, 10, 3]\ntalks:\n  - title: a\n    deck: a.md\n");
  EXPECT_TRUE(r.diagnostics.empty()) << testing::PrintToString(said(r));
  EXPECT_EQ(r.program.time_cards, (std::vector<int>{10, 3, 1}));
  EXPECT_EQ(said(parse("time_cards: [soon]\ntalks:\n  - title: a\n    deck: a.md\n")).at(0),
            "error 1:14 a time card is a whole number of minutes left, like 5");
}

TEST(Program, AMissingDeckIsAnErrorAtItsDeckLine) {
  test::TempDir dir("program");
  dir.write("lecture.md", "# 하나\n");
  const std::string path = dir.write(
      "forum.yaml",
      "talks:\n  - title: 하나\n    deck: lecture.md\n  - title: 둘\n    deck: missing.pdf\n");
  const ProgramResult r = load_program(path);
  ASSERT_EQ(r.diagnostics.size(), 1u) << testing::PrintToString(said(r));
  EXPECT_EQ(said(r)[0], "error 5:11 the deck of talk 2 ('missing.pdf') does not exist");
  EXPECT_EQ(r.diagnostics[0].where.file, path);
  EXPECT_EQ(r.program.items[0].deck_path, dir.file("lecture.md"));
}

TEST(Program, AnUnreadableProgramIsOneError) {
  const ProgramResult r = load_program("/nonexistent/forum.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where.line, 0);
  EXPECT_NE(r.diagnostics[0].message.find("cannot read the program"), std::string::npos);
}

TEST(Program, YamlPathsArePrograms) {
  EXPECT_TRUE(is_program_path("forum.yaml"));
  EXPECT_TRUE(is_program_path("a/b/FORUM.YML"));
  EXPECT_FALSE(is_program_path("forum.md"));
  EXPECT_FALSE(is_program_path("yaml"));
}

}  // namespace
}  // namespace madang::deck

namespace madang::deck {
namespace {

// Every ```yaml example of docs/forum.md reads as a program without a word
// said (the decks it names are not looked for).
TEST(Program, TheGuidesExampleReadsCleanly) {
  std::ifstream in(std::string(MADANG_SOURCE_DIR) + "/docs/forum.md");
  ASSERT_TRUE(in);
  std::string line, example;
  bool inside = false;
  int examples = 0;
  while (std::getline(in, line)) {
    if (!inside && line == "```yaml") {
      inside = true;
      example.clear();
    } else if (inside && line == "```") {
      inside = false;
      ++examples;
      const ProgramResult r = parse(example);
      EXPECT_TRUE(r.diagnostics.empty()) << testing::PrintToString(said(r)) << "\n" << example;
      EXPECT_GE(r.program.talk_count(), 1);
    } else if (inside) {
      example += line + "\n";
    }
  }
  EXPECT_GE(examples, 1);
}

}  // namespace
}  // namespace madang::deck
