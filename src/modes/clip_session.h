// The clips of a show (video and sound, deck/clips.h): one media::Player per
// clip in play, driven by what the hall shows, heard through one SDL audio
// device, and seen by every window that draws the current slide.
//
// Promise: a clip plays only while its slide is in the hall and its step
// has come (an `autoplay` one starts then; the others wait for a click, a
// tap or K); leaving the slide pauses it, and coming back resumes it where it
// was (an `autoplay` clip starts again from its start); a black or white
// hall pauses it. Sound comes from the hall alone: one device, mixed on
// SDL's audio thread, never a clip marked `muted`; the console, the
// next-slide preview and the overview add nothing to it. Every window sees
// the same frame in one loop iteration (tick() picks it). Bounded: players
// for at most kMaxPlayers clips are open (the oldest paused one is closed,
// its place remembered); a clip that cannot be opened is said once (log) and
// shows its poster. Nothing runs while no clip plays: tick() asks for no
// wake-up and every worker waits.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "media/player.h"
#include "render/clip_frames.h"

namespace madang::app {

struct ClipSessionOptions {
  std::string command = "present";  // in messages: "madang present: no sound device ..."
  bool sound = true;   // open an audio device for the hall (false: every clip is silent)
  bool kiosk = false;  // every video starts by itself and loops (but on a slide that
                       // moves on when its clip ends: it plays once)
};

class ClipSession final : public render::ClipFrames {
 public:
  static constexpr std::size_t kMaxPlayers = 4;

  explicit ClipSession(ClipSessionOptions options = {});
  ~ClipSession() override;
  ClipSession(const ClipSession&) = delete;
  ClipSession& operator=(const ClipSession&) = delete;

  // The hall shows `slide` (0-based) at `step` of `deck`; `generation`
  // changes when the deck is replaced (every player of the old one goes);
  // `blank`: the hall is black or white. Starts and pauses clips as the
  // promise says. Call after every change and before tick().
  void follow(const deck::Deck& deck, int generation, int slide, int step, bool blank,
              double now_s);
  // Picks each playing clip's frame for `now_s`; true when one is new
  // since the last tick (the hall and the console's picture redraw).
  // *next_s: seconds until the next frame is due; < 0 when nothing plays.
  bool tick(double now_s, double* next_s);

  // A click or tap on clip `key` ("3:0"): play or pause it.
  void toggle(const std::string& key, double now_s);
  // K: plays or pauses the current slide's first clip; J/L: ten seconds back
  // or on. False when the slide has no clip (the key means what it did).
  bool toggle_here(double now_s);
  bool skip_here(double seconds, double now_s);
  // The console's scrub bar: to `time_s` of the current slide's first clip.
  void seek_here(double time_s, double now_s);
  // The current slide's first clip revealed, for the console's bar; false when none.
  struct Here {
    std::string key, label;
    bool playing = false;
    double position_s = 0, duration_s = 0;
  };
  bool here(Here* out) const;
  bool has_clips_here() const { return !here_.empty(); }

  // render::ClipFrames: what tick() picked for `key`.
  bool now(const std::string& key, render::ClipNow* out) const override;

  // Figures for traces and tests: players open, frames shown and dropped.
  struct Stats {
    std::size_t players = 0;
    std::uint64_t frames_shown = 0, frames_dropped = 0, audio_underruns = 0;
    bool audio = false;  // a device is open
  };
  Stats stats() const;

 private:
  struct Clip;
  Clip* open_clip(const std::string& key, const deck::Image& image, double now_s);
  Clip* here_clip(const std::string& key, double now_s);  // opened if on the current slide
  void start(Clip& clip, double now_s);  // plays (once its first picture is decoded), heard
  void moved(Clip& clip, double now_s);  // seeked: a paused clip shows its new picture
  void close_audio();
  void close_oldest();
  bool audio_device();
  void set_audible(Clip& clip, bool audible);
  static void audio_callback(void* self, unsigned char* stream, int bytes);

  ClipSessionOptions options_;
  int generation_ = -1;
  int slide_ = -1, step_ = -1;
  bool blank_ = false;
  std::vector<std::string> here_;  // keys of the current slide's revealed clips, in order
  std::map<std::string, deck::Image> here_images_;  // and what each is (a copy: decks go)
  std::map<std::string, std::unique_ptr<Clip>> clips_;
  std::map<std::string, double> resume_at_;              // closed players' places
  std::vector<std::string> failed_;                      // said once each
  std::vector<std::shared_ptr<media::Player>> audible_;  // read by the audio thread under its lock
  unsigned audio_ = 0;                                   // SDL_AudioDeviceID; 0: none
  bool audio_failed_ = false;                            // no device could be opened (said once)
  double last_heard_s_ = 0;
  bool once_ = false;  // the current slide moves on when its clip ends (a kiosk's)
  static constexpr double kAudioIdleS = 3;
  int audio_rate_ = 48000, audio_channels_ = 2;
  std::uint64_t ticks_ = 0;
};

}  // namespace madang::app
