#include "literal_matcher.h"

#include <algorithm>
#include <deque>

namespace newsevents::internal {
namespace {

// `byte` as folded literals spell it: lower case, a line break as a space.
// `previous` is the byte before it, for the second byte of a Latin-1 letter.
unsigned char Folded(unsigned char byte, unsigned char previous) {
  if (byte >= 'A' && byte <= 'Z') return static_cast<unsigned char>(byte + ('a' - 'A'));
  if (byte == '\n') return ' ';
  // U+00C0-U+00DE (but U+00D7, the multiplication sign) -> U+00E0-U+00FE.
  if (previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97) {
    return static_cast<unsigned char>(byte + 0x20);
  }
  if (previous == 0xC5 && byte == 0x92) return 0x93;  // Œ -> œ
  return byte;
}

}  // namespace

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& atoms, Case case_mode)
    : case_mode_(case_mode), literal_count_(atoms.size()) {
  lengths_.reserve(atoms.size());
  for (const std::string& atom : atoms) {
    lengths_.push_back(static_cast<std::uint32_t>(atom.size()));
    for (char c : atom) {
      std::uint8_t& byte_class = class_of_[static_cast<unsigned char>(c)];
      if (byte_class == 0) byte_class = static_cast<std::uint8_t>(class_count_++);
    }
  }
  // The trie, with -1 for a missing child.
  std::vector<std::int32_t> children(class_count_, -1);
  std::vector<std::vector<std::uint32_t>> own(1);
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].empty()) continue;
    std::size_t node = 0;
    for (char c : atoms[i]) {
      const std::size_t slot = node * class_count_ + class_of_[static_cast<unsigned char>(c)];
      if (children[slot] < 0) {
        children[slot] = static_cast<std::int32_t>(own.size());
        own.emplace_back();
        children.resize(children.size() + class_count_, -1);
      }
      node = static_cast<std::size_t>(children[slot]);
    }
    own[node].push_back(static_cast<std::uint32_t>(i));
  }

  // Breadth first, so that a node's failure (a shorter suffix) is complete
  // before the node: the full transition table and the outputs.
  const std::size_t nodes = own.size();
  transitions_.assign(nodes * class_count_, 0);
  std::vector<std::uint32_t> failure(nodes, 0);
  std::vector<std::vector<std::uint32_t>> outputs(nodes);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t c = 0; c < class_count_; ++c) {
    const std::int32_t child = children[c];
    if (child >= 0) {
      transitions_[c] = static_cast<std::uint32_t>(child);
      queue.push_back(static_cast<std::uint32_t>(child));
    }
  }
  outputs[0] = own[0];
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    outputs[node] = own[node];
    const std::vector<std::uint32_t>& inherited = outputs[failure[node]];
    outputs[node].insert(outputs[node].end(), inherited.begin(), inherited.end());
    for (std::uint32_t c = 0; c < class_count_; ++c) {
      const std::int32_t child = children[node * class_count_ + c];
      const std::uint32_t fallback = transitions_[failure[node] * class_count_ + c];
      if (child >= 0) {
        failure[static_cast<std::size_t>(child)] = fallback;
        transitions_[node * class_count_ + c] = static_cast<std::uint32_t>(child);
        queue.push_back(static_cast<std::uint32_t>(child));
      } else {
        transitions_[node * class_count_ + c] = fallback;
      }
    }
  }
  output_begin_.reserve(nodes + 1);
  for (const std::vector<std::uint32_t>& list : outputs) {
    output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), list.begin(), list.end());
  }
  output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
}

template <typename OnState>
void LiteralMatcher::Scan(std::string_view text, OnState on_state) const {
  std::uint32_t state = 0;
  if (case_mode_ == Case::kSensitive) {
    for (std::size_t at = 0; at < text.size(); ++at) {
      state = transitions_[state * class_count_ + class_of_[static_cast<unsigned char>(text[at])]];
      if (output_begin_[state] != output_begin_[state + 1]) on_state(state, at + 1);
    }
    return;
  }
  unsigned char previous = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    state = transitions_[state * class_count_ + class_of_[Folded(byte, previous)]];
    previous = byte;
    if (output_begin_[state] != output_begin_[state + 1]) on_state(state, at + 1);
  }
}

std::vector<int> LiteralMatcher::FindDistinct(std::string_view text) const {
  // Short atoms ("of", "to") recur in every sentence: a bit per literal
  // keeps each once without sorting.
  std::vector<std::uint64_t> seen((literal_count_ + 63) / 64, 0);
  Scan(text, [&](std::uint32_t state, std::size_t) {
    for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      seen[outputs_[k] / 64] |= std::uint64_t{1} << (outputs_[k] % 64);
    }
  });
  std::vector<int> found;
  for (std::size_t word = 0; word < seen.size(); ++word) {
    for (std::uint64_t bits = seen[word]; bits != 0; bits &= bits - 1) {
      found.push_back(static_cast<int>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
    }
  }
  return found;
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
