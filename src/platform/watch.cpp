#include "platform/watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "platform/fd_worker.h"

namespace madang::app {

namespace fs = std::filesystem;

struct FileWatcher::Impl {
  int inotify_fd = -1;
  std::vector<std::string> files;
  std::map<int, std::set<std::string>> names_by_watch;  // watch descriptor -> file names
  std::function<void()> on_change;
  int debounce_ms = 100;
  FdWorker worker;
  // A change seen and not yet told: told once the files are quiet until
  // `deadline` (an editor's save is several events).
  bool pending = false;
  std::chrono::steady_clock::time_point deadline;

  ~Impl() {
    worker.stop();
    if (inotify_fd >= 0) close(inotify_fd);
  }

  // True when the buffer holds an event about one of our files.
  bool relevant(const char* buffer, ssize_t length) const {
    bool hit = false;
    for (ssize_t offset = 0; offset < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
      offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      auto it = names_by_watch.find(event->wd);
      if (it == names_by_watch.end()) continue;
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) hit = true;  // the folder itself
      if (event->len > 0 && it->second.count(event->name)) hit = true;
    }
    return hit;
  }

  // The worker woke: events to read, or the quiet time passed. The next
  // timeout: what is left of the quiet time, or none.
  int wake(bool readable) {
    using Clock = std::chrono::steady_clock;
    if (readable) {
      alignas(inotify_event) char buffer[16 * 1024];
      for (;;) {
        const ssize_t n = read(inotify_fd, buffer, sizeof buffer);
        if (n <= 0) break;  // EAGAIN: drained
        if (relevant(buffer, n)) {
          pending = true;
          deadline = Clock::now() + std::chrono::milliseconds(debounce_ms);
        }
      }
    } else if (pending && Clock::now() >= deadline) {
      pending = false;
      on_change();
    }
    if (!pending) return -1;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
  }
};

FileWatcher::FileWatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FileWatcher::~FileWatcher() = default;

const std::vector<std::string>& FileWatcher::files() const {
  return impl_->files;
}

std::unique_ptr<FileWatcher> FileWatcher::start(const std::vector<std::string>& files,
                                                std::function<void()> on_change, int debounce_ms,
                                                std::string* error) {
  auto impl = std::make_unique<Impl>();
  impl->files = files;
  impl->on_change = std::move(on_change);
  impl->debounce_ms = debounce_ms;
  impl->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (impl->inotify_fd < 0 || !impl->worker.ok()) {
    if (error) *error = std::string("inotify: ") + std::strerror(errno);
    return nullptr;
  }
  constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                  IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  std::string last_error;
  for (const std::string& file : files) {
    std::error_code ec;
    fs::path path = fs::absolute(fs::path(file), ec).lexically_normal();
    if (ec) continue;
    const std::string folder = path.parent_path().string();
    const int wd = inotify_add_watch(impl->inotify_fd, folder.c_str(), kMask);
    if (wd < 0) {
      last_error = folder + ": " + std::strerror(errno);
      continue;
    }
    impl->names_by_watch[wd].insert(path.filename().string());  // same folder: same wd
  }
  if (impl->names_by_watch.empty()) {
    if (error) *error = last_error.empty() ? "nothing to watch" : last_error;
    return nullptr;
  }
  Impl* raw = impl.get();
  impl->worker.start(impl->inotify_fd, [raw](bool readable) { return raw->wake(readable); });
  return std::unique_ptr<FileWatcher>(new FileWatcher(std::move(impl)));
}

}  // namespace madang::app
