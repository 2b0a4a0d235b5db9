// Clips on paper: `export --png` and `--pdf` show a video's poster (its
// first frame, or the frame `poster:` names) where layout puts the clip,
// under a play mark; the PDF links the picture to the clip's file; a sound
// is its bar. Clips are made by ffmpeg in each test's folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "cli_fixture.h"
#include "clip_fixture.h"
#include "image_compare.h"
#include "render/image.h"

namespace madang::test {
namespace {

using json = nlohmann::json;

render::RgbaImage load(const std::string& path) {
  std::string error;
  std::unique_ptr<render::RgbaImage> image = render::decode_image(path, &error);
  EXPECT_TRUE(image) << path << ": " << error;
  return image ? *image : render::RgbaImage{};
}

// Mean absolute difference per channel between `page` inside `r` and
// `frame` (scaled to r's size), leaving out the middle third (the play mark).
double poster_difference(const render::RgbaImage& page, const json& r,
                         const render::RgbaImage& frame) {
  const int x0 = static_cast<int>(std::ceil(r[0].get<double>()));
  const int y0 = static_cast<int>(std::ceil(r[1].get<double>()));
  double sum = 0;
  long n = 0;
  for (int y = 2; y + 2 < frame.height; y += 2) {
    for (int x = 2; x + 2 < frame.width; x += 2) {
      if (x > frame.width / 3 && x < frame.width * 2 / 3 && y > frame.height / 3 &&
          y < frame.height * 2 / 3)
        continue;
      const Rgba a = pixel_at(page, x0 + x, y0 + y), b = pixel_at(frame, x, y);
      sum += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
      n += 3;
    }
  }
  return n ? sum / static_cast<double>(n) : 1e9;
}

class ClipExport : public CliTest {
 protected:
  // The clip's item in `layout --json` of slide 1.
  json clip_item(const std::string& deck, const char* kind) {
    const CommandResult lay = madang("layout '" + deck + "' --slide 1 --json");
    EXPECT_EQ(lay.exit_code, 0) << lay.err;
    const json doc = json::parse(lay.out, nullptr, false);
    const json* items = nullptr;
    if (doc.is_object() && doc.contains("slides")) items = &doc["slides"][0]["items"];
    if (doc.is_object() && doc.contains("items")) items = &doc["items"];
    if (!items) {
      ADD_FAILURE() << "no items in " << lay.out.substr(0, 400);
      return {};
    }
    for (const json& item : *items)
      if (item.value("kind", "") == kind) return item;
    ADD_FAILURE() << "no " << kind << " item in " << lay.out.substr(0, 2000);
    return {};
  }
};

TEST_F(ClipExport, PngShowsThePosterFrameUnderAPlayMark) {
  ClipSpec spec;
  spec.width = 640;
  spec.height = 360;
  spec.seconds = 3;
  ASSERT_TRUE(make_clip(file("clip.mp4"), spec));
  const std::string deck = write("deck.md", "# 영상\n\n![video poster:0:01](clip.mp4)\n");
  const json item = clip_item(deck, "video");
  ASSERT_TRUE(item.contains("rect"));
  const json r = item["rect"];
  const int w = static_cast<int>(r[2].get<double>()) - 2,
            h = static_cast<int>(r[3].get<double>()) - 2;
  ASSERT_GT(w, 200);
  const CommandResult out = madang("export '" + deck + "' --png '" + file("png") + "'");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const render::RgbaImage page = load(file("png/slide-01.png"));
  ASSERT_TRUE(extract_frame(file("clip.mp4"), 1.0, file("at1.png"), w, h));
  ASSERT_TRUE(extract_frame(file("clip.mp4"), 0.0, file("at0.png"), w, h));
  const double at_poster = poster_difference(page, r, load(file("at1.png")));
  const double at_start = poster_difference(page, r, load(file("at0.png")));
  EXPECT_LT(at_poster, 12) << "the picture is not the frame at 0:01";
  EXPECT_GT(at_start, at_poster * 1.5) << "the frame at 0:00 matches as well: poster: ignored?";
  // The play mark: a dark disc with a white triangle in the middle.
  const int cx = static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2);
  const int cy = static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2);
  const Rgba centre = pixel_at(page, cx, cy);
  EXPECT_GT(centre.r + centre.g + centre.b, 3 * 230) << "no white triangle at the centre";
  const int radius = static_cast<int>(
      std::clamp(std::min(r[2].get<double>(), r[3].get<double>()) * 0.09, 14.0, 72.0));
  const Rgba rim = pixel_at(page, cx, cy - radius + 3);
  const render::RgbaImage frame = load(file("at1.png"));
  const Rgba under = pixel_at(frame, w / 2, h / 2 - radius + 3);
  EXPECT_LT(rim.r + rim.g + rim.b, under.r + under.g + under.b) << "no dark disc";
}

TEST_F(ClipExport, PdfHasThePosterLinkedToTheClip) {
  ClipSpec spec;
  spec.seconds = 2;
  ASSERT_TRUE(make_clip(file("영상 clip.mp4"), spec));
  const std::string deck = write("deck.md", "# 영상\n\n![video](<영상 clip.mp4>)\n");
  const std::string pdf = file("out.pdf");
  const CommandResult out = madang("export '" + deck + "' --pdf '" + pdf + "'");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const CommandResult images = shell("pdfimages -list '" + pdf + "'");
  ASSERT_EQ(images.exit_code, 0) << images.err;
  EXPECT_NE(images.out.find("rgb"), std::string::npos) << images.out;  // the poster
  const CommandResult qdf =
      shell("qpdf --qdf --object-streams=disable '" + pdf + "' '" + file("plain.pdf") + "'");
  ASSERT_LE(qdf.exit_code, 3) << qdf.err;  // 3: warnings
  const std::string text = read_file(file("plain.pdf"));
  EXPECT_NE(text.find("/URI (file://"), std::string::npos) << "no link to the clip";
  EXPECT_NE(text.find("%EC%98%81%EC%83%81%20clip.mp4"), std::string::npos)
      << "the link does not name the clip's file";
}

TEST_F(ClipExport, ASoundIsABarWithItsButton) {
  ClipSpec spec;
  spec.video_codec = "";
  spec.audio_codec = "pcm_s16le";
  spec.seconds = 2;
  ASSERT_TRUE(make_clip(file("tone.wav"), spec));
  const std::string deck = write("deck.md", "# 소리\n\n![audio](tone.wav)\n");
  const json item = clip_item(deck, "audio");
  ASSERT_TRUE(item.contains("rect"));
  const json r = item["rect"];
  const CommandResult out = madang("export '" + deck + "' --png '" + file("png") + "'");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const render::RgbaImage page = load(file("png/slide-01.png"));
  // The red button at the bar's left, and the name after it.
  const double bh = r[3].get<double>();
  const Rgba button = pixel_at(page, static_cast<int>(r[0].get<double>() + bh / 2 - bh * 0.2),
                               static_cast<int>(r[1].get<double>() + bh / 2 - bh * 0.06));
  EXPECT_GT(button.r, 180);
  EXPECT_LT(button.g, 90);
  const CommandResult lay = madang("layout '" + deck + "' --slide 1 --json");
  EXPECT_NE(lay.out.find("tone.wav  0:02"), std::string::npos) << lay.out.substr(0, 1500);
}

}  // namespace
}  // namespace madang::test
