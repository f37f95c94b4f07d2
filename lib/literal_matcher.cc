#include "literal_matcher.h"

#include <algorithm>
#include <limits>

#include "absl/cleanup/cleanup.h"
#include "absl/container/inlined_vector.h"

namespace newsevents::internal {
namespace {

// `byte` as folded literals spell it: lower case, a line break as a space.
// `previous` is the byte before it, for the second byte of a Latin-1 letter.
unsigned char Folded(unsigned char byte, unsigned char previous) {
  if (byte >= 'A' && byte <= 'Z') return static_cast<unsigned char>(byte + ('a' - 'A'));
  if (byte == '\n') return ' ';
  if (byte < 0x80) return byte;
  // U+00C0-U+00DE (but U+00D7, the multiplication sign) -> U+00E0-U+00FE.
  if (previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97) {
    return static_cast<unsigned char>(byte + 0x20);
  }
  if (previous == 0xC5 && byte == 0x92) return 0x93;  // Œ -> œ
  return byte;
}

}  // namespace

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals, Case case_mode,
                               std::size_t max_table_entries)
    : case_mode_(case_mode), literal_count_(literals.size()) {
  lengths_.reserve(literals.size());
  for (const std::string& literal : literals) {
    lengths_.push_back(static_cast<std::uint32_t>(literal.size()));
    if (!literal.empty()) lane_overlap_ = std::max(lane_overlap_, literal.size() - 1);
    for (char c : literal) {
      std::uint8_t& byte_class = class_of_[static_cast<unsigned char>(c)];
      if (byte_class == 0) byte_class = static_cast<std::uint8_t>(class_count_++);
    }
  }
  // The trie: each node's children as (class, node), in the order added.
  std::vector<std::vector<std::pair<std::uint8_t, std::uint32_t>>> children(1);
  std::vector<std::vector<std::uint32_t>> own(1);
  auto child_of = [&](std::uint32_t node, std::uint8_t byte_class) -> std::int64_t {
    for (const auto& [child_class, child] : children[node]) {
      if (child_class == byte_class) return child;
    }
    return -1;
  };
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].empty()) continue;
    std::uint32_t node = 0;
    for (char c : literals[i]) {
      const std::uint8_t byte_class = class_of_[static_cast<unsigned char>(c)];
      std::int64_t child = child_of(node, byte_class);
      if (child < 0) {
        child = static_cast<std::int64_t>(own.size());
        children[node].emplace_back(byte_class, static_cast<std::uint32_t>(child));
        children.emplace_back();
        own.emplace_back();
      }
      node = static_cast<std::uint32_t>(child);
    }
    own[node].push_back(static_cast<std::uint32_t>(i));
  }
  const std::size_t nodes = own.size();

  // Breadth first, so that a node's failure (its longest proper suffix in
  // the trie) and that node's outputs are complete before the node's.
  failure_.assign(nodes, 0);
  auto step = [&](std::uint32_t node, std::uint8_t byte_class) -> std::uint32_t {
    while (true) {
      const std::int64_t child = child_of(node, byte_class);
      if (child >= 0) return static_cast<std::uint32_t>(child);
      if (node == 0) return 0;
      node = failure_[node];
    }
  };
  std::vector<std::uint32_t> order;  // breadth first
  order.reserve(nodes);
  order.push_back(0);
  std::vector<std::vector<std::uint32_t>> outputs(nodes);
  outputs[0] = own[0];
  for (std::size_t next = 0; next < order.size(); ++next) {
    const std::uint32_t node = order[next];
    for (const auto& [byte_class, child] : children[node]) {
      failure_[child] = node == 0 ? 0 : step(failure_[node], byte_class);
      outputs[child] = own[child];
      const std::vector<std::uint32_t>& inherited = outputs[failure_[child]];
      outputs[child].insert(outputs[child].end(), inherited.begin(), inherited.end());
      order.push_back(child);
    }
  }
  output_begin_.reserve(nodes + 1);
  for (const std::vector<std::uint32_t>& list : outputs) {
    output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), list.begin(), list.end());
  }
  output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));

  for (int byte = 0; byte < 256; ++byte) {
    const auto b = static_cast<unsigned char>(byte);
    if (case_mode_ == Case::kSensitive) {
      for (int context = 0; context < 3; ++context) byte_class_[context * 256 + b] = class_of_[b];
      continue;
    }
    byte_class_[b] = class_of_[Folded(b, 0)];
    byte_class_[256 + b] = class_of_[Folded(b, 0xC3)];
    byte_class_[512 + b] = class_of_[Folded(b, 0xC5)];
    context_after_[b] = b == 0xC3 ? 256 : b == 0xC5 ? 512 : 0;
  }

  const std::size_t entries = nodes * class_count_;
  if (entries <= max_table_entries && entries <= std::numeric_limits<std::uint32_t>::max() >> 1) {
    FillTable(order, children);
  } else {
    // Too large a table for memory: the trie is walked with its failures.
    child_begin_.reserve(nodes + 1);
    for (auto& list : children) {
      child_begin_.push_back(static_cast<std::uint32_t>(child_classes_.size()));
      std::sort(list.begin(), list.end());
      for (const auto& [byte_class, child] : list) {
        child_classes_.push_back(byte_class);
        child_nodes_.push_back(child);
      }
    }
    child_begin_.push_back(static_cast<std::uint32_t>(child_classes_.size()));
    return;
  }
  failure_.clear();
  failure_.shrink_to_fit();
}

void LiteralMatcher::FillTable(
    const std::vector<std::uint32_t>& order,
    const std::vector<std::vector<std::pair<std::uint8_t, std::uint32_t>>>& children) {
  const std::size_t row_length = class_count_;
  transitions_.assign(children.size() * row_length, 0);
  auto entry = [&](std::uint32_t target) {
    const bool ends = output_begin_[target] != output_begin_[target + 1];
    return static_cast<std::uint32_t>(target * row_length << 1 | (ends ? 1u : 0u));
  };
  // Breadth first: a state's failure row is filled before its own.
  for (const std::uint32_t node : order) {
    std::uint32_t* row = &transitions_[node * row_length];
    if (node != 0) std::copy_n(&transitions_[failure_[node] * row_length], row_length, row);
    for (const auto& [byte_class, child] : children[node]) row[byte_class] = entry(child);
  }
}

template <typename OnState>
void LiteralMatcher::ScanTable(std::string_view text, OnState on_state) const {
  // The rows that end literals are gathered per block and handed over
  // after it: with on_state's work outside it, the byte loop keeps its few
  // values in registers.
  struct Ended {
    std::uint32_t row;
    std::uint32_t end;  // from the lane's first byte
  };
  constexpr std::size_t kLane = 256;
  // Two lanes pay once each reads this many bytes past the overlap.
  constexpr std::size_t kLeastGain = 16;
  Ended ended[kLane];
  Ended second_ended[kLane];
  const std::uint32_t* const table = transitions_.data();
  const std::uint8_t* const byte_class = byte_class_.data();
  const std::uint16_t* const context_after = context_after_.data();
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const std::size_t overlap = lane_overlap_;
  const std::uint32_t row_length = class_count_;
  // A row is its state times row_length: the state by a multiplication
  // (exact for such multiples, FillTable), not a division.
  const std::uint64_t state_of_row = (std::uint64_t{1} << 32) / row_length + 1;
  auto hand_over = [&](const Ended* list, std::size_t count, std::size_t block) {
    for (std::size_t i = 0; i < count; ++i) {
      on_state(static_cast<std::uint32_t>(list[i].row * state_of_row >> 32), block + list[i].end);
    }
  };
  std::uint32_t context = 0;
  std::uint32_t row = 0;
  std::size_t at = 0;
  // A block of 2 * lane - overlap bytes: the first lane reads [at, at +
  // lane), the second [second, second + lane) from the first state, and
  // counts only ends past the first lane's, where its state is exact (the
  // longest literal fits in what it has read).
  while (overlap + kLeastGain <= kLane && size - at >= overlap + 2 * kLeastGain) {
    const std::size_t lane = std::min(kLane, (size - at + overlap) / 2);
    const std::size_t second = at + lane - overlap;
    std::uint32_t second_context = context_after[bytes[second - 1]];
    std::uint32_t second_row = 0;
    std::size_t count = 0;
    std::size_t second_count = 0;
    for (std::size_t i = 0; i < lane; ++i) {
      const unsigned char byte = bytes[at + i];
      const unsigned char second_byte = bytes[second + i];
      const std::uint32_t entry = table[row + byte_class[context + byte]];
      const std::uint32_t second_entry =
          table[second_row + byte_class[second_context + second_byte]];
      context = context_after[byte];
      second_context = context_after[second_byte];
      row = entry >> 1;
      second_row = second_entry >> 1;
      const auto end = static_cast<std::uint32_t>(i + 1);
      ended[count] = {row, end};
      count += entry & 1;  // kept only when it ends a literal; no branch
      second_ended[second_count] = {second_row, end};
      second_count += second_entry & static_cast<std::uint32_t>(i >= overlap);
    }
    hand_over(ended, count, at);
    hand_over(second_ended, second_count, second);
    at = second + lane;
    row = second_row;
    context = second_context;
  }
  while (at < size) {
    const std::size_t block = at;
    const std::size_t stop = std::min(size, at + kLane);
    std::size_t count = 0;
    for (; at < stop; ++at) {
      const std::uint32_t entry = table[row + byte_class[context + bytes[at]]];
      context = context_after[bytes[at]];
      row = entry >> 1;
      ended[count] = {row, static_cast<std::uint32_t>(at + 1 - block)};
      count += entry & 1;
    }
    hand_over(ended, count, block);
  }
}

template <typename OnState>
void LiteralMatcher::Scan(std::string_view text, OnState on_state) const {
  if (!transitions_.empty()) return ScanTable(text, on_state);
  std::uint32_t context = 0;
  std::uint32_t state = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    const std::uint8_t byte_class = byte_class_[context + byte];
    context = context_after_[byte];
    while (true) {
      const auto first = child_classes_.begin() + child_begin_[state];
      const auto last = child_classes_.begin() + child_begin_[state + 1];
      const auto found = std::lower_bound(first, last, byte_class);
      if (found != last && *found == byte_class) {
        state = child_nodes_[static_cast<std::size_t>(found - child_classes_.begin())];
        break;
      }
      if (state == 0) break;
      state = failure_[state];
    }
    if (output_begin_[state] != output_begin_[state + 1]) on_state(state, at + 1);
  }
}

namespace {

// The indices of the bits set, ascending.
template <typename Bits>
void AppendSetBits(const Bits& bits, std::vector<int>* indices) {
  for (std::size_t word = 0; word < bits.size(); ++word) {
    for (std::uint64_t rest = bits[word]; rest != 0; rest &= rest - 1) {
      indices->push_back(static_cast<int>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(rest))));
    }
  }
}

}  // namespace

std::vector<int> LiteralMatcher::FindDistinct(std::string_view text) const {
  // Short atoms ("of", "to") recur in every sentence: a bit per literal
  // keeps each once without sorting.
  absl::InlinedVector<std::uint64_t, 64> seen((literal_count_ + 63) / 64, 0);
  Scan(text, [&](std::uint32_t state, std::size_t) {
    for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      seen[outputs_[k] / 64] |= std::uint64_t{1} << (outputs_[k] % 64);
    }
  });
  std::vector<int> found;
  AppendSetBits(seen, &found);
  return found;
}

void LiteralMatcher::FindSplit(std::string_view text, std::size_t split,
                               std::vector<int>* distinct, std::vector<Hit>* hits) const {
  // A bit per literal, all zero between calls, one set per thread: this
  // runs on every sentence, which holds a few of a thousand literals, so
  // only the bits set are cleared, and the list is made as they are set.
  thread_local std::vector<std::uint64_t> seen;
  const std::size_t words = (std::min(split, literal_count_) + 63) / 64;
  if (seen.size() < words) seen.resize(words, 0);
  const std::size_t first_found = distinct->size();
  // Cleared even when a list cannot grow (bad_alloc): a bit left set would
  // hide its literal from every later sentence on this thread.
  const absl::Cleanup clear_seen = [&] {
    for (std::size_t i = first_found; i < distinct->size(); ++i) seen[(*distinct)[i] / 64] = 0;
  };
  Scan(text, [&](std::uint32_t state, std::size_t end) {
    for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      const std::uint32_t literal = outputs_[k];
      if (literal < split) {
        std::uint64_t& word = seen[literal / 64];
        const std::uint64_t bit = std::uint64_t{1} << (literal % 64);
        if ((word & bit) == 0) distinct->push_back(static_cast<int>(literal));
        word |= bit;
      } else {
        hits->push_back({static_cast<int>(literal), end - lengths_[literal], end});
      }
    }
  });
}

std::vector<LiteralMatcher::Hit> LiteralMatcher::FindAll(std::string_view text) const {
  std::vector<Hit> hits;
  Scan(text, [&](std::uint32_t state, std::size_t end) {
    for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      hits.push_back({static_cast<int>(outputs_[k]), end - lengths_[outputs_[k]], end});
    }
  });
  return hits;
}

}  // namespace newsevents::internal
