#include "pdf/document.h"

#include <glib.h>
#include <poppler.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "io/files.h"

namespace madang::pdf {

// ---------------------------------------------------------------- GLib owners

namespace {

// GLib objects and strings freed at the end of a scope: poppler-glib hands
// out references and g_malloc'ed strings that a return path must not leak.
struct Unref {
  void operator()(gpointer object) const {
    if (object) g_object_unref(object);
  }
};
using DocumentRef = std::unique_ptr<PopplerDocument, Unref>;
using PageRef = std::unique_ptr<PopplerPage, Unref>;

struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};
using GString = std::unique_ptr<gchar, GFree>;

std::string take(gchar* text) {
  GString owned(text);
  return owned ? std::string(owned.get()) : std::string();
}

// Cuts UTF-8 text at `limit` bytes without splitting a character.
void cap_utf8(std::string* text, std::size_t limit) {
  if (text->size() <= limit) return;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>((*text)[end]) & 0xc0) == 0x80) --end;
  text->resize(end);
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// The names Madang's transitions go by (docs/format.md) for a page's /Trans.
std::string transition_name(PopplerPageTransitionType type) {
  switch (type) {
    case POPPLER_PAGE_TRANSITION_REPLACE:
      return "none";
    case POPPLER_PAGE_TRANSITION_FADE:
    case POPPLER_PAGE_TRANSITION_DISSOLVE:
    case POPPLER_PAGE_TRANSITION_GLITTER:
      return "fade";
    case POPPLER_PAGE_TRANSITION_PUSH:
    case POPPLER_PAGE_TRANSITION_WIPE:
    case POPPLER_PAGE_TRANSITION_SPLIT:
    case POPPLER_PAGE_TRANSITION_BLINDS:
    case POPPLER_PAGE_TRANSITION_BOX:
      return "push";
    case POPPLER_PAGE_TRANSITION_COVER:
    case POPPLER_PAGE_TRANSITION_FLY:
    case POPPLER_PAGE_TRANSITION_UNCOVER:
      return "cover";
  }
  return "";
}

}  // namespace

// -------------------------------------------------------------------- sources

SourcePtr make_source(std::string path, std::string bytes, std::string password) {
  auto source = std::make_shared<Source>();
  source->digest = fnv1a(bytes);
  source->path = std::move(path);
  source->bytes = std::move(bytes);
  source->password = std::move(password);
  return source;
}

SourcePtr read_source(const std::string& path, const std::string& password, std::string* error) {
  io::ReadResult read = io::read_regular_file(path, kMaxFileBytes);
  if (!read.ok) {
    if (error) *error = read.error;
    return nullptr;
  }
  return make_source(path, std::move(read.bytes), password);
}

// ------------------------------------------------------------------- document

struct Document::Impl {
  DocumentRef document;
  GBytes* bytes = nullptr;  // a view of the Source's bytes, which outlive it
  int pages = 0;
  int pages_in_file = 0;

  int memory_file = -1;  // an encrypted document's bytes (see open)

  ~Impl() {
    document.reset();
    if (bytes) g_bytes_unref(bytes);
    if (memory_file >= 0) close(memory_file);
  }

  PageRef page(int index) const {
    if (index < 0 || index >= pages) return nullptr;
    return PageRef(poppler_document_get_page(document.get(), index));
  }
};

Document::Document(SourcePtr source, std::unique_ptr<Impl> impl)
    : source_(std::move(source)), impl_(std::move(impl)) {}
Document::~Document() = default;

std::unique_ptr<Document> Document::open(SourcePtr source, Failure* failure, std::string* error) {
  auto fail = [&](Failure why, std::string message) -> std::unique_ptr<Document> {
    if (failure) *failure = why;
    if (error) *error = std::move(message);
    return nullptr;
  };
  if (!source) return fail(Failure::kUnreadable, "was not read");
  if (source->bytes.size() < 5 || source->bytes.compare(0, 5, "%PDF-") != 0)
    return fail(Failure::kDamaged, "is not a PDF file (it does not start with %PDF-)");

  auto impl = std::make_unique<Impl>();
  impl->bytes = g_bytes_new_static(source->bytes.data(), source->bytes.size());
  GError* gerror = nullptr;
  impl->document.reset(poppler_document_new_from_bytes(impl->bytes, nullptr, &gerror));
  if (!impl->document) {
    const bool encrypted =
        gerror && gerror->domain == POPPLER_ERROR && gerror->code == POPPLER_ERROR_ENCRYPTED;
    std::string reason = gerror && gerror->message ? gerror->message : "unknown error";
    if (gerror) g_error_free(gerror);
    gerror = nullptr;
    if (!encrypted) return fail(Failure::kDamaged, "cannot be read as a PDF (" + reason + ")");
    if (source->password.empty())
      return fail(Failure::kNeedsPassword, "is encrypted: give its password with --password");
    // With a password, poppler-glib 22.12's from-bytes path retries a wrong
    // one on a copy of its stream and crashes; its from-file path reopens the
    // file instead. So the same bytes (never the path, which may have been
    // rewritten since) go to an anonymous file of this process's own.
    impl->memory_file = memfd_create("madang-pdf", MFD_CLOEXEC);
    if (impl->memory_file < 0 || !write_all(impl->memory_file, source->bytes))
      return fail(Failure::kUnreadable, "cannot be opened: " + std::string(std::strerror(errno)));
    const std::string uri = "file:///proc/self/fd/" + std::to_string(impl->memory_file);
    impl->document.reset(
        poppler_document_new_from_file(uri.c_str(), source->password.c_str(), &gerror));
    if (!impl->document) {
      const bool wrong =
          gerror && gerror->domain == POPPLER_ERROR && gerror->code == POPPLER_ERROR_ENCRYPTED;
      reason = gerror && gerror->message ? gerror->message : "unknown error";
      if (gerror) g_error_free(gerror);
      if (wrong)
        return fail(Failure::kWrongPassword,
                    "is encrypted, and the password given does not open it");
      return fail(Failure::kDamaged, "cannot be read as a PDF (" + reason + ")");
    }
  }
  impl->pages_in_file = poppler_document_get_n_pages(impl->document.get());
  impl->pages = std::min(impl->pages_in_file, kMaxPages);
  if (impl->pages <= 0) return fail(Failure::kNoPages, "has no pages");
  if (failure) *failure = Failure::kNone;
  return std::unique_ptr<Document>(new Document(std::move(source), std::move(impl)));
}

int Document::page_count() const {
  return impl_->pages;
}

void Document::page_size(int index, double* width, double* height) const {
  double w = 0, h = 0;
  if (PageRef page = impl_->page(index)) poppler_page_get_size(page.get(), &w, &h);
  if (width) *width = w;
  if (height) *height = h;
}

// ----------------------------------------------------------------- page facts

namespace {

void read_notes(PopplerPage* page, PageInfo* info) {
  GList* mapping = poppler_page_get_annot_mapping(page);
  std::size_t kept = 0;
  for (GList* at = mapping; at; at = at->next) {
    auto* entry = static_cast<PopplerAnnotMapping*>(at->data);
    const PopplerAnnotType type = poppler_annot_get_annot_type(entry->annot);
    if (type != POPPLER_ANNOT_TEXT && type != POPPLER_ANNOT_FREE_TEXT) continue;
    std::string contents = take(poppler_annot_get_contents(entry->annot));
    if (contents.empty()) continue;
    cap_utf8(&contents, kMaxPageTextBytes - std::min(kept, kMaxPageTextBytes));
    kept += contents.size();
    if (!contents.empty()) info->notes.push_back(std::move(contents));
  }
  poppler_page_free_annot_mapping(mapping);
}

void read_links(PopplerDocument* document, PopplerPage* page, PageInfo* info) {
  constexpr std::size_t kMaxLinks = 500;
  GList* mapping = poppler_page_get_link_mapping(page);
  // poppler hands the links over last first: read them in the page's order.
  for (GList* at = g_list_last(mapping); at && info->links.size() < kMaxLinks; at = at->prev) {
    auto* entry = static_cast<PopplerLinkMapping*>(at->data);
    if (!entry->action || info->width <= 0 || info->height <= 0) continue;
    Link link;
    // poppler's link areas are in points with the origin at the bottom left.
    link.x0 = std::clamp(entry->area.x1 / info->width, 0.0, 1.0);
    link.x1 = std::clamp(entry->area.x2 / info->width, 0.0, 1.0);
    link.y0 = std::clamp(1 - entry->area.y2 / info->height, 0.0, 1.0);
    link.y1 = std::clamp(1 - entry->area.y1 / info->height, 0.0, 1.0);
    if (link.x0 > link.x1) std::swap(link.x0, link.x1);
    if (link.y0 > link.y1) std::swap(link.y0, link.y1);
    if (entry->action->type == POPPLER_ACTION_GOTO_DEST && entry->action->goto_dest.dest) {
      PopplerDest* dest = entry->action->goto_dest.dest;
      if (dest->type == POPPLER_DEST_NAMED && dest->named_dest) {
        if (PopplerDest* found = poppler_document_find_dest(document, dest->named_dest)) {
          link.target_page = found->page_num - 1;
          poppler_dest_free(found);
        }
      } else {
        link.target_page = dest->page_num - 1;
      }
      if (link.target_page < 0) continue;
    } else if (entry->action->type == POPPLER_ACTION_URI && entry->action->uri.uri) {
      link.uri = entry->action->uri.uri;
      if (link.uri.size() > 2048) continue;
    } else {
      continue;
    }
    info->links.push_back(std::move(link));
  }
  poppler_page_free_link_mapping(mapping);
}

void read_transition(PopplerPage* page, PageInfo* info) {
  const double duration = poppler_page_get_duration(page);
  if (duration > 0 && duration < 24 * 3600) info->duration_s = duration;
  if (PopplerPageTransition* transition = poppler_page_get_transition(page)) {
    info->transition = transition_name(transition->type);
    poppler_page_transition_free(transition);
  }
}

}  // namespace

DocumentInfo Document::info() const {
  DocumentInfo info;
  PopplerDocument* document = impl_->document.get();
  info.title = take(poppler_document_get_title(document));
  info.author = take(poppler_document_get_author(document));
  info.subject = take(poppler_document_get_subject(document));
  info.keywords = take(poppler_document_get_keywords(document));
  info.creator = take(poppler_document_get_creator(document));
  if (PopplerIndexIter* index = poppler_index_iter_new(document)) {
    do {
      PopplerAction* action = poppler_index_iter_get_action(index);
      if (!action) continue;
      int page = -1;
      if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.dest) {
        PopplerDest* dest = action->goto_dest.dest;
        if (dest->type == POPPLER_DEST_NAMED && dest->named_dest) {
          if (PopplerDest* found = poppler_document_find_dest(document, dest->named_dest)) {
            page = found->page_num - 1;
            poppler_dest_free(found);
          }
        } else {
          page = dest->page_num - 1;
        }
      }
      poppler_action_free(action);
      if (page >= 0) info.outline_pages.push_back(page);
    } while (info.outline_pages.size() < static_cast<std::size_t>(kMaxPages) &&
             poppler_index_iter_next(index));
    poppler_index_iter_free(index);
  }
  info.pages_in_file = impl_->pages_in_file;
  info.pages.resize(static_cast<std::size_t>(impl_->pages));

  // Fonts: poppler's scan goes page by page and names a font at the first
  // page that uses it, so each font not embedded is named once, where it starts.
  PopplerFontInfo* fonts = poppler_font_info_new(document);
  for (int index = 0; index < impl_->pages; ++index) {
    PageInfo& page_info = info.pages[static_cast<std::size_t>(index)];
    PageRef page = impl_->page(index);
    if (!page) continue;
    poppler_page_get_size(page.get(), &page_info.width, &page_info.height);
    page_info.label = take(poppler_page_get_label(page.get()));
    page_info.text = take(poppler_page_get_text(page.get()));
    cap_utf8(&page_info.text, kMaxPageTextBytes);
    read_notes(page.get(), &page_info);
    read_links(document, page.get(), &page_info);
    read_transition(page.get(), &page_info);

    PopplerFontsIter* iter = nullptr;
    if (fonts && poppler_font_info_scan(fonts, 1, &iter) && iter) {
      do {
        if (poppler_fonts_iter_is_embedded(iter)) continue;
        const char* name = poppler_fonts_iter_get_name(iter);
        if (!name) name = poppler_fonts_iter_get_full_name(iter);
        // Type 3 fonts live in the file itself; the 14 standard fonts every
        // reader has are not missing either.
        if (poppler_fonts_iter_get_font_type(iter) == POPPLER_FONT_TYPE_TYPE3) continue;
        static const std::set<std::string> kStandard14 = {
            "Courier",     "Courier-Bold",   "Courier-Oblique",   "Courier-BoldOblique",
            "Helvetica",   "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
            "Times-Roman", "Times-Bold",     "Times-Italic",      "Times-BoldItalic",
            "Symbol",      "ZapfDingbats"};
        if (name && kStandard14.count(name)) continue;
        if (page_info.fonts_not_embedded.size() < 32)
          page_info.fonts_not_embedded.push_back(name ? name : "(unnamed)");
      } while (poppler_fonts_iter_next(iter));
      poppler_fonts_iter_free(iter);
    }
  }
  if (fonts) g_object_unref(fonts);
  return info;
}

// -------------------------------------------------------------------- drawing

bool Document::draw(int index, cairo_t* cr, double width, double height, PagePart part) const {
  PageRef page = impl_->page(index);
  if (!page || width <= 0 || height <= 0 || part.w <= 0 || part.h <= 0) return false;
  double page_w = 0, page_h = 0;
  poppler_page_get_size(page.get(), &page_w, &page_h);
  if (page_w <= 0 || page_h <= 0 || page_w > kMaxPagePoints || page_h > kMaxPagePoints)
    return false;
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_clip(cr);
  // Paper: a viewer shows a page on white, and many pages paint no background.
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, width / (part.w * page_w), height / (part.h * page_h));
  cairo_translate(cr, -part.x * page_w, -part.y * page_h);
  // As printed: the page and its form fields, without the icons of text
  // annotations (the notes they hold are the console's, not the hall's).
  poppler_page_render_for_printing_with_options(page.get(), cr, POPPLER_PRINT_DOCUMENT);
  cairo_restore(cr);
  return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

PageRaster render_page(const Document& document, int index, int width, int height, PagePart part) {
  PageRaster raster;
  constexpr int kMaxSide = 16384;
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide) return raster;
  if (index < 0 || index >= document.page_count()) return raster;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return raster;
  }
  cairo_t* cr = cairo_create(surface);
  const bool drawn = document.draw(index, cr, width, height, part);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  if (drawn) {
    raster.width = width;
    raster.height = height;
    raster.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y) {
      const auto* row =
          reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
      std::uint8_t* out = raster.pixels.data() + static_cast<std::size_t>(y) * width * 4;
      for (int x = 0; x < width; ++x) {
        const std::uint32_t pixel = row[x];  // xRGB in native order, opaque
        out[x * 4 + 0] = static_cast<std::uint8_t>(pixel >> 16);
        out[x * 4 + 1] = static_cast<std::uint8_t>(pixel >> 8);
        out[x * 4 + 2] = static_cast<std::uint8_t>(pixel);
        out[x * 4 + 3] = 255;
      }
    }
  }
  cairo_surface_destroy(surface);
  return raster;
}

}  // namespace madang::pdf
