// `madang kiosk` before any window: --hash-pin, the PIN's sources, the deck
// checked first, no display; each a message in the log's form and an exit
// code a service manager can act on.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "harness.h"

namespace madang::e2e {
namespace {

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/kiosk.md";

// No display, no PIN from the environment or the user's config.
Env bare(const std::string& name) {
  return {{"DISPLAY", std::nullopt},         {"WAYLAND_DISPLAY", std::nullopt},
          {"SDL_VIDEODRIVER", std::nullopt}, {"MADANG_KIOSK_PIN_HASH", std::nullopt},
          {"JOURNAL_STREAM", std::nullopt},  {"XDG_CONFIG_HOME", temp_dir(name)}};
}

RunResult hash_pin(const std::string& input) {
  return run({"sh", "-c", "printf '" + input + "' | '" + MADANG_BINARY + "' kiosk --hash-pin"}, {});
}

TEST(KioskCli, HashPinPrintsASaltedHashOfTheDigitsOnStdin) {
  const RunResult a = hash_pin("2468\\n"), b = hash_pin("2468\\n");
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_TRUE(std::regex_match(a.out, std::regex("\\$y\\$[./A-Za-z0-9]+\\$[./A-Za-z0-9]+\\$"
                                                 "[./A-Za-z0-9]+\n")))
      << a.out;
  EXPECT_NE(a.out, b.out) << "a fresh salt each time";
  EXPECT_EQ(a.out.find("2468"), std::string::npos);
  const RunResult bad = hash_pin("12a4\\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, "madang kiosk: a PIN is 4 to 12 digits 0-9\n");
}

TEST(KioskCli, APinInClearIsRefused) {
  Env env = bare("kiosk-cli-clear");
  env["MADANG_KIOSK_PIN_HASH"] = "2468";
  const RunResult r = run({MADANG_BINARY, "kiosk", kDeck}, env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "madang kiosk: MADANG_KIOSK_PIN_HASH does not hold a PIN hash (make one with: madang "
            "kiosk --hash-pin)\n");
}

TEST(KioskCli, AMissingPinFileIsRefused) {
  const RunResult r = run({MADANG_BINARY, "kiosk", kDeck, "--pin-file", "/nonexistent/pin"},
                          bare("kiosk-cli-pinfile"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang kiosk: cannot read the PIN file /nonexistent/pin\n");
}

TEST(KioskCli, BrokenDeckIsLoggedBeforeAnyWindow) {
  const std::string dir = temp_dir("kiosk-cli-broken");
  const std::string deck = dir + "/broken.md";
  std::ofstream(deck) << "---\nadvance: 20\n---\n\n# 제목\n";
  const RunResult r = run({MADANG_BINARY, "kiosk", deck}, bare("kiosk-cli-broken-config"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("madang kiosk: " + deck +
                       ":2:10: error: advance must be a length of time with a unit"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("madang kiosk: exit: the deck has errors"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("no display"), std::string::npos) << r.err;
}

TEST(KioskCli, NoDeckOrNoDisplayIsAUsageError) {
  RunResult r = run({MADANG_BINARY, "kiosk"}, bare("kiosk-cli-nodeck"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("which deck?"), std::string::npos) << r.err;
  r = run({MADANG_BINARY, "kiosk", kDeck}, bare("kiosk-cli-nodisplay"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "madang kiosk: no display available; try: madang export DECK --png DIR\n");
  r = run({MADANG_BINARY, "kiosk", "/nonexistent/deck.md"}, bare("kiosk-cli-nofile"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/deck.md"), std::string::npos) << r.err;
}

TEST(KioskCli, UnderSystemdEachLineCarriesItsPriority) {
  // JOURNAL_STREAM names stderr's device and inode when systemd connected
  // it to the journal; here stderr is a file, so the test names that file.
  const std::string dir = temp_dir("kiosk-cli-journal");
  const std::string err = dir + "/err";
  const std::string script = "exec 2>'" + err +
                             "'; JOURNAL_STREAM=$(stat -L -c '%d:%i' /proc/self/fd/2) exec '" +
                             MADANG_BINARY + "' kiosk /nonexistent/deck.md";
  run({"sh", "-c", script}, bare("kiosk-cli-journal-config"));
  const std::string text = read_file(err);
  EXPECT_TRUE(std::regex_search(text, std::regex("^<3>madang kiosk: .*nonexistent/deck\\.md")))
      << text;
}

}  // namespace
}  // namespace madang::e2e
