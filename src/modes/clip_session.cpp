// The clips of a show (see clip_session.h).
#include "modes/clip_session.h"

#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "deck/clips.h"
#include "platform/log.h"
#include "show/kiosk.h"

namespace madang::app {

struct ClipSession::Clip {
  std::string key, path, label;
  deck::MediaOptions media;
  std::shared_ptr<media::Player> player;
  bool audible = false;      // in audible_ (the hall hears it)
  bool was_playing = false;  // playing when its slide was left or the hall went blank
  std::uint64_t used = 0;    // the tick that last saw it on the current slide
  render::ClipNow shown;     // what tick() picked
  std::uint64_t serial = 0;  // of shown.frame
  double last_progress_s = -1;
  // Started (autoplay, a click) before its first picture was decoded: it
  // plays once that picture is there, so that its clock does not run ahead of
  // pictures that do not exist yet (they would all come late and be dropped).
  bool start_pending = false;
  // Moved while paused (J, L, the console's bar): the picture at the new place
  // is picked up as soon as it is decoded.
  bool seek_pending = false;
  double pending_since_s = 0;
};

namespace {

std::string clip_label(const deck::Image& image) {
  if (!image.alt.empty()) return image.alt;
  const std::size_t slash = image.src.find_last_of('/');
  return slash == std::string::npos ? image.src : image.src.substr(slash + 1);
}

// Whether asking SDL for a sound device can succeed: a driver named in
// SDL_AUDIODRIVER (disk, dummy: tests), a sound server (PulseAudio or
// PipeWire's), or a sound card.
bool sound_server_or_card() {
  if (const char* driver = std::getenv("SDL_AUDIODRIVER"); driver && *driver) return true;
  if (const char* server = std::getenv("PULSE_SERVER"); server && *server) return true;
  std::error_code ec;
  if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime) {
    const std::filesystem::path dir(runtime);
    if (std::filesystem::exists(dir / "pulse" / "native", ec) ||
        std::filesystem::exists(dir / "pipewire-0", ec))
      return true;
  }
  return std::filesystem::exists("/dev/snd", ec) && !std::filesystem::is_empty("/dev/snd", ec);
}

}  // namespace

ClipSession::ClipSession(ClipSessionOptions options) : options_(options) {}

ClipSession::~ClipSession() {
  if (audio_ != 0) SDL_CloseAudioDevice(audio_);  // waits for the callback to return
  audible_.clear();
  clips_.clear();  // each player joins its worker
}

//-----------------------------------------------------------------------------
// [SECTION] Following the hall
//-----------------------------------------------------------------------------

void ClipSession::follow(const deck::Deck& deck, int generation, int slide, int step, bool blank,
                         double now_s) {
  if (generation != generation_) {
    // Another deck: its clips are other clips, whatever their keys.
    if (audio_ != 0) SDL_LockAudioDevice(audio_);
    audible_.clear();
    if (audio_ != 0) SDL_UnlockAudioDevice(audio_);
    clips_.clear();
    resume_at_.clear();
    failed_.clear();
    generation_ = generation;
    slide_ = -1;
    step_ = -1;
    here_.clear();
  }
  const bool entered = slide != slide_;
  const bool blanked = blank && !blank_, unblanked = !blank && blank_ && !entered;
  if (entered || blanked) {
    // Kept until its slide comes back (through any number of other slides).
    for (auto& [key, clip] : clips_) {
      if (clip->player->playing() || clip->start_pending) {
        clip->was_playing = true;
        clip->start_pending = false;
        clip->player->pause(now_s);
      }
    }
  }
  std::vector<std::string> here;
  here_images_.clear();
  if (slide >= 0 && slide < static_cast<int>(deck.slides.size())) {
    const deck::Slide& s = deck.slides[static_cast<std::size_t>(slide)];
    once_ = show::advances_after_clip(deck, slide);
    for (const deck::SlideClip& sc : deck::slide_clips(s)) {
      const deck::Image& image = *sc.image;
      const std::string key = deck::clip_key(s.index, sc.ordinal);
      const bool revealed = sc.fragment <= step;
      auto it = clips_.find(key);
      Clip* clip = it == clips_.end() ? nullptr : it->second.get();
      if (!revealed) {
        if (clip && clip->player->playing()) clip->player->pause(now_s);
        if (clip) clip->start_pending = false;
        continue;
      }
      if (image.resolved.empty()) continue;
      here.push_back(key);
      here_images_[key] = image;
      if (blank) continue;
      // New to the hall: the slide came, its step came, or the hall came back
      // from black to a slide that came while it was black.
      const bool appeared = entered || sc.fragment > step_ || (unblanked && !clip);
      const bool autoplay = image.media.autoplay || options_.kiosk;
      if (appeared && autoplay) {
        if (!clip) clip = open_clip(key, image, now_s);
        if (!clip) continue;
        clip->player->seek(image.media.start_s, now_s);
        start(*clip, now_s);
      } else if ((entered || unblanked) && clip && clip->was_playing) {
        start(*clip, now_s);  // back where it was
      }
      if (clip) clip->was_playing = false;
    }
  }
  here_ = std::move(here);
  slide_ = slide;
  step_ = step;
  blank_ = blank;
}

ClipSession::Clip* ClipSession::open_clip(const std::string& key, const deck::Image& image,
                                          double now_s) {
  if (std::find(failed_.begin(), failed_.end(), key) != failed_.end()) return nullptr;
  media::PlayOptions play;
  play.start_s = image.media.start_s;
  play.end_s = image.media.end_s;
  // A kiosk loops every clip, but on a slide that moves on when its clip ends.
  play.loop = image.media.loop || (options_.kiosk && !once_);
  play.volume = image.media.volume;
  std::string problem;
  std::unique_ptr<media::Player> player = media::Player::open(image.resolved, play, &problem);
  if (!player) {
    failed_.push_back(key);
    log_line(LogLevel::kWarning, options_.command,
             "clip '" + image.src + "' cannot be played: " + problem + " (its poster stays)");
    return nullptr;
  }
  auto clip = std::make_unique<Clip>();
  clip->key = key;
  clip->path = image.resolved;
  clip->label = clip_label(image);
  clip->media = image.media;
  clip->player = std::move(player);
  clip->used = ticks_;
  clip->shown.duration_s = clip->player->duration();
  if (auto at = resume_at_.find(key); at != resume_at_.end()) {
    clip->player->seek(at->second, now_s);
    resume_at_.erase(at);
  }
  Clip* raw = clip.get();
  clips_[key] = std::move(clip);
  while (clips_.size() > kMaxPlayers) {
    const std::size_t before = clips_.size();
    close_oldest();
    if (clips_.size() == before) break;
  }
  return raw;
}

// The player used longest ago that is neither playing nor on the current
// slide goes; where it was is kept for when its slide comes back.
void ClipSession::close_oldest() {
  auto oldest = clips_.end();
  for (auto it = clips_.begin(); it != clips_.end(); ++it) {
    if (it->second->player->playing()) continue;
    if (std::find(here_.begin(), here_.end(), it->first) != here_.end()) continue;
    if (oldest == clips_.end() || it->second->used < oldest->second->used) oldest = it;
  }
  if (oldest == clips_.end()) return;
  resume_at_[oldest->first] = oldest->second->shown.position_s;
  set_audible(*oldest->second, false);
  clips_.erase(oldest);
}

//-----------------------------------------------------------------------------
// [SECTION] Frames
//-----------------------------------------------------------------------------

bool ClipSession::tick(double now_s, double* next_s) {
  ++ticks_;
  bool changed = false, heard = false;
  double next = -1;
  auto soon = [&](double s) { next = next < 0 ? s : std::min(next, s); };
  for (auto& [key, clip] : clips_) {
    media::Player& p = *clip->player;
    const bool on_here = std::find(here_.begin(), here_.end(), key) != here_.end();
    if (on_here) clip->used = ticks_;
    if (clip->start_pending) {
      const bool ready = !p.has_video() || p.frame(now_s) != nullptr;
      if (ready || now_s - clip->pending_since_s > 0.5) {
        clip->start_pending = false;
        p.play(now_s);
      } else {
        soon(0.005);
      }
    }
    if (clip->seek_pending && !p.playing()) {
      // A paused clip moved: its picture at the new place, once decoded.
      std::shared_ptr<const media::VideoFrame> frame = p.frame(now_s);
      if (frame && frame->serial != clip->serial) {
        clip->serial = frame->serial;
        clip->shown.frame = std::move(frame);
        clip->seek_pending = false;
        changed = true;
      } else if (now_s - clip->pending_since_s > 1 || !p.has_video()) {
        clip->seek_pending = false;
      } else {
        soon(0.01);
      }
      const double at = p.position(now_s);
      if (at != clip->shown.position_s) changed = true;  // the bar's place
    }
    if (p.playing() && p.ended(now_s)) p.pause(now_s);
    const bool playing = p.playing();
    if (playing != clip->shown.playing) changed = true;
    clip->shown.playing = playing;
    clip->shown.duration_s = p.duration();
    clip->shown.position_s = p.position(now_s);
    if (!playing) continue;
    if (clip->audible) heard = true;
    if (p.has_video()) {
      std::shared_ptr<const media::VideoFrame> frame = p.frame(now_s);
      if (frame && frame->serial != clip->serial) {
        clip->serial = frame->serial;
        clip->shown.frame = std::move(frame);
        changed = true;
      }
      const double due = p.next_frame_in(now_s);
      soon(due >= 0 ? due : 0.25);
    } else {
      // Sound alone: its bar moves on four times a second.
      if (std::abs(clip->shown.position_s - clip->last_progress_s) >= 0.25) {
        clip->last_progress_s = clip->shown.position_s;
        changed = true;
      }
      soon(0.25);
    }
  }
  // The audio thread runs only while something is heard; a device unheard
  // for a few seconds is closed (SDL keeps a paused device's thread awake).
  if (heard) last_heard_s_ = now_s;
  if (audio_ != 0) {
    SDL_PauseAudioDevice(audio_, heard ? 0 : 1);
    if (!heard && now_s - last_heard_s_ > kAudioIdleS) close_audio();
    if (!heard && audio_ != 0) soon(kAudioIdleS);
  }
  *next_s = next;
  return changed;
}

bool ClipSession::now(const std::string& key, render::ClipNow* out) const {
  auto it = clips_.find(key);
  if (it == clips_.end()) return false;
  *out = it->second->shown;
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] The speaker's and the visitor's hands
//-----------------------------------------------------------------------------

void ClipSession::toggle(const std::string& key, double now_s) {
  if (std::find(here_.begin(), here_.end(), key) == here_.end() || blank_) return;
  Clip* clip = here_clip(key, now_s);  // a clip without autoplay starts with its first click
  if (!clip) return;
  media::Player& p = *clip->player;
  if (p.playing() || clip->start_pending) {
    clip->start_pending = false;
    p.pause(now_s);
  } else {
    if (p.ended(now_s)) p.seek(clip->media.start_s, now_s);
    start(*clip, now_s);
  }
}

void ClipSession::start(Clip& clip, double now_s) {
  if (!clip.media.muted && clip.player->has_audio() && options_.sound && audio_device())
    set_audible(clip, true);
  clip.was_playing = false;
  if (clip.player->has_video() && !clip.player->frame(now_s)) {
    clip.start_pending = true;
    clip.pending_since_s = now_s;
    return;
  }
  clip.player->play(now_s);
}

void ClipSession::moved(Clip& clip, double now_s) {
  if (clip.player->playing()) return;  // the next tick picks the new picture anyway
  clip.seek_pending = true;
  clip.pending_since_s = now_s;
}

ClipSession::Clip* ClipSession::here_clip(const std::string& key, double now_s) {
  auto it = clips_.find(key);
  if (it != clips_.end()) return it->second.get();
  auto image = here_images_.find(key);
  return image == here_images_.end() ? nullptr : open_clip(key, image->second, now_s);
}

bool ClipSession::toggle_here(double now_s) {
  if (here_.empty()) return false;
  toggle(here_.front(), now_s);
  return true;
}

bool ClipSession::skip_here(double seconds, double now_s) {
  if (here_.empty()) return false;
  if (Clip* clip = here_clip(here_.front(), now_s)) {
    media::Player& p = *clip->player;
    p.seek(std::max(0.0, p.position(now_s) + seconds), now_s);
    moved(*clip, now_s);
  }
  return true;
}

void ClipSession::seek_here(double time_s, double now_s) {
  if (here_.empty() || blank_) return;
  if (Clip* clip = here_clip(here_.front(), now_s)) {
    clip->player->seek(time_s, now_s);
    moved(*clip, now_s);
  }
}

bool ClipSession::here(Here* out) const {
  if (here_.empty()) return false;
  auto it = clips_.find(here_.front());
  if (it == clips_.end()) {
    // Not opened yet: what the deck's probe said.
    auto image = here_images_.find(here_.front());
    if (image == here_images_.end()) return false;
    out->key = here_.front();
    out->label = clip_label(image->second);
    out->playing = false;
    out->position_s = image->second.media.start_s;
    out->duration_s = image->second.media.duration_s;
    return true;
  }
  const Clip& c = *it->second;
  out->key = c.key;
  out->label = c.label;
  out->playing = c.shown.playing;
  out->position_s = c.shown.position_s;
  out->duration_s = c.shown.duration_s;
  return true;
}

ClipSession::Stats ClipSession::stats() const {
  Stats s;
  s.players = clips_.size();
  s.audio = audio_ != 0;
  for (const auto& [key, clip] : clips_) {
    const media::PlayerStats p = clip->player->stats();
    s.frames_shown += p.frames_shown;
    s.frames_dropped += p.frames_dropped;
    s.audio_underruns += p.audio_underruns;
  }
  return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Sound
//-----------------------------------------------------------------------------

bool ClipSession::audio_device() {
  if (audio_ != 0) return true;
  if (audio_failed_) return false;
  audio_failed_ = true;  // until it opens: said once
  if (!sound_server_or_card()) {
    // Asking SDL would only make ALSA print its own complaints on stderr.
    log_line(LogLevel::kWarning, options_.command,
             "no sound device (no sound card and no sound server): clips play silent");
    return false;
  }
  if (SDL_WasInit(SDL_INIT_AUDIO) == 0 && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    log_line(LogLevel::kWarning, options_.command,
             std::string("no sound device (") + SDL_GetError() + "): clips play silent");
    return false;
  }
  SDL_AudioSpec want{}, have{};
  want.freq = 48000;
  want.format = AUDIO_F32SYS;
  want.channels = 2;
  want.samples = 1024;
  want.callback = &ClipSession::audio_callback;
  want.userdata = this;
  audio_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have,
                               SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE);
  if (audio_ == 0) {
    log_line(LogLevel::kWarning, options_.command,
             std::string("no sound device (") + SDL_GetError() + "): clips play silent");
    return false;
  }
  audio_rate_ = have.freq;
  audio_channels_ = have.channels;
  audio_failed_ = false;
  return true;
}

void ClipSession::close_audio() {
  SDL_CloseAudioDevice(audio_);  // waits for the callback to return
  audio_ = 0;
  audible_.clear();
  for (auto& [key, clip] : clips_) clip->audible = false;
}

void ClipSession::set_audible(Clip& clip, bool audible) {
  if (audio_ == 0 || clip.audible == audible) return;
  if (audible) clip.player->set_audio_output(audio_rate_, audio_channels_);
  SDL_LockAudioDevice(audio_);
  if (audible) {
    audible_.push_back(clip.player);
  } else {
    audible_.erase(std::remove(audible_.begin(), audible_.end(), clip.player), audible_.end());
  }
  SDL_UnlockAudioDevice(audio_);
  clip.audible = audible;
}

void ClipSession::audio_callback(void* self, unsigned char* stream, int bytes) {
  auto* session = static_cast<ClipSession*>(self);
  std::memset(stream, 0, static_cast<std::size_t>(bytes));
  auto* out = reinterpret_cast<float*>(stream);
  const int channels = std::max(1, session->audio_channels_);
  const int frames = bytes / static_cast<int>(sizeof(float)) / channels;
  for (const std::shared_ptr<media::Player>& p : session->audible_) p->mix_audio(out, frames);
  const int samples = frames * channels;
  for (int i = 0; i < samples; ++i) out[i] = std::clamp(out[i], -1.0f, 1.0f);
}

}  // namespace madang::app
