// Mention: a sum of money, a percentage, a quantity, an organization or a
// date found in text, with its normalized value. Events are built from them;
// Extractor::Mentions returns them on their own.
#ifndef NEWSEVENTS_MENTION_H_
#define NEWSEVENTS_MENTION_H_

#include <string>
#include <string_view>

#include "newsevents/event.h"
#include "newsevents/export.h"

namespace newsevents {
inline namespace v1 {

enum class MentionKind { kOrganization, kMoney, kPercent, kQuantity, kDate };

// "organization", "money", "percent", "quantity", "date".
NEWSEVENTS_EXPORT std::string_view MentionKindName(MentionKind kind);

struct Mention {
  MentionKind kind = MentionKind::kQuantity;
  std::string text;  // the original surface text of `span`
  Span span;         // in the Document's bytes
  Value norm;        // Organization, Money, Percent, Quantity or Date
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_MENTION_H_
