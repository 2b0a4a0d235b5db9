// A thread that sleeps on one file descriptor (a signalfd, an inotify
// descriptor) until it is readable or a timeout passes, and that can always
// be stopped: the one stoppable worker behind signals.h and watch.h.
//
// Promise: sleeps in poll(2), so it costs no CPU while nothing happens;
// stop() (and the destructor) wakes it through an eventfd and joins it, so
// no callback runs after stop() returns. The descriptor it waits on stays
// its owner's (close it after stop()).
#pragma once

#include <functional>
#include <thread>

namespace madang::app {

class FdWorker {
 public:
  // Called with readable = true when the descriptor can be read, false when
  // the timeout passed; returns the next timeout in ms (< 0: none).
  using Wake = std::function<int(bool readable)>;

  FdWorker();  // makes the eventfd; ok() says whether it could
  ~FdWorker();
  FdWorker(const FdWorker&) = delete;
  FdWorker& operator=(const FdWorker&) = delete;

  bool ok() const { return stop_fd_ >= 0; }
  // Starts the thread waiting on `fd` (first timeout: none).
  void start(int fd, Wake wake);
  bool running() const { return thread_.joinable(); }
  void stop();

 private:
  void run(int fd, const Wake& wake);
  int stop_fd_ = -1;
  std::thread thread_;
};

}  // namespace madang::app
