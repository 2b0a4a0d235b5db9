#include "deck/yaml_load.h"

#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "deck/limits.h"

namespace madang::deck {

namespace {

// Thrown inside the scan only; caught in load_yaml.
struct Refused {
  YAML::Mark mark;
  std::string message;
};

// Walks the parser's events without building nodes, to refuse aliases and
// bound the size before yaml-cpp builds (and we later walk) a tree.
class Scan final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{mark, "YAML aliases (*name) are not supported"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    count(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnMapEnd() override { --depth_; }

 private:
  void count(const YAML::Mark& mark) {
    if (++events_ > limits::kMaxYamlEvents) {
      throw Refused{mark, "YAML document has too many values (limit " +
                              std::to_string(limits::kMaxYamlEvents) + ")"};
    }
  }
  void open(const YAML::Mark& mark) {
    count(mark);
    if (++depth_ > limits::kMaxYamlDepth) {
      throw Refused{
          mark, "YAML nesting deeper than " + std::to_string(limits::kMaxYamlDepth) + " levels"};
    }
  }
  int events_ = 0;
  int depth_ = 0;
};

// What to do about yaml-cpp's commonest complaints.
std::string hint(const std::string& message) {
  if (message.find("illegal map value") != std::string::npos) {
    return "; a value that holds ': ' must be put in quotes, like title: \"Part 1: Basics\"";
  }
  if (message.find("end of map not found") != std::string::npos ||
      message.find("end of sequence not found") != std::string::npos) {
    return "; check the indentation, or put a value that starts with [ { or a quote in quotes";
  }
  if (message.find("unknown escape character") != std::string::npos) {
    return "; inside double quotes a backslash starts an escape: use single quotes, or write \\\\";
  }
  return {};
}

}  // namespace

bool load_yaml(std::string_view text, const char* what, const YamlPlace& place, Reporter& report,
               YAML::Node* out) {
  int line = 0, column = 0;
  if (text.size() > limits::kMaxYamlBytes) {
    place(YAML::Mark(), &line, &column);
    report.error(line, column, std::string(what) + " is larger than 64 KiB");
    return false;
  }
  const std::string owned(text);
  try {
    {
      std::istringstream in(owned);
      YAML::Parser parser(in);
      Scan scan;
      parser.HandleNextDocument(scan);
    }
    *out = YAML::Load(owned);
    return true;
  } catch (const Refused& r) {
    place(r.mark, &line, &column);
    report.error(line, column, r.message);
  } catch (const YAML::Exception& e) {
    // e.msg is the message without yaml-cpp's own "line N, column M" prefix.
    place(e.mark, &line, &column);
    report.error(line, column, std::string("invalid YAML in ") + what + ": " + e.msg + hint(e.msg));
  } catch (const std::exception& e) {
    place(YAML::Mark(), &line, &column);
    report.error(line, column, std::string("cannot read ") + what + ": " + e.what());
  }
  return false;
}

void YamlReader::at(const YAML::Node& node, int* line, int* column) const {
  place(node.Mark(), line, column);
}

void YamlReader::error(const YAML::Node& node, const std::string& message) const {
  int line = 0, column = 0;
  at(node, &line, &column);
  report.error(line, column, message);
}

void YamlReader::warning(const YAML::Node& node, const std::string& message) const {
  int line = 0, column = 0;
  at(node, &line, &column);
  report.warning(line, column, message);
}

bool YamlReader::text(const YAML::Node& node, const std::string& key, std::string* out) const {
  if (node.IsNull()) return true;
  if (!node.IsScalar()) {
    error(node, "'" + key + "' must be text");
    return false;
  }
  *out = node.Scalar();
  return true;
}

bool YamlReader::boolean(const YAML::Node& node, const std::string& key, bool* out) const {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes" || s == "on") {
      *out = true;
      return true;
    }
    if (s == "false" || s == "no" || s == "off") {
      *out = false;
      return true;
    }
  }
  error(node, "'" + key + "' must be true or false");
  return false;
}

}  // namespace madang::deck
