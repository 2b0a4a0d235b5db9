// The subcommands of `madang`, as functions over plain option structs.
//
// Promise: each returns the process exit code: 0 success, 1 the deck has
// errors (or warnings with --strict), 2 usage or I/O errors. Diagnostics go to
// stderr in FILE:LINE:COL form; machine output (JSON) goes to stdout.
#pragma once

#include <string>

namespace madang::app {

struct CheckOptions {
  std::string deck;
  bool strict = false;
  bool stats = false;  // print per-slide type sizes and coverage (layout/stats.h)
};

struct ExportOptions {
  std::string deck;
  std::string png_dir;
  std::string size = "1920x1080";
  std::string slides;  // "1,3-5"; empty means all
  std::string select;  // "gov,market"
};

struct LayoutOptions {
  std::string deck;
  int slide = 0;  // 0: all
  std::string size = "1920x1080";
  bool json = true;
  std::string select;
};

struct PresentOptions {
  std::string deck;
  int slide = 1;
  bool fullscreen = false;
  int display = 0;
};

int run_check(const CheckOptions& options);
int run_export(const ExportOptions& options);
int run_layout(const LayoutOptions& options);
int run_present(const PresentOptions& options);

}  // namespace madang::app
