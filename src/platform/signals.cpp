#include "platform/signals.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <thread>

namespace madang::app {

struct SignalEvents::Impl {
  int signal_fd = -1;
  int stop_fd = -1;
  Uint32 event_type = 0;
  std::thread thread;

  ~Impl() {
    if (thread.joinable()) {
      const std::uint64_t one = 1;
      (void)!write(stop_fd, &one, sizeof one);
      thread.join();
    }
    if (signal_fd >= 0) close(signal_fd);
    if (stop_fd >= 0) close(stop_fd);
  }

  void run() {
    for (;;) {
      pollfd fds[2] = {{signal_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents) return;
      signalfd_siginfo info{};
      while (read(signal_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        SDL_Event e{};
        e.type = event_type;
        e.user.code = static_cast<Sint32>(info.ssi_signo);
        SDL_PushEvent(&e);  // thread-safe; wakes the loop
      }
    }
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
  impl->stop_fd = eventfd(0, EFD_CLOEXEC);
  if (impl->signal_fd < 0 || impl->stop_fd < 0) return nullptr;
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return nullptr;
  // SDL would turn SIGINT and SIGTERM into SDL_QUIT, which a kiosk ignores
  // (it is also what the window manager's close button sends).
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  return std::unique_ptr<SignalEvents>(new SignalEvents(std::move(impl)));
}

bool SignalEvents::start() {
  if (impl_->thread.joinable()) return true;
  const Uint32 type = SDL_RegisterEvents(1);
  if (type == static_cast<Uint32>(-1)) return false;
  impl_->event_type = type;
  impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
  return true;
}

int SignalEvents::signal_of(const SDL_Event& e) const {
  if (impl_->event_type == 0 || e.type != impl_->event_type) return 0;
  return e.user.code;
}

}  // namespace madang::app
