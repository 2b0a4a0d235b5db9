#include "history/writer.h"

namespace madang::history {

RunWriter::RunWriter(Store& store, std::int64_t run, std::function<void()> on_commit)
    : store_(store), run_(run), on_commit_(std::move(on_commit)) {
  thread_ = std::thread([this] { work(); });
}

RunWriter::~RunWriter() {
  if (!stopped_) finish(false);
}

void RunWriter::push(SlideIdentity slide, Visit visit) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.emplace_back(std::move(slide), std::move(visit));
  }
  wake_.notify_one();
}

int RunWriter::committed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return committed_;
}

std::string RunWriter::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

void RunWriter::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left
    auto [slide, visit] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    std::string error;
    const bool ok = store_.add_visit(run_, slide, visit, &error);
    lock.lock();
    if (ok) {
      ++committed_;
    } else {
      error_ = error;
    }
    if (on_commit_) {
      lock.unlock();
      on_commit_();
      lock.lock();
    }
  }
}

bool RunWriter::finish(bool finished, bool complete) {
  return stop(finished, complete ? 1 : 0);
}

bool RunWriter::finish(bool finished) {
  return stop(finished, -1);
}

bool RunWriter::stop(bool finished, int complete) {
  if (stopped_) return error().empty();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  stopped_ = true;
  std::string error;
  const bool ended = complete < 0 ? store_.end_run(run_, finished, &error)
                                  : store_.end_run(run_, finished, complete == 1, &error);
  if (!ended) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = error;
  }
  return error_.empty();
}

}  // namespace madang::history
