// `madang kiosk` in a real X window (Xvfb, 1920x1080), driven with xdotool:
// it moves on by itself and loops; no key, close button or close request
// gets out, and it holds the keyboard; the chord with a wrong PIN stays,
// with the right one (tapped on the keypad) exits 0; without a PIN the chord
// asks to confirm; taps on a diagram hold the show, and idle brings it back
// to slide 1 with the diagram at rest; a copied deck reloads and a broken
// one keeps the old, off screen; SIGTERM and SIGINT exit 0, SIGHUP reloads;
// the screen saver stays off.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "x11_probe.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/kiosk.md";

// Window and export draw with the same renderer code: xvfb_suite.h says what
// was measured (nothing beyond 2 levels), so a missing syllable fails.
constexpr test::Tolerance kSame = kWindowEqualsExport;
// The screen may take up to ~2 s to settle (ten screenshots, 200 ms apart).
constexpr ScreenCheck kScreen{kSame, 200ms};

// An empty config folder, so that no ~/.config/madang/kiosk-pin applies.
ModeRun kiosk(const std::string& name, Env env = {}) {
  const std::string config = temp_dir(name + "-config");
  env["XDG_CONFIG_HOME"] = config;
  if (env.find("MADANG_KIOSK_PIN_HASH") == env.end()) env["MADANG_KIOSK_PIN_HASH"] = std::nullopt;
  return {"kiosk", env, ""};
}

// The PIN's hash, as staff make it: `echo PIN | madang kiosk --hash-pin`.
std::string hash_of(const std::string& pin) {
  const RunResult r = run(
      {"sh", "-c", "printf '%s\\n' " + pin + " | '" + MADANG_BINARY + "' kiosk --hash-pin"}, {});
  std::string hash = r.out;
  while (!hash.empty() && hash.back() == '\n') hash.pop_back();
  return r.exit_code == 0 ? hash : "";
}

struct Point {
  int x = 0, y = 0;
};

// The keypad's buttons from its trace line: "keypad mode=pin 1=840,416 ...".
std::map<std::string, Point> keypad_keys(const std::string& line) {
  std::map<std::string, Point> keys;
  std::istringstream words(line);
  std::string w;
  while (words >> w) {
    const std::size_t eq = w.find('='), comma = w.find(',');
    if (eq == std::string::npos || comma == std::string::npos) continue;
    keys[w.substr(0, eq)] = {std::stoi(w.substr(eq + 1, comma - eq - 1)),
                             std::stoi(w.substr(comma + 1))};
  }
  return keys;
}

// The centre of diagram element `id` on slide `slide` at 1920x1080.
Point element(const std::string& deck, int slide, const std::string& id) {
  const RunResult r =
      run({MADANG_BINARY, "layout", deck, "--slide", std::to_string(slide), "--json"}, {});
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return {};
  for (const auto& item : j["slides"][0]["items"]) {
    if (item["kind"] != "hit" || item["id"] != id) continue;
    const auto& rect = item["rect"];
    return {static_cast<int>(rect[0].get<float>() + rect[2].get<float>() / 2),
            static_cast<int>(rect[1].get<float>() + rect[3].get<float>() / 2)};
  }
  return {};
}

class KioskE2E : public XvfbSuite<KioskE2E> {
 public:
  static bool same(const render::RgbaImage& a, const render::RgbaImage& b) {
    const test::ImageDiff d = test::diff_images(a, b, kSame.channel);
    return d.same_size && d.differing_pixels <= kSame.pixels;
  }

 protected:
  // Holds the chord (Ctrl+Alt+Shift+Q) down for `held`.
  static void chord(Present& p, std::chrono::milliseconds held) {
    p.xdotool({"keydown", "ctrl+alt+shift+q"});
    std::this_thread::sleep_for(held);
    p.xdotool({"keyup", "ctrl+alt+shift+q"});
  }

  static void tap(Present& p, Point at) { p.click(at.x, at.y, 1); }

  static void type_on(Present& p, const std::map<std::string, Point>& keys,
                      const std::string& digits) {
    for (char c : digits) tap(p, keys.at(std::string(1, c)));
    tap(p, keys.at("ok"));
  }
};

TEST_F(KioskE2E, MovesOnByItselfLoopsAndStartsWithinASecondAndAHalf) {
  const auto t0 = std::chrono::steady_clock::now();
  Present p(*x_, kDeck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 ", "phase=auto"}, 5s), "") << p.stderr_text();
  const double start_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(start_s, 1.5) << "systemd restarts it after 0.5 s: back on slide 1 within 2 s";
  EXPECT_NE(p.stderr_text().find("madang kiosk: start: "), std::string::npos) << p.stderr_text();
  ASSERT_NE(p.wait_idle({"slide=2 ", "advances=1 "}, 5s), "") << p.last_idle();
  ASSERT_NE(p.wait_idle({"slide=3 ", "advances=2 "}, 5s), "") << p.last_idle();
  ASSERT_NE(p.wait_idle({"slide=1 ", "loops=1 "}, 5s), "") << p.last_idle();
  EXPECT_TRUE(
      screen_matches(p, export_slide(kDeck, 1, name() + "-ref1"), "slide1-looped", kScreen));
}

TEST_F(KioskE2E, NoKeyNorCloseRequestGetsOutAndItHoldsTheKeyboard) {
  Present p(*x_, kDeck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"grab=1"}, 5s), "") << p.last_idle() << p.stderr_text();
  EXPECT_EQ(x11::keyboard_taken(x_->display()), 1) << "another client could take the keyboard";
  for (const char* keys : {"Escape", "q", "f", "alt+F4", "ctrl+w", "alt+Tab", "ctrl+q", "super",
                           "b", "o", "question", "F11"}) {
    p.key(keys);
    std::this_thread::sleep_for(150ms);
    EXPECT_TRUE(p.running()) << keys << " ended the kiosk";
  }
  // The chord let go too early is nothing either.
  chord(p, 1000ms);
  EXPECT_EQ(x11::request_close(x_->display(), "Madang kiosk"), 1);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(p.running()) << "the close request ended the kiosk";
  // Still showing, still moving, still full screen, no keypad.
  ASSERT_NE(p.wait_idle({"gate=closed", "windows=1 "}, 5s), "") << p.last_idle();
  const std::string err = p.stderr_text();
  EXPECT_NE(err.find("ignored a request to close the window"), std::string::npos) << err;
  EXPECT_EQ(err.find("keypad is open"), std::string::npos) << err;
  p.signal(SIGTERM);
  EXPECT_EQ(p.wait_exit(5s), 0);
}

TEST_F(KioskE2E, TheChordThenAWrongPinStaysTheRightPinExitsZero) {
  const std::string hash = hash_of("2468");
  ASSERT_EQ(hash.rfind("$y$", 0), 0u) << hash;
  Present p(*x_, kDeck, {}, name(), kiosk(name(), {{"MADANG_KIOSK_PIN_HASH", hash}}));
  ASSERT_NE(p.wait_idle({"grab=1"}, 5s), "") << p.stderr_text();
  chord(p, 3400ms);
  const std::string line = p.wait_line("keypad ", {"mode=pin"}, 5s);
  ASSERT_NE(line, "") << p.stderr_text();
  const std::map<std::string, Point> keys = keypad_keys(line);
  ASSERT_EQ(keys.size(), 13u) << line;
  ASSERT_NE(p.wait_idle({"gate=pin", "phase=visitor"}), "") << p.last_idle();
  const std::string held = p.last_idle();

  type_on(p, keys, "1357");
  ASSERT_NE(p.wait_idle({"gate=pin", "failures=1 ", "typed=0 "}), "") << p.last_idle();
  EXPECT_TRUE(p.running());
  // The show stood still behind the keypad.
  const auto slide_of = [](const std::string& l) { return l.substr(0, l.find(" step=")); };
  EXPECT_EQ(slide_of(p.last_idle()), slide_of(held));

  // Digits typed on a keyboard count as well; then the right PIN, tapped.
  p.xdotool({"key", "--delay", "30", "9", "9", "BackSpace", "BackSpace"});
  type_on(p, keys, "2468");
  EXPECT_EQ(p.wait_exit(5s), 0) << p.stderr_text();
  const std::string err = p.stderr_text();
  EXPECT_NE(err.find("wrong PIN (1 so far)"), std::string::npos) << err;
  EXPECT_NE(err.find("exit: the staff PIN"), std::string::npos) << err;
  EXPECT_EQ(err.find("2468"), std::string::npos) << "the PIN is never logged";
}

TEST_F(KioskE2E, WithoutAPinTheChordAsksToConfirm) {
  Present p(*x_, kDeck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"grab=1"}, 5s), "") << p.stderr_text();
  EXPECT_NE(p.stderr_text().find("no PIN"), std::string::npos) << p.stderr_text();
  chord(p, 3400ms);
  std::string line = p.wait_line("keypad ", {"mode=confirm"}, 5s);
  ASSERT_NE(line, "") << p.stderr_text();
  tap(p, keypad_keys(line).at("cancel"));
  ASSERT_NE(p.wait_idle({"gate=closed"}), "") << p.last_idle();
  EXPECT_TRUE(p.running());
  chord(p, 3400ms);
  line = p.wait_line("keypad ", {"mode=confirm"}, 5s);
  ASSERT_NE(line, "");
  tap(p, keypad_keys(line).at("ok"));
  EXPECT_EQ(p.wait_exit(5s), 0) << p.stderr_text();
}

TEST_F(KioskE2E, TapsOnADiagramHoldTheShowAndIdleBringsBackSlideOneAtRest) {
  const Point gov = element(kDeck, 1, "gov");
  ASSERT_GT(gov.x, 0);
  Present p(*x_, kDeck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 "}, 5s), "") << p.last_idle();
  tap(p, gov);
  ASSERT_NE(p.wait_idle({"slide=1 ", "selected=gov ", "phase=visitor"}), "") << p.last_idle();
  const std::string held = p.last_idle();
  EXPECT_NE(held.find("advances=0 "), std::string::npos) << held;
  // Past its 2 s advance: still there, still selected.
  std::this_thread::sleep_for(2500ms);
  ASSERT_NE(p.wait_idle({"phase=auto", "returns=1"}, 5s), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("slide=1 "), std::string::npos) << p.last_idle();
  EXPECT_NE(p.last_idle().find("selected=- "), std::string::npos) << p.last_idle();
  EXPECT_NE(p.last_idle().find("advances=0 "), std::string::npos)
      << "no advance while the visitor had it";
  EXPECT_TRUE(
      screen_matches(p, export_slide(kDeck, 1, name() + "-ref1"), "slide1-at-rest", kScreen));
  // And it moves on by itself again.
  ASSERT_NE(p.wait_idle({"slide=2 ", "advances=1 "}, 5s), "") << p.last_idle();
}

TEST_F(KioskE2E, ACopiedDeckReloadsABrokenOneKeepsTheOldOffScreen) {
  const std::string dir = temp_dir(name() + "-deck");
  const std::string deck = dir + "/deck.md";
  const auto write = [&](const std::string& path, const std::string& title, int slides) {
    std::ofstream out(path);
    out << "---\nadvance: 1m\n---\n\n# " << title << "\n";
    for (int i = 2; i <= slides; ++i) out << "\n---\n\n# 장 " << i << "\n";
  };
  write(deck, "처음 덱", 2);
  write(dir + "/new.md", "새로 복사한 덱", 3);
  Present p(*x_, deck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 ", "slides=2 "}, 5s), "") << p.stderr_text();

  // As staff do: cp new.md deck.md.
  ASSERT_EQ(run({"cp", dir + "/new.md", deck}, {}).exit_code, 0);
  ASSERT_NE(p.wait_idle({"slides=3 ", "reloads=1 "}, 5s), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(dir + "/new.md", 1, name() + "-new"), "new", kScreen));

  std::ofstream(dir + "/broken.md") << "---\nadvance: 1m\n---\n\n# 깨진 덱\n\n<!-- layout: x -->\n";
  ASSERT_EQ(run({"cp", dir + "/broken.md", deck}, {}).exit_code, 0);
  ASSERT_NE(p.wait_idle({"refused=1 "}, 5s), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("slides=3 "), std::string::npos) << p.last_idle();
  // The last good deck on screen, no error box; the error in the log.
  EXPECT_TRUE(
      screen_matches(p, export_slide(dir + "/new.md", 1, name() + "-kept"), "kept", kScreen));
  const std::string err = p.stderr_text();
  EXPECT_NE(err.find("madang kiosk: reload refused"), std::string::npos) << err;
  EXPECT_NE(err.find("deck.md:7:1: error: unknown layout 'x'"), std::string::npos) << err;
}

TEST_F(KioskE2E, SigtermAndSigintExitZeroSighupReloads) {
  Present a(*x_, kDeck, {}, name() + "-term", kiosk(name()));
  ASSERT_NE(a.wait_idle({"slide=1 "}, 5s), "");
  a.signal(SIGHUP);
  ASSERT_NE(a.wait_idle({"reloads=1 "}, 5s), "") << a.last_idle();
  a.signal(SIGTERM);
  EXPECT_EQ(a.wait_exit(5s), 0);
  EXPECT_NE(a.stderr_text().find("exit: SIGTERM"), std::string::npos) << a.stderr_text();

  Present b(*x_, kDeck, {}, name() + "-int", kiosk(name()));
  ASSERT_NE(b.wait_idle({"slide=1 "}, 5s), "");
  b.signal(SIGINT);
  EXPECT_EQ(b.wait_exit(5s), 0);
  EXPECT_NE(b.stderr_text().find("exit: SIGINT"), std::string::npos) << b.stderr_text();
}

TEST_F(KioskE2E, TheScreenSaverStaysOff) {
  // The server's screen saver after 1 s without input: it comes on without
  // the kiosk, not with it.
  struct Restore {
    std::string display;
    ~Restore() { run({"xset", "s", "default"}, {{"DISPLAY", display}}); }
  } restore{x_->display()};
  ASSERT_EQ(run({"xset", "s", "1", "0"}, {{"DISPLAY", x_->display()}}).exit_code, 0);
  std::this_thread::sleep_for(2500ms);
  EXPECT_EQ(x11::screen_saver_state(x_->display()), 1) << "the control: no saver to hold off";
  {
    Present p(*x_, kDeck, {}, name(), kiosk(name()));
    ASSERT_NE(p.wait_idle({"slide=1 "}, 5s), "");
    p.xdotool({"mousemove", "5", "5"});  // input: the saver goes off
    std::this_thread::sleep_for(2500ms);
    EXPECT_EQ(x11::screen_saver_state(x_->display()), 0) << "the kiosk let the saver come on";
    p.signal(SIGTERM);
    EXPECT_EQ(p.wait_exit(5s), 0);
  }
}

// Two displays (Xorg's dummy driver: a 1920x1080 display at x 0 and another at
// x 1920): the kiosk is full screen on both, one show.
class KioskTwoDisplaysE2E : public TwoDisplaySuite<KioskTwoDisplaysE2E> {
 protected:
  ::testing::AssertionResult both_show(Present& p, const render::RgbaImage& expected,
                                       const std::string& what) {
    if (expected.width == 0) return ::testing::AssertionFailure() << "no reference for " << what;
    render::RgbaImage left, right;
    for (int attempt = 0; attempt < 10; ++attempt) {
      const render::RgbaImage shot = p.screenshot();
      left = crop(shot, 0, 0, 1920, 1080);
      right = crop(shot, 1920, 0, 1920, 1080);
      if (KioskE2E::same(left, expected) && KioskE2E::same(right, expected)) {
        return ::testing::AssertionSuccess();
      }
      std::this_thread::sleep_for(200ms);
    }
    const auto l = test::compare_images(left, expected, kSame, name() + "-" + what + "-left");
    if (!l) return l;
    return test::compare_images(right, expected, kSame, name() + "-" + what + "-right");
  }
};

TEST_F(KioskTwoDisplaysE2E, EveryDisplayShowsTheDeckAndATapOnEitherIsOneShow) {
  // The test deck with slide 1 standing a minute (screenshots of both
  // displays take longer than its 2 s).
  std::string text = read_file(kDeck);
  text.replace(text.find("<!-- advance: 2s -->"), 20, "<!-- advance: 1m -->");
  const std::string deck = temp_dir(name() + "-deck") + "/kiosk.md";
  std::ofstream(deck) << text;
  const Point gov = element(deck, 1, "gov");
  ASSERT_GT(gov.x, 0);
  Present p(*x_, deck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 ", "windows=2 "}, 8s), "") << p.stderr_text();
  EXPECT_TRUE(both_show(p, export_slide(deck, 1, name() + "-ref1"), "slide1"));
  // A tap on the second display's diagram: both displays show it selected.
  p.click(1920 + gov.x, gov.y, 1);
  p.move(1920 + 8, 8);
  ASSERT_NE(p.wait_idle({"selected=gov ", "phase=visitor"}), "") << p.last_idle();
  EXPECT_TRUE(both_show(p, export_slide(deck, 1, name() + "-gov", "gov"), "gov"));
  p.signal(SIGTERM);
  EXPECT_EQ(p.wait_exit(5s), 0);
}

TEST_F(KioskTwoDisplaysE2E, DisplayKShowsItOnOneDisplayOnly) {
  Present p(*x_, kDeck, {"--display", "1"}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 ", "windows=1 "}, 8s), "") << p.stderr_text();
  const render::RgbaImage expected = export_slide(kDeck, 1, name() + "-ref1");
  render::RgbaImage right;
  for (int attempt = 0; attempt < 10; ++attempt) {
    right = crop(p.screenshot(), 1920, 0, 1920, 1080);
    if (KioskE2E::same(right, expected)) break;
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_TRUE(test::compare_images(right, expected, kSame, name() + "-right"));
}

}  // namespace
}  // namespace madang::e2e
