// The remote (remote/server.h) tied to a window mode: started with the
// mode's `--remote` options, its address printed, its commands delivered to
// the show's loop as an SDL user event, the show published back.
//
// Promise: the glue only. The server's threads never touch the show: they
// queue commands and push one wake-up event at a time; the loop drains the
// queue (take) and hands each command to the controller, and the controller
// publishes a snapshot after each frame (cheap when nothing changed).
#pragma once

#include <SDL.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "modes/modes.h"
#include "remote/qr.h"
#include "remote/server.h"
#include "screens/qr_card.h"
#include "show/show.h"
#include "text/text.h"

namespace madang::app {

using RemoteOptions = PresentOptions::Remote;

class RemoteLink {
 public:
  // Starts the server and prints "remote: URL" (and "audience: URL") on
  // stdout; nullptr, with the reason on stderr as "madang COMMAND: ...",
  // when it cannot. Needs SDL's events (inside with_video).
  static std::unique_ptr<RemoteLink> start(const char* command, const RemoteOptions& options);
  ~RemoteLink();

  // True when `e` is the remote's wake-up (the loop then calls take()).
  bool woke(const SDL_Event& e) const { return e.type == event_type_; }
  std::vector<remote::Command> take();
  // The show now; `generation` changes when the deck was replaced.
  void publish(const show::Show& show, double talk_ms, const std::string& wall, int generation);

  const std::string& control_url() const { return control_url_; }
  const std::string& audience_url() const { return audience_url_; }
  const remote::QrCode& control_qr() const { return control_qr_; }
  const remote::QrCode& audience_qr() const { return audience_qr_; }
  remote::Server& server() { return *server_; }

  // The QR card for a `width` x `height` console (screens/qr_card.h), or
  // nullptr while hidden. Laid out again only when the size changes.
  const layout::DisplayList* card(text::FontSystem& fonts, int width, int height);
  // --audience-link: the audience page's code for the hall, on its title
  // slide (`slide` 0) only and while the cards are shown; else nullptr.
  const layout::DisplayList* hall_card(text::FontSystem& fonts, int width, int height, int slide);
  bool audience_link() const { return audience_link_; }
  // R (no modifier) hides and shows the cards; true when the key was that.
  bool card_key(int scancode, int mods);

 private:
  RemoteLink() = default;
  std::unique_ptr<remote::Server> server_;
  Uint32 event_type_ = 0;
  std::shared_ptr<std::atomic<bool>> wake_pending_ = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<const deck::Deck> deck_;
  int generation_ = -1;
  std::string control_url_, audience_url_;
  remote::QrCode control_qr_, audience_qr_;
  bool card_shown_ = true;
  int card_w_ = 0, card_h_ = 0;
  layout::DisplayList card_;
  bool audience_link_ = false;
  int hall_w_ = 0, hall_h_ = 0;
  layout::DisplayList hall_card_;
};

}  // namespace madang::app
