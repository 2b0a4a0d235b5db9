// Playing a clip: one worker thread demuxes and decodes into bounded queues;
// the show's thread takes pictures, the audio thread takes sound
// (media/player.h).
#include "media/player.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "io/files.h"
#include "media/av_input.h"
#include "media/probe.h"

namespace madang::media {

// ---------------------------------------------------------------------- input
// media/av_input.h opens the clip (the same for probe, frame and player).

namespace {

// --------------------------------------------------------------------- owners

struct SwrFree {
  void operator()(SwrContext* s) const { swr_free(&s); }
};
using SwrPtr = std::unique_ptr<SwrContext, SwrFree>;

using SteadyClock = std::chrono::steady_clock;

// Bounds of the worker's own buffers (compressed packets read ahead of the
// decoder that needs them: a file's sound and pictures are interleaved
// loosely) and of reading a file that keeps failing.
constexpr std::size_t kMaxPacketBytes = 32u << 20;
constexpr std::size_t kMaxPackets = 4096;
constexpr int kMaxFailedReads = 64;
// Decoder calls one worker step may make before it looks at its requests.
constexpr int kMaxCallsPerStep = 256;
// The sound is the clock while mix_audio was called this recently.
constexpr double kAudioClockS = 0.2;
// Sound that starts this far from where the last sound ended gets silence
// (a gap) or is cut (an overlap); closer, it is taken as it is.
constexpr double kAudioSlackS = 0.03;
// The loop's poll while playing and waiting for a first picture.
constexpr double kPollS = 0.005;

// ------------------------------------------------------------------- decoders

// The decoder asks which format to decode into: VA-API surfaces when
// offered, else the first software format (VA-API did not fit this clip).
AVPixelFormat pick_hw_format(AVCodecContext*, const AVPixelFormat* formats) {
  for (const AVPixelFormat* f = formats; *f != AV_PIX_FMT_NONE; ++f)
    if (*f == AV_PIX_FMT_VAAPI) return *f;
  for (const AVPixelFormat* f = formats; *f != AV_PIX_FMT_NONE; ++f) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(*f);
    if (desc && !(desc->flags & AV_PIX_FMT_FLAG_HWACCEL)) return *f;
  }
  return AV_PIX_FMT_NONE;
}

// A decoder for `stream` on `hw` (nullptr: software); nullptr and *rc when it
// does not open.
CodecPtr try_decoder(const AVStream* stream, AVBufferRef* hw, int* rc) {
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  CodecPtr context(avcodec_alloc_context3(codec));
  if (!codec || !context) {
    *rc = AVERROR(ENOMEM);
    return nullptr;
  }
  *rc = avcodec_parameters_to_context(context.get(), stream->codecpar);
  if (*rc < 0) return nullptr;
  context->pkt_timebase = stream->time_base;
  if (hw) {
    context->hw_device_ctx = av_buffer_ref(hw);
    context->get_format = pick_hw_format;
    context->thread_count = 1;
  } else if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
    context->thread_count = 0;  // as many as there are cores
  }
  *rc = avcodec_open2(context.get(), codec, nullptr);
  if (*rc < 0) return nullptr;
  return context;
}

// A decoder for `stream`, on `device` when one is given and it opens there,
// else in software.
CodecPtr open_decoder(const AVStream* stream, AVBufferRef* device, std::string* problem) {
  int rc = 0;
  if (device)
    if (CodecPtr codec = try_decoder(stream, device, &rc)) return codec;
  if (CodecPtr codec = try_decoder(stream, nullptr, &rc)) return codec;
  *problem = "cannot be decoded (" + av_error(rc) + ")";
  return nullptr;
}

// ------------------------------------------------------------------- pictures

// `frame` (software) as a VideoFrame in tight planes: 4:2:0 8-bit as it
// came (I420 or NV12), anything else converted to I420 by swscale.
std::shared_ptr<VideoFrame> to_video_frame(const AVFrame* frame, SwsPtr* sws) {
  auto out = std::make_shared<VideoFrame>();
  const int w = frame->width, h = frame->height;
  const int cw = (w + 1) / 2, ch = (h + 1) / 2;
  out->width = w;
  out->height = h;
  const auto format = static_cast<AVPixelFormat>(frame->format);
  if (format == AV_PIX_FMT_NV12) {
    out->format = VideoFrame::Format::kNv12;
    out->pitches[0] = w;
    out->pitches[1] = 2 * cw;
    out->offsets[1] = w * h;
    out->data.resize(static_cast<std::size_t>(w) * h + static_cast<std::size_t>(2 * cw) * ch);
    av_image_copy_plane(out->data.data(), w, frame->data[0], frame->linesize[0], w, h);
    av_image_copy_plane(out->data.data() + out->offsets[1], 2 * cw, frame->data[1],
                        frame->linesize[1], 2 * cw, ch);
    return out;
  }
  out->format = VideoFrame::Format::kIyuv;
  out->pitches[0] = w;
  out->pitches[1] = out->pitches[2] = cw;
  out->offsets[1] = w * h;
  out->offsets[2] = w * h + cw * ch;
  out->data.resize(static_cast<std::size_t>(w) * h + 2 * static_cast<std::size_t>(cw) * ch);
  std::uint8_t* planes[4] = {out->data.data(), out->data.data() + out->offsets[1],
                             out->data.data() + out->offsets[2], nullptr};
  if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P) {
    for (int i = 0; i < 3; ++i)
      av_image_copy_plane(planes[i], out->pitches[i], frame->data[i], frame->linesize[i],
                          i == 0 ? w : cw, i == 0 ? h : ch);
    return out;
  }
  sws->reset(sws_getCachedContext(sws->release(), w, h, format, w, h, AV_PIX_FMT_YUV420P,
                                  SWS_BILINEAR, nullptr, nullptr, nullptr));
  if (!*sws) return nullptr;
  const int pitches[4] = {out->pitches[0], out->pitches[1], out->pitches[2], 0};
  if (sws_scale(sws->get(), frame->data, frame->linesize, 0, h, planes, pitches) != h)
    return nullptr;
  return out;
}

// ---------------------------------------------------------------------- sound

// Interleaved float sound waiting for mix_audio, at most kMaxQueuedAudioS:
// a ring of sample frames. `base_t` is the timeline time of the first frame
// written since the last reset; `read` counts the frames taken since.
struct AudioRing {
  std::vector<float> samples;
  int rate = 48000, channels = 2;
  std::size_t capacity = 0, head = 0, size = 0;  // in frames
  double base_t = 0;
  std::uint64_t read = 0;

  void reset(int new_rate, int new_channels, double t) {
    rate = new_rate;
    channels = new_channels;
    capacity = static_cast<std::size_t>(kMaxQueuedAudioS * rate);
    samples.assign(capacity * static_cast<std::size_t>(channels), 0.0f);
    head = size = 0;
    base_t = t;
    read = 0;
  }
  std::size_t room() const { return capacity - size; }
  double read_t() const { return base_t + static_cast<double>(read) / rate; }

  // Appends `frames` frames of `src` (silence when null); at most room().
  std::size_t write(const float* src, std::size_t frames) {
    frames = std::min(frames, room());
    const std::size_t ch = static_cast<std::size_t>(channels);
    for (std::size_t done = 0; done < frames;) {
      const std::size_t at = (head + size) % capacity;
      const std::size_t n = std::min(frames - done, capacity - at);
      float* dst = samples.data() + at * ch;
      if (src)
        std::memcpy(dst, src + done * ch, n * ch * sizeof(float));
      else
        std::fill(dst, dst + n * ch, 0.0f);
      size += n;
      done += n;
    }
    return frames;
  }

  // Takes up to `frames` frames, added into `out` times `volume` (or only
  // dropped when `out` is null).
  std::size_t take(float* out, std::size_t frames, float volume) {
    frames = std::min(frames, size);
    const std::size_t ch = static_cast<std::size_t>(channels);
    for (std::size_t done = 0; done < frames;) {
      const std::size_t n = std::min(frames - done, capacity - head);
      if (out) {
        const float* src = samples.data() + head * ch;
        float* dst = out + done * ch;
        for (std::size_t i = 0; i < n * ch; ++i) dst[i] += src[i] * volume;
      }
      head = (head + n) % capacity;
      size -= n;
      done += n;
    }
    read += frames;
    return frames;
  }
};

// A decoded picture (in memory, not on a GPU) and its time in the clip.
struct Decoded {
  FramePtr frame;
  double s = 0;
  explicit operator bool() const { return frame != nullptr; }
};

// --------------------------------------------------------------------- player

// Times: the player keeps one timeline, T, in seconds from start_s on the
// first pass, that only grows while it plays, also across loops (pass k of a
// loop of length L holds T in [k L, (k+1) L)); a seek starts it again at
// (t - start_s). Queued pictures and sound carry T, so that the last picture
// of a pass stays up until the next pass's first one is due. position()
// maps T back into the clip: start_s + (T mod L).
class ClipPlayer final : public Player {
 public:
  explicit ClipPlayer(const PlayOptions& options) : options_(options) {
    volume_.store(std::clamp(options.volume, 0.0f, 1.0f));
  }
  ~ClipPlayer() override;

  std::string open(const std::string& path);

  void play(double now_s) override;
  void pause(double now_s) override;
  void seek(double time_s, double now_s) override;
  bool playing() const override;
  bool ended(double now_s) override;
  double position(double now_s) override;
  double duration() const override;
  bool has_video() const override { return video_ >= 0; }
  bool has_audio() const override { return audio_ >= 0; }
  std::shared_ptr<const VideoFrame> frame(double now_s) override;
  double next_frame_in(double now_s) override;
  void set_audio_output(int rate, int channels) override;
  void mix_audio(float* out, int frames) override;
  PlayerStats stats() const override;

 private:
  struct Queued {
    std::shared_ptr<VideoFrame> frame;
    double t = 0;  // on the timeline
  };
  struct Worker;

  // Under mu_.
  double sane_now(double now_s) {  // a NaN or infinite time: the last good one
    if (std::isfinite(now_s)) last_now_ = now_s;
    return last_now_;
  }
  double clock(double now_s);
  bool ended_locked(double now_s);
  void seek_locked(double t, double now_s);
  void wake() {
    wakes_.fetch_add(1, std::memory_order_relaxed);
    cv_.notify_all();
  }

  // The worker thread.
  void run();
  void restart(Worker& w, double t, bool first);
  bool step(Worker& w);
  bool step_video(Worker& w);
  bool step_audio(Worker& w);
  bool feed(Worker& w, bool video);
  bool read_packet(Worker& w);
  bool take_video_frame(Worker& w);
  void push_video(Worker& w, Decoded decoded);
  bool take_audio_frame(Worker& w);
  bool flush_pending(Worker& w);
  bool end_pass(Worker& w);
  bool seek_clip(double clip_s);
  void clear_packets(Worker& w);
  double clip_time(int stream, std::int64_t pts) const;

  // Fixed once open() returns.
  const PlayOptions options_;
  Input in_;
  int video_ = -1, audio_ = -1;
  int rotation_ = 0;  // of the picture (display_rotation)
  BufferPtr device_;
  CodecPtr video_codec_, audio_codec_;
  double origin_s_ = 0;  // the stream time that is the clip's 0
  double start_s_ = 0;
  double fps_ = 0;

  std::atomic<bool> stop_{false};
  std::atomic<float> volume_{1};
  std::atomic<bool> playing_now_{false};  // playing_, for mix_audio
  std::atomic<std::uint64_t> wakes_{0};   // bumped whenever a queue has room

  // The show's side and the worker's requests.
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool playing_ = false;
  double anchor_t_ = 0, anchor_now_ = 0;  // the timeline at the caller's time
  double last_now_ = 0;
  std::uint64_t gen_ = 0;  // bumped by every seek: what the worker makes for
  double seek_t_ = 0;      // the timeline time gen_ starts at
  double length_ = 0;      // L: the end minus start_s (0 unknown until found)
  bool finished_ = false;  // the worker reached the end (not looping)
  int out_rate_ = 48000, out_channels_ = 2;
  std::deque<Queued> frames_;
  std::shared_ptr<VideoFrame> current_;
  std::uint64_t serial_ = 0;
  PlayerStats stats_;

  // The audio thread's side: a short lock, never held across decoding.
  mutable std::mutex audio_mu_;
  AudioRing ring_;
  std::uint64_t audio_gen_ = 0;
  double mix_t_ = 0, mix_len_ = 0;  // the last mix_audio: its first frame, its length
  SteadyClock::time_point mix_at_{};
  bool mixed_ = false;
  bool audio_finished_ = false;
  std::uint64_t underruns_ = 0;

  std::thread worker_;
};

// What only the worker thread touches.
struct ClipPlayer::Worker {
  std::uint64_t gen = ~0ull;
  double pass_offset = 0;  // the timeline time of this pass's start_s
  bool preroll = false;    // dropping pictures before preroll_t
  double preroll_t = 0;
  Decoded held;   // the latest picture before preroll_t
  Decoded carry;  // a picture that waits for room
  std::deque<AVPacket*> video_packets, audio_packets;
  std::size_t packet_bytes = 0;
  bool demux_end = false, video_done = true, audio_done = true;
  bool video_flushed = false, audio_flushed = false;
  int failed_reads = 0;
  double last_video_s = 0;
  bool hardware = false;  // the last picture came off VA-API
  bool produced = false;  // this pass gave a picture or sound
  bool padding_end = false;

  SwrPtr swr;
  int swr_in_rate = 0, swr_in_format = -1, swr_in_channels = 0;
  std::uint64_t swr_in_mask = 0;
  int out_rate = 48000, out_channels = 2;
  std::vector<float> pending;        // converted sound waiting for room
  std::size_t pending_at = 0;        // frames of it already written
  std::int64_t pending_silence = 0;  // frames of silence before it
  double write_t = 0;                // the timeline time after the last sound written or pending
  double max_t = 0;                  // the furthest time this pass reached

  SwsPtr sws;
  FramePtr frame = FramePtr(av_frame_alloc());
  PacketPtr packet = PacketPtr(av_packet_alloc());

  bool pending_empty() const {
    return pending_silence == 0 &&
           pending_at * static_cast<std::size_t>(out_channels) >= pending.size();
  }
};

// -------------------------------------------------------------------- opening

std::string ClipPlayer::open(const std::string& path) {
  in_.stop = &stop_;
  std::string problem = open_input(path, &in_);
  if (!problem.empty()) return problem;
  AVFormatContext* format = in_.format;
  std::string undecodable;
  video_ = pick_stream(format, AVMEDIA_TYPE_VIDEO, &undecodable);
  audio_ = pick_stream(format, AVMEDIA_TYPE_AUDIO, &undecodable);
  if (video_ < 0 && audio_ < 0) {
    if (!undecodable.empty())
      return "uses codec '" + undecodable + "', which this machine cannot decode";
    return "has neither picture nor sound";
  }
  problem = limits_problem(format, video_, audio_);
  if (!problem.empty()) return problem;
  for (unsigned i = 0; i < format->nb_streams; ++i)
    if (static_cast<int>(i) != video_ && static_cast<int>(i) != audio_)
      format->streams[i]->discard = AVDISCARD_ALL;

  if (video_ >= 0) {
    const AVStream* stream = format->streams[video_];
    rotation_ = display_rotation(stream);
    if (options_.hardware) device_ = vaapi_device(avcodec_find_decoder(stream->codecpar->codec_id));
    video_codec_ = open_decoder(stream, device_.get(), &problem);
    if (!video_codec_) return problem;
    if (!video_codec_->hw_device_ctx) device_.reset();
    const AVRational rate = av_guess_frame_rate(format, format->streams[video_], nullptr);
    if (rate.num > 0 && rate.den > 0) fps_ = av_q2d(rate);
  }
  if (audio_ >= 0) {
    audio_codec_ = open_decoder(format->streams[audio_], nullptr, &problem);
    if (!audio_codec_) return problem;
  }

  // The clip's 0: its picture's first time (its sound's, for sound alone),
  // as decode_frame_at counts.
  const AVStream* first = format->streams[video_ >= 0 ? video_ : audio_];
  if (first->start_time != AV_NOPTS_VALUE)
    origin_s_ = static_cast<double>(first->start_time) * av_q2d(first->time_base);
  else if (format->start_time != AV_NOPTS_VALUE)
    origin_s_ = static_cast<double>(format->start_time) / AV_TIME_BASE;

  const double clip = clip_duration(format, video_, audio_);
  double start = std::isfinite(options_.start_s) ? std::max(0.0, options_.start_s) : 0;
  if (clip > 0 && start >= clip) start = 0;
  double end = clip;
  if (std::isfinite(options_.end_s) && options_.end_s > start)
    end = clip > 0 ? std::min(options_.end_s, clip) : options_.end_s;
  start_s_ = start;
  length_ = end > start ? end - start : 0;
  ring_.reset(out_rate_, out_channels_, 0);
  worker_ = std::thread([this] { run(); });
  return {};
}

ClipPlayer::~ClipPlayer() {
  {
    std::lock_guard lock(mu_);
    stop_.store(true);
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  in_.stop = nullptr;  // stop_ goes before in_
}

// ------------------------------------------------------------ the show's side

// The timeline now: the sound's when it is heard (the frames mix_audio took,
// and the time since), else the caller's clock from the last anchor.
double ClipPlayer::clock(double now_s) {
  now_s = sane_now(now_s);
  if (!playing_) return anchor_t_;
  double t = 0;
  bool heard = false;
  if (audio_ >= 0) {
    std::lock_guard audio(audio_mu_);
    const double since = std::chrono::duration<double>(SteadyClock::now() - mix_at_).count();
    if (mixed_ && audio_gen_ == gen_ && since < kAudioClockS) {
      t = mix_t_ + std::clamp(since, 0.0, mix_len_);
      heard = true;
    }
  }
  if (heard) {
    anchor_t_ = t;
    anchor_now_ = now_s;
  } else {
    t = anchor_t_ + std::max(0.0, now_s - anchor_now_);
  }
  if (!options_.loop && length_ > 0) t = std::min(t, length_);
  if (!heard && audio_ >= 0) {
    // Nobody hears it: the sound behind the clock goes, so the worker is
    // never held up by a full ring.
    std::lock_guard audio(audio_mu_);
    if (audio_gen_ == gen_ && ring_.read_t() < t) {
      const auto behind = static_cast<std::size_t>((t - ring_.read_t()) * ring_.rate);
      if (ring_.take(nullptr, behind, 0) > 0) wake();
    }
  }
  return t;
}

bool ClipPlayer::ended_locked(double now_s) {
  if (options_.loop || !finished_) return false;
  return clock(now_s) >= length_ - 1e-9;
}

void ClipPlayer::seek_locked(double t, double now_s) {
  anchor_t_ = t;
  anchor_now_ = now_s;
  ++gen_;
  seek_t_ = t;
  finished_ = false;
  frames_.clear();
  {
    std::lock_guard audio(audio_mu_);
    ring_.reset(out_rate_, out_channels_, t);
    audio_gen_ = gen_;
    mix_t_ = t;
    mix_len_ = 0;
    audio_finished_ = false;
  }
  wake();
}

void ClipPlayer::play(double now_s) {
  std::lock_guard lock(mu_);
  if (playing_) return;
  now_s = sane_now(now_s);
  if (ended_locked(now_s)) seek_locked(0, now_s);
  playing_ = true;
  playing_now_.store(true);
  anchor_now_ = now_s;
  wake();
}

void ClipPlayer::pause(double now_s) {
  std::lock_guard lock(mu_);
  if (!playing_) return;
  now_s = sane_now(now_s);
  anchor_t_ = clock(now_s);
  anchor_now_ = now_s;
  playing_ = false;
  playing_now_.store(false);
  wake();
}

void ClipPlayer::seek(double time_s, double now_s) {
  std::lock_guard lock(mu_);
  double t = std::isfinite(time_s) ? time_s - start_s_ : 0;
  t = std::max(0.0, t);
  if (length_ > 0) t = std::min(t, length_);
  seek_locked(t, sane_now(now_s));
}

bool ClipPlayer::playing() const {
  std::lock_guard lock(mu_);
  return playing_;
}

bool ClipPlayer::ended(double now_s) {
  std::lock_guard lock(mu_);
  return ended_locked(now_s);
}

double ClipPlayer::position(double now_s) {
  std::lock_guard lock(mu_);
  const double t = clock(now_s);
  if (length_ <= 0) return start_s_ + t;
  if (options_.loop) return start_s_ + std::fmod(t, length_);
  return start_s_ + std::min(t, length_);
}

double ClipPlayer::duration() const {
  std::lock_guard lock(mu_);
  return length_ > 0 ? start_s_ + length_ : 0;
}

std::shared_ptr<const VideoFrame> ClipPlayer::frame(double now_s) {
  std::lock_guard lock(mu_);
  if (video_ < 0) return nullptr;
  const double t = clock(now_s);
  std::shared_ptr<VideoFrame> due;
  while (!frames_.empty() && frames_.front().t <= t + 1e-9) {
    if (due) ++stats_.frames_dropped;
    due = std::move(frames_.front().frame);
    frames_.pop_front();
  }
  if (due) {
    due->serial = ++serial_;
    current_ = std::move(due);
    ++stats_.frames_shown;
    wake();
  }
  return current_;
}

double ClipPlayer::next_frame_in(double now_s) {
  std::lock_guard lock(mu_);
  if (!playing_ || video_ < 0 || ended_locked(now_s)) return -1;
  const double t = clock(now_s);
  if (!frames_.empty()) return std::max(0.0, frames_.front().t - t);
  if (finished_) return length_ > t ? length_ - t : -1;  // nothing more but the end
  return kPollS;
}

void ClipPlayer::set_audio_output(int rate, int channels) {
  if (rate < 8000 || rate > 384000 || channels < 1 || channels > 8) return;
  std::lock_guard lock(mu_);
  if (rate == out_rate_ && channels == out_channels_) return;
  out_rate_ = rate;
  out_channels_ = channels;
  if (audio_ < 0) return;
  // The sound decoded so far is in the old format: decode again from here.
  const double t = clock(last_now_);
  seek_locked(t, last_now_);
}

void ClipPlayer::mix_audio(float* out, int frames) {
  if (audio_ < 0 || !out || frames <= 0) return;
  std::size_t took = 0;
  {
    std::lock_guard audio(audio_mu_);
    if (!playing_now_.load()) return;
    const double t = ring_.read_t();
    took = ring_.take(out, static_cast<std::size_t>(frames), volume_.load());
    if (took < static_cast<std::size_t>(frames) && !audio_finished_) ++underruns_;
    mix_t_ = t;
    mix_len_ = static_cast<double>(took) / ring_.rate;
    mix_at_ = SteadyClock::now();
    mixed_ = true;
  }
  // Room in the ring: the worker may go on (it also looks every few
  // milliseconds while playing, in case this wake comes between its check
  // and its wait).
  if (took > 0) wake();
}

PlayerStats ClipPlayer::stats() const {
  std::lock_guard lock(mu_);
  PlayerStats s = stats_;
  s.queued_frames = static_cast<int>(frames_.size());
  std::lock_guard audio(audio_mu_);
  s.audio_underruns = underruns_;
  s.queued_audio_s = static_cast<double>(ring_.size) / ring_.rate;
  return s;
}

// ----------------------------------------------------------------- the worker

void ClipPlayer::run() {
  Worker w;
  if (!w.frame || !w.packet) return;
  bool first = true;
  for (;;) {
    std::uint64_t seen = 0;
    double restart_at = -1;
    {
      std::unique_lock lock(mu_);
      // Idle (0 CPU) while nothing is asked of it: the end reached, or paused
      // with full queues (below).
      cv_.wait(lock, [&] { return stop_.load() || gen_ != w.gen || !finished_; });
      if (stop_.load()) break;
      if (gen_ != w.gen) {
        w.gen = gen_;
        restart_at = seek_t_;
        w.out_rate = out_rate_;
        w.out_channels = out_channels_;
      }
      seen = wakes_.load();
    }
    if (restart_at >= 0) {
      restart(w, restart_at, first);
      first = false;
      continue;
    }
    if (step(w)) continue;
    // Nothing could be done: the queues are full, or the end is reached.
    std::unique_lock lock(mu_);
    const auto woken = [&] { return stop_.load() || gen_ != w.gen || wakes_.load() != seen; };
    if (playing_ && audio_ >= 0 && !finished_)
      cv_.wait_for(lock, std::chrono::milliseconds(20), woken);
    else
      cv_.wait(lock, woken);
  }
  clear_packets(w);
}

void ClipPlayer::clear_packets(Worker& w) {
  for (auto* queue : {&w.video_packets, &w.audio_packets}) {
    for (AVPacket* p : *queue) av_packet_free(&p);
    queue->clear();
  }
  w.packet_bytes = 0;
}

double ClipPlayer::clip_time(int stream, std::int64_t pts) const {
  return static_cast<double>(pts) * av_q2d(in_.format->streams[stream]->time_base) - origin_s_;
}

// Seeks to the key frame at or before `clip_s` (of the picture, when there
// is one).
bool ClipPlayer::seek_clip(double clip_s) {
  const int index = video_ >= 0 ? video_ : audio_;
  const AVRational tb = in_.format->streams[index]->time_base;
  const std::int64_t ts = std::llround((clip_s + origin_s_) * tb.den / tb.num);
  if (av_seek_frame(in_.format, index, ts, AVSEEK_FLAG_BACKWARD) >= 0) return true;
  if (clip_s <= 0 && av_seek_frame(in_.format, -1, 0, AVSEEK_FLAG_BYTE) >= 0) return true;
  return false;
}

// Starts generation w.gen at timeline time `t`: everything decoded before
// goes, the file is read again from the key frame before it.
void ClipPlayer::restart(Worker& w, double t, bool first) {
  clear_packets(w);
  w.held = {};
  w.carry = {};
  w.pending.clear();
  w.pending_at = 0;
  w.pending_silence = 0;
  w.swr.reset();
  if (video_codec_) avcodec_flush_buffers(video_codec_.get());
  if (audio_codec_) avcodec_flush_buffers(audio_codec_.get());
  w.pass_offset = 0;
  w.write_t = t;
  w.max_t = t;
  w.preroll = true;
  w.preroll_t = t;
  w.demux_end = false;
  w.video_done = video_ < 0;
  w.audio_done = audio_ < 0;
  w.video_flushed = w.audio_flushed = false;
  w.failed_reads = 0;
  w.produced = false;
  w.padding_end = false;
  w.last_video_s = start_s_ + t;
  // Straight after opening, the file is at its start (its first packets
  // read ahead by the probe): no seek needed to begin there.
  if (first && start_s_ + t <= 0) return;
  seek_clip(start_s_ + t);
}

// One piece of work: sound written, a picture or a chunk of sound decoded,
// or a pass ended. false when nothing could be done (wait for room).
bool ClipPlayer::step(Worker& w) {
  bool progress = flush_pending(w);
  bool video_room = false;
  {
    std::lock_guard lock(mu_);
    video_room = frames_.size() < static_cast<std::size_t>(kMaxQueuedFrames);
  }
  if (!w.video_done && video_room) progress |= step_video(w);
  if (!w.audio_done && w.pending_empty()) progress |= step_audio(w);
  if (w.video_done && w.audio_done && w.pending_empty() && !progress) progress = end_pass(w);
  return progress;
}

// Packets for the stream that wants one: its queue, or the file (what is
// read for the other stream waits in its queue). false when neither can give.
bool ClipPlayer::feed(Worker& w, bool video) {
  std::deque<AVPacket*>& queue = video ? w.video_packets : w.audio_packets;
  AVCodecContext* codec = video ? video_codec_.get() : audio_codec_.get();
  if (!queue.empty()) {
    AVPacket* packet = queue.front();
    queue.pop_front();
    w.packet_bytes -= std::min<std::size_t>(w.packet_bytes, static_cast<std::size_t>(packet->size));
    const int rc = avcodec_send_packet(codec, packet);
    av_packet_free(&packet);
    if (rc < 0 && rc != AVERROR(EAGAIN)) {
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;  // a damaged packet: skipped
    }
    return true;
  }
  if (w.demux_end) {
    bool& flushed = video ? w.video_flushed : w.audio_flushed;
    if (flushed) return false;
    avcodec_send_packet(codec, nullptr);  // the decoder gives what it holds
    flushed = true;
    return true;
  }
  return read_packet(w);
}

bool ClipPlayer::read_packet(Worker& w) {
  if (w.packet_bytes > kMaxPacketBytes ||
      w.video_packets.size() + w.audio_packets.size() > kMaxPackets)
    return false;
  const int rc = av_read_frame(in_.format, w.packet.get());
  if (rc < 0) {
    if (rc == AVERROR_EXIT) return false;  // stopping
    const bool end = rc == AVERROR_EOF || ++w.failed_reads > kMaxFailedReads;
    if (end) w.demux_end = true;
    if (rc != AVERROR_EOF && rc != AVERROR(EAGAIN)) {
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;
    }
    return true;
  }
  w.failed_reads = 0;
  const int index = w.packet->stream_index;
  if ((index == video_ && !w.video_done) || (index == audio_ && !w.audio_done)) {
    AVPacket* packet = av_packet_clone(w.packet.get());
    if (packet) {
      w.packet_bytes += static_cast<std::size_t>(std::max(0, packet->size));
      (index == video_ ? w.video_packets : w.audio_packets).push_back(packet);
    }
  }
  av_packet_unref(w.packet.get());
  return true;
}

bool ClipPlayer::step_video(Worker& w) {
  if (w.carry) {
    push_video(w, std::move(w.carry));
    return true;
  }
  bool progress = false;
  for (int calls = 0; calls < kMaxCallsPerStep && !stop_.load(); ++calls) {
    const int rc = avcodec_receive_frame(video_codec_.get(), w.frame.get());
    if (rc >= 0) {
      if (take_video_frame(w)) return true;
      progress = true;
      continue;
    }
    if (rc == AVERROR_EOF) {
      w.video_done = true;
      if (w.held) push_video(w, std::move(w.held));  // a seek past the last picture
      return true;
    }
    if (rc != AVERROR(EAGAIN)) {
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;
      continue;
    }
    if (!feed(w, true)) return progress;
    progress = true;
  }
  return true;
}

// The picture just decoded (w.frame): held back while before the preroll
// time, dropped past the end, else queued. true when one was queued.
bool ClipPlayer::take_video_frame(Worker& w) {
  Decoded decoded{FramePtr(av_frame_alloc())};
  AVFrame* frame = decoded.frame.get();
  if (!frame) return false;
  w.hardware = w.frame->format == AV_PIX_FMT_VAAPI;
  if (w.hardware) {
    // Off the GPU: NV12 (P010 for 10-bit: converted with the rest).
    const int rc = av_hwframe_transfer_data(frame, w.frame.get(), 0);
    if (rc >= 0) av_frame_copy_props(frame, w.frame.get());
    av_frame_unref(w.frame.get());
    if (rc < 0) {
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;
      return false;
    }
  } else {
    av_frame_move_ref(frame, w.frame.get());
  }
  const std::int64_t pts =
      frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
  decoded.s = pts != AV_NOPTS_VALUE ? clip_time(video_, pts)
                                    : w.last_video_s + (fps_ > 0 ? 1 / fps_ : 0.04);
  w.last_video_s = decoded.s;
  if (length_ > 0 && decoded.s >= start_s_ + length_ - 1e-6) {
    // Past the end of the pass: what is held is the last picture.
    w.video_done = true;
    if (!w.held) return false;
    push_video(w, std::move(w.held));
    return true;
  }
  if (w.preroll) {
    const double t = w.pass_offset + (decoded.s - start_s_);
    if (t <= w.preroll_t + 1e-6) {
      w.held = std::move(decoded);
      return false;
    }
    w.preroll = false;
    if (w.held) {
      push_video(w, std::move(w.held));
      w.carry = std::move(decoded);
      return true;
    }
  }
  push_video(w, std::move(decoded));
  return true;
}

void ClipPlayer::push_video(Worker& w, Decoded decoded) {
  std::shared_ptr<VideoFrame> out = to_video_frame(decoded.frame.get(), &w.sws);
  decoded.frame.reset();
  if (out) out->rotation = rotation_;
  std::lock_guard lock(mu_);
  if (!out) {
    ++stats_.decode_errors;
    return;
  }
  if (gen_ != w.gen) return;
  // The picture shown at a seek's target (it starts before it) is due at
  // the target itself.
  const double t = std::max(w.pass_offset + (decoded.s - start_s_), w.preroll_t);
  out->time_s = decoded.s;
  frames_.push_back({std::move(out), t});
  ++stats_.frames_decoded;
  stats_.hardware = w.hardware;
  w.produced = true;
  w.max_t = std::max(w.max_t, t + (fps_ > 0 ? 1 / fps_ : 0));
}

bool ClipPlayer::step_audio(Worker& w) {
  bool progress = false;
  for (int calls = 0; calls < kMaxCallsPerStep && !stop_.load(); ++calls) {
    const int rc = avcodec_receive_frame(audio_codec_.get(), w.frame.get());
    if (rc >= 0) {
      const bool wrote = take_audio_frame(w);
      av_frame_unref(w.frame.get());
      if (wrote) return true;
      progress = true;
      continue;
    }
    if (rc == AVERROR_EOF) {
      w.audio_done = true;
      return true;
    }
    if (rc != AVERROR(EAGAIN)) {
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;
      continue;
    }
    if (!feed(w, false)) return progress;
    progress = true;
  }
  return true;
}

// The sound just decoded (w.frame), converted to the output's rate and
// channels and placed on the timeline: silence fills a gap before it, an
// overlap is cut, and so is what lies past the end. true when some was kept.
bool ClipPlayer::take_audio_frame(Worker& w) {
  AVFrame* frame = w.frame.get();
  const std::int64_t pts =
      frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
  const double s =
      pts != AV_NOPTS_VALUE ? clip_time(audio_, pts) : start_s_ + (w.write_t - w.pass_offset);
  const double end_s = start_s_ + length_;
  if (length_ > 0 && s >= end_s - 1e-6) {
    w.audio_done = true;
    return false;
  }
  const std::uint64_t mask =
      frame->ch_layout.order == AV_CHANNEL_ORDER_NATIVE ? frame->ch_layout.u.mask : 0;
  if (!w.swr || w.swr_in_rate != frame->sample_rate || w.swr_in_format != frame->format ||
      w.swr_in_channels != frame->ch_layout.nb_channels || w.swr_in_mask != mask) {
    w.swr.reset();
    AVChannelLayout out_layout{};
    av_channel_layout_default(&out_layout, w.out_channels);
    SwrContext* swr = nullptr;
    int rc = swr_alloc_set_opts2(&swr, &out_layout, AV_SAMPLE_FMT_FLT, w.out_rate,
                                 &frame->ch_layout, static_cast<AVSampleFormat>(frame->format),
                                 frame->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&out_layout);
    w.swr.reset(swr);
    // One channel goes to every speaker at its own level (libswresample
    // puts a mono centre 3 dB down on each side).
    if (rc >= 0 && frame->ch_layout.nb_channels == 1) {
      const std::vector<double> matrix(static_cast<std::size_t>(w.out_channels), 1.0);
      rc = swr_set_matrix(swr, matrix.data(), 1);
    }
    if (rc >= 0) rc = swr_init(swr);
    if (rc < 0) {
      w.swr.reset();
      std::lock_guard lock(mu_);
      ++stats_.decode_errors;
      return false;
    }
    w.swr_in_rate = frame->sample_rate;
    w.swr_in_format = frame->format;
    w.swr_in_channels = frame->ch_layout.nb_channels;
    w.swr_in_mask = mask;
  }
  const int room = swr_get_out_samples(w.swr.get(), frame->nb_samples);
  if (room <= 0) return false;
  std::vector<float> samples(static_cast<std::size_t>(room) * w.out_channels);
  std::uint8_t* out[1] = {reinterpret_cast<std::uint8_t*>(samples.data())};
  const int n =
      swr_convert(w.swr.get(), out, room, const_cast<const std::uint8_t**>(frame->extended_data),
                  frame->nb_samples);
  if (n <= 0) return false;
  std::size_t first = 0, last = static_cast<std::size_t>(n);
  if (length_ > 0) {
    const auto fit = static_cast<std::size_t>(std::max(0.0, (end_s - s) * w.out_rate));
    if (fit < last) {
      last = fit;
      w.audio_done = true;  // the end of the pass
    }
  }
  const double t = w.pass_offset + (s - start_s_);
  const double gap = t - w.write_t;
  if (gap > kAudioSlackS) {
    const auto silence = static_cast<std::int64_t>(std::llround(gap * w.out_rate));
    w.pending_silence += silence;
    w.write_t += static_cast<double>(silence) / w.out_rate;
  } else if (gap < -kAudioSlackS) {
    first = std::min(last, static_cast<std::size_t>(std::llround(-gap * w.out_rate)));
  }
  if (first >= last) return false;
  const std::size_t ch = static_cast<std::size_t>(w.out_channels);
  w.pending.assign(samples.begin() + static_cast<std::ptrdiff_t>(first * ch),
                   samples.begin() + static_cast<std::ptrdiff_t>(last * ch));
  w.pending_at = 0;
  w.write_t += static_cast<double>(last - first) / w.out_rate;
  w.max_t = std::max(w.max_t, w.write_t);
  w.produced = true;
  flush_pending(w);
  return true;
}

// Moves what sound waits into the ring, as far as it has room.
bool ClipPlayer::flush_pending(Worker& w) {
  if (w.pending_empty()) return false;
  const std::size_t ch = static_cast<std::size_t>(w.out_channels);
  std::size_t wrote = 0;
  {
    std::lock_guard audio(audio_mu_);
    if (audio_gen_ != w.gen || ring_.channels != w.out_channels || ring_.rate != w.out_rate) {
      w.pending.clear();  // a seek came: this sound is for before it
      w.pending_at = 0;
      w.pending_silence = 0;
      return true;
    }
    if (w.pending_silence > 0) {
      const std::size_t n = ring_.write(nullptr, static_cast<std::size_t>(w.pending_silence));
      w.pending_silence -= static_cast<std::int64_t>(n);
      wrote += n;
    }
    if (w.pending_silence == 0) {
      const std::size_t left = w.pending.size() / ch - w.pending_at;
      const std::size_t n = ring_.write(w.pending.data() + w.pending_at * ch, left);
      w.pending_at += n;
      wrote += n;
    }
  }
  if (w.pending_at * ch >= w.pending.size()) {
    w.pending.clear();
    w.pending_at = 0;
  }
  return wrote > 0;
}

// Both streams reached the end of the pass: a loop goes back to start_s
// (its timeline going on), else the worker is done once the sound is
// written out to the end.
bool ClipPlayer::end_pass(Worker& w) {
  double length = length_;
  if (length <= 0) length = w.max_t - w.pass_offset;
  if (options_.loop && w.produced && length > 1e-3) {
    {
      std::lock_guard lock(mu_);
      if (gen_ != w.gen) return true;
      if (length_ <= 0) length_ = length;
      ++stats_.loops;
    }
    clear_packets(w);
    if (video_codec_) avcodec_flush_buffers(video_codec_.get());
    if (audio_codec_) avcodec_flush_buffers(audio_codec_.get());
    w.pass_offset += length;
    w.preroll = true;
    w.preroll_t = w.pass_offset;
    w.held = {};
    w.demux_end = false;
    w.video_done = video_ < 0;
    w.audio_done = audio_ < 0;
    w.video_flushed = w.audio_flushed = false;
    w.failed_reads = 0;
    w.produced = false;
    w.max_t = w.pass_offset;
    w.last_video_s = start_s_;
    if (seek_clip(start_s_)) return true;
  }
  if (audio_ >= 0 && !w.padding_end && length > 0) {
    // Silence up to the end, so that the sound's clock reaches it.
    w.padding_end = true;
    const double gap = w.pass_offset + length - w.write_t;
    if (gap > 0) {
      w.pending_silence += std::llround(gap * w.out_rate);
      w.write_t += gap;
      return true;
    }
  }
  std::lock_guard lock(mu_);
  if (gen_ == w.gen) {
    finished_ = true;
    if (length_ <= 0) length_ = std::max(length, w.max_t - w.pass_offset);
    std::lock_guard audio(audio_mu_);
    audio_finished_ = true;
  }
  return false;
}

}  // namespace

// ----------------------------------------------------------------------- open

std::unique_ptr<Player> Player::open(const std::string& path, const PlayOptions& options,
                                     std::string* problem) {
  auto player = std::make_unique<ClipPlayer>(options);
  std::string why = player->open(path);
  if (!why.empty()) {
    if (problem) *problem = std::move(why);
    return nullptr;
  }
  return player;
}

}  // namespace madang::media
