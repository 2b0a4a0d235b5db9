#include "deck/code_highlight.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace madang::deck {

namespace {

// Debian's copy of Source-highlight's language definitions.
constexpr const char* kDataDir = "/usr/share/source-highlight";

// Source-highlight's element names (its .lang files), by what they are to a
// reader; the others (symbols, brackets, variables) stay plain.
std::optional<CodeTokenKind> kind_of(const std::string& element) {
  if (element == "keyword" || element == "preproc") return CodeTokenKind::kKeyword;
  if (element == "type" || element == "usertype" || element == "classname") {
    return CodeTokenKind::kType;
  }
  if (element == "string" || element == "regexp" || element == "specialchar") {
    return CodeTokenKind::kString;
  }
  if (element == "comment") return CodeTokenKind::kComment;
  if (element == "number") return CodeTokenKind::kNumber;
  if (element == "function" || element == "predef_func") return CodeTokenKind::kFunction;
  return std::nullopt;
}

// Receives each highlighted piece of the current line.
class TokenSink : public srchilite::Formatter {
 public:
  TokenSink(std::optional<CodeTokenKind> kind, std::vector<CodeToken>* out,
            const std::size_t* line_start)
      : kind_(kind), out_(out), line_start_(line_start) {}
  void format(const std::string& s, const srchilite::FormatterParams* params) override {
    if (!kind_ || s.empty() || params == nullptr || params->start < 0) return;
    const std::size_t begin = *line_start_ + static_cast<std::size_t>(params->start);
    const auto end = static_cast<std::uint32_t>(begin + s.size());
    // Pieces of one kind that touch are one token.
    if (!out_->empty() && out_->back().kind == *kind_ && out_->back().end == begin) {
      out_->back().end = end;
      return;
    }
    out_->push_back(CodeToken{static_cast<std::uint32_t>(begin), end, *kind_});
  }

 private:
  std::optional<CodeTokenKind> kind_;
  std::vector<CodeToken>* out_;
  const std::size_t* line_start_;
};

}  // namespace

struct CodeHighlighter::Impl {
  srchilite::RegexRuleFactory rules;
  srchilite::LangDefManager definitions{&rules};
  std::optional<srchilite::LangMap> languages;
  std::map<std::string, srchilite::HighlightStatePtr> states;  // by .lang file; null: unusable
  std::size_t bytes_left = kMaxHighlightedDeckBytes;

  // The highlight state for a language name, or null.
  srchilite::HighlightStatePtr state_for(std::string language) {
    std::transform(language.begin(), language.end(), language.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (language.empty() || language.size() > 32) return nullptr;
    // Fence names people write that Source-highlight's map lacks, for
    // languages its definitions cover.
    static constexpr std::pair<const char*, const char*> kAliases[] = {
        {"rust", "rs"},   {"typescript", "js"},  {"ts", "js"},      {"jsx", "js"},
        {"tsx", "js"},    {"shell", "sh"},       {"console", "sh"}, {"c++", "cpp"},
        {"golang", "go"}, {"python3", "python"}, {"py3", "python"}};
    for (const auto& [alias, name] : kAliases) {
      if (language == alias) language = name;
    }
    if (!languages) {
      languages.emplace(kDataDir, "lang.map");
      languages->open();
    }
    std::string file = languages->getMappedFileName(language);
    if (file.empty()) file = languages->getMappedFileNameFromFileName("x." + language);
    if (file.empty()) return nullptr;
    auto it = states.find(file);
    if (it == states.end()) {
      srchilite::HighlightStatePtr state;
      try {
        state = definitions.getHighlightState(kDataDir, file);
      } catch (...) {  // a definition that cannot be read: plain code
      }
      it = states.emplace(file, state).first;
    }
    return it->second;
  }
};

CodeHighlighter::CodeHighlighter() : impl_(std::make_unique<Impl>()) {}
CodeHighlighter::~CodeHighlighter() = default;

std::vector<CodeToken> CodeHighlighter::highlight(std::string_view language,
                                                  std::string_view code) {
  std::vector<CodeToken> tokens;
  if (code.size() > kMaxHighlightedBytes) {
    const std::size_t cut = code.rfind('\n', kMaxHighlightedBytes);
    code = code.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  if (code.empty() || code.size() > impl_->bytes_left) return tokens;
  impl_->bytes_left -= code.size();
  try {
    const srchilite::HighlightStatePtr state = impl_->state_for(std::string(language));
    if (!state) return tokens;
    std::size_t line_start = 0;
    srchilite::FormatterManager formatters(
        srchilite::FormatterPtr(new TokenSink(std::nullopt, &tokens, &line_start)));
    for (const char* element :
         {"keyword", "preproc", "type", "usertype", "classname", "string", "regexp", "specialchar",
          "comment", "number", "function", "predef_func"}) {
      formatters.addFormatter(
          element, srchilite::FormatterPtr(new TokenSink(kind_of(element), &tokens, &line_start)));
    }
    srchilite::FormatterParams params;
    srchilite::SourceHighlighter highlighter(state);
    highlighter.setFormatterManager(&formatters);
    highlighter.setFormatterParams(&params);
    while (line_start < code.size()) {
      std::size_t end = code.find('\n', line_start);
      if (end == std::string_view::npos) end = code.size();
      highlighter.highlightParagraph(std::string(code.substr(line_start, end - line_start)));
      line_start = end + 1;
    }
  } catch (...) {  // boost::regex gives up on a match that backtracks too far
    tokens.clear();
  }
  return tokens;
}

}  // namespace madang::deck
