// Every occurrence of a fixed set of literals in a text, in one pass: an
// Aho-Corasick automaton over byte classes. It finds the rules' atoms in each
// sentence (RuleSet) and the entity list's aliases (OrganizationRecognizer).
// Unlike RE2, a call costs nothing beyond its bytes, which matters for many
// short sentences and for lists whose short entries match often.
//
// Case (kFolded): the literals are lower case; ASCII letters and the Latin-1
// capitals of French (À-Þ, Œ) are folded on the fly, so offsets are those of
// the text given, and a line break reads as a space, as in rule text.
//
// Thread safety: immutable after construction; Find* may run on many threads.
#ifndef NEWSEVENTS_LIB_LITERAL_MATCHER_H_
#define NEWSEVENTS_LIB_LITERAL_MATCHER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsevents::internal {

class LiteralMatcher {
 public:
  enum class Case { kSensitive, kFolded };

  // A full transition table (fastest) is built while it holds at most this
  // many entries (4 bytes each); a larger set is walked as a trie.
  static constexpr std::size_t kMaxTableEntries = std::size_t{1} << 22;

  // Empty literals are never found.
  LiteralMatcher(const std::vector<std::string>& literals, Case case_mode,
                 std::size_t max_table_entries = kMaxTableEntries);

  // The literals found in `text`, as indices in the constructor's list, in
  // ascending order, each once.
  std::vector<int> FindDistinct(std::string_view text) const;

  struct Hit {
    int literal;
    std::size_t begin;  // byte offsets in the text
    std::size_t end;
  };
  // Every occurrence, overlapping ones too, ordered by end, then longest
  // first.
  std::vector<Hit> FindAll(std::string_view text) const;

  // In one pass, the literals below `split` found in `text`, each once in
  // the order first found (FindDistinct's, unsorted), and FindAll's answer
  // for the others: two callers' literals matched as one set.
  void FindSplit(std::string_view text, std::size_t split, std::vector<int>* distinct,
                 std::vector<Hit>* hits) const;

 private:
  template <typename OnState>
  void Scan(std::string_view text, OnState on_state) const;
  template <typename OnState>
  void ScanTable(std::string_view text, OnState on_state) const;
  void FillTable(const std::vector<std::uint32_t>& order,
                 const std::vector<std::vector<std::pair<std::uint8_t, std::uint32_t>>>& children);

  Case case_mode_;
  std::size_t literal_count_;
  std::array<std::uint8_t, 256> class_of_{};  // byte -> class; 0: in no literal
  std::uint32_t class_count_ = 1;
  // A byte's class as read after an ordinary byte (from 0), after 0xC3
  // (from 256) and after 0xC5 (from 512: the second byte of a Latin-1
  // capital or Œ), and which of those contexts a byte opens, as that offset.
  std::array<std::uint8_t, 3 * 256> byte_class_{};
  std::array<std::uint16_t, 256> context_after_{};
  // Rows of class_count_ entries, one per state. An entry is where the
  // target state's row begins, shifted left one bit, with the low bit set
  // when the target ends a literal: the next row is at hand without a
  // multiplication, which would lengthen the chain of lookups a scan waits
  // on. Empty when too large: then the trie's children and failures are
  // walked instead.
  std::vector<std::uint32_t> transitions_;
  // A scan of a long text reads its two halves in lockstep, so that two
  // lookups are in flight; the second half starts this many bytes early
  // (the longest literal's length less one), so that its state is exact
  // where its first hit counts.
  std::size_t lane_overlap_ = 0;
  std::vector<std::uint32_t> child_begin_;   // per state, into the two below
  std::vector<std::uint8_t> child_classes_;  // ascending per state
  std::vector<std::uint32_t> child_nodes_;
  std::vector<std::uint32_t> failure_;
  // The literals ending at each state, its own then its suffixes':
  // outputs_[output_begin_[s] .. output_begin_[s + 1]).
  std::vector<std::uint32_t> output_begin_;
  std::vector<std::uint32_t> outputs_;
  std::vector<std::uint32_t> lengths_;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_LITERAL_MATCHER_H_
