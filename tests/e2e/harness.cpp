#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "temp_dir.h"

namespace madang::e2e {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Waits for `pid` up to `timeout`; its exit code, -1 when killed or still running.
int wait_for(pid_t pid, std::chrono::milliseconds timeout, bool* exited) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      *exited = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (r < 0) {
      *exited = true;
      return -1;
    }
    if (std::chrono::steady_clock::now() > end) {
      *exited = false;
      return -1;
    }
    std::this_thread::sleep_for(10ms);
  }
}

void stop(pid_t pid) {
  bool exited = false;
  kill(pid, SIGTERM);
  wait_for(pid, 3s, &exited);
  if (!exited) {
    kill(pid, SIGKILL);
    wait_for(pid, 3s, &exited);
  }
}

render::RgbaImage load_png(const std::string& path) {
  render::ImageCache cache;
  std::string error;
  const render::RgbaImage* image = cache.get(path, &error);
  return image ? *image : render::RgbaImage{};
}

}  // namespace

pid_t spawn(const std::vector<std::string>& argv, const Env& env, const std::string& out_path,
            const std::string& err_path) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  for (const auto& [name, value] : env) {
    if (value) {
      setenv(name.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
  auto redirect = [](const std::string& path, int fd) {
    const int f =
        open(path.empty() ? "/dev/null" : path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (f >= 0) dup2(f, fd);
  };
  redirect(out_path, 1);
  redirect(err_path, 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_dir(const std::string& name) {
  return test::fresh_dir(fs::path(MADANG_E2E_OUTPUT) / name);
}

RunResult run(const std::vector<std::string>& argv, const Env& env,
              std::chrono::milliseconds timeout) {
  const test::TempDir base("run", MADANG_E2E_OUTPUT);
  RunResult r;
  const pid_t pid = spawn(argv, env, base.file("out"), base.file("err"));
  bool exited = false;
  r.exit_code = wait_for(pid, timeout, &exited);
  if (!exited) stop(pid);
  r.out = read_file(base.file("out"));
  r.err = read_file(base.file("err"));
  return r;
}

// ---------------------------------------------------------------------- Xvfb

std::unique_ptr<Xvfb> Xvfb::start(int width, int height, std::string* error) {
  // Several test processes may start servers at once: try display numbers
  // until one is free, and let Xvfb's own lock file arbitrate.
  const int first = 100 + static_cast<int>(getpid() % 400);
  for (int i = 0; i < 50; ++i) {
    const int n = first + i;
    const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
    const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
    if (fs::exists(lock) || fs::exists(socket)) continue;
    auto x = std::unique_ptr<Xvfb>(new Xvfb());
    x->display_ = ":" + std::to_string(n);
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    x->pid_ =
        spawn({"Xvfb", x->display_, "-screen", "0", screen, "-nolisten", "tcp", "-noreset"}, {});
    for (int t = 0; t < 500; ++t) {  // up to 5 s
      if (fs::exists(socket)) {
        // The socket exists a moment before the server accepts: ask it.
        const RunResult probe =
            run({"xdotool", "getdisplaygeometry"}, {{"DISPLAY", x->display_}}, 5s);
        if (probe.exit_code == 0) return x;
      }
      int status = 0;
      if (waitpid(x->pid_, &status, WNOHANG) == x->pid_) {  // lost the race for n
        x->pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(10ms);
    }
  }
  if (error) *error = "could not start Xvfb (is the xvfb package installed?)";
  return nullptr;
}

Xvfb::~Xvfb() {
  if (pid_ > 0) stop(pid_);
}

// ----------------------------------------------------------------- XorgDummy

std::unique_ptr<XorgDummy> XorgDummy::start(bool projector, std::string* error) {
  const int first = 600 + static_cast<int>(getpid() % 300);
  for (int i = 0; i < 50; ++i) {
    const int n = first + i;
    const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
    const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
    if (fs::exists(lock) || fs::exists(socket)) continue;
    auto x = std::unique_ptr<XorgDummy>(new XorgDummy());
    x->display_ = ":" + std::to_string(n);
    x->dir_ = temp_dir("xorg-" + std::to_string(n));
    const std::string conf = x->dir_ + "/xorg.conf";
    std::string text = read_file(std::string(MADANG_E2E_DATA) + "/xorg-dummy.conf.in");
    text.replace(text.find("@ENABLE@"), 8, projector ? "Option \"Enable\" \"true\"" : "");
    std::ofstream(conf) << text;
    x->pid_ =
        spawn({"/usr/lib/xorg/Xorg", x->display_, "-config", conf, "-logfile",
               x->dir_ + "/Xorg.log", "-noreset", "-nolisten", "tcp", "-dpi", "96", "-nocursor"},
              {}, x->dir_ + "/out", x->dir_ + "/err");
    for (int t = 0; t < 1000; ++t) {  // up to 10 s
      if (fs::exists(socket)) {
        const RunResult probe = run({"xrandr", "--query"}, {{"DISPLAY", x->display_}}, 5s);
        if (probe.exit_code == 0 && probe.out.find("DUMMY0 connected") != std::string::npos &&
            (probe.out.find("DUMMY1 connected") != std::string::npos) == projector) {
          return x;
        }
      }
      int status = 0;
      if (waitpid(x->pid_, &status, WNOHANG) == x->pid_) {  // lost the race, or cannot run
        x->pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(10ms);
    }
    if (error) *error = "Xorg " + x->display_ + " did not start: " + read_file(x->dir_ + "/err");
    if (getuid() != 0) break;
  }
  if (error && error->empty()) {
    *error = "could not start Xorg with the dummy driver (root and xserver-xorg-video-dummy)";
  }
  return nullptr;
}

XorgDummy::~XorgDummy() {
  if (pid_ > 0) stop(pid_);
}

bool XorgDummy::plug_projector() {
  const Env env = {{"DISPLAY", display_}};
  run({"xrandr", "--addmode", "DUMMY1", "1920x1080"}, env, 10s);
  if (run({"xrandr", "--output", "DUMMY1", "--mode", "1920x1080", "--pos", "1920x0"}, env, 10s)
          .exit_code != 0) {
    return false;
  }
  // The output reads as connected once the server probes it again; clients
  // (SDL) hear of it then.
  return run({"xrandr", "--query"}, env, 10s).out.find("DUMMY1 connected") != std::string::npos;
}

// ------------------------------------------------------------------- Present

Present::Present(const XServer& x, const std::string& deck, const std::vector<std::string>& args,
                 const std::string& name, const ModeRun& mode)
    : x_(x), quit_key_(mode.quit_key) {
  const std::string dir = temp_dir(name);
  out_ = dir + "/stdout.txt";
  err_ = dir + "/stderr.txt";
  shot_ = dir + "/shot";
  std::vector<std::string> argv = {MADANG_BINARY, mode.command, deck};
  argv.insert(argv.end(), args.begin(), args.end());
  Env env = {{"DISPLAY", x.display()},          {"SDL_VIDEODRIVER", "x11"},
             {"WAYLAND_DISPLAY", std::nullopt}, {"SDL_AUDIODRIVER", "dummy"},
             {"MADANG_PRESENT_TRACE", "1"},     {"MADANG_KIOSK_TRACE", "1"}};
  for (const auto& [k, v] : mode.env) env[k] = v;
  pid_ = spawn(argv, env, out_, err_);
}

Present::~Present() {
  if (exited_) return;
  if (!quit_key_.empty()) {
    key(quit_key_);
    if (wait_exit(3s) >= 0 || exited_) return;
  }
  stop(pid_);
}

std::string Present::wait_idle(const std::vector<std::string>& needles,
                               std::chrono::milliseconds timeout) {
  return wait_line("idle ", needles, timeout);
}

std::string Present::wait_line(const std::string& prefix, const std::vector<std::string>& needles,
                               std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    std::istringstream lines(read_file(out_));
    std::string line;
    std::size_t index = 0;
    std::size_t& seen = seen_[prefix];
    while (std::getline(lines, line)) {
      if (line.rfind(prefix, 0) != 0) continue;
      if (index++ < seen) continue;
      seen = index;
      if (prefix == "idle ") last_ = line;
      bool all = true;
      for (const std::string& n : needles) all = all && line.find(n) != std::string::npos;
      if (all) return line;
    }
    std::this_thread::sleep_for(20ms);
  }
  return "";
}

void Present::xdotool(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  run(argv, {{"DISPLAY", x_.display()}}, 10s);
}

void Present::signal(int signal) {
  if (!exited_) kill(pid_, signal);
}

bool Present::running() {
  if (exited_) return false;
  wait_exit(0ms);
  return !exited_;
}

void Present::key(const std::string& keys) {
  run({"xdotool", "key", "--delay", "30", keys}, {{"DISPLAY", x_.display()}}, 5s);
}

void Present::click(int x, int y, int button) {
  run({"xdotool", "mousemove", std::to_string(x), std::to_string(y), "click",
       std::to_string(button)},
      {{"DISPLAY", x_.display()}}, 5s);
}

void Present::move(int x, int y) {
  run({"xdotool", "mousemove", std::to_string(x), std::to_string(y)}, {{"DISPLAY", x_.display()}},
      5s);
}

render::RgbaImage Present::screenshot() {
  const std::string path = shot_ + "-" + std::to_string(shots_++) + ".png";
  run({"import", "-display", x_.display(), "-window", "root", "-depth", "8", "png32:" + path}, {},
      20s);
  return load_png(path);
}

long Present::cpu_ticks() const {
  const std::string stat = read_file("/proc/" + std::to_string(pid_) + "/stat");
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  long utime = 0, stime = 0;
  // Fields after "(comm)": state is field 3; utime and stime are 14 and 15.
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stol(f);
    if (i == 15) stime = std::stol(f);
  }
  return utime + stime;
}

int Present::wait_exit(std::chrono::milliseconds timeout) {
  if (exited_) return exit_code_;
  bool exited = false;
  const int code = wait_for(pid_, timeout, &exited);
  if (exited) {
    exited_ = true;
    exit_code_ = code;
  }
  return code;
}

void Present::kill9() {
  if (exited_) return;
  ::kill(pid_, SIGKILL);
  wait_exit(std::chrono::seconds(5));
}

// -------------------------------------------------------------------- images

render::RgbaImage export_slide(const std::string& deck, int slide, const std::string& name,
                               const std::string& select) {
  const std::string dir = temp_dir(name);
  std::vector<std::string> argv = {MADANG_BINARY, "export",   deck,
                                   "--png",       dir,        "--size",
                                   "1920x1080",   "--slides", std::to_string(slide)};
  if (!select.empty()) {
    argv.push_back("--select");
    argv.push_back(select);
  }
  const RunResult r = run(argv, {});
  if (r.exit_code != 0) return {};
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".png") return load_png(entry.path().string());
  }
  return {};
}

render::RgbaImage export_console(const std::string& deck, int slide, const std::string& name,
                                 const std::vector<std::string>& args) {
  const std::string dir = temp_dir(name);
  std::vector<std::string> argv = {
      MADANG_BINARY,         "export",   deck, "--png", dir, "--size", "1920x1080", "--slides",
      std::to_string(slide), "--console"};
  argv.insert(argv.end(), args.begin(), args.end());
  const RunResult r = run(argv, {});
  if (r.exit_code != 0) return {};
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".png") return load_png(entry.path().string());
  }
  return {};
}

render::RgbaImage crop(const render::RgbaImage& image, int x, int y, int w, int h) {
  render::RgbaImage out;
  if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > image.width || y + h > image.height) {
    return out;
  }
  out.width = w;
  out.height = h;
  out.pixels.resize(static_cast<std::size_t>(w) * h * 4);
  for (int row = 0; row < h; ++row) {
    const std::size_t from = (static_cast<std::size_t>(y + row) * image.width + x) * 4;
    std::copy_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(from),
                static_cast<std::size_t>(w) * 4,
                out.pixels.begin() + static_cast<std::ptrdiff_t>(row) * w * 4);
  }
  return out;
}

render::RgbaImage crop_rows(const render::RgbaImage& image, int y0, int y1) {
  render::RgbaImage out;
  if (image.width <= 0 || y0 < 0 || y1 > image.height || y0 >= y1) return out;
  out.width = image.width;
  out.height = y1 - y0;
  const std::size_t row = static_cast<std::size_t>(image.width) * 4;
  out.pixels.assign(image.pixels.begin() + static_cast<std::ptrdiff_t>(row * y0),
                    image.pixels.begin() + static_cast<std::ptrdiff_t>(row * y1));
  return out;
}

}  // namespace madang::e2e
