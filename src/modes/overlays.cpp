#include "modes/overlays.h"

#include <fcntl.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace madang::app {

namespace {

// Noto Sans CJK KR is face 1 of the Debian collection (fonts-noto-cjk).
constexpr const char* kCjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr int kCjkKoreanFace = 1;
constexpr float kBigScale = 2.2f;

constexpr const char* kHelpTitle = "단축키 · Keys";
constexpr const char* kHelpFooter = "? 또는 Esc: 닫기 · ? or Esc: close";
constexpr const char* kJumpLabel = "슬라이드로 이동 · Go to slide";
constexpr const char* kJumpHint = "Enter";
constexpr const char* kErrorTitle =
    "다시 읽기 실패: 마지막 정상 버전을 보여 줍니다 · Reload failed: showing the last good version";
constexpr const char* kMoreErrors = "외 %d개 · %d more";

constexpr ImU32 kPanel = IM_COL32(20, 20, 24, 235);
constexpr ImU32 kText = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kDim = IM_COL32(170, 170, 178, 255);
constexpr ImU32 kAccent = IM_COL32(96, 165, 250, 255);
constexpr ImU32 kErrorPanel = IM_COL32(150, 20, 30, 240);
constexpr ImU32 kOverviewBack = IM_COL32(28, 28, 32, 255);

// A read-only memory map of a whole file, unmapped on destruction.
struct MappedFile {
  void* data = nullptr;
  std::size_t size = 0;
  bool open(const char* path) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data = p;
        size = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
    return data != nullptr;
  }
  ~MappedFile() {
    if (data) munmap(data, size);
  }
};

ImVec2 text_size(ImFont* font, float size, const std::string& s, float wrap = 0) {
  return font->CalcTextSizeA(size, FLT_MAX, wrap, s.c_str());
}

}  // namespace

struct Overlays::Impl {
  SDL_Renderer* renderer = nullptr;
  ImGuiContext* context = nullptr;
  float px = 24;
  bool have_cjk = false;
  std::vector<std::string> texts;  // everything the atlas must cover
  ImVector<ImWchar> ranges;        // must outlive the atlas build
  ImFont* font = nullptr;
  ImFont* big = nullptr;  // digits only, kBigScale times larger
  bool texture_ready = false;

  void build_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // ASCII and Latin-1
    for (const std::string& t : texts) builder.AddText(t.c_str());
    ranges.clear();
    builder.BuildRanges(&ranges);
    font = big = nullptr;
    MappedFile file;
    if (have_cjk && file.open(kCjkFont)) {
      // Mapped, not read: ImGui would copy all 20 MB of the collection to
      // rasterize a few hundred glyphs from one face.
      ImFontConfig config;
      config.FontNo = kCjkKoreanFace;
      config.FontDataOwnedByAtlas = false;
      config.OversampleH = 1;  // pixel-snapped UI text needs no oversampling
      config.PixelSnapH = true;
      font = io.Fonts->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size), px, &config,
                                            ranges.Data);
    }
    if (font) {
      // The typed jump number is drawn large: digits at that size, so that
      // they are rasterized sharp rather than scaled up.
      ImFontConfig config;
      config.FontNo = kCjkKoreanFace;
      config.FontDataOwnedByAtlas = false;
      config.PixelSnapH = true;
      static const ImWchar kDigits[] = {'0', '9', 0};
      big = io.Fonts->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size),
                                           std::round(px * kBigScale), &config, kDigits);
    } else {
      ImFontConfig config;
      config.SizePixels = px;
      font = io.Fonts->AddFontDefault(&config);
    }
    if (!big) big = font;
    io.Fonts->Build();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    texture_ready = ImGui_ImplSDLRenderer_CreateFontsTexture();
    io.Fonts->ClearInputData();  // before `file` unmaps what it points into
    io.Fonts->ClearTexData();    // the texture has the pixels now
  }

  bool has_glyphs(const std::string& s) const {
    ImFontGlyphRangesBuilder builder;
    builder.AddText(s.c_str());
    ImVector<ImWchar> need;
    builder.BuildRanges(&need);
    for (int i = 0; i + 1 < need.Size && need[i] != 0; i += 2) {
      for (unsigned c = need[i]; c <= need[i + 1]; ++c) {
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
      }
    }
    return true;
  }

  // Adds `s` to the atlas if it uses characters the atlas lacks.
  void cover(const std::string& s) {
    if (has_glyphs(s)) return;
    texts.push_back(s);
    build_atlas();
  }

  // ----------------------------------------------------------------- help
  void draw_help(ImDrawList* dl, const OverlayInput& in) {
    const auto& lines = *in.help;
    float kw = 0, kow = 0, enw = 0;
    for (const HelpLine& l : lines) {
      kw = std::max(kw, text_size(font, px, l.keys).x);
      kow = std::max(kow, text_size(font, px, l.korean).x);
      enw = std::max(enw, text_size(font, px, l.english).x);
    }
    const float pad = px, gap = px * 1.2f, row = px * 1.55f;
    float w = pad * 2 + kw + gap + kow + gap + enw;
    float h = pad * 2 + row * static_cast<float>(lines.size() + 3);
    // A small window shrinks the text rather than cutting it.
    const float s = std::min({1.0f, in.width * 0.96f / w, in.height * 0.96f / h});
    const float size = px * s;
    w *= s;
    h *= s;
    const ImVec2 o{std::floor((in.width - w) / 2), std::floor((in.height - h) / 2)};
    dl->AddRectFilled(o, {o.x + w, o.y + h}, kPanel, px * 0.5f * s);
    float y = o.y + pad * s;
    dl->AddText(font, size, {o.x + pad * s, y}, kText, kHelpTitle);
    y += row * 1.5f * s;
    for (const HelpLine& l : lines) {
      float x = o.x + pad * s;
      dl->AddText(font, size, {x, y}, kAccent, l.keys.c_str());
      x += (kw + gap) * s;
      dl->AddText(font, size, {x, y}, kText, l.korean.c_str());
      x += (kow + gap) * s;
      dl->AddText(font, size, {x, y}, kDim, l.english.c_str());
      y += row * s;
    }
    y += row * 0.5f * s;
    dl->AddText(font, size, {o.x + pad * s, y}, kDim, kHelpFooter);
  }

  // ----------------------------------------------------------------- jump
  void draw_jump(ImDrawList* dl, const OverlayInput& in) {
    const float big_px = big == font ? px : big->FontSize;
    char total[32];
    std::snprintf(total, sizeof total, " / %d", in.slide_count);
    const ImVec2 label = text_size(font, px, kJumpLabel);
    const ImVec2 digits = text_size(big, big_px, in.jump);
    const ImVec2 rest = text_size(font, px, std::string(total) + "   " + kJumpHint);
    const float pad = px;
    const float w = pad * 2 + std::max(label.x, digits.x + rest.x);
    const float h = pad * 2 + label.y + digits.y;
    const ImVec2 o{std::floor((in.width - w) / 2), std::floor(in.height - h - px * 2)};
    dl->AddRectFilled(o, {o.x + w, o.y + h}, kPanel, px * 0.5f);
    dl->AddText(font, px, {o.x + pad, o.y + pad}, kDim, kJumpLabel);
    const float base = o.y + pad + label.y;
    dl->AddText(big, big_px, {o.x + pad, base}, kText, in.jump.c_str());
    dl->AddText(font, px, {o.x + pad + digits.x, base + digits.y - rest.y * 1.2f}, kDim,
                (std::string(total) + "   " + kJumpHint).c_str());
  }

  // ---------------------------------------------------------------- errors
  void draw_errors(ImDrawList* dl, const OverlayInput& in) {
    const float size = px;  // the atlas size: scaled text blurs
    const float pad = px * 0.6f, margin = px * 0.6f;
    const float wrap = in.width - 2 * margin - 2 * pad;
    std::vector<std::string> lines;
    lines.push_back(kErrorTitle);
    for (const std::string& e : in.errors) lines.push_back(e);
    const int more = in.error_count - static_cast<int>(in.errors.size());
    if (more > 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, kMoreErrors, more, more);
      lines.push_back(buf);
    }
    float w = 0, h = 0;
    for (const std::string& l : lines) {
      const ImVec2 t = text_size(font, size, l, wrap);
      w = std::max(w, t.x);
      h += t.y + size * 0.25f;
    }
    w += 2 * pad;
    h += 2 * pad;
    const ImVec2 o{margin, std::floor(in.height - h - margin)};
    dl->AddRectFilled(o, {o.x + w, o.y + h}, kErrorPanel, px * 0.3f);
    float y = o.y + pad;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      dl->AddText(font, size, {o.x + pad, y}, i == 0 ? IM_COL32(255, 220, 220, 255) : kText,
                  lines[i].c_str(), nullptr, wrap);
      y += text_size(font, size, lines[i], wrap).y + size * 0.25f;
    }
  }

  // ---------------------------------------------------------------- keypad
  // Text centred in `r`, at the atlas size (scaled text blurs) unless it
  // would not fit.
  void centred(ImDrawList* dl, ImFont* f, float size, const layout::Rect& r, ImU32 color,
               const std::string& s) {
    ImVec2 t = text_size(f, size, s);
    if (t.x > r.w * 0.94f) {
      size *= r.w * 0.94f / t.x;
      t = text_size(f, size, s);
    }
    dl->AddText(f, size, {std::floor(r.x + (r.w - t.x) / 2), std::floor(r.y + (r.h - t.y) / 2)},
                color, s.c_str());
  }

  void draw_keypad(ImDrawList* dl, const OverlayInput& in) {
    const KeypadPicture& k = *in.keypad;
    const KeypadLayout& pad = k.layout;
    // The slide dims behind it: the keypad is the only thing that listens.
    dl->AddRectFilled({0, 0}, {static_cast<float>(in.width), static_cast<float>(in.height)},
                      IM_COL32(0, 0, 0, 150));
    const layout::Rect& p = pad.panel;
    dl->AddRectFilled({p.x, p.y}, {p.x + p.w, p.y + p.h}, kPanel, px * 0.5f);
    centred(dl, font, px, pad.title, kText, k.title);
    if (pad.dots.w > 0) {
      const float r = std::max(4.0f, pad.dots.h * 0.14f), step = r * 3.2f;
      const int n = std::max(k.typed, kPinMinDigits);
      float x = pad.dots.x + (pad.dots.w - step * static_cast<float>(n - 1)) / 2;
      const float y = pad.dots.y + pad.dots.h / 2;
      for (int i = 0; i < n; ++i, x += step) {
        if (i < k.typed) {
          dl->AddCircleFilled({x, y}, r, kText, 20);
        } else {
          dl->AddCircle({x, y}, r, kDim, 20, std::max(1.0f, r * 0.25f));
        }
      }
    }
    if (!k.note.empty()) centred(dl, font, px, pad.note, IM_COL32(255, 150, 150, 255), k.note);
    for (const PadButton& b : pad.buttons) {
      const layout::Rect& r = b.rect;
      const bool ok = b.key == GateKey::kOk;
      dl->AddRectFilled({r.x, r.y}, {r.x + r.w, r.y + r.h},
                        ok ? IM_COL32(37, 99, 235, 255) : IM_COL32(58, 58, 66, 255), px * 0.3f);
      const bool digit = b.key == GateKey::kDigit && big != font;
      centred(dl, digit ? big : font, digit ? big->FontSize : px, r, kText, b.label);
    }
  }

  // -------------------------------------------------------------- overview
  void draw_overview(ImDrawList* dl, const OverlayInput& in) {
    const OverviewGrid& g = *in.grid;
    dl->AddRectFilled({0, 0}, {static_cast<float>(in.width), static_cast<float>(in.height)},
                      kOverviewBack);
    const float label = std::min(px, g.label_height * 0.8f);
    for (std::size_t i = 0; i < g.thumbs.size(); ++i) {
      const layout::Rect& r = g.thumbs[i];
      const ImVec2 a{r.x, r.y}, b{r.x + r.w, r.y + r.h};
      SDL_Texture* t = i < in.thumbs.size() ? in.thumbs[i] : nullptr;
      if (t) {
        dl->AddImage(reinterpret_cast<ImTextureID>(t), a, b);
      } else {
        dl->AddRectFilled(a, b, IM_COL32(60, 60, 66, 255));
      }
      const int index = static_cast<int>(i);
      if (index == in.current) dl->AddRect(a, b, kText, 0, 0, std::max(1.0f, px * 0.08f));
      if (index == in.cursor) {
        const float t2 = std::max(2.0f, px * 0.18f);
        dl->AddRect({a.x - t2, a.y - t2}, {b.x + t2, b.y + t2}, kAccent, 0, 0, t2);
      }
      const std::string number = std::to_string(index + 1);
      const ImVec2 ts = text_size(font, label, number);
      dl->AddText(font, label,
                  {std::floor(r.x + (r.w - ts.x) / 2), b.y + (g.label_height - ts.y) / 2},
                  index == in.cursor ? kAccent : kDim, number.c_str());
    }
  }
};

Overlays::Overlays(SDL_Renderer* renderer, float font_px, std::string* warning)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.renderer = renderer;
  m.px = std::round(font_px);
  m.context = ImGui::CreateContext();
  ImGui::SetCurrentContext(m.context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing of ours to remember; never write imgui.ini
  io.LogFilename = nullptr;
  ImGui_ImplSDLRenderer_Init(renderer);
  std::error_code ec;
  m.have_cjk = std::filesystem::exists(kCjkFont, ec);
  if (!m.have_cjk && warning) {
    *warning = std::string("overlay font not found: ") + kCjkFont +
               " (install fonts-noto-cjk); Korean overlay text will not show";
  }
  m.texts = {kHelpTitle, kHelpFooter, kJumpLabel, kJumpHint, kErrorTitle, kMoreErrors};
  for (const std::string& t : keypad_texts()) m.texts.push_back(t);
  for (const HelpLine& l : help_lines(default_bindings(), diagram_bindings())) {
    m.texts.push_back(l.keys + l.korean + l.english);
  }
  m.build_atlas();
}

Overlays::~Overlays() {
  ImGui::SetCurrentContext(impl_->context);
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui::DestroyContext(impl_->context);
}

bool Overlays::visible(const OverlayInput& in) {
  return in.help || !in.jump.empty() || !in.errors.empty() || in.grid || in.keypad;
}

float Overlays::font_px() const {
  return impl_->px;
}

bool Overlays::has_glyphs(const std::string& text) const {
  ImGui::SetCurrentContext(impl_->context);
  return impl_->has_glyphs(text);
}

void Overlays::invalidate() {
  impl_->texture_ready = false;
}

void Overlays::draw(const OverlayInput& in) {
  if (!visible(in) || in.width <= 0 || in.height <= 0) return;
  Impl& m = *impl_;
  ImGui::SetCurrentContext(m.context);
  for (const std::string& e : in.errors) m.cover(e);
  if (!m.texture_ready) {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    m.build_atlas();
  }
  ImGuiIO& io = ImGui::GetIO();
  // ImGui works in renderer pixels here (no platform backend: the overlays
  // take no ImGui input), so HiDPI needs no framebuffer scale.
  io.DisplaySize = ImVec2(static_cast<float>(in.width), static_cast<float>(in.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  if (in.grid) m.draw_overview(dl, in);
  if (!in.errors.empty()) m.draw_errors(dl, in);
  if (in.help) m.draw_help(dl, in);
  if (!in.jump.empty()) m.draw_jump(dl, in);
  if (in.keypad) m.draw_keypad(dl, in);
  ImGui::Render();
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace madang::app
