// Watching files for changes (Linux inotify), for hot reload.
//
// Promise: plain Linux API, no SDL. Watches the folders that hold the files,
// not the files, so that editors that save by writing a temporary file and
// renaming it over, or by deleting and recreating, are seen too. Bursts of
// events (one save is often several) are debounced into one call of
// `on_change`, made on the watcher's own thread: keep it short and
// thread-safe (present mode pushes an SDL event). Sleeps in poll(): no CPU
// while nothing changes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace madang::app {

class FileWatcher {
 public:
  // nullptr and `error` when inotify is unavailable or no folder can be
  // watched. Files that do not exist yet are fine as long as their folder does.
  static std::unique_ptr<FileWatcher> start(const std::vector<std::string>& files,
                                            std::function<void()> on_change, int debounce_ms,
                                            std::string* error);
  ~FileWatcher();  // stops and joins the thread
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  const std::vector<std::string>& files() const;

 private:
  struct Impl;
  explicit FileWatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
