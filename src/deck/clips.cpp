#include "deck/clips.h"

#include <algorithm>

namespace madang::deck {
namespace {

void add_block_clips(const Block& block, int fragment, std::vector<SlideClip>* out) {
  const int shown_at = std::max(fragment, block.fragment);
  if (block.kind == BlockKind::kImage && block.image.is_clip())
    out->push_back({&block.image, shown_at, static_cast<int>(out->size())});
  for (const Block& child : block.children) add_block_clips(child, shown_at, out);
  for (const ListItem& item : block.items)
    for (const Block& child : item.blocks)
      add_block_clips(child, std::max(shown_at, item.fragment), out);
}

}  // namespace

std::vector<SlideClip> slide_clips(const Slide& slide) {
  std::vector<SlideClip> clips;
  for (const BackgroundImage& bg : slide.background.images)
    if (bg.image.is_clip()) clips.push_back({&bg.image, 0, static_cast<int>(clips.size())});
  for (const Block& block : slide.blocks) add_block_clips(block, 0, &clips);
  return clips;
}

int clip_ordinal(const Slide& slide, const Image* image) {
  for (const SlideClip& clip : slide_clips(slide))
    if (clip.image == image) return clip.ordinal;
  return -1;
}

std::string clip_key(int slide_index, int ordinal) {
  return std::to_string(slide_index) + ":" + std::to_string(ordinal);
}

}  // namespace madang::deck
