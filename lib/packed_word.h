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

#include "ascii.h"

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
  // No byte has its high bit set: the word is ASCII (if it fits the key).
  bool ascii() const { return ((before | last) & kHighBits) == 0; }
};

// Appends a byte to packed bytes: the last byte read is in the low bits.
inline std::uint64_t PushByte(std::uint64_t packed, unsigned char byte) {
  return packed << 8 | byte;
}

// Eight packed bytes with A-Z lowered, all at once: a byte gets 0x20 when it
// is ASCII and in A-Z.
inline std::uint64_t LowerAscii8(std::uint64_t packed) {
  const std::uint64_t low_seven = packed & ~kHighBits;
  const std::uint64_t above_z = low_seven + (0x7F - 'Z') * kLowBits;
  const std::uint64_t from_a = low_seven + (0x80 - 'A') * kLowBits;
  const std::uint64_t upper = (from_a ^ above_z) & ~packed & kHighBits;
  return packed | upper >> 2;
}

// The key of a word whose last (up to) eight bytes a reader packed while
// reading it (`last_bytes`, PushByte from zero), and `before` the bytes
// before those: exact when the word holds at most kPackedBytes bytes.
inline PackedWord PackLowered(std::string_view before, std::uint64_t last_bytes) {
  std::uint64_t before_bytes = 0;
  const std::size_t from = before.size() > 8 ? before.size() - 8 : 0;
  for (std::size_t i = from; i < before.size(); ++i) {
    before_bytes = PushByte(before_bytes, static_cast<unsigned char>(before[i]));
  }
  return PackedWord{LowerAscii8(before_bytes), LowerAscii8(last_bytes)};
}

// The key of `text`: exact when it holds at most kPackedBytes bytes, its
// last 16 otherwise (which still give its suffixes).
inline PackedWord PackLowered(std::string_view text) {
  const std::size_t split = text.size() > 8 ? text.size() - 8 : 0;
  std::uint64_t last_bytes = 0;
  for (std::size_t i = split; i < text.size(); ++i) {
    last_bytes = PushByte(last_bytes, static_cast<unsigned char>(text[i]));
  }
  return PackLowered(text.substr(0, split), last_bytes);
}

// Open addressing from packed words to values, at most half full.
template <typename Value>
class PackedWordTable {
 public:
  explicit PackedWordTable(std::size_t expected_words = 0) { Resize(SlotsFor(expected_words)); }

  // The value of `word` (never empty), added (value-initialized) when new.
  Value& operator[](const PackedWord& word) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    std::size_t slot = SlotOf(word);
    while (!slots_[slot].key.empty() && !(slots_[slot].key == word)) slot = (slot + 1) & mask_;
    if (slots_[slot].key.empty()) ++count_;
    slots_[slot].key = word;
    return slots_[slot].value;
  }

  // The value of `word`, or null.
  const Value* Find(const PackedWord& word) const {
    // An empty slot ends the probe first, so the empty word finds nothing.
    for (std::size_t slot = SlotOf(word);; slot = (slot + 1) & mask_) {
      if (slots_[slot].key.empty()) return nullptr;
      if (slots_[slot].key == word) return &slots_[slot].value;
    }
  }

 private:
  struct Slot {
    PackedWord key;
    Value value{};
  };

  static std::size_t SlotsFor(std::size_t words) {
    std::size_t slots = 16;
    while (slots < 2 * words) slots *= 2;
    return slots;
  }

  void Resize(std::size_t slots) {
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    Resize(2 * old.size());
    count_ = 0;
    for (Slot& slot : old) {
      if (!slot.key.empty()) (*this)[slot.key] = std::move(slot.value);
    }
  }

  std::size_t SlotOf(const PackedWord& word) const {
    const std::uint64_t mixed =
        word.before * 0x9E3779B97F4A7C15ULL ^ word.last * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(mixed >> 32) & mask_;
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;  // slots - 1: a power of two
  std::size_t count_ = 0;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_PACKED_WORD_H_
