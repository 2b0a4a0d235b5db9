// `madang present` before any window: the deck is checked first, and without
// a display it says what to do instead.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "harness.h"

namespace madang::e2e {
namespace {

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/present.md";
const Env kNoDisplay = {{"DISPLAY", std::nullopt},
                        {"WAYLAND_DISPLAY", std::nullopt},
                        {"SDL_VIDEODRIVER", std::nullopt}};

TEST(PresentCli, NoDisplaySaysHowToExport) {
  const RunResult r = run({MADANG_BINARY, "present", kDeck}, kNoDisplay);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang present: no display available; try: madang export DECK --png DIR\n");
}

TEST(PresentCli, UnreachableXServerIsNoDisplay) {
  Env env = kNoDisplay;
  env["DISPLAY"] = ":9999";  // nothing listens there
  const RunResult r = run({MADANG_BINARY, "present", kDeck}, env, std::chrono::seconds(20));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("madang present: no display available; try: madang export DECK --png DIR\n"),
            std::string::npos)
      << r.err;
}

TEST(PresentCli, BrokenDeckIsReportedBeforeAnyWindow) {
  const std::string dir = temp_dir("cli-broken");
  const std::string deck = dir + "/broken.md";
  std::ofstream(deck) << "# 제목\n\n```diagram flow\ntitle: 단계 없음\n```\n";
  // No display either: the deck is checked first, so this is exit 1, not 2.
  const RunResult r = run({MADANG_BINARY, "present", deck}, kNoDisplay);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.err, std::regex("broken\\.md:[1-9][0-9]*:[1-9][0-9]*: error: ")))
      << r.err;
  EXPECT_EQ(r.err.find("no display"), std::string::npos) << r.err;
}

TEST(PresentCli, UnreadableDeckIsAnIoError) {
  const RunResult r = run({MADANG_BINARY, "present", "/nonexistent/deck.md"}, kNoDisplay);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/deck.md"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace madang::e2e
