// The history's SQLite database (see store.h).
//
// [SECTION] Schema and migrations
// [SECTION] Statements
// [SECTION] Opening: checks, migration, moving a bad file aside
// [SECTION] Writing
// [SECTION] Reading
// [SECTION] Paths and times

#include "history/store.h"
#include "base/time_text.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <unordered_map>

namespace madang::history {

namespace fs = std::filesystem;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Schema and migrations
//-----------------------------------------------------------------------------

// kMigrations[v] takes a database from version v to v + 1. A fresh file
// runs them all; never edit one that has shipped, add the next.
const char* const kMigrations[] = {
    // 0 -> 1: decks, their runs, the slides they showed and every visit.
    R"sql(
CREATE TABLE decks(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '');
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  deck_id INTEGER NOT NULL REFERENCES decks(id),
  started_at TEXT NOT NULL,
  started_unix REAL NOT NULL,
  finished INTEGER NOT NULL DEFAULT 0,
  slide_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX runs_by_deck ON runs(deck_id, started_unix);
CREATE TABLE slides(
  id INTEGER PRIMARY KEY,
  deck_id INTEGER NOT NULL REFERENCES decks(id),
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  UNIQUE(deck_id, key));
CREATE TABLE visits(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  seq INTEGER NOT NULL,
  slide_id INTEGER NOT NULL REFERENCES slides(id),
  number INTEGER NOT NULL,
  seconds REAL NOT NULL,
  UNIQUE(run_id, seq));
)sql",
    // 1 -> 2: the time of each step of a visit; the talk's planned length
    // with each run (what its budgets were made for).
    R"sql(
CREATE TABLE steps(
  visit_id INTEGER NOT NULL REFERENCES visits(id),
  step INTEGER NOT NULL,
  seconds REAL NOT NULL,
  PRIMARY KEY(visit_id, step)) WITHOUT ROWID;
ALTER TABLE runs ADD COLUMN duration_s REAL NOT NULL DEFAULT 0;
)sql",
    // 2 -> 3: whether a run reached the deck's last slide (a partial run,
    // ended before it, teaches no budgets). Older runs are judged by what
    // they recorded: a visit of the last slide of the deck as it then was.
    R"sql(
ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
UPDATE runs SET complete = EXISTS(
  SELECT 1 FROM visits v WHERE v.run_id = runs.id AND v.number >= runs.slide_count);
)sql",
};
static_assert(sizeof kMigrations / sizeof kMigrations[0] == kSchemaVersion);

//-----------------------------------------------------------------------------
// [SECTION] Statements
//-----------------------------------------------------------------------------

std::string message_of(sqlite3* db) {
  return db ? sqlite3_errmsg(db) : "out of memory";
}

bool fail(std::string* error, const std::string& what) {
  if (error) *error = what;
  return false;
}

// A prepared statement, reset for reuse after each run.
class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  explicit operator bool() const { return stmt_ != nullptr; }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  // Runs to the end; resets.
  bool run(std::string* error) {
    const int rc = step();
    reset();
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    return fail(error, message_of(db_));
  }
  void reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

bool exec_sql(sqlite3* db, const std::string& sql, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  const std::string what = message ? message : message_of(db);
  sqlite3_free(message);
  return fail(error, what);
}

// The first column of the first row of `sql`, as text ("" with `*rc` set
// on error).
std::string scalar(sqlite3* db, const char* sql, int* rc) {
  Stmt s(db, sql);
  if (!s) {
    *rc = sqlite3_extended_errcode(db);
    return {};
  }
  const int r = s.step();
  *rc = r == SQLITE_ROW || r == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(db);
  return r == SQLITE_ROW ? s.text(0) : std::string();
}

// Rolls back unless committed.
class Transaction {
 public:
  Transaction(sqlite3* db, std::string* error) : db_(db) {
    ok_ = exec_sql(db, "BEGIN IMMEDIATE", error);
  }
  ~Transaction() {
    if (ok_ && !done_) exec_sql(db_, "ROLLBACK", nullptr);
  }
  bool ok() const { return ok_; }
  bool commit(std::string* error) {
    done_ = true;
    return exec_sql(db_, "COMMIT", error);
  }

 private:
  sqlite3* db_;
  bool ok_ = false, done_ = false;
};

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  Stmt upsert_slide, insert_visit, insert_step;
  ~Impl() {
    upsert_slide = {};
    insert_visit = {};
    insert_step = {};
    if (db) sqlite3_close_v2(db);
  }
};

Store::Store(std::unique_ptr<Impl> impl, std::string path)
    : impl_(std::move(impl)), path_(std::move(path)) {}

Store::~Store() = default;

int Store::schema_version() const {
  int rc = 0;
  return std::atoi(scalar(impl_->db, "PRAGMA user_version", &rc).c_str());
}

bool Store::exec(const std::string& sql, std::string* error) {
  return exec_sql(impl_->db, sql, error);
}

//-----------------------------------------------------------------------------
// [SECTION] Opening: checks, migration, moving a bad file aside
//-----------------------------------------------------------------------------

namespace {

enum class Verdict { kOpen, kBad, kNewer, kError };

struct Attempt {
  Verdict verdict = Verdict::kError;
  std::unique_ptr<Store::Impl> impl;
  std::string problem;  // kBad, kNewer, kError
  int found_version = 0;
};

bool bad_file(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// Opens, checks and migrates `path` up to `target` (kSchemaVersion but in tests).
Attempt attempt(const std::string& path, Access access, int target) {
  Attempt a;
  auto impl = std::make_unique<Store::Impl>();
  const int flags = SQLITE_OPEN_READWRITE | (access == Access::kWrite ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    a.problem = message_of(impl->db);
    return a;
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, 5000);  // another madang writing: wait
  int rc = SQLITE_OK;
  const std::string version = scalar(impl->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK) {
    a.verdict = bad_file(rc) ? Verdict::kBad : Verdict::kError;
    a.problem = message_of(impl->db);
    return a;
  }
  a.found_version = std::atoi(version.c_str());
  if (a.found_version > kSchemaVersion) {
    a.verdict = Verdict::kNewer;
    a.problem = "written by a newer Madang (schema version " + version + ", this one reads up to " +
                std::to_string(kSchemaVersion) + ")";
    return a;
  }
  if (access == Access::kWrite) {
    // A damaged page may lie anywhere: look at them all before trusting it
    // with a rehearsal (milliseconds for years of runs).
    const std::string check = scalar(impl->db, "PRAGMA quick_check", &rc);
    if (rc != SQLITE_OK || check != "ok") {
      a.verdict = rc == SQLITE_OK || bad_file(rc) ? Verdict::kBad : Verdict::kError;
      a.problem = rc == SQLITE_OK ? "damaged (" + check + ")" : message_of(impl->db);
      return a;
    }
  }
  std::string error;
  // WAL: a reader never blocks the rehearsal writing; FULL: a commit is on
  // the disk when it returns, power cut or not.
  const std::string mode = scalar(impl->db, "PRAGMA journal_mode=WAL", &rc);
  if (rc != SQLITE_OK) {
    a.verdict = bad_file(rc) ? Verdict::kBad : Verdict::kError;
    a.problem = message_of(impl->db);
    return a;
  }
  if (!exec_sql(impl->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", &error)) {
    a.problem = error;
    return a;
  }
  for (int v = a.found_version; v < target; ++v) {
    Transaction t(impl->db, &error);
    if (!t.ok() || !exec_sql(impl->db, kMigrations[v], &error) ||
        !exec_sql(impl->db, "PRAGMA user_version=" + std::to_string(v + 1), &error) ||
        !t.commit(&error)) {
      a.verdict = bad_file(sqlite3_extended_errcode(impl->db)) ? Verdict::kBad : Verdict::kError;
      a.problem = "cannot bring it to schema version " + std::to_string(v + 1) + ": " + error;
      return a;
    }
  }
  impl->upsert_slide = Stmt(impl->db,
                            "INSERT INTO slides(deck_id, key, title, content) "
                            "VALUES((SELECT deck_id FROM runs WHERE id = ?1), ?2, ?3, ?4) "
                            "ON CONFLICT(deck_id, key) DO UPDATE SET title = excluded.title, "
                            "content = excluded.content RETURNING id");
  impl->insert_visit = Stmt(impl->db,
                            "INSERT INTO visits(run_id, seq, slide_id, number, seconds) "
                            "VALUES(?1, ?2, ?3, ?4, ?5)");
  impl->insert_step =
      Stmt(impl->db, "INSERT INTO steps(visit_id, step, seconds) VALUES(?1, ?2, ?3)");
  a.verdict = Verdict::kOpen;
  a.impl = std::move(impl);
  return a;
}

// Moves `path` (and its -wal and -shm) to a free name beside it; the new
// name of the database, or "" with `error`.
std::string move_aside(const std::string& path, const std::string& why, std::string* error) {
  const std::string base =
      path + "." + why + "-" +
      base::calendar_text(base::unix_now(), "%Y%m%d-%H%M%S", base::TimeZone::kUtc);
  std::string target = base;
  std::error_code ec;
  for (int n = 2; fs::exists(target, ec) && n < 1000; ++n) target = base + "-" + std::to_string(n);
  fs::rename(path, target, ec);
  if (ec) {
    *error = "cannot move " + path + " aside: " + ec.message();
    return {};
  }
  for (const char* side : {"-wal", "-shm", "-journal"}) {
    if (fs::exists(path + side, ec)) fs::rename(path + side, target + side, ec);
  }
  return target;
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, Access access, OpenReport* report) {
  OpenReport local;
  OpenReport& r = report ? *report : local;
  r = {};
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && access == Access::kRead) return nullptr;  // no history yet
  if (exists && fs::is_directory(path, ec)) {
    r.error = "history " + path + " is a folder, not a database";
    return nullptr;
  }
  if (access == Access::kWrite && !exists) {
    const fs::path dir = fs::path(path).parent_path();
    if (!dir.empty() && !fs::exists(dir, ec)) {
      fs::create_directories(dir, ec);
      if (ec) {
        r.error = "cannot make the folder " + dir.string() + " for the history: " + ec.message();
        return nullptr;
      }
      ::chmod(dir.c_str(), 0700);  // a user's rehearsals are theirs
    }
    r.created = true;
  }
  Attempt a = attempt(path, access, kSchemaVersion);
  if (a.verdict == Verdict::kBad || a.verdict == Verdict::kNewer) {
    const std::string problem =
        a.verdict == Verdict::kNewer ? a.problem : "not a readable database (" + a.problem + ")";
    a.impl.reset();  // closed before it moves
    if (access == Access::kRead) {
      r.error = "history " + path + " is " + problem;
      return nullptr;
    }
    std::string error;
    r.moved_to = move_aside(path, a.verdict == Verdict::kNewer ? "newer" : "broken", &error);
    r.problem = problem;
    if (r.moved_to.empty()) {
      r.error = "history " + path + " is " + problem + "; " + error;
      return nullptr;
    }
    r.created = true;
    a = attempt(path, access, kSchemaVersion);
  }
  if (a.verdict != Verdict::kOpen) {
    r.error = "history " + path + ": " + a.problem;
    return nullptr;
  }
  if (a.found_version > 0 && a.found_version < kSchemaVersion) r.migrated_from = a.found_version;
  return std::unique_ptr<Store>(new Store(std::move(a.impl), path));
}

std::unique_ptr<Store> Store::create_at_version(const std::string& path, int version,
                                                std::string* error) {
  Attempt a = attempt(path, Access::kWrite, version);
  if (a.verdict != Verdict::kOpen) {
    *error = a.problem;
    return nullptr;
  }
  return std::unique_ptr<Store>(new Store(std::move(a.impl), path));
}

std::string describe(const OpenReport& r, const std::string& path) {
  if (!r.error.empty()) return r.error;
  if (!r.moved_to.empty()) {
    return "history " + path + " was " + r.problem + "; moved it to " + r.moved_to +
           " and started a new history";
  }
  if (r.migrated_from > 0) {
    return "history " + path + " brought from schema version " + std::to_string(r.migrated_from) +
           " to " + std::to_string(kSchemaVersion);
  }
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

std::int64_t Store::begin_run(const RunStart& start, std::string* error) {
  sqlite3* db = impl_->db;
  Transaction t(db, error);
  if (!t.ok()) return -1;
  Stmt deck(db,
            "INSERT INTO decks(path, title) VALUES(?1, ?2) ON CONFLICT(path) DO UPDATE SET "
            "title = excluded.title RETURNING id");
  deck.bind(1, start.deck).bind(2, start.title);
  if (deck.step() != SQLITE_ROW) return fail(error, message_of(db)), -1;
  const std::int64_t deck_id = deck.int64(0);
  deck.reset();
  Stmt run(db,
           "INSERT INTO runs(deck_id, started_at, started_unix, finished, slide_count, duration_s) "
           "VALUES(?1, ?2, ?3, 0, ?4, ?5)");
  run.bind(1, deck_id)
      .bind(2, base::iso8601_utc(start.started_unix))
      .bind(3, start.started_unix)
      .bind(4, start.slide_count)
      .bind(5, start.duration_s);
  if (!run.run(error)) return -1;
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  if (!t.commit(error)) return -1;
  return id;
}

bool Store::add_visit(std::int64_t run, const SlideIdentity& slide, const Visit& visit,
                      std::string* error) {
  Impl& m = *impl_;
  Transaction t(m.db, error);
  if (!t.ok()) return false;
  m.upsert_slide.bind(1, run).bind(2, slide.key).bind(3, slide.title).bind(4, slide.content);
  if (m.upsert_slide.step() != SQLITE_ROW) {
    m.upsert_slide.reset();
    return fail(error, message_of(m.db));
  }
  const std::int64_t slide_id = m.upsert_slide.int64(0);
  m.upsert_slide.reset();
  m.insert_visit.bind(1, run)
      .bind(2, visit.seq)
      .bind(3, slide_id)
      .bind(4, visit.number)
      .bind(5, visit.seconds);
  if (!m.insert_visit.run(error)) return false;
  const std::int64_t visit_id = sqlite3_last_insert_rowid(m.db);
  for (std::size_t i = 0; i < visit.steps.size(); ++i) {
    m.insert_step.bind(1, visit_id).bind(2, static_cast<int>(i)).bind(3, visit.steps[i]);
    if (!m.insert_step.run(error)) return false;
  }
  return t.commit(error);
}

bool Store::end_run(std::int64_t run, bool finished, bool complete, std::string* error) {
  Stmt s(impl_->db, "UPDATE runs SET finished = ?2, complete = ?3 WHERE id = ?1");
  s.bind(1, run).bind(2, finished ? 1 : 0).bind(3, complete ? 1 : 0);
  return s.run(error);
}

bool Store::end_run(std::int64_t run, bool finished, std::string* error) {
  // The rule of migration 2 -> 3: a visit of the run's last slide.
  Stmt s(impl_->db,
         "UPDATE runs SET finished = ?2, complete = EXISTS(SELECT 1 FROM visits v WHERE "
         "v.run_id = runs.id AND v.number >= runs.slide_count) WHERE id = ?1");
  s.bind(1, run).bind(2, finished ? 1 : 0);
  return s.run(error);
}

bool Store::forget(const std::string& deck, std::int64_t run, std::string* error) {
  sqlite3* db = impl_->db;
  Transaction t(db, error);
  if (!t.ok()) return false;
  Stmt find(db,
            "SELECT r.id FROM runs r JOIN decks d ON d.id = r.deck_id WHERE r.id = ?1 AND "
            "d.path = ?2");
  find.bind(1, run).bind(2, deck);
  if (find.step() != SQLITE_ROW) return fail(error, "");
  find.reset();
  const std::string id = std::to_string(run);
  if (!exec_sql(db,
                "DELETE FROM steps WHERE visit_id IN (SELECT id FROM visits WHERE run_id = " + id +
                    ");"
                    "DELETE FROM visits WHERE run_id = " +
                    id + "; DELETE FROM runs WHERE id = " + id +
                    ";"
                    "DELETE FROM slides WHERE id NOT IN (SELECT slide_id FROM visits);",
                error)) {
    return false;
  }
  return t.commit(error);
}

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

Recorded Store::read(const std::string& deck, std::string* error, bool with_steps) const {
  Recorded out;
  sqlite3* db = impl_->db;
  // One snapshot for the three queries (a rehearsal may be writing).
  if (!exec_sql(db, "BEGIN", error)) return out;
  auto done = [&] { exec_sql(db, "COMMIT", nullptr); };

  Stmt deck_id(db, "SELECT id FROM decks WHERE path = ?1");
  deck_id.bind(1, deck);
  if (deck_id.step() != SQLITE_ROW) {
    done();
    return out;
  }
  const std::int64_t id = deck_id.int64(0);

  std::unordered_map<std::int64_t, int> slide_index;
  Stmt slides(db, "SELECT id, key, title, content FROM slides WHERE deck_id = ?1 ORDER BY id");
  slides.bind(1, id);
  int rc = 0;
  while ((rc = slides.step()) == SQLITE_ROW) {
    slide_index[slides.int64(0)] = static_cast<int>(out.slides.size());
    out.slides.push_back({slides.text(1), slides.text(2), slides.text(3)});
  }
  if (rc != SQLITE_DONE) {
    fail(error, message_of(db));
    done();
    return {};
  }

  std::unordered_map<std::int64_t, std::size_t> run_index;
  Stmt runs(db,
            "SELECT id, started_at, started_unix, finished, slide_count, duration_s, complete FROM "
            "runs "
            "WHERE deck_id = ?1 ORDER BY started_unix, id");
  runs.bind(1, id);
  while ((rc = runs.step()) == SQLITE_ROW) {
    Run r;
    r.id = runs.int64(0);
    r.started = runs.text(1);
    r.started_unix = runs.real(2);
    r.finished = runs.int64(3) != 0;
    r.slide_count = static_cast<int>(runs.int64(4));
    r.duration_s = runs.real(5);
    r.complete = runs.int64(6) != 0;
    run_index[r.id] = out.runs.size();
    out.runs.push_back(std::move(r));
  }
  auto failed = [&] {
    fail(error, message_of(db));
    done();
    return Recorded{};
  };
  if (rc != SQLITE_DONE) return failed();

  std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> visit_at;
  Stmt visits(db,
              "SELECT v.id, v.run_id, v.seq, v.number, v.seconds, v.slide_id FROM visits v JOIN "
              "runs r ON r.id = v.run_id WHERE r.deck_id = ?1 ORDER BY v.run_id, v.seq");
  visits.bind(1, id);
  while ((rc = visits.step()) == SQLITE_ROW) {
    const auto run = run_index.find(visits.int64(1));
    const auto slide = slide_index.find(visits.int64(5));
    if (run == run_index.end() || slide == slide_index.end()) continue;
    Visit v;
    v.seq = static_cast<int>(visits.int64(2));
    v.number = static_cast<int>(visits.int64(3));
    v.seconds = visits.real(4);
    v.slide = slide->second;
    std::vector<Visit>& list = out.runs[run->second].visits;
    if (list.empty()) list.reserve(static_cast<std::size_t>(out.runs[run->second].slide_count) + 8);
    if (with_steps) visit_at[visits.int64(0)] = {run->second, list.size()};
    list.push_back(std::move(v));
  }
  if (rc != SQLITE_DONE) return failed();
  if (!with_steps) {
    done();
    return out;
  }

  Stmt steps(db,
             "SELECT s.visit_id, s.step, s.seconds FROM steps s JOIN visits v ON v.id = "
             "s.visit_id JOIN runs r ON r.id = v.run_id WHERE r.deck_id = ?1 ORDER BY "
             "s.visit_id, s.step");
  steps.bind(1, id);
  while ((rc = steps.step()) == SQLITE_ROW) {
    const auto at = visit_at.find(steps.int64(0));
    const int step = static_cast<int>(steps.int64(1));
    if (at == visit_at.end() || step < 0 || step > 10000) continue;
    std::vector<double>& list = out.runs[at->second.first].visits[at->second.second].steps;
    if (list.size() <= static_cast<std::size_t>(step))
      list.resize(static_cast<std::size_t>(step) + 1);
    list[static_cast<std::size_t>(step)] = steps.real(2);
  }
  if (rc != SQLITE_DONE) return failed();
  done();
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Paths and times
//-----------------------------------------------------------------------------

std::string default_history_path() {
  const char* data = std::getenv("XDG_DATA_HOME");
  if (data && *data == '/') return std::string(data) + "/madang/history.sqlite";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/madang/history.sqlite";
  return {};
}

std::string deck_key(const std::string& deck_path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(deck_path, ec), ec);
  if (ec) p = fs::absolute(deck_path, ec).lexically_normal();
  return p.string();
}

}  // namespace madang::history
