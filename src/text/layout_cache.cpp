// Layout cache: layout_paragraph memoized by an exact key (the inputs
// serialized), so a redraw does no itemizing, shaping or breaking.
#include <cstring>
#include <unordered_map>

#include "text/text.h"

namespace madang::text {

namespace {

template <typename T>
void put(std::string* key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key->append(bytes, sizeof(T));
}

void put_style(std::string* key, const TextStyle& s) {
  put(key, s.size);
  put(key, s.color);
  const char flags =
      static_cast<char>((s.bold ? 1 : 0) | (s.italic ? 2 : 0) | (s.monospace ? 4 : 0) |
                        (s.underline ? 8 : 0) | (s.strike ? 16 : 0));
  key->push_back(flags);
}

void put_string(std::string* key, const std::string& s) {
  put(key, s.size());
  key->append(s);
}

}  // namespace

struct LayoutCache::Impl {
  std::size_t capacity;
  std::unordered_map<std::string, Paragraph> entries;
  std::size_t hits = 0, misses = 0;
  std::string key;  // reused between lookups
};

LayoutCache::LayoutCache(std::size_t capacity) : impl_(new Impl{capacity, {}, 0, 0, {}}) {}
LayoutCache::~LayoutCache() = default;

const Paragraph& LayoutCache::layout(FontSystem& fonts, const std::vector<TextRun>& runs,
                                     const ParagraphStyle& style, float max_width) {
  std::string& key = impl_->key;
  key.clear();
  put(&key, static_cast<const void*>(&fonts));
  put(&key, max_width);
  put(&key, static_cast<int>(style.align));
  put(&key, style.line_height);
  put(&key, style.indent);
  key.push_back(style.syllable_breaking ? 1 : 0);
  put_string(&key, style.lang);
  put_string(&key, style.marker);
  put_style(&key, style.marker_style);
  for (const TextRun& r : runs) {
    put_style(&key, r.style);
    put_string(&key, r.text);
  }
  auto it = impl_->entries.find(key);
  if (it != impl_->entries.end()) {
    ++impl_->hits;
    return it->second;
  }
  ++impl_->misses;
  if (impl_->entries.size() >= impl_->capacity) impl_->entries.clear();
  return impl_->entries.emplace(key, layout_paragraph(fonts, runs, style, max_width)).first->second;
}

void LayoutCache::clear() {
  impl_->entries.clear();
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
