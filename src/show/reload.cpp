#include "show/reload.h"

#include <algorithm>
#include <filesystem>

namespace madang::show {

namespace {

void collect_images(const std::vector<deck::Block>& blocks, const std::string& base_dir,
                    std::vector<std::string>& out) {
  for (const deck::Block& b : blocks) {
    if (b.kind == deck::BlockKind::kImage) {
      std::string path = b.image.resolved;
      if (path.empty() && !b.image.src.empty() && b.image.src.find("://") == std::string::npos) {
        std::filesystem::path p(b.image.src);
        path = (p.is_absolute() ? p : std::filesystem::path(base_dir) / p).string();
      }
      if (!path.empty()) out.push_back(path);
    }
    collect_images(b.children, base_dir, out);
    for (const deck::ListItem& item : b.items) collect_images(item.blocks, base_dir, out);
  }
}

}  // namespace

ReloadOutcome reload_policy(const PresentState& state, const deck::ParseResult& fresh,
                            int max_error_lines) {
  ReloadOutcome out;
  out.error_count = count_severity(fresh.diagnostics, Severity::kError);
  if (out.error_count == 0) {
    out.accepted = true;
    out.state = clamp_to(state, shape_of(fresh.deck));
    return out;
  }
  out.state = state;
  for (const Diagnostic& d : fresh.diagnostics) {
    if (d.severity != Severity::kError) continue;
    if (static_cast<int>(out.errors.size()) >= max_error_lines) break;
    out.errors.push_back(format_diagnostic(d));
  }
  return out;
}

DeckShape shape_of(const deck::Deck& deck) {
  DeckShape shape;
  shape.steps.reserve(deck.slides.size());
  for (const deck::Slide& s : deck.slides) shape.steps.push_back(s.steps);
  return shape;
}

std::vector<std::string> watched_files(const deck::Deck& deck) {
  std::vector<std::string> files;
  if (!deck.path.empty()) files.push_back(deck.path);
  for (const deck::Slide& s : deck.slides) collect_images(s.blocks, deck.base_dir, files);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace madang::show
