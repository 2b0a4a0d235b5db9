// A fresh scratch folder per test and `madang` run as a user runs it
// (CliTest), with the decks of slides/ and outputs named in the folder, for
// the export, layout and PDF CLI tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.h"

namespace madang::test {

class ExportFixture : public CliTest {
 protected:
  // A deck of slides/, quoted for the shell.
  static std::string deck(const char* name) {
    return std::string("'") + MADANG_SOURCE_DIR + "/slides/" + name + "'";
  }
  std::string out(const std::string& sub) const { return file(sub); }
};

}  // namespace madang::test
