// The file watcher sees the ways editors save: write in place, write a
// temporary and rename it over, delete and recreate.
#include "platform/watch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "temp_dir.h"

namespace madang::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class Counter {
 public:
  void bump() {
    std::lock_guard lock(mutex_);
    ++count_;
    changed_.notify_all();
  }
  // Waits until the count reaches `n` (or a generous timeout) and returns it.
  int wait_for(int n, std::chrono::milliseconds timeout = 3000ms) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return count_ >= n; });
    return count_;
  }
  int now() {
    std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
};

class WatchTest : public test::TempDirTest {
 protected:
  void SetUp() override {
    deck_ = dir() / "talk.md";
    write(deck_, "# one\n");
    other_ = dir() / "unrelated.txt";
  }

  static void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
  }

  std::unique_ptr<FileWatcher> watch(Counter& counter) {
    std::string error;
    auto w = FileWatcher::start(
        {deck_.string()}, [&counter] { counter.bump(); }, 50, &error);
    EXPECT_NE(w, nullptr) << error;
    return w;
  }

  fs::path deck_, other_;
};

TEST_F(WatchTest, WriteInPlace) {
  Counter c;
  auto w = watch(c);
  write(deck_, "# two\n");
  EXPECT_EQ(c.wait_for(1), 1);
}

TEST_F(WatchTest, RenameOver) {
  Counter c;
  auto w = watch(c);
  const fs::path temp = dir() / ".talk.md.swp";
  write(temp, "# renamed\n");
  fs::rename(temp, deck_);
  EXPECT_EQ(c.wait_for(1), 1);
}

TEST_F(WatchTest, DeleteAndRecreate) {
  Counter c;
  auto w = watch(c);
  fs::remove(deck_);
  std::this_thread::sleep_for(10ms);
  write(deck_, "# again\n");
  EXPECT_EQ(c.wait_for(1), 1);  // one burst, one call
  // And the watch survives: the recreated file is still watched.
  std::this_thread::sleep_for(150ms);
  write(deck_, "# and again\n");
  EXPECT_EQ(c.wait_for(2), 2);
}

TEST_F(WatchTest, BurstsAreDebouncedIntoOneCall) {
  Counter c;
  auto w = watch(c);
  for (int i = 0; i < 5; ++i) write(deck_, "# edit " + std::to_string(i) + "\n");
  EXPECT_EQ(c.wait_for(1), 1);
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(c.now(), 1);
}

TEST_F(WatchTest, OtherFilesInTheFolderAreIgnored) {
  Counter c;
  auto w = watch(c);
  write(other_, "noise\n");
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(c.now(), 0);
  write(deck_, "# real\n");  // and the watcher is still alive
  EXPECT_EQ(c.wait_for(1), 1);
}

TEST_F(WatchTest, FileNotYetThere) {
  Counter c;
  const fs::path image = dir() / "later.png";
  std::string error;
  auto w = FileWatcher::start(
      {image.string()}, [&c] { c.bump(); }, 50, &error);
  ASSERT_NE(w, nullptr) << error;
  write(image, "png");
  EXPECT_EQ(c.wait_for(1), 1);
}

TEST_F(WatchTest, MissingFolderIsAnError) {
  std::string error;
  auto w = FileWatcher::start(
      {(dir() / "nope" / "deck.md").string()}, [] {}, 50, &error);
  EXPECT_EQ(w, nullptr);
  EXPECT_NE(error.find("nope"), std::string::npos) << error;
}

TEST_F(WatchTest, StopsPromptly) {
  Counter c;
  const auto t0 = std::chrono::steady_clock::now();
  { auto w = watch(c); }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 500ms);
}

}  // namespace
}  // namespace madang::app
