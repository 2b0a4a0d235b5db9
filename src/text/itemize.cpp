// Itemization: NFC, grapheme clusters, a font per cluster, script runs.
#include "text/itemize.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace madang::text {

namespace {

char32_t next_cp(std::string_view s, std::size_t* i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  *i = static_cast<std::size_t>(k);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// Code points that need no glyph of their own for a cluster to be covered.
bool ignorable_for_coverage(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return false;
  if (c >= 0xAC00 && c <= 0xD7A3) return false;
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool wants_color(char32_t c) {
  if (c < 0x2000 || (c >= 0xAC00 && c <= 0xD7A3)) return false;  // no emoji there
  return c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0x1F1E6 && c <= 0x1F1FF) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
}

// Code points that form a grapheme cluster on their own whatever surrounds
// them (nothing extends them, nothing glues to them): text made only of these
// needs no ICU iterator.
bool stands_alone(char32_t c) {
  if (c < 0x300) return c != 0x0D;        // CR may start CR LF
  return (c >= 0xAC00 && c <= 0xD7A3) ||  // precomposed Hangul syllables
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK ideographs
         (c >= 0x3000 && c <= 0x3029) ||  // CJK punctuation (before the tone marks)
         (c >= 0x2010 && c <= 0x2027) ||  // dashes, quotes, bullets
         (c >= 0x2030 && c <= 0x205F) ||  // more punctuation (no joiners, no bidi controls)
         (c >= 0x2070 && c <= 0x20CF) ||  // super/subscripts, currency
         (c >= 0x2100 && c <= 0x2BFF) ||  // letterlike, arrows, math, boxes, shapes, symbols
         (c >= 0xE000 && c <= 0xF8FF) ||  // private use
         (c >= 0xFF00 && c <= 0xFF9D) ||  // fullwidth forms (before the halfwidth voicing marks)
         c == 0xFFFD;
}

void grapheme_boundaries(FontSystemImpl& fonts, std::string_view text,
                         std::vector<std::size_t>* out) {
  out->clear();
  out->push_back(0);
  // Fast path: text made only of code points that form clusters on their own
  // needs no ICU iterator.
  bool simple = true;
  for (std::size_t i = 0; i < text.size() && simple;) {
    const char32_t c = next_cp(text, &i);
    simple = stands_alone(c);
  }
  if (simple) {
    for (std::size_t i = 0; i < text.size();) {
      next_cp(text, &i);
      out->push_back(i);
    }
    return;
  }
  icu::BreakIterator* it = fonts.grapheme_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status)
                 : nullptr;
  if (it && ut && U_SUCCESS(status)) {
    it->setText(ut, status);
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
      if (static_cast<std::size_t>(p) > out->back()) out->push_back(static_cast<std::size_t>(p));
    }
    icu::UnicodeString empty;
    it->setText(empty);
  }
  if (ut) utext_close(ut);
  if (out->back() != text.size()) {  // ICU failed: fall back to code points
    out->assign(1, 0);
    for (std::size_t i = 0; i < text.size();) {
      next_cp(text, &i);
      out->push_back(i);
    }
  }
}

// Shapes one cluster alone and tells whether every glyph is a real one.
bool shapes_without_notdef(FontSystemImpl& fonts, const FaceChoice& face, std::string_view text,
                           std::size_t begin, std::size_t end) {
  hb_buffer_t* buf = fonts.probe_buffer();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HANGUL);
  hb_buffer_set_language(buf, hb_language_from_string("ko", 2));
  hb_shape(fonts.face_data(face.id).hb_font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  for (unsigned i = 0; i < n; ++i) {
    if (info[i].codepoint == 0) return false;
  }
  return n > 0;
}

hb_script_t script_of(char32_t c) {
  if (c >= 0xAC00 && c <= 0xD7A3) return HB_SCRIPT_HANGUL;
  if (c < 0x80) {
    const char32_t l = c | 0x20;
    return l >= 'a' && l <= 'z' ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
  }
  return hb_unicode_script(hb_unicode_funcs_get_default(), c);
}

bool real_script(hb_script_t s) {
  return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN;
}

}  // namespace

bool is_conjoining_jamo(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF) || c == 0x302E || c == 0x302F;
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

Itemization itemize(FontSystemImpl& fonts, std::string_view text,
                    const std::vector<StyleSpan>& spans, hb_script_t fallback_script,
                    const BidiLevels& bidi) {
  Itemization result;
  grapheme_boundaries(fonts, text, &result.graphemes);

  struct Cluster {
    std::size_t begin, end;
    int span;
    FaceChoice face;
    hb_script_t script;
    std::uint8_t level;
  };
  std::size_t run = 0;  // bidi run of the current cluster (clusters come in text order)
  const auto level_at = [&](std::size_t at) -> std::uint8_t {
    while (run + 1 < bidi.runs.size() && bidi.runs[run].end <= at) ++run;
    return run < bidi.runs.size() ? bidi.runs[run].level : 0;
  };
  std::vector<Cluster> clusters;
  clusters.reserve(result.graphemes.size());

  std::size_t g = 0;  // index into graphemes
  for (int s = 0; s < static_cast<int>(spans.size()); ++s) {
    const StyleSpan& span = spans[s];
    const std::vector<FaceChoice>& stack = fonts.stack(span.style);
    if (stack.empty()) continue;
    while (g + 1 < result.graphemes.size() && result.graphemes[g + 1] <= span.begin) ++g;
    std::size_t a = span.begin;
    while (a < span.end) {
      // Clusters are clipped to the style span.
      while (g + 1 < result.graphemes.size() && result.graphemes[g + 1] <= a) ++g;
      std::size_t b =
          std::min(span.end, g + 1 < result.graphemes.size() ? result.graphemes[g + 1] : span.end);
      if (b <= a) b = span.end;

      bool jamo = false, color = false, all_ignorable = true;
      hb_script_t script = HB_SCRIPT_COMMON;
      std::size_t after_first = a;
      const char32_t first = next_cp(text, &after_first);
      const bool single = after_first == b;  // most clusters: one code point
      char32_t cp = first;
      for (std::size_t i = after_first;;) {
        jamo = jamo || is_conjoining_jamo(cp);
        color = color || wants_color(cp);
        all_ignorable = all_ignorable && ignorable_for_coverage(cp);
        if (!real_script(script)) script = script_of(cp);
        if (i >= b) break;
        cp = next_cp(text, &i);
      }
      auto covered_by = [&](const FaceChoice& f) {
        if (jamo) return shapes_without_notdef(fonts, f, text, a, b);
        if (single) return fonts.covers(f.id, first);
        for (std::size_t i = a; i < b;) {
          const char32_t c = next_cp(text, &i);
          if (!ignorable_for_coverage(c) && !fonts.covers(f.id, c)) return false;
        }
        return true;
      };

      FaceChoice chosen{-1};
      if (all_ignorable) {
        chosen = !clusters.empty() && clusters.back().span == s ? clusters.back().face : stack[0];
      } else {
        if (color) {
          for (const FaceChoice& f : stack) {
            if (fonts.face(f.id).color && covered_by(f)) {
              chosen = f;
              break;
            }
          }
        }
        for (std::size_t k = 0; chosen.id < 0 && k < stack.size(); ++k) {
          if (covered_by(stack[k])) chosen = stack[k];
        }
        if (chosen.id < 0) {
          chosen = stack[0];
          const std::size_t reported = result.missing.size();
          for (std::size_t i = a; i < b;) {
            const std::size_t at = i;
            const char32_t c = next_cp(text, &i);
            if (!ignorable_for_coverage(c) && !fonts.covers(chosen.id, c)) {
              result.missing.push_back(MissingGlyph{c, at});
            }
          }
          if (result.missing.size() == reported) {  // covered, but shapes to .notdef
            std::size_t i = a;
            result.missing.push_back(MissingGlyph{next_cp(text, &i), a});
          }
        }
      }
      clusters.push_back(Cluster{a, b, s, chosen, script, level_at(a)});
      a = b;
    }
  }

  // Common and Inherited take the script before them; leading ones the first
  // real script after them; text with no script at all (digits, arrows) the
  // language's, so that Korean punctuation and spaces stay Korean.
  hb_script_t carry = fallback_script;
  for (const Cluster& c : clusters) {
    if (real_script(c.script)) {
      carry = c.script;
      break;
    }
  }
  for (Cluster& c : clusters) {
    if (real_script(c.script)) {
      carry = c.script;
    } else {
      c.script = carry;
    }
  }

  for (const Cluster& c : clusters) {
    if (!result.items.empty()) {
      Item& last = result.items.back();
      if (last.span == c.span && last.face == c.face && last.script == c.script &&
          last.level == c.level && last.end == c.begin) {
        last.end = c.end;
        continue;
      }
    }
    result.items.push_back(Item{c.begin, c.end, c.span, c.face, c.script, c.level});
  }
  return result;
}

}  // namespace madang::text
