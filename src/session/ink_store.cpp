#include "session/ink_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "history/identity.h"
#include "ink/sidecar.h"
#include "render/atomic_file.h"

namespace madang::app {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxSidecarBytes = 64u << 20;

std::string data_folder() {
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/madang/ink";
  if (const char* h = std::getenv("HOME"); h && *h)
    return std::string(h) + "/.local/share/madang/ink";
  return "/tmp/madang-ink";
}

// "/home/me/talks/lecture.md" -> "home_me_talks_lecture.ink.json"
std::string flat_name(const fs::path& deck) {
  std::string s = (deck.parent_path() / deck.stem()).string();
  std::string out;
  for (char c : s) out += c == '/' ? '_' : c;
  while (!out.empty() && out.front() == '_') out.erase(out.begin());
  return out + ".ink.json";
}

}  // namespace

std::string ink_path(const std::string& deck_path, const std::string& option) {
  std::error_code ec;
  fs::path folder = fs::absolute(deck_path, ec).parent_path();
  if (ec || folder.empty()) folder = ".";
  return ink_path(deck_path, option, ::access(folder.c_str(), W_OK) == 0);
}

std::string ink_path(const std::string& deck_path, const std::string& option, bool writable) {
  if (option == "off") return "";
  if (!option.empty()) return option;
  std::error_code ec;
  fs::path deck = fs::absolute(deck_path, ec);
  if (ec) deck = deck_path;
  const fs::path folder = deck.parent_path();
  if (writable) {
    return (folder / (deck.stem().string() + ".ink.json")).string();
  }
  return data_folder() + "/" + flat_name(deck);
}

std::vector<ink::SlideTag> slide_tags(const deck::Deck& deck) {
  std::vector<ink::SlideTag> tags;
  for (const history::SlideIdentity& id : history::identify(deck))
    tags.push_back({id.key, id.title, id.content});
  return tags;
}

void follow_slides(ink::Document& doc, const std::vector<ink::SlideTag>& before,
                   const std::vector<ink::SlideTag>& now) {
  std::vector<history::SlideIdentity> current, recorded;
  std::vector<int> at;
  for (const ink::SlideTag& t : now) current.push_back({t.key, t.title, t.text});
  for (std::size_t i = 0; i < doc.slides.size() && i < before.size(); ++i) {
    if (doc.slides[i].empty() || before[i].key.empty()) continue;
    recorded.push_back({before[i].key, before[i].title, before[i].text});
    at.push_back(static_cast<int>(i));
  }
  if (recorded.empty()) return;
  const std::vector<int> to = history::match(current, recorded, at);
  std::vector<std::vector<ink::Stroke>> moved(doc.slides.size());
  std::vector<bool> taken(doc.slides.size(), false);
  for (std::size_t k = 0; k < at.size(); ++k) {
    const int from = at[k];
    // A slide that is gone keeps its ink where it was (never lost).
    const int dest = to[k] >= 0 ? to[k] : from;
    if (static_cast<std::size_t>(dest) >= moved.size())
      moved.resize(static_cast<std::size_t>(dest) + 1);
    auto& strokes = doc.slides[static_cast<std::size_t>(from)];
    moved[static_cast<std::size_t>(dest)].insert(moved[static_cast<std::size_t>(dest)].end(),
                                                 strokes.begin(), strokes.end());
    taken[static_cast<std::size_t>(from)] = true;
  }
  for (std::size_t i = 0; i < doc.slides.size(); ++i) {
    if (taken[i] || doc.slides[i].empty()) continue;
    if (i >= moved.size()) moved.resize(i + 1);
    moved[i].insert(moved[i].end(), doc.slides[i].begin(), doc.slides[i].end());
  }
  doc.slides = std::move(moved);
  doc.undo.clear();
  doc.redo.clear();
  ++doc.revision;
}

ink::Document load_ink(const std::string& path, std::vector<std::string>* warnings, bool set_aside,
                       const std::vector<ink::SlideTag>* slides) {
  ink::Document doc;
  if (path.empty()) return doc;
  std::error_code ec;
  if (!fs::exists(path, ec)) return doc;
  std::string error;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    error = ec.message();
  } else if (size > kMaxSidecarBytes) {
    error = "larger than 64 MB";
  } else {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      error = std::strerror(errno);
    } else if (std::vector<ink::SlideTag> tags; ink::from_json(text.str(), &doc, &error, &tags)) {
      if (slides) follow_slides(doc, tags, *slides);
      return doc;
    }
  }
  if (!set_aside) {
    warnings->push_back("the ink in " + path + " cannot be read (" + error + "); left out");
    return ink::Document{};
  }
  // Set aside, never deleted: the speaker may want it back.
  std::string aside = path + ".damaged";
  for (int n = 2; fs::exists(aside, ec) && n < 1000; ++n)
    aside = path + ".damaged-" + std::to_string(n);
  fs::rename(path, aside, ec);
  warnings->push_back("the ink in " + path + " cannot be read (" + error + "); " +
                      (ec ? "left where it is" : "set aside as " + aside) +
                      ", the talk starts with no ink");
  return ink::Document{};
}

bool save_ink(const std::string& path, const ink::Document& doc, const std::string& deck_name,
              std::string* error, const std::vector<ink::SlideTag>& slides) {
  std::error_code ec;
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty()) fs::create_directories(folder, ec);
  const std::string text = ink::to_json(doc, deck_name, slides);
  if (render::write_file_atomically(path, text.data(), text.size(), error)) return true;
  *error = path + ": " + *error;
  return false;
}

}  // namespace madang::app
