// Folders for tests, one way for every test target (header-only: link
// madang_test_temp, or madang_test_support, which brings it).
//
//   TempDir      a scratch folder of one's own: unique (mkdtemp), empty, and
//                removed with all it holds when the TempDir goes; file() names
//                a file in it, write() puts one there.
//   TempDirTest  a gtest fixture with a TempDir per test: dir() is there
//                before SetUp and gone after TearDown.
//   fresh_dir    a folder by name, emptied now and kept after the run for a
//                person to look at (logs, screenshots, the decks a test used).
#pragma once

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace madang::test {

class TempDir {
 public:
  // <parent>/madang-<tag>-XXXXXX; `parent` (made if missing) defaults to the
  // system's temp folder ($TMPDIR, else /tmp). Throws when it cannot be made.
  explicit TempDir(std::string_view tag = "test",
                   const std::filesystem::path& parent = std::filesystem::temp_directory_path()) {
    std::filesystem::create_directories(parent);
    std::string pattern = (parent / ("madang-" + name_part(tag) + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path()/name, as a string (nothing is made).
  std::string file(std::string_view name) const { return (path_ / name).string(); }
  // Writes `bytes` to path()/name as they are, making the folders on the
  // way; returns its path.
  std::string write(std::string_view name, std::string_view bytes) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  // `tag` fit for one component of a file name: letters, digits, '-', '_'
  // and '.' kept, anything else (a parameterized test's '/') made '_'.
  static std::string name_part(std::string_view tag) {
    std::string out(tag);
    for (char& c : out) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!keep) c = '_';
    }
    return out;
  }

 private:
  std::filesystem::path path_;
};

// "<suite>-<test>" of the test that runs now, for a TempDir's tag.
inline std::string current_test_tag() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  if (info == nullptr) return "test";
  return std::string(info->test_suite_name()) + "-" + info->name();
}

// A fixture whose every test has a fresh folder of its own, named after the
// test: /tmp/madang-<suite>-<test>-XXXXXX.
class TempDirTest : public ::testing::Test {
 protected:
  const std::filesystem::path& dir() const { return temp_.path(); }
  std::string file(std::string_view name) const { return temp_.file(name); }
  std::string write(std::string_view name, std::string_view bytes) const {
    return temp_.write(name, bytes);
  }

 private:
  TempDir temp_{current_test_tag()};
};

// `dir`, emptied (or made) now; it stays after the run.
inline std::string fresh_dir(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace madang::test
