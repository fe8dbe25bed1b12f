// The guarded parse of yaml_document.hpp. An event pass (YAML::Parser with an EventHandler)
// checks the stream first; only a stream that passes is built into a node by YAML::Load, which
// reads the first document only and so terminates.
#include "yaml_document.hpp"

#include <sstream>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

namespace stratstab::io {
namespace {

/// Thrown from the handler to stop the parser at the first problem.
struct Refused {
  YAML::Mark mark;
  std::string message;
};

/// Counts, per document, the depth of nesting and the nodes each anchor stands for once its
/// aliases are expanded (an anchor's count includes the expansions of aliases inside it, so the
/// total is the size of the fully expanded tree).
class GuardHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t anchor) override { leaf(anchor); }
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = size_of_.find(anchor);
    if (it == size_of_.end()) {
      // yaml-cpp has resolved the name, so the anchor is open: the alias lies inside the node
      // it names, which would make every walker recurse forever.
      throw Refused{mark, "an alias refers to a node that contains it (a cycle)"};
    }
    expanded_ += it->second;
    if (expanded_ - written_ > kMaxYamlAliasNodes) {
      throw Refused{mark, fmt::format("aliases expand to more than {} repeated nodes (write the entries out, or "
                                      "use fewer aliases)",
                                      kMaxYamlAliasNodes)};
    }
    add_to_parent(it->second);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

  [[nodiscard]] const YAML::Mark& start() const { return start_; }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::size_t size;  ///< nodes in the expanded subtree so far, itself included
  };

  void leaf(YAML::anchor_t anchor) {
    ++written_;
    ++expanded_;
    if (anchor != YAML::NullAnchor) size_of_[anchor] = 1;
    add_to_parent(1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= kMaxYamlNestingDepth) {
      throw Refused{mark,
                    fmt::format("nesting too deep: more than {} levels of lists and mappings", kMaxYamlNestingDepth)};
    }
    ++written_;
    ++expanded_;
    stack_.push_back(Open{anchor, 1});
  }
  void close() {
    const Open done = stack_.back();
    stack_.pop_back();
    if (done.anchor != YAML::NullAnchor) size_of_[done.anchor] = done.size;
    add_to_parent(done.size);
  }
  void add_to_parent(std::size_t size) {
    if (!stack_.empty()) stack_.back().size += size;
  }

  YAML::Mark start_ = YAML::Mark::null_mark();
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, std::size_t> size_of_;  ///< closed anchors only
  std::size_t written_ = 0;
  std::size_t expanded_ = 0;
};

bool same_place(const YAML::Mark& a, const YAML::Mark& b) {
  return a.pos == b.pos && a.line == b.line && a.column == b.column;
}

/// "',' " when the text has a printable character at `mark`, for the message.
std::string character_at(const std::string& text, const YAML::Mark& mark) {
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return "";
  const char c = text[static_cast<std::size_t>(mark.pos)];
  if (c < 0x21 || c > 0x7e) return "";
  return fmt::format(" '{}'", c);
}

}  // namespace

std::variant<YAML::Node, YamlParseError> parse_yaml_document(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  // Documents 1, 2 and 3 at most. yaml-cpp 0.7.0 returns a document without consuming input at a
  // token it cannot start a node with (',' outside a flow collection, or after a tag): two
  // documents in a row that start at the same place mean the parser is stuck there.
  std::vector<YAML::Mark> starts;
  try {
    for (int k = 0; k < 3; ++k) {
      GuardHandler handler;
      if (!parser.HandleNextDocument(handler)) break;
      starts.push_back(handler.start());
      if (starts.size() >= 2 && same_place(starts[starts.size() - 2], starts.back())) {
        return YamlParseError{starts.back(),
                              fmt::format("not valid YAML: unexpected{} here; no value can start with it",
                                          character_at(text, starts.back()))};
      }
    }
  } catch (const Refused& refused) {
    return YamlParseError{refused.mark, refused.message};
  } catch (const YAML::Exception& e) {
    return YamlParseError{e.mark, fmt::format("not valid YAML: {}", e.msg)};
  }
  if (starts.size() >= 2) {
    return YamlParseError{starts[1], "a second YAML document starts here (a file holds one)"};
  }
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return YamlParseError{e.mark, fmt::format("not valid YAML: {}", e.msg)};
  }
}

}  // namespace stratstab::io
