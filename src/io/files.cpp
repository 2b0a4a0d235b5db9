// Regular files only: stat before opening, fstat after, bounded reads.
#include "io/files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace madang::io {

namespace {

// What a stat() says about a path that is not a regular file ("" when it is one).
std::string type_problem(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return {};
  if (S_ISDIR(st.st_mode)) return "is a folder, not a file";
  if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a file";
  if (S_ISSOCK(st.st_mode)) return "is a socket, not a file";
  return "is not a regular file";
}

std::string errno_problem(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return "does not exist";
    case ELOOP:
      return "is a loop of symbolic links";
    case EACCES:
    case EPERM:
      return "is not readable (permission denied)";
    case ENAMETOOLONG:
      return "has a name that is too long";
    default:
      return std::string("cannot be opened: ") + std::strerror(error);
  }
}

// Opens a regular file for reading; -1 and `error` otherwise. O_NONBLOCK so
// that even a FIFO swapped in after the stat() cannot block the open; the
// fstat() then refuses it.
int open_regular(const std::string& path, struct stat* st, std::string* error) {
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    *error = errno_problem(errno);
    return -1;
  }
  if (std::string why = type_problem(before); !why.empty()) {
    *error = std::move(why);
    return -1;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    *error = errno_problem(errno);
    return -1;
  }
  if (::fstat(fd, st) != 0) {
    *error = errno_problem(errno);
    ::close(fd);
    return -1;
  }
  if (std::string why = type_problem(*st); !why.empty()) {
    *error = std::move(why);
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

std::string describe_bytes(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::FILE* open_regular_file(const std::string& path, std::string* error) {
  struct stat st {};
  const int fd = open_regular(path, &st, error);
  if (fd < 0) return nullptr;
  std::FILE* f = ::fdopen(fd, "rb");
  if (f == nullptr) {
    *error = std::string("cannot be opened: ") + std::strerror(errno);
    ::close(fd);
  }
  return f;
}

std::string regular_file_problem(const std::string& path) {
  struct stat st {};
  std::string error;
  const int fd = open_regular(path, &st, &error);
  if (fd >= 0) ::close(fd);
  return error;
}

ReadResult read_regular_file(const std::string& path, std::size_t max_bytes) {
  ReadResult r;
  struct stat st {};
  const int fd = open_regular(path, &st, &r.error);
  if (fd < 0) return r;
  const auto too_big = [&] {
    r.too_big = true;
    r.error = "is larger than " + describe_bytes(max_bytes);
    r.bytes.clear();
    ::close(fd);
    return r;
  };
  if (static_cast<std::size_t>(st.st_size) > max_bytes) return too_big();
  std::string& out = r.bytes;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t have = 0;
  // The file may grow while we read (an editor still writing): read until the
  // end, but never more than one byte past the limit.
  for (;;) {
    if (have == out.size()) {
      if (out.size() > max_bytes) break;
      out.resize(std::min(max_bytes + 1, std::max<std::size_t>(out.size() * 2, 4096)));
    }
    const ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.error = std::string("cannot be read: ") + std::strerror(errno);
      out.clear();
      ::close(fd);
      return r;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  if (have > max_bytes) return too_big();
  ::close(fd);
  out.resize(have);
  r.ok = true;
  return r;
}

MappedFile::~MappedFile() {
  unmap(data_, size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    unmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void MappedFile::unmap(const char* data, std::size_t size) {
  if (data != nullptr) ::munmap(const_cast<char*>(data), size);
}

void MappedFile::release(const char** data, std::size_t* size) {
  *data = std::exchange(data_, nullptr);
  *size = std::exchange(size_, 0);
}

MappedFile MappedFile::open(const std::string& path, std::size_t max_bytes, std::string* error) {
  MappedFile file;
  struct stat st {};
  const int fd = open_regular(path, &st, error);
  if (fd < 0) return file;
  const std::size_t size = static_cast<std::size_t>(st.st_size);
  if (size == 0) {
    *error = "is empty";
  } else if (size > max_bytes) {
    *error = "is larger than " + describe_bytes(max_bytes);
  } else {
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      *error = std::string("cannot be mapped: ") + std::strerror(errno);
    } else {
      file.data_ = static_cast<const char*>(p);
      file.size_ = size;
    }
  }
  ::close(fd);
  return file;
}

}  // namespace madang::io
