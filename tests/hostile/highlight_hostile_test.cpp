// Issue #25: highlighting bounded in work, not bytes. For every language
// definition a deck may name, a deck of its worst lines within the caps
// (highlight_inputs.h) must `check` in under 1 s of CPU, under 1 GiB of
// address space and a kill timer, as the user runs it (the built binary).
// Before, such decks took from seconds to hours (Python's escaped quotes: the
// cube of the line's length).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "highlight_inputs.h"

namespace {

namespace hostile = madang::test::hostile;
using madang::test::CommandResult;

// CPU time: the bound is on the work, which a busy machine (CI runs tests two
// at a time) does not change; the kill timer bounds the wall.
constexpr double kCpuSeconds = 1.0;

class HighlightHostile : public madang::test::CliTest {
 protected:
  // `madang ARGS` with at most 1 GiB of address space, killed after 30 s.
  CommandResult run(const std::string& args) {
    return shell("ulimit -v 1048576 && exec timeout -s KILL 30 '" + std::string(MADANG_BIN) + "' " +
                 args);
  }

  // Ended on its own, without errors, in under kCpuSeconds of CPU.
  static void expect_bounded(const CommandResult& r, const std::string& what) {
    EXPECT_EQ(r.signal, 0) << what << "\n" << r.err.substr(0, 2000);
    EXPECT_EQ(r.exit_code, 0) << what << "\n" << r.err.substr(0, 2000);
    EXPECT_LT(r.cpu_seconds, kCpuSeconds) << what << " (" << r.seconds << " s wall)";
  }
};

class EveryLanguage : public HighlightHostile, public ::testing::WithParamInterface<std::string> {};

TEST_P(EveryLanguage, WorstLinesCheckInUnderASecondOfCpu) {
  const std::string deck = write("deck.md", hostile::highlight_deck(GetParam()));
  expect_bounded(run("check '" + deck + "'"), "check ```" + GetParam());
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) == 0; }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(HighlightHostile, EveryLanguage,
                         ::testing::ValuesIn(hostile::highlight_fences()), test_name);

TEST_F(HighlightHostile, EveryDefinitionHasAFence) {
  const std::vector<std::string> fences = hostile::highlight_fences();
  EXPECT_GE(fences.size(), 80u);  // Debian bookworm: 87
  for (const char* fence : {"cpp", "c", "python", "javascript", "sh", "json", "sql", "java", "rs",
                            "go", "css", "html", "xml"}) {
    EXPECT_NE(std::find(fences.begin(), fences.end(), fence), fences.end()) << fence;
  }
}

TEST_F(HighlightHostile, TheIssuesHtmlDeckChecksAndExportsInUnderASecond) {
  // Eight blocks of one 15 KB line of tags: 20 s of CPU to check before.
  const std::string deck = write("deck.md", hostile::html_tags_deck(8, 15000));
  expect_bounded(run("check '" + deck + "'"), "check");
  expect_bounded(run("export '" + deck + "' --png '" + file("out") + "'"), "export");
}

}  // namespace
