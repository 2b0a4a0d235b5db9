// media/player.h: pictures at the caller's clock or the sound's, loops
// without a black frame, seeks, the sound mixed, bounded queues, an idle
// worker while paused, a prompt stop.
#include "media/player.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include "clips.h"
#include "media/frame.h"

namespace madang::media {
namespace {

using test::ClipSpec;
using test::shared_clip;
using Clock = std::chrono::steady_clock;

constexpr double kFps = 30;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// 320x180, 30 fps, 2 s, a 440 Hz tone: the probe tests' clip.
std::string two_seconds() {
  return shared_clip("h264-aac.mp4");
}

std::string one_second() {
  ClipSpec spec;
  spec.seconds = 1;
  return shared_clip("one-second.mp4", spec);
}

// 20 s, small: a clip long enough to stream through the queues many times.
std::string twenty_seconds() {
  ClipSpec spec;
  spec.width = 160;
  spec.height = 90;
  spec.seconds = 20;
  spec.extra = "-preset ultrafast";
  return shared_clip("twenty-seconds.mp4", spec);
}

std::unique_ptr<Player> open_player(const std::string& clip, const PlayOptions& options = {}) {
  std::string problem;
  std::unique_ptr<Player> player = Player::open(clip, options, &problem);
  EXPECT_TRUE(player) << problem;
  return player;
}

// frame(now) once the worker has decoded past `now`: a later picture is
// queued (then it is exactly the picture for `now`), or nothing came for
// 100 ms (paused with full queues, or at the end), or the clip has ended.
std::shared_ptr<const VideoFrame> frame_when_ready(Player& p, double now) {
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  std::shared_ptr<const VideoFrame> f = p.frame(now);
  auto since = Clock::now();
  for (;;) {
    if (p.stats().queued_frames > 0 && p.next_frame_in(now) > 0) return f;
    if (p.ended(now) || Clock::now() > deadline) return f;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::shared_ptr<const VideoFrame> again = p.frame(now);
    if (again != f) {
      f = std::move(again);
      since = Clock::now();
    } else if (Clock::now() - since > std::chrono::milliseconds(100)) {
      return f;
    }
  }
}

// Waits (real time) until `done`, at most 10 s.
template <typename F>
bool wait_until(F done) {
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// The picture's time: the last frame to start at or before `t`.
double frame_time(double t) {
  return std::floor(t * kFps + 1e-6) / kFps;
}

// An I420 or NV12 VideoFrame as RGBA (BT.601, limited range).
std::vector<std::uint8_t> to_rgba(const VideoFrame& f) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(f.width) * f.height * 4);
  for (int y = 0; y < f.height; ++y) {
    for (int x = 0; x < f.width; ++x) {
      const double Y = f.data[f.offsets[0] + y * f.pitches[0] + x];
      double U, V;
      if (f.format == VideoFrame::Format::kIyuv) {
        U = f.data[f.offsets[1] + y / 2 * f.pitches[1] + x / 2];
        V = f.data[f.offsets[2] + y / 2 * f.pitches[2] + x / 2];
      } else {
        U = f.data[f.offsets[1] + y / 2 * f.pitches[1] + x / 2 * 2];
        V = f.data[f.offsets[1] + y / 2 * f.pitches[1] + x / 2 * 2 + 1];
      }
      const double c = 1.164 * (Y - 16);
      const double rgb[3] = {c + 1.596 * (V - 128), c - 0.392 * (U - 128) - 0.813 * (V - 128),
                             c + 2.017 * (U - 128)};
      std::uint8_t* px = &out[(static_cast<std::size_t>(y) * f.width + x) * 4];
      for (int i = 0; i < 3; ++i)
        px[i] = static_cast<std::uint8_t>(std::clamp(std::lround(rgb[i]), 0L, 255L));
      px[3] = 255;
    }
  }
  return out;
}

double mean_luma(const VideoFrame& f) {
  double sum = 0;
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x) sum += f.data[f.offsets[0] + y * f.pitches[0] + x];
  return sum / (f.width * f.height);
}

// CPU time (user + system, in clock ticks) of every thread of this process.
long process_cpu_ticks() {
  long total = 0;
  DIR* dir = ::opendir("/proc/self/task");
  if (!dir) return -1;
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    std::ifstream in(std::string("/proc/self/task/") + entry->d_name + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    // Fields after the name: state is 3rd; utime and stime are 14th and 15th.
    std::vector<std::string> fields;
    std::size_t at = close + 2;
    while (at < stat.size()) {
      const std::size_t space = stat.find(' ', at);
      fields.push_back(stat.substr(at, space - at));
      if (space == std::string::npos) break;
      at = space + 1;
    }
    if (fields.size() > 12) total += std::stol(fields[11]) + std::stol(fields[12]);
  }
  ::closedir(dir);
  return total;
}

// Goertzel: the power of `hz` in one channel of interleaved samples.
double tone_power(const std::vector<float>& samples, int channels, int rate, double hz) {
  const double k = 2 * std::cos(2 * std::numbers::pi * hz / rate);
  double s1 = 0, s2 = 0;
  for (std::size_t i = 0; i < samples.size(); i += static_cast<std::size_t>(channels)) {
    const double s0 = samples[i] + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - k * s1 * s2;
}

double rms(const std::vector<float>& samples, int channels, int channel) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = static_cast<std::size_t>(channel); i < samples.size();
       i += static_cast<std::size_t>(channels)) {
    sum += double{samples[i]} * samples[i];
    ++n;
  }
  return n ? std::sqrt(sum / n) : 0;
}

class MediaPlayer : public test::TempDirTest {};

// ----------------------------------------------------------------- opening

TEST_F(MediaPlayer, OpensPausedWithTheFirstPicture) {
  auto p = open_player(two_seconds());
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->has_video());
  EXPECT_TRUE(p->has_audio());
  EXPECT_FALSE(p->playing());
  EXPECT_NEAR(p->duration(), 2, 0.1);
  EXPECT_EQ(p->position(5), 0);
  EXPECT_LT(p->next_frame_in(0), 0);  // paused
  std::shared_ptr<const VideoFrame> f;
  ASSERT_TRUE(wait_until([&] { return (f = p->frame(0)) != nullptr; }));
  EXPECT_EQ(f->time_s, 0);
  EXPECT_EQ(f->width, 320);
  EXPECT_EQ(f->height, 180);
  EXPECT_EQ(f->format, VideoFrame::Format::kIyuv);
  EXPECT_EQ(f->data.size(), 320u * 180 * 3 / 2);
  EXPECT_NE(f->serial, 0u);
  EXPECT_EQ(p->frame(0), f);  // nothing new: the same picture, the same serial
  // The machine has no VA-API device: software, quietly.
  EXPECT_FALSE(p->stats().hardware);
}

TEST_F(MediaPlayer, Problems) {
  std::string problem;
  EXPECT_FALSE(Player::open(file("missing.mp4"), {}, &problem));
  EXPECT_EQ(problem, "does not exist");
  EXPECT_FALSE(Player::open(write("notes.mp4", "words, not pictures"), {}, &problem));
  EXPECT_EQ(problem.rfind("is not a video or sound file", 0), 0u) << problem;
  EXPECT_FALSE(Player::open(dir().string(), {}, &problem));
  EXPECT_NE(problem.find("not a file"), std::string::npos) << problem;
  ClipSpec wide;
  wide.width = 4160;
  wide.height = 64;
  wide.seconds = 0.1;
  wide.audio = false;
  wide.extra = "-preset ultrafast";
  ASSERT_TRUE(test::make_clip(file("wide.mp4"), wide));
  EXPECT_FALSE(Player::open(file("wide.mp4"), {}, &problem));
  EXPECT_EQ(problem, "is 4160x64, more than 4096x2304");
}

// ------------------------------------------------------------ the pictures

// With the caller's clock stepped at 60 Hz, every picture is the one of its
// moment: frame time floor(t * fps) / fps, the same pixels as
// decode_frame_at.
TEST_F(MediaPlayer, PictureForEveryMoment) {
  const std::string clip = two_seconds();
  auto p = open_player(clip);
  ASSERT_TRUE(p);
  p->play(0);
  std::uint64_t serial = 0;
  for (int i = 0; i <= 114; ++i) {
    const double now = i / 60.0;
    std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, now);
    ASSERT_TRUE(f) << "at " << now;
    ASSERT_NEAR(f->time_s, frame_time(now), 1e-6) << "at " << now;
    EXPECT_GE(f->serial, serial);
    serial = f->serial;
    EXPECT_NEAR(p->position(now), now, 1e-9);
    if (i % 40 == 7) {
      const FrameResult want = decode_frame_at(clip, now, 320, 180);
      ASSERT_TRUE(want.ok()) << want.problem;
      EXPECT_NEAR(want.time_s, f->time_s, 1e-6);
      EXPECT_LT(test::mean_abs_diff(to_rgba(*f), want.picture.rgba), 4) << "at " << now;
    }
  }
  EXPECT_GT(p->next_frame_in(114 / 60.0), 0);
  EXPECT_LE(p->next_frame_in(114 / 60.0), 1 / kFps + 1e-6);
}

// 4:4:4 (which SDL cannot take as it is): converted to I420, the same
// picture.
TEST_F(MediaPlayer, OtherPixelFormatsBecomeI420) {
  ClipSpec spec;
  spec.seconds = 0.5;
  spec.audio = false;
  spec.pix_fmt = "yuv444p";
  const std::string clip = file("444.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  auto p = open_player(clip);
  ASSERT_TRUE(p);
  std::shared_ptr<const VideoFrame> f;
  ASSERT_TRUE(wait_until([&] { return (f = p->frame(0)) != nullptr; }));
  EXPECT_EQ(f->format, VideoFrame::Format::kIyuv);
  EXPECT_EQ(f->pitches[1], 160);
  EXPECT_EQ(f->data.size(), 320u * 180 * 3 / 2);
  const FrameResult want = decode_frame_at(clip, 0, 320, 180);
  ASSERT_TRUE(want.ok()) << want.problem;
  EXPECT_LT(test::mean_abs_diff(to_rgba(*f), want.picture.rgba), 5);
}

// A clock that runs ahead skips late pictures (never queues them without
// bound); the queues stay within their limits all along a 20 s clip played
// in a few hundred steps, and memory does not climb.
TEST_F(MediaPlayer, FastClockDropsLatePicturesAndQueuesStayBounded) {
  auto p = open_player(twenty_seconds());
  ASSERT_TRUE(p);
  p->play(0);
  double now = 0;
  long rss_early = 0;
  for (int i = 0; now < 21; ++i) {
    now += 0.1;
    // The queue full first (until near the end): each step of 3 pictures
    // shows one and drops two, however fast the worker.
    if (now < 19.5) {
      ASSERT_TRUE(wait_until([&] { return p->stats().queued_frames == kMaxQueuedFrames; }));
    }
    frame_when_ready(*p, now);
    const PlayerStats s = p->stats();
    ASSERT_LE(s.queued_frames, kMaxQueuedFrames);
    ASSERT_LE(s.queued_audio_s, kMaxQueuedAudioS + 1e-9);
    if (i == 20) {
      std::ifstream statm("/proc/self/statm");
      long size = 0;
      statm >> size >> rss_early;
    }
  }
  EXPECT_TRUE(p->ended(now));
  const PlayerStats s = p->stats();
  EXPECT_GT(s.frames_dropped, 350u);  // 600 pictures, one in three shown
  EXPECT_GT(s.frames_shown, 190u);
  EXPECT_EQ(s.frames_shown + s.frames_dropped, s.frames_decoded);
  if (!kAddressSanitizer) {  // which keeps freed memory a while
    std::ifstream statm("/proc/self/statm");
    long size = 0, rss = 0;
    statm >> size >> rss;
    EXPECT_LT((rss - rss_early) * ::sysconf(_SC_PAGESIZE), 16l << 20);
  }
}

TEST_F(MediaPlayer, PausedWorkerIdles) {
  auto p = open_player(two_seconds());
  ASSERT_TRUE(p);
  p->play(0);
  std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, 0.5);
  p->pause(0.5);
  EXPECT_FALSE(p->playing());
  EXPECT_LT(p->next_frame_in(3), 0);
  EXPECT_NEAR(p->position(3), 0.5, 1e-9);  // the caller's clock moves; the clip does not
  EXPECT_EQ(p->frame(3), f);
  // Let the worker fill its queues, then measure: no thread runs.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const long before = process_cpu_ticks();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const long after = process_cpu_ticks();
  ASSERT_GE(before, 0);
  EXPECT_LE(after - before, 1) << "ticks of CPU while paused";
  p->play(3);
  EXPECT_NEAR(p->position(3.25), 0.75, 1e-9);
}

// A loop: every moment across two wraps has a picture, never a black one;
// the times wrap with the position (start_s + T mod length).
TEST_F(MediaPlayer, LoopWrapsWithoutABlackFrame) {
  PlayOptions options;
  options.loop = true;
  auto p = open_player(one_second(), options);
  ASSERT_TRUE(p);
  const double length = p->duration();
  ASSERT_NEAR(length, 1, 0.05);
  p->play(0);
  int wraps = 0;
  double last_time = -1;
  for (int i = 0; i <= 170; ++i) {
    const double now = i / 60.0;
    std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, now);
    ASSERT_TRUE(f) << "at " << now;
    EXPECT_GT(mean_luma(*f), 40) << "a dark picture at " << now;
    const double pos = p->position(now);
    EXPECT_NEAR(pos, std::fmod(now, length), 1e-6);
    EXPECT_NEAR(f->time_s, std::min(frame_time(pos), 29 / kFps), 1e-6) << "at " << now;
    if (f->time_s < last_time) ++wraps;
    last_time = f->time_s;
    EXPECT_FALSE(p->ended(now));
  }
  EXPECT_EQ(wraps, 2);
  EXPECT_GE(p->stats().loops, 2u);
}

TEST_F(MediaPlayer, SeekShowsThePictureAtTheTarget) {
  const std::string clip = two_seconds();
  auto p = open_player(clip);
  ASSERT_TRUE(p);
  ASSERT_TRUE(frame_when_ready(*p, 0));
  for (double target : {1.5, 1.51, 0.2, 100.0, -3.0}) {
    p->seek(target, 0);
    const double want = frame_time(std::clamp(target, 0.0, 59 / kFps));
    std::shared_ptr<const VideoFrame> f;
    ASSERT_TRUE(wait_until([&] {
      f = p->frame(0);
      return f && std::abs(f->time_s - want) < 1e-6;
    })) << "seek to "
        << target << " shows " << (f ? f->time_s : -1);
    EXPECT_FALSE(p->playing());
    if (target == 1.5) {
      const FrameResult ref = decode_frame_at(clip, 1.5, 320, 180);
      ASSERT_TRUE(ref.ok());
      EXPECT_LT(test::mean_abs_diff(to_rgba(*f), ref.picture.rgba), 4);
    }
  }
  // Playing on from a seek: the next pictures follow the target.
  p->seek(1.0, 10);
  p->play(10);
  std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, 10.2);
  ASSERT_TRUE(f);
  EXPECT_NEAR(f->time_s, 1.2, 1e-6);
  EXPECT_NEAR(p->position(10.2), 1.2, 1e-9);
}

// start_s and end_s: the first picture at start_s, none at or past end_s,
// the end at end_s; play() after the end starts again from start_s.
TEST_F(MediaPlayer, StartAndEnd) {
  PlayOptions options;
  options.start_s = 0.5;
  options.end_s = 1.0;
  auto p = open_player(two_seconds(), options);
  ASSERT_TRUE(p);
  EXPECT_NEAR(p->duration(), 1.0, 1e-9);
  EXPECT_NEAR(p->position(0), 0.5, 1e-9);
  std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, 0);
  ASSERT_TRUE(f);
  EXPECT_NEAR(f->time_s, 0.5, 1e-6);
  p->play(0);
  for (int i = 0; i <= 60; ++i) {
    const double now = i / 60.0;
    f = frame_when_ready(*p, now);
    ASSERT_TRUE(f);
    EXPECT_LT(f->time_s, 1.0 - 1e-6);
    EXPECT_NEAR(f->time_s, std::min(frame_time(0.5 + now), 29 / kFps), 1e-6) << "at " << now;
  }
  EXPECT_NEAR(p->position(0.7), 1.0, 1e-9);
  ASSERT_TRUE(wait_until([&] { return p->ended(0.7); }));
  EXPECT_LT(p->next_frame_in(0.7), 0);
  p->play(0.7);  // still playing: nothing happens
  p->pause(0.8);
  p->play(0.9);  // from the start again
  EXPECT_NEAR(p->position(0.9), 0.5, 1e-9);
  EXPECT_FALSE(p->ended(0.9));
}

// ---------------------------------------------------------------- the sound

// Mixes `seconds` of the player's sound in 10 ms blocks (the audio
// thread's way), after waiting for the worker to queue some.
std::vector<float> mix(Player& p, double seconds, int rate = 48000, int channels = 2) {
  EXPECT_TRUE(wait_until([&] { return p.stats().queued_audio_s >= 0.5; }));
  const int block = rate / 100;
  std::vector<float> out;
  for (int done = 0; done < seconds * rate; done += block) {
    std::vector<float> buffer(static_cast<std::size_t>(block * channels), 0.0f);
    p.mix_audio(buffer.data(), block);
    out.insert(out.end(), buffer.begin(), buffer.end());
    wait_until([&] { return p.stats().queued_audio_s >= 0.3; });
  }
  return out;
}

// ffmpeg's sine source is 1/8 of full scale: an RMS of 0.125 / sqrt(2),
// the tone heard in both channels (mono to stereo at its own level).
TEST_F(MediaPlayer, MixesTheTone) {
  auto p = open_player(two_seconds());
  ASSERT_TRUE(p);
  p->set_audio_output(48000, 2);
  p->play(0);
  const std::vector<float> sound = mix(*p, 1.0);
  const std::vector<float> later(sound.begin() + 2 * 4800, sound.end());  // past the first 0.1 s
  const double at440 = tone_power(later, 2, 48000, 440);
  const double at1000 = tone_power(later, 2, 48000, 1000);
  EXPECT_GT(at440, 1000 * at1000);
  const double want = 0.125 / std::sqrt(2.0);
  EXPECT_NEAR(rms(later, 2, 0), want, want * 0.05);
  EXPECT_NEAR(rms(later, 2, 1), want, want * 0.05);
  EXPECT_EQ(p->stats().audio_underruns, 0u);

  PlayOptions half;
  half.volume = 0.5;
  auto q = open_player(two_seconds(), half);
  ASSERT_TRUE(q);
  q->play(0);
  const std::vector<float> quiet = mix(*q, 1.0);
  const std::vector<float> quiet_later(quiet.begin() + 2 * 4800, quiet.end());
  EXPECT_NEAR(rms(quiet_later, 2, 0), want / 2, want * 0.03);

  // Another output: 44.1 kHz mono, the same tone.
  auto r = open_player(two_seconds());
  ASSERT_TRUE(r);
  r->set_audio_output(44100, 1);
  r->play(0);
  const std::vector<float> mono = mix(*r, 0.5, 44100, 1);
  const std::vector<float> mono_later(mono.begin() + 4410, mono.end());
  EXPECT_GT(tone_power(mono_later, 1, 44100, 440), 1000 * tone_power(mono_later, 1, 44100, 1000));
  EXPECT_NEAR(rms(mono_later, 1, 0), want, want * 0.05);
}

// While mix_audio is called, the sound is the clock: the position follows
// the samples taken, whatever the caller's clock says; once it stops, the
// caller's clock goes on from there.
TEST_F(MediaPlayer, SoundIsTheClockWhileHeard) {
  auto p = open_player(two_seconds());
  ASSERT_TRUE(p);
  p->play(0);
  ASSERT_TRUE(wait_until([&] { return p->stats().queued_audio_s >= 0.9; }));
  std::vector<float> buffer(2 * 4800);
  for (int i = 1; i <= 5; ++i) {
    p->mix_audio(buffer.data(), 4800);  // 0.1 s
    const double pos = p->position(0);  // the caller's clock stands still
    EXPECT_GE(pos, (i - 1) * 0.1 - 1e-9);
    EXPECT_LE(pos, i * 0.1 + 1e-9);
    wait_until([&] { return p->stats().queued_audio_s >= 0.6; });
  }
  const double heard = p->position(0);
  std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, 0);
  ASSERT_TRUE(f);
  EXPECT_NEAR(f->time_s, frame_time(p->position(0)), 1 / kFps + 1e-6);
  // Not heard any more: from the caller's clock, on from where the sound was.
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_NEAR(p->position(0.5), heard + 0.5, 0.11);
}

TEST_F(MediaPlayer, NothingMixedWhilePaused) {
  auto p = open_player(two_seconds());
  ASSERT_TRUE(p);
  ASSERT_TRUE(wait_until([&] { return p->stats().queued_audio_s >= 0.5; }));
  std::vector<float> buffer(2 * 480, 0.0f);
  p->mix_audio(buffer.data(), 480);
  EXPECT_TRUE(std::all_of(buffer.begin(), buffer.end(), [](float s) { return s == 0; }));
}

TEST_F(MediaPlayer, SoundAlone) {
  ClipSpec spec;
  spec.video_codec = "";
  spec.audio_codec = "pcm_s16le";
  spec.seconds = 1;
  const std::string clip = file("tone.wav");
  ASSERT_TRUE(test::make_clip(clip, spec));
  auto p = open_player(clip);
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->has_video());
  EXPECT_TRUE(p->has_audio());
  p->play(0);
  EXPECT_EQ(p->frame(0.1), nullptr);
  EXPECT_LT(p->next_frame_in(0.1), 0);
  EXPECT_NEAR(p->position(0.25), 0.25, 1e-9);
  ASSERT_TRUE(wait_until([&] { return p->ended(1.5); }));
  EXPECT_NEAR(p->position(1.5), 1.0, 0.01);
}

// ----------------------------------------------------------- robustness

TEST_F(MediaPlayer, StopsPromptlyWhilePlaying) {
  auto p = open_player(twenty_seconds());
  ASSERT_TRUE(p);
  p->play(0);
  frame_when_ready(*p, 0.5);
  const auto before = Clock::now();
  p.reset();
  EXPECT_LT(Clock::now() - before, std::chrono::milliseconds(200));
}

// Garbage over part of the clip's middle: the damaged packets are skipped,
// the pictures after them come, and the clip ends.
TEST_F(MediaPlayer, DamageInTheMiddleIsSkipped) {
  ClipSpec spec;
  spec.seconds = 3;
  spec.extra = "-g 15";
  const std::string clip = file("damaged.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  {
    std::fstream f(clip, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    const std::streamoff size = f.tellg();
    f.seekp(size / 3);
    std::string junk(4096, '\0');
    for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>(i * 7919 % 251);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto p = open_player(clip);
  ASSERT_TRUE(p);
  p->play(0);
  double last = -1;
  for (int i = 0; i <= 40; ++i) {
    const double now = i * 0.1;
    std::shared_ptr<const VideoFrame> f = frame_when_ready(*p, now);
    if (f) last = f->time_s;
  }
  EXPECT_TRUE(p->ended(4.0));
  EXPECT_GT(last, 2.5);  // pictures after the damage
}

// A clip cut short whose index (at the front) promises more: the reads that
// fail end it; nothing spins.
TEST_F(MediaPlayer, TruncatedClipEnds) {
  ClipSpec spec;
  spec.seconds = 2;
  spec.extra = "-movflags +faststart";
  const std::string clip = file("full.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  std::ifstream in(clip, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = write("cut.mp4", bytes.substr(0, bytes.size() / 2));
  auto p = open_player(cut);
  ASSERT_TRUE(p);
  p->play(0);
  ASSERT_TRUE(wait_until([&] {
    p->frame(5);
    return p->ended(5);
  }));
}

// The show's thread and the audio thread at once.
TEST_F(MediaPlayer, ShowAndAudioThreadsAtOnce) {
  PlayOptions options;
  options.loop = true;
  auto p = open_player(one_second(), options);
  ASSERT_TRUE(p);
  p->play(0);
  std::atomic<bool> done{false};
  std::thread audio([&] {
    std::vector<float> buffer(2 * 256);
    while (!done.load()) {
      p->mix_audio(buffer.data(), 256);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  const auto until = Clock::now() + std::chrono::milliseconds(400);
  for (int i = 0; Clock::now() < until; ++i) {
    const double now = i * 0.01;
    p->frame(now);
    p->next_frame_in(now);
    p->position(now);
    if (i % 25 == 0) p->seek(0.3, now);
    if (i % 40 == 0) p->pause(now);
    if (i % 40 == 5) p->play(now);
    if (i % 60 == 0) p->set_audio_output(i % 120 == 0 ? 44100 : 48000, 2);
    p->stats();
  }
  done.store(true);
  audio.join();
  p.reset();
}

}  // namespace
}  // namespace madang::media
