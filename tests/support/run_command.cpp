#include "run_command.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace madang::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandResult run_command(const std::string& command, const std::string& scratch_dir) {
  const std::string err = (std::filesystem::path(scratch_dir) / "stderr.txt").string();
  CommandResult r;
  // Children's times grow only when they are waited for: the difference
  // around pclose is this command's (tests run commands one at a time).
  auto children_cpu = [] {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  const double cpu_before = children_cpu();
  const auto start = std::chrono::steady_clock::now();
  FILE* pipe = popen((command + " 2>'" + err + "'").c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu_seconds = children_cpu() - cpu_before;
  // popen runs /bin/sh; a child killed by a signal shows as 128+N.
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  if (r.exit_code > 128) r.signal = r.exit_code - 128;
  r.err = read_file(err);
  return r;
}

}  // namespace madang::test
