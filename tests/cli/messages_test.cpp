// What a new user meets on the command line (issue #26, item 5): a misspelt
// command, a reversed slide range, a history path that is not there, counts
// in the singular, a DISPLAY that does not exist, --help that names itself
// and points to the guides.
#include <gtest/gtest.h>

#include <string>

#include "run_command.h"
#include "temp_dir.h"

namespace {

using Outcome = madang::test::CommandResult;

class Messages : public madang::test::TempDirTest {
 protected:
  Outcome run(const std::string& args, const std::string& env = "") {
    return madang::test::run_command(env + " '" + std::string(MADANG_BIN) + "' " + args,
                                     dir().string());
  }
  std::string one_slide() { return write("one.md", "---\ntitle: 하나\n---\n# 하나\n"); }
};

TEST_F(Messages, AMisspeltCommandIsNamedWithTheOneMeant) {
  const Outcome r = run("chek '" + one_slide() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang: unknown command 'chek'; did you mean 'check'?\n");
  const Outcome far = run("frobnicate x.md");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err,
            "madang: unknown command 'frobnicate'; the commands are check, export, layout, "
            "present, rehearse, rehearsals, kiosk\n");
}

TEST_F(Messages, OneIsSingular) {
  const Outcome r = run("check '" + one_slide() + "'");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, file("one.md") + ": 1 slide, 0 errors, 0 warnings\n");
  const Outcome png = run("export '" + file("one.md") + "' --png '" + file("png") + "'");
  EXPECT_EQ(png.out, file("one.md") + ": 1 slide exported to " + file("png") + " (1920x1080)\n");
  const Outcome console =
      run("export '" + file("one.md") + "' --console --png '" + file("console") + "'");
  EXPECT_EQ(console.out,
            file("one.md") + ": 1 console page exported to " + file("console") + " (1920x1080)\n");
}

TEST_F(Messages, AReversedRangeSaysSo) {
  const std::string deck = write("three.md", "# 1\n\n---\n\n# 2\n\n---\n\n# 3\n");
  const Outcome r = run("export '" + deck + "' --png '" + file("out") + "' --slides 3-1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("slide range '3-1' runs backwards; write it 1-3"), std::string::npos)
      << r.err;
}

TEST_F(Messages, AHistoryThatIsNotThereIsNamed) {
  const Outcome r =
      run("rehearsals '" + one_slide() + "' --history '" + file("nosuch.sqlite") + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("madang rehearsals: no history at " + file("nosuch.sqlite")),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Messages, ADisplayThatIsNotThereGetsOnlyOurMessage) {
  const Outcome r =
      run("present '" + one_slide() + "'", "env -u SDL_VIDEODRIVER -u WAYLAND_DISPLAY DISPLAY=:97");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang present: no display available; try: madang export DECK --png DIR\n");
}

// The deck's own warnings (an image not found, line 12) and layout's (a
// character no font has, line 6) come out in the file's order.
TEST_F(Messages, AnExportsDiagnosticsComeInTheFilesOrder) {
  const std::string deck = write(
      "order.md", "---\ntitle: x\n---\n# a\n\n가 \xEE\x80\x80\n\n---\n\n# b\n\n![x](nosuch.png)\n");
  for (const std::string& out : {"--png '" + file("png") + "'", "--pdf '" + file("o.pdf") + "'"}) {
    const Outcome r = run("export '" + deck + "' " + out);
    EXPECT_EQ(r.exit_code, 0) << out;
    const auto uncovered = r.err.find(deck + ":6:3: warning: no font has");
    const auto missing = r.err.find(deck + ":12:1: warning: image not found");
    ASSERT_NE(uncovered, std::string::npos) << out << "\n" << r.err;
    ASSERT_NE(missing, std::string::npos) << out << "\n" << r.err;
    EXPECT_LT(uncovered, missing) << out << "\n" << r.err;
  }
}

TEST_F(Messages, HelpNamesTheProgramAndPointsToTheGuides) {
  const Outcome r = run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: madang [OPTIONS] SUBCOMMAND"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(MADANG_BIN), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("presenting.md (the keys"), std::string::npos) << r.out;
}

// present --help lists the keys by task, from the key table the `?` overlay
// draws (so a key added there shows here), with the clips' and the ink's.
TEST_F(Messages, PresentHelpListsTheKeysByTask) {
  const Outcome r = run("present --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* want :
       {"Keys while presenting", "이동 · Moving", "보여 주기 · Showing", "Freeze the hall",
        "Shift+R", "Overview", "presenting.md", "K J L", "Laser, spotlight, magnifier"}) {
    EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n" << r.out;
  }
  EXPECT_NE(run("rehearse --help").out.find("Keys while presenting"), std::string::npos);
}

}  // namespace
