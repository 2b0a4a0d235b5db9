// What the remote knows of the show, and what it asks of it.
//
// Promise: plain data made on the show's thread (snapshot_of) and read on
// the server's; the JSON of /api/state and /api/events written from it
// (the audience's without the notes). Commands are plain data too: the
// show's thread turns them into show actions. Pure.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "deck/deck.h"
#include "show/show.h"

namespace madang::remote {

struct Snapshot {
  std::uint64_t version = 0;               // counts changes (the server sets it)
  std::shared_ptr<const deck::Deck> deck;  // the show's last good deck
  int deck_generation = 0;                 // changes when the deck does
  int slide = 1, slides = 0;               // numbered from 1, as on screen
  int step = 1, steps = 1;                 // likewise ("단계 1 / 2")
  std::string blank = "none";              // "black", "white"
  bool frozen = false;
  int next_slide = 0, next_step = 0;  // what Next shows; 0: the end
  // The console's figures (screens/console.h ConsoleClock), as text.
  std::string timer = "stopped";  // "running", "paused"
  std::string clock, elapsed, left, on_slide, budget, slide_delta, pace;
  std::string pace_mood = "neutral";  // "ahead", "behind", "warning"
  bool operator==(const Snapshot& o) const {
    return deck_generation == o.deck_generation && slide == o.slide && slides == o.slides &&
           step == o.step && steps == o.steps && blank == o.blank && frozen == o.frozen &&
           next_slide == o.next_slide && next_step == o.next_step && timer == o.timer &&
           clock == o.clock && elapsed == o.elapsed && left == o.left && on_slide == o.on_slide &&
           budget == o.budget && slide_delta == o.slide_delta && pace == o.pace &&
           pace_mood == o.pace_mood;
  }
};

// The show now (`talk_ms`: the talk's clock; `wall`: "14:05").
Snapshot snapshot_of(const show::Show& show, double talk_ms, const std::string& wall,
                     std::shared_ptr<const deck::Deck> deck, int deck_generation);

// The slide's text as HTML (escaped): headings, paragraphs, lists, tables,
// quotes, code, image descriptions and diagram labels, up to `step` (1-based;
// 0: every step). A PDF page's text as paragraphs.
std::string slide_html(const deck::Slide& slide, int step);

// /api/state: the snapshot as JSON; notes only with `notes`.
std::string state_json(const Snapshot& s, bool notes);

// A command from a page.
struct Command {
  enum class Kind { kNext, kPrev, kGoto, kBlack, kPointer };
  Kind kind = Kind::kNext;
  int slide = 1, step = 1;  // kGoto, from 1
  float x = 0, y = 0;       // kPointer, 0..1
  bool visible = true;      // kPointer
};

// Remembers the last sequence number each page (its client id) sent, so a
// request repeated (a retry after a dropped answer) does nothing twice.
// Bounded: the least recently heard of pages are forgotten past `capacity`.
class SequenceLog {
 public:
  explicit SequenceLog(std::size_t capacity = 64) : capacity_(capacity) {}
  // True when (client, seq) is new: seq above the last heard from client.
  bool fresh(const std::string& client, std::int64_t seq);

 private:
  std::size_t capacity_;
  std::deque<std::pair<std::string, std::int64_t>> last_;  // most recent first
};

}  // namespace madang::remote
