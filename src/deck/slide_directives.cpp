// The comments of a slide: directives (Madang's and Marp's, global, local
// and spot), notes, and the header and footer lines they set.
#include <algorithm>
#include <string>

#include "deck/background_directives.h"
#include "deck/builder.h"
#include "deck/cmark_util.h"
#include "deck/duration.h"
#include "deck/front_matter.h"
#include "deck/html_media.h"
#include "deck/images.h"
#include "deck/scoped.h"
#include "deck/suggest.h"

namespace madang::deck {

namespace {

constexpr const char* kLayouts[] = {"title", "section", "content", "two-column", "quote", "image"};
constexpr const char* kLayoutList = "title, section, content, two-column, quote, image";

template <std::size_t N>
bool one_of(const std::string& s, const char* const (&names)[N]) {
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return s == n; });
}

}  // namespace

void SlideBuilder::html_block(cmark_node* node) {
  const std::string html = literal(node);
  int line = 0, column = 0;
  where(node, &line, &column);
  const CommentScan scan = scan_comments(html);
  for (const Comment& c : scan.comments) {
    if (!c.closed) continue;  // the splitter reported it
    const std::string_view before = std::string_view(html).substr(0, c.offset);
    const std::size_t nl = before.rfind('\n');
    const int lines_down = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const int at_line = line + lines_down;
    const int at_column = nl == std::string_view::npos
                              ? column + count_code_points(before)
                              : 1 + count_code_points(before.substr(nl + 1));
    comment(c, at_line + c.line_offset, c.line_offset > 0 ? 1 : at_column);
  }
  if (scan.rest.empty() || is_br(scan.rest)) return;
  // `<video>` and `<audio>` are clips (the slide builder reads them); any
  // other HTML beside them is warned about as ever.
  const HtmlMediaScan media = scan_html_media(scan.rest);
  if (media.clips.empty()) {
    warn_html(env_.report, line, column, html_tag(html));
  } else if (!media.rest.empty() && !is_br(media.rest)) {
    warn_html(env_.report, line, column, html_tag(media.rest));
  }
}

// What a comment is: a directive (ours or Marp's), a misspelled one, a
// linter's, or a speaker note (Marp: every other comment is one).
void SlideBuilder::comment(const Comment& c, int line, int column) {
  if (c.tool) return;
  if (c.directive_like && c.known) {
    directive(c, line, column);
    return;
  }
  if (c.directive_like) {
    // `_pagniate`: a misspelled spot directive is suggested with its '_'.
    const bool spot = c.name.size() > 1 && c.name.front() == '_';
    std::vector<std::string> names;
    for (const std::string& n : directive_names()) {
      if (!spot || is_local_directive(n)) names.push_back(spot ? "_" + n : n);
    }
    const std::string near = nearest(c.name, names);
    if (!near.empty()) {
      env_.report.warning(line, column,
                          "unknown directive '" + c.name + "'; did you mean '" + near + "'?");
      return;
    }
  }
  if (!c.text.empty()) add_note(c.text, line);
}

void SlideBuilder::add_note(const std::string& text, int line) {
  if (slide_.notes.empty()) slide_.notes_line = line;
  if (!slide_.notes.empty()) slide_.notes += "\n\n";
  slide_.notes += text;
}

// Marp's global directives may be written in any comment; the last one wins.
void SlideBuilder::global_directive(const Comment& c, int line, int column) {
  Reporter& report = env_.report;
  Meta* meta = env_.globals;
  const std::string& v = c.value;
  if (meta == nullptr) return;
  if (c.name == "theme") {
    const std::string mapped = theme_for(v);
    if (mapped.empty()) {
      const std::string near = nearest(v, {"hall", "hall-dark", "default", "gaia", "uncover"});
      report.warning(line, column,
                     "unknown theme '" + v + "'" +
                         (near.empty() ? "" : "; did you mean '" + near + "'?") +
                         " (known: " + kThemes + "); using " + meta->theme);
      return;
    }
    meta->theme = mapped;
    if (v == "default" || v == "gaia" || v == "uncover") meta->marp = true;
  } else if (c.name == "size") {
    if (v == "16:9" || v == "4:3") {
      meta->aspect_w = v == "4:3" ? 4 : 16;
      meta->aspect_h = v == "4:3" ? 3 : 9;
    } else {
      report.warning(line, column, "unknown size '" + v + "' (valid: 16:9, 4:3)");
    }
  } else if (c.name == "style") {
    report.warning(line, column,
                   "CSS in 'style' is not applied: Madang has no CSS; choose a look with "
                   "'theme:' (" +
                       std::string(kThemes) + ") and 'class:'");
  } else if (c.name == "headingDivider") {
    unsigned mask = 0;
    if (!parse_heading_divider(v, &mask)) {
      report.error(line, column,
                   "headingDivider must be a heading level 1 to 6, a list of levels like [1, 2], "
                   "or false (got '" +
                       v + "')");
    }
  } else if (c.name == "lang") {
    if (!v.empty()) meta->lang = v;
  } else if (c.name == "title") {
    meta->title = v;
  } else if (c.name == "author") {
    meta->author = v;
  } else if (c.name == "description") {
    meta->description = v;
  } else if (c.name == "url") {
    meta->url = v;
  } else if (c.name == "image") {
    meta->image = v;
  } else if (c.name == "keywords") {
    meta->keywords = v;
  }  // marp, math: accepted (math is shown as its source, with a warning where used)
}

void SlideBuilder::directive(const Comment& c, int line, int column) {
  Reporter& report = env_.report;
  const std::string& name = c.name;
  // backgroundColor, _color...: resolved with their scopes later (background_directives.h).
  if (take_style_directive(c.spot ? "_" + name : name, c.value, c.has_value, line, column, report,
                           &slide_.style_settings))
    return;
  const bool valueless = name == "pause" || name == "column" || name == "incremental";
  const bool scoped = is_local_directive(name) &&
                      !(name == "footer" && !c.spot && (c.value == "off" || c.value == "on"));
  if (!valueless && !scoped && !c.has_value) {
    // A lone word that names a directive needing a value: a note, as in Marp.
    if (name != "layout" && name != "notes" && name != "source" && name != "id" && name != "time" &&
        name != "advance") {
      add_note(c.text, line);
      return;
    }
  }
  if (scoped) {
    if (!c.has_value) {
      add_note(c.text, line);
      return;
    }
    if (!check_scoped(name, c.value, line, column, report)) return;
    // Our decks wrote class and transition for one slide: outside a Marp deck
    // they keep that meaning.
    const bool spot = c.spot || (!env_.meta.marp && (name == "class" || name == "transition"));
    (spot || env_.carry == nullptr ? spots_ : *env_.carry)[name] = {c.value, line, column};
    return;
  }
  if (!is_directive_name(name) || (!valueless && !c.has_value && name == "notes")) return;
  const bool ours = valueless || name == "layout" || name == "notes" || name == "source" ||
                    name == "footer" || name == "id" || name == "time" || name == "advance";
  if (!ours) {
    global_directive(c, line, column);
    return;
  }
  if (!valueless && (!c.has_value || c.value.empty()) && name != "notes") {
    const std::string valid = name == "layout"   ? std::string(" (valid: ") + kLayoutList + ")"
                              : name == "footer" ? " (off or on)"
                              : name == "time"   ? " (a length of time like 90s or 1:30)"
                              : name == "advance"
                                  ? std::string(" (") + kIntervalForms + ", or video)"
                                  : "";
    report.error(line, column, "directive '" + name + "' needs a value" + valid);
    return;
  }
  if (name == "pause" || name == "column") {
    if (c.has_value && !c.value.empty()) {
      report.warning(line, column, "directive '" + name + "' takes no value");
    }
    if (name == "pause") {
      ++pauses_;
    } else {
      column_ = 1;
      column_line_ = line;
      column_col_ = column;
    }
  } else if (name == "incremental") {
    if (!c.has_value || c.value.empty() || c.value == "true") {
      slide_.incremental = true;
    } else if (c.value == "false") {
      slide_.incremental = false;
    } else {
      report.error(line, column, "directive 'incremental' takes no value, or true or false");
      return;
    }
    incremental_set_ = true;
  } else if (name == "layout") {
    if (!one_of(c.value, kLayouts)) {
      const std::string near =
          nearest(c.value, {"title", "section", "content", "two-column", "quote", "image"});
      report.error(line, column,
                   "unknown layout '" + c.value + "'" +
                       (near.empty() ? "" : "; did you mean '" + near + "'?") +
                       " (valid: " + kLayoutList + ")");
      return;
    }
    slide_.layout = c.value;
  } else if (name == "notes") {
    if (c.value.empty()) return;
    if (slide_.notes.empty()) slide_.notes_line = line;
    if (!slide_.notes.empty()) slide_.notes += "\n\n";
    slide_.notes += c.value;
  } else if (name == "source") {
    slide_.source = c.value;
  } else if (name == "id") {
    // One word: what the rehearsal history knows the slide by.
    if (c.value.size() > 64 || c.value.find_first_of(" \t\n") != std::string::npos) {
      report.error(line, column, "directive 'id' takes one word of at most 64 bytes");
      return;
    }
    slide_.id = c.value;
    slide_.id_line = line;
  } else if (name == "time") {
    // A unit is required: a bare "90" would be minutes, as in `duration:`.
    double seconds = 0;
    if (!parse_interval(c.value, &seconds)) {
      report.error(
          line, column,
          "directive 'time' needs a length of time like 90s, 2m or 1:30 (got '" + c.value + "')");
      return;
    }
    slide_.time_s = seconds;
  } else if (name == "advance") {
    // `advance: video` (kiosk): the slide moves on when its clip has played.
    if (c.value == "video") {
      slide_.advance_after_clip = true;
    } else if (!parse_interval(c.value, &slide_.advance_s)) {
      report.error(line, column,
                   "directive 'advance' must be a length of time " + std::string(kIntervalForms) +
                       ", or video (got '" + c.value + "')");
    }
  } else if (name == "footer") {
    slide_.show_footer = c.value == "on";  // off or on: other values are Marp's footer text
  }
}

// Inline Markdown of a header or footer directive, located at its line, and
// its images. A directive carries on to later slides: what is wrong with its
// images is reported once, on the slide it is written on (or the first, for
// the front matter's).
RichText SlideBuilder::inline_markdown(const std::string& text, int line,
                                       std::vector<Image>* images) {
  images->clear();
  if (text.empty()) return {};
  SlideSource source;
  source.first_line = std::max(1, line);
  source.text = text + "\n";
  source.blank = false;
  Diagnostics ignored;
  Reporter quiet(env_.report.file(), ignored);
  const SlideEnv env{env_.lines, quiet, env_.meta, env_.images, env_.text_left, env_.text_reported};
  RichText out;
  SlideBuilder reader(source, env, Mode::kLine);
  for (Block& b : reader.build_notes()) {
    if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading) continue;
    if (!out.empty()) out.push_back({" ", kPlain, {}, 0, 0});
    for (Span& span : b.text) out.push_back(std::move(span));
  }
  // Drop the spaces the images leave at the start of the line.
  while (!out.empty() && out.front().text.find_first_not_of(' ') == std::string::npos) {
    out.erase(out.begin());
  }
  if (!out.empty()) out.front().text.erase(0, out.front().text.find_first_not_of(' '));
  const int slide_lines = static_cast<int>(std::count(src_.text.begin(), src_.text.end(), '\n'));
  const bool written_here = (line >= src_.first_line && line < src_.first_line + slide_lines) ||
                            (line < src_.first_line && slide_.index == 1);
  Diagnostics unreported;
  Reporter elsewhere(env_.report.file(), unreported);
  for (Image& image : reader.line_images_) {
    resolve_image(env_.images, line, 1, written_here ? env_.report : elsewhere, &image,
                  ImagePlace::kLine);
    images->push_back(std::move(image));
  }
  return out;
}

// Marp's scoped directives, resolved for this slide.
void SlideBuilder::resolve_directives() {
  if (slide_.index == 1 && env_.first_spots != nullptr) {
    for (const auto& [name, v] : *env_.first_spots) spots_.insert({name, v});
  }
  static const LocalDirectives kNone;
  Scoped s = resolve_scoped(env_.carry ? *env_.carry : kNone, spots_, env_.meta);
  slide_.header = inline_markdown(s.header, s.header_line, &slide_.header_images);
  slide_.footer = inline_markdown(s.footer, s.footer_line, &slide_.footer_images);
  slide_.paginate = s.paginate;
  counted_ = s.counted;
  slide_.classes = std::move(s.classes);
  slide_.transition = s.transition;
}

}  // namespace madang::deck
