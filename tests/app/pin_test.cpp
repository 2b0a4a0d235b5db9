// The staff PIN as a salted hash: made with a fresh salt each time, checked
// only through crypt, found in --pin-file, then MADANG_KIOSK_PIN_HASH, then
// ~/.config/madang/kiosk-pin; a PIN in clear where a hash belongs is an
// error, never a PIN.
#include "platform/pin.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "platform/log.h"
#include "temp_dir.h"

namespace madang::app {
namespace {

namespace fs = std::filesystem;

// The environment of the tests below, restored after each.
class PinSourceTest : public test::TempDirTest {
 protected:
  void SetUp() override {
    fs::create_directories(dir() / "madang");
    save("MADANG_KIOSK_PIN_HASH");
    save("XDG_CONFIG_HOME");
    unsetenv("MADANG_KIOSK_PIN_HASH");
    setenv("XDG_CONFIG_HOME", dir().c_str(), 1);
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_) {
      if (value.empty()) {
        unsetenv(name.c_str());
      } else {
        setenv(name.c_str(), value.c_str(), 1);
      }
    }
  }
  void save(const std::string& name) {
    const char* v = std::getenv(name.c_str());
    saved_.emplace_back(name, v ? v : "");
  }
  std::string write(const std::string& name, const std::string& text, int mode = 0600) {
    const fs::path p = dir() / name;
    std::ofstream(p) << text;
    chmod(p.c_str(), static_cast<mode_t>(mode));
    return p.string();
  }
  std::vector<std::pair<std::string, std::string>> saved_;
};

TEST(Pin, HashIsSaltedYescryptAndChecksOnlyTheRightPin) {
  std::string error;
  const std::string a = hash_pin("2468", &error);
  const std::string b = hash_pin("2468", &error);
  ASSERT_FALSE(a.empty()) << error;
  EXPECT_EQ(a.rfind("$y$", 0), 0u) << a;
  EXPECT_NE(a, b) << "a fresh salt each time";
  EXPECT_EQ(a.find("2468"), std::string::npos);
  EXPECT_TRUE(is_pin_hash(a));
  EXPECT_TRUE(pin_matches("2468", a));
  EXPECT_TRUE(pin_matches("2468", b));
  EXPECT_FALSE(pin_matches("2469", a));
  EXPECT_FALSE(pin_matches("24680", a));
  EXPECT_FALSE(pin_matches("", a));
}

TEST(Pin, OnlyDigitPinsAreHashed) {
  std::string error;
  EXPECT_EQ(hash_pin("123", &error), "");
  EXPECT_NE(error.find("4 to 12 digits"), std::string::npos) << error;
  EXPECT_EQ(hash_pin("abcd", &error), "");
}

TEST(Pin, AClearPinIsNotAHash) {
  EXPECT_FALSE(is_pin_hash("2468"));
  EXPECT_FALSE(is_pin_hash(""));
  EXPECT_FALSE(is_pin_hash("$y$"));
  EXPECT_FALSE(pin_matches("2468", "2468"));
}

TEST_F(PinSourceTest, NothingConfiguredIsNoPin) {
  const PinSource s = find_pin_hash("");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.hash, "");
}

TEST_F(PinSourceTest, TheDefaultFileThenTheEnvironmentThenPinFile) {
  std::string error;
  const std::string h1 = hash_pin("1111", &error), h2 = hash_pin("2222", &error),
                    h3 = hash_pin("3333", &error);
  write("madang/kiosk-pin", h1 + "\n");
  PinSource s = find_pin_hash("");
  EXPECT_TRUE(s.ok) << s.error;
  EXPECT_EQ(s.hash, h1);
  EXPECT_EQ(s.warning, "");
  setenv("MADANG_KIOSK_PIN_HASH", h2.c_str(), 1);
  s = find_pin_hash("");
  EXPECT_EQ(s.hash, h2);
  EXPECT_EQ(s.from, "MADANG_KIOSK_PIN_HASH");
  const std::string file = write("pin", "  " + h3 + "\n");
  s = find_pin_hash(file);
  EXPECT_EQ(s.hash, h3);
  EXPECT_EQ(s.from, "--pin-file " + file);
}

TEST_F(PinSourceTest, AClearPinOrAMissingFileIsAnError) {
  PinSource s = find_pin_hash(write("pin", "2468\n"));
  EXPECT_FALSE(s.ok);
  EXPECT_EQ(s.hash, "");
  EXPECT_NE(s.error.find("does not hold a PIN hash"), std::string::npos) << s.error;
  EXPECT_NE(s.error.find("--hash-pin"), std::string::npos) << s.error;
  setenv("MADANG_KIOSK_PIN_HASH", "2468", 1);
  EXPECT_FALSE(find_pin_hash("").ok);
  unsetenv("MADANG_KIOSK_PIN_HASH");
  s = find_pin_hash((dir() / "nowhere").string());
  EXPECT_FALSE(s.ok);
  EXPECT_NE(s.error.find("cannot read"), std::string::npos) << s.error;
}

TEST_F(PinSourceTest, AFileOthersCanReadIsAWarning) {
  std::string error;
  const PinSource s = find_pin_hash(write("pin", hash_pin("2468", &error), 0644));
  EXPECT_TRUE(s.ok);
  EXPECT_NE(s.warning.find("chmod 600"), std::string::npos) << s.warning;
}

TEST(Log, OneLineWithThePriorityOnlyForTheJournal) {
  EXPECT_EQ(log_text(LogLevel::kError, "kiosk", "reload refused", false),
            "madang kiosk: reload refused");
  EXPECT_EQ(log_text(LogLevel::kError, "kiosk", "reload refused", true),
            "<3>madang kiosk: reload refused");
  EXPECT_EQ(log_text(LogLevel::kInfo, "kiosk", "a\nb", true), "<6>madang kiosk: a b");
  EXPECT_EQ(log_text(LogLevel::kWarning, "kiosk", "x", true).substr(0, 3), "<4>");
}

}  // namespace
}  // namespace madang::app
