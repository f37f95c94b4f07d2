// The rule text of a sentence: the sentence as rules match it, each mention
// replaced by its placeholder "\x01" letter index "\x02" (mentions/mention.h).
#ifndef NEWSEVENTS_LIB_RULES_RULE_TEXT_H_
#define NEWSEVENTS_LIB_RULES_RULE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mentions/mention.h"
#include "newsevents/offset_map.h"

namespace newsevents::internal {

struct RuleText {
  std::string text;
  OffsetMap map;                            // rule text -> sentence
  std::vector<std::size_t> placeholder_at;  // rule-text offset of mention i
};

// `mentions` are those of `sentence`, in order and not overlapping.
RuleText BuildRuleText(std::string_view sentence, const std::vector<FoundMention>& mentions);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_RULES_RULE_TEXT_H_
