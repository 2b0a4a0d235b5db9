#include "app/image_check.h"

#include <map>

#include "render/image.h"

namespace madang::app {

namespace {

struct Walker {
  const deck::Deck& deck;
  Diagnostics& out;
  std::map<std::string, std::string> verdicts;  // path -> "" (decodes) or why not

  void blocks(std::vector<deck::Block>& list) {
    for (deck::Block& b : list) {
      if (b.kind == deck::BlockKind::kImage && !b.image.resolved.empty()) image(b);
      blocks(b.children);
      for (deck::ListItem& item : b.items) blocks(item.blocks);
    }
  }

  void image(deck::Block& b) {
    auto it = verdicts.find(b.image.resolved);
    if (it == verdicts.end()) {
      std::string why;
      const bool ok = render::decode_image(b.image.resolved, &why) != nullptr;
      it = verdicts.emplace(b.image.resolved, ok ? std::string() : why).first;
    }
    if (it->second.empty()) return;
    out.push_back({{deck.path, b.line, b.column},
                   Severity::kWarning,
                   "image '" + b.image.src + "' " + it->second + "; it is drawn as a placeholder"});
    b.image.resolved.clear();
  }
};

}  // namespace

void check_images(deck::Deck* deck, Diagnostics* diagnostics) {
  Walker walker{*deck, *diagnostics, {}};
  for (deck::Slide& slide : deck->slides) walker.blocks(slide.blocks);
}

deck::ParseResult load_deck_checked(const std::string& path) {
  deck::ParseResult result = deck::load_deck(path);
  check_images(&result.deck, &result.diagnostics);
  return result;
}

}  // namespace madang::app
