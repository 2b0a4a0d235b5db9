// PdfPageCache: rasters of PDF pages, kept within a byte budget and rendered
// ahead on one worker thread.
//
// Why a worker of its own and not a pool: poppler renders one page on one
// core, a page turn needs the next page or two, and a second worker would
// race the first for the same few pages while doubling the Documents (each
// parses the whole file's cross-reference table and fonts). Why the caller
// renders a miss itself instead of waiting in line: a display must never
// show a missing page, and the worker may be busy with a page nobody will
// look at; the one exception is the page the worker already has in hand,
// which is ready sooner than a second render of it would be.
//
// Locking: `mutex` guards the rasters, the queue and the counters, and is
// never held while poppler works. The callers' Documents have a mutex of
// their own (held while a caller renders), the worker's belong to the worker
// alone.

#include "render/pdf_pages.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

namespace madang::render {

//-----------------------------------------------------------------------------
// [SECTION] Keys and pixels
//-----------------------------------------------------------------------------

std::size_t PdfRasterKeyHash::operator()(const PdfRasterKey& key) const {
  std::uint64_t h = key.digest;
  auto mix = [&h](std::uint64_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  mix(static_cast<std::uint32_t>(key.page));
  mix(static_cast<std::uint64_t>(static_cast<std::uint32_t>(key.width)) << 32 |
      static_cast<std::uint32_t>(key.height));
  for (double v : {key.part.x, key.part.y, key.part.w, key.part.h})
    mix(std::bit_cast<std::uint64_t>(v));
  return static_cast<std::size_t>(h * 0xff51afd7ed558ccdull);
}

PixelRect pdf_page_pixels(const layout::Rect& rect, float origin_x, float origin_y, float scale_x,
                          float scale_y) {
  // Each edge rounded on its own (as the SDL sink rounds clips), so that two
  // pages side by side share their edge and never leave a gap between them.
  auto edge = [](float v) { return static_cast<int>(std::floor(v + 0.5f)); };
  const int x0 = edge((rect.x + origin_x) * scale_x), y0 = edge((rect.y + origin_y) * scale_y);
  const int x1 = edge((rect.x + rect.w + origin_x) * scale_x),
            y1 = edge((rect.y + rect.h + origin_y) * scale_y);
  if (x1 <= x0 || y1 <= y0) return {x0, y0, 0, 0};
  return {x0, y0, x1 - x0, y1 - y0};
}

//-----------------------------------------------------------------------------
// [SECTION] Documents of one thread
//-----------------------------------------------------------------------------

namespace {

// Documents one thread has opened, a few at a time (each keeps its file's
// bytes alive through its Source): the one used longest ago closes first. A
// file that does not open is remembered with its reason, so that a damaged
// deck costs one attempt, not one per frame.
class OpenDocuments {
 public:
  static constexpr std::size_t kMaxOpen = 4;

  const pdf::Document* open(const pdf::SourcePtr& source, std::string* error) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->digest != source->digest) continue;
      entries_.splice(entries_.begin(), entries_, it);  // most recent first
      if (!it->document) *error = it->error;
      return it->document.get();
    }
    Entry entry{source->digest, nullptr, {}};
    pdf::Failure failure = pdf::Failure::kNone;
    entry.document = pdf::Document::open(source, &failure, &entry.error);
    if (!entry.document) *error = entry.error;
    entries_.push_front(std::move(entry));
    if (entries_.size() > kMaxOpen) entries_.pop_back();
    return entries_.front().document.get();
  }
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    std::uint64_t digest = 0;
    std::unique_ptr<pdf::Document> document;  // nullptr: does not open, for `error`
    std::string error;
  };
  std::list<Entry> entries_;  // front: used last
};

// Page `key.page` of `source` at the key's size, with a Document of
// `documents`; nullptr and the reason when it cannot be drawn.
std::shared_ptr<const pdf::PageRaster> render(OpenDocuments& documents,
                                              const pdf::SourcePtr& source, const PdfRasterKey& key,
                                              std::string* error) {
  try {
    const pdf::Document* document = documents.open(source, error);
    if (!document) return nullptr;
    if (key.page < 0 || key.page >= document->page_count()) {
      *error = "has no page " + std::to_string(key.page + 1) + " (it has " +
               std::to_string(document->page_count()) + ")";
      return nullptr;
    }
    auto raster = std::make_shared<pdf::PageRaster>(
        pdf::render_page(*document, key.page, key.width, key.height, key.part));
    if (raster->pixels.empty()) {
      *error = "page " + std::to_string(key.page + 1) + " cannot be drawn at " +
               std::to_string(key.width) + "x" + std::to_string(key.height) + " pixels";
      return nullptr;
    }
    return raster;
  } catch (const std::bad_alloc&) {
    *error = "page " + std::to_string(key.page + 1) + " cannot be drawn (out of memory)";
    return nullptr;
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The cache
//-----------------------------------------------------------------------------

struct PdfPageCache::Impl {
  struct Entry {
    PdfRasterKey key;
    Raster raster;
  };
  struct Job {
    pdf::SourcePtr source;
    PdfRasterKey key;
  };

  const std::size_t budget;

  mutable std::mutex mutex;      // guards what follows, down to `worker`
  std::condition_variable wake;  // to the worker: a job, a clear() or stop
  std::condition_variable idle;  // from the worker: a page left its hands
  std::list<Entry> lru;          // front: used last
  std::unordered_map<PdfRasterKey, std::list<Entry>::iterator, PdfRasterKeyHash> index;
  std::size_t bytes = 0;
  std::deque<Job> queue;                // front: next
  std::optional<PdfRasterKey> in_hand;  // what the worker renders now
  std::uint64_t generation = 0;         // one more per clear(): older work is not kept
  bool stop = false;
  std::uint64_t sync_renders = 0, worker_renders = 0;
  std::thread worker;  // started by the first ahead()

  std::mutex caller_mutex;  // one caller renders at a time, with:
  OpenDocuments caller_documents;
  std::uint64_t caller_generation = 0;  // the clear() its documents come after

  OpenDocuments worker_documents;  // the worker's alone

  explicit Impl(std::size_t b) : budget(b) {}

  // Under `mutex`: the raster for `key`, now the most recently used.
  Raster find(const PdfRasterKey& key) {
    const auto it = index.find(key);
    if (it == index.end()) return nullptr;
    lru.splice(lru.begin(), lru, it->second);
    return it->second->raster;
  }

  // Under `mutex`: keeps `raster` if room can be made for it by dropping
  // rasters used longest ago that nobody else holds.
  void keep(const PdfRasterKey& key, const Raster& raster) {
    if (index.count(key)) return;  // another thread was first: keep its copy
    const std::size_t size = raster->pixels.size();
    if (size > budget) return;
    // use_count() can only be too high here (copies are made under this
    // lock; a holder may let go meanwhile): at worst a raster stays a while.
    for (auto it = lru.end(); bytes + size > budget && it != lru.begin();) {
      --it;
      if (it->raster.use_count() > 1) continue;
      bytes -= it->raster->pixels.size();
      index.erase(it->key);
      it = lru.erase(it);
    }
    if (bytes + size > budget) return;  // held rasters fill it: this one goes unkept
    lru.push_front({key, raster});
    index.emplace(key, lru.begin());
    bytes += size;
  }

  // Replaces the queue with `jobs` (those not cached or in hand, as many as
  // half the budget holds, and the first whatever its size if the budget
  // holds it: the next page at 4K) and wakes the worker, starting it the
  // first time.
  void queue_jobs(std::vector<Job> jobs) {
    std::lock_guard lock(mutex);
    if (stop) return;
    queue.clear();
    std::size_t room = budget / 2;
    bool first = true;
    for (Job& job : jobs) {
      const std::size_t size = static_cast<std::size_t>(job.key.width) * job.key.height * 4;
      if (size > room && !(first && size <= budget)) break;
      room -= std::min(room, size);
      first = false;
      if (index.count(job.key) || (in_hand && *in_hand == job.key)) continue;
      queue.push_back(std::move(job));
    }
    if (queue.empty()) {
      idle.notify_all();
      return;
    }
    if (!worker.joinable()) {
      try {
        worker = std::thread([this] { work(); });
      } catch (const std::system_error&) {
        queue.clear();  // no thread: get() renders each page when it is shown
        return;
      }
    }
    wake.notify_one();
  }

  void work() {
    std::unique_lock lock(mutex);
    std::uint64_t documents_generation = generation;
    for (;;) {
      wake.wait(lock, [&] { return stop || !queue.empty() || documents_generation != generation; });
      if (stop) break;
      if (documents_generation != generation) {
        documents_generation = generation;
        lock.unlock();
        worker_documents.clear();
        lock.lock();
        continue;
      }
      Job job = std::move(queue.front());
      queue.pop_front();
      if (!index.count(job.key)) {
        in_hand = job.key;
        const std::uint64_t started = generation;
        lock.unlock();
        std::string why;  // not reported: get() says it when the page is shown
        const Raster raster = render(worker_documents, job.source, job.key, &why);
        job.source.reset();
        lock.lock();
        in_hand.reset();
        if (raster) {
          ++worker_renders;
          if (started == generation && !stop) keep(job.key, raster);
        }
      }
      idle.notify_all();
    }
    in_hand.reset();
    idle.notify_all();
    lock.unlock();
    worker_documents.clear();
  }

  void shut_down() {
    {
      std::lock_guard lock(mutex);
      stop = true;
      queue.clear();
    }
    wake.notify_all();
    if (worker.joinable()) worker.join();
  }
};

PdfPageCache::PdfPageCache(std::size_t budget_bytes)
    : impl_(std::make_unique<Impl>(budget_bytes)) {}

PdfPageCache::~PdfPageCache() {
  impl_->shut_down();
}

PdfPageCache::Raster PdfPageCache::get(const pdf::SourcePtr& source, int page, int width,
                                       int height, pdf::PagePart part, std::string* error) {
  Impl& d = *impl_;
  std::string why;
  auto fail = [&](std::string reason) -> Raster {
    if (error) *error = std::move(reason);
    return nullptr;
  };
  if (!source) return fail("was not read");
  if (width <= 0 || height <= 0) return fail("has no pixels to fill");
  const PdfRasterKey key{source->digest, page, width, height, part};
  std::uint64_t started = 0;
  {
    std::unique_lock lock(d.mutex);
    // The worker has this very page in hand: it is ready sooner than a
    // second render of it would be.
    d.idle.wait(lock, [&] { return !d.in_hand || !(*d.in_hand == key); });
    if (Raster raster = d.find(key)) return raster;
    // Rendered here now: the worker need not.
    for (auto it = d.queue.begin(); it != d.queue.end(); ++it) {
      if (it->key == key) {
        d.queue.erase(it);
        break;
      }
    }
    started = d.generation;
  }
  std::lock_guard caller(d.caller_mutex);
  if (d.caller_generation != started) {
    d.caller_documents.clear();  // a clear() came: let go of the old files' bytes
    d.caller_generation = started;
  }
  {
    // Another caller may have rendered it while this one waited its turn.
    std::lock_guard lock(d.mutex);
    if (Raster raster = d.find(key)) return raster;
  }
  Raster raster = render(d.caller_documents, source, key, &why);
  if (!raster) return fail(std::move(why));
  std::lock_guard lock(d.mutex);
  ++d.sync_renders;
  if (started == d.generation) d.keep(key, raster);
  return raster;
}

bool PdfPageCache::cached(const PdfRasterKey& key) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->index.count(key) > 0;
}

void PdfPageCache::ahead(const pdf::SourcePtr& source, const std::vector<int>& pages, int width,
                         int height, pdf::PagePart part) {
  if (!source || width <= 0 || height <= 0) return;
  std::vector<Impl::Job> jobs;
  jobs.reserve(pages.size());
  for (int page : pages) jobs.push_back({source, {source->digest, page, width, height, part}});
  impl_->queue_jobs(std::move(jobs));
}

void PdfPageCache::ahead(const layout::DisplayList& list, float x, float y) {
  std::vector<Impl::Job> jobs;
  for (const layout::Command& c : list.commands) {
    if (c.kind != layout::CommandKind::kPdfPage || !c.pdf) continue;
    const PixelRect px = pdf_page_pixels(c.rect, x, y);
    if (px.w <= 0 || px.h <= 0) continue;
    jobs.push_back({c.pdf, {c.pdf->digest, c.page, px.w, px.h, c.page_part}});
  }
  impl_->queue_jobs(std::move(jobs));
}

void PdfPageCache::wait_idle() {
  std::unique_lock lock(impl_->mutex);
  impl_->idle.wait(lock, [&] { return impl_->queue.empty() && !impl_->in_hand; });
}

void PdfPageCache::clear() {
  Impl& d = *impl_;
  std::list<Impl::Entry> dropped;  // freed after the lock is let go
  std::uint64_t now = 0;
  {
    std::lock_guard lock(d.mutex);
    d.queue.clear();
    dropped.swap(d.lru);
    d.index.clear();
    d.bytes = 0;
    now = ++d.generation;
  }
  d.wake.notify_all();  // the worker lets go of its Documents
  d.idle.notify_all();
  // A caller rendering on another thread keeps its Documents until its next
  // get() (which sees the new generation): clear() does not wait for it.
  if (d.caller_mutex.try_lock()) {
    d.caller_documents.clear();
    d.caller_generation = now;
    d.caller_mutex.unlock();
  }
}

std::size_t PdfPageCache::bytes() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->bytes;
}

std::size_t PdfPageCache::budget() const {
  return impl_->budget;
}

std::uint64_t PdfPageCache::synchronous_renders() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->sync_renders;
}

std::uint64_t PdfPageCache::ahead_renders() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->worker_renders;
}

}  // namespace madang::render
