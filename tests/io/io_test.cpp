// Reading untrusted files: anything but a regular file is refused with its
// cause, at once (a FIFO without a writer must not block); sizes are
// bounded; an image's size is known from its header alone.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "io/files.h"
#include "io/image_header.h"
#include "temp_dir.h"

namespace madang::io {
namespace {

namespace fs = std::filesystem;

class Files : public test::TempDirTest {};

TEST_F(Files, ARegularFileIsRead) {
  const ReadResult r = read_regular_file(write("a.md", "가나다"), 100);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.bytes, "가나다");
  EXPECT_EQ(regular_file_problem(file("a.md")), "");
}

TEST_F(Files, EverythingElseIsRefusedWithItsCause) {
  ASSERT_EQ(::mkfifo(file("fifo").c_str(), 0600), 0);
  fs::create_directories(file("folder"));
  fs::create_symlink(file("b"), file("a"));
  fs::create_symlink(file("a"), file("b"));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(read_regular_file(file("fifo"), 100).error, "is a FIFO (named pipe), not a file");
  EXPECT_EQ(read_regular_file(file("folder"), 100).error, "is a folder, not a file");
  EXPECT_EQ(read_regular_file(file("a"), 100).error, "is a loop of symbolic links");
  EXPECT_EQ(read_regular_file(file("none"), 100).error, "does not exist");
  EXPECT_EQ(read_regular_file("/dev/zero", 100).error, "is a device, not a file");
  std::string why;
  EXPECT_FALSE(MappedFile::open(file("fifo"), 100, &why).ok());
  EXPECT_EQ(why, "is a FIFO (named pipe), not a file");
  EXPECT_FALSE(MappedFile::open("/dev/zero", 100, &why).ok());
  EXPECT_EQ(why, "is a device, not a file");
  EXPECT_EQ(open_regular_file(file("fifo"), &why), nullptr);
  // None of them blocked.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST_F(Files, SizeIsBounded) {
  const std::string big = write("big", std::string(1000, 'x'));
  const ReadResult r = read_regular_file(big, 999);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.too_big);
  EXPECT_TRUE(r.bytes.empty());
  EXPECT_EQ(r.error, "is larger than 999 bytes");
  EXPECT_TRUE(read_regular_file(big, 1000).ok);
  std::string why;
  EXPECT_FALSE(MappedFile::open(big, 999, &why).ok());
  EXPECT_EQ(why, "is larger than 999 bytes");
  const MappedFile m = MappedFile::open(big, 1000, &why);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(std::string(m.data(), m.size()), std::string(1000, 'x'));
  EXPECT_EQ(describe_bytes(8u << 20), "8 MiB");
}

// The signature and IHDR of a PNG (no pixel data at all).
std::string png_header(std::uint32_t w, std::uint32_t h) {
  std::string png("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16);
  for (std::uint32_t v : {w, h}) {
    for (int s = 24; s >= 0; s -= 8) png += static_cast<char>((v >> s) & 0xFF);
  }
  png += std::string("\x08\x06\x00\x00\x00", 5);
  png += std::string(4, '\0');  // CRC: stb_image's info does not check it
  return png;
}

TEST_F(Files, ImageSizeComesFromTheHeaderAlone) {
  const ImageHeader ok = read_image_header(write("ok.png", png_header(640, 480)));
  EXPECT_TRUE(ok.ok) << ok.error;
  EXPECT_EQ(ok.format, "PNG");
  EXPECT_EQ(ok.width, 640);
  EXPECT_EQ(ok.height, 480);
  const ImageHeader bomb = read_image_header(write("bomb.png", png_header(20000, 20000)));
  EXPECT_FALSE(bomb.ok);
  EXPECT_EQ(bomb.error,
            "is 20000x20000 pixels (400 megapixels); images over 40 megapixels are not decoded");
  const ImageHeader gif = read_image_header(write("x.png", "GIF89a\x10\x00\x10\x00"));
  EXPECT_EQ(gif.format, "GIF");
  EXPECT_EQ(gif.error, "is a GIF image; only PNG and JPEG images are shown");
  EXPECT_EQ(read_image_header(write("t.png", "hello")).error, "is not a PNG or JPEG file");
  EXPECT_EQ(read_image_header(write("e.png", "")).error, "is empty");
  ASSERT_EQ(::mkfifo(file("fifo.png").c_str(), 0600), 0);
  EXPECT_EQ(read_image_header(file("fifo.png")).error, "is a FIFO (named pipe), not a file");
}

}  // namespace
}  // namespace madang::io
