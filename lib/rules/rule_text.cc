#include "rules/rule_text.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace newsevents::internal {

RuleText BuildRuleText(std::string_view sentence, const std::vector<FoundMention>& mentions) {
  RuleText built;
  built.text.reserve(sentence.size() + 8 * mentions.size());
  std::size_t at = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const FoundMention& mention = mentions[i];
    built.text.append(sentence.substr(at, mention.begin - at));
    built.map.AppendCopy(mention.begin - at);
    built.placeholder_at.push_back(built.text.size());
    built.text.push_back('\x01');
    built.text.push_back(InfoOf(mention.kind).letter);
    absl::StrAppend(&built.text, i);
    built.text.push_back('\x02');
    built.map.AppendReplace(mention.end - mention.begin,
                            built.text.size() - built.placeholder_at.back());
    at = mention.end;
  }
  built.text.append(sentence.substr(at));
  built.map.AppendCopy(sentence.size() - at);
  // A line wrapped inside the sentence reads as a space.
  std::replace(built.text.begin(), built.text.end(), '\n', ' ');
  return built;
}

}  // namespace newsevents::internal
