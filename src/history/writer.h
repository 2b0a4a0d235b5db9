// Writes a run's visits as they finish, on a thread of its own, so that the
// thread that draws never waits for the disk: a commit with synchronous=FULL
// waits for an fsync, which takes milliseconds on a laptop's disk and more
// on a USB stick (tests/bench/history_bench.cpp measures both).
//
// Promise: visits are committed in the order pushed, each in a transaction
// of its own, as soon as the thread gets to it; push() only queues (a lock
// and a move). `on_commit` runs on the writer's thread after each commit (a
// mode wakes its loop with it). While a RunWriter lives, the Store is its
// alone; after finish() it is the caller's again.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "history/store.h"

namespace madang::history {

class RunWriter {
 public:
  RunWriter(Store& store, std::int64_t run, std::function<void()> on_commit = {});
  ~RunWriter();  // finish(false) when not finished: the run stays marked cut short
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  void push(SlideIdentity slide, Visit visit);
  // Visits on the disk so far.
  int committed() const;
  // The last error of a commit ("" when none).
  std::string error() const;

  // Commits what is queued, marks the run finished (or cut short) and
  // complete (or partial: Store::end_run) and stops the thread; false when a
  // commit failed.
  bool finish(bool finished, bool complete);
  // The same, complete judged from the visits committed (Store::end_run).
  bool finish(bool finished);

 private:
  void work();
  bool stop(bool finished, int complete);  // complete: 0, 1, or -1 to judge

  Store& store_;
  const std::int64_t run_;
  std::function<void()> on_commit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<SlideIdentity, Visit>> queue_;
  bool stopping_ = false, stopped_ = false;
  int committed_ = 0;
  std::string error_;
  std::thread thread_;
};

}  // namespace madang::history
