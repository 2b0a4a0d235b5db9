// Images decoded ahead of need (see image_ahead.h), and the two ImageCache
// members that meet them (image.h: holds_for_size, adopt_for_size).
//
// The key rules here are get_for_size's (image.cpp): the image reduced as
// image_reduction says for the file's size from its first 64 KB, kept under
// image_key(path, filters) at full size, else under path + "\x1f/" + the
// reduction with the blur radii divided by it. The ImageAhead tests hold the
// two together: an image delivered here is found by get_for_size without a
// decode.

#include "render/image_ahead.h"

#if defined(__linux__)
#include <sys/resource.h>
#endif

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <utility>

#include "io/files.h"
#include "io/image_header.h"
#include "render/image_filter.h"

namespace madang::render {

namespace {

// The file's pixels, read as get_for_size reads them: from its first 64 KB,
// which hold any PNG's or JPEG's size (0 x 0 when they do not say).
std::pair<int, int> read_full_size(const std::string& path) {
  std::string ignored;
  std::FILE* f = io::open_regular_file(path, &ignored);
  if (!f) return {0, 0};
  std::vector<unsigned char> head(64 * 1024 + 1024);
  const std::size_t n = std::fread(head.data(), 1, head.size(), f);
  std::fclose(f);
  const io::ImageHeader header = io::read_image_header(head.data(), n);
  return header.ok ? std::pair(header.width, header.height) : std::pair(0, 0);
}

// A blur's radius is given in the full image's pixels: it shrinks with the image.
std::vector<deck::ImageFilter> scaled_filters(const std::vector<deck::ImageFilter>& filters,
                                              int reduction) {
  std::vector<deck::ImageFilter> scaled = filters;
  for (deck::ImageFilter& f : scaled)
    if (f.kind == deck::FilterKind::kBlur) f.amount /= static_cast<float>(reduction);
  return scaled;
}

// The key get_for_size keeps the image it draws under.
std::string size_key(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                     int reduction) {
  if (reduction == 1) return image_key(path, filters);
  return image_key(path + "\x1f/" + std::to_string(reduction), scaled_filters(filters, reduction));
}

// The bytes an image will take decoded (0 when its header does not say).
std::size_t decoded_bytes(const ImageWant& want) {
  const auto [w, h] = read_full_size(want.path);
  const std::size_t r = static_cast<std::size_t>(image_reduction(w, h, want.want_w, want.want_h));
  const std::size_t rw = (static_cast<std::size_t>(w) + r - 1) / r;
  const std::size_t rh = (static_cast<std::size_t>(h) + r - 1) / r;
  return rw * rh * 4;
}

}  // namespace

SizedImage decode_for_size(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                           int want_w, int want_h) {
  SizedImage out;
  std::tie(out.full_w, out.full_h) = read_full_size(path);
  const int reduction = image_reduction(out.full_w, out.full_h, want_w, want_h);
  // As get_for_size: whole (get), or reduced while decoding; then the
  // filters at that size.
  std::unique_ptr<RgbaImage> plain = reduction == 1
                                         ? decode_image(path, &out.error)
                                         : decode_image_file(path, reduction, &out.error);
  const std::vector<deck::ImageFilter> applied =
      reduction == 1 ? filters : scaled_filters(filters, reduction);
  if (!plain || applied.empty()) {
    out.image = std::move(plain);
    return out;
  }
  try {
    out.image = std::make_unique<RgbaImage>(apply_filters(*plain, applied));
  } catch (const std::bad_alloc&) {
    out.error = "cannot be decoded (out of memory)";
  }
  return out;
}

bool ImageCache::holds_for_size(const std::string& path,
                                const std::vector<deck::ImageFilter>& filters, int want_w,
                                int want_h) {
  auto size = full_sizes_.find(path);
  if (size == full_sizes_.end()) size = full_sizes_.emplace(path, read_full_size(path)).first;
  const int reduction = image_reduction(size->second.first, size->second.second, want_w, want_h);
  return images_.count(size_key(path, filters, reduction)) > 0;
}

void ImageCache::adopt_for_size(const std::string& path,
                                const std::vector<deck::ImageFilter>& filters, int want_w,
                                int want_h, SizedImage decoded) {
  const std::pair<int, int> full(decoded.full_w, decoded.full_h);
  auto size = full_sizes_.find(path);
  if (size == full_sizes_.end()) {
    size = full_sizes_.emplace(path, full).first;
  } else if (size->second != full) {
    return;  // the file changed since its size was read here: get_for_size decodes it anew
  }
  const std::string key =
      size_key(path, filters, image_reduction(full.first, full.second, want_w, want_h));
  if (images_.count(key) > 0) return;
  keep(key, std::move(decoded.image), std::move(decoded.error));
}

//-----------------------------------------------------------------------------
// The worker
//-----------------------------------------------------------------------------

void run_in_background() {
#if defined(__linux__)
  // PRIO_PROCESS 0 is the calling thread under NPTL. Raising one's own nice
  // value needs no privilege; failing to is harmless.
  (void)setpriority(PRIO_PROCESS, 0, 10);
#endif
}

namespace {

struct Job {
  ImageWant want;
  std::size_t bytes = 0;  // decoded (from the file's header: the budget holds before decoding)
};

struct Finished {
  ImageWant want;
  SizedImage image;
};

}  // namespace

struct ImageAhead::Impl {
  std::size_t budget;
  mutable std::mutex mu;
  std::condition_variable work;  // the worker waits for a job and room for it
  std::condition_variable done;  // callers wait for the image in hand, or for idleness
  std::deque<Job> queue;
  std::vector<Finished> finished;
  std::size_t waiting_bytes = 0, peak_waiting_bytes = 0;
  bool busy = false;  // the worker holds `in_hand`
  ImageWant in_hand;
  std::uint64_t epoch = 0;  // clear(): what the worker has in hand is not wanted
  std::uint64_t decoded = 0, adopted = 0;
  bool stop = false;
  std::thread worker;

  explicit Impl(std::size_t b) : budget(b) {}

  // Whether the front job may begin: nothing waits to be taken, or it fits
  // beside what does.
  bool room() const {
    return !queue.empty() && (finished.empty() || waiting_bytes + queue.front().bytes <= budget);
  }

  bool wanted(const ImageWant& want) const {
    if (busy && in_hand == want) return true;
    for (const Finished& f : finished)
      if (f.want == want) return true;
    return false;
  }

  void run() {
    run_in_background();
    std::unique_lock lock(mu);
    for (;;) {
      work.wait(lock, [&] { return stop || room(); });
      if (stop) return;
      Job job = std::move(queue.front());
      queue.pop_front();
      busy = true;
      in_hand = job.want;
      const std::uint64_t then = epoch;
      lock.unlock();
      SizedImage image =
          decode_for_size(job.want.path, job.want.filters, job.want.want_w, job.want.want_h);
      lock.lock();
      busy = false;
      ++decoded;
      if (then == epoch && !stop) {
        waiting_bytes += image.image ? image.image->pixels.size() : 0;
        peak_waiting_bytes = std::max(peak_waiting_bytes, waiting_bytes);
        finished.push_back({std::move(job.want), std::move(image)});
      }
      done.notify_all();
    }
  }
};

ImageAhead::ImageAhead(std::size_t budget_bytes) : impl_(std::make_unique<Impl>(budget_bytes)) {}

ImageAhead::~ImageAhead() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stop = true;
  }
  impl_->work.notify_all();
  if (impl_->worker.joinable()) impl_->worker.join();
}

void ImageAhead::ask(ImageCache& cache, const std::vector<ImageWant>& wants) {
  std::deque<Job> fresh;
  for (const ImageWant& want : wants) {
    if (fresh.size() >= kMaxQueued) break;
    if (want.path.empty() || want.want_w <= 0 || want.want_h <= 0) continue;
    if (std::any_of(fresh.begin(), fresh.end(), [&](const Job& j) { return j.want == want; }))
      continue;
    if (cache.holds_for_size(want.path, want.filters, want.want_w, want.want_h)) continue;
    fresh.push_back({want, decoded_bytes(want)});  // its header again: read a moment ago
  }
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    std::erase_if(fresh, [&](const Job& j) { return m.wanted(j.want); });
    m.queue = std::move(fresh);
    if (!m.worker.joinable() && !m.queue.empty()) {
      try {
        m.worker = std::thread([&m] { m.run(); });
      } catch (const std::system_error&) {
        m.queue.clear();  // no thread: every image is decoded when drawn, as before
      }
    }
  }
  m.work.notify_all();
}

int ImageAhead::deliver(ImageCache& cache, const std::vector<ImageWant>& needed) {
  Impl& m = *impl_;
  std::vector<Finished> taken;
  {
    std::unique_lock lock(m.mu);
    if (!needed.empty()) {
      std::erase_if(m.queue, [&](const Job& j) {
        return std::find(needed.begin(), needed.end(), j.want) != needed.end();
      });
      m.done.wait(lock, [&] {
        return !m.busy || std::find(needed.begin(), needed.end(), m.in_hand) == needed.end();
      });
    }
    if (m.finished.empty()) return 0;
    taken.swap(m.finished);
    m.waiting_bytes = 0;
    m.adopted += taken.size();
  }
  m.work.notify_all();  // room again
  for (Finished& f : taken) {
    cache.adopt_for_size(f.want.path, f.want.filters, f.want.want_w, f.want.want_h,
                         std::move(f.image));
  }
  return static_cast<int>(taken.size());
}

void ImageAhead::clear() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    m.queue.clear();
    m.finished.clear();
    m.waiting_bytes = 0;
    ++m.epoch;
  }
  m.work.notify_all();
}

void ImageAhead::wait_idle() {
  Impl& m = *impl_;
  std::unique_lock lock(m.mu);
  m.done.wait(lock, [&] { return m.stop || (!m.busy && !m.room()); });
}

ImageAhead::Stats ImageAhead::stats() const {
  const Impl& m = *impl_;
  std::lock_guard lock(m.mu);
  return {m.decoded, m.adopted, m.waiting_bytes, m.peak_waiting_bytes, m.queue.size()};
}

}  // namespace madang::render
