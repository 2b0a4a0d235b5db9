// Snapshots, the state's JSON and the slide's text as HTML (see snapshot.h).
#include "remote/snapshot.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "screens/console.h"
#include "show/console_input.h"

namespace madang::remote {

namespace {

void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
}

void rich_into(std::string& out, const deck::RichText& text) {
  escape_into(out, deck::plain_text(text));
}

void block_into(std::string& out, const deck::Block& b, int revealed);

void blocks_into(std::string& out, const std::vector<deck::Block>& blocks, int revealed) {
  for (const deck::Block& b : blocks) {
    if (revealed >= 0 && b.fragment > revealed) continue;
    block_into(out, b, revealed);
  }
}

void block_into(std::string& out, const deck::Block& b, int revealed) {
  switch (b.kind) {
    case deck::BlockKind::kHeading: {
      const int level = std::clamp(b.level, 1, 6);
      out += "<h" + std::to_string(level) + ">";
      rich_into(out, b.text);
      out += "</h" + std::to_string(level) + ">";
      return;
    }
    case deck::BlockKind::kParagraph:
      out += "<p>";
      rich_into(out, b.text);
      out += "</p>";
      return;
    case deck::BlockKind::kList:
      out += b.ordered ? "<ol>" : "<ul>";
      for (const deck::ListItem& item : b.items) {
        if (revealed >= 0 && item.fragment > revealed) continue;
        out += "<li>";
        blocks_into(out, item.blocks, revealed);
        out += "</li>";
      }
      out += b.ordered ? "</ol>" : "</ul>";
      return;
    case deck::BlockKind::kTable:
      out += "<table><thead><tr>";
      for (const deck::RichText& cell : b.table.header) {
        out += "<th>";
        rich_into(out, cell);
        out += "</th>";
      }
      out += "</tr></thead><tbody>";
      for (const auto& row : b.table.rows) {
        out += "<tr>";
        for (const deck::RichText& cell : row) {
          out += "<td>";
          rich_into(out, cell);
          out += "</td>";
        }
        out += "</tr>";
      }
      out += "</tbody></table>";
      return;
    case deck::BlockKind::kQuote:
      out += "<blockquote>";
      blocks_into(out, b.children, revealed);
      if (!b.text.empty()) {
        out += "<footer>";
        rich_into(out, b.text);
        out += "</footer>";
      }
      out += "</blockquote>";
      return;
    case deck::BlockKind::kCode:
      out += "<pre><code>";
      escape_into(out, b.code);
      out += "</code></pre>";
      return;
    case deck::BlockKind::kImage:
      if (!b.image.alt.empty()) {
        out += "<p class=\"image\">[";
        escape_into(out, b.image.alt);
        out += "]</p>";
      }
      return;
    case deck::BlockKind::kDiagram: {
      const deck::Diagram& d = b.diagram;
      out += "<figure class=\"diagram\">";
      if (!d.title.empty()) {
        out += "<figcaption>";
        escape_into(out, d.title);
        out += "</figcaption>";
      }
      out += "<ul>";
      for (const deck::DiagramNode& n : d.nodes) {
        out += "<li>";
        escape_into(out, n.label);
        if (!n.detail.empty()) {
          out += " — ";
          escape_into(out, n.detail);
        }
        out += "</li>";
      }
      out += "</ul></figure>";
      return;
    }
    default:
      return;
  }
}

}  // namespace

Snapshot snapshot_of(const show::Show& show, double talk_ms, const std::string& wall,
                     std::shared_ptr<const deck::Deck> deck, int deck_generation) {
  Snapshot s;
  s.deck = std::move(deck);
  s.deck_generation = deck_generation;
  s.slides = show.shape.slide_count();
  s.slide = show.at.slide + 1;
  const deck::Slide* slide = show::current_slide(show);
  s.steps = slide ? slide->steps + 1 : 1;
  s.step = show.at.step + 1;
  s.blank = show.at.blank == show::Blank::kBlack   ? "black"
            : show.at.blank == show::Blank::kWhite ? "white"
                                                   : "none";
  s.frozen = show.freeze.on;
  const show::NextStep next = show::next_step(show);
  if (!next.end) {
    s.next_slide = next.slide + 1;
    s.next_step = std::max(0, next.state.step) + 1;
  }
  const layout::ConsoleClock c = show::console_clock(show, talk_ms, wall);
  s.timer = !c.started ? "stopped" : c.paused ? "paused" : "running";
  s.clock = c.wall;
  s.elapsed = c.elapsed;
  if (c.pace_known) {
    s.left = c.remaining;
    s.budget = c.budget;
  }
  s.on_slide = c.on_slide;
  s.slide_delta = c.slide_delta;
  s.pace = c.talk_delta;
  s.pace_mood = layout::mood_name(c.talk_mood);
  return s;
}

std::string slide_html(const deck::Slide& slide, int step) {
  std::string out;
  if (!slide.pdf_pages.empty()) {
    // A PDF page: its text, a paragraph a line.
    std::size_t at = 0;
    while (at < slide.pdf_text.size()) {
      std::size_t end = slide.pdf_text.find('\n', at);
      if (end == std::string::npos) end = slide.pdf_text.size();
      if (end > at) {
        out += "<p>";
        escape_into(out, std::string_view(slide.pdf_text).substr(at, end - at));
        out += "</p>";
      }
      at = end + 1;
    }
    return out;
  }
  blocks_into(out, slide.blocks, step > 0 ? step - 1 : -1);
  return out;
}

std::string state_json(const Snapshot& s, bool notes) {
  nlohmann::json j;
  j["version"] = s.version;
  j["deck"] = s.deck_generation;
  j["slide"] = s.slide;
  j["slides"] = s.slides;
  j["step"] = s.step;
  j["steps"] = s.steps;
  j["blank"] = s.blank;
  j["frozen"] = s.frozen;
  j["next"] = s.next_slide > 0 ? nlohmann::json{{"slide", s.next_slide}, {"step", s.next_step}}
                               : nlohmann::json(nullptr);
  j["timer"] = {{"state", s.timer},
                {"clock", s.clock},
                {"elapsed", s.elapsed},
                {"left", s.left},
                {"on_slide", s.on_slide},
                {"budget", s.budget},
                {"slide_delta", s.slide_delta},
                {"pace", s.pace},
                {"pace_mood", s.pace_mood}};
  const deck::Slide* slide = nullptr;
  if (s.deck && s.slide >= 1 && s.slide <= static_cast<int>(s.deck->slides.size())) {
    slide = &s.deck->slides[static_cast<std::size_t>(s.slide - 1)];
  }
  j["title"] = s.deck ? s.deck->meta.title : "";
  j["text"] = slide ? slide_html(*slide, s.step) : "";
  if (notes) j["notes"] = slide ? slide->notes : "";
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool SequenceLog::fresh(const std::string& client, std::int64_t seq) {
  auto it = std::find_if(last_.begin(), last_.end(),
                         [&](const auto& entry) { return entry.first == client; });
  if (it != last_.end()) {
    if (seq <= it->second) return false;
    last_.erase(it);
  }
  last_.emplace_front(client, seq);
  if (last_.size() > capacity_) last_.pop_back();
  return true;
}

}  // namespace madang::remote
