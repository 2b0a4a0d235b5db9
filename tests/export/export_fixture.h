// A fresh scratch folder per test and `madang` run as a user runs it, for the
// export and layout CLI tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "run_command.h"

namespace madang::test {

class ExportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("madang-export-" +
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandResult madang(const std::string& args) {
    return run_command(std::string("'") + MADANG_BIN + "' " + args, dir_.string());
  }
  // A deck of slides/, quoted for the shell.
  static std::string deck(const char* name) {
    return std::string("'") + MADANG_SOURCE_DIR + "/slides/" + name + "'";
  }
  std::string out(const std::string& sub) const { return (dir_ / sub).string(); }

  std::filesystem::path dir_;
};

}  // namespace madang::test
