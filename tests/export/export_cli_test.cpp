// `madang export` and `madang layout --json` as a user runs them: files,
// pixel sizes, byte-identical reruns, --slides, --size, --select, errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "render/image.h"
#include "run_command.h"

namespace {

namespace fs = std::filesystem;
using madang::test::CommandResult;
using madang::test::read_file;

class Export : public ::testing::Test {
 protected:
  // The folder names the process too: other checkouts on the same machine run
  // the same tests, and a shared name let one run's SetUp delete another's files.
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("madang-export-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult madang(const std::string& args) {
    return madang::test::run_command(std::string("'") + MADANG_BIN + "' " + args, dir_.string());
  }
  static std::string deck(const char* name) {
    return std::string("'") + MADANG_SOURCE_DIR + "/slides/" + name + "'";
  }
  std::string out(const std::string& sub) const { return (dir_ / sub).string(); }

  static std::vector<std::string> pngs(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(Export, WritesOnePngPerSlideAt1080pAndTheSameBytesTwice) {
  const CommandResult first = madang("export " + deck("tour.md") + " --png '" + out("a") + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const CommandResult second = madang("export " + deck("tour.md") + " --png '" + out("b") + "'");
  ASSERT_EQ(second.exit_code, 0) << second.err;

  const std::vector<std::string> names = pngs(out("a"));
  ASSERT_EQ(names.size(), 13u);
  EXPECT_EQ(names.front(), "slide-01.png");
  EXPECT_EQ(names.back(), "slide-13.png");
  EXPECT_EQ(pngs(out("b")), names);
  madang::render::ImageCache images;
  for (const std::string& name : names) {
    const auto* image = images.get(out("a/" + name));
    ASSERT_NE(image, nullptr) << name;
    EXPECT_EQ(image->width, 1920) << name;
    EXPECT_EQ(image->height, 1080) << name;
    EXPECT_EQ(read_file(out("a/" + name)), read_file(out("b/" + name))) << name << " differs";
  }
}

TEST_F(Export, SlidesAndSizeChooseWhatIsWritten) {
  const CommandResult r = madang("export " + deck("lecture.md") + " --png '" + out("p") +
                                 "' --slides 2,4-5 --size 960x540");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(pngs(out("p")),
            (std::vector<std::string>{"slide-02.png", "slide-04.png", "slide-05.png"}));
  madang::render::ImageCache images;
  const auto* image = images.get(out("p/slide-04.png"));
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->width, 960);
  EXPECT_EQ(image->height, 540);
}

TEST_F(Export, SelectChangesTheDiagramSlideOnly) {
  ASSERT_EQ(madang("export " + deck("lecture.md") + " --png '" + out("rest") + "' --slides 3-4")
                .exit_code,
            0);
  const CommandResult r = madang("export " + deck("lecture.md") + " --png '" + out("gov") +
                                 "' --slides 3-4 --select gov");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Slide 4 holds the triangle: selecting 정부 changes it. Slide 3 has no
  // diagram: the id does not apply there and the slide is unchanged.
  EXPECT_NE(read_file(out("rest/slide-04.png")), read_file(out("gov/slide-04.png")));
  EXPECT_EQ(read_file(out("rest/slide-03.png")), read_file(out("gov/slide-03.png")));
}

TEST_F(Export, BadOptionsAndBrokenDecksExportNothing) {
  CommandResult r = madang("export " + deck("lecture.md") + " --png '" + out("x") + "' --size 12");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--size must be WxH"), std::string::npos) << r.err;
  r = madang("export " + deck("lecture.md") + " --png '" + out("x") + "' --slides 30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("outside 1-23"), std::string::npos) << r.err;

  const std::string broken = out("broken.md");
  std::ofstream(broken) << "# 제목\n\n```diagram triangle\nnodes: []\n```\n";
  r = madang("export '" + broken + "' --png '" + out("y") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.md:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out("y/slide-01.png")));
}

TEST_F(Export, LayoutJsonListsTextGlyphsAndHits) {
  const CommandResult r = madang("layout " + deck("lecture.md") + " --slide 4 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["size"], nlohmann::json::array({1920, 1080}));
  ASSERT_EQ(j["slides"].size(), 1u);
  EXPECT_EQ(j["slides"][0]["index"], 4);
  std::map<std::string, std::string> hits;
  bool korean_glyphs = false;
  for (const auto& item : j["slides"][0]["items"]) {
    if (item["kind"] == "hit") {
      hits[item["id"]] = item["label"];
      EXPECT_GE(item["rect"][2].get<double>(), 48.0);
      EXPECT_GE(item["rect"][3].get<double>(), 48.0);
    }
    if (item["kind"] == "text") {
      for (const auto& line : item["lines"]) {
        if (line["text"].get<std::string>().find("사회적 난제에") == std::string::npos) continue;
        const auto& run = line["runs"][0];
        EXPECT_NE(run["font"].get<std::string>().find("NotoSansCJK"), std::string::npos);
        EXPECT_EQ(run["face"], 1);  // the Korean face of the collection
        EXPECT_GT(run["glyphs"].size(), 5u);
        EXPECT_GT(run["glyphs"][0]["id"].get<int>(), 0);
        korean_glyphs = true;
      }
    }
  }
  EXPECT_TRUE(korean_glyphs);
  EXPECT_EQ(hits["gov"], "정부");
  EXPECT_EQ(hits["market"], "시장");
  EXPECT_EQ(hits["civil"], "시민사회");
}

}  // namespace
