// Mentions: the spans of money, percentages, quantities, organizations and
// dates in a sentence, each with its normalized value. Event rules are
// written over the sentence with each mention replaced by a placeholder.
#ifndef NEWSEVENTS_LIB_MENTIONS_MENTION_H_
#define NEWSEVENTS_LIB_MENTIONS_MENTION_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsevents/event.h"
#include "newsevents/mention.h"

namespace newsevents::internal {

// The placeholder letter and the rule fragment name of each kind.
struct MentionKindInfo {
  MentionKind kind;
  char letter;             // in placeholders: "\x01" letter index "\x02"
  std::string_view name;   // in rules: {ORG}, {MONEY}, ...
  std::string_view label;  // MentionKindName: "organization", "money", ...
};
const MentionKindInfo& InfoOf(MentionKind kind);
// The kind whose rule fragment is `name`, or nullptr.
const MentionKindInfo* KindNamed(std::string_view name);
// The kind whose placeholder letter is `letter` (either case), or nullptr.
const MentionKindInfo* KindOfLetter(char letter);

// Sets of kinds, as bit masks.
using KindSet = std::uint32_t;
constexpr KindSet KindBit(MentionKind kind) { return KindSet{1} << static_cast<int>(kind); }
constexpr KindSet kEveryKind = ~KindSet{0};
// The kinds whose mentions can be told apart by how they begin
// (MentionRecognizer::KindsBeginningAt): the gate checks what follows a
// rule's text before such a placeholder.
constexpr KindSet kKindsToldApartByBeginning = KindBit(MentionKind::kPercent);

// A mention as the recognizers find it, in the text they were given.
struct FoundMention {
  MentionKind kind;
  std::size_t begin;  // byte offsets in that text
  std::size_t end;
  Value value;
  // Bytes of the qualifier cue the mention starts with ("more than "), 0 if
  // none: [begin + cue_length, end) is the amount alone.
  std::size_t cue_length = 0;
};

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_MENTIONS_MENTION_H_
