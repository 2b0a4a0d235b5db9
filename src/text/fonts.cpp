// Fonts: fontconfig finds files by family, FreeType and HarfBuzz open them.
//
// The default stack is Noto Sans CJK KR (face 1 of the Noto CJK collections;
// face 0 is the JP face, whose glyph forms differ), DejaVu Sans, Noto Color
// Emoji; monospace puts DejaVu Sans Mono first. fonts/fonts.yaml lists them.
// Every file is opened through io::MappedFile: regular files only, bounded.
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "io/files.h"
#include "text/font_system.h"

namespace madang::text {

namespace {

bool cjk_text(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) ||  // Hangul jamo
         (c >= 0x2E80 && c <= 0x33FF) ||  // CJK radicals, punctuation, kana, compatibility jamo
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK ideographs
         (c >= 0xA960 && c <= 0xA97F) ||  // Hangul jamo extended A
         (c >= 0xAC00 && c <= 0xD7FF) ||  // Hangul syllables, jamo extended B
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||  // half- and fullwidth forms
         (c >= 0x20000 && c <= 0x3134F);  // CJK extensions B-G
}

bool emoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
}

bool western_text(char32_t c) {  // Latin, Greek, Cyrillic, Hebrew, Arabic, symbols
  return (c < 0x2E80 && !cjk_text(c)) || (c >= 0xFB00 && c <= 0xFEFF);
}

// The default stack, with the Debian package of each family and the text it
// is there for (to name the missing package when such text has no glyph).
struct DefaultFamily {
  const char* family;
  const char* package;
  bool (*needed_for)(char32_t);
};
const DefaultFamily kDefaultStack[] = {
    {"Noto Sans CJK KR", "fonts-noto-cjk", cjk_text},
    {"DejaVu Sans", "fonts-dejavu-core", western_text},
    {"Noto Color Emoji", "fonts-noto-color-emoji", emoji},
};
const char* const kMonoFamily = "DejaVu Sans Mono";

std::string not_found(const DefaultFamily& f) {
  return std::string(f.family) + " not found: install " + f.package;
}

// HarfBuzz owns the mapping of a font file once the blob is made.
struct Mapping {
  const char* data;
  std::size_t size;
};
void unmap_blob(void* user_data) {
  auto* m = static_cast<Mapping*>(user_data);
  io::MappedFile::unmap(m->data, m->size);
  delete m;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_generic(const std::string& family) {
  const std::string f = lower(family);
  return f == "sans-serif" || f == "serif" || f == "monospace" || f == "sans" || f == "mono";
}

struct Match {
  std::string path;
  int index = 0;
};

// Asks fontconfig for family+style. fontconfig always answers with some
// font, so the answer only counts when its family is the one asked for.
bool match_family(FcConfig* config, const std::string& family, bool bold, bool italic, Match* out) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* found = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  if (!found) return false;

  bool same_family = is_generic(family);
  const std::string wanted = lower(family);
  FcChar8* value = nullptr;
  for (int i = 0; !same_family && FcPatternGetString(found, FC_FAMILY, i, &value) == FcResultMatch;
       ++i) {
    same_family = lower(reinterpret_cast<const char*>(value)) == wanted;
  }
  FcChar8* file = nullptr;
  int index = 0;
  const bool ok = same_family && FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch;
  if (ok) {
    FcPatternGetInteger(found, FC_INDEX, 0, &index);
    out->path = reinterpret_cast<const char*>(file);
    out->index = index;
  }
  FcPatternDestroy(found);
  return ok;
}

// Paths have a slash: the deck makes its font files absolute (deck/font_files.h).
bool looks_like_path(const std::string& s) {
  return s.find('/') != std::string::npos;
}

}  // namespace

// ------------------------------------------------------------------ FontSystemImpl

FontSystemImpl::FontSystemImpl() {
  FT_Init_FreeType(&ft_);
  buffer_ = hb_buffer_create();
  probe_buffer_ = hb_buffer_create();
}

FontSystemImpl::~FontSystemImpl() {
  for (Face& f : faces_) {
    if (f.ft) FT_Done_Face(f.ft);
    hb_font_destroy(f.hb_font);
    hb_face_destroy(f.hb_face);
    hb_blob_destroy(f.blob);
  }
  hb_buffer_destroy(buffer_);
  hb_buffer_destroy(probe_buffer_);
  if (ft_) FT_Done_FreeType(ft_);
}

FontId FontSystemImpl::open_face(const std::string& path, int index, std::string* problem) {
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    if (faces_[i].info.path == path && faces_[i].info.face_index == index) {
      return static_cast<FontId>(i);
    }
  }
  Face f;
  std::string why;
  io::MappedFile file = io::MappedFile::open(path, kMaxFontFileBytes, &why);
  if (!file.ok()) {
    *problem = "font file " + path + " " + why;
    return -1;
  }
  auto* mapping = new Mapping{nullptr, 0};
  file.release(&mapping->data, &mapping->size);
  f.blob = hb_blob_create(mapping->data, static_cast<unsigned>(mapping->size),
                          HB_MEMORY_MODE_READONLY, mapping, unmap_blob);
  unsigned length = 0;
  const char* data = hb_blob_get_data(f.blob, &length);
  if (length == 0 ||
      FT_New_Memory_Face(ft_, reinterpret_cast<const FT_Byte*>(data), length, index, &f.ft) != 0) {
    *problem = "font file " + path + " is not a font FreeType can read";
    hb_blob_destroy(f.blob);
    return -1;
  }
  f.hb_face = hb_face_create(f.blob, static_cast<unsigned>(index));
  f.hb_font = hb_font_create(f.hb_face);  // OpenType functions, scale = upem
  f.upem = hb_face_get_upem(f.hb_face);
  hb_font_extents_t ext{};
  hb_font_get_h_extents(f.hb_font, &ext);
  f.ascent = static_cast<float>(ext.ascender);
  f.descent = static_cast<float>(-ext.descender);
  f.line_gap = static_cast<float>(ext.line_gap);
  f.info.path = path;
  f.info.face_index = index;
  f.info.family = f.ft->family_name ? f.ft->family_name : "";
  f.info.bold = (f.ft->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  f.info.italic = (f.ft->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  f.info.color = FT_HAS_COLOR(f.ft) && FT_HAS_FIXED_SIZES(f.ft);
  if (f.info.color) {
    // The largest strike: colour bitmaps are scaled down to the size asked for.
    for (int i = 0; i < f.ft->num_fixed_sizes; ++i) {
      f.strike_ppem =
          std::max(f.strike_ppem, static_cast<int>(f.ft->available_sizes[i].y_ppem >> 6));
    }
  }
  faces_.push_back(std::move(f));
  return static_cast<FontId>(faces_.size() - 1);
}

FontMetrics FontSystemImpl::metrics(FontId id, float size) const {
  const Face& f = faces_.at(id);
  const float k = size / static_cast<float>(f.upem);
  return FontMetrics{f.ascent * k, f.descent * k, f.line_gap * k};
}

const std::vector<FaceChoice>& FontSystemImpl::stack(const TextStyle& style) const {
  return stacks_[style_key(style.bold, style.italic, style.monospace)];
}

FontId FontSystemImpl::primary(const TextStyle& style) const {
  const auto& s = stack(style);
  return s.empty() ? -1 : s.front().id;
}

std::string FontSystemImpl::missing_font_for(char32_t c) const {
  for (int k : missing_defaults_) {
    if (kDefaultStack[k].needed_for(c)) return not_found(kDefaultStack[k]);
  }
  return {};
}

std::vector<std::string> FontSystemImpl::missing_fonts() const {
  std::vector<std::string> out;
  for (int k : missing_defaults_) out.push_back(not_found(kDefaultStack[k]));
  return out;
}

bool FontSystemImpl::covers(FontId id, char32_t c) const {
  const Face& f = faces_[id];
  if (f.coverage.empty()) {
    f.coverage.assign(0x110000 / 64, 0);
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(f.hb_face, set);
    for (hb_codepoint_t u = HB_SET_VALUE_INVALID; hb_set_next(set, &u);) {
      if (u < 0x110000) f.coverage[u >> 6] |= std::uint64_t{1} << (u & 63);
    }
    hb_set_destroy(set);
  }
  return c < 0x110000 && ((f.coverage[c >> 6] >> (c & 63)) & 1) != 0;
}

icu::BreakIterator* FontSystemImpl::grapheme_iterator() {
  if (!graphemes_) {
    UErrorCode status = U_ZERO_ERROR;
    graphemes_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) graphemes_.reset();
  }
  return graphemes_.get();
}

icu::BreakIterator* FontSystemImpl::line_iterator() {
  if (!lines_) {
    UErrorCode status = U_ZERO_ERROR;
    lines_.reset(icu::BreakIterator::createLineInstance(icu::Locale("ko"), status));
    if (U_FAILURE(status)) lines_.reset();
  }
  return lines_.get();
}

FontSystemImpl& impl(FontSystem& fonts) {
  return static_cast<FontSystemImpl&>(fonts);
}
const FontSystemImpl& impl(const FontSystem& fonts) {
  return static_cast<const FontSystemImpl&>(fonts);
}

// ------------------------------------------------------------------ create

std::unique_ptr<FontSystem> FontSystem::create(const std::vector<std::string>& families,
                                               std::vector<std::string>* warnings) {
  std::vector<FontProblem> problems;
  auto fonts = create(families, &problems);
  if (warnings) {
    for (FontProblem& p : problems) warnings->push_back(std::move(p.message));
    for (std::string& m : fonts->missing_fonts()) warnings->push_back(std::move(m));
  }
  return fonts;
}

std::unique_ptr<FontSystem> FontSystem::create(const std::vector<std::string>& families,
                                               std::vector<FontProblem>* problems) {
  auto fonts = std::make_unique<FontSystemImpl>();
  // A private fontconfig configuration, destroyed below: nothing global is
  // left initialized behind the caller's back.
  FcConfig* config = FcInitLoadConfigAndFonts();

  struct Family {
    std::string name;
    // Faces for regular, bold, italic, bold italic (-1: none); `real_*`: the
    // face really has that weight/slant (else it is synthesized).
    std::array<FaceChoice, 4> styles;
  };
  // `deck_index` >= 0: a family of the deck, whose problems are reported.
  auto load_family = [&](const std::string& name, int deck_index) -> std::optional<Family> {
    const auto report = [&](std::string message) {
      if (deck_index >= 0 && problems) problems->push_back({deck_index, std::move(message)});
    };
    Family fam{name, {}};
    if (looks_like_path(name)) {
      std::string problem;
      const FontId id = fonts->open_face(name, 0, &problem);
      if (id < 0) {
        report(problem);
        return std::nullopt;
      }
      for (int s = 0; s < 4; ++s) fam.styles[s] = FaceChoice{id, (s & 1) != 0, (s & 2) != 0};
    } else {
      for (int s = 0; s < 4; ++s) {
        const bool bold = (s & 1) != 0, italic = (s & 2) != 0;
        Match m;
        if (!config || !match_family(config, name, bold, italic, &m)) {
          if (s == 0) {
            report("unknown font family: " + name + " (not installed; fc-list shows what is)");
            return std::nullopt;
          }
          fam.styles[s] = fam.styles[0];
          fam.styles[s].synthetic_bold = bold;
          fam.styles[s].synthetic_italic = italic;
          continue;
        }
        std::string problem;
        const FontId id = fonts->open_face(m.path, m.index, &problem);
        if (id < 0) {
          if (s == 0) {
            report(problem);
            return std::nullopt;
          }
          fam.styles[s] = fam.styles[0];
          continue;
        }
        // fontconfig's 90-synthetic.conf reports a synthesized slant or
        // weight as if real; the face's own style flags tell the truth.
        const FaceInfo& info = fonts->face(id);
        fam.styles[s] = FaceChoice{id, bold && !info.bold, italic && !info.italic};
      }
    }
    // Colour bitmaps are neither emboldened nor slanted.
    for (auto& c : fam.styles) {
      if (fonts->face(c.id).color) c.synthetic_bold = c.synthetic_italic = false;
    }
    return fam;
  };

  std::vector<Family> stack;
  for (std::size_t i = 0; i < families.size(); ++i) {
    if (auto fam = load_family(families[i], static_cast<int>(i))) stack.push_back(*fam);
  }
  std::vector<int> missing;
  for (int k = 0; k < static_cast<int>(std::size(kDefaultStack)); ++k) {
    if (auto fam = load_family(kDefaultStack[k].family, -1)) {
      stack.push_back(*fam);
    } else {
      missing.push_back(k);
    }
  }
  fonts->set_missing_defaults(std::move(missing));
  std::optional<Family> mono = load_family(kMonoFamily, -1);
  if (config) FcConfigDestroy(config);

  for (int key = 0; key < 8; ++key) {
    const int s = key & 3;
    std::vector<FaceChoice> choices;
    if ((key & 4) && mono) choices.push_back(mono->styles[s]);
    for (const Family& fam : stack) {
      if (std::find(choices.begin(), choices.end(), fam.styles[s]) == choices.end()) {
        choices.push_back(fam.styles[s]);
      }
    }
    fonts->set_stack(key, std::move(choices));
  }
  return fonts;
}

}  // namespace madang::text
