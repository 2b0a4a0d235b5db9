// One picture of a clip, by bounded work (media/frame.h).
#include "media/frame.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

#include "io/files.h"
#include "media/av_input.h"
#include "media/probe.h"

namespace madang::media {

// ---------------------------------------------------------------------- input
// media/av_input.h opens the clip (the same for probe, frame and player).

namespace {

// ------------------------------------------------------------------- decoding

// Packets read past which a search gives up, whatever they hold (other
// streams' packets, packets that decode to nothing).
constexpr int kMaxPacketsToRead = kMaxFramesToDecode * 8;

CodecPtr open_decoder(const AVStream* stream, std::string* problem) {
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  CodecPtr context(avcodec_alloc_context3(codec));
  if (!codec || !context) {
    *problem = "cannot be decoded (out of memory)";
    return nullptr;
  }
  int rc = avcodec_parameters_to_context(context.get(), stream->codecpar);
  if (rc >= 0) {
    context->pkt_timebase = stream->time_base;
    context->thread_count = 0;  // as many as there are cores
    rc = avcodec_open2(context.get(), codec, nullptr);
  }
  if (rc < 0) {
    *problem = "cannot be decoded (" + av_error(rc) + ")";
    return nullptr;
  }
  return context;
}

// The frame's presentation time in the stream's units (the decoder's best
// guess when the container gives none).
std::int64_t frame_pts(const AVFrame* frame) {
  return frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
}

// `frame` as straight RGBA, scaled to fit max_width x max_height with its
// display aspect (sample aspect applied), never enlarged.
// `in` turned clockwise by `rotation` (90, 180 or 270 degrees).
Picture turned(const Picture& in, int rotation) {
  Picture out;
  const bool quarter = rotation == 90 || rotation == 270;
  out.width = quarter ? in.height : in.width;
  out.height = quarter ? in.width : in.height;
  out.rgba.resize(in.rgba.size());
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      int tx = x, ty = y;
      if (rotation == 90) {
        tx = in.height - 1 - y;
        ty = x;
      } else if (rotation == 180) {
        tx = in.width - 1 - x;
        ty = in.height - 1 - y;
      } else if (rotation == 270) {
        tx = y;
        ty = in.width - 1 - x;
      }
      std::memcpy(&out.rgba[(static_cast<std::size_t>(ty) * out.width + tx) * 4],
                  &in.rgba[(static_cast<std::size_t>(y) * in.width + x) * 4], 4);
    }
  }
  return out;
}

std::string to_rgba(const AVFrame* frame, AVRational sar, int max_width, int max_height,
                    Picture* out) {
  double shown_w = frame->width, shown_h = frame->height;
  if (sar.num > 0 && sar.den > 0) shown_w *= av_q2d(sar);
  if (max_width <= 0) max_width = static_cast<int>(std::lround(shown_w));
  if (max_height <= 0) max_height = static_cast<int>(std::lround(shown_h));
  const double scale = std::min({1.0, max_width / shown_w, max_height / shown_h});
  const int w =
      std::clamp(static_cast<int>(std::lround(shown_w * scale)), 1, std::max(1, max_width));
  const int h =
      std::clamp(static_cast<int>(std::lround(shown_h * scale)), 1, std::max(1, max_height));

  const auto format = static_cast<AVPixelFormat>(frame->format);
  SwsPtr sws(sws_getContext(frame->width, frame->height, format, w, h, AV_PIX_FMT_RGBA, SWS_BICUBIC,
                            nullptr, nullptr, nullptr));
  if (!sws)
    return "cannot be converted (pixel format " +
           std::string(av_get_pix_fmt_name(format) ? av_get_pix_fmt_name(format) : "unknown") + ")";
  // The frame's own colours: its matrix (BT.601 when it does not say) and
  // range (full for JPEG-style YUV).
  const bool full = frame->color_range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P ||
                    format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P;
  const int* coefficients = sws_getCoefficients(frame->colorspace);
  sws_setColorspaceDetails(sws.get(), coefficients, full ? 1 : 0,
                           sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
  out->width = w;
  out->height = h;
  out->rgba.assign(static_cast<std::size_t>(w) * h * 4, 0);
  std::uint8_t* planes[4] = {out->rgba.data(), nullptr, nullptr, nullptr};
  const int pitches[4] = {w * 4, 0, 0, 0};
  if (sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, planes, pitches) != h) {
    out->rgba.clear();
    return "cannot be converted";
  }
  return {};
}

// The cover picture of a sound file (an MP3's or M4A's attached picture), as
// its poster: -1 when there is none.
int cover_stream(const AVFormatContext* format) {
  for (unsigned i = 0; i < format->nb_streams; ++i) {
    const AVStream* stream = format->streams[i];
    if ((stream->disposition & AV_DISPOSITION_ATTACHED_PIC) && stream->attached_pic.size > 0 &&
        avcodec_find_decoder(stream->codecpar->codec_id))
      return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

// ------------------------------------------------------------ decode_frame_at

FrameResult decode_frame_at(const std::string& path, double time_s, int max_width, int max_height) {
  FrameResult result;
  Input in;
  result.problem = open_input(path, &in);
  if (!result.problem.empty()) return result;
  AVFormatContext* format = in.format;
  std::string undecodable;
  const int video = pick_stream(format, AVMEDIA_TYPE_VIDEO, &undecodable);
  const int audio = pick_stream(format, AVMEDIA_TYPE_AUDIO, &undecodable);
  result.problem = limits_problem(format, video, audio);
  if (!result.problem.empty()) return result;

  const int cover = video < 0 ? cover_stream(format) : -1;
  if (video < 0 && cover < 0) {
    if (!undecodable.empty() && audio < 0)
      result.problem = "uses codec '" + undecodable + "', which this machine cannot decode";
    else
      result.problem = "has no picture";
    return result;
  }
  const int index = video >= 0 ? video : cover;
  AVStream* stream = format->streams[index];
  for (unsigned i = 0; i < format->nb_streams; ++i)
    if (static_cast<int>(i) != index) format->streams[i]->discard = AVDISCARD_ALL;
  CodecPtr codec = open_decoder(stream, &result.problem);
  if (!codec) return result;
  const AVRational sar = av_guess_sample_aspect_ratio(format, stream, nullptr);
  FramePtr frame(av_frame_alloc()), best(av_frame_alloc());
  PacketPtr packet(av_packet_alloc());
  if (!frame || !best || !packet) {
    result.problem = "cannot be decoded (out of memory)";
    return result;
  }

  // Times count from the clip's start (a transport stream's first time is
  // seldom 0).
  const AVRational tb = stream->time_base;
  std::int64_t start = 0;
  if (stream->start_time != AV_NOPTS_VALUE)
    start = stream->start_time;
  else if (format->start_time != AV_NOPTS_VALUE)
    start = av_rescale_q(format->start_time, AVRational{1, AV_TIME_BASE}, tb);
  if (!(time_s > 0)) time_s = 0;  // NaN too
  time_s = std::min(time_s, kMaxDurationS);
  // Rounded to the stream's tick, so that a time written as a frame's own
  // (1.1 for frame 33 at 30 fps) finds that frame, not the one before.
  const std::int64_t target = start + std::llround(time_s * tb.den / tb.num);

  bool have = false;
  std::int64_t best_pts = 0;
  int decoded = 0;
  // Keeps frames up to the target; true when the search is over (a frame
  // past the target, or enough frames decoded).
  const auto take = [&]() -> bool {
    while (avcodec_receive_frame(codec.get(), frame.get()) >= 0) {
      ++decoded;
      std::int64_t pts = frame_pts(frame.get());
      if (pts == AV_NOPTS_VALUE) pts = have ? best_pts : start;
      if (pts > target && have) {
        av_frame_unref(frame.get());
        return true;
      }
      av_frame_unref(best.get());
      av_frame_move_ref(best.get(), frame.get());
      best_pts = pts;
      have = true;
      if (pts > target || decoded >= kMaxFramesToDecode) return true;
    }
    return false;
  };

  if (cover >= 0) {
    if (avcodec_send_packet(codec.get(), &stream->attached_pic) >= 0) {
      avcodec_send_packet(codec.get(), nullptr);
      take();
    }
  } else {
    if (target > start) av_seek_frame(format, index, target, AVSEEK_FLAG_BACKWARD);
    bool done = false;
    for (int packets = 0; !done && packets < kMaxPacketsToRead; ++packets) {
      const int rc = av_read_frame(format, packet.get());
      if (rc < 0) break;
      if (packet->stream_index == index) {
        // A damaged packet is skipped; the next key frame decodes again.
        avcodec_send_packet(codec.get(), packet.get());
        done = take();
      }
      av_packet_unref(packet.get());
    }
    if (!done) {
      avcodec_send_packet(codec.get(), nullptr);  // drain what the decoder holds
      take();
    }
  }
  if (!have) {
    result.problem = "is damaged (no picture could be decoded)";
    return result;
  }
  result.time_s = std::max(0.0, static_cast<double>(best_pts - start) * av_q2d(tb));
  if (cover >= 0) result.time_s = 0;
  // A turned picture (a phone held upright) is scaled to fit turned, then turned.
  const int rotation = cover >= 0 ? 0 : display_rotation(stream);
  const bool quarter = rotation == 90 || rotation == 270;
  result.problem = to_rgba(best.get(), sar, quarter ? max_height : max_width,
                           quarter ? max_width : max_height, &result.picture);
  if (result.ok() && rotation != 0) result.picture = turned(result.picture, rotation);
  return result;
}

}  // namespace madang::media
