// Playing a clip: demux and decode on a worker thread into bounded queues;
// the picture for any moment, in its own YUV planes (for an SDL streaming
// texture), and the sound as float samples at the output's format (for SDL's
// audio callback).
//
// Promise: the clock is the sound when the clip has any and it is heard
// (mix_audio is being called), else the caller's `now_s` (the loop's clock,
// so a test's sped-up clock plays a clip sped up: frames that are late are
// skipped, never queued without bound). Queues: at most kMaxQueuedFrames
// pictures and kMaxQueuedAudioS seconds of sound. A loop goes back to start_s
// without a black frame (the next pass's first picture is decoded before the
// last one is taken down). No thread runs while paused or ended (the worker
// waits on a condition, 0 CPU). Decode errors in the middle of a clip skip the
// damaged packets; a clip that cannot be opened is a problem phrase from
// open(). Thread-safe: every method may be called from the show's thread, and
// mix_audio from the audio thread, at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace madang::media {

inline constexpr int kMaxQueuedFrames = 6;
inline constexpr double kMaxQueuedAudioS = 1.0;

struct PlayOptions {
  double start_s = 0;
  double end_s = 0;  // 0: the clip's end
  bool loop = false;
  float volume = 1;      // 0..1, applied in mix_audio
  bool hardware = true;  // try VA-API first (falls back to software quietly)
};

// A decoded picture in the format it came in, or converted only when SDL
// cannot take that format (10-bit, 4:2:2, 4:4:4, ...: to kIyuv with swscale).
struct VideoFrame {
  enum class Format { kIyuv, kNv12 } format = Format::kIyuv;  // planar Y, U, V 4:2:0 / Y + UV
  int width = 0, height = 0;
  std::vector<std::uint8_t> data;  // the planes, one after another
  int offsets[3] = {0, 0, 0};      // of each plane in data (kNv12: two)
  int pitches[3] = {0, 0, 0};
  int rotation = 0;          // clockwise degrees to turn it when shown (media/probe.h)
  double time_s = 0;         // presentation time in the clip
  std::uint64_t serial = 0;  // differs for every new frame a player hands out
};

struct PlayerStats {
  std::uint64_t frames_decoded = 0;
  std::uint64_t frames_shown = 0;    // handed out by frame() as new
  std::uint64_t frames_dropped = 0;  // decoded but late (never shown)
  std::uint64_t loops = 0;
  std::uint64_t audio_underruns = 0;  // mix_audio calls that found too little sound
  std::uint64_t decode_errors = 0;    // damaged packets skipped, failed reads
  int queued_frames = 0;              // pictures waiting now (<= kMaxQueuedFrames)
  double queued_audio_s = 0;          // sound waiting now (<= kMaxQueuedAudioS)
  bool hardware = false;              // decoding on a hardware decoder
};

class Player {
 public:
  // Opens the clip and starts the worker (paused at options.start_s, its
  // first picture decoded ahead). nullptr and *problem set when it cannot.
  static std::unique_ptr<Player> open(const std::string& path, const PlayOptions& options,
                                      std::string* problem);
  virtual ~Player() = default;

  virtual void play(double now_s) = 0;
  virtual void pause(double now_s) = 0;
  // Jumps to `time_s` (clamped into start_s..end); keeps playing or paused.
  virtual void seek(double time_s, double now_s) = 0;
  virtual bool playing() const = 0;
  // Played to its end (never for a loop); play() starts it again from start_s.
  virtual bool ended(double now_s) = 0;
  // Seconds into the clip. A loop's position wraps: start_s + (time played)
  // mod (end - start_s), as do its pictures' time_s; the last picture of a
  // pass stays up until the next pass's first is due.
  virtual double position(double now_s) = 0;
  virtual double duration() const = 0;  // end - 0 (the clip's own time), 0 unknown
  virtual bool has_video() const = 0;
  virtual bool has_audio() const = 0;

  // The picture for `now_s`: the latest decoded one whose time has come;
  // nullptr before the first is decoded. Shared: the caller may keep it.
  virtual std::shared_ptr<const VideoFrame> frame(double now_s) = 0;
  // Seconds until the next picture is due (the loop's sleep); < 0 when
  // nothing will change by itself (paused, ended, sound only).
  virtual double next_frame_in(double now_s) = 0;

  // The output's format, before the first mix_audio: interleaved float32
  // (48000 Hz stereo until called; mono sound goes to every channel at its
  // own level).
  virtual void set_audio_output(int rate, int channels) = 0;
  // Adds (mixes into `out`) this clip's next `frames` sample frames at its
  // volume; nothing while paused. From the audio thread; never blocks on
  // the decoder (an empty queue adds nothing and counts an underrun).
  virtual void mix_audio(float* out, int frames) = 0;
  virtual PlayerStats stats() const = 0;
};

}  // namespace madang::media
