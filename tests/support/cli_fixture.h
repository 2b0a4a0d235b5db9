// A test of the built `madang` as a user runs it: each test has a scratch
// folder of its own (TempDirTest), where its commands keep their stderr.
// For test targets that link madang_test_support and define MADANG_BIN (the
// binary's path).
#pragma once

#include <string>

#include "run_command.h"
#include "temp_dir.h"

namespace madang::test {

class CliTest : public TempDirTest {
 protected:
  // `command` through /bin/sh.
  CommandResult shell(const std::string& command) const {
    return run_command(command, dir().string());
  }
  // `madang ARGS`, ARGS as the shell reads them.
  CommandResult madang(const std::string& args) const {
    return shell(std::string("'") + MADANG_BIN + "' " + args);
  }
};

}  // namespace madang::test
