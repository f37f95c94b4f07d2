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

const MentionKindInfo* KindNamed(std::string_view name) {
  for (MentionKind kind : {MentionKind::kOrganization, MentionKind::kMoney,
                           MentionKind::kPercent, MentionKind::kQuantity, MentionKind::kDate}) {
    if (InfoOf(kind).name == name) return &InfoOf(kind);
  }
  return nullptr;
}

}  // namespace internal
}  // namespace newsevents
