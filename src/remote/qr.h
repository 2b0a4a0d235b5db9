// The remote's address as a QR code, as plain data for a screen to draw.
//
// Promise: pure (libqrencode); the modules as a square of booleans.
#pragma once

#include <string>
#include <vector>

namespace madang::remote {

struct QrCode {
  int size = 0;            // modules on a side (no quiet zone)
  std::vector<bool> dark;  // size * size, rows top to bottom
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// The text encoded at error correction level M; size 0 when it cannot be.
QrCode make_qr(const std::string& text);

}  // namespace madang::remote
