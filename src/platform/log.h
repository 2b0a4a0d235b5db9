// Log lines of an unattended mode (the kiosk): one line per event on stderr,
// "madang kiosk: reload: ...", flushed at once.
//
// Promise: each line is one write(2), so lines never interleave. Under
// systemd (stderr is the journal's stream: $JOURNAL_STREAM names it) each
// line starts with its syslog priority, "<3>" for errors, "<4>" warnings,
// "<6>" information, which journald reads as the entry's priority
// (`journalctl -p warning` finds the broken decks); in a terminal the line
// is plain.
#pragma once

#include <string>

namespace madang::app {

enum class LogLevel { kError = 3, kWarning = 4, kNotice = 5, kInfo = 6 };

// Writes "[<N>]madang COMMAND: MESSAGE\n" to stderr.
void log_line(LogLevel level, const std::string& command, const std::string& message);

// Whether stderr is the journal (the priority prefix is used).
bool logging_to_journal();

// The line log_line writes (without the newline), for tests.
std::string log_text(LogLevel level, const std::string& command, const std::string& message,
                     bool journal);

}  // namespace madang::app
