// QR codes (see qr.h).
#include "remote/qr.h"

#include <qrencode.h>

namespace madang::remote {

QrCode make_qr(const std::string& text) {
  QrCode out;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return out;
  out.size = code->width;
  out.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return out;
}

}  // namespace madang::remote
