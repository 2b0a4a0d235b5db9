// Layout cache: layout_paragraph memoized, so a redraw does no itemizing,
// shaping or breaking. A lookup hashes the inputs in place (four 64-bit
// lanes, so the text is read at memory speed) and confirms a hit by
// comparing them with the stored copy: exact, never a hash-only guess.
#include <algorithm>
#include <cstring>
#include <memory>

#include "text/font_system.h"
#include "text/text.h"

namespace madang::text {

namespace {

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;

// A streaming hash: four independent multiply lanes (so long text is read at
// memory speed), one final mix.
struct Hasher {
  std::uint64_t lane[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                           0x082EFA98EC4E6C89ull};

  unsigned next = 0;  // small values go round the lanes: four short chains, not one long one

  void word(std::uint64_t w) {
    std::uint64_t& l = lane[next++ & 3];
    l = (l ^ w) * kMul;
  }
  template <typename T>
  void value(const T& v) {
    std::uint64_t w = 0;
    static_assert(sizeof(T) <= sizeof(w));
    std::memcpy(&w, &v, sizeof v);
    word(w);
  }
  void bytes(const std::string& s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    // Lanes in locals: kept in registers, four multiplies in flight.
    std::uint64_t a = lane[0], b = lane[1], c = lane[2], d = lane[3];
    for (; i + 32 <= n; i += 32) {
      std::uint64_t w[4];
      std::memcpy(w, p + i, 32);
      a = (a ^ w[0]) * kMul;
      b = (b ^ w[1]) * kMul;
      c = (c ^ w[2]) * kMul;
      d = (d ^ w[3]) * kMul;
    }
    lane[0] = a;
    lane[1] = b;
    lane[2] = c;
    lane[3] = d;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      word(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p + i, n - i);
    word(tail ^ (static_cast<std::uint64_t>(n) << 56));
  }
  void style(const TextStyle& s) {
    value(s.size);
    value(s.color);
    value((s.bold ? 1 : 0) | (s.italic ? 2 : 0) | (s.monospace ? 4 : 0) | (s.underline ? 8 : 0) |
          (s.strike ? 16 : 0));
    bytes(s.link);
  }
  std::uint64_t finish() const {
    std::uint64_t h = 0;
    for (std::uint64_t l : lane) {
      h = (h ^ l ^ (l >> 29)) * 0xD6E8FEB86659FD93ull;
      h ^= h >> 32;
    }
    return h;
  }
};

bool same_style(const TextStyle& a, const TextStyle& b) {
  return a.size == b.size && a.color == b.color && a.bold == b.bold && a.italic == b.italic &&
         a.monospace == b.monospace && a.underline == b.underline && a.strike == b.strike &&
         a.link == b.link;
}

bool same_paragraph_style(const ParagraphStyle& a, const ParagraphStyle& b) {
  return a.align == b.align && a.line_height == b.line_height && a.marker == b.marker &&
         same_style(a.marker_style, b.marker_style) && a.indent == b.indent &&
         a.syllable_breaking == b.syllable_breaking && a.lang == b.lang;
}

struct Entry {
  std::uint64_t hash = 0;
  const FontSystem* fonts = nullptr;
  float width = 0;
  ParagraphStyle style;
  std::vector<TextRun> runs;
  Paragraph paragraph;

  bool matches(const FontSystem* f, const std::vector<TextRun>& r, const ParagraphStyle& s,
               float w) const {
    if (f != fonts || w != width || r.size() != runs.size()) return false;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (r[i].text != runs[i].text || !same_style(r[i].style, runs[i].style)) return false;
    }
    return same_paragraph_style(s, style);
  }
};

}  // namespace

// Open addressing over a power-of-two table of indices into `entries`
// (std::unordered_map's prime modulo alone costs more than the hash).
struct LayoutCache::Impl {
  std::size_t capacity;
  std::vector<std::unique_ptr<Entry>> entries;  // stable addresses for returned references
  std::vector<std::uint32_t> slots;             // 0: empty, else entry index + 1
  std::size_t hits = 0, misses = 0;

  explicit Impl(std::size_t cap) : capacity(std::max<std::size_t>(cap, 1)) {
    std::size_t n = 16;
    while (n < 2 * capacity) n *= 2;
    slots.assign(n, 0);
  }
  void clear() {
    entries.clear();
    std::fill(slots.begin(), slots.end(), 0);
  }
};

LayoutCache::LayoutCache(std::size_t capacity) : impl_(new Impl(capacity)) {}
LayoutCache::~LayoutCache() = default;

const Paragraph& LayoutCache::layout(FontSystem& fonts, const std::vector<TextRun>& runs,
                                     const ParagraphStyle& style, float max_width) {
  Hasher hasher;
  hasher.value(&fonts);
  hasher.value(max_width);
  hasher.value(static_cast<int>(style.align));
  hasher.value(style.line_height);
  hasher.value(style.indent);
  hasher.value(style.syllable_breaking);
  hasher.bytes(style.lang);
  hasher.bytes(style.marker);
  hasher.style(style.marker_style);
  for (const TextRun& r : runs) {
    hasher.style(r.style);
    hasher.bytes(r.text);
  }
  const std::uint64_t h = hasher.finish();
  Impl& c = *impl_;
  const std::size_t mask = c.slots.size() - 1;
  std::size_t slot = h & mask;
  for (; c.slots[slot] != 0; slot = (slot + 1) & mask) {
    const Entry& e = *c.entries[c.slots[slot] - 1];
    if (e.hash == h && e.matches(&fonts, runs, style, max_width)) {
      ++c.hits;
      return e.paragraph;
    }
  }
  ++c.misses;
  // Laid out before a slot is taken: a paragraph's marker is laid out
  // through the same memo, which may fill or clear the table meanwhile.
  Paragraph laid = layout_paragraph_uncached(fonts, runs, style, max_width);
  if (c.entries.size() >= c.capacity) c.clear();
  for (slot = h & mask; c.slots[slot] != 0;) slot = (slot + 1) & mask;
  c.entries.push_back(
      std::make_unique<Entry>(Entry{h, &fonts, max_width, style, runs, std::move(laid)}));
  c.slots[slot] = static_cast<std::uint32_t>(c.entries.size());
  return c.entries.back()->paragraph;
}

void LayoutCache::clear() {
  impl_->clear();
}
std::size_t LayoutCache::size() const {
  return impl_->entries.size();
}
std::size_t LayoutCache::hits() const {
  return impl_->hits;
}
std::size_t LayoutCache::misses() const {
  return impl_->misses;
}

}  // namespace madang::text
