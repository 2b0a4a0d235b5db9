#include "deck/html_media.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace madang::deck {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Attribute {
  std::string name;  // lower case
  std::string value;
  bool has_value = false;
};

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::vector<Attribute> attributes;
  const Attribute* find(std::string_view wanted) const {
    for (const Attribute& a : attributes) {
      if (a.name == wanted) return &a;
    }
    return nullptr;
  }
};

// The few character references a path or a size may hold (&amp; mostly).
std::string decode_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      bool done = false;
      for (const auto& [name, ch] :
           {std::pair{"&amp;", '&'}, std::pair{"&quot;", '"'}, std::pair{"&#39;", '\''},
            std::pair{"&apos;", '\''}, std::pair{"&lt;", '<'}, std::pair{"&gt;", '>'}}) {
        const std::string_view n(name);
        if (s.substr(i, n.size()) == n) {
          out += ch;
          i += n.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

// A tag longer than this is no tag of a clip's (a `src` is a path, not a
// data URL): it bounds what one '<' can make the scan read.
constexpr std::size_t kMaxTagBytes = 16 * 1024;

// The name of the tag that starts at s[at] == '<' (lower case, "" when no
// tag starts there), whether it is an end tag, and where the name ends.
std::size_t tag_name(std::string_view s, std::size_t at, std::string* name, bool* closing) {
  name->clear();
  *closing = false;
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '/') {
    *closing = true;
    ++i;
  }
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (i >= s.size() || !letter(s[i])) return i;
  while (i < s.size() && name->size() < 16 &&
         (letter(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) {
    *name += lower(s[i]);
    ++i;
  }
  return i;
}

bool clip_related(std::string_view name) {
  return name == "video" || name == "audio" || name == "source" || name == "track";
}

// The tag that starts at s[at] == '<' (a start or an end tag, HTML's syntax),
// and where it ends (one past its '>'); npos when no tag starts there (a
// lone '<', a comment, an unclosed quote or '>', a '<' where a name or an
// unquoted value goes, more than kMaxTagBytes).
std::size_t parse_tag(std::string_view s, std::size_t at, Tag* tag) {
  *tag = Tag{};
  s = s.substr(0, std::min(s.size(), at + kMaxTagBytes));
  std::size_t i = tag_name(s, at, &tag->name, &tag->closing);
  if (tag->name.empty()) return std::string_view::npos;
  while (true) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return std::string_view::npos;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/') {
      if (i + 1 < s.size() && s[i + 1] == '>') {
        tag->self_closing = true;
        return i + 2;
      }
      ++i;
      continue;
    }
    if (s[i] == '<') return std::string_view::npos;  // another tag begins: this one is broken
    Attribute a;
    while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>' &&
           (s[i] != '=' || a.name.empty())) {
      if (s[i] == '<') return std::string_view::npos;
      a.name += lower(s[i]);
      ++i;
    }
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) return std::string_view::npos;
      a.has_value = true;
      if (s[i] == '"' || s[i] == '\'') {
        const std::size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        a.value = decode_entities(s.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        const std::size_t from = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') {
          if (s[i] == '<') return std::string_view::npos;
          ++i;
        }
        a.value = decode_entities(s.substr(from, i - from));
      }
    }
    if (!tag->closing) tag->attributes.push_back(std::move(a));
  }
}

bool is_clip_element(const Tag& t) {
  return t.name == "video" || t.name == "audio";
}

// HTML's width="640" is CSS pixels; "640px" and "50%" are read too, as Marp's
// browser would.
bool parse_html_size(std::string_view s, float* out) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  bool percent = false;
  if (s.ends_with("px")) {
    s.remove_suffix(2);
  } else if (s.ends_with("%")) {
    s.remove_suffix(1);
    percent = true;
  }
  if (s.empty() || s.size() > 12) return false;
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !(v > 0)) return false;
  if (percent) {
    if (v > 100) return false;
    *out = -v / 100.0f;
    return true;
  }
  if (v > 100000) return false;
  *out = v;
  return true;
}

HtmlClip clip_of(const Tag& open, std::size_t offset) {
  HtmlClip clip;
  clip.offset = offset;
  MediaOptions& m = clip.image.media;
  m.kind = open.name == "video" ? MediaKind::kVideo : MediaKind::kAudio;
  for (const Attribute& a : open.attributes) {
    if (a.name == "src") {
      clip.image.src = a.value;
    } else if (a.name == "poster") {
      m.poster = a.value;
    } else if (a.name == "autoplay") {
      m.autoplay = true;  // a boolean attribute: there is true, whatever its value
    } else if (a.name == "loop") {
      m.loop = true;
    } else if (a.name == "muted") {
      m.muted = true;
    } else if (a.name == "width" || a.name == "height") {
      float* target = a.name == "width" ? &clip.image.width : &clip.image.height;
      if (!parse_html_size(a.value, target)) {
        clip.problems.push_back("<" + open.name + "> " + a.name + " '" + a.value +
                                "' is not a number of pixels");
      }
    }  // controls, preload, playsinline, type, class, style...: nothing to do here
  }
  return clip;
}

void trim_into(std::string* s) {
  std::size_t a = 0, b = s->size();
  while (a < b && is_space((*s)[a])) ++a;
  while (b > a && is_space((*s)[b - 1])) --b;
  *s = s->substr(a, b - a);
}

}  // namespace

HtmlMediaScan scan_html_media(std::string_view html) {
  HtmlMediaScan scan;
  std::size_t i = 0;
  Tag tag;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      scan.rest.append(html.substr(i));
      break;
    }
    scan.rest.append(html.substr(i, lt - i));
    if (html.substr(lt, 4) == "<!--") {
      const std::size_t close = html.find("-->", lt + 4);
      const std::size_t end = close == std::string_view::npos ? html.size() : close + 3;
      scan.rest.append(html.substr(lt, end - lt));
      i = end;
      continue;
    }
    std::string name;
    bool closing = false;
    tag_name(html, lt, &name, &closing);
    const bool opens_clip = !closing && (name == "video" || name == "audio");
    const std::size_t tag_end = opens_clip ? parse_tag(html, lt, &tag) : std::string_view::npos;
    if (tag_end == std::string_view::npos) {
      scan.rest += '<';
      i = lt + 1;
      continue;
    }
    HtmlClip clip = clip_of(tag, lt);
    std::size_t end = tag_end;
    if (!tag.self_closing) {
      // Its <source>s up to `</video>`; without one, up to the next clip's
      // opening tag or the end, keeping only the tags that belong to it.
      std::size_t last_child = tag_end;
      std::size_t j = tag_end;
      bool closed = false;
      while (j < html.size()) {
        const std::size_t k = html.find('<', j);
        if (k == std::string_view::npos) break;
        if (html.substr(k, 4) == "<!--") {
          const std::size_t close = html.find("-->", k + 4);
          j = close == std::string_view::npos ? html.size() : close + 3;
          continue;
        }
        std::string inner_name;
        bool inner_closing = false;
        tag_name(html, k, &inner_name, &inner_closing);
        Tag inner;
        const std::size_t inner_end =
            clip_related(inner_name) ? parse_tag(html, k, &inner) : std::string_view::npos;
        if (inner_end == std::string_view::npos) {
          j = k + 1;
          continue;
        }
        if (inner.closing && inner.name == tag.name) {
          end = inner_end;
          closed = true;
          break;
        }
        if (!inner.closing && is_clip_element(inner)) break;
        if (!inner.closing && (inner.name == "source" || inner.name == "track")) {
          const Attribute* src = inner.find("src");
          if (inner.name == "source" && clip.image.src.empty() && src != nullptr)
            clip.image.src = src->value;
          // Without a closing tag only what stands right after the opening
          // tag (blanks between) is the clip's.
          if (html.substr(last_child, k - last_child).find_first_not_of(" \t\r\n\f") ==
              std::string_view::npos)
            last_child = inner_end;
        }
        j = inner_end;
      }
      if (!closed) end = last_child;
    }
    scan.clips.push_back(std::move(clip));
    i = end;
  }
  trim_into(&scan.rest);
  return scan;
}

MediaTag media_tag(std::string_view html) {
  if (html.empty() || html.front() != '<') return MediaTag::kNone;
  Tag tag;
  const std::size_t end = parse_tag(html, 0, &tag);
  if (end == std::string_view::npos) return MediaTag::kNone;
  if (is_clip_element(tag)) {
    if (tag.closing) return MediaTag::kClose;
    return tag.self_closing ? MediaTag::kOpenClosed : MediaTag::kOpen;
  }
  if (!tag.closing && (tag.name == "source" || tag.name == "track")) return MediaTag::kChild;
  return MediaTag::kNone;
}

}  // namespace madang::deck
