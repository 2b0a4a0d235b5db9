// libFuzzer entry for the deck parser: any bytes must parse without crashing,
// hanging or breaking the Deck's invariants. Built with -fsanitize=fuzzer when
// MADANG_FUZZ is on (clang), else linked with replay_main.cpp to replay the
// corpus as an ordinary test.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "deck/parse.h"

namespace {

using namespace madang;

// Broken invariants are bugs: stop so the fuzzer keeps the input.
void require(bool ok) {
  if (!ok) std::abort();
}

void check_block(const deck::Block& b, int depth) {
  require(depth <= 40);
  require(b.line >= 1 && b.column >= 1);
  if (b.kind == deck::BlockKind::kTable) {
    require(b.table.align.size() == b.table.header.size());
    require(b.table.header.size() <= 64);
    for (const auto& row : b.table.rows) require(row.size() == b.table.header.size());
  }
  for (const deck::Block& c : b.children) check_block(c, depth + 1);
  for (const deck::ListItem& item : b.items) {
    require(item.fragment >= b.fragment);
    for (const deck::Block& c : item.blocks) check_block(c, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  deck::ParseOptions options;
  options.check_files = false;
  options.base_dir = "/fuzz";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const deck::ParseResult r = deck::parse_deck(text, "fuzz.md", options);
  require(r.diagnostics.size() <= 1001);
  for (const Diagnostic& d : r.diagnostics) {
    require(d.where.line >= 0 && d.where.column >= 0 && !d.message.empty());
    require(!format_diagnostic(d).empty());
  }
  int index = 0;
  for (const deck::Slide& s : r.deck.slides) {
    require(s.index == ++index);
    require(s.steps >= 0);
    for (const deck::Block& b : s.blocks) {
      check_block(b, 0);
      require(b.fragment <= s.steps);
    }
  }
  return 0;
}
