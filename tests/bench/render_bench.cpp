// Frame time of a text-heavy 1080p slide with the software renderer, and PNG
// encoding time for it (stb_image_write at several levels; libpng for comparison).
#include <SDL.h>
#include <benchmark/benchmark.h>
#include <stb_image_write.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "render/headless.h"
#include "render/image.h"
#include "render/render.h"
#include "text/text.h"

#ifdef MADANG_BENCH_LIBPNG
#include <png.h>
#endif

namespace {

using namespace madang;

// A lecture slide at its densest: a title, 14 lines of body text at 40 px in
// two styles, a few cards and rules.
layout::DisplayList text_heavy(text::FontSystem& fonts) {
  layout::DisplayList l;
  l.width = 1920;
  l.height = 1080;
  l.background = 0xfaf8f2ff;
  auto add_rect = [&](layout::Rect r, layout::Color c, float radius) {
    layout::Command cmd;
    cmd.kind = layout::CommandKind::kFillRect;
    cmd.rect = r;
    cmd.color = c;
    cmd.radius = radius;
    l.commands.push_back(cmd);
  };
  add_rect({60, 40, 1800, 120}, 0x1d2a44ff, 24);
  add_rect({60, 190, 1800, 850}, 0xf1ece1ff, 24);
  auto add_text = [&](const std::string& s, text::TextStyle style, float x, float y, float w) {
    text::Paragraph p = text::layout_paragraph(fonts, {{s, style}}, text::ParagraphStyle{}, w);
    for (const text::Line& line : p.lines)
      for (const text::GlyphRun& run : line.runs) {
        layout::Command c;
        c.kind = layout::CommandKind::kGlyphRun;
        c.origin = {x + line.x + run.x, y + line.baseline};
        c.run = run;
        l.commands.push_back(c);
      }
    return p.height;
  };
  text::TextStyle title;
  title.size = 56;
  title.bold = true;
  title.color = 0xffffffff;
  add_text("시장과 정부: 외부효과를 어떻게 다룰 것인가", title, 100, 60, 1700);
  text::TextStyle body;
  body.size = 40;
  body.color = 0x222222ff;
  const std::string para =
      "공공재는 비경합성과 비배제성을 가지므로 시장에 맡기면 과소 공급된다. 정부는 세금으로 "
      "재원을 마련하여 직접 공급하거나, 보조금으로 민간의 공급을 늘릴 수 있다. 다만 정부 "
      "실패의 가능성도 함께 따져 보아야 한다. ";
  float y = 220;
  for (int i = 0; i < 4; ++i) {
    body.bold = i % 2 == 1;
    y += add_text(para, body, 100, y, 1700) + 24;
  }
  return l;
}

struct Fixture {
  std::unique_ptr<text::FontSystem> fonts = text::FontSystem::create({});
  text::GlyphCache glyphs{*fonts};
  render::ImageCache images;
  layout::DisplayList list = text_heavy(*fonts);
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_RenderHeadless1080p(benchmark::State& state) {
  Fixture& f = fixture();
  size_t glyphs = 0;
  for (const auto& c : f.list.commands) glyphs += c.run.glyphs.size();
  render::render_headless(f.list, f.glyphs, f.images);  // rasterize glyphs once
  for (auto _ : state)
    benchmark::DoNotOptimize(render::render_headless(f.list, f.glyphs, f.images));
  state.counters["glyphs"] = static_cast<double>(glyphs);
}
BENCHMARK(BM_RenderHeadless1080p)->Unit(benchmark::kMillisecond);

// Present mode: one renderer kept across frames, atlas already filled.
void BM_DrawWarm1080p(benchmark::State& state) {
  Fixture& f = fixture();
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_RGBA32);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  {
    render::SdlRenderer r(ren, f.glyphs, f.images);
    r.draw(f.list);
    SDL_RenderFlush(ren);
    for (auto _ : state) {
      r.draw(f.list);
      SDL_RenderFlush(ren);
    }
  }
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}
BENCHMARK(BM_DrawWarm1080p)->Unit(benchmark::kMillisecond);

// The same slide with every glyph run inside a clip and an opacity group,
// nested in a clip and an opacity for the whole slide: the walker's stacks at
// their busiest (a push and a pop per item).
void BM_DrawWarmClipsOpacity1080p(benchmark::State& state) {
  Fixture& f = fixture();
  layout::DisplayList list;
  list.width = f.list.width;
  list.height = f.list.height;
  list.background = f.list.background;
  auto push = [&](layout::CommandKind kind, layout::Rect r, float opacity) {
    layout::Command c;
    c.kind = kind;
    c.rect = r;
    c.opacity = opacity;
    list.commands.push_back(c);
  };
  push(layout::CommandKind::kPushClip, {20, 20, 1880, 1040}, 1);
  push(layout::CommandKind::kPushOpacity, {}, 0.95f);
  for (const layout::Command& c : f.list.commands) {
    push(layout::CommandKind::kPushClip, {40, 30, 1840, 1020}, 1);
    push(layout::CommandKind::kPushOpacity, {}, 0.9f);
    list.commands.push_back(c);
    push(layout::CommandKind::kPopOpacity, {}, 1);
    push(layout::CommandKind::kPopClip, {}, 1);
  }
  push(layout::CommandKind::kPopOpacity, {}, 1);
  push(layout::CommandKind::kPopClip, {}, 1);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_RGBA32);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  {
    render::SdlRenderer r(ren, f.glyphs, f.images);
    r.draw(list);
    SDL_RenderFlush(ren);
    for (auto _ : state) {
      r.draw(list);
      SDL_RenderFlush(ren);
    }
  }
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}
BENCHMARK(BM_DrawWarmClipsOpacity1080p)->Unit(benchmark::kMillisecond);

void BM_WritePng1080p(benchmark::State& state) {
  Fixture& f = fixture();
  render::RgbaImage img = render::render_headless(f.list, f.glyphs, f.images);
  std::string path = "/tmp/madang_render_bench.png";
  std::string err;
  for (auto _ : state) render::write_png(img, path, &err);
  std::FILE* fp = std::fopen(path.c_str(), "rb");
  std::fseek(fp, 0, SEEK_END);
  state.counters["bytes"] = static_cast<double>(std::ftell(fp));
  std::fclose(fp);
}
BENCHMARK(BM_WritePng1080p)->Unit(benchmark::kMillisecond);

// stb at a given zlib level, optionally with a forced filter (-1: stb picks
// per row by trying all five).
void BM_StbPngLevel(benchmark::State& state) {
  Fixture& f = fixture();
  render::RgbaImage img = render::render_headless(f.list, f.glyphs, f.images);
  int old_level = stbi_write_png_compression_level, old_filter = stbi_write_force_png_filter;
  stbi_write_png_compression_level = static_cast<int>(state.range(0));
  stbi_write_force_png_filter = static_cast<int>(state.range(1));
  size_t len = 0;
  auto count = [](void* ctx, void*, int n) {
    *static_cast<size_t*>(ctx) += static_cast<size_t>(n);
  };
  for (auto _ : state) {
    len = 0;
    stbi_write_png_to_func(count, &len, img.width, img.height, 4, img.pixels.data(), img.width * 4);
  }
  state.counters["bytes"] = static_cast<double>(len);
  stbi_write_png_compression_level = old_level;
  stbi_write_force_png_filter = old_filter;
}
BENCHMARK(BM_StbPngLevel)
    ->ArgsProduct({{1, 4, 8}, {-1, 0, 1}})
    ->ArgNames({"level", "filter"})
    ->Unit(benchmark::kMillisecond);

#ifdef MADANG_BENCH_LIBPNG
struct Buffer {
  std::vector<unsigned char> bytes;
};
void png_write_mem(png_structp png, png_bytep data, png_size_t n) {
  auto* b = static_cast<Buffer*>(png_get_io_ptr(png));
  b->bytes.insert(b->bytes.end(), data, data + n);
}
void png_flush_mem(png_structp) {}

// libpng + zlib at a level with one filter for every row.
void BM_LibPng(benchmark::State& state) {
  Fixture& f = fixture();
  render::RgbaImage img = render::render_headless(f.list, f.glyphs, f.images);
  std::vector<png_bytep> rows(img.height);
  for (int y = 0; y < img.height; ++y)
    rows[y] = img.pixels.data() + static_cast<size_t>(y) * img.width * 4;
  size_t size = 0;
  for (auto _ : state) {
    Buffer buf;
    buf.bytes.reserve(1 << 20);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, &buf, png_write_mem, png_flush_mem);
    png_set_compression_level(png, static_cast<int>(state.range(0)));
    if (state.range(2)) png_set_compression_strategy(png, 3 /* Z_RLE */);
    png_set_filter(png, 0, state.range(1) == 0 ? PNG_FILTER_NONE : PNG_FILTER_SUB);
    png_set_IHDR(png, info, img.width, img.height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_write_image(png, rows.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    size = buf.bytes.size();
  }
  state.counters["bytes"] = static_cast<double>(size);
}
BENCHMARK(BM_LibPng)
    ->ArgsProduct({{1, 3, 6}, {0, 1}, {0, 1}})
    ->ArgNames({"level", "sub", "rle"})
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();
