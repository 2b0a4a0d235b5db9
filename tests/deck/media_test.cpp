// Clips on slides (docs/format.md, "Video and sound"): the clip words in an
// image's alt text, clips told by their extension, `![bg video](…)`, the
// <video>/<audio> HTML of Marp and Slidev decks, `advance: video`, and the
// probe of real clips (made by ffmpeg: tests/support/clip_fixture.h) with
// every way a clip can fail being a located warning and a placeholder.
#include <filesystem>
#include <fstream>
#include <memory>

#include "clip_fixture.h"
#include "deck/html_media.h"
#include "deck/image_keywords.h"
#include "deck_test_util.h"
#include "temp_dir.h"

namespace madang::deck::test {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------ alt keywords

TEST(MediaKeywords, EveryKeywordIsTakenOutOfTheAltText) {
  const ImageKeywords k = parse_image_keywords(
      "video autoplay 강연 loop muted controls start:1:20 end:2:05 poster:0:03 volume:50% "
      "w:640 h:360 영상",
      "clip.mp4");
  EXPECT_TRUE(k.problems.empty()) << k.problems.front();
  EXPECT_EQ(k.alt, "강연 영상");
  EXPECT_EQ(k.media.kind, MediaKind::kVideo);
  EXPECT_TRUE(k.media.autoplay);
  EXPECT_TRUE(k.media.loop);
  EXPECT_TRUE(k.media.muted);
  EXPECT_DOUBLE_EQ(k.media.start_s, 80);
  EXPECT_DOUBLE_EQ(k.media.end_s, 125);
  EXPECT_DOUBLE_EQ(k.media.poster_s, 3);
  EXPECT_TRUE(k.media.poster_time_given);
  EXPECT_EQ(k.media.poster, "");
  EXPECT_FLOAT_EQ(k.media.volume, 0.5f);
  EXPECT_FLOAT_EQ(k.width, 640);
  EXPECT_FLOAT_EQ(k.height, 360);
  EXPECT_FALSE(k.kind_by_probe);
}

TEST(MediaKeywords, DefaultsWhenNoneIsGiven) {
  const ImageKeywords k = parse_image_keywords("", "clip.mp4");
  EXPECT_TRUE(k.problems.empty());
  EXPECT_EQ(k.media.kind, MediaKind::kVideo);
  EXPECT_FALSE(k.media.autoplay || k.media.loop || k.media.muted);
  EXPECT_DOUBLE_EQ(k.media.start_s, 0);
  EXPECT_DOUBLE_EQ(k.media.end_s, 0);
  EXPECT_FLOAT_EQ(k.media.volume, 1);
  EXPECT_FALSE(k.media.poster_time_given);
}

TEST(MediaKeywords, OrderDoesNotMatter) {
  const ImageKeywords a =
      parse_image_keywords("loop 설명 start:5 muted poster:p.png volume:20% autoplay", "a.webm");
  const ImageKeywords b =
      parse_image_keywords("autoplay volume:20% poster:p.png muted 설명 start:5 loop", "a.webm");
  for (const ImageKeywords* k : {&a, &b}) {
    EXPECT_TRUE(k->problems.empty());
    EXPECT_EQ(k->alt, "설명");
    EXPECT_TRUE(k->media.loop && k->media.muted && k->media.autoplay);
    EXPECT_DOUBLE_EQ(k->media.start_s, 5);
    EXPECT_DOUBLE_EQ(k->media.poster_s, 5);  // the poster is its start's frame...
    EXPECT_EQ(k->media.poster, "p.png");     // ...unless a picture is given
    EXPECT_FALSE(k->media.poster_time_given);
    EXPECT_FLOAT_EQ(k->media.volume, 0.2f);
  }
}

TEST(MediaKeywords, TimesInEveryForm) {
  double s = -1;
  for (const auto& [text, want] : std::vector<std::pair<const char*, double>>{{"80", 80},
                                                                              {"80s", 80},
                                                                              {"1.5s", 1.5},
                                                                              {"1.5", 1.5},
                                                                              {"0", 0},
                                                                              {"1:20", 80},
                                                                              {"0:03", 3},
                                                                              {"12:00", 720},
                                                                              {"1:02:03", 3723},
                                                                              {"1:20.5", 80.5}}) {
    EXPECT_TRUE(parse_clip_time(text, &s)) << text;
    EXPECT_DOUBLE_EQ(s, want) << text;
  }
  for (const char* bad : {"", "s", "abc", "-5", "1:5", "1:60", "1:2:3", "1:60:00", "1::20", ":20",
                          "1:20:30:40", "1.2.3", "5m", "1e3", ".5", "999999999"}) {
    EXPECT_FALSE(parse_clip_time(bad, &s)) << bad;
  }
  EXPECT_EQ(format_clip_time(0), "0:00");
  EXPECT_EQ(format_clip_time(65), "1:05");
  EXPECT_EQ(format_clip_time(3723), "1:02:03");
  EXPECT_EQ(format_clip_time(1.5), "0:01.5");
}

TEST(MediaKeywords, BadValuesAreWarningsAtTheImage) {
  const ParseResult r = parse(
      "# 영상\n\n"
      "![video start:abc end:1:75 poster:1:7 volume:150% 설명](clip.mp4)\n\n"
      "   ![volume:loud](b.mp4)\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:3:1: warning: clip start 'start:abc' is not a time like 1:20, 1:02:03, "
                "80s or 1.5s",
                "deck.md:3:1: warning: clip end 'end:1:75' is not a time like 1:20, 1:02:03, "
                "80s or 1.5s",
                "deck.md:3:1: warning: clip poster 'poster:1:7' is not a time like 1:20, "
                "1:02:03, 80s or 1.5s or a picture's path",
                "deck.md:3:1: warning: clip volume 'volume:150%' is not a share from 0% to "
                "100%, like volume:50%",
                "deck.md:5:4: warning: clip volume 'volume:loud' is not a share from 0% to "
                "100%, like volume:50%",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[1].image.alt, "설명");  // bad words leave the alt text too
  EXPECT_DOUBLE_EQ(b[1].image.media.start_s, 0);
  EXPECT_FLOAT_EQ(b[1].image.media.volume, 1);
  EXPECT_EQ(b[1].image.resolved, "/deck/clip.mp4");
}

TEST(MediaKeywords, AnEndNotAfterTheStartIsIgnored) {
  ImageKeywords k = parse_image_keywords("start:1:00 end:0:30", "a.mp4");
  EXPECT_EQ(k.problems, (std::vector<std::string>{"clip end 'end:0:30' is not after its start "
                                                  "'start:1:00'; the end is ignored"}));
  EXPECT_DOUBLE_EQ(k.media.start_s, 60);
  EXPECT_DOUBLE_EQ(k.media.end_s, 0);
  k = parse_image_keywords("end:0", "a.mp4");
  EXPECT_EQ(k.problems, (std::vector<std::string>{"clip end 'end:0' is not after its start (the "
                                                  "beginning); the end is ignored"}));
}

TEST(MediaKeywords, ClipWordsOnAPictureAreWarnings) {
  const ParseResult r = parse("![loop start:3 사진](x.png)\n\n![video still](still.png)\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: 'loop' is for video and sound; 'x.png' is a picture",
                "deck.md:1:1: warning: 'start:3' is for video and sound; 'x.png' is a picture",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].image.alt, "사진");
  EXPECT_FALSE(b[0].image.is_clip());
  // Next to a picture's path, `video` and `audio` are words of its alt text.
  EXPECT_EQ(b[1].image.alt, "video still");
  EXPECT_FALSE(b[1].image.is_clip());
}

TEST(MediaKeywords, ClipsAreToldByTheirExtension) {
  bool by_probe = true;
  for (const char* v :
       {"a.mp4", "a.m4v", "b.MOV", "c.webm", "d.mkv", "e.ogv", "f.avi", "dir.v1/clip.Mp4"}) {
    EXPECT_EQ(clip_kind_of(v, &by_probe), MediaKind::kVideo) << v;
    EXPECT_FALSE(by_probe);
  }
  for (const char* a : {"a.mp3", "a.m4a", "a.aac", "a.oga", "a.opus", "a.WAV", "a.flac"}) {
    EXPECT_EQ(clip_kind_of(a, &by_probe), MediaKind::kAudio) << a;
    EXPECT_FALSE(by_probe);
  }
  EXPECT_EQ(clip_kind_of("talk.ogg", &by_probe), MediaKind::kAudio);
  EXPECT_TRUE(by_probe);  // sound until the probe finds a picture
  for (const char* none : {"a.png", "a.jpg", "mp4", "a.mp4/", "dir.mp4/file", "a", ""}) {
    EXPECT_EQ(clip_kind_of(none, &by_probe), MediaKind::kNone) << none;
  }
  // Without a keyword, by the extension; a keyword makes any path a clip.
  const ParseResult r = parse(
      "![](talk.mp3)\n\n![발표](clip.mov)\n\n![audio](stream.bin)\n\n![video](x.ogg)\n\n"
      "![](x.ogg)\n\n![](still.jpg)\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 6u);
  EXPECT_EQ(b[0].image.media.kind, MediaKind::kAudio);
  EXPECT_EQ(b[1].image.media.kind, MediaKind::kVideo);
  EXPECT_EQ(b[1].image.alt, "발표");
  EXPECT_EQ(b[2].image.media.kind, MediaKind::kAudio);
  EXPECT_EQ(b[3].image.media.kind, MediaKind::kVideo);
  EXPECT_EQ(b[4].image.media.kind, MediaKind::kAudio);  // not probed: sound
  EXPECT_FALSE(b[5].image.is_clip());
  // Without check_files nothing is probed.
  EXPECT_EQ(b[1].image.resolved, "/deck/clip.mov");
  EXPECT_EQ(b[1].image.media.duration_s, 0);
  EXPECT_EQ(b[1].image.media.codec, "");
  EXPECT_EQ(b[1].image.pixel_width, 0);
}

TEST(MediaKeywords, AMovingBackground) {
  const ParseResult r = parse("![bg video loop muted left:40%](loop.mp4)\n\n# 로비\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 1u);
  const SlideBackground& bg = r.deck.slides[0].background;
  ASSERT_EQ(bg.images.size(), 1u);
  EXPECT_EQ(bg.split, BackgroundSplit::kLeft);
  EXPECT_FLOAT_EQ(bg.split_share, 0.4f);
  const Image& clip = bg.images[0].image;
  EXPECT_EQ(clip.media.kind, MediaKind::kVideo);
  EXPECT_TRUE(clip.media.loop);
  EXPECT_TRUE(clip.media.muted);
  EXPECT_FALSE(clip.media.autoplay);
  EXPECT_EQ(clip.resolved, "/deck/loop.mp4");
  EXPECT_EQ(bg.images[0].fit, BackgroundFit::kCover);
  ASSERT_EQ(r.deck.slides[0].blocks.size(), 1u);  // the heading alone
}

TEST(MediaKeywords, AClipInsideTextOrALineIsNotPlayed) {
  const ParseResult r = parse(
      "---\nfooter: '![video](f.mp4) 희망제작소'\n---\n\n"
      "보세요 ![video](a.mp4) 여기\n\n"
      "글 <video src=\"b.mp4\"></video> 글\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:2:1: warning: video 'f.mp4' cannot play in a header or footer; it is "
                "left out",
                "deck.md:5:5: warning: an image inside text is shown as its alt text; put it in a "
                "paragraph of its own",
                "deck.md:7:3: warning: a <video> inside text is not played; put it in a "
                "paragraph of its own",
            }));
}

// -------------------------------------------------------------------- HTML

// The clips of a deck's only slide, as image blocks.
std::vector<Image> clips_of(const ParseResult& r) {
  std::vector<Image> out;
  for (const Block& b : blocks(r)) {
    if (b.kind == BlockKind::kImage && b.image.is_clip()) out.push_back(b.image);
  }
  return out;
}

TEST(MediaHtml, EveryAttributeOfAVideo) {
  const ParseResult r = parse(
      "# 영상\n\n"
      "<video src=\"clip.mp4\" autoplay loop muted poster=\"p.png\" width=\"640\" "
      "height=\"360\" controls></video>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].kind, BlockKind::kImage);
  EXPECT_EQ(b[1].line, 3);
  EXPECT_EQ(b[1].column, 1);
  const Image& clip = b[1].image;
  EXPECT_EQ(clip.src, "clip.mp4");
  EXPECT_EQ(clip.resolved, "/deck/clip.mp4");
  EXPECT_EQ(clip.media.kind, MediaKind::kVideo);
  EXPECT_TRUE(clip.media.autoplay && clip.media.loop && clip.media.muted);
  EXPECT_EQ(clip.media.poster, "p.png");
  EXPECT_EQ(clip.media.poster_resolved, "/deck/p.png");
  EXPECT_FLOAT_EQ(clip.width, 640);
  EXPECT_FLOAT_EQ(clip.height, 360);
}

TEST(MediaHtml, ReadsAsTheMarkdownFormDoes) {
  const ParseResult html = parse(
      "<video src=\"clip.mp4\" autoplay loop muted poster=\"p.png\" width=\"640\"></video>\n");
  const ParseResult md = parse("![video autoplay loop muted poster:p.png w:640](clip.mp4)\n");
  ASSERT_EQ(clips_of(html).size(), 1u);
  ASSERT_EQ(clips_of(md).size(), 1u);
  const Image a = clips_of(html)[0];
  const Image b = clips_of(md)[0];
  EXPECT_EQ(a.src, b.src);
  EXPECT_EQ(a.resolved, b.resolved);
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  EXPECT_EQ(a.media.kind, b.media.kind);
  EXPECT_EQ(a.media.autoplay, b.media.autoplay);
  EXPECT_EQ(a.media.loop, b.media.loop);
  EXPECT_EQ(a.media.muted, b.media.muted);
  EXPECT_EQ(a.media.poster, b.media.poster);
  EXPECT_EQ(a.media.poster_resolved, b.media.poster_resolved);
  EXPECT_EQ(a.media.poster_time_given, b.media.poster_time_given);
  EXPECT_EQ(a.media.volume, b.media.volume);
}

TEST(MediaHtml, SourceChildInAnHtmlBlock) {
  const ParseResult r = parse(
      "# 영상\n\n"
      "<video controls>\n"
      "  <source src=\"clip.webm\" type=\"video/webm\">\n"
      "  <source src=\"clip.mp4\" type=\"video/mp4\">\n"
      "  이 브라우저는 영상을 보여 주지 못합니다.\n"
      "</video>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto clips = clips_of(r);
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_EQ(clips[0].src, "clip.webm");  // the first <source>
  EXPECT_EQ(clips[0].media.kind, MediaKind::kVideo);
  EXPECT_EQ(blocks(r)[1].line, 3);
}

TEST(MediaHtml, AudioInSingleQuotes) {
  const ParseResult r = parse("<audio src='talk.ogg' controls></audio>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto clips = clips_of(r);
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_EQ(clips[0].src, "talk.ogg");
  EXPECT_EQ(clips[0].media.kind, MediaKind::kAudio);
  EXPECT_FALSE(clips[0].media.autoplay);
}

TEST(MediaHtml, UnquotedUpperCaseAnyOrderNoClosingTag) {
  const ParseResult r = parse(
      "<VIDEO LOOP Width=800 Src=clip.mp4 MUTED autoplay=\"autoplay\">\n\n"
      "<audio src=a.mp3 />\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto clips = clips_of(r);
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0].src, "clip.mp4");
  EXPECT_TRUE(clips[0].media.loop && clips[0].media.muted && clips[0].media.autoplay);
  EXPECT_FLOAT_EQ(clips[0].width, 800);
  EXPECT_EQ(clips[1].src, "a.mp3");
  EXPECT_EQ(clips[1].media.kind, MediaKind::kAudio);
}

TEST(MediaHtml, InsideOtherHtmlTheOtherHtmlIsStillWarned) {
  const ParseResult r = parse(
      "# 가운데\n\n"
      "<div align=\"center\">\n"
      "<video src=\"a.mp4\" autoplay></video> <video src=\"b.mp4\"></video>\n"
      "</div>\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{"deck.md:3:1: warning: raw HTML <div> is not rendered"}));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[1].image.src, "a.mp4");
  EXPECT_EQ(b[1].line, 4);
  EXPECT_EQ(b[1].column, 1);
  EXPECT_EQ(b[2].image.src, "b.mp4");
  EXPECT_EQ(b[2].line, 4);
  EXPECT_EQ(b[2].column, 38);
}

TEST(MediaHtml, InAParagraphBesideAnImage) {
  const ParseResult r = parse(
      "# 둘\n\n"
      "![w:300](a.png)\n"
      "  <video src=\"b.mp4\" muted>\n"
      "  <source src=\"c.mp4\">\n"
      "  대체 글\n"
      "  </video>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_FALSE(b[1].image.is_clip());
  EXPECT_EQ(b[2].image.src, "b.mp4");
  EXPECT_TRUE(b[2].image.media.muted);
  EXPECT_TRUE(b[2].beside_previous);
  EXPECT_EQ(b[2].line, 4);
  EXPECT_EQ(b[2].column, 3);
  // Their fallback text is not on the slide.
  for (const Block& block : b) EXPECT_EQ(plain_text(block.text).find("대체"), std::string::npos);
}

TEST(MediaHtml, CommentsAndOtherHtmlKeepTheirMeaning) {
  const ParseResult r = parse(
      "# 제목\n\n"
      "<!-- <video src=\"a.mp4\"></video> 는 주석 -->\n\n"
      "<span>글</span>\n\n"
      "<section>\n<p>x</p>\n</section>\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{"deck.md:5:1: warning: raw HTML <span> is not rendered",
                                      "deck.md:7:1: warning: raw HTML <section> is not rendered"}));
  EXPECT_TRUE(clips_of(r).empty());
  EXPECT_NE(r.deck.slides.at(0).notes.find("<video"), std::string::npos);  // a note, as ever
}

TEST(MediaHtml, BadSizesAreWarningsAtTheTag) {
  const ParseResult r =
      parse("# 제목\n\n<div>\n  <video src=\"a.mp4\" width=\"big\"></video>\n</div>\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:3:1: warning: raw HTML <div> is not rendered",
                             "deck.md:4:3: warning: <video> width 'big' is not a number of pixels",
                         }));
  ASSERT_EQ(clips_of(r).size(), 1u);
  EXPECT_FLOAT_EQ(clips_of(r)[0].width, 0);
}

TEST(MediaHtml, NoSourceIsAPlaceholder) {
  const ParseResult r = parse("<video controls></video>\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{"deck.md:1:1: warning: video has no path; it is drawn as a "
                                      "placeholder"}));
  ASSERT_EQ(clips_of(r).size(), 1u);
  EXPECT_EQ(clips_of(r)[0].resolved, "");
}

TEST(MediaHtml, ScanFindsElementsAndWhatIsLeft) {
  const HtmlMediaScan scan = scan_html_media(
      "<p>a</p><video src=\"x&amp;y.mp4\">fallback</video>"
      "<!-- <audio src=c.mp3> --><audio src=d.mp3><source src=e.mp3>\n<b>z</b>");
  ASSERT_EQ(scan.clips.size(), 2u);
  EXPECT_EQ(scan.clips[0].image.src, "x&y.mp4");
  EXPECT_EQ(scan.clips[0].offset, 8u);
  EXPECT_EQ(scan.clips[1].image.src, "d.mp3");  // the element's own src first
  EXPECT_EQ(scan.rest, "<p>a</p><!-- <audio src=c.mp3> -->\n<b>z</b>");
  EXPECT_EQ(media_tag("<video src=a>"), MediaTag::kOpen);
  EXPECT_EQ(media_tag("<Audio/>"), MediaTag::kOpenClosed);
  EXPECT_EQ(media_tag("</VIDEO>"), MediaTag::kClose);
  EXPECT_EQ(media_tag("<source src='a'>"), MediaTag::kChild);
  EXPECT_EQ(media_tag("<videos>"), MediaTag::kNone);
  EXPECT_EQ(media_tag("<video src=\"a>"), MediaTag::kNone);  // never closed
  // Any bytes: no clip out of a broken tag, and no hang.
  EXPECT_TRUE(scan_html_media("<video src='a").clips.empty());
  EXPECT_EQ(scan_html_media(std::string(100000, '<')).clips.size(), 0u);
  EXPECT_EQ(scan_html_media(std::string(20000, 'x') + "<video>").clips.size(), 1u);
}

// --------------------------------------------------------------- advance

TEST(MediaAdvance, VideoInTheFrontMatterAndOnASlide) {
  const ParseResult r = parse(
      "---\nadvance: video\n---\n# 하나\n\n---\n\n<!-- advance: video -->\n\n# 둘\n\n---\n\n"
      "<!-- advance: 20s -->\n\n# 셋\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_TRUE(r.deck.meta.advance_after_clip);
  EXPECT_EQ(r.deck.meta.advance_s, 0);
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_FALSE(r.deck.slides[0].advance_after_clip);
  EXPECT_TRUE(r.deck.slides[1].advance_after_clip);
  EXPECT_EQ(r.deck.slides[1].advance_s, 0);
  EXPECT_FALSE(r.deck.slides[2].advance_after_clip);
  EXPECT_EQ(r.deck.slides[2].advance_s, 20);
}

TEST(MediaAdvance, IdleTakesNoVideo) {
  const ParseResult r = parse("---\nidle: video\nadvance: videos\n---\n# 하나\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:2:7: error: idle must be a length of time with a unit, like 20s, 1m30s "
                "or 2m (got 'video')",
                "deck.md:3:10: error: advance must be a length of time with a unit, like 20s, "
                "1m30s or 2m, or video (got 'videos')",
            }));
  EXPECT_FALSE(r.deck.meta.advance_after_clip);
}

// ------------------------------------------------------------- real clips

// Clips made once for the suite: ffmpeg takes a moment for each.
class MediaProbe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<madang::test::TempDir>("media-probe");
    const fs::path d = dir_->path();
    madang::test::ClipSpec video;  // 320x180, 30 fps, 2 s, a 440 Hz tone
    ok_ = madang::test::make_clip(d / "clip.mp4", video);
    madang::test::ClipSpec sound;
    sound.video_codec = "";
    sound.audio_codec = "pcm_s16le";
    ok_ = ok_ && madang::test::make_clip(d / "sound.wav", sound);
    madang::test::ClipSpec vorbis = sound;
    vorbis.audio_codec = "libvorbis";
    ok_ = ok_ && madang::test::make_clip(d / "vorbis.ogg", vorbis);
    madang::test::ClipSpec theora;
    theora.video_codec = "libtheora";
    theora.audio_codec = "libvorbis";
    ok_ = ok_ && madang::test::make_clip(d / "theora.ogg", theora);
    // Damaged: the first third of a clip (its index is at the end: no moov).
    std::ifstream in(d / "clip.mp4", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    dir_->write("cut.mp4", bytes.substr(0, bytes.size() / 3));
    dir_->write("garbage.mp4", std::string(4096, '\x5a'));
    fs::create_directories(d / "folder.mp4");
    // A 1x1 PNG for posters.
    const unsigned char png[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
        0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
        0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
        0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    dir_->write("poster.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
  }
  static void TearDownTestSuite() { dir_.reset(); }
  void SetUp() override { ASSERT_TRUE(ok_) << "ffmpeg could not make the clips"; }

  static ParseResult load(const std::string& text) {
    ParseOptions options;
    options.base_dir = dir_->path().string();
    return parse_deck(text, "deck.md", options);
  }
  static std::string real(const std::string& name) {
    return fs::weakly_canonical(dir_->path() / name).string();
  }

  static std::unique_ptr<madang::test::TempDir> dir_;
  static bool ok_;
};
std::unique_ptr<madang::test::TempDir> MediaProbe::dir_;
bool MediaProbe::ok_ = false;

TEST_F(MediaProbe, AVideoKnowsItsSizeLengthAndSound) {
  const ParseResult r = load("# 영상\n\n![video autoplay](clip.mp4)\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  const Image& clip = b[1].image;
  EXPECT_EQ(clip.resolved, real("clip.mp4"));
  EXPECT_EQ(clip.pixel_width, 320);
  EXPECT_EQ(clip.pixel_height, 180);
  EXPECT_NEAR(clip.media.duration_s, 2, 0.1);
  EXPECT_TRUE(clip.media.has_video);
  EXPECT_TRUE(clip.media.has_audio);
  EXPECT_EQ(clip.media.codec.rfind("h264 320x180 30 fps, aac 48 kHz", 0), 0u) << clip.media.codec;
  EXPECT_EQ(clip.media.kind, MediaKind::kVideo);
}

TEST_F(MediaProbe, SoundAloneHasNoPictureSize) {
  const ParseResult r = load("![](sound.wav)\n\n<audio src=\"vorbis.ogg\"></audio>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  for (const Block& block : b) {
    EXPECT_EQ(block.image.media.kind, MediaKind::kAudio);
    EXPECT_FALSE(block.image.media.has_video);
    EXPECT_TRUE(block.image.media.has_audio);
    EXPECT_EQ(block.image.pixel_width, 0);
    EXPECT_NEAR(block.image.media.duration_s, 2, 0.1);
    EXPECT_FALSE(block.image.resolved.empty());
  }
}

TEST_F(MediaProbe, AnOggIsWhatItHolds) {
  const ParseResult r = load("![](theora.ogg)\n\n![](vorbis.ogg)\n\n![audio](theora.ogg)\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].image.media.kind, MediaKind::kVideo);
  EXPECT_EQ(b[0].image.pixel_width, 320);
  EXPECT_EQ(b[1].image.media.kind, MediaKind::kAudio);
  EXPECT_EQ(b[2].image.media.kind, MediaKind::kAudio);  // the writer said sound
  EXPECT_EQ(b[2].image.pixel_width, 0);
}

TEST_F(MediaProbe, AVideoWithoutAPictureIsPlayedAsSound) {
  const ParseResult r = load("# 소리\n\n![video](sound.wav)\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:3:1: warning: video 'sound.wav' has no picture; it is "
                             "played as sound"}));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].image.media.kind, MediaKind::kAudio);
  EXPECT_FALSE(b[1].image.resolved.empty());
}

TEST_F(MediaProbe, MissingDamagedAndFolderAreLocatedWarnings) {
  const ParseResult r = load(
      "# 실패\n\n"
      "![video](gone.mp4)\n\n"
      "  ![](cut.mp4)\n\n"
      "<audio src=\"garbage.mp4\"></audio>\n\n"
      "![](folder.mp4)\n\n"
      "![bg](gone.webm)\n");
  EXPECT_EQ(errors(r), 0) << joined(r);
  const std::vector<std::string> m = messages(r);
  ASSERT_EQ(m.size(), 5u) << joined(r);
  EXPECT_EQ(m[0],
            "deck.md:3:1: warning: video 'gone.mp4' does not exist; it is drawn as a "
            "placeholder");
  EXPECT_EQ(m[1].rfind("deck.md:5:3: warning: video 'cut.mp4' is damaged (", 0), 0u) << m[1];
  EXPECT_TRUE(m[1].ends_with("); it is drawn as a placeholder")) << m[1];
  EXPECT_EQ(m[2].rfind("deck.md:7:1: warning: audio 'garbage.mp4' is not a video or sound file", 0),
            0u)
      << m[2];
  EXPECT_EQ(m[3],
            "deck.md:9:1: warning: video 'folder.mp4' is a folder, not a file; it is drawn "
            "as a placeholder");
  EXPECT_EQ(m[4],
            "deck.md:11:1: warning: video 'gone.webm' does not exist; the background is "
            "left out");
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 5u);
  for (std::size_t i = 1; i < b.size(); ++i) {
    EXPECT_EQ(b[i].kind, BlockKind::kImage);
    EXPECT_TRUE(b[i].image.is_clip());
    EXPECT_EQ(b[i].image.resolved, "") << i;  // layout draws the labelled placeholder
    EXPECT_EQ(b[i].image.pixel_width, 0);
  }
  EXPECT_TRUE(r.deck.slides[0].background.images.empty());
}

TEST_F(MediaProbe, PostersAreResolvedLikeImages) {
  const ParseResult r = load(
      "![poster:poster.png](clip.mp4)\n\n"
      "![poster:nope.png](clip.mp4)\n\n"
      "<video src=\"clip.mp4\" poster=\"clip.mp4\"></video>\n");
  const std::vector<std::string> m = messages(r);
  ASSERT_EQ(m.size(), 2u) << joined(r);
  EXPECT_EQ(m[0],
            "deck.md:3:1: warning: poster not found: nope.png; the clip's first frame is "
            "shown instead");
  EXPECT_EQ(m[1].rfind("deck.md:5:1: warning: poster 'clip.mp4' ", 0), 0u) << m[1];
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].image.media.poster_resolved, real("poster.png"));
  EXPECT_EQ(b[1].image.media.poster_resolved, "");
  // The clip itself still plays.
  EXPECT_EQ(b[1].image.resolved, real("clip.mp4"));
  EXPECT_EQ(b[2].image.resolved, real("clip.mp4"));
}

TEST_F(MediaProbe, TimesPastTheEndAreMovedBack) {
  const ParseResult r = load(
      "![start:0:05](clip.mp4)\n\n![end:1:00 poster:0:30](clip.mp4)\n\n"
      "![start:0.5 end:1.5 poster:1s](clip.mp4)\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: start 0:05 of video 'clip.mp4' is past its end (0:02); it "
                "plays from the beginning",
                "deck.md:3:1: warning: end 1:00 of video 'clip.mp4' is past its end (0:02); it "
                "plays to the end",
                "deck.md:3:1: warning: poster 0:30 of video 'clip.mp4' is past its end (0:02); "
                "the frame it starts at is the poster",
            }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_DOUBLE_EQ(b[0].image.media.start_s, 0);
  EXPECT_DOUBLE_EQ(b[0].image.media.poster_s, 0);
  EXPECT_DOUBLE_EQ(b[1].image.media.end_s, 0);
  EXPECT_FALSE(b[1].image.media.poster_time_given);
  EXPECT_DOUBLE_EQ(b[2].image.media.start_s, 0.5);
  EXPECT_DOUBLE_EQ(b[2].image.media.end_s, 1.5);
  EXPECT_DOUBLE_EQ(b[2].image.media.poster_s, 1);
}

TEST_F(MediaProbe, AMovingBackgroundAndHtmlAreProbedToo) {
  const ParseResult r =
      load("![bg video loop muted](clip.mp4)\n\n<video src=\"clip.mp4\" autoplay></video>\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides.at(0);
  ASSERT_EQ(s.background.images.size(), 1u);
  EXPECT_EQ(s.background.images[0].image.pixel_width, 320);
  EXPECT_EQ(s.background.images[0].image.resolved, real("clip.mp4"));
  ASSERT_EQ(s.blocks.size(), 1u);
  EXPECT_EQ(s.blocks[0].image.pixel_height, 180);
  EXPECT_TRUE(s.blocks[0].image.media.has_audio);
}

// deck/images.h kMaxProbedClips (a header private to deck/'s library).
constexpr int kMaxProbedClips = 64;

TEST_F(MediaProbe, ADeckProbesAtMostSoManyClips) {
  // Files of the wrong kind are probed as clips are (and fail at once).
  std::string text;
  for (int i = 0; i <= kMaxProbedClips; ++i) {
    const std::string name = "cap/c" + std::to_string(i) + ".mp4";
    dir_->write(name, "not a clip");
    text += "![](" + name + ")\n\n";
  }
  text += "![](cap/c0.mp4)\n";  // probed already: no new probe
  const ParseResult r = load(text);
  const std::vector<std::string> m = messages(r);
  // One warning per file (c0's two places fold into one line), and the cap's.
  ASSERT_EQ(m.size(), static_cast<std::size_t>(kMaxProbedClips) + 1) << joined(r);
  const int over = 2 * kMaxProbedClips + 1;  // the line of the clip past the cap
  EXPECT_EQ(m[kMaxProbedClips], "deck.md:" + std::to_string(over) +
                                    ":1: warning: video 'cap/c64.mp4' is not read: a deck reads "
                                    "at most 64 clips; it is drawn as a placeholder");
  EXPECT_EQ(m[0].rfind("deck.md:1:1: warning: video 'cap/c0.mp4' is not a video or sound file", 0),
            0u)
      << m[0];
  EXPECT_TRUE(m[0].ends_with("(2 times, also on line " + std::to_string(over + 2) + ")")) << m[0];
  EXPECT_EQ(errors(r), 0);
}

}  // namespace
}  // namespace madang::deck::test
