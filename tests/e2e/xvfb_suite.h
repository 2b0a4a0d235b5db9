// gtest suites whose tests share one private X server, started before the
// suite's first test and stopped after its last. CRTP, so that every suite
// gets a server of its own:
//   XvfbSuite<S>:      one 1920x1080 screen (Xvfb);
//   TwoDisplaySuite<S>: a laptop and a projector, both 1920x1080, as SDL
//                       sees two displays (Xorg's dummy driver; root).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "harness.h"

namespace madang::e2e {

template <typename Suite, typename Server>
class ServerSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    x_ = Suite::start_server(&error).release();
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

  static inline Server* x_ = nullptr;
};

template <typename Suite>
class XvfbSuite : public ServerSuite<Suite, Xvfb> {
 public:
  static std::unique_ptr<Xvfb> start_server(std::string* error) {
    return Xvfb::start(1920, 1080, error);
  }
};

template <typename Suite>
class TwoDisplaySuite : public ServerSuite<Suite, XorgDummy> {
 public:
  static std::unique_ptr<XorgDummy> start_server(std::string* error) {
    return XorgDummy::start(true, error);
  }
};

}  // namespace madang::e2e
