// Video and sound on slides, end to end (issue 22): `madang present` on a
// private X server, clips made here by Debian's ffmpeg (tests/support/
// clip_fixture.h: testsrc2, whose frame number and time are drawn in, so
// that neighbouring frames differ; a sine tone of a known frequency).
//
//  - the picture: the hall's rect of the clip, read straight from the X
//    server (XGetImage of that rect: a millisecond, so the moment of a capture
//    is known), against the frames ffmpeg itself decodes (the best of t-2f ..
//    t+2f matches, the frame a second away does not); pause, J/L, a clip on
//    step 2, a loop of one second sampled across its seams (never a black or
//    blank picture, every one a frame of the clip), a damaged file;
//  - the sound: SDL's disk driver (SDL_AUDIODRIVER=disk) writes what the hall
//    would hear, raw, in the format the device was opened with (float32
//    stereo at 48 kHz: modes/clip_session.cpp audio_device); the tone's
//    frequency (Goertzel) and level are found in it, a `muted` clip and the
//    console (two displays) add nothing;
//  - the console (two displays, Xorg's dummy driver): its clip bar at the
//    foot of its picture of the current slide, and a click and a drag on its
//    track seek the hall's clip.
//
// How close "matches" is: SDL's software renderer turns the clip's YUV into
// RGB itself (nearest chroma), ffmpeg's PNG through swscale (interpolated
// chroma): the two differ by a few levels at colour edges. Measured on this
// machine (every other pixel of every other row compared, mean level
// difference per channel): the same frame 0.7 to 0.85, the next or the one
// before 4.6 to 7.2, two away 7.8 to 16, a second away 12 to 32.
// kSameFrame and kOtherFrame sit between: a match is to the frame. (The
// poster carries a play mark in its middle: a picture is taken for playing
// only when that square matches too.)
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "clip_fixture.h"
#include "harness.h"
#include "image_compare.h"
#include "render/image.h"
#include "xvfb_suite.h"

// Xlib last: its macros (None, Bool, Status, ...) clash with gtest's names.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#undef None
#undef Bool
#undef Status
#undef True
#undef False
#undef Success
#undef Always

namespace madang::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

constexpr int kFps = 30;
constexpr double kFrameS = 1.0 / kFps;
// Mean level difference per channel (xvfb_suite.h's screenshots aside: see
// the top of this file for what was measured).
constexpr double kSameFrame = 1.2;   // this frame (or one within the tolerance asked)
constexpr double kOtherFrame = 8.0;  // clearly another frame (a second away)
constexpr int kMargin = 2;           // grabs take this much more on each side

struct Box {
  int x = 0, y = 0, w = 0, h = 0;
};

double seconds_since(SteadyClock::time_point t0) {
  return std::chrono::duration<double>(SteadyClock::now() - t0).count();
}

//-----------------------------------------------------------------------------
// [SECTION] The screen: rects straight from the X server
//-----------------------------------------------------------------------------

// One connection to the test's X server; grab() reads a rect of the root
// window (a millisecond or two for a clip's rect: no `import`, no PNG).
class Grabber {
 public:
  explicit Grabber(const std::string& display) : dpy_(XOpenDisplay(display.c_str())) {}
  ~Grabber() {
    if (dpy_) XCloseDisplay(dpy_);
  }
  Grabber(const Grabber&) = delete;
  Grabber& operator=(const Grabber&) = delete;
  bool ok() const { return dpy_ != nullptr; }

  // The rect; *at (when given): the moment it was read (the middle of the call).
  render::RgbaImage grab(const Box& b, SteadyClock::time_point* at = nullptr) {
    render::RgbaImage out;
    if (!dpy_ || b.w <= 0 || b.h <= 0) return out;
    const auto t0 = SteadyClock::now();
    XImage* image = XGetImage(dpy_, DefaultRootWindow(dpy_), b.x, b.y, static_cast<unsigned>(b.w),
                              static_cast<unsigned>(b.h), AllPlanes, ZPixmap);
    const auto t1 = SteadyClock::now();
    if (at) *at = t0 + (t1 - t0) / 2;
    if (!image) return out;
    out.width = b.w;
    out.height = b.h;
    out.pixels.resize(static_cast<std::size_t>(b.w) * b.h * 4);
    const bool direct = image->bits_per_pixel == 32 && image->red_mask == 0xff0000 &&
                        image->green_mask == 0xff00 && image->blue_mask == 0xff &&
                        image->byte_order == LSBFirst;
    for (int y = 0; y < b.h; ++y) {
      const auto* row = reinterpret_cast<const std::uint8_t*>(image->data) +
                        std::size_t(y) * image->bytes_per_line;
      std::uint8_t* o = out.pixels.data() + std::size_t(y) * b.w * 4;
      for (int x = 0; x < b.w; ++x, o += 4) {
        if (direct) {
          o[0] = row[x * 4 + 2];
          o[1] = row[x * 4 + 1];
          o[2] = row[x * 4 + 0];
        } else {
          const unsigned long p = XGetPixel(image, x, y);
          o[0] = static_cast<std::uint8_t>((p & image->red_mask) >> 16);
          o[1] = static_cast<std::uint8_t>((p & image->green_mask) >> 8);
          o[2] = static_cast<std::uint8_t>(p & image->blue_mask);
        }
        o[3] = 255;
      }
    }
    XDestroyImage(image);
    return out;
  }

  // The rect with kMargin more on each side (where a picture drawn at a
  // fractional position lands is then found by Placement).
  render::RgbaImage grab_around(const Box& b, SteadyClock::time_point* at = nullptr) {
    return grab({b.x - kMargin, b.y - kMargin, b.w + 2 * kMargin, b.h + 2 * kMargin}, at);
  }

 private:
  Display* dpy_;
};

//-----------------------------------------------------------------------------
// [SECTION] Comparing pictures
//-----------------------------------------------------------------------------

// Where within a grab_around() the w x h picture is (offset from the margin).
struct Placement {
  int dx = 0, dy = 0;
};

// The mean difference per channel between `ref` (w x h) and the part of
// `grab` at (kMargin + at.dx, kMargin + at.dy), every other pixel of every
// other row, leaving out `skip` (in ref's pixels; the play mark's square)
// when it has a size.
double distance(const render::RgbaImage& grab, const render::RgbaImage& ref, Placement at,
                const Box& skip = {}) {
  if (ref.width <= 0 || grab.width < ref.width + 2 * kMargin ||
      grab.height < ref.height + 2 * kMargin)
    return 1e9;
  long long sum = 0, n = 0;
  for (int y = 0; y < ref.height; y += 2) {
    for (int x = 0; x < ref.width; x += 2) {
      if (skip.w > 0 && x >= skip.x && x < skip.x + skip.w && y >= skip.y && y < skip.y + skip.h)
        continue;
      const std::uint8_t* a =
          &grab.pixels[(std::size_t(y + kMargin + at.dy) * grab.width + x + kMargin + at.dx) * 4];
      const std::uint8_t* b = &ref.pixels[(std::size_t(y) * ref.width + x) * 4];
      sum += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
      n += 3;
    }
  }
  return n ? static_cast<double>(sum) / static_cast<double>(n) : 1e9;
}

// The same, over `part` of ref alone.
double distance_in(const render::RgbaImage& grab, const render::RgbaImage& ref, Placement at,
                   const Box& part) {
  if (ref.width <= 0 || grab.width < ref.width + 2 * kMargin) return 1e9;
  long long sum = 0, n = 0;
  for (int y = std::max(0, part.y); y < std::min(ref.height, part.y + part.h); ++y) {
    for (int x = std::max(0, part.x); x < std::min(ref.width, part.x + part.w); ++x) {
      const std::uint8_t* a =
          &grab.pixels[(std::size_t(y + kMargin + at.dy) * grab.width + x + kMargin + at.dx) * 4];
      const std::uint8_t* b = &ref.pixels[(std::size_t(y) * ref.width + x) * 4];
      sum += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
      n += 3;
    }
  }
  return n ? static_cast<double>(sum) / static_cast<double>(n) : 1e9;
}

// The placement (within the margin) where `ref` fits `grab` best.
Placement place(const render::RgbaImage& grab, const render::RgbaImage& ref,
                double* best = nullptr) {
  Placement out;
  double d_best = 1e18;
  for (int dy = -kMargin; dy <= kMargin; ++dy) {
    for (int dx = -kMargin; dx <= kMargin; ++dx) {
      const double d = distance(grab, ref, {dx, dy});
      if (d < d_best) {
        d_best = d;
        out = {dx, dy};
      }
    }
  }
  if (best) *best = d_best;
  return out;
}

// Two grabs: the mean difference per channel over every pixel.
double grab_difference(const render::RgbaImage& a, const render::RgbaImage& b) {
  if (a.width != b.width || a.height != b.height || a.width == 0) return 1e9;
  long long sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); i += 4)
    sum += std::abs(a.pixels[i] - b.pixels[i]) + std::abs(a.pixels[i + 1] - b.pixels[i + 1]) +
           std::abs(a.pixels[i + 2] - b.pixels[i + 2]);
  return static_cast<double>(sum) / static_cast<double>(a.pixels.size() / 4 * 3);
}

// The share of pixels that are (nearly) black, and the spread of the
// luminance: a black picture is mostly black, a blank one has no spread.
void black_and_spread(const render::RgbaImage& image, double* black, double* spread) {
  long n = 0, dark = 0;
  double s = 0, s2 = 0;
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    const double l =
        0.299 * image.pixels[i] + 0.587 * image.pixels[i + 1] + 0.114 * image.pixels[i + 2];
    dark += l < 20;
    s += l;
    s2 += l * l;
    ++n;
  }
  *black = n ? static_cast<double>(dark) / static_cast<double>(n) : 1;
  const double mean = n ? s / static_cast<double>(n) : 0;
  *spread = n ? std::sqrt(std::max(0.0, s2 / static_cast<double>(n) - mean * mean)) : 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Clips and what ffmpeg decodes of them
//-----------------------------------------------------------------------------

render::RgbaImage load_png(const fs::path& path) {
  std::string error;
  std::unique_ptr<render::RgbaImage> image = render::decode_image(path.string(), &error);
  return image ? std::move(*image) : render::RgbaImage{};
}

// Frames first .. first+count-1 of `clip` (at its own size), as ffmpeg
// decodes them: frame k is the one shown from k/fps on. Empty images for
// frames past the end.
class Frames {
 public:
  Frames(const fs::path& clip, int first, int count, const fs::path& dir) {
    if (first < 0) {
      count += first;
      first = 0;
    }
    first_ = first;
    const fs::path out = dir / ("frames-" + std::to_string(first));
    fs::create_directories(out);
    // Input seeking is exact (ffmpeg decodes from the key frame before and
    // drops what comes before the time): just before frame `first` starts.
    const double at = std::max(0.0, first * kFrameS - 0.001);
    char ss[32];
    std::snprintf(ss, sizeof ss, "%.4f", at);
    const std::string cmd = "ffmpeg -nostdin -loglevel error -y -ss " + std::string(ss) + " -i '" +
                            clip.string() + "' -frames:v " + std::to_string(count) + " '" +
                            (out / "f%04d.png").string() + "'";
    if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "ffmpeg could not extract: " << cmd;
    for (int i = 0; i < count; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "f%04d.png", i + 1);
      images_.push_back(fs::exists(out / name) ? load_png(out / name) : render::RgbaImage{});
    }
  }
  int first() const { return first_; }
  int count() const { return static_cast<int>(images_.size()); }
  const render::RgbaImage& at(int k) const {
    static const render::RgbaImage none;
    const int i = k - first_;
    return i >= 0 && i < count() ? images_[static_cast<std::size_t>(i)] : none;
  }

  // The frame that `grab` (a grab_around) is most like, and how close.
  struct Match {
    int frame = -1;
    double d = 1e9;
  };
  Match best(const render::RgbaImage& grab, Placement at, const Box& skip = {}) const {
    Match m;
    for (int k = first_; k < first_ + count(); ++k) {
      if (at_k_empty(k)) continue;
      const double d = distance(grab, this->at(k), at, skip);
      if (d < m.d) m = {k, d};
    }
    return m;
  }

 private:
  bool at_k_empty(int k) const { return at(k).width == 0; }
  int first_ = 0;
  std::vector<render::RgbaImage> images_;
};

// The clip's rect on slide `slide` (1-based) of `deck` at 1920x1080, from
// `madang layout --json`: the first video or audio item; x and y floored (the
// software renderer truncates), w and h rounded.
std::optional<Box> clip_box(const std::string& deck, int slide) {
  const RunResult r =
      run({MADANG_BINARY, "layout", deck, "--slide", std::to_string(slide), "--json"}, {});
  const std::size_t brace = r.out.find('{');
  if (r.exit_code != 0 || brace == std::string::npos) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(r.out.substr(brace), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  for (const auto& item : j["slides"][0]["items"]) {
    const std::string kind = item.value("kind", "");
    if (kind != "video" && kind != "audio") continue;
    const auto& rect = item["rect"];
    return Box{static_cast<int>(std::floor(rect[0].get<double>())),
               static_cast<int>(std::floor(rect[1].get<double>())),
               static_cast<int>(std::lround(rect[2].get<double>())),
               static_cast<int>(std::lround(rect[3].get<double>()))};
  }
  return std::nullopt;
}

// The console's picture of the current slide (`layout --console`), at 1920x1080.
std::optional<Box> console_current(const std::string& deck, int slide) {
  const RunResult r = run({MADANG_BINARY, "layout", deck, "--console", "--slide",
                           std::to_string(slide), "--json", "--clock", "12:00"},
                          {});
  const std::size_t brace = r.out.find('{');
  if (r.exit_code != 0 || brace == std::string::npos) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(r.out.substr(brace), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  const auto& c = j["console"][0]["current"];
  return Box{static_cast<int>(std::lround(c[0].get<double>())),
             static_cast<int>(std::lround(c[1].get<double>())),
             static_cast<int>(std::lround(c[2].get<double>())),
             static_cast<int>(std::lround(c[3].get<double>()))};
}

// The play mark's square in the middle of a w x h clip (render/
// paint_geometry.cpp clip_marks: a disc of radius min(w,h)*0.09 within 14..72).
Box mark_square(int w, int h) {
  const int r = static_cast<int>(std::clamp(std::min(w, h) * 0.09, 14.0, 72.0)) + 3;
  return {w / 2 - r, h / 2 - r, 2 * r, 2 * r};
}

// A folder for the test's deck and clips.
fs::path deck_dir(const std::string& name) {
  return temp_dir(name + "-deck");
}

std::string write_deck(const fs::path& dir, const std::string& text) {
  const fs::path path = dir / "deck.md";
  std::ofstream(path) << text;
  return path.string();
}

// Writes a grab beside the test's deck, for a person to look at.
void keep(const render::RgbaImage& image, const fs::path& dir, const std::string& what) {
  std::string error;
  render::write_png(image, (dir / (what + ".png")).string(), &error);
}

// testsrc2 at 640x360, 30 fps, no sound, a key frame every `gop` frames.
test::ClipSpec picture_clip(double seconds, int gop = 60) {
  test::ClipSpec spec;
  spec.width = 640;
  spec.height = 360;
  spec.fps = kFps;
  spec.seconds = seconds;
  spec.audio = false;
  spec.extra = "-g " + std::to_string(gop) + " -preset veryfast";
  return spec;
}

//-----------------------------------------------------------------------------
// [SECTION] Sound: what SDL's disk driver wrote
//-----------------------------------------------------------------------------

constexpr int kRate = 48000, kChannels = 2;

std::vector<float> read_floats(const fs::path& path) {
  std::vector<float> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return out;
  in.seekg(0, std::ios::end);
  const auto bytes = static_cast<std::size_t>(in.tellg());
  in.seekg(0);
  out.resize(bytes / sizeof(float));
  in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size() * 4));
  return out;
}

struct Sound {
  std::vector<float> left, right;  // one channel each
  double seconds() const { return static_cast<double>(left.size()) / kRate; }
};

Sound deinterleave(const std::vector<float>& samples) {
  Sound s;
  for (std::size_t i = 0; i + 1 < samples.size(); i += kChannels) {
    s.left.push_back(samples[i]);
    s.right.push_back(samples[i + 1]);
  }
  return s;
}

// The part from the first to the last sample above silence, less `trim`
// seconds at each end (a fade of the device's first and last buffers).
Sound heard_part(const Sound& all, double trim) {
  std::size_t first = all.left.size(), last = 0;
  for (std::size_t i = 0; i < all.left.size(); ++i) {
    if (std::abs(all.left[i]) > 1e-4f || std::abs(all.right[i]) > 1e-4f) {
      first = std::min(first, i);
      last = i;
    }
  }
  Sound out;
  const auto cut = static_cast<std::size_t>(trim * kRate);
  if (first >= last || last - first <= 2 * cut) return out;
  out.left.assign(all.left.begin() + static_cast<std::ptrdiff_t>(first + cut),
                  all.left.begin() + static_cast<std::ptrdiff_t>(last - cut));
  out.right.assign(all.right.begin() + static_cast<std::ptrdiff_t>(first + cut),
                   all.right.begin() + static_cast<std::ptrdiff_t>(last - cut));
  return out;
}

double rms(const std::vector<float>& x) {
  double s = 0;
  for (float v : x) s += double(v) * v;
  return x.empty() ? 0 : std::sqrt(s / static_cast<double>(x.size()));
}

// Goertzel: the amplitude of the sinusoid at `hz` in `x` (a sine of
// amplitude A at hz gives about A).
double amplitude_at(const std::vector<float>& x, double hz) {
  if (x.empty()) return 0;
  const double w = 2 * M_PI * hz / kRate, coeff = 2 * std::cos(w);
  double s1 = 0, s2 = 0;
  for (float v : x) {
    const double s0 = v + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return 2 * std::sqrt(std::max(0.0, power)) / static_cast<double>(x.size());
}

// The tone as the file holds it, decoded by ffmpeg to float32 stereo 48 kHz.
Sound reference_sound(const fs::path& clip, const fs::path& dir) {
  const fs::path raw = dir / (clip.stem().string() + "-ref.f32");
  const std::string cmd = "ffmpeg -nostdin -loglevel error -y -i '" + clip.string() +
                          "' -f f32le -acodec pcm_f32le -ar 48000 -ac 2 '" + raw.string() + "'";
  if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "ffmpeg could not decode " << clip;
  return deinterleave(read_floats(raw));
}

// A tone in a WAV file: stereo, 16-bit.
test::ClipSpec tone(int hz, double seconds) {
  test::ClipSpec spec;
  spec.video_codec = "";
  spec.audio_codec = "pcm_s16le";
  spec.tone_hz = hz;
  spec.seconds = seconds;
  spec.extra = "-ac 2";
  return spec;
}

// Polls the clip's rect (every few ms) until it shows a frame of the clip
// among `frames`, with no play mark: the moment playing was first seen.
// *t0: when frame 0 would have been up (the grab's time less the frame's);
// *at: the placement found. False after `timeout`.
bool first_played_frame(Grabber& g, const Box& box, const Frames& frames,
                        SteadyClock::time_point* t0, Placement* at, int* seen,
                        std::chrono::milliseconds timeout = 10s) {
  const auto end = SteadyClock::now() + timeout;
  while (SteadyClock::now() < end) {
    SteadyClock::time_point when;
    const render::RgbaImage shot = g.grab_around(box, &when);
    // The nearest frame where the picture would be if drawn at whole
    // pixels, then where it is exactly (within the margin).
    const Frames::Match m = frames.best(shot, {});
    if (m.frame >= 0 && m.d < kOtherFrame) {
      double d = 0;
      const Placement p = place(shot, frames.at(m.frame), &d);
      const render::RgbaImage& ref = frames.at(m.frame);
      // Playing: no play mark over the middle (the poster has one).
      if (d < kSameFrame &&
          distance_in(shot, ref, p, mark_square(ref.width, ref.height)) < 2 * kSameFrame) {
        *at = p;
        *seen = m.frame;
        *t0 = when - std::chrono::duration_cast<SteadyClock::duration>(
                         std::chrono::duration<double>((m.frame + 0.5) * kFrameS));
        return true;
      }
    }
    std::this_thread::sleep_for(3ms);
  }
  return false;
}

//-----------------------------------------------------------------------------
// [SECTION] One screen: the hall
//-----------------------------------------------------------------------------

class ClipE2E : public XvfbSuite<ClipE2E> {};

// (a) At t seconds after its first frame, the hall shows the frame of t.
TEST_F(ClipE2E, AtAnyMomentTheHallShowsTheFrameOfThatMoment) {
  const fs::path dir = deck_dir(name());
  const fs::path clip = dir / "clip.mp4";
  ASSERT_TRUE(test::make_clip(clip, picture_clip(6)));
  const std::string deck = write_deck(dir, "# 영상\n\n![video autoplay w:640](clip.mp4)\n");
  const std::optional<Box> box = clip_box(deck, 1);
  ASSERT_TRUE(box) << "no clip on slide 1 in `madang layout`";
  ASSERT_EQ(box->w, 640);
  ASSERT_EQ(box->h, 360);
  const Frames start(clip, 0, 10, dir);

  Present p(*x_, deck, {"--fullscreen"}, name());
  Grabber g(x_->display());
  ASSERT_TRUE(g.ok());
  SteadyClock::time_point t0;
  Placement at;
  int seen = -1;
  ASSERT_TRUE(first_played_frame(g, *box, start, &t0, &at, &seen))
      << "the clip never showed one of its first ten frames\n"
      << p.stderr_text();
  EXPECT_LE(seen, 3) << "the first frame seen playing was frame " << seen;
  std::printf("first frame seen playing: %d\n", seen);

  for (const double t : {1.5, 3.0, 4.5}) {
    std::this_thread::sleep_until(
        t0 + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(t)));
    SteadyClock::time_point when;
    const render::RgbaImage shot = g.grab_around(*box, &when);
    const double te = std::chrono::duration<double>(when - t0).count();
    const int k = static_cast<int>(std::floor(te * kFps));
    const Frames near(clip, k - 2, 5, dir);
    const Frames::Match m = near.best(shot, at);
    const int away = k >= kFps ? k - kFps : k + kFps;
    const Frames far(clip, away, 1, dir);
    const double d_far = distance(shot, far.at(away), at);
    std::string each;
    for (int j = near.first(); j < near.first() + near.count(); ++j) {
      char one[48];
      std::snprintf(one, sizeof one, " %d:%.2f", j, distance(shot, near.at(j), at));
      each += one;
    }
    std::printf(
        "t=%.3f s: frame %d expected, best %d (d=%.2f;%s), frame %d a second away "
        "d=%.2f\n",
        te, k, m.frame, m.d, each.c_str(), away, d_far);
    EXPECT_LT(m.d, kSameFrame) << "at " << te << " s the hall shows none of frames " << k - 2
                               << ".." << k + 2 << " (best " << m.frame << ")";
    EXPECT_GT(d_far, kOtherFrame) << "at " << te << " s the hall shows the frame a second away";
    EXPECT_GT(d_far, 4 * m.d);
  }
}

// (b) The hall's sound: a `muted` video adds nothing; an audio clip at
// `volume:50%` is its tone at half its level.
TEST_F(ClipE2E, TheHallHearsTheToneAtItsLevelAndNothingOfAMutedClip) {
  const fs::path dir = deck_dir(name());
  test::ClipSpec loud = picture_clip(3);
  loud.audio = true;
  loud.tone_hz = 880;
  loud.extra += " -ac 2";
  ASSERT_TRUE(test::make_clip(dir / "muted.mp4", loud));
  ASSERT_TRUE(test::make_clip(dir / "tone.wav", tone(440, 3)));
  const std::string deck =
      write_deck(dir,
                 "# 소리 없는 영상\n\n![video autoplay muted w:640](muted.mp4)\n\n---\n\n"
                 "# 소리\n\n![audio autoplay volume:50%](tone.wav)\n");
  const fs::path raw = dir / "hall.f32";
  ModeRun mode;
  mode.env = {{"SDL_AUDIODRIVER", "disk"}, {"SDL_DISKAUDIOFILE", raw.string()}};
  {
    Present p(*x_, deck, {"--fullscreen"}, name(), mode);
    ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle() << p.stderr_text();
    std::this_thread::sleep_for(1500ms);  // the muted clip plays
    p.key("Right");
    ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
    std::this_thread::sleep_for(2000ms);  // the tone plays
    p.key("q");
    EXPECT_EQ(p.wait_exit(5s), 0);
  }
  const Sound all = deinterleave(read_floats(raw));
  ASSERT_GT(all.seconds(), 1.0) << "the disk driver wrote " << all.seconds() << " s";
  const Sound heard = heard_part(all, 0.3);
  ASSERT_GT(heard.seconds(), 0.8) << "tone heard for " << heard.seconds() << " s only";

  const Sound ref = heard_part(reference_sound(dir / "tone.wav", dir), 0.3);
  const double want = 0.5 * rms(ref.left);
  const double a440 = amplitude_at(heard.left, 440), a880 = amplitude_at(all.left, 880);
  std::printf(
      "heard %.2f s of %.2f s written: rms L %.4f R %.4f (want %.4f), 440 Hz %.4f, "
      "880 Hz %.5f\n",
      heard.seconds(), all.seconds(), rms(heard.left), rms(heard.right), want, a440, a880);
  EXPECT_NEAR(rms(heard.left), want, want * 0.1);
  EXPECT_NEAR(rms(heard.right), want, want * 0.1);
  // Dominant: the 440 Hz sinusoid holds (nearly) all of the sound.
  EXPECT_GT(a440 / std::sqrt(2.0), 0.95 * rms(heard.left));
  for (const double other : {220.0, 330.0, 550.0, 660.0, 1000.0})
    EXPECT_LT(amplitude_at(heard.left, other), 0.02 * a440) << other << " Hz";
  // The muted clip's 880 Hz is nowhere in what was written.
  EXPECT_LT(a880, 0.005 * a440) << "the muted clip was heard";
}

// (c) K pauses (the picture stands), K plays; L and J skip ten seconds.
TEST_F(ClipE2E, KPausesAndLAndJSkipTenSeconds) {
  const fs::path dir = deck_dir(name());
  const fs::path clip = dir / "long.mp4";
  ASSERT_TRUE(test::make_clip(clip, picture_clip(24)));
  const std::string deck = write_deck(dir, "# 긴 영상\n\n![video autoplay w:640](long.mp4)\n");
  const std::optional<Box> box = clip_box(deck, 1);
  ASSERT_TRUE(box);
  const Box mark = mark_square(box->w, box->h);
  const Frames start(clip, 0, 10, dir);

  Present p(*x_, deck, {"--fullscreen"}, name());
  Grabber g(x_->display());
  SteadyClock::time_point t0;
  Placement at;
  int seen = -1;
  ASSERT_TRUE(first_played_frame(g, *box, start, &t0, &at, &seen)) << p.stderr_text();
  std::this_thread::sleep_for(700ms);

  // Playing: two grabs half a second apart differ.
  const render::RgbaImage a = g.grab_around(*box);
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage b = g.grab_around(*box);
  EXPECT_GT(grab_difference(a, b), 3.0) << "the clip does not move while playing";

  // K: paused; the picture stands (with its play mark).
  p.key("k");
  std::this_thread::sleep_for(400ms);
  const render::RgbaImage c = g.grab_around(*box);
  keep(c, dir, "paused");
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage d = g.grab_around(*box);
  EXPECT_LT(grab_difference(c, d), 0.01) << "the picture moves while paused";
  const Frames early(clip, 0, 4 * kFps, dir);
  const Frames::Match paused = early.best(c, at, mark);
  std::printf("paused at frame %d (d=%.2f)\n", paused.frame, paused.d);
  ASSERT_LT(paused.d, kSameFrame) << "the paused picture is no frame of the first 4 s";

  // L while paused: the hall shows the picture ten seconds on (a scrub
  // while paused shows where it went).
  p.key("l");
  std::this_thread::sleep_for(600ms);
  const render::RgbaImage e = g.grab_around(*box);
  keep(e, dir, "after-l-paused");
  const Frames on(clip, paused.frame + 10 * kFps - 3, 7, dir);
  const Frames::Match skipped = on.best(e, at, mark);
  std::printf("after L while paused: frame %d (d=%.2f), want %d\n", skipped.frame, skipped.d,
              paused.frame + 10 * kFps);
  EXPECT_LT(skipped.d, kSameFrame) << "L while paused: the hall does not show 10 s on";

  // K plays from there; K again: paused ten seconds on, give or take the
  // time between the two presses.
  p.key("k");
  std::this_thread::sleep_for(300ms);
  p.key("k");
  std::this_thread::sleep_for(400ms);
  const render::RgbaImage f = g.grab_around(*box);
  keep(f, dir, "after-l");
  const Frames later(clip, paused.frame + 10 * kFps - 3, 2 * kFps, dir);
  const Frames::Match after_l = later.best(f, at, mark);
  std::printf("after L, K, K: frame %d (d=%.2f)\n", after_l.frame, after_l.d);
  EXPECT_LT(after_l.d, kSameFrame) << "after L the clip is not ten seconds on";

  // J: ten seconds back, then the same.
  p.key("j");
  p.key("k");
  std::this_thread::sleep_for(300ms);
  p.key("k");
  std::this_thread::sleep_for(400ms);
  const render::RgbaImage h = g.grab_around(*box);
  keep(h, dir, "after-j");
  const Frames back(clip, std::max(0, after_l.frame - 10 * kFps - 3), 2 * kFps, dir);
  const Frames::Match after_j = back.best(h, at, mark);
  std::printf("after J, K, K: frame %d (d=%.2f)\n", after_j.frame, after_j.d);
  EXPECT_LT(after_j.d, kSameFrame) << "after J the clip is not ten seconds back";
  EXPECT_TRUE(p.running());
}

// (d) A clip on step 2 is neither shown nor playing until step 2, then
// starts from its start.
TEST_F(ClipE2E, AClipOnStepTwoStartsWithStepTwo) {
  const fs::path dir = deck_dir(name());
  const fs::path clip = dir / "clip.mp4";
  ASSERT_TRUE(test::make_clip(clip, picture_clip(4)));
  const std::string deck = write_deck(dir,
                                      "# 단계\n\n먼저 보이는 문단\n\n<!-- pause -->\n\n"
                                      "한 번 누르면 보이는 문단\n\n<!-- pause -->\n\n"
                                      "![video autoplay w:640](clip.mp4)\n");
  const std::optional<Box> box = clip_box(deck, 1);
  ASSERT_TRUE(box);
  const Frames start(clip, 0, 30, dir);

  Present p(*x_, deck, {"--fullscreen"}, name());
  Grabber g(x_->display());
  ASSERT_NE(p.wait_idle({"slide=1 ", "step=0 "}), "") << p.last_idle() << p.stderr_text();
  for (int step = 0; step < 2; ++step) {
    if (step == 1) {
      p.key("Right");
      ASSERT_NE(p.wait_idle({"slide=1 ", "step=1 "}), "") << p.last_idle();
    }
    std::this_thread::sleep_for(300ms);
    const render::RgbaImage a = g.grab_around(*box);
    std::this_thread::sleep_for(400ms);
    const render::RgbaImage b = g.grab_around(*box);
    EXPECT_LT(grab_difference(a, b), 0.01) << "something moves at step " << step;
    double d0 = 0;
    place(a, start.at(0), &d0);
    EXPECT_GT(d0, kOtherFrame) << "the clip shows at step " << step;
  }
  p.key("Right");
  const auto next = SteadyClock::now();
  SteadyClock::time_point t0;
  Placement at;
  int seen = -1;
  ASSERT_TRUE(first_played_frame(g, *box, start, &t0, &at, &seen, 5s))
      << "the clip did not start with step 2";
  const double after = seconds_since(next);
  std::printf("step 2: frame %d seen %.3f s after the key\n", seen, after);
  EXPECT_LE(seen, 12) << "it did not start from its start";
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage c = g.grab_around(*box);
  std::this_thread::sleep_for(400ms);
  const render::RgbaImage d = g.grab_around(*box);
  EXPECT_GT(grab_difference(c, d), 3.0) << "the clip does not play at step 2";
}

// (e) A loop of one second, sampled every 1/15 s for 2.5 s: every sample is
// a frame of the clip (never black, blank or torn), and it comes round
// once a second.
TEST_F(ClipE2E, ALoopNeverShowsABlackFrameAtItsSeam) {
  const fs::path dir = deck_dir(name());
  const fs::path clip = dir / "loop.mp4";
  ASSERT_TRUE(test::make_clip(clip, picture_clip(1, 30)));
  const std::string deck = write_deck(dir, "# 반복\n\n![video autoplay loop w:640](loop.mp4)\n");
  const std::optional<Box> box = clip_box(deck, 1);
  ASSERT_TRUE(box);
  const Frames all(clip, 0, kFps, dir);
  ASSERT_GT(all.at(kFps - 1).width, 0) << "the clip has fewer than 30 frames";

  Present p(*x_, deck, {"--fullscreen"}, name());
  Grabber g(x_->display());
  SteadyClock::time_point t0;
  Placement at;
  int seen = -1;
  ASSERT_TRUE(first_played_frame(g, *box, all, &t0, &at, &seen)) << p.stderr_text();

  std::vector<std::pair<double, int>> samples;  // (time, frame)
  const auto from = SteadyClock::now();
  int worst_frame = -1;
  double worst = 0;
  for (int i = 0; i < 38; ++i) {
    std::this_thread::sleep_until(from + i * 66'667us);
    SteadyClock::time_point when;
    const render::RgbaImage shot = g.grab_around(*box, &when);
    const render::RgbaImage inner = crop(shot, kMargin + at.dx, kMargin + at.dy, box->w, box->h);
    double black = 0, spread = 0;
    black_and_spread(inner, &black, &spread);
    EXPECT_LT(black, 0.05) << "sample " << i << ": a black picture";
    EXPECT_GT(spread, 30) << "sample " << i << ": a blank picture";
    const Frames::Match m = all.best(shot, at);
    if (m.d > worst) {
      worst = m.d;
      worst_frame = i;
    }
    EXPECT_LT(m.d, kSameFrame) << "sample " << i << " is no frame of the clip (best " << m.frame
                               << ", d=" << m.d << ")";
    samples.emplace_back(std::chrono::duration<double>(when - from).count(), m.frame);
  }
  std::printf("loop: 38 samples, the worst (sample %d) at d=%.2f\n", worst_frame, worst);
  // Where it came round: the frame went back.
  std::vector<double> seams;
  for (std::size_t i = 1; i < samples.size(); ++i)
    if (samples[i].second + kFps / 2 < samples[i - 1].second) seams.push_back(samples[i].first);
  ASSERT_GE(seams.size(), 2u) << "the clip did not come round twice in 2.5 s";
  for (std::size_t i = 1; i < seams.size(); ++i)
    EXPECT_NEAR(seams[i] - seams[i - 1], 1.0, 0.15) << "a pass that is not a second long";
}

// (g) A damaged clip: one whose index was cut off shows a placeholder (as
// the export draws it); one cut in its middle plays what there is; the show
// keeps answering.
TEST_F(ClipE2E, ADamagedClipIsAPlaceholderAndTheShowGoesOn) {
  const fs::path dir = deck_dir(name());
  ASSERT_TRUE(test::make_clip(dir / "whole.mp4", picture_clip(2)));
  test::ClipSpec fast = picture_clip(2);
  fast.extra += " -movflags +faststart";
  ASSERT_TRUE(test::make_clip(dir / "whole-fast.mp4", fast));
  // Cut: no index (the moov box comes last); half: the index, half the data.
  const std::string whole = read_file((dir / "whole.mp4").string());
  std::ofstream(dir / "cut.mp4", std::ios::binary) << whole.substr(0, whole.size() * 2 / 5);
  const std::string fast_whole = read_file((dir / "whole-fast.mp4").string());
  std::ofstream(dir / "half.mp4", std::ios::binary) << fast_whole.substr(0, fast_whole.size() / 2);
  const std::string deck = write_deck(dir,
                                      "# 잘린 영상\n\n![video autoplay w:640](cut.mp4)\n\n---\n\n"
                                      "# 반만 있는 영상\n\n![video autoplay w:640](half.mp4)\n\n"
                                      "---\n\n# 끝\n");
  Present p(*x_, deck, {"--fullscreen"}, name());
  ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(screen_matches(p, export_slide(deck, 1, name() + "-ref1"), "placeholder",
                             {kWindowEqualsExport, 300ms}));
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  std::this_thread::sleep_for(2500ms);  // past its end and past where it was cut
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=3 "}), "") << p.last_idle() << p.stderr_text();
  p.key("Left");
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_TRUE(p.running());
  p.key("q");
  EXPECT_EQ(p.wait_exit(5s), 0) << p.stderr_text();
}

//-----------------------------------------------------------------------------
// [SECTION] Two displays: the console
//-----------------------------------------------------------------------------

constexpr int kLaptopX = 0, kProjectorX = 1920;
constexpr int kRestX = 900, kRestY = 40;  // the console's top bar, over nothing

class ClipConsoleE2E : public TwoDisplaySuite<ClipConsoleE2E> {};

// (b) With a console: the hall's tone at the same level as without, and
// nothing of the next slide's clip (the console's preview) in it.
TEST_F(ClipConsoleE2E, TheConsoleAndTheNextSlidePreviewAddNoSound) {
  const fs::path dir = deck_dir(name());
  ASSERT_TRUE(test::make_clip(dir / "tone.wav", tone(440, 3)));
  ASSERT_TRUE(test::make_clip(dir / "next.wav", tone(880, 3)));
  const std::string deck = write_deck(dir,
                                      "# 소리\n\n![audio autoplay](tone.wav)\n\n---\n\n"
                                      "# 다음 장의 소리\n\n![audio autoplay](next.wav)\n");
  const fs::path raw = dir / "hall.f32";
  ModeRun mode;
  mode.env = {{"SDL_AUDIODRIVER", "disk"}, {"SDL_DISKAUDIOFILE", raw.string()}};
  {
    Present p(*x_, deck, {}, name(), mode);
    p.move(kRestX, kRestY);
    ASSERT_NE(p.wait_idle({"slide=1 ", "console=1 "}), "") << p.last_idle() << p.stderr_text();
    std::this_thread::sleep_for(2000ms);
    p.key("q");
    EXPECT_EQ(p.wait_exit(5s), 0);
  }
  const Sound all = deinterleave(read_floats(raw));
  const Sound heard = heard_part(all, 0.3);
  ASSERT_GT(heard.seconds(), 0.8) << "tone heard for " << heard.seconds() << " s of "
                                  << all.seconds();
  const Sound ref = heard_part(reference_sound(dir / "tone.wav", dir), 0.3);
  const double want = rms(ref.left);
  const double a440 = amplitude_at(heard.left, 440), a880 = amplitude_at(all.left, 880);
  std::printf("with the console: rms L %.4f R %.4f (want %.4f), 440 Hz %.4f, 880 Hz %.5f\n",
              rms(heard.left), rms(heard.right), want, a440, a880);
  EXPECT_NEAR(rms(heard.left), want, want * 0.1) << "the console changed the hall's level";
  EXPECT_NEAR(rms(heard.right), want, want * 0.1);
  EXPECT_GT(a440 / std::sqrt(2.0), 0.95 * rms(heard.left));
  EXPECT_LT(a880, 0.005 * a440) << "the next slide's clip was heard";
}

// (f) The console's clip bar, at the foot of its picture of the current
// slide; a click on its track, and a drag along it, seek the hall's clip.
TEST_F(ClipConsoleE2E, TheConsoleBarShowsAndItsTrackSeeks) {
  const fs::path dir = deck_dir(name());
  const fs::path clip = dir / "long.mp4";
  constexpr double kLength = 20;
  ASSERT_TRUE(test::make_clip(clip, picture_clip(kLength)));
  const std::string deck =
      write_deck(dir, "# 긴 영상\n\n![video autoplay w:640](long.mp4)\n\n---\n\n# 다음\n");
  const std::optional<Box> slide_box = clip_box(deck, 1);
  const std::optional<Box> current = console_current(deck, 1);
  ASSERT_TRUE(slide_box && current);
  const Box hall_box{kProjectorX + slide_box->x, slide_box->y, slide_box->w, slide_box->h};
  const Box mark = mark_square(hall_box.w, hall_box.h);
  // The bar (screens/clip_bar.cpp at 1080 lines: 64 px high, the track
  // after the button and the times, before the keys' hint).
  const Box bar{current->x, current->y + current->h - 64, current->w, 64};
  const float text_x = static_cast<float>(bar.x) + 14 * 2 + 64 * 0.4f;
  const float track_x = text_x + 190;
  const float track_w = static_cast<float>(bar.x + bar.w) - 14 - 330 - track_x;
  const int track_y = bar.y + 32;
  auto track_at = [&](double fraction) {
    return static_cast<int>(std::lround(track_x + fraction * track_w));
  };
  const Frames start(clip, 0, 3 * kFps, dir);

  Present p(*x_, deck, {}, name());
  p.move(kRestX, kRestY);
  Grabber g(x_->display());
  SteadyClock::time_point t0;
  Placement at;
  int seen = -1;
  if (!first_played_frame(g, hall_box, start, &t0, &at, &seen)) {
    keep(p.screenshot(), dir, "screen");
    keep(g.grab_around(hall_box), dir, "hall-grab");
    FAIL() << "the hall's clip never played\n" << p.stderr_text();
  }
  ASSERT_NE(p.wait_idle({"slide=1 ", "console=1 ", "hall-display=1 "}), "")
      << p.last_idle() << p.stderr_text();

  // The bar: a dark strip across the foot of the console's slide.
  const render::RgbaImage strip = g.grab({kLaptopX + bar.x + 4, bar.y + 4, bar.w - 8, bar.h - 8});
  long dark = 0;
  for (std::size_t i = 0; i < strip.pixels.size(); i += 4)
    dark += strip.pixels[i] + strip.pixels[i + 1] + strip.pixels[i + 2] < 3 * 70;
  const double dark_share =
      static_cast<double>(dark) / static_cast<double>(strip.pixels.size() / 4);
  std::printf("console bar: %.0f%% dark\n", dark_share * 100);
  EXPECT_GT(dark_share, 0.7) << "no clip bar at the foot of the console's slide";
  // The console's picture of the clip plays too (muted).
  const Box on_console{kLaptopX + current->x + slide_box->x * current->w / 1920,
                       current->y + slide_box->y * current->h / 1080,
                       slide_box->w * current->w / 1920,
                       std::min(slide_box->h * current->h / 1080,
                                bar.y - (current->y + slide_box->y * current->h / 1080))};
  const render::RgbaImage c1 = g.grab(on_console);
  std::this_thread::sleep_for(400ms);
  const render::RgbaImage c2 = g.grab(on_console);
  EXPECT_GT(grab_difference(c1, c2), 2.0) << "the console's picture of the clip stands still";

  // A click on the track at 3/4: the hall's clip goes to 15 s; K (the
  // pointer, so the keyboard, is on the console) pauses it there.
  p.click(kLaptopX + track_at(0.75), track_y, 1);
  std::this_thread::sleep_for(300ms);
  p.key("k");
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage clicked = g.grab_around(hall_box);
  keep(clicked, dir, "clicked");
  const int want_click = static_cast<int>(0.75 * kLength * kFps);
  const Frames around_click(clip, want_click - 6, 2 * kFps, dir);
  const Frames::Match m1 = around_click.best(clicked, at, mark);
  std::printf("click at 3/4: frame %d (d=%.2f), want %d or a little after\n", m1.frame, m1.d,
              want_click);
  EXPECT_LT(m1.d, kSameFrame) << "a click on the track did not seek to 15 s";

  // A drag from 1/10 to 1/2: the clip follows to 10 s.
  p.key("k");
  p.xdotool({"mousemove", std::to_string(kLaptopX + track_at(0.1)), std::to_string(track_y),
             "mousedown", "1", "sleep", "0.1", "mousemove",
             std::to_string(kLaptopX + track_at(0.3)), std::to_string(track_y), "sleep", "0.1",
             "mousemove", std::to_string(kLaptopX + track_at(0.5)), std::to_string(track_y),
             "sleep", "0.1", "mouseup", "1"});
  std::this_thread::sleep_for(300ms);
  p.key("k");
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage dragged = g.grab_around(hall_box);
  keep(dragged, dir, "dragged");
  const int want_drag = static_cast<int>(0.5 * kLength * kFps);
  const Frames around_drag(clip, want_drag - 6, 2 * kFps, dir);
  const Frames::Match m2 = around_drag.best(dragged, at, mark);
  std::printf("drag to 1/2: frame %d (d=%.2f), want %d or a little after\n", m2.frame, m2.d,
              want_drag);
  EXPECT_LT(m2.d, kSameFrame) << "a drag along the track did not seek to 10 s";
  EXPECT_TRUE(p.running());
}

}  // namespace
}  // namespace madang::e2e
