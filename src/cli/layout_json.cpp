// `madang layout --json`: display lists as JSON (see docs/format.md).
#include "cli/layout_json.h"

namespace madang::app {

using nlohmann::json;

json rect_json(const layout::Rect& r) {
  return json::array({r.x, r.y, r.w, r.h});
}

static json run_json(const text::FontSystem& fonts, const text::GlyphRun& run,
                     layout::Point origin) {
  json glyphs = json::array();
  for (const text::Glyph& g : run.glyphs) {
    glyphs.push_back(
        {{"id", g.id}, {"cluster", g.cluster}, {"x", g.x}, {"y", g.y}, {"advance", g.advance}});
  }
  json out = {{"origin", json::array({origin.x, origin.y})},
              {"size", run.size},
              {"glyphs", std::move(glyphs)}};
  if (run.font >= 0 && run.font < fonts.face_count()) {
    const text::FaceInfo& face = fonts.face(run.font);
    out["font"] = face.path;
    out["face"] = face.face_index;
    out["family"] = face.family;
  }
  if (run.synthetic_bold) out["synthetic_bold"] = true;
  if (run.synthetic_italic) out["synthetic_italic"] = true;
  return out;
}

json list_json(const text::FontSystem& fonts, const layout::DisplayList& list) {
  json items = json::array();
  for (const layout::TextItem& t : list.texts) {
    json lines = json::array();
    for (const text::Line& line : t.lines) {
      json runs = json::array();
      for (const text::GlyphRun& run : line.runs) {
        runs.push_back(run_json(
            fonts, run, layout::Point{t.rect.x + line.x + run.x, t.rect.y + line.baseline}));
      }
      lines.push_back({{"text", line.text},
                       {"baseline", t.rect.y + line.baseline},
                       {"x", t.rect.x + line.x},
                       {"width", line.width},
                       {"runs", std::move(runs)}});
    }
    static const char* const kRoles[] = {"body", "title", "footer", "source", "caption"};
    items.push_back({{"kind", "text"},
                     {"role", kRoles[static_cast<int>(t.role)]},
                     {"rect", rect_json(t.rect)},
                     {"lines", std::move(lines)}});
  }
  for (const layout::Command& c : list.commands) {
    switch (c.kind) {
      case layout::CommandKind::kFillRect:
      case layout::CommandKind::kStrokeRect:
        items.push_back({{"kind", "rect"},
                         {"rect", rect_json(c.rect)},
                         {"color", c.color},
                         {"radius", c.radius},
                         {"stroke", c.kind == layout::CommandKind::kStrokeRect}});
        break;
      case layout::CommandKind::kImage:
        items.push_back({{"kind", "image"},
                         {"rect", rect_json(c.rect)},
                         {"path", c.image_path},
                         {"label", c.label},
                         {"placeholder", c.image_path.empty()}});
        break;
      case layout::CommandKind::kClip:
        items.push_back({{"kind", c.clip.kind == deck::MediaKind::kAudio ? "audio" : "video"},
                         {"rect", rect_json(c.rect)},
                         {"path", c.image_path},
                         {"key", c.clip_key},
                         {"label", c.label},
                         {"autoplay", c.clip.autoplay},
                         {"loop", c.clip.loop},
                         {"muted", c.clip.muted},
                         {"duration", c.clip.duration_s}});
        break;
      case layout::CommandKind::kPdfPage: {
        const pdf::PagePart& part = c.page_part;
        items.push_back({{"kind", "pdf_page"},
                         {"rect", rect_json(c.rect)},
                         {"file", c.pdf ? c.pdf->path : std::string()},
                         {"page", c.page + 1},
                         {"part", json::array({part.x, part.y, part.w, part.h})}});
        break;
      }
      case layout::CommandKind::kLine:
      case layout::CommandKind::kPolygon: {
        json points = json::array();
        for (const layout::Point& p : c.points) points.push_back(json::array({p.x, p.y}));
        items.push_back({{"kind", c.kind == layout::CommandKind::kLine ? "line" : "polygon"},
                         {"points", std::move(points)},
                         {"color", c.color},
                         {"arrow", c.arrow_end}});
        break;
      }
      default:
        break;
    }
  }
  for (const layout::HitRegion& h : list.hits) {
    items.push_back(
        {{"kind", "hit"}, {"id", h.id}, {"label", h.label}, {"rect", rect_json(h.rect)}});
  }
  return items;
}

}  // namespace madang::app
