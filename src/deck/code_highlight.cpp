#include "deck/code_highlight.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/highlightrule.h>
#include <srchilite/highlightstate.h>
#include <srchilite/highlighttoken.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/matchingparameters.h>
#include <srchilite/regexhighlightrule.h>
#include <srchilite/regexpreprocessor.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include <algorithm>
#include <boost/regex.hpp>
#include <cctype>
#include <iterator>
#include <limits>
#include <optional>
#include <set>

namespace madang::deck {

namespace {

// Debian's copy of Source-highlight's language definitions.
constexpr const char* kDataDir = "/usr/share/source-highlight";

// A matched delimiter that names what ends it (Lua's --[==[, Rust's r#"...")
// compiles a state's expressions again: this many steps, and per byte.
constexpr std::uint64_t kStepsPerCompile = 1024;
constexpr std::uint64_t kStepsPerCompiledByte = 32;

// Thrown through Source-highlight when a block's steps run out.
struct OutOfSteps {};

// The steps a block may still take.
class Meter {
 public:
  void start(std::uint64_t steps) {
    left_ = steps;
    taken_ = 0;
    spent_ = false;
  }
  // Throws OutOfSteps once, when `steps` are more than are left; steps taken
  // after that (unwinding the regular expression engine) are free.
  void charge(std::uint64_t steps) {
    if (spent_) return;
    if (steps > left_) {
      taken_ += left_;
      left_ = 0;
      spent_ = true;
      throw OutOfSteps{};
    }
    left_ -= steps;
    taken_ += steps;
  }
  std::uint64_t taken() const { return taken_; }

 private:
  std::uint64_t left_ = 0, taken_ = 0;
  bool spent_ = false;
};

// A character of a line as the regular expression engine walks it: each read
// is a step.
class MeteredIterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  MeteredIterator() = default;
  MeteredIterator(const char* at, Meter* meter) : at_(at), meter_(meter) {}
  const char* get() const { return at_; }

  reference operator*() const {
    meter_->charge(1);
    return *at_;
  }
  reference operator[](difference_type n) const {
    meter_->charge(1);
    return at_[n];
  }
  pointer operator->() const {
    meter_->charge(1);
    return at_;
  }
  MeteredIterator& operator++() {
    ++at_;
    return *this;
  }
  MeteredIterator operator++(int) {
    MeteredIterator was = *this;
    ++at_;
    return was;
  }
  MeteredIterator& operator--() {
    --at_;
    return *this;
  }
  MeteredIterator operator--(int) {
    MeteredIterator was = *this;
    --at_;
    return was;
  }
  MeteredIterator& operator+=(difference_type n) {
    at_ += n;
    return *this;
  }
  MeteredIterator& operator-=(difference_type n) {
    at_ -= n;
    return *this;
  }
  MeteredIterator operator+(difference_type n) const { return MeteredIterator(at_ + n, meter_); }
  MeteredIterator operator-(difference_type n) const { return MeteredIterator(at_ - n, meter_); }
  difference_type operator-(const MeteredIterator& other) const { return at_ - other.at_; }
  bool operator==(const MeteredIterator& other) const { return at_ == other.at_; }
  auto operator<=>(const MeteredIterator& other) const { return at_ <=> other.at_; }

 private:
  const char* at_ = nullptr;
  Meter* meter_ = nullptr;
};

// Source-highlight's RegexHighlightRule, step for step (libsource-highlight
// 3.1.9, regexhighlightrule.cpp), over metered characters. It takes the
// place of each rule of a definition once it is read; its other properties
// (the state it enters, the levels it exits...) are the rule's own.
class MeteredRule final : public srchilite::HighlightRule {
 public:
  MeteredRule(const srchilite::RegexHighlightRule& rule, Meter* meter)
      : srchilite::HighlightRule(rule),
        pattern_(rule.toString()),
        regex_(pattern_),
        meter_(meter) {}

  using srchilite::HighlightRule::tryToMatch;
  bool tryToMatch(std::string::const_iterator start, std::string::const_iterator end,
                  srchilite::HighlightToken& token,
                  const srchilite::MatchingParameters& params) override {
    static const boost::regex only_spaces("[[:blank:]]*");
    meter_->charge(kHighlightStepsPerSearch);
    boost::match_flag_type flags = boost::match_default;
    if (!params.beginningOfLine) flags |= boost::match_not_bol;
    const char* first = std::to_address(start);
    const MeteredIterator begin(first, meter_);
    const MeteredIterator stop(first + (end - start), meter_);
    boost::match_results<MeteredIterator> match;
    if (!boost::regex_search(begin, stop, match, regex_, flags)) return false;
    const auto text = [](const boost::sub_match<MeteredIterator>& m) {
      return m.matched ? std::string(m.first.get(), m.second.get()) : std::string();
    };
    // The suffix is left out: no one reads it.
    token.prefix.assign(first, match[0].first.get());
    meter_->charge(token.prefix.size());
    token.prefixOnlySpaces = boost::regex_match(token.prefix, only_spaces);
    if (getHasSubexpressions()) {
      for (std::size_t i = 1; i < match.size(); ++i) token.matchedSubExps.push_back(text(match[i]));
    }
    if (getElemList().size() > 1) {
      for (std::size_t i = 1; i < match.size(); ++i) {
        if (match[i].matched) token.addMatched(getElemList()[i - 1], text(match[i]));
      }
    } else {
      token.addMatched(getElemList()[0], text(match[0]));
    }
    return true;
  }

  const std::string toString() const override { return pattern_; }

  void replaceReferences(const srchilite::ReplacementList& replacements) override {
    pattern_ = srchilite::RegexPreProcessor::replace_references(pattern_, replacements);
    meter_->charge(kStepsPerCompile + kStepsPerCompiledByte * pattern_.size());
    regex_.assign(pattern_);
  }

  srchilite::HighlightRule* clone() override { return new MeteredRule(*this); }

 private:
  std::string pattern_;
  boost::regex regex_;
  Meter* meter_;
};

// Puts a MeteredRule in the place of every rule of `state` and of the states
// they lead to. False when a rule is not a regular expression's.
bool meter_rules(const srchilite::HighlightStatePtr& state, Meter* meter,
                 std::set<const srchilite::HighlightState*>* seen) {
  if (!state || !seen->insert(state.get()).second) return true;
  for (std::size_t i = 0; i < state->getRuleList().size(); ++i) {
    const srchilite::HighlightRulePtr rule = state->getRuleList()[i];
    const auto* regex_rule = dynamic_cast<const srchilite::RegexHighlightRule*>(rule.get());
    if (regex_rule == nullptr) return false;
    state->replaceRule(i, srchilite::HighlightRulePtr(new MeteredRule(*regex_rule, meter)));
    if (!meter_rules(rule->getNextState(), meter, seen)) return false;
  }
  return true;
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

constexpr std::uint64_t kNoBound = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturating_product(std::uint64_t a, std::uint64_t b) {
  return b != 0 && a > kNoBound / b ? kNoBound : a * b;
}
std::uint64_t saturating_sum(std::uint64_t a, std::uint64_t b) {
  return a > kNoBound - b ? kNoBound : a + b;
}

}  // namespace

HighlightBounds HighlightBounds::none() {
  constexpr std::size_t kAllBytes = std::numeric_limits<std::size_t>::max();
  return HighlightBounds{kAllBytes, kAllBytes, kNoBound, kNoBound, kNoBound};
}

struct CodeHighlighter::Impl {
  explicit Impl(const HighlightBounds& b)
      : bounds(b), bytes_left(b.deck_bytes), steps_left(b.deck_steps) {}

  HighlightBounds bounds;
  srchilite::RegexRuleFactory rules;
  srchilite::LangDefManager definitions{&rules};
  std::optional<srchilite::LangMap> languages;
  std::map<std::string, srchilite::HighlightStatePtr> states;  // by .lang file; null: unusable
  Meter meter;
  std::size_t bytes_left;
  std::uint64_t steps_left;
  std::uint64_t steps_taken = 0;

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
        std::set<const srchilite::HighlightState*> seen;
        if (!meter_rules(state, &meter, &seen)) state = nullptr;
      } catch (...) {  // a definition that cannot be read: plain code
        state = nullptr;
      }
      it = states.emplace(file, state).first;
    }
    return it->second;
  }
};

CodeHighlighter::CodeHighlighter(const HighlightBounds& bounds)
    : impl_(std::make_unique<Impl>(bounds)) {}
CodeHighlighter::~CodeHighlighter() = default;

std::uint64_t CodeHighlighter::steps() const {
  return impl_->steps_taken;
}

std::vector<CodeToken> CodeHighlighter::highlight(std::string_view language,
                                                  std::string_view code) {
  std::vector<CodeToken> tokens;
  Impl& im = *impl_;
  if (code.size() > im.bounds.block_bytes) {
    const std::size_t cut = code.rfind('\n', im.bounds.block_bytes);
    code = code.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  if (code.empty() || code.size() > im.bytes_left || im.steps_left == 0) return tokens;
  im.bytes_left -= code.size();
  // The block's steps: by its bytes and lines, within what the deck has left.
  const std::uint64_t lines =
      1 + static_cast<std::uint64_t>(std::count(code.begin(), code.end(), '\n'));
  im.meter.start(std::min(saturating_sum(saturating_product(code.size(), im.bounds.steps_per_byte),
                                         saturating_product(lines, im.bounds.steps_per_line)),
                          im.steps_left));
  try {
    const srchilite::HighlightStatePtr state = im.state_for(std::string(language));
    if (!state) return tokens;
    std::size_t line_start = 0;
    srchilite::FormatterManager formatters(
        srchilite::FormatterPtr(new TokenSink(std::nullopt, &tokens, &line_start)));
    for (const char* element :
         {"keyword", "preproc", "type", "usertype", "classname", "string", "regexp", "specialchar",
          "comment", "number", "function", "predef_func"}) {
      formatters.addFormatter(element, srchilite::FormatterPtr(new TokenSink(
                                           code_token_kind(element), &tokens, &line_start)));
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
  } catch (const OutOfSteps&) {
    // The tokens so far are what unbounded highlighting gives; the rest is plain.
  } catch (...) {  // boost::regex gives up on a match that backtracks too far
    tokens.clear();
  }
  im.steps_left -= std::min(im.steps_left, im.meter.taken());
  im.steps_taken += im.meter.taken();
  return tokens;
}

std::optional<CodeTokenKind> code_token_kind(const std::string& element) {
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

}  // namespace madang::deck
