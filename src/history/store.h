// The rehearsal history on disk: one SQLite database per user, every run of
// every deck, every visit of a slide with its time and its steps' times.
//
// Promise: each write is one transaction, committed before the call returns
// (WAL journal, synchronous=FULL), so a crash, a power cut or kill -9 keeps
// everything committed before it. The schema is versioned (user_version) and
// migrated forward on open. A file that is not a database, is damaged, or was
// written by a newer Madang is never deleted: opened to write, it is moved
// aside (FILE.broken-DATE or FILE.newer-DATE, its -wal and -shm with it),
// reported with both paths, and a fresh database takes its place; opened to
// read, it is reported and left alone. Errors are values. One thread at a
// time uses a Store.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "history/identity.h"

namespace madang::history {

inline constexpr int kSchemaVersion = 3;

// The default file: $XDG_DATA_HOME/madang/history.sqlite, else
// ~/.local/share/madang/history.sqlite ("" when neither is known).
std::string default_history_path();

// A deck as the history knows it: its absolute path.
std::string deck_key(const std::string& deck_path);

// One stay on a slide: from arriving until leaving it, pauses left out.
struct Visit {
  int seq = 0;     // its place in the run, from 0
  int number = 0;  // the slide's number (1-based) in the deck as it then was
  double seconds = 0;
  std::vector<double> steps;  // seconds at each step (index: the step)
  int slide = -1;             // read back: its index in Recorded::slides
};

struct Run {
  std::int64_t id = 0;
  std::string started;      // "2024-11-05T09:00:00Z"
  double started_unix = 0;  // seconds since 1970, UTC
  bool finished = false;    // ended by the speaker (else cut short: a crash, kill -9)
  bool complete = false;    // reached the deck's last slide (else partial: it teaches no budgets)
  int slide_count = 0;      // of the deck at the start
  double duration_s = 0;    // the talk's planned length at the start (0: none)
  std::vector<Visit> visits;
};

// A deck's history: its runs, and the slides their visits were on.
struct Recorded {
  std::vector<SlideIdentity> slides;
  std::vector<Run> runs;  // oldest first
};

struct RunStart {
  std::string deck;  // deck_key()
  std::string title;
  int slide_count = 0;
  double duration_s = 0;
  double started_unix = 0;
};

enum class Access {
  kRead,   // never creates, never moves a file aside
  kWrite,  // creates the file and its folder; moves a bad file aside
};

struct OpenReport {
  std::string error;       // why there is no store ("" when it opened, or a read found no file)
  std::string moved_to;    // a bad file went here (kWrite)
  std::string problem;     // what was wrong with it, for the message
  int migrated_from = -1;  // the schema version found, when it was older
  bool created = false;
};

class Store {
 public:
  // nullptr with `report->error` set, or (kRead) with nothing set when
  // there is no file yet.
  static std::unique_ptr<Store> open(const std::string& path, Access access, OpenReport* report);
  // For tests of migrations: a new database at an older schema version.
  static std::unique_ptr<Store> create_at_version(const std::string& path, int version,
                                                  std::string* error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version() const;

  // A new run, not finished (cut short) nor complete (partial) until
  // end_run says so; its id, or -1.
  std::int64_t begin_run(const RunStart& start, std::string* error);
  bool add_visit(std::int64_t run, const SlideIdentity& slide, const Visit& visit,
                 std::string* error);
  // Marks the run `finished` by the speaker (else cut short) and `complete`:
  // it reached the deck's last slide (else partial).
  bool end_run(std::int64_t run, bool finished, bool complete, std::string* error);
  // The same, complete judged from what the run recorded: a visit of the
  // last slide of the deck as it was at the start (RunStart::slide_count).
  bool end_run(std::int64_t run, bool finished, std::string* error);
  // Removes a run and its visits; false when `deck` has no such run.
  bool forget(const std::string& deck, std::int64_t run, std::string* error);

  // Every run of `deck`, oldest first, with its visits in order (and their
  // steps' times when `steps`: most readers need only the visits').
  Recorded read(const std::string& deck, std::string* error, bool steps = true) const;

  // Runs SQL (tests: to damage or inspect a database).
  bool exec(const std::string& sql, std::string* error);

  struct Impl;  // the connection and its statements (store.cpp)

 private:
  explicit Store(std::unique_ptr<Impl> impl, std::string path);
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

// The human-readable message for an open: "" when nothing needs saying.
std::string describe(const OpenReport& report, const std::string& path);

}  // namespace madang::history
