// AtomicFile: a file appears whole or not at all, and failures carry the
// system's reason.
#include "render/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("madang-atomic-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (mounted_) umount2((dir_ / "mnt").c_str(), MNT_DETACH);
    fs::remove_all(dir_);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::vector<std::string> names(const std::string& folder) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename());
    return out;
  }
  static std::string contents(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path dir_;
  bool mounted_ = false;
};

TEST_F(AtomicFileTest, CommitPutsTheWholeFileInPlaceAndNothingElse) {
  madang::render::AtomicFile f;
  std::string error;
  ASSERT_TRUE(f.open(path("out.pdf"), &error)) << error;
  EXPECT_FALSE(fs::exists(path("out.pdf")));  // nothing under the name until commit
  ASSERT_TRUE(f.write("hello ", 6));
  ASSERT_TRUE(f.write("world", 5));
  ASSERT_TRUE(f.commit(&error)) << error;
  EXPECT_EQ(contents(path("out.pdf")), "hello world");
  EXPECT_EQ(names(dir_.string()), std::vector<std::string>{"out.pdf"});
  // Like a file fopen creates: 0666 less the umask (here at least readable).
  struct stat st {};
  ASSERT_EQ(::stat(path("out.pdf").c_str(), &st), 0);
  EXPECT_TRUE(st.st_mode & S_IRUSR);
  EXPECT_TRUE(st.st_mode & S_IRGRP);
}

TEST_F(AtomicFileTest, WithoutCommitNothingIsLeftAndAnOldFileStays) {
  std::ofstream(path("keep.png")) << "old";
  {
    madang::render::AtomicFile f;
    ASSERT_TRUE(f.open(path("keep.png"), nullptr));
    f.write("new, half", 9);
  }  // destroyed without commit
  EXPECT_EQ(contents(path("keep.png")), "old");
  EXPECT_EQ(names(dir_.string()), std::vector<std::string>{"keep.png"});
}

TEST_F(AtomicFileTest, FailuresSayTheSystemsReason) {
  std::string error;
  EXPECT_FALSE(madang::render::write_file_atomically(path("no/such/x.png"), "x", 1, &error));
  EXPECT_EQ(error, "No such file or directory");
  // A device is written in place: /dev/full says the disk is full.
  EXPECT_FALSE(madang::render::write_file_atomically("/dev/full", "x", 1, &error));
  EXPECT_EQ(error, "No space left on device");
  std::ofstream(path("dir-target"));
  fs::remove(path("dir-target"));
  fs::create_directories(path("dir-target"));
  EXPECT_FALSE(madang::render::write_file_atomically(path("dir-target"), "x", 1, &error));
  EXPECT_EQ(error, "Is a directory");
  EXPECT_EQ(names(dir_.string()), std::vector<std::string>{"dir-target"});
}

TEST_F(AtomicFileTest, AFullDiskLeavesNoPartialFile) {
  const std::string mnt = path("mnt");
  fs::create_directories(mnt);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=16k") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root); /dev/full covers the reason";
  mounted_ = true;
  const std::string big(64 * 1024, 'x');
  std::string error;
  EXPECT_FALSE(
      madang::render::write_file_atomically(mnt + "/big.bin", big.data(), big.size(), &error));
  EXPECT_EQ(error, "No space left on device");
  EXPECT_TRUE(names(mnt).empty());
  // A small file still fits afterwards: nothing was left holding the space.
  EXPECT_TRUE(madang::render::write_file_atomically(mnt + "/small.bin", "ok", 2, &error)) << error;
}

}  // namespace
