#include "platform/fd_worker.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace madang::app {

FdWorker::FdWorker() : stop_fd_(eventfd(0, EFD_CLOEXEC)) {}

FdWorker::~FdWorker() {
  stop();
  if (stop_fd_ >= 0) close(stop_fd_);
}

void FdWorker::start(int fd, Wake wake) {
  if (!ok() || running()) return;
  thread_ = std::thread([this, fd, wake = std::move(wake)] { run(fd, wake); });
}

void FdWorker::stop() {
  if (!thread_.joinable()) return;
  const std::uint64_t one = 1;
  (void)!write(stop_fd_, &one, sizeof one);
  thread_.join();
}

void FdWorker::run(int fd, const Wake& wake) {
  int timeout = -1;
  for (;;) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    const int ready = poll(fds, 2, timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents) return;
    timeout = wake((fds[0].revents & POLLIN) != 0);
  }
}

}  // namespace madang::app
