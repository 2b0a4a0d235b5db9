#include "platform/log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace madang::app {

bool logging_to_journal() {
  // systemd sets JOURNAL_STREAM=DEV:INODE of the stream it connected; a
  // child whose stderr was redirected elsewhere must not add prefixes.
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (!stream || !*stream) return false;
  unsigned long long dev = 0, ino = 0;
  if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2) return false;
  struct stat st {};
  if (fstat(STDERR_FILENO, &st) != 0) return false;
  return static_cast<unsigned long long>(st.st_dev) == dev &&
         static_cast<unsigned long long>(st.st_ino) == ino;
}

std::string log_text(LogLevel level, const std::string& command, const std::string& message,
                     bool journal) {
  std::string line;
  if (journal) line = "<" + std::to_string(static_cast<int>(level)) + ">";
  line += "madang " + command + ": ";
  // One entry per line: a message that spans lines (a diagnostic quoting
  // the deck) is folded.
  for (char c : message) line += c == '\n' ? ' ' : c;
  return line;
}

void log_line(LogLevel level, const std::string& command, const std::string& message) {
  static const bool journal = logging_to_journal();
  const std::string line = log_text(level, command, message, journal) + "\n";
  (void)!write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace madang::app
