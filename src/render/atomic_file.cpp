#include "render/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace madang::render {

namespace {

// The process's umask without changing it (umask(2) can only set it, and
// setting it for a moment would race with other threads creating files).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::strtol(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

std::string reason(int err) {
  return std::strerror(err != 0 ? err : EIO);
}

}  // namespace

AtomicFile::~AtomicFile() {
  discard();
}

bool AtomicFile::open(const std::string& path, std::string* error) {
  discard();
  path_ = path;
  errno_ = 0;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A device or a FIFO: there is nothing to rename over; write it directly.
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) {
      if (error) *error = reason(errno);
      return false;
    }
    return true;
  }
  const std::filesystem::path target(path);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string name = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    if (error) *error = reason(errno);
    return false;
  }
  static const mode_t mask = current_umask();
  ::fchmod(fd, 0666 & ~mask);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const int e = errno;
    ::close(fd);
    ::unlink(name.c_str());
    if (error) *error = reason(e);
    return false;
  }
  temp_ = std::move(name);
  return true;
}

bool AtomicFile::write(const void* data, std::size_t size) {
  if (!file_ || errno_ != 0) return false;
  if (size > 0 && std::fwrite(data, 1, size, file_) != size) {
    errno_ = errno != 0 ? errno : EIO;
    return false;
  }
  return true;
}

bool AtomicFile::commit(std::string* error) {
  if (!file_) {
    if (error) *error = "not open";
    return false;
  }
  if (errno_ == 0 && std::fflush(file_) != 0) errno_ = errno != 0 ? errno : EIO;
  const int closed = std::fclose(file_);
  if (errno_ == 0 && closed != 0) errno_ = errno != 0 ? errno : EIO;
  file_ = nullptr;
  if (errno_ == 0 && !temp_.empty() && std::rename(temp_.c_str(), path_.c_str()) != 0)
    errno_ = errno;
  if (errno_ != 0) {
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
    if (error) *error = reason(errno_);
    return false;
  }
  temp_.clear();
  return true;
}

void AtomicFile::discard() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

bool write_file_atomically(const std::string& path, const void* data, std::size_t size,
                           std::string* error) {
  AtomicFile file;
  if (!file.open(path, error)) return false;
  file.write(data, size);
  return file.commit(error);
}

}  // namespace madang::render
