#include "deck/program.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>

#include "deck/duration.h"
#include "deck/limits.h"
#include "deck/report.h"
#include "deck/source_text.h"
#include "deck/suggest.h"
#include "deck/yaml_load.h"
#include "io/files.h"

namespace madang::deck {

int Program::talk_count() const {
  int n = 0;
  for (const ProgramItem& item : items) n += item.is_break ? 0 : 1;
  return n;
}

int Program::item_of_talk(int number) const {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_break && items[i].talk == number) return static_cast<int>(i);
  }
  return -1;
}

const ProgramItem* Program::talk(int number) const {
  const int i = item_of_talk(number);
  return i < 0 ? nullptr : &items[static_cast<std::size_t>(i)];
}

bool is_program_path(const std::string& path) {
  auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      char c = path[path.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  return ends(".yaml") || ends(".yml");
}

namespace {

const std::vector<std::string> kTop = {"title", "date", "place", "start", "time_cards", "talks"};
const std::vector<std::string> kTalk = {"title", "speaker", "affiliation", "deck", "minutes"};

// "14:00" or "9:30" -> minutes after midnight.
bool parse_clock(const std::string& text, int* minutes) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return false;
  int h = 0, m = 0;
  const char* s = text.data();
  if (std::from_chars(s, s + colon, h).ptr != s + colon) return false;
  if (std::from_chars(s + colon + 1, s + text.size(), m).ptr != s + text.size()) return false;
  if (h < 0 || h > 23 || m < 0 || m > 59) return false;
  *minutes = h * 60 + m;
  return true;
}

class ProgramReader {
 public:
  ProgramReader(const YamlReader& read, const ProgramOptions& options, std::string folder,
                Program* program)
      : read_(read), options_(options), folder_(std::move(folder)), program_(program) {}

  void top(const YAML::Node& root) {
    bool has_talks = false;
    for (const auto& entry : root) {
      const YAML::Node& key_node = entry.first;
      const YAML::Node& value = entry.second;
      if (!key_node.IsScalar()) {
        read_.error(key_node, "program keys must be plain words");
        continue;
      }
      const std::string key = key_node.Scalar();
      if (key == "title") {
        read_.text(value, key, &program_->title);
      } else if (key == "date") {
        read_.text(value, key, &program_->date);
      } else if (key == "place") {
        read_.text(value, key, &program_->place);
      } else if (key == "start") {
        start(key_node, value);
      } else if (key == "time_cards") {
        time_cards(key_node, value);
      } else if (key == "talks") {
        has_talks = true;
        talks(key_node, value);
      } else {
        unknown(key_node, key, kTop, "program");
      }
    }
    if (!has_talks) {
      read_.error(root, "a program needs 'talks:', a list of talks (docs/forum.md)");
    }
  }

 private:
  void unknown(const YAML::Node& key_node, const std::string& key,
               const std::vector<std::string>& valid, const char* what) {
    const std::string near = nearest(key, valid);
    read_.warning(key_node, "unknown " + std::string(what) + " key '" + key + "'" +
                                (near.empty() ? " (valid: " + join_names(valid) + ")"
                                              : "; did you mean '" + near + "'?"));
  }

  void start(const YAML::Node& key_node, const YAML::Node& value) {
    std::string text;
    if (!read_.text(value, "start", &text) || text.empty()) return;
    int minutes = 0;
    if (!parse_clock(text, &minutes)) {
      read_.error(value.IsNull() ? key_node : value,
                  "'start: " + text + "' is not a time of day; write it like start: \"14:00\"");
      return;
    }
    program_->start = text;
    program_->start_minute = minutes;
  }

  void time_cards(const YAML::Node& key_node, const YAML::Node& value) {
    if (!value.IsSequence()) {
      read_.error(value.IsNull() ? key_node : value,
                  "'time_cards' must be a list of minutes left, like [5, 2, 0]");
      return;
    }
    std::vector<int> cards;
    for (const YAML::Node& item : value) {
      int m = -1;
      const std::string s = item.IsScalar() ? item.Scalar() : "";
      if (s.empty() || s.size() > 3 ||
          std::from_chars(s.data(), s.data() + s.size(), m).ptr != s.data() + s.size()) {
        read_.error(item, "a time card is a whole number of minutes left, like 5");
        return;
      }
      cards.push_back(m);
    }
    std::sort(cards.rbegin(), cards.rend());
    program_->time_cards = cards;
  }

  // A slot: a number of minutes (20, 7.5) or a duration ("20m", "1h").
  bool slot(const YAML::Node& value, bool bare_minutes, double* seconds) {
    if (!value.IsScalar()) return false;
    const std::string& s = value.Scalar();
    double v = 0;
    if (bare_minutes) {
      const char* end = s.data() + s.size();
      if (auto [p, ec] = std::from_chars(s.data(), end, v); ec == std::errc() && p == end) {
        *seconds = v * 60;
        return std::isfinite(v) && v > 0 && v <= 24 * 60;
      }
    }
    if (!parse_duration(s, &v)) return false;
    *seconds = v;
    return v > 0 && v <= 24 * 3600;
  }

  void talks(const YAML::Node& key_node, const YAML::Node& value) {
    if (!value.IsSequence()) {
      read_.error(value.IsNull() ? key_node : value,
                  "'talks' must be a list: each talk starts with '- title:'");
      return;
    }
    for (const YAML::Node& item : value) {
      if (!item.IsMap()) {
        read_.error(item,
                    "a talk is 'title:', 'speaker:', 'deck:', 'minutes:' lines (or "
                    "'- break: 10m')");
        continue;
      }
      if (item["break"]) {
        brk(item);
      } else {
        talk(item);
      }
    }
  }

  void brk(const YAML::Node& item) {
    ProgramItem b;
    b.is_break = true;
    read_.at(item, &b.line, &b.column);
    for (const auto& entry : item) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      if (key == "break") {
        if (!slot(entry.second, true, &b.seconds)) {
          read_.error(entry.second.IsNull() ? entry.first : entry.second,
                      "a break's length must be a duration, like break: 10m");
        }
      } else if (key == "title") {
        read_.text(entry.second, key, &b.title);
      } else {
        unknown(entry.first, key, {"break", "title"}, "break");
      }
    }
    program_->items.push_back(std::move(b));
  }

  void talk(const YAML::Node& item) {
    ProgramItem t;
    read_.at(item, &t.line, &t.column);
    t.talk = ++talks_;
    YAML::Node title_node, deck_node;
    for (const auto& entry : item) {
      const YAML::Node& k = entry.first;
      const YAML::Node& v = entry.second;
      if (!k.IsScalar()) {
        read_.error(k, "talk keys must be plain words");
        continue;
      }
      const std::string key = k.Scalar();
      if (key == "title") {
        read_.text(v, key, &t.title);
        title_node = v.IsNull() ? k : v;
      } else if (key == "speaker") {
        read_.text(v, key, &t.speaker);
      } else if (key == "affiliation") {
        read_.text(v, key, &t.affiliation);
      } else if (key == "deck") {
        read_.text(v, key, &t.deck);
        deck_node = v.IsNull() ? k : v;
        read_.at(deck_node, &t.deck_line, &t.deck_column);
      } else if (key == "minutes") {
        if (!slot(v, true, &t.seconds)) {
          read_.error(v.IsNull() ? k : v,
                      "a talk's slot must be a number of minutes, like minutes: 20 (or " +
                          std::string(kDurationForms) + ")");
        }
      } else {
        unknown(k, key, kTalk, "talk");
      }
    }
    const std::string name = "talk " + std::to_string(t.talk);
    if (t.title.empty()) {
      read_.error(title_node.IsNull() ? item : title_node,
                  name + " has no title: give it 'title:'");
    } else if (auto seen = titles_.find(t.title); seen != titles_.end()) {
      read_.error(title_node, "duplicate talk '" + t.title + "': it is already talk " +
                                  std::to_string(seen->second.first) + " (line " +
                                  std::to_string(seen->second.second) + ")");
    } else {
      titles_[t.title] = {t.talk, t.line};
    }
    if (t.deck.empty()) {
      read_.error(deck_node.IsNull() ? item : deck_node,
                  name + " has no deck: give it 'deck:' (a .md, a Marp deck or a .pdf)");
    } else {
      t.deck_path = (std::filesystem::path(folder_) / t.deck).lexically_normal().string();
      if (options_.check_files) {
        if (const std::string problem = io::regular_file_problem(t.deck_path); !problem.empty()) {
          read_.error(deck_node, "the deck of talk " + std::to_string(t.talk) + " ('" + t.deck +
                                     "') " + problem);
        }
      }
    }
    program_->items.push_back(std::move(t));
  }

  const YamlReader& read_;
  const ProgramOptions& options_;
  std::string folder_;
  Program* program_;
  int talks_ = 0;
  std::map<std::string, std::pair<int, int>> titles_;  // title -> talk, line
};

}  // namespace

ProgramResult parse_program(std::string_view source, const std::string& file_name,
                            const ProgramOptions& options) {
  ProgramResult result;
  result.program.file = file_name;
  Reporter report(file_name, result.diagnostics);
  const std::string text = clean_source(source, report);
  const LineIndex lines(text);
  const YamlPlace place = [&](const YAML::Mark& mark, int* line, int* column) {
    if (mark.is_null()) {
      *line = 1;
      *column = 1;
      return;
    }
    *line = mark.line + 1;
    *column = lines.column(*line, mark.column + 1);
  };
  YAML::Node root;
  if (load_yaml(text, "program", place, report, &root)) {
    const YamlReader read{place, report};
    if (!root.IsMap()) {
      read.error(root, "a program is 'key: value' lines with 'talks:' (docs/forum.md)");
    } else {
      const std::string folder = std::filesystem::path(file_name).parent_path().string();
      ProgramReader reader(read, options, folder, &result.program);
      reader.top(root);
    }
  }
  report.finish();
  return result;
}

ProgramResult load_program(const std::string& path, const ProgramOptions& options) {
  io::ReadResult file = io::read_regular_file(path, limits::kMaxYamlBytes);
  if (!file.ok) {
    ProgramResult r;
    r.program.file = path;
    r.diagnostics.push_back(
        {{path, 0, 0}, Severity::kError, "cannot read the program: it " + file.error});
    return r;
  }
  return parse_program(file.bytes, path, options);
}

}  // namespace madang::deck
