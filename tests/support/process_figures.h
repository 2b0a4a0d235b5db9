// What a long-running test measures of its own process (header-only: link
// madang_test_temp): a line of /proc/self/status in kB, and the open file
// descriptors. The kiosk's soaks watch both stay flat.
#pragma once

#include <dirent.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace madang::test {

// "VmRSS:", "VmHWM:": the field's value in kB, -1 when it is not there.
inline long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0)
      return std::strtol(line.c_str() + std::strlen(field), nullptr, 10);
  }
  return -1;
}

// File descriptors open now.
inline int open_fds() {
  int n = 0;
  if (DIR* d = opendir("/proc/self/fd")) {
    while (const dirent* e = readdir(d)) n += e->d_name[0] != '.';
    closedir(d);
  }
  return n - 1;  // the directory being read
}

}  // namespace madang::test
