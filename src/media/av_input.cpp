// What media/'s readers share of libav (media/av_input.h).
#include "media/av_input.h"

extern "C" {
#include <libavutil/avutil.h>
#include <libavutil/hwcontext.h>
#include <libavutil/display.h>
#include <libavutil/log.h>
}

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>

#include "io/files.h"
#include "media/probe.h"

namespace madang::media {

int display_rotation(const AVStream* stream) {
  const std::uint8_t* matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
  if (!matrix) return 0;
  // av_display_rotation_get is counter-clockwise, in degrees.
  const double turn = -av_display_rotation_get(reinterpret_cast<const std::int32_t*>(matrix));
  if (std::isnan(turn)) return 0;
  const long quarter = std::lround(turn / 90);
  return static_cast<int>(((quarter % 4) + 4) % 4) * 90;
}

void quiet_libav() {
  static const bool quiet = [] {
    av_log_set_level(AV_LOG_QUIET);
    return true;
  }();
  (void)quiet;
}

std::string av_error(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  std::string out = text;
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

namespace {

int interrupted(void* opaque) {
  const auto* in = static_cast<const Input*>(opaque);
  return in->stop && in->stop->load(std::memory_order_relaxed) ? 1 : 0;
}

int read_file(void* opaque, std::uint8_t* buffer, int size) {
  auto* in = static_cast<Input*>(opaque);
  if (interrupted(in)) return AVERROR_EXIT;
  const std::size_t n = std::fread(buffer, 1, static_cast<std::size_t>(size), in->file);
  if (n == 0) return std::ferror(in->file) ? AVERROR(EIO) : AVERROR_EOF;
  return static_cast<int>(n);
}

std::int64_t seek_file(void* opaque, std::int64_t offset, int whence) {
  auto* in = static_cast<Input*>(opaque);
  whence &= ~AVSEEK_FORCE;
  if (whence == AVSEEK_SIZE) return in->size;
  if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) return AVERROR(EINVAL);
  if (::fseeko(in->file, offset, whence) != 0) return AVERROR(errno);
  return ::ftello(in->file);
}

int refuse_open(AVFormatContext*, AVIOContext**, const char*, int, AVDictionary**) {
  return AVERROR(EPERM);
}

}  // namespace

// Opens `path` and reads its header and the start of its streams; "" or a
// problem phrase.
std::string open_input(const std::string& path, Input* in) {
  quiet_libav();
  std::string error;
  in->file = io::open_regular_file(path, &error);
  if (!in->file) return error;
  struct stat st {};
  if (::fstat(::fileno(in->file), &st) != 0)
    return "cannot be read: " + std::string(std::strerror(errno));
  in->size = st.st_size;
  if (static_cast<std::uint64_t>(st.st_size) > kMaxFileBytes)
    return "is larger than " + std::to_string(kMaxFileBytes >> 30) + " GiB";
  if (st.st_size == 0) return "is empty";

  constexpr int kBufferBytes = 64 * 1024;
  auto* buffer = static_cast<std::uint8_t*>(av_malloc(kBufferBytes));
  if (!buffer) return "cannot be read (out of memory)";
  in->io = avio_alloc_context(buffer, kBufferBytes, 0, in, read_file, nullptr, seek_file);
  if (!in->io) {
    av_free(buffer);
    return "cannot be read (out of memory)";
  }
  const AVInputFormat* format = nullptr;
  const int score = av_probe_input_buffer2(in->io, &format, path.c_str(), nullptr, 0,
                                           static_cast<unsigned>(kProbeBytes));
  if (score < 0 || !format) return "is not a video or sound file (no known format)";

  in->format = avformat_alloc_context();
  if (!in->format) return "cannot be read (out of memory)";
  in->format->pb = in->io;
  in->format->flags |= AVFMT_FLAG_CUSTOM_IO;
  in->format->probesize = kProbeBytes;
  in->format->max_analyze_duration = static_cast<std::int64_t>(kProbeSeconds * AV_TIME_BASE);
  in->format->io_open = refuse_open;
  in->format->interrupt_callback = {interrupted, in};
  int rc = avformat_open_input(&in->format, path.c_str(), format, nullptr);
  if (rc < 0) {
    // A weak guess (the extension alone) that fails is not media at all; a
    // format recognised by its bytes that fails is a damaged file.
    if (score < AVPROBE_SCORE_EXTENSION)
      return "is not a video or sound file (" + av_error(rc) + ")";
    return "is damaged (" + av_error(rc) + ")";
  }
  rc = avformat_find_stream_info(in->format, nullptr);
  if (rc < 0) return "is damaged (" + av_error(rc) + ")";
  return {};
}

// The stream a player would play of `type`: pictures that are not cover art
// (an attached picture is one still, not video), the largest picture or the
// most channels first. -1 when none; *undecodable names the codec of a
// stream there is no decoder for.
int pick_stream(const AVFormatContext* format, AVMediaType type, std::string* undecodable) {
  int best = -1;
  std::int64_t best_size = -1;
  for (unsigned i = 0; i < format->nb_streams; ++i) {
    const AVStream* stream = format->streams[i];
    const AVCodecParameters* par = stream->codecpar;
    if (par->codec_type != type) continue;
    if (stream->disposition & AV_DISPOSITION_ATTACHED_PIC) continue;
    if (!avcodec_find_decoder(par->codec_id)) {
      if (undecodable->empty()) *undecodable = avcodec_get_name(par->codec_id);
      continue;
    }
    const std::int64_t size = type == AVMEDIA_TYPE_VIDEO ? std::int64_t{par->width} * par->height
                                                         : par->ch_layout.nb_channels;
    if (size > best_size) {
      best = static_cast<int>(i);
      best_size = size;
    }
  }
  return best;
}

// The clip's length in seconds (0 unknown).
double clip_duration(const AVFormatContext* format, int video, int audio) {
  if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
    return static_cast<double>(format->duration) / AV_TIME_BASE;
  double duration = 0;
  for (int index : {video, audio}) {
    if (index < 0) continue;
    const AVStream* stream = format->streams[index];
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
      duration =
          std::max(duration, static_cast<double>(stream->duration) * av_q2d(stream->time_base));
  }
  return duration;
}

// "1:05", "1:02:03".
std::string clock_text(double seconds) {
  const long long total = std::llround(seconds);
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  else
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  return text;
}

// Why the clip is refused before any frame is decoded ("" when it is not):
// a picture with no size or past kMaxWidth x kMaxHeight, a length past
// kMaxDurationS.
std::string limits_problem(const AVFormatContext* format, int video, int audio) {
  if (video >= 0) {
    const AVCodecParameters* par = format->streams[video]->codecpar;
    if (par->width <= 0 || par->height <= 0) return "is damaged (its video has no picture size)";
    if (par->width > kMaxWidth || par->height > kMaxHeight)
      return "is " + std::to_string(par->width) + "x" + std::to_string(par->height) +
             ", more than " + std::to_string(kMaxWidth) + "x" + std::to_string(kMaxHeight);
  }
  const double duration = clip_duration(format, video, audio);
  if (duration > kMaxDurationS)
    return "lasts " + clock_text(duration) + ", more than " + clock_text(kMaxDurationS);
  return {};
}
BufferPtr vaapi_device(const AVCodec* codec) {
  bool known = false;
  for (int i = 0;; ++i) {
    const AVCodecHWConfig* config = avcodec_get_hw_config(codec, i);
    if (!config) break;
    if (config->device_type == AV_HWDEVICE_TYPE_VAAPI &&
        (config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX))
      known = true;
  }
  if (!known || ::access("/dev/dri", F_OK) != 0) return nullptr;
  AVDictionary* options = nullptr;
  av_dict_set(&options, "connection_type", "drm", 0);
  AVBufferRef* device = nullptr;
  const int rc = av_hwdevice_ctx_create(&device, AV_HWDEVICE_TYPE_VAAPI, nullptr, options, 0);
  av_dict_free(&options);
  if (rc < 0) return nullptr;
  return BufferPtr(device);
}

}  // namespace madang::media
