// Reading files named by a deck (the deck itself, its images, its fonts)
// without trusting what the path points at.
//
// Promise: only regular files are read. A FIFO, a device, a socket, a folder
// or a loop of symbolic links is refused with the real cause and never opened
// in a way that could block (a FIFO with no writer would hang a plain open()
// or read() for ever; /dev/zero never ends). The type is checked before
// opening (stat: no side effects) and again on the open descriptor (fstat),
// so a file swapped for a FIFO in between is still refused. Reads stop at a
// size limit. Failures are values; nothing throws.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace madang::io {

// "" when `path` is a regular file that can be opened; otherwise why not, as
// a phrase that follows the file's name: "is a FIFO (named pipe), not a
// file", "is a folder, not a file", "does not exist", ...
std::string regular_file_problem(const std::string& path);

struct ReadResult {
  bool ok = false;
  bool too_big = false;  // a regular file, larger than the limit
  std::string bytes;     // the file, when ok
  std::string error;     // why not, when !ok: a phrase as above, or "is larger than 8 MiB"
};

// Opens a regular file for reading as a stdio stream (for libraries that
// read incrementally); nullptr and `error` otherwise. The caller fcloses it.
std::FILE* open_regular_file(const std::string& path, std::string* error);

// Reads a whole regular file of at most `max_bytes`.
ReadResult read_regular_file(const std::string& path, std::size_t max_bytes);

// A read-only memory mapping of a regular file of at most `max_bytes`
// (fonts: FreeType and HarfBuzz read them in place). Empty files are refused.
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  static MappedFile open(const std::string& path, std::size_t max_bytes, std::string* error);

  bool ok() const { return data_ != nullptr; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  // Hands the mapping over (for a library that frees it with unmap() later).
  void release(const char** data, std::size_t* size);
  static void unmap(const char* data, std::size_t size);

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// "8 MiB", "64 KiB", "1234 bytes": for messages about size limits.
std::string describe_bytes(std::size_t bytes);

}  // namespace madang::io
