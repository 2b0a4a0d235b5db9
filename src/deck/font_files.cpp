#include "deck/font_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/files.h"

namespace madang::deck {

namespace {

bool names_a_file(const std::string& entry) {
  if (entry.find('/') != std::string::npos) return true;
  const std::size_t dot = entry.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = entry.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == "ttf" || ext == "otf" || ext == "ttc" || ext == "otc";
}

}  // namespace

void resolve_font_files(const std::string& base_dir, bool check_files, Reporter& report,
                        Meta* meta) {
  namespace fs = std::filesystem;
  std::vector<std::string> fonts;
  std::vector<std::pair<int, int>> places;
  for (std::size_t i = 0; i < meta->fonts.size(); ++i) {
    const std::string& entry = meta->fonts[i];
    const std::pair<int, int> place =
        i < meta->font_places.size() ? meta->font_places[i] : std::pair<int, int>{0, 0};
    if (!names_a_file(entry)) {
      fonts.push_back(entry);
      places.push_back(place);
      continue;
    }
    fs::path path(entry);
    if (path.is_relative()) path = fs::path(base_dir) / path;
    const std::string resolved = path.lexically_normal().string();
    if (check_files) {
      const std::string problem = io::regular_file_problem(resolved);
      if (!problem.empty()) {
        report.warning(place.first, place.second,
                       "font file '" + entry + "' " + problem + "; it is not used");
        continue;
      }
    }
    fonts.push_back(resolved);
    places.push_back(place);
  }
  meta->fonts = std::move(fonts);
  meta->font_places = std::move(places);
}

}  // namespace madang::deck
