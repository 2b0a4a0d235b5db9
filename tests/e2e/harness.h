// Real-window test harness: a private Xvfb server, `madang present` as a
// child process driven with xdotool, screenshots with ImageMagick `import`,
// and references from `madang export` of the same deck.
//
// Promise: everything it starts it stops (by pid); works as root on a
// headless machine with no DISPLAY set.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/image.h"

namespace madang::e2e {

// Runs argv with extra (or, with a value of nullopt, removed) environment
// variables; stdout and stderr go to files when named. Returns the pid.
using Env = std::map<std::string, std::optional<std::string>>;
pid_t spawn(const std::vector<std::string>& argv, const Env& env, const std::string& out_path = "",
            const std::string& err_path = "");

struct RunResult {
  int exit_code = -1;  // -1: killed or failed to start
  std::string out, err;
};
// Runs to completion (killed after `timeout`).
RunResult run(const std::vector<std::string>& argv, const Env& env,
              std::chrono::milliseconds timeout = std::chrono::seconds(60));

std::string read_file(const std::string& path);
// A fresh empty folder under the build's test-output folder.
std::string temp_dir(const std::string& name);

// An X server of the tests' own, on a free display number.
class XServer {
 public:
  virtual ~XServer() = default;
  const std::string& display() const { return display_; }

 protected:
  pid_t pid_ = -1;
  std::string display_;
};

class Xvfb final : public XServer {
 public:
  // A 1920x1080x24 screen on a free display number; nullptr + error if none.
  static std::unique_ptr<Xvfb> start(int width, int height, std::string* error);
  ~Xvfb() override;
};

// Two displays as SDL sees them (RandR outputs; Xvfb gives SDL only one):
// Xorg with the dummy video driver, DUMMY0 1920x1080 at (0, 0), the primary
// (the speaker's laptop), and DUMMY1 1920x1080 at (1920, 0) (the projector).
// Needs root (Xorg) and xserver-xorg-video-dummy; see
// ../shared/notes/two-displays.md for what was measured.
//
// The dummy driver cannot disconnect an output once connected (its outputs
// only ever become connected, at their first mode set), so a projector can
// be plugged in during a test but not pulled out: start without it
// (`projector` false) and plug_projector() later.
class XorgDummy final : public XServer {
 public:
  static std::unique_ptr<XorgDummy> start(bool projector, std::string* error);
  ~XorgDummy() override;
  // Connects DUMMY1 at 1920x1080, right of the laptop, as a projector plugged in.
  bool plug_projector();

 private:
  std::string dir_;  // config and log
};

// Which mode runs, and with what more in its environment.
struct ModeRun {
  std::string command = "present";  // or "kiosk"
  Env env;                          // added to the test environment
  std::string quit_key = "q";       // pressed to end it; "": SIGTERM
};

// `madang present` (or another window mode) under test.
class Present {
 public:
  Present(const XServer& x, const std::string& deck, const std::vector<std::string>& args,
          const std::string& name, const ModeRun& mode = {});
  ~Present();  // quits it (kills it if it does not quit)

  pid_t pid() const { return pid_; }
  // Waits for a new "idle ..." trace line (after the last one seen) containing
  // every `needle`; returns it, or "" on timeout.
  std::string wait_idle(const std::vector<std::string>& needles,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Waits for a new stdout line starting with `prefix` ("keypad ") holding
  // every needle; "" on timeout.
  std::string wait_line(const std::string& prefix, const std::vector<std::string>& needles,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The last idle line seen.
  const std::string& last_idle() const { return last_; }
  // Runs xdotool with `args` on this server ("keydown", "ctrl+alt+shift+q").
  void xdotool(const std::vector<std::string>& args);
  // Sends `signal` to the process.
  void signal(int signal);
  // Whether the process still runs.
  bool running();
  // Presses keys (xdotool names: "Right", "3", "Return", "question").
  void key(const std::string& keys);
  // Moves the pointer to (x, y) and clicks `button` (1 left, 4/5 wheel up/down).
  void click(int x, int y, int button);
  // Moves the pointer to (x, y) without clicking.
  void move(int x, int y);
  render::RgbaImage screenshot();
  // utime + stime of the process, in clock ticks.
  long cpu_ticks() const;
  // Waits for the process to exit; its exit code, or -1.
  int wait_exit(std::chrono::milliseconds timeout);
  // SIGKILL, as a crash or a power cut would end it; waits for it to go.
  void kill9();
  std::string stderr_text() const { return read_file(err_); }

 private:
  const XServer& x_;
  pid_t pid_ = -1;
  std::string out_, err_, shot_;
  std::map<std::string, std::size_t> seen_;  // lines consumed, by prefix
  std::string quit_key_;
  std::string last_;
  int shots_ = 0;
  bool exited_ = false;
  int exit_code_ = -1;
};

// `madang export DECK --slides N` at 1920x1080 (with `--select IDS` when given).
render::RgbaImage export_slide(const std::string& deck, int slide, const std::string& name,
                               const std::string& select = "");

// The same image cut to rows [y0, y1).
render::RgbaImage crop_rows(const render::RgbaImage& image, int y0, int y1);

// The part of `image` at (x, y), w x h (empty when it does not fit).
render::RgbaImage crop(const render::RgbaImage& image, int x, int y, int w, int h);

// `madang export DECK --console --slides N` at 1920x1080, with `args` added.
render::RgbaImage export_console(const std::string& deck, int slide, const std::string& name,
                                 const std::vector<std::string>& args = {});

}  // namespace madang::e2e
