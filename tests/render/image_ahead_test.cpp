// Images decoded ahead of need (render/image_ahead.h): the worker's image
// lands in the cache under the very key get_for_size looks up (so the draw
// does not decode: the file is spoiled before the draw and the draw still
// gets the picture), with the same pixels get_for_size would have made; the
// worker stops after the image in hand; what waits to be taken stays
// within the budget; a clear() drops what was decoded for the old deck.
#include "render/image_ahead.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "noise_image.h"
#include "render/image.h"
#include "temp_dir.h"

namespace madang::render {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

RgbaImage noise(int w, int h) {
  return test::noise_image(w, h, 2463534242u);
}

// `n` paths to the same PNG of w x h (hard links: each is its own file to the cache).
std::vector<std::string> photos(const test::TempDir& dir, int n, int w, int h) {
  const std::string first = dir.file("photo-0.png");
  std::string error;
  EXPECT_TRUE(write_png(noise(w, h), first, &error)) << error;
  std::vector<std::string> paths{first};
  for (int i = 1; i < n; ++i) {
    paths.push_back(dir.file("photo-" + std::to_string(i) + ".png"));
    fs::create_hard_link(first, paths.back());
  }
  return paths;
}

// Replaces the file with bytes no decoder takes: a draw that decodes now fails.
void spoil(const std::string& path) {
  fs::remove(path);  // a new file: the other links keep the picture
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("not an image any more", f);
  std::fclose(f);
}

TEST(ImageAhead, TheNextSlidesImageIsInTheCacheBeforeItsDrawAndTheDrawDoesNotDecode) {
  test::TempDir dir("image-ahead");
  const std::string photo = photos(dir, 1, 640, 480)[0];
  const std::vector<deck::ImageFilter> none, blurred{{deck::FilterKind::kBlur, 8}};
  // Reduced by 4 (drawn at 160x120), and whole with a blur (drawn larger
  // than the file): both of get_for_size's keys.
  const std::vector<ImageWant> wants{{photo, none, 160, 120}, {photo, blurred, 800, 600}};
  // What get_for_size makes of them, by itself.
  ImageCache reference;
  std::vector<RgbaImage> expected;
  for (const ImageWant& w : wants) {
    const RgbaImage* img = reference.get_for_size(w.path, w.filters, w.want_w, w.want_h);
    ASSERT_NE(img, nullptr);
    expected.push_back(*img);
  }
  ASSERT_EQ(expected[0].width, 160);

  ImageCache cache;
  ImageAhead ahead;
  ahead.ask(cache, wants);
  ahead.wait_idle();
  EXPECT_EQ(ahead.stats().decoded, 2u);
  for (const ImageWant& w : wants)
    EXPECT_FALSE(cache.holds_for_size(w.path, w.filters, w.want_w, w.want_h))
        << "in the cache before it was delivered on the cache's thread";
  EXPECT_EQ(ahead.deliver(cache), 2);
  for (const ImageWant& w : wants)
    EXPECT_TRUE(cache.holds_for_size(w.path, w.filters, w.want_w, w.want_h));

  // The draw: the file cannot be decoded any more, yet the sink's call
  // answers with the picture, the one get_for_size would have made.
  spoil(photo);
  for (std::size_t i = 0; i < wants.size(); ++i) {
    const ImageWant& w = wants[i];
    std::string error;
    const RgbaImage* drawn = cache.get_for_size(w.path, w.filters, w.want_w, w.want_h, &error);
    ASSERT_NE(drawn, nullptr) << "decoded at the draw: " << error;
    EXPECT_EQ(drawn->width, expected[i].width);
    EXPECT_EQ(drawn->height, expected[i].height);
    EXPECT_TRUE(drawn->pixels == expected[i].pixels) << "not what get_for_size makes";
  }
  // Asked again, nothing is decoded twice.
  ahead.ask(cache, wants);
  ahead.wait_idle();
  EXPECT_EQ(ahead.stats().decoded, 2u);
}

TEST(ImageAhead, ADrawWaitsForTheImageInHandAndDropsTheQueuedOnesItDecodesItself) {
  test::TempDir dir("image-ahead-wait");
  const std::vector<std::string> paths = photos(dir, 3, 1600, 1200);
  ImageCache cache;
  ImageAhead ahead;
  std::vector<ImageWant> wants;
  for (const std::string& p : paths) wants.push_back({p, {}, 1600, 1200});
  ahead.ask(cache, wants);
  // The draw needs them all now: the worker's image in hand is waited for
  // and handed over, the rest are left to the draw.
  ahead.deliver(cache, wants);
  const ImageAhead::Stats s = ahead.stats();
  EXPECT_EQ(s.queued, 0u);
  EXPECT_LE(s.decoded, 1u);
  ahead.wait_idle();
  EXPECT_LE(ahead.stats().decoded, 1u) << "the worker decoded what the draw decodes";
}

TEST(ImageAhead, StopsAfterTheImageInHand) {
  test::TempDir dir("image-ahead-stop");
  // Large enough that one decode is tens of ms: sixteen are hundreds.
  const std::vector<std::string> paths =
      photos(dir, static_cast<int>(ImageAhead::kMaxQueued), 3000, 2000);
  const auto t0 = Clock::now();
  ASSERT_NE(decode_for_size(paths[0], {}, 3000, 2000).image, nullptr);
  const double one_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  std::vector<ImageWant> wants;
  for (const std::string& p : paths) wants.push_back({p, {}, 3000, 2000});
  double stop_ms = 0;
  {
    ImageCache cache;
    auto ahead = std::make_unique<ImageAhead>(std::size_t{1} << 30);
    ahead->ask(cache, wants);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the first is in hand
    const auto t1 = Clock::now();
    ahead.reset();
    stop_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  }
  // The image in hand at most (with room for a loaded machine), never the
  // sixteen queued.
  EXPECT_LT(stop_ms, 3 * one_ms + 50) << "one decode takes " << one_ms << " ms";
}

TEST(ImageAhead, WhatWaitsToBeTakenStaysWithinTheBudget) {
  test::TempDir dir("image-ahead-budget");
  const std::vector<std::string> paths = photos(dir, 8, 400, 300);
  const std::size_t one = 400u * 300u * 4u;
  ImageCache cache;
  ImageAhead ahead(one * 5 / 2);  // two and a half images
  std::vector<ImageWant> wants;
  for (const std::string& p : paths) wants.push_back({p, {}, 400, 300});
  ahead.ask(cache, wants);
  ahead.wait_idle();  // the worker waits for room
  ImageAhead::Stats s = ahead.stats();
  EXPECT_EQ(s.decoded, 2u);
  EXPECT_EQ(s.waiting_bytes, 2 * one);
  EXPECT_EQ(s.queued, 6u);
  // Taken: room again, two more.
  EXPECT_EQ(ahead.deliver(cache), 2);
  ahead.wait_idle();
  s = ahead.stats();
  EXPECT_EQ(s.decoded, 4u);
  EXPECT_LE(s.peak_waiting_bytes, one * 5 / 2);
  // An image larger than the whole budget still comes, once nothing else waits.
  ImageAhead small(one / 2);
  small.ask(cache, {{paths[7], {}, 200, 150}, {paths[6], {}, 400, 300}, {paths[5], {}, 400, 300}});
  small.wait_idle();
  EXPECT_EQ(small.stats().decoded, 1u) << "the 200x150 one; the next waits for it to be taken";
  EXPECT_EQ(small.deliver(cache), 1);
  small.wait_idle();
  EXPECT_EQ(small.stats().decoded, 2u);
  EXPECT_EQ(small.stats().waiting_bytes, one) << "alone over the budget";
  EXPECT_EQ(small.stats().queued, 1u);
}

TEST(ImageAhead, ClearDropsWhatWasDecodedForTheOldDeck) {
  test::TempDir dir("image-ahead-clear");
  const std::vector<std::string> paths = photos(dir, 2, 400, 300);
  ImageCache cache;
  ImageAhead ahead;
  ahead.ask(cache, {{paths[0], {}, 400, 300}, {paths[1], {}, 400, 300}});
  ahead.wait_idle();
  ahead.clear();
  EXPECT_EQ(ahead.deliver(cache), 0);
  EXPECT_FALSE(cache.holds_for_size(paths[0], {}, 400, 300));
  EXPECT_EQ(ahead.stats().waiting_bytes, 0u);
}

}  // namespace
}  // namespace madang::render
