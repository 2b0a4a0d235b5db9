// The hall's transitions as a window shows them: HallView drawing into a
// software renderer over a surface in the X11 window surface's format
// (XRGB8888), mid-way through a crossfade, a slide and a fragment's fade.
// The pictures are opaque slides composited as copies and constant-alpha
// blends (modes/slide_view.cpp): these tests hold the pixels to the blend the
// transition asks for, so a shortcut that drops the fade, darkens it through
// the letterbox colour or leaves a stale picture fails here.
#include "modes/hall_view.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "deck/parse.h"
#include "diagram/interaction.h"
#include "modes/deck_resources.h"

namespace madang::app {
namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// Three slides of flat colours (no text), the second with a fragment: a
// block of another colour that appears on step 1.
constexpr const char* kDeck =
    "---\ntransition: fade\n---\n\n"
    "<!-- _backgroundColor: #c81e1e -->\n\n"
    "---\n\n"
    "<!-- _backgroundColor: #1e3cc8 -->\n"
    "<!-- transition: slide -->\n\n"
    "---\n\n"
    "<!-- _backgroundColor: #14a032 -->\n";

class HallCanvas {
 public:
  HallCanvas(int w, int h, const deck::Deck& deck) : w_(w), h_(h) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    renderer_ = surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
    std::vector<std::string> warnings;
    resources_ = std::make_unique<DeckResources>(deck, &warnings);
    if (renderer_) view_ = std::make_unique<HallView>(renderer_, *resources_);
  }
  ~HallCanvas() {
    view_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
  }
  HallCanvas(const HallCanvas&) = delete;
  HallCanvas& operator=(const HallCanvas&) = delete;

  bool ok() const { return view_ != nullptr; }
  HallView& view() { return *view_; }
  void draw(const deck::Deck& deck, const show::HallPicture& picture, double now_ms) {
    view_->draw(deck, picture, w_, h_, now_ms);
    SDL_RenderFlush(renderer_);
  }
  Rgb at(int x, int y) const {
    const auto* row = static_cast<const std::uint8_t*>(surface_->pixels) + y * surface_->pitch;
    Uint8 r = 0, g = 0, b = 0;
    SDL_GetRGB(reinterpret_cast<const Uint32*>(row)[x], surface_->format, &r, &g, &b);
    return {r, g, b};
  }

 private:
  int w_, h_;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<DeckResources> resources_;
  std::unique_ptr<HallView> view_;
};

show::HallPicture picture_of(int slide) {
  show::HallPicture p;
  p.slide = slide;
  return p;
}

void expect_near(const Rgb& got, const Rgb& want, int tolerance, const char* where) {
  EXPECT_NEAR(got.r, want.r, tolerance) << where;
  EXPECT_NEAR(got.g, want.g, tolerance) << where;
  EXPECT_NEAR(got.b, want.b, tolerance) << where;
}

Rgb mix(const Rgb& from, const Rgb& to, float t) {
  auto m = [t](int a, int b) { return static_cast<int>(a + (b - a) * t + 0.5f); };
  return {m(from.r, to.r), m(from.g, to.g), m(from.b, to.b)};
}

constexpr Rgb kRed{0xc8, 0x1e, 0x1e}, kBlue{0x1e, 0x3c, 0xc8}, kGreen{0x14, 0xa0, 0x32};

class HallViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    deck::ParseResult r = deck::parse_deck(kDeck, "hall.md");
    ASSERT_EQ(r.deck.slides.size(), 3u);
    deck_ = std::move(r.deck);
  }
  deck::Deck deck_;
};

TEST_F(HallViewTest, ACrossfadeBlendsTheTwoSlidesNeverTheLetterbox) {
  HallCanvas canvas(320, 180, deck_);
  ASSERT_TRUE(canvas.ok()) << SDL_GetError();
  canvas.draw(deck_, picture_of(1), 0);
  expect_near(canvas.at(160, 90), kBlue, 1, "before");
  // Slide 2 -> 3 (the deck's fade), at several moments of it.
  canvas.view().begin(deck_, 1, {}, picture_of(2), 320, 180, 1000);
  ASSERT_TRUE(canvas.view().animating(1000));
  Transition t;
  t.kind = TransitionKind::kFade;
  t.start_ms = 1000;
  for (double ms : {1000.0 + 25, 1000.0 + 80, 1000.0 + 160}) {
    canvas.draw(deck_, picture_of(2), ms);
    const float p = transition_progress(t, ms);
    ASSERT_GT(p, 0.0f);
    ASSERT_LT(p, 1.0f);
    const Rgb want = mix(kBlue, kGreen, p);
    expect_near(canvas.at(10, 10), want, 3, "corner");
    expect_near(canvas.at(300, 40), want, 3, "other corner");
  }
  canvas.draw(deck_, picture_of(2), 1000 + kTransitionMs + 1);
  EXPECT_FALSE(canvas.view().animating(1000 + kTransitionMs + 1));
  expect_near(canvas.at(160, 90), kGreen, 1, "after");
}

TEST_F(HallViewTest, ASlideTransitionShowsBothPicturesSideBySide) {
  HallCanvas canvas(320, 180, deck_);
  ASSERT_TRUE(canvas.ok()) << SDL_GetError();
  canvas.draw(deck_, picture_of(0), 0);
  // Slide 1 -> 2: slide 2's own transition (slide), coming in from the right.
  canvas.view().begin(deck_, 0, {}, picture_of(1), 320, 180, 0);
  canvas.draw(deck_, picture_of(1), 60);
  Transition t;
  t.kind = TransitionKind::kSlide;
  const TransitionFrame f = transition_frame(t, transition_progress(t, 60), 320);
  ASSERT_GT(f.in_x, 10);
  ASSERT_LT(f.in_x, 310);
  const int edge = static_cast<int>(f.in_x);
  expect_near(canvas.at(edge - 8, 90), kRed, 1, "outgoing part");
  expect_near(canvas.at(edge + 8, 90), kBlue, 1, "incoming part");
  // Back, 2 -> 1: slide 1's transition is the deck's fade.
  canvas.view().begin(deck_, 1, {}, picture_of(0), 320, 180, 1000);
  canvas.draw(deck_, picture_of(0), 1060);
  t.kind = TransitionKind::kFade;
  t.start_ms = 1000;
  expect_near(canvas.at(160, 90), mix(kBlue, kRed, transition_progress(t, 1060)), 3, "fading back");
}

TEST_F(HallViewTest, AJumpShowsTheNewSlideAtOnce) {
  HallCanvas canvas(320, 180, deck_);
  ASSERT_TRUE(canvas.ok()) << SDL_GetError();
  canvas.draw(deck_, picture_of(0), 0);
  canvas.view().begin(deck_, 0, {}, picture_of(2), 320, 180, 0);
  canvas.view().skip_transition();
  canvas.draw(deck_, picture_of(2), 10);
  expect_near(canvas.at(160, 90), kGreen, 1, "jumped");
}

// A slide whose background is translucent shows over the letterbox black, as
// a window cleared to black shows it, never over the slide drawn before it
// (the kept picture and a transition's pictures are reused textures).
TEST(HallViewKept, ATranslucentBackgroundShowsOverBlackNotTheSlideBefore) {
  deck::ParseResult r = deck::parse_deck(
      "<!-- _backgroundColor: #1e3cc8 -->\n\n---\n\n"
      "<!-- _backgroundColor: rgba(200, 30, 30, 0.5) -->\n",
      "translucent.md");
  ASSERT_EQ(r.deck.slides.size(), 2u);
  const deck::Deck& deck = r.deck;
  HallCanvas canvas(320, 180, deck);
  ASSERT_TRUE(canvas.ok()) << SDL_GetError();
  canvas.draw(deck, picture_of(0), 0);
  expect_near(canvas.at(160, 90), kBlue, 1, "opaque slide");
  const Rgb half_red{100, 15, 15};
  canvas.draw(deck, picture_of(1), 10);  // straight after it
  expect_near(canvas.at(160, 90), half_red, 2, "drawn after the blue slide");
  // Through a transition (its pictures are textures drawn before too).
  canvas.view().begin(deck, 1, {}, picture_of(0), 320, 180, 100);
  canvas.draw(deck, picture_of(0), 100 + kTransitionMs + 1);
  canvas.view().begin(deck, 0, {}, picture_of(1), 320, 180, 1000);
  canvas.draw(deck, picture_of(1), 1000 + kTransitionMs + 1);
  expect_near(canvas.at(160, 90), half_red, 2, "after a transition");
  canvas.view().begin(deck, 0, {}, picture_of(1), 320, 180, 2000);
  canvas.draw(deck, picture_of(1), 2000 + kTransitionMs - 1);  // its last moment
  expect_near(canvas.at(160, 90), half_red, 6, "at a transition's end");
}

// A diagram's selection animating: the hall draws only the part that changed
// into its kept picture (layout/damage.h), and what the window shows is what
// a whole draw of the same state shows, pixel for pixel, at every moment.
TEST(HallViewKept, ADiagramAnimatingRedrawsOnlyItsPartAndMatchesAWholeDraw) {
  const std::filesystem::path lecture =
      std::filesystem::path(__FILE__).parent_path() / "../../slides/lecture.md";
  deck::ParseResult parsed = deck::load_deck(lecture.string());
  ASSERT_FALSE(parsed.deck.slides.empty()) << lecture;
  const deck::Deck& deck = parsed.deck;
  int slide = -1;
  for (int i = 0; i < static_cast<int>(deck.slides.size()) && slide < 0; ++i)
    if (diagram::has_diagrams(deck.slides[static_cast<std::size_t>(i)])) slide = i;
  ASSERT_GE(slide, 0);
  const deck::Slide& s = deck.slides[static_cast<std::size_t>(slide)];
  constexpr int kW = 640, kH = 360;
  HallCanvas kept(kW, kH, deck);
  ASSERT_TRUE(kept.ok()) << SDL_GetError();
  show::HallPicture picture = picture_of(slide);
  kept.draw(deck, picture, 0);
  EXPECT_EQ(kept.view().slides().last_redrawn().w, kW);  // the first draw: all of it

  // Click each element in turn and follow its animation frame by frame.
  const layout::DisplayList* list = kept.view().laid_out(deck, picture, kW, kH);
  ASSERT_NE(list, nullptr);
  std::vector<std::string> ids;
  for (const layout::HitRegion& h : list->hits) ids.push_back(h.id);
  ASSERT_GE(ids.size(), 2u);
  int partial = 0, frames = 0;
  for (const std::string& id : ids) {
    const diagram::Update u = diagram::activate(s, picture.state, id);
    if (!u.handled) continue;
    picture.state = u.state;
    for (int frame = 0; frame < 5 && diagram::animating(picture.state); ++frame) {
      picture.state = diagram::tick(picture.state, diagram::kAnimationSeconds / 4);
      kept.draw(deck, picture, 0);
      const layout::Rect area = kept.view().slides().last_redrawn();
      ++frames;
      if (area.w * area.h < 0.9f * kW * kH) ++partial;
      HallCanvas whole(kW, kH, deck);  // nothing kept: draws everything
      whole.draw(deck, picture, 0);
      int differing = 0;
      for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
          const Rgb a = kept.at(x, y), b = whole.at(x, y);
          differing += a.r != b.r || a.g != b.g || a.b != b.b;
        }
      ASSERT_EQ(differing, 0) << "element " << id << ", frame " << frame << ": redrawn " << area.x
                              << "," << area.y << " " << area.w << "x" << area.h;
    }
  }
  // The selection's fade starts, runs and ends inside the diagram (the first
  // selection's outline comes as commands the kept list did not have).
  EXPECT_GT(frames, 4);
  EXPECT_EQ(partial, frames) << "frames that redrew (nearly) the whole slide";
}

}  // namespace
}  // namespace madang::app
