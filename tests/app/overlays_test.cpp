// Overlays drawn by a software renderer into a plain surface (no window, no
// video driver): opaque panels in the console's colours, text never under
// 28 px of a 1080p display, the help grouped by task and fitting the screen,
// the keypad drawn where it is hit.
//
// Screenshots.ForTheReadme draws the README's pictures (help, jump, errors,
// keypad over a slide of the lecture) at 960x540: into MADANG_OVERLAY_SHOTS=DIR
// when set (docs/images), else into a scratch folder, checked and dropped.
#include "modes/overlays.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "modes/slide_view.h"
#include "render/image.h"
#include "session/deck_loading.h"
#include "temp_dir.h"

namespace madang::app {
namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

Rgb rgb(layout::Color c) {
  return {static_cast<int>(c >> 24), static_cast<int>((c >> 16) & 0xff),
          static_cast<int>((c >> 8) & 0xff)};
}

// The console's colours (screens/screen_text.h).
constexpr Rgb kPanel{0x1c, 0x21, 0x27};
constexpr Rgb kErrorBox{0x3a, 0x1d, 0x1d};

// A software renderer drawing into a surface of w x h, and its overlays.
class Canvas {
 public:
  Canvas(int w, int h, DeckResources& resources) : w_(w), h_(h) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    renderer_ = surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
    if (renderer_) overlays_ = std::make_unique<Overlays>(renderer_, resources);
  }
  ~Canvas() {
    overlays_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  bool ok() const { return overlays_ != nullptr; }
  SDL_Renderer* renderer() { return renderer_; }
  Overlays& overlays() { return *overlays_; }
  const layout::OverlayLayout& last() const { return overlays_->last(); }

  void clear(int r, int g, int b) {
    SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(r), static_cast<Uint8>(g),
                           static_cast<Uint8>(b), 255);
    SDL_RenderClear(renderer_);
  }
  // A bright checkerboard of 8-pixel squares, like large type behind a
  // panel; `phase` swaps its two colours.
  void pattern(int phase) {
    for (int y = 0; y < h_; y += 8) {
      for (int x = 0; x < w_; x += 8) {
        const bool a = ((x / 8 + y / 8 + phase) % 2) != 0;
        SDL_SetRenderDrawColor(renderer_, a ? 255 : 20, a ? 0 : 255, a ? 200 : 60, 255);
        const SDL_Rect q{x, y, 8, 8};
        SDL_RenderFillRect(renderer_, &q);
      }
    }
  }
  void draw(const OverlayInput& in) {
    overlays_->draw(in);
    SDL_RenderPresent(renderer_);
  }
  Rgb at(int x, int y) const {
    const auto* p = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch + x * 4;
    return {p[0], p[1], p[2]};
  }
  std::vector<Rgb> pixels(const layout::Rect& r) const {
    std::vector<Rgb> out;
    for (int y = static_cast<int>(r.y); y < static_cast<int>(r.y + r.h); ++y) {
      for (int x = static_cast<int>(r.x); x < static_cast<int>(r.x + r.w); ++x) {
        out.push_back(at(x, y));
      }
    }
    return out;
  }
  render::RgbaImage image() const {
    render::RgbaImage img;
    img.width = w_;
    img.height = h_;
    img.pixels.resize(static_cast<std::size_t>(w_) * static_cast<std::size_t>(h_) * 4);
    for (int y = 0; y < h_; ++y) {
      const auto* row = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch;
      std::copy(row, row + w_ * 4,
                img.pixels.begin() + static_cast<long>(y) * static_cast<long>(w_) * 4);
    }
    return img;
  }
  int w() const { return w_; }
  int h() const { return h_; }

 private:
  int w_, h_;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<Overlays> overlays_;
};

// Every glyph run of a list: its size and where its text is.
float smallest_text(const layout::DisplayList& list) {
  float smallest = 1e9f;
  for (const layout::Command& c : list.commands) {
    if (c.kind == layout::CommandKind::kGlyphRun) smallest = std::min(smallest, c.run.size);
  }
  return smallest;
}

// The text of every line laid out, with its box in window pixels.
struct LaidLine {
  std::string text;
  layout::Rect box;
};

std::vector<LaidLine> lines_of(const layout::DisplayList& list) {
  std::vector<LaidLine> out;
  for (const layout::TextItem& item : list.texts) {
    for (const text::Line& l : item.lines) {
      out.push_back({l.text,
                     {item.rect.x + l.x, item.rect.y + l.baseline - l.ascent, l.width,
                      l.ascent + l.descent}});
    }
  }
  return out;
}

bool inside(const layout::Rect& in, const layout::Rect& r, float slack = 0.5f) {
  return in.x >= r.x - slack && in.y >= r.y - slack && in.x + in.w <= r.x + r.w + slack &&
         in.y + in.h <= r.y + r.h + slack;
}

class OverlaysTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static const deck::Deck no_deck;
    resources_ = new DeckResources(no_deck, nullptr);
  }
  static void TearDownTestSuite() {
    delete resources_;
    resources_ = nullptr;
  }

  static OverlayInput input(int w, int h, float unit) {
    OverlayInput in;
    in.width = w;
    in.height = h;
    in.unit = unit;
    in.slide_count = 23;
    return in;
  }

  // Each overlay alone, as the modes show them.
  struct Case {
    std::string name;
    OverlayInput in;
    Rgb panel;
  };
  std::vector<Case> every_overlay(int w, int h, float unit) {
    std::vector<Case> cases;
    OverlayInput help = input(w, h, unit);
    help.help = &help_;
    cases.push_back({"help", help, kPanel});
    OverlayInput jump = input(w, h, unit);
    jump.jump = "12";
    cases.push_back({"jump", jump, kPanel});
    OverlayInput errors = input(w, h, unit);
    errors.errors = {"deck.md:3:1: error: unknown node id '협동조합'",
                     "deck.md:9:4: error: unknown layout 'grid' (valid: title, split, ...)"};
    errors.error_count = 5;
    cases.push_back({"errors", errors, kErrorBox});
    pin_ = keypad_picture(open_pin(), w, h, 0);
    OverlayInput keypad = input(w, h, unit);
    keypad.keypad = &pin_;
    cases.push_back({"keypad", keypad, kPanel});
    Gate confirm;
    confirm.mode = GateMode::kConfirm;
    confirm_ = keypad_picture(confirm, w, h, 0);
    OverlayInput question = input(w, h, unit);
    question.keypad = &confirm_;
    cases.push_back({"confirm", question, kPanel});
    return cases;
  }
  static Gate open_pin() {
    Gate g;
    g.mode = GateMode::kPin;
    g.typed = "12";
    g.note = GateNote::kWrong;
    return g;
  }

  static DeckResources* resources_;
  const std::vector<HelpLine> help_ = help_lines(default_bindings(), diagram_bindings());
  KeypadPicture pin_, confirm_;
};

DeckResources* OverlaysTest::resources_ = nullptr;

TEST_F(OverlaysTest, NothingToShowDrawsNothing) {
  Canvas c(1280, 720, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  const OverlayInput in = input(1280, 720, 1);
  EXPECT_FALSE(Overlays::visible(in));
  c.clear(255, 255, 255);
  c.draw(in);
  for (int y = 0; y < 720; y += 40) {
    for (int x = 0; x < 1280; x += 40) ASSERT_EQ(c.at(x, y), (Rgb{255, 255, 255})) << x << "," << y;
  }
}

// Nothing behind a panel shows through it: drawn over two patterns that
// differ in every pixel, each panel comes out the same, and its margins are
// the panel's colour exactly.
TEST_F(OverlaysTest, EveryPanelIsOpaqueInTheConsolesColours) {
  Canvas c(1920, 1080, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  for (const Case& k : every_overlay(1920, 1080, 1)) {
    c.pattern(0);
    c.draw(k.in);
    const std::vector<layout::Rect> panels = c.last().panels;
    ASSERT_FALSE(panels.empty()) << k.name;
    std::vector<std::vector<Rgb>> first;
    for (const layout::Rect& p : panels) first.push_back(c.pixels(p));
    c.pattern(1);
    c.draw(k.in);
    for (std::size_t i = 0; i < panels.size(); ++i) {
      const layout::Rect& p = panels[i];
      const std::vector<Rgb> second = c.pixels(p);
      // Corners are round: what is outside them may differ.
      const int r = 20;
      for (std::size_t j = 0; j < second.size(); ++j) {
        const int x = static_cast<int>(j % static_cast<std::size_t>(p.w));
        const int y = static_cast<int>(j / static_cast<std::size_t>(p.w));
        const bool corner = (x < r || x >= p.w - r) && (y < r || y >= p.h - r);
        if (!corner && !(first[i][j] == second[j])) {
          FAIL() << k.name << ": the slide shows through at " << p.x + x << "," << p.y + y;
        }
      }
      // The margin inside the edge: the panel's colour.
      for (int x = static_cast<int>(p.x) + r; x < static_cast<int>(p.x + p.w) - r; x += 3) {
        ASSERT_EQ(c.at(x, static_cast<int>(p.y) + 8), k.panel) << k.name << " at x " << x;
      }
      for (int y = static_cast<int>(p.y) + r; y < static_cast<int>(p.y + p.h) - r; y += 3) {
        ASSERT_EQ(c.at(static_cast<int>(p.x) + 8, y), k.panel) << k.name << " at y " << y;
      }
    }
  }
}

// Legible from a lectern: no overlay text under 28 px on a 1080p display,
// twice that on a 2160p one, and in proportion on a 720p one.
TEST_F(OverlaysTest, TextIsNeverUnder28PixelsOfA1080pDisplay) {
  struct Screen {
    int w, h;
    float unit;
  };
  for (const Screen s :
       {Screen{1920, 1080, 1}, Screen{3840, 2160, 2}, Screen{1280, 720, 720.0f / 1080}}) {
    Canvas c(s.w, s.h, *resources_);
    ASSERT_TRUE(c.ok()) << SDL_GetError();
    for (const Case& k : every_overlay(s.w, s.h, s.unit)) {
      c.clear(0, 0, 0);
      c.draw(k.in);
      EXPECT_GE(smallest_text(c.last().list), 28 * s.unit - 0.5f) << k.name << " at " << s.h;
    }
  }
  // Measured in pixels too: a line of Hangul in the help is at least 24 px of
  // ink from the top of its tallest syllable to the foot of its lowest.
  Canvas c(1920, 1080, *resources_);
  OverlayInput in = input(1920, 1080, 1);
  in.help = &help_;
  c.clear(0, 0, 0);
  c.draw(in);
  for (const LaidLine& l : lines_of(c.last().list)) {
    if (l.text.rfind("이전", 0) != 0) continue;
    int top = 100000, bottom = -1;
    for (int y = static_cast<int>(l.box.y) - 4; y < static_cast<int>(l.box.y + l.box.h) + 4; ++y) {
      for (int x = static_cast<int>(l.box.x); x < static_cast<int>(l.box.x) + 50; ++x) {
        const Rgb p = c.at(x, y);
        if (p.r + p.g + p.b > 3 * 140) {
          top = std::min(top, y);
          bottom = std::max(bottom, y);
        }
      }
    }
    EXPECT_GE(bottom - top + 1, 24) << "the ink of 이전";
  }
}

// The help fits one screen at the display's size, 1080p and 720p alike: every
// line inside the panel, the panel inside the window, nothing shrunk; a
// window smaller than its display gets it smaller, never cut.
TEST_F(OverlaysTest, TheHelpFitsTheScreenWithoutShrinking) {
  struct Screen {
    int w, h;
    float unit;
    bool shrinks;
  };
  for (const Screen s : {Screen{1920, 1080, 1, false}, Screen{1280, 720, 720.0f / 1080, false},
                         Screen{1280, 720, 1, true}, Screen{1024, 768, 1, true}}) {
    Canvas c(s.w, s.h, *resources_);
    ASSERT_TRUE(c.ok()) << SDL_GetError();
    OverlayInput in = input(s.w, s.h, s.unit);
    in.help = &help_;
    c.clear(255, 255, 255);
    c.draw(in);
    const layout::OverlayLayout& l = c.last();
    ASSERT_EQ(l.panels.size(), 1u);
    const layout::Rect window{0, 0, static_cast<float>(s.w), static_cast<float>(s.h)};
    const layout::Rect& panel = l.panels[0];
    EXPECT_TRUE(inside(panel, window)) << s.w << "x" << s.h;
    if (s.shrinks) {
      EXPECT_LT(l.help_scale, 1.0f) << s.w << "x" << s.h;
    } else {
      EXPECT_EQ(l.help_scale, 1.0f) << s.w << "x" << s.h;
    }
    const std::vector<LaidLine> lines = lines_of(l.list);
    ASSERT_GT(lines.size(), 20u);
    for (const LaidLine& line : lines) {
      EXPECT_TRUE(inside(line.box, panel)) << s.w << "x" << s.h << ": " << line.text;
    }
    // The window's edge is the slide's: the panel was not cut by it.
    for (int x = 0; x < s.w; x += 2) {
      ASSERT_EQ(c.at(x, 0), (Rgb{255, 255, 255}));
      ASSERT_EQ(c.at(x, s.h - 1), (Rgb{255, 255, 255}));
    }
  }
}

// Grouped by task: every group's title, and under it, in its column, the
// keys of that task.
TEST_F(OverlaysTest, TheHelpIsGroupedByTaskUnderTheirTitles) {
  Canvas c(1920, 1080, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  OverlayInput in = input(1920, 1080, 1);
  in.help = &help_;
  c.clear(0, 0, 0);
  c.draw(in);
  const std::vector<LaidLine> lines = lines_of(c.last().list);
  // The line a text starts (a long one wraps: its first line starts it).
  auto find = [&](const std::string& s) -> const LaidLine* {
    for (const LaidLine& l : lines) {
      const std::string line = l.text.substr(0, l.text.find_last_not_of(' ') + 1);
      if (!line.empty() && (l.text.rfind(s, 0) == 0 || s.rfind(line, 0) == 0)) return &l;
    }
    return nullptr;
  };
  EXPECT_EQ(c.last().help_columns, 2);
  for (HelpTask task : kHelpTasks) {
    const std::string title = help_task_title(task);
    const LaidLine* t = find(title);
    ASSERT_NE(t, nullptr) << title;
    for (const HelpLine& h : help_) {
      if (h.task != task) continue;
      const LaidLine* e = find(h.korean);
      ASSERT_NE(e, nullptr) << h.korean;
      EXPECT_GT(e->box.y, t->box.y) << h.korean << " under " << title;
      // In the title's column: right of its start, within a column's width.
      EXPECT_GT(e->box.x, t->box.x) << h.korean << " in the column of " << title;
      EXPECT_LT(e->box.x, t->box.x + 960 * 0.9f) << h.korean << " in the column of " << title;
      // Each key its own keycap.
      for (const std::string& key : h.names) EXPECT_NE(find(key), nullptr) << key;
    }
  }
  // Moving comes first, top left.
  EXPECT_LT(find(help_task_title(HelpTask::kMoving))->box.x, 200);
  EXPECT_LT(find(help_task_title(HelpTask::kMoving))->box.y, 250);
}

// What is seen is what is hit: every key of the keypad is drawn in the rect
// input/keypad.h hit-tests, finger-sized, with the panel's colour between.
TEST_F(OverlaysTest, TheKeypadIsDrawnWhereItIsHit) {
  for (const auto& [w, h] : {std::pair{1920, 1080}, {1280, 800}}) {
    Canvas c(w, h, *resources_);
    ASSERT_TRUE(c.ok()) << SDL_GetError();
    const KeypadPicture pad = keypad_picture(open_pin(), w, h, 0);
    OverlayInput in = input(w, h, static_cast<float>(h) / 1080);
    in.keypad = &pad;
    c.pattern(0);
    c.draw(in);
    std::set<int> fills;
    for (const PadButton& b : pad.layout.buttons) {
      const layout::Rect& r = b.rect;
      EXPECT_GE(r.h, 56) << b.label;
      // Left of its label, half way down: the key's face, and a tap there hits it.
      const int x = static_cast<int>(r.x) + 6, y = static_cast<int>(r.y + r.h / 2);
      const Rgb face = c.at(x, y);
      EXPECT_NE(face, kPanel) << b.label;
      fills.insert(face.r * 65536 + face.g * 256 + face.b);
      const PadButton* hit = keypad_hit(pad.layout, static_cast<float>(x), static_cast<float>(y));
      ASSERT_NE(hit, nullptr) << b.label;
      EXPECT_EQ(hit->label, b.label);
      // Just outside it, in the gap: the panel.
      EXPECT_EQ(c.at(static_cast<int>(r.x) - 3, y), kPanel) << b.label;
      EXPECT_EQ(c.at(static_cast<int>(r.x + r.w) + 2, y), kPanel) << b.label;
    }
    EXPECT_EQ(fills.size(), 3u) << "digits, the actions and 확인 each look their own";
  }
}

TEST_F(OverlaysTest, JumpNumberSitsAtTheBottomCentre) {
  Canvas c(1280, 720, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  OverlayInput in = input(1280, 720, 720.0f / 1080);
  in.jump = "12";
  c.clear(255, 255, 255);
  c.draw(in);
  EXPECT_EQ(c.at(640, 180), (Rgb{255, 255, 255}));
  ASSERT_EQ(c.last().panels.size(), 1u);
  const layout::Rect& p = c.last().panels[0];
  EXPECT_NEAR(p.x + p.w / 2, 640, 1);
  EXPECT_GT(p.y, 720 / 2);
  bool twelve = false;
  for (const LaidLine& l : lines_of(c.last().list)) twelve |= l.text.rfind("12", 0) == 0;
  EXPECT_TRUE(twelve);
}

// An error quoting the deck shows its own characters (the glyph cache has
// every character the fonts have: nothing to build first).
TEST_F(OverlaysTest, ErrorsAreARedBoxAtTheBottomLeftInTheirOwnWords) {
  Canvas c(1280, 720, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  OverlayInput in = input(1280, 720, 720.0f / 1080);
  in.errors = {"deck.md:3:1: error: unknown node id '협동조합'"};
  in.error_count = 1;
  c.clear(255, 255, 255);
  c.draw(in);
  EXPECT_EQ(c.at(26, 720 - 26), kErrorBox);  // inside the box, left of and below its text
  EXPECT_EQ(c.at(1280 - 5, 5), (Rgb{255, 255, 255}));
  bool quoted = false;
  for (const LaidLine& l : lines_of(c.last().list)) {
    quoted |= l.text.find("'협동조합'") != std::string::npos;
  }
  EXPECT_TRUE(quoted);
  for (const layout::Command& cmd : c.last().list.commands) {
    if (cmd.kind != layout::CommandKind::kGlyphRun) continue;
    for (const text::Glyph& g : cmd.run.glyphs) EXPECT_NE(g.id, 0u) << cmd.run.text;
  }
}

// More errors than half the window holds: the rest are counted, not drawn.
TEST_F(OverlaysTest, ManyErrorsStayInTheLowerHalf) {
  Canvas c(1280, 720, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  OverlayInput in = input(1280, 720, 720.0f / 1080);
  for (int i = 0; i < 30; ++i) in.errors.push_back("deck.md:" + std::to_string(i) + ":1: error");
  in.error_count = 40;
  c.clear(255, 255, 255);
  c.draw(in);
  ASSERT_EQ(c.last().panels.size(), 1u);
  EXPECT_GE(c.last().panels[0].y, 720 / 2 - 1);
  bool more = false;
  for (const LaidLine& l : lines_of(c.last().list))
    more |= l.text.find(" more") != std::string::npos;
  EXPECT_TRUE(more);
}

TEST_F(OverlaysTest, OverviewFillsTheWindowAndFramesTheCursor) {
  Canvas c(1280, 720, *resources_);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  const OverviewGrid grid = overview_grid(4, 1280, 720, 16.0f / 9.0f, 28);
  OverlayInput in = input(1280, 720, 720.0f / 1080);
  in.grid = &grid;
  in.thumbs = {nullptr, nullptr, nullptr, nullptr};  // placeholders
  in.cursor = 3;
  c.clear(255, 255, 255);
  c.draw(in);
  EXPECT_EQ(c.at(2, 2), rgb(layout::kOverviewBackdrop));
  // The cursor's accent frame just outside thumbnail 4.
  const layout::Rect& r = grid.thumbs[3];
  const Rgb frame = c.at(static_cast<int>(r.x + r.w / 2), static_cast<int>(r.y) - 4);
  EXPECT_GT(frame.b, 200);
  EXPECT_LT(frame.r, 140);
}

// ------------------------------------------------------------ screenshots

// Half size, each pixel the mean of four: the README's pictures.
render::RgbaImage half(const render::RgbaImage& in) {
  render::RgbaImage out;
  out.width = in.width / 2;
  out.height = in.height / 2;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      for (int k = 0; k < 4; ++k) {
        int sum = 0;
        for (int dy = 0; dy < 2; ++dy) {
          for (int dx = 0; dx < 2; ++dx) {
            sum += in.pixels[(static_cast<std::size_t>(2 * y + dy) *
                                  static_cast<std::size_t>(in.width) +
                              static_cast<std::size_t>(2 * x + dx)) *
                                 4 +
                             static_cast<std::size_t>(k)];
          }
        }
        out.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) +
                    static_cast<std::size_t>(x)) *
                       4 +
                   static_cast<std::size_t>(k)] = static_cast<std::uint8_t>((sum + 2) / 4);
      }
    }
  }
  return out;
}

TEST(Screenshots, ForTheReadme) {
  const char* asked = std::getenv("MADANG_OVERLAY_SHOTS");
  const test::TempDir scratch("overlay-shots");
  const std::string dir = asked ? std::string(asked) : scratch.path().string();
  const std::filesystem::path lecture =
      std::filesystem::path(__FILE__).parent_path() / "../../slides/lecture.md";
  deck::ParseResult parsed = load_deck_checked(lecture.string());
  ASSERT_FALSE(parsed.deck.slides.empty()) << lecture;
  const deck::Deck& deck = parsed.deck;
  DeckResources resources(deck, nullptr);
  Canvas c(1920, 1080, resources);
  ASSERT_TRUE(c.ok()) << SDL_GetError();
  SlideView view(c.renderer(), resources);
  const std::vector<HelpLine> help = help_lines(default_bindings(), diagram_bindings());
  Gate gate;
  gate.mode = GateMode::kPin;
  gate.typed = "24";
  gate.note = GateNote::kWrong;
  const KeypadPicture pad = keypad_picture(gate, 1920, 1080, 0);

  struct Shot {
    const char* name;
    int slide;
    OverlayInput in;
  };
  OverlayInput base;
  base.width = 1920;
  base.height = 1080;
  base.unit = 1;
  base.slide_count = static_cast<int>(deck.slides.size());
  Shot shots[4] = {{"overlay-help", 4, base},
                   {"overlay-jump", 4, base},
                   {"overlay-errors", 16, base},
                   {"overlay-keypad", 16, base}};
  shots[0].in.help = &help;
  shots[1].in.jump = "17";
  shots[2].in.errors = {
      "lecture.md:104:11: error: unknown node id '시민'; did you mean '시민사회'?",
      "lecture.md:12:9: error: unknown layout 'grid'; did you mean 'split'?"};
  shots[2].in.error_count = 2;
  shots[3].in.keypad = &pad;
  for (const Shot& s : shots) {
    c.clear(0, 0, 0);
    view.draw(deck, s.slide, layout::SlideState{}, slide_rect(1920, 1080, deck.meta));
    c.draw(s.in);
    const std::string path = dir + "/" + s.name + ".png";
    std::string error;
    ASSERT_TRUE(render::write_png(half(c.image()), path, &error)) << error;
    // A picture with text on it, not a flat panel (which compresses to a few KB).
    EXPECT_GT(std::filesystem::file_size(path), 30'000u) << path;
  }
}

}  // namespace
}  // namespace madang::app
