// `madang present --remote` in a real window (a private Xvfb), driven as a
// phone would drive it over HTTP on 127.0.0.1: the printed address, a tap on
// Next moves the hall (the screen equals `export` of slide 2), a key on the
// laptop reaches the phone's event stream within 200 ms, and the hall keeps
// drawing while 500 idle clients and a token guesser hang on the server
// (frame times and the tap-to-frame latency printed as figures).
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "harness.h"
#include "http_client.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

using namespace std::chrono_literals;
using remote::test::call;

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/present.md";
constexpr ScreenCheck kScreen{kWindowEqualsExport, 300ms};

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Resident memory of a process, in kB (VmRSS).
long rss_kb(pid_t pid) {
  const std::string status = read_file("/proc/" + std::to_string(pid) + "/status");
  const std::size_t at = status.find("VmRSS:");
  return at == std::string::npos ? 0 : std::atol(status.c_str() + at + 6);
}

// "frame-ms=15.2" of an idle line.
double frame_ms(const std::string& idle) {
  const std::size_t at = idle.find("frame-ms=");
  return at == std::string::npos ? -1 : std::atof(idle.c_str() + at + 9);
}

class RemoteE2E : public XvfbSuite<RemoteE2E> {
 protected:
  // Starts present with the remote on loopback; the port and the tokens
  // from the lines it prints.
  void open(Present& p) {
    ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle() << p.stderr_text();
    const std::string line = p.wait_line("remote: ", {});
    const std::string audience = p.wait_line("audience: ", {});
    std::smatch m;
    const std::regex url(R"(remote: http://127\.0\.0\.1:(\d+)/r#([0-9a-f]{48})\s*)");
    ASSERT_TRUE(std::regex_match(line, m, url)) << line;
    port_ = std::stoi(m[1]);
    control_ = m[2];
    const std::regex aurl(R"(audience: http://127\.0\.0\.1:(\d+)/a#([0-9a-f]{48})\s*)");
    ASSERT_TRUE(std::regex_match(audience, m, aurl)) << audience;
    audience_ = m[2];
    EXPECT_NE(control_, audience_);
  }
  int port_ = 0;
  std::string control_, audience_;
};

TEST_F(RemoteE2E, ATapOnNextMovesTheHallAndAKeyReachesThePhone) {
  Present p(*x_, kDeck, {"--fullscreen", "--remote", "--remote-bind", "127.0.0.1"}, name());
  open(p);
  if (HasFatalFailure()) return;
  remote::test::EventStream phone(port_, control_, "phone");
  ASSERT_EQ(phone.status(), 200);
  ASSERT_NE(phone.next(), "");

  // The tap: the hall moves to slide 2 and shows what `export` draws.
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(call(port_, "POST", "/api/next", control_, R"({"client":"phone","seq":1})").status,
            200);
  const std::string idle = p.wait_idle({"slide=2 "});
  const double tap_ms = ms_since(t0);
  ASSERT_NE(idle, "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 2, name() + "-ref2"), "slide2", kScreen));
  // The same tap again (a retry): nothing moves.
  EXPECT_EQ(call(port_, "POST", "/api/next", control_, R"({"client":"phone","seq":1})").status,
            200);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(p.wait_idle({"slide=3 "}, 300ms), "");

  // The touch pad: the hall shows the pointer, and hides it when let go.
  EXPECT_EQ(call(port_, "POST", "/api/pointer", control_, R"({"x":0.5,"y":0.5})").status, 200);
  EXPECT_NE(p.wait_idle({"slide=2 ", "pointer=1 "}), "") << p.last_idle();
  EXPECT_EQ(call(port_, "POST", "/api/pointer", control_, R"({"visible":false})").status, 200);
  EXPECT_NE(p.wait_idle({"slide=2 ", "pointer=0 "}), "") << p.last_idle();
  // Black, and back.
  EXPECT_EQ(call(port_, "POST", "/api/black", control_, R"({"client":"phone","seq":2})").status,
            200);
  EXPECT_NE(p.wait_idle({"slide=2 ", "blank=black "}), "") << p.last_idle();
  EXPECT_EQ(call(port_, "POST", "/api/black", control_, R"({"client":"phone","seq":3})").status,
            200);
  EXPECT_NE(p.wait_idle({"slide=2 ", "blank=none "}), "") << p.last_idle();

  // A key on the laptop: the phone hears of it.
  std::string event;
  while (!(event = phone.next(50ms)).empty()) {
  }
  t0 = std::chrono::steady_clock::now();
  p.key("Right");
  double key_ms = -1;
  for (;;) {
    event = phone.next(1s);
    if (event.empty()) break;
    const nlohmann::json s = nlohmann::json::parse(event, nullptr, false);
    if (s.is_object() && s["slide"] == 3) {
      key_ms = ms_since(t0);
      break;
    }
  }
  ASSERT_GE(key_ms, 0) << "the phone never heard of slide 3";
  EXPECT_LT(key_ms, 200);
  std::printf("[ figures ] tap -> hall settled on slide 2: %.0f ms; laptop key -> phone: %.0f ms\n",
              tap_ms, key_ms);
}

TEST_F(RemoteE2E, TheHallKeepsDrawingWithFiveHundredIdleClients) {
  Present p(*x_, kDeck, {"--fullscreen", "--remote", "--remote-bind", "127.0.0.1"}, name());
  open(p);
  if (HasFatalFailure()) return;
  // A round of keys: the hall's frame times and the time each key takes
  // to settle.
  auto round = [&](std::vector<double>* frames, std::vector<double>* settle) {
    for (int i = 0; i < 6; ++i) {
      const bool forward = i % 2 == 0;
      const auto t0 = std::chrono::steady_clock::now();
      p.key(forward ? "Right" : "Left");
      const std::string idle = p.wait_idle({forward ? "slide=2 " : "slide=1 "});
      ASSERT_NE(idle, "") << p.last_idle();
      settle->push_back(ms_since(t0));
      frames->push_back(frame_ms(idle));
    }
  };
  std::vector<double> quiet_frames, quiet_settle, loaded_frames, loaded_settle;
  round(&quiet_frames, &quiet_settle);
  const long rss_quiet = rss_kb(p.pid());

  std::vector<int> idle;
  for (int i = 0; i < 500; ++i) {
    const int fd = remote::test::connect_loopback(port_, 2s);
    if (fd >= 0) idle.push_back(fd);
  }
  std::atomic<bool> stop{false};
  std::thread guesser([&] {
    for (int i = 0; i < 2000 && !stop; ++i) {
      call(port_, "GET", "/api/state", std::string(48, 'a'), "", "127.0.0.3");
    }
  });
  round(&loaded_frames, &loaded_settle);
  const long rss_loaded = rss_kb(p.pid());
  // A phone from elsewhere is still served, and its tap still moves the hall.
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(
      call(port_, "POST", "/api/goto", control_, R"({"client":"p","seq":1,"slide":4})", "127.0.0.2")
          .status,
      200);
  EXPECT_NE(p.wait_idle({"slide=4 "}), "") << p.last_idle();
  const double tap_ms = ms_since(t0);
  stop = true;
  guesser.join();
  for (int fd : idle) ::close(fd);

  auto worst = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
  std::printf(
      "[ figures ] hall frame ms quiet worst %.1f, with 500 idle + guesser worst %.1f; key settle "
      "ms quiet worst %.0f, loaded worst %.0f; phone tap under load %.0f ms; rss %ld kB quiet, "
      "%ld kB loaded\n",
      worst(quiet_frames), worst(loaded_frames), worst(quiet_settle), worst(loaded_settle), tap_ms,
      rss_quiet, rss_loaded);
  EXPECT_LT(rss_loaded - rss_quiet, 64 * 1024) << "memory grew with idle clients";
  EXPECT_LT(worst(loaded_frames), 50) << "a frame took long under load";
  p.key("q");
  EXPECT_EQ(p.wait_exit(5s), 0);
}

TEST_F(RemoteE2E, AKioskServesTheAudiencePageOnly) {
  Present p(*x_, kDeck, {"--windowed", "--remote", "--remote-bind", "127.0.0.1"}, name(),
            {.command = "kiosk", .quit_key = ""});
  const std::string line = p.wait_line("audience: ", {});
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      line, m, std::regex(R"(audience: http://127\.0\.0\.1:(\d+)/a#([0-9a-f]{48})\s*)")))
      << line << p.stderr_text();
  const int port = std::stoi(m[1]);
  const std::string token = m[2];
  EXPECT_EQ(p.wait_line("remote: ", {}, 500ms), "") << "no control address";
  EXPECT_EQ(call(port, "GET", "/r").status, 404);
  EXPECT_EQ(call(port, "GET", "/a").status, 200);
  EXPECT_EQ(call(port, "GET", "/api/state", token).status, 200);
  EXPECT_EQ(call(port, "POST", "/api/next", token, R"({"seq":1})").status, 403);
}

TEST_F(RemoteE2E, AKioskWithAStaffPinServesItsStaffTheControlPageToo) {
  const std::string dir = temp_dir(name() + "-pin");
  const std::string pin = dir + "/pin.hash";
  ASSERT_EQ(std::system(("echo 2468 | '" + std::string(MADANG_BINARY) + "' kiosk --hash-pin > '" +
                         pin + "'")
                            .c_str()),
            0);
  Present p(*x_, kDeck, {"--windowed", "--remote", "--remote-bind", "127.0.0.1", "--pin-file", pin},
            name(), {.command = "kiosk", .quit_key = ""});
  const std::string line = p.wait_line("remote: ", {});
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      line, m, std::regex(R"(remote: http://127\.0\.0\.1:(\d+)/r#([0-9a-f]{48})\s*)")))
      << line << p.stderr_text();
  const int port = std::stoi(m[1]);
  const std::string token = m[2];
  EXPECT_EQ(call(port, "GET", "/r").status, 200);
  EXPECT_EQ(call(port, "POST", "/api/next", token, R"({"client":"s","seq":1})").status, 200);
  EXPECT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_EQ(call(port, "POST", "/api/prev", token, R"({"client":"s","seq":2})").status, 200);
  EXPECT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle();
}

TEST_F(RemoteE2E, TapToHallFrameLatency) {
  // A deck without transitions: the hall's frame is the whole answer to a tap.
  const std::string deck = temp_dir(name() + "-deck") + "/cut.md";
  {
    std::ofstream out(deck);
    out << "---\ntransition: none\n---\n\n# 하나\n\n---\n\n# 둘\n";
  }
  Present p(*x_, deck, {"--fullscreen", "--remote", "--remote-bind", "127.0.0.1"}, name());
  open(p);
  if (HasFatalFailure()) return;
  std::vector<double> ms;
  for (int i = 1; i <= 8; ++i) {
    const bool forward = i % 2 == 1;
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(call(port_, "POST", forward ? "/api/next" : "/api/prev", control_,
                   R"({"client":"l","seq":)" + std::to_string(i) + "}")
                  .status,
              200);
    ASSERT_NE(p.wait_idle({forward ? "slide=2 " : "slide=1 "}), "") << p.last_idle();
    ms.push_back(ms_since(t0));
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "[ figures ] tap -> hall frame drawn (no transition): median %.0f ms, worst %.0f ms\n",
      ms[ms.size() / 2], ms.back());
  EXPECT_LT(ms[ms.size() / 2], 150);
}

// zbarimg's reading of a screenshot: the codes it found, one a line.
std::string decode_qr(const render::RgbaImage& shot, const std::string& name) {
  // A folder of its own: temp_dir empties it, and the program's log is in `name`.
  const std::string path = temp_dir(name + "-qr") + "/shot.png";
  std::string error;
  if (!render::write_png(shot, path, &error)) return "";
  return run({"zbarimg", "-q", "--raw", path}, {}, 20s).out;
}

TEST_F(RemoteE2E, TheConsoleShowsTheAddressesAsQrCodesAndRHidesThem) {
  Present p(*x_, kDeck, {"--console", "--remote", "--remote-bind", "127.0.0.1"}, name());
  open(p);
  if (HasFatalFailure()) return;
  ASSERT_NE(p.wait_idle({"console=1"}), "") << p.last_idle();
  const std::string base = "http://127.0.0.1:" + std::to_string(port_);
  std::string codes;
  for (int attempt = 0; attempt < 10; ++attempt) {
    codes = decode_qr(p.screenshot(), name());
    if (codes.find(base + "/r#" + control_) != std::string::npos) break;
    std::this_thread::sleep_for(300ms);
  }
  EXPECT_NE(codes.find(base + "/r#" + control_ + "\n"), std::string::npos) << codes;
  EXPECT_NE(codes.find(base + "/a#" + audience_ + "\n"), std::string::npos) << codes;
  p.key("r");
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(decode_qr(p.screenshot(), name() + "-hidden"), "");
}

// The pages in Debian's Chromium (tests/remote/pages/pages_test.mjs, with
// playwright-core that scripts/setup installs), at a phone's viewport.
const std::string kPages = MADANG_REMOTE_PAGES;

RunResult pages(const std::string& mode, const std::string& url, const XServer& x) {
  return run({"node", kPages + "/pages_test.mjs", mode, url}, {{"DISPLAY", x.display()}}, 60s);
}

// Text without its spaces and line breaks (the slide breaks lines, the page
// does not).
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t') out.push_back(c);
  }
  return out;
}

TEST_F(RemoteE2E, ThePhonesPagesInChromium) {
  ASSERT_TRUE(std::filesystem::exists(kPages + "/node_modules/playwright-core"))
      << "playwright-core is not installed: run scripts/setup";
  Present p(*x_, kDeck, {"--fullscreen", "--remote", "--remote-bind", "127.0.0.1"}, name());
  open(p);
  if (HasFatalFailure()) return;
  const std::string base = "http://127.0.0.1:" + std::to_string(port_);
  // A tap on 다음 moves the hall to slide 2, exactly as `export` draws it.
  RunResult r = pages("tap", base + "/r#" + control_, *x_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 2, name() + "-ref2"), "slide2", kScreen));
  // The audience page: the slide's text as HTML, every line the layout set.
  r = pages("audience", base + "/a#" + audience_, *x_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::size_t text_at = r.out.find("text: ");
  ASSERT_NE(text_at, std::string::npos) << r.out;
  const std::string page_text =
      squeeze(r.out.substr(text_at + 6, r.out.find('\n', text_at) - text_at - 6));
  const RunResult laid = run({MADANG_BINARY, "layout", kDeck, "--slide", "2", "--json"}, {});
  ASSERT_EQ(laid.exit_code, 0) << laid.err;
  const nlohmann::json j = nlohmann::json::parse(laid.out);
  int lines = 0;
  for (const auto& item : j["slides"][0]["items"]) {
    if (item.value("kind", "") != "text") continue;
    for (const auto& line : item["lines"]) {
      const std::string text = line.value("text", "");
      if (std::regex_match(text, std::regex(R"(\d+ / \d+)"))) continue;  // the page number
      ++lines;
      EXPECT_NE(page_text.find(squeeze(text)), std::string::npos)
          << text << " not in " << page_text;
    }
  }
  EXPECT_GE(lines, 2);
  EXPECT_EQ(r.out.find("notes"), std::string::npos);
  // A key on the laptop shows on the phone within 200 ms.
  r = pages("key", base + "/r#" + control_, *x_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::size_t at = r.out.find("key-to-phone-ms ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const int key_ms = std::atoi(r.out.c_str() + at + 16);
  std::printf("[ figures ] laptop key -> phone page (Chromium): median %d ms\n", key_ms);
  EXPECT_LT(key_ms, 200);
  // Slide 3, its fragment (step 1), back to step 0: the hall ends there.
  ASSERT_NE(p.wait_idle({"slide=3 ", "step=0 "}), "") << p.last_idle();
}

TEST_F(RemoteE2E, AudienceLinkPutsTheAudienceCodeOnTheTitleSlideOnly) {
  Present p(*x_, kDeck,
            {"--fullscreen", "--remote", "--remote-bind", "127.0.0.1", "--audience-link"}, name());
  open(p);
  if (HasFatalFailure()) return;
  const std::string base = "http://127.0.0.1:" + std::to_string(port_);
  std::string codes;
  for (int attempt = 0; attempt < 10 && codes.empty(); ++attempt) {
    codes = decode_qr(p.screenshot(), name());
    if (codes.empty()) std::this_thread::sleep_for(300ms);
  }
  EXPECT_EQ(codes, base + "/a#" + audience_ + "\n") << "the hall shows the audience's code only";
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 2, name() + "-ref2"), "slide2", kScreen));
}

}  // namespace
}  // namespace madang::e2e
