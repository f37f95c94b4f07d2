// Which of a fixed set of lower-case literals occur in a text, in one pass:
// an Aho-Corasick automaton over byte classes. The rules' atoms are found
// this way in each sentence before any mention is, so that the sentences no
// rule can match are skipped (RuleSet::MayMatch). Unlike an RE2::Set, a call
// costs nothing beyond its bytes, which matters for short sentences.
//
// Case: ASCII letters and the Latin-1 letters of French (À-Þ, Œ) are folded
// to lower case on the fly, so offsets are those of the text given. A line
// break reads as a space, as it does in rule text.
//
// Thread safety: immutable after construction; Find may run on many threads.
#ifndef NEWSEVENTS_LIB_RULES_ATOM_MATCHER_H_
#define NEWSEVENTS_LIB_RULES_ATOM_MATCHER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsevents::internal {

class AtomMatcher {
 public:
  // `atoms` are lower case and not empty.
  explicit AtomMatcher(const std::vector<std::string>& atoms);

  // The atoms found in `text`, as indices in the constructor's list, in
  // ascending order, each once.
  std::vector<int> Find(std::string_view text) const;

  std::size_t states() const { return output_begin_.size() - 1; }

 private:
  std::uint32_t Next(std::uint32_t state, unsigned char byte_class) const {
    return transitions_[state * class_count_ + byte_class];
  }

  std::size_t atom_count_;
  std::array<std::uint8_t, 256> class_of_{};  // byte -> class; 0: in no atom
  std::uint32_t class_count_ = 1;
  std::vector<std::uint32_t> transitions_;     // state x class -> state
  // The atoms ending at each state, its own and those of its suffixes:
  // outputs_[output_begin_[s] .. output_begin_[s + 1]).
  std::vector<std::uint32_t> output_begin_;
  std::vector<std::uint32_t> outputs_;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_RULES_ATOM_MATCHER_H_
