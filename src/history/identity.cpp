#include "history/identity.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "base/space_text.h"

namespace madang::history {

namespace {

constexpr std::size_t kMaxContentBytes = 4096;

// ---------------------------------------------------------------- the text

void add_text(std::string* out, const std::string& text) {
  if (text.empty()) return;
  if (!out->empty()) *out += ' ';
  *out += text;
}

void add_block(std::string* out, const deck::Block& b) {
  using deck::BlockKind;
  switch (b.kind) {
    case BlockKind::kHeading:
    case BlockKind::kParagraph:
      add_text(out, deck::plain_text(b.text));
      break;
    case BlockKind::kList:
      for (const deck::ListItem& item : b.items) {
        for (const deck::Block& child : item.blocks) add_block(out, child);
      }
      break;
    case BlockKind::kTable:
      for (const deck::RichText& cell : b.table.header) add_text(out, deck::plain_text(cell));
      for (const auto& row : b.table.rows) {
        for (const deck::RichText& cell : row) add_text(out, deck::plain_text(cell));
      }
      break;
    case BlockKind::kQuote:
      for (const deck::Block& child : b.children) add_block(out, child);
      add_text(out, deck::plain_text(b.text));
      break;
    case BlockKind::kCode:
      add_text(out, b.code);
      break;
    case BlockKind::kImage:
      add_text(out, b.image.alt);
      add_text(out, b.image.src);
      break;
    case BlockKind::kDiagram: {
      const deck::Diagram& d = b.diagram;
      add_text(out, d.title);
      add_text(out, d.center);
      for (const std::string& a : d.attributes) add_text(out, a);
      for (const deck::DiagramNode& n : d.nodes) {
        add_text(out, n.label);
        add_text(out, n.detail);
        for (const std::string& v : n.values) add_text(out, v);
      }
      for (const deck::DiagramEdge& e : d.edges) {
        add_text(out, e.label);
        add_text(out, e.detail);
      }
      break;
    }
    case BlockKind::kRule:
      break;
  }
}

// Cuts at most `bytes` off the front, at a UTF-8 character boundary.
std::string utf8_prefix(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// Compared without case (ASCII: Korean has none).
std::u32string folded(const std::string& s) {
  std::u32string cps = deck::code_points(s);
  for (char32_t& c : cps) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  }
  return cps;
}

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

// ---------------------------------------------------------------- likeness

// Pairs of neighbouring characters (one character alone when that is all):
// Korean words carry their particles, so characters compare better than words.
using Features = std::vector<std::uint32_t>;

Features features(const std::string& text) {
  const std::u32string cps = folded(text);
  Features f;
  if (cps.size() == 1) f.push_back(static_cast<std::uint32_t>(cps[0]));
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    f.push_back(static_cast<std::uint32_t>(cps[i]) * 0x9E3779B1u ^
                static_cast<std::uint32_t>(cps[i + 1]) * 0x85EBCA77u ^ 0x5bd1e995u);
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

double jaccard(const Features& a, const Features& b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

struct Prepared {
  const SlideIdentity* slide;
  bool named;  // an id: directive
  Features title, content;
};

Prepared prepare(const SlideIdentity& s) {
  return {&s, s.key.rfind("id:", 0) == 0, features(s.title), features(s.content)};
}

// The resemblance, and whether it is enough (see same_slide).
std::pair<double, bool> compare(const Prepared& a, const Prepared& b) {
  if (a.slide->key == b.slide->key) return {1, true};
  if (a.named && b.named) return {0, false};  // two different names: two slides
  const double t = jaccard(a.title, b.title);
  const bool titled = !a.title.empty() || !b.title.empty();
  if (a.content.empty() && b.content.empty()) {
    // A title alone (a section slide): the title is all there is.
    return {titled ? t : 0, titled && t >= 0.6};
  }
  const double c = jaccard(a.content, b.content);
  const double score = 0.35 * (titled ? t : 0) + 0.65 * c;
  const bool same_title = titled && t == 1;
  return {score, score >= 0.55 && (c >= 0.5 || (same_title && c >= 0.3))};
}

}  // namespace

SlideIdentity identify(const deck::Slide& slide) {
  SlideIdentity id;
  const deck::Block* title_block = nullptr;
  for (const deck::Block& b : slide.blocks) {
    if (b.kind == deck::BlockKind::kHeading) {
      title_block = &b;
      break;
    }
  }
  std::string content;
  for (const deck::Block& b : slide.blocks) {
    if (&b != title_block) add_block(&content, b);
  }
  // A page of a PDF deck is its text: the first line names it, the rest
  // (and the picture hash deck/pdf_deck.cpp appends for a page without
  // text) is its content.
  if (!slide.pdf_pages.empty()) content += slide.pdf_text + " " + slide.pdf_picture;
  id.content = utf8_prefix(base::fold_spaces(content), kMaxContentBytes);
  if (!slide.pdf_pages.empty() && !slide.pdf_title.empty()) {
    id.title = slide.pdf_title;
    const std::string folded_title = base::fold_spaces(slide.pdf_title);
    if (id.content.rfind(folded_title, 0) == 0)
      id.content = id.content.substr(std::min(id.content.size(), folded_title.size() + 1));
  } else if (title_block) {
    id.title = base::fold_spaces(deck::plain_text(title_block->text));
  } else {
    // No heading: the start of the text names it.
    const std::size_t length = deck::code_points(id.content).size();
    std::size_t bytes = 0, count = 0;
    while (bytes < id.content.size() && count < 40) {
      const unsigned char c = static_cast<unsigned char>(id.content[bytes]);
      bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++count;
    }
    id.title = utf8_prefix(id.content, bytes) + (count < length ? "…" : "");
  }
  if (!slide.id.empty()) {
    id.key = "id:" + slide.id;
  } else {
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a(id.title + '\x1f' + id.content)));
    id.key = std::string("h:") + hex;
  }
  return id;
}

std::vector<SlideIdentity> identify(const deck::Deck& deck) {
  std::vector<SlideIdentity> out;
  out.reserve(deck.slides.size());
  for (const deck::Slide& s : deck.slides) out.push_back(identify(s));
  return out;
}

double resemblance(const SlideIdentity& a, const SlideIdentity& b) {
  return compare(prepare(a), prepare(b)).first;
}

bool same_slide(const SlideIdentity& a, const SlideIdentity& b) {
  return compare(prepare(a), prepare(b)).second;
}

std::vector<int> match(const std::vector<SlideIdentity>& current,
                       const std::vector<SlideIdentity>& recorded,
                       const std::vector<int>& recorded_at) {
  std::vector<int> result(recorded.size(), -1);
  std::vector<bool> taken(current.size(), false);
  auto at = [&](std::size_t r) {
    return r < recorded_at.size() ? recorded_at[r] : static_cast<int>(r);
  };
  // 1. The same key: an id, or a slide that did not change (wherever it
  //    moved). Identical twins pair up by position.
  std::vector<std::size_t> order(recorded.size());
  for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return at(a) < at(b); });
  for (std::size_t r : order) {
    int best = -1;
    for (std::size_t c = 0; c < current.size(); ++c) {
      if (taken[c] || current[c].key != recorded[r].key) continue;
      if (best < 0 || std::abs(static_cast<int>(c) - at(r)) < std::abs(best - at(r))) {
        best = static_cast<int>(c);
      }
    }
    if (best >= 0) {
      result[r] = best;
      taken[static_cast<std::size_t>(best)] = true;
    }
  }
  // 2. Edited slides: the best resemblances first, each slide once.
  std::vector<Prepared> cur, rec;
  std::vector<std::size_t> cur_index, rec_index;
  for (std::size_t c = 0; c < current.size(); ++c) {
    if (!taken[c]) {
      cur.push_back(prepare(current[c]));
      cur_index.push_back(c);
    }
  }
  for (std::size_t r = 0; r < recorded.size(); ++r) {
    if (result[r] < 0) {
      rec.push_back(prepare(recorded[r]));
      rec_index.push_back(r);
    }
  }
  struct Candidate {
    double score;
    int distance;
    std::size_t r, c;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < rec.size(); ++i) {
    for (std::size_t j = 0; j < cur.size(); ++j) {
      const auto [score, same] = compare(rec[i], cur[j]);
      if (!same) continue;
      const int distance = std::abs(static_cast<int>(cur_index[j]) - at(rec_index[i]));
      candidates.push_back({score, distance, rec_index[i], cur_index[j]});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(b.score, a.distance, a.r, a.c) < std::tie(a.score, b.distance, b.r, b.c);
  });
  for (const Candidate& k : candidates) {
    if (result[k.r] >= 0 || taken[k.c]) continue;
    result[k.r] = static_cast<int>(k.c);
    taken[k.c] = true;
  }
  return result;
}

}  // namespace madang::history
