// A gtest suite whose tests share one private Xvfb screen (1920x1080),
// started before the suite's first test and stopped after its last.
// CRTP, so that every suite gets a screen of its own.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "harness.h"

namespace madang::e2e {

template <typename Suite>
class XvfbSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    x_ = Xvfb::start(1920, 1080, &error).release();
    ASSERT_NE(x_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete x_;
    x_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(x_, nullptr); }

  // Names the test's output folder (screenshots, logs).
  static std::string name() {
    return std::string("e2e-") + ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }

  static inline Xvfb* x_ = nullptr;
};

}  // namespace madang::e2e
