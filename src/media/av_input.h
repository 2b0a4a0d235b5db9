// Private to media/: what probe.cpp, frame.cpp and player.cpp share of
// libav: a clip opened through io/ (regular files only) and read by a reader
// of our own, within the probe's bounds; the streams picked; the limits;
// owners of libav's objects. media/'s public headers stay free of FFmpeg.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace madang::media {

// The clip's bytes reach libavformat through a reader of our own over a file
// that io/ opened (regular files only), never by its path: a FIFO swapped in
// cannot block, and a reference inside the file (an HLS playlist, a concat
// list, a QuickTime data reference) cannot open anything else (io_open
// refuses). `stop`, when set, interrupts any read.
struct Input {
  std::FILE* file = nullptr;
  std::int64_t size = 0;
  AVIOContext* io = nullptr;
  AVFormatContext* format = nullptr;
  const std::atomic<bool>* stop = nullptr;

  Input() = default;
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  ~Input() {
    avformat_close_input(&format);
    if (io) av_freep(&io->buffer);
    avio_context_free(&io);
    if (file) std::fclose(file);
  }
};

// libav logs to stderr by default; Madang says what went wrong itself, as a
// problem phrase. Set once per process (thread-safe).
void quiet_libav();
// libav's error text, starting lower-case (it follows a path in messages).
std::string av_error(int code);
// Opens `path` into `in` within the probe's bounds; "" or the problem phrase.
std::string open_input(const std::string& path, Input* in);
// The best stream of `type` that this machine can decode (-1: none; the
// codec it cannot decode named in *undecodable). Cover art is not video.
int pick_stream(const AVFormatContext* format, AVMediaType type, std::string* undecodable);
// Seconds, from the container or the streams (0 when nobody says).
double clip_duration(const AVFormatContext* format, int video, int audio);
// How far clockwise the picture of `stream` is turned to be shown (a phone's
// portrait clip carries its turn as a display matrix): 0, 90, 180 or 270.
int display_rotation(const AVStream* stream);
// "1:05", "1:02:03".
std::string clock_text(double seconds);
// "" or why the clip is past media/probe.h's caps (size, length).
std::string limits_problem(const AVFormatContext* format, int video, int audio);

// ------------------------------------------------------------------- owners

struct CodecFree {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFree {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFree>;
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFree>;
struct BufferFree {
  void operator()(AVBufferRef* b) const { av_buffer_unref(&b); }
};
using BufferPtr = std::unique_ptr<AVBufferRef, BufferFree>;

// A VA-API device for `codec` on a DRM render node (never an X connection),
// or nullptr: no /dev/dri, no driver, the codec has no VA-API path.
BufferPtr vaapi_device(const AVCodec* codec);

}  // namespace madang::media
