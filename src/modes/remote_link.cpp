// The remote tied to a window mode (see remote_link.h).
#include "modes/remote_link.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "input/keymap.h"
#include "remote/address.h"

namespace madang::app {

namespace {

// A QR code in a terminal: two modules a character (▀ ▄ █ and space), dark
// on light whatever the terminal's colours, with a quiet zone of 2 modules.
std::string terminal_qr(const remote::QrCode& qr) {
  if (qr.size == 0) return "";
  constexpr int kQuiet = 2;
  const int n = qr.size + 2 * kQuiet;
  auto dark = [&](int x, int y) {
    x -= kQuiet;
    y -= kQuiet;
    return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.at(x, y);
  };
  std::string out;
  for (int y = 0; y < n; y += 2) {
    out += "\x1b[30;47m";  // black on white
    for (int x = 0; x < n; ++x) {
      const bool top = dark(x, y), bottom = y + 1 < n && dark(x, y + 1);
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += "\x1b[0m\n";
  }
  return out;
}

}  // namespace

std::unique_ptr<RemoteLink> RemoteLink::start(const char* command, const RemoteOptions& options) {
  std::unique_ptr<RemoteLink> link(new RemoteLink);
  link->event_type_ = SDL_RegisterEvents(1);
  if (link->event_type_ == static_cast<Uint32>(-1)) {
    std::fprintf(stderr, "madang %s: --remote: no SDL event left for it\n", command);
    return nullptr;
  }
  remote::ServerOptions so;
  so.bind = options.bind.empty() ? remote::first_lan_address() : options.bind;
  so.port = options.port;
  so.limits.remotes = options.remotes;
  so.limits.audience = options.audience;
  // Every stream holds a connection: room for them all and the requests beside.
  so.limits.connections = std::max(so.limits.connections, options.remotes + options.audience + 32);
  so.control = options.control;
  // From the server's thread: one wake-up in SDL's queue at a time.
  const Uint32 type = link->event_type_;
  std::shared_ptr<std::atomic<bool>> pending = link->wake_pending_;
  std::string error;
  link->server_ = remote::Server::start(
      so,
      [type, pending] {
        if (pending->exchange(true)) return;
        SDL_Event e{};
        e.type = type;
        if (SDL_PushEvent(&e) != 1) pending->store(false);
      },
      &error);
  if (!link->server_) {
    std::fprintf(stderr, "madang %s: --remote: %s\n", command, error.c_str());
    return nullptr;
  }
  link->control_url_ = options.control ? link->server_->control_url() : "";
  link->audience_url_ = link->server_->audience_url();
  if (!link->control_url_.empty()) link->control_qr_ = remote::make_qr(link->control_url_);
  link->audience_qr_ = remote::make_qr(link->audience_url_);
  link->audience_link_ = options.audience_link;
  if (!link->control_url_.empty() && isatty(STDOUT_FILENO)) {
    // In a terminal (the speaker's), the code to scan too: the console may
    // not be there (one screen), and the hall must never show it.
    std::fputs(terminal_qr(link->control_qr_).c_str(), stdout);
  }
  if (!link->control_url_.empty()) std::printf("remote: %s\n", link->control_url_.c_str());
  std::printf("audience: %s\n", link->audience_url_.c_str());
  std::fflush(stdout);
  return link;
}

RemoteLink::~RemoteLink() = default;

std::vector<remote::Command> RemoteLink::take() {
  wake_pending_->store(false);
  return server_->take_commands();
}

void RemoteLink::publish(const show::Show& show, double talk_ms, const std::string& wall,
                         int generation) {
  if (generation != generation_ || !deck_) {
    // The deck was replaced: the server's thread gets a copy of its own.
    deck_ = std::make_shared<const deck::Deck>(show.deck);
    generation_ = generation;
  }
  server_->publish(remote::snapshot_of(show, talk_ms, wall, deck_, generation_));
}

namespace {

layout::QrCardCode card_code(const remote::QrCode& qr, const std::string& label,
                             const std::string& url) {
  layout::QrCardCode c;
  c.modules = qr.size;
  c.dark = qr.dark;
  c.label = label;
  c.address = url.substr(0, url.find('#'));  // the token stays in the code
  return c;
}

}  // namespace

const layout::DisplayList* RemoteLink::card(text::FontSystem& fonts, int width, int height) {
  if (!card_shown_ || width <= 0 || height <= 0) return nullptr;
  if (width != card_w_ || height != card_h_) {
    layout::QrCard card;
    if (control_qr_.size > 0) {
      card.codes.push_back(card_code(control_qr_, "휴대폰 리모컨", control_url_));
    }
    if (audience_qr_.size > 0) {
      card.codes.push_back(card_code(audience_qr_, "청중 화면", audience_url_));
    }
    card.hint = "R: 숨기기";
    card_ = layout::layout_qr_card(fonts, card, {width, height});
    card_w_ = width;
    card_h_ = height;
  }
  return &card_;
}

const layout::DisplayList* RemoteLink::hall_card(text::FontSystem& fonts, int width, int height,
                                                 int slide) {
  if (!audience_link_ || !card_shown_ || slide != 0 || audience_qr_.size == 0) return nullptr;
  if (width <= 0 || height <= 0) return nullptr;
  if (width != hall_w_ || height != hall_h_) {
    layout::QrCard card;
    card.codes.push_back(card_code(audience_qr_, "슬라이드를 휴대폰으로", audience_url_));
    hall_card_ = layout::layout_qr_card(fonts, card, {width, height});
    hall_w_ = width;
    hall_h_ = height;
  }
  return &hall_card_;
}

bool RemoteLink::card_key(int scancode, int mods) {
  if (scancode != kScanR || mods != kModNone) return false;
  card_shown_ = !card_shown_;
  return true;
}

}  // namespace madang::app
