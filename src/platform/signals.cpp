#include "platform/signals.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "platform/fd_worker.h"

namespace madang::app {

struct SignalEvents::Impl {
  int signal_fd = -1;
  Uint32 event_type = 0;
  FdWorker worker;

  ~Impl() {
    worker.stop();
    if (signal_fd >= 0) close(signal_fd);
  }

  // Every pending signal as an event.
  int deliver() {
    signalfd_siginfo info{};
    while (read(signal_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
      SDL_Event e{};
      e.type = event_type;
      e.user.code = static_cast<Sint32>(info.ssi_signo);
      SDL_PushEvent(&e);  // thread-safe; wakes the loop
    }
    return -1;
  }
};

SignalEvents::SignalEvents(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SignalEvents::~SignalEvents() = default;

std::unique_ptr<SignalEvents> SignalEvents::block_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  auto impl = std::make_unique<Impl>();
  impl->signal_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  if (impl->signal_fd < 0 || !impl->worker.ok()) return nullptr;
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return nullptr;
  // SDL would turn SIGINT and SIGTERM into SDL_QUIT, which a kiosk ignores
  // (it is also what the window manager's close button sends).
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  return std::unique_ptr<SignalEvents>(new SignalEvents(std::move(impl)));
}

bool SignalEvents::start() {
  if (impl_->worker.running()) return true;
  const Uint32 type = SDL_RegisterEvents(1);
  if (type == static_cast<Uint32>(-1)) return false;
  impl_->event_type = type;
  impl_->worker.start(impl_->signal_fd, [impl = impl_.get()](bool) { return impl->deliver(); });
  return true;
}

int SignalEvents::signal_of(const SDL_Event& e) const {
  if (impl_->event_type == 0 || e.type != impl_->event_type) return 0;
  return e.user.code;
}

}  // namespace madang::app
