// Short words looked up by their lowered bytes packed into two integers.
// The language scorer and the number reader look up every word of a text,
// and most are in no list: hashing and comparing a string (and folding it
// into a new one first) cost most of their time.
#ifndef NEWSEVENTS_LIB_PACKED_WORD_H_
#define NEWSEVENTS_LIB_PACKED_WORD_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsevents::internal {

// A key holds a word of up to this many bytes exactly.
constexpr std::size_t kPackedBytes = 16;

// The last 16 bytes of a word, A-Z lowered, the last byte in the low bits of
// `last` and zero before the first. No word is empty, so an all-zero key is
// no word.
struct PackedWord {
  std::uint64_t before = 0;  // bytes 16-9 from the end
  std::uint64_t last = 0;    // bytes 8-1 from the end

  bool operator==(const PackedWord& other) const {
    return before == other.before && last == other.last;
  }
  bool empty() const { return before == 0 && last == 0; }
};

// Up to 8 bytes as an integer, the last in the low bits, A-Z lowered.
inline std::uint64_t PackLowered8(const char* bytes, std::size_t count) {
  std::uint64_t packed = 0;
  for (std::size_t i = 0; i < count; ++i) packed = packed << 8 | static_cast<unsigned char>(bytes[i]);
  // All eight bytes at once: a byte gets 0x20 when it is ASCII and in A-Z.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const std::uint64_t low_seven = packed & ~kHighBits;
  const std::uint64_t above_z = low_seven + (0x7F - 'Z') * kOnes;
  const std::uint64_t from_a = low_seven + (0x80 - 'A') * kOnes;
  const std::uint64_t upper = (from_a ^ above_z) & ~packed & kHighBits;
  return packed | upper >> 2;
}

// The key of `text`: exact when it holds at most kPackedBytes bytes, its
// last 16 otherwise (which still give its suffixes).
inline PackedWord PackLowered(std::string_view text) {
  PackedWord word;
  const std::size_t last_count = std::min<std::size_t>(text.size(), 8);
  word.last = PackLowered8(text.data() + text.size() - last_count, last_count);
  const std::size_t before_count = std::min<std::size_t>(text.size() - last_count, 8);
  word.before = PackLowered8(text.data() + text.size() - last_count - before_count, before_count);
  return word;
}

// Open addressing from packed words to values, at most half full.
template <typename Value>
class PackedWordTable {
 public:
  explicit PackedWordTable(std::size_t expected_words = 0) { Resize(SlotsFor(expected_words)); }

  // The value of `word` (never empty), added (value-initialized) when new.
  Value& operator[](const PackedWord& word) {
    if (2 * (count_ + 1) > keys_.size()) Grow();
    std::size_t slot = SlotOf(word);
    while (!keys_[slot].empty() && !(keys_[slot] == word)) slot = (slot + 1) & (keys_.size() - 1);
    if (keys_[slot].empty()) ++count_;
    keys_[slot] = word;
    return values_[slot];
  }

  // The value of `word`, or null.
  const Value* Find(const PackedWord& word) const {
    if (word.empty()) return nullptr;
    for (std::size_t slot = SlotOf(word);; slot = (slot + 1) & (keys_.size() - 1)) {
      if (keys_[slot] == word) return &values_[slot];
      if (keys_[slot].empty()) return nullptr;
    }
  }

 private:
  static std::size_t SlotsFor(std::size_t words) {
    std::size_t slots = 16;
    while (slots < 2 * words) slots *= 2;
    return slots;
  }

  void Resize(std::size_t slots) {
    keys_.assign(slots, PackedWord{});
    values_.assign(slots, Value{});
  }

  void Grow() {
    std::vector<PackedWord> keys = std::move(keys_);
    std::vector<Value> values = std::move(values_);
    Resize(2 * keys.size());
    count_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!keys[i].empty()) (*this)[keys[i]] = std::move(values[i]);
    }
  }

  std::size_t SlotOf(const PackedWord& word) const {
    const std::uint64_t mixed = word.before * 0x9E3779B97F4A7C15ULL ^ word.last * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(mixed >> 32) & (keys_.size() - 1);
  }

  std::vector<PackedWord> keys_;
  std::vector<Value> values_;
  std::size_t count_ = 0;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_PACKED_WORD_H_
