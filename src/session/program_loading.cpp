#include "session/program_loading.h"

#include <sys/stat.h>

#include <algorithm>

#include "base/time_text.h"
#include "session/deck_loading.h"
#include "show/forum.h"

namespace madang::app {

int LoadedProgram::first_loaded() const {
  for (std::size_t i = 0; i < decks.size(); ++i) {
    if (decks[i].loaded) return static_cast<int>(i);
  }
  return -1;
}

void reload_program_deck(LoadedProgram* program, int index, const deck::PdfOptions& pdf) {
  const std::size_t i = static_cast<std::size_t>(index);
  if (i >= program->program.items.size()) return;
  const deck::ProgramItem& item = program->program.items[i];
  ProgramDeck& d = program->decks[i];
  d = ProgramDeck{};
  if (item.is_break) return;
  if (item.deck_path.empty()) {
    d.problem = "talk " + std::to_string(item.talk) + " has no deck";
  } else {
    d.parsed = load_deck_checked(item.deck_path, pdf);
    const bool errors = has_errors(d.parsed.diagnostics);
    d.loaded = !errors && !d.parsed.deck.slides.empty();
    if (!d.loaded) {
      for (const Diagnostic& e : d.parsed.diagnostics) {
        if (e.severity != Severity::kError) continue;
        d.problem = format_diagnostic(e);
        break;
      }
      if (d.problem.empty()) d.problem = item.deck_path + ": the deck has no slides";
    }
  }
  double slot = item.seconds;
  if (slot <= 0 && d.loaded) slot = d.parsed.deck.meta.duration_s;
  program->slot_s[i] = slot;
}

LoadedProgram load_program_decks(const std::string& path, const deck::PdfOptions& pdf, int talk) {
  LoadedProgram out;
  deck::ProgramResult r = deck::load_program(path);
  out.program = std::move(r.program);
  out.diagnostics = std::move(r.diagnostics);
  out.decks.resize(out.program.items.size());
  out.slot_s.resize(out.program.items.size());
  for (std::size_t i = 0; i < out.program.items.size(); ++i) {
    const deck::ProgramItem& item = out.program.items[i];
    out.slot_s[i] = item.seconds;
    if (item.is_break || (talk > 0 && item.talk != talk)) continue;
    reload_program_deck(&out, static_cast<int>(i), pdf);
  }
  return out;
}

long long deck_file_stamp(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
}

deck::Deck blank_program_deck() {
  deck::Deck d;
  d.slides.emplace_back();
  d.slides.back().index = 1;
  d.pages = 1;
  return d;
}

std::string program_event_line(const deck::Program& program) {
  std::string out;
  for (const std::string* part : {&program.title, &program.date, &program.place}) {
    if (part->empty()) continue;
    if (!out.empty()) out += " · ";
    out += *part;
  }
  return out;
}

layout::ForumCard program_card(const LoadedProgram& program, int index, bool console) {
  layout::ForumCard card;
  const deck::Program& p = program.program;
  card.event = program_event_line(p);
  card.talks = p.talk_count();
  if (index < 0 || index >= static_cast<int>(p.items.size())) {
    card.kind = layout::CardKind::kEnd;
    return card;
  }
  const std::size_t i = static_cast<std::size_t>(index);
  const deck::ProgramItem& item = p.items[i];
  double at = p.start_minute * 60.0;
  for (std::size_t k = 0; k < i; ++k) at += program.slot_s[k];
  if (item.is_break) {
    card.kind = layout::CardKind::kBreak;
    card.countdown = base::clock_text(program.slot_s[i]);
    for (std::size_t k = i + 1; k < p.items.size(); ++k) {
      if (p.items[k].is_break) continue;
      card.talk = p.items[k].talk;
      card.title = p.items[k].title;
      card.speaker = p.items[k].speaker;
      card.affiliation = p.items[k].affiliation;
      break;
    }
    if (p.start_minute >= 0 && !card.title.empty()) {
      card.starts = show::day_clock(at + program.slot_s[i]);
    }
    return card;
  }
  card.kind = program.decks[i].loaded ? layout::CardKind::kTalk : layout::CardKind::kMissing;
  card.talk = item.talk;
  card.title = item.title;
  card.speaker = item.speaker;
  card.affiliation = item.affiliation;
  if (p.start_minute >= 0) card.starts = show::day_clock(at);
  if (console && !program.decks[i].loaded) card.problem = program.decks[i].problem;
  return card;
}

std::string program_card_theme(const LoadedProgram& program, int index) {
  const auto& items = program.program.items;
  for (std::size_t i = static_cast<std::size_t>(std::max(0, index)); i < items.size(); ++i) {
    if (items[i].is_break) continue;
    return program.decks[i].loaded ? program.decks[i].parsed.deck.meta.theme : "hall";
  }
  return "hall";
}

}  // namespace madang::app
