#include "mentions/mention.h"

namespace newsevents {
inline namespace v1 {

std::string_view MentionKindName(MentionKind kind) { return internal::InfoOf(kind).label; }

}  // namespace v1

namespace internal {

const MentionKindInfo& InfoOf(MentionKind kind) {
  static constexpr MentionKindInfo kInfo[] = {
      {MentionKind::kOrganization, 'O', "ORG", "organization"},
      {MentionKind::kMoney, 'M', "MONEY", "money"},
      {MentionKind::kPercent, 'P', "PERCENT", "percent"},
      {MentionKind::kQuantity, 'Q', "QUANTITY", "quantity"},
      {MentionKind::kDate, 'D', "DATE", "date"},
  };
  return kInfo[static_cast<int>(kind)];
}

namespace {
constexpr MentionKind kKinds[] = {MentionKind::kOrganization, MentionKind::kMoney,
                                  MentionKind::kPercent, MentionKind::kQuantity,
                                  MentionKind::kDate};
}  // namespace

const MentionKindInfo* KindNamed(std::string_view name) {
  for (MentionKind kind : kKinds) {
    if (InfoOf(kind).name == name) return &InfoOf(kind);
  }
  return nullptr;
}

const MentionKindInfo* KindOfLetter(char letter) {
  const char upper = letter >= 'a' && letter <= 'z' ? static_cast<char>(letter - 'a' + 'A') : letter;
  for (MentionKind kind : kKinds) {
    if (InfoOf(kind).letter == upper) return &InfoOf(kind);
  }
  return nullptr;
}

}  // namespace internal
}  // namespace newsevents
