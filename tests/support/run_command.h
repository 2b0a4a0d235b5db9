// Running a program as a user would, for CLI tests: exit code, signal,
// stdout, stderr and wall time.
#pragma once

#include <string>

namespace madang::test {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out, err;
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // user + system time of the command and what it waited for
};

// Runs `command` through /bin/sh; `scratch_dir` holds its captured stderr.
CommandResult run_command(const std::string& command, const std::string& scratch_dir);

std::string read_file(const std::string& path);

}  // namespace madang::test
