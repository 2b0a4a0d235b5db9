// Writing an output file so that it appears whole or not at all.
//
// Promise: bytes go to a temporary file beside the target (same folder, so the
// final rename is atomic); commit() renames it over the target only when
// every write, flush and close succeeded. Any failure, or an AtomicFile that
// is destroyed without commit(), removes the temporary file, so a full disk or
// a crash midway never leaves a partial file under the target's name.
// Failures are values: the system's reason (strerror), e.g. "No space left on
// device", "Permission denied", "Read-only file system"; callers name the path.
// A target that already exists and is not a regular file (a FIFO, a character
// device such as /dev/stdout or /dev/full) is written in place, without a
// temporary file. Used by the PNG and the PDF export alike; one per file.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace madang::render {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  // not committed: removes the temporary file
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file (mode 0666 less the umask, like fopen would).
  bool open(const std::string& path, std::string* error);
  // Buffered; false from the first failure on (the reason is kept for commit).
  bool write(const void* data, std::size_t size);
  // Flushes, closes and renames into place; on failure removes the temporary
  // file and says why.
  bool commit(std::string* error);
  // Gives up: closes and removes the temporary file.
  void discard();

  const std::string& path() const { return path_; }
  bool failed() const { return errno_ != 0; }

 private:
  std::string path_, temp_;  // temp_ empty: writing the target in place
  std::FILE* file_ = nullptr;
  int errno_ = 0;  // first failure
};

// The whole file from memory, through an AtomicFile.
bool write_file_atomically(const std::string& path, const void* data, std::size_t size,
                           std::string* error);

}  // namespace madang::render
