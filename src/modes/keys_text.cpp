// `madang present --help`'s list of keys (modes/modes.h keys_text), written
// from the same table as the `?` overlay, so the two cannot drift.

#include <string>

#include "input/ink_keys.h"
#include "input/keymap.h"
#include "modes/modes.h"

namespace madang::app {

std::string keys_text() {
  // The `?` overlay's lines: the keys' table, the clips' and the ink's keys.
  std::vector<HelpLine> lines = help_lines(default_bindings(), diagram_bindings());
  for (std::vector<HelpLine> more : {clip_help_lines(), ink_help_lines()})
    lines.insert(lines.end(), more.begin(), more.end());
  std::string out = "Keys while presenting (? shows them on screen):\n";
  for (const HelpTask task : kHelpTasks) {
    out += "  " + help_task_title(task) + "\n";
    for (const HelpLine& line : lines) {
      if (line.task != task) continue;
      // Columns by characters, not bytes (the arrows are three bytes each).
      std::size_t columns = 0;
      for (const char c : line.keys) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      out += "    " + line.keys + std::string(columns < 30 ? 30 - columns : 2, ' ') + line.english +
             "\n";
    }
  }
  return out;
}

}  // namespace madang::app
