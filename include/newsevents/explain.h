// Explanation: what the extractor saw and decided in each sentence, for
// people writing or debugging rules (the CLI's --explain).
#ifndef NEWSEVENTS_EXPLAIN_H_
#define NEWSEVENTS_EXPLAIN_H_

#include <string>
#include <utility>
#include <vector>

#include "newsevents/event.h"
#include "newsevents/mention.h"

namespace newsevents {
inline namespace v1 {

// One compiled rule or guard of an Extractor.
struct RuleInfo {
  std::string id;     // "<lang>/<type>/<name>"
  bool guard = false; // a guard vetoes the events it overlaps
  std::string where;  // "path:line" of its definition
  double confidence = 0;
};

struct SentenceExplanation {
  Span span;              // the sentence in the Document's bytes
  std::string lang;       // the language whose rules read it
  std::string text;       // the normalized sentence
  std::string rule_text;  // as the rules see it: mentions as {ORG#0}, {MONEY#1}...
  std::vector<Mention> mentions;
  std::vector<std::string> picked;     // rule ids whose atoms the sentence holds
  std::vector<std::string> matched;    // those whose own pattern matched
  std::vector<std::pair<std::string, std::string>> vetoed;  // (rule id, guard id)
  std::vector<std::string> outranked;  // dropped by precedence (rule_set.h)
  std::vector<Event> events;           // what the sentence gave
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_EXPLAIN_H_
