// What a clip holds, read by libavformat within fixed bounds (media/probe.h).
#include "media/probe.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/hwcontext.h>
#include <libavutil/log.h>
}

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "io/files.h"
#include "media/av_input.h"

namespace madang::media {

// ---------------------------------------------------------------------- input
// media/av_input.h opens the clip (the same for probe, frame and player).

namespace {

// ------------------------------------------------------------------- hardware

// Whether VA-API can decode `codec` here: the decoder knows a VA-API path and
// a VA-API device opens (on a DRM render node only: no X connection).
bool vaapi_can_decode(AVCodecID codec_id) {
  const AVCodec* codec = avcodec_find_decoder(codec_id);
  return codec && vaapi_device(codec) != nullptr;
}

}  // namespace

// ---------------------------------------------------------------------- probe

ProbeResult probe_clip(const std::string& path) {
  ProbeResult result;
  Input in;
  result.problem = open_input(path, &in);
  if (!result.problem.empty()) return result;
  AVFormatContext* format = in.format;
  ClipInfo& info = result.info;
  info.container = format->iformat->name;

  std::string undecodable;
  const int video = pick_stream(format, AVMEDIA_TYPE_VIDEO, &undecodable);
  const int audio = pick_stream(format, AVMEDIA_TYPE_AUDIO, &undecodable);
  if (video < 0 && audio < 0) {
    if (!undecodable.empty())
      result.problem = "uses codec '" + undecodable + "', which this machine cannot decode";
    else
      result.problem = "has neither picture nor sound";
    return result;
  }
  result.problem = limits_problem(format, video, audio);
  if (!result.problem.empty()) return result;
  info.duration_s = clip_duration(format, video, audio);

  if (video >= 0) {
    AVStream* stream = format->streams[video];
    const AVCodecParameters* par = stream->codecpar;
    info.has_video = true;
    info.video_codec = avcodec_get_name(par->codec_id);
    info.width = par->width;
    info.height = par->height;
    // Non-square pixels (anamorphic DVD, HDV): shown wider or narrower.
    const AVRational sar = av_guess_sample_aspect_ratio(format, stream, nullptr);
    if (sar.num > 0 && sar.den > 0 && sar.num != sar.den)
      info.width = std::max(1, static_cast<int>(std::lround(par->width * av_q2d(sar))));
    // A phone held upright: the picture is turned a quarter when shown.
    info.rotation = display_rotation(stream);
    if (info.rotation == 90 || info.rotation == 270) std::swap(info.width, info.height);
    const AVRational rate = av_guess_frame_rate(format, stream, nullptr);
    if (rate.num > 0 && rate.den > 0) info.fps = av_q2d(rate);
    info.hardware = vaapi_can_decode(par->codec_id);
  }
  if (audio >= 0) {
    const AVCodecParameters* par = format->streams[audio]->codecpar;
    info.has_audio = true;
    info.audio_codec = avcodec_get_name(par->codec_id);
    info.audio_rate = par->sample_rate;
    info.audio_channels = par->ch_layout.nb_channels;
  }
  return result;
}

// ------------------------------------------------------------------- describe

std::string describe(const ClipInfo& info) {
  std::string out;
  const auto part = [&out](const std::string& text) {
    if (!out.empty()) out += ", ";
    out += text;
  };
  if (info.has_video) {
    std::string text =
        info.video_codec + " " + std::to_string(info.width) + "x" + std::to_string(info.height);
    if (info.fps > 0) {
      char fps[32];
      if (std::fabs(info.fps - std::round(info.fps)) < 0.005)
        std::snprintf(fps, sizeof fps, " %.0f fps", info.fps);
      else
        std::snprintf(fps, sizeof fps, " %.2f fps", info.fps);
      text += fps;
    }
    part(text);
  }
  if (info.has_audio) {
    std::string text = info.audio_codec;
    if (info.audio_rate > 0) {
      char rate[32];
      if (info.audio_rate % 1000 == 0)
        std::snprintf(rate, sizeof rate, " %d kHz", info.audio_rate / 1000);
      else
        std::snprintf(rate, sizeof rate, " %.1f kHz", info.audio_rate / 1000.0);
      text += rate;
    }
    switch (info.audio_channels) {
      case 0:
        break;
      case 1:
        text += " mono";
        break;
      case 2:
        text += " stereo";
        break;
      case 6:
        text += " 5.1";
        break;
      case 8:
        text += " 7.1";
        break;
      default:
        text += " " + std::to_string(info.audio_channels) + " channels";
    }
    part(text);
  }
  if (info.duration_s > 0) part(clock_text(info.duration_s));
  return out;
}

}  // namespace madang::media
