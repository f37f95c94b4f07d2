// The compiled parts of an Extractor: per language, the mention recognizers
// and the rule set. Built once from Options; immutable after.
#ifndef NEWSEVENTS_LIB_EXTRACT_ENGINE_H_
#define NEWSEVENTS_LIB_EXTRACT_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "literal_matcher.h"
#include "mentions/recognizer.h"
#include "newsevents/event.h"
#include "newsevents/options.h"
#include "newsevents/status.h"
#include "rules/rule_set.h"

namespace newsevents::internal {

struct Engine {
  struct Language {
    std::string code;  // "en", "fr"
    std::unique_ptr<MentionRecognizer> mentions;
    std::unique_ptr<RuleSet> rules;

    // The rules' first-pass literals, then the mentions' cues (percent
    // signs and words, currency forms), then the sentence parts that
    // placeholders follow (RuleSet::followed_parts): the gate reads a
    // sentence once.
    std::unique_ptr<LiteralMatcher> gate;
    std::size_t cue_count = 0;

    // For each of `sentences` (spans of `text`), false when no rule can
    // match it: it needs neither mentions nor rules. The same as
    // rules->MayMatch(sentence, mentions->PossibleKinds(sentence)), and
    // more strict: a part that a placeholder follows must end where a
    // mention of that kind may begin (MentionRecognizer::KindsBeginningAt).
    // One literal scan of the text (in windows), not one per sentence: no
    // sentence is too short to read in two lanes (LiteralMatcher), and a
    // sentence keeps the hits inside it, as if read alone.
    void GateSentences(std::string_view text, const std::vector<Span>& sentences,
                       std::vector<bool>* may_hold_events) const;

    // rules->Match, with the rules' literals in `rule_text` found by the
    // gate, whose table the sentences before have just warmed.
    std::vector<Candidate> MatchRules(std::string_view rule_text, MatchTrace* trace) const;

   private:
    // GateSentences' answer for one sentence, given the rules' literals it
    // holds (each once) and the hits of the gate's other literals (offsets
    // in the sentence; reordered here).
    bool MayHoldEvents(std::string_view sentence, const std::vector<int>& found,
                       std::vector<LiteralMatcher::Hit>* cue_hits) const;
  };
  std::vector<Language> languages;

  // The language with this code, or nullptr.
  const Language* Find(std::string_view code) const;

  // Compiles now every rule that would compile on first use (a benchmark
  // times warm rules, or the cost of compiling them all). False if one fails.
  bool CompileEveryRule() const;
};

// Validates `options` and reads the built-in rules and entity list, then the
// user's (options.rules, options.entities): the user's rules, and the
// built-in ones that read their definitions, are compiled here, the other
// built-in rules on first use (RuleSet::Compile). Each language on its own
// thread. Every malformed rule is reported at once.
StatusOr<std::unique_ptr<Engine>> BuildEngine(const Options& options);

// BuildEngine behind a process-wide cache: an engine built from the same
// types and the same bytes of every rules file and entity list is shared
// (engines are immutable). The files are read again on every call, so an
// edited rules file is compiled anew. The engine of the latest build is kept
// even when no Extractor holds it any more, so creating the same Extractor
// over and over (a Dask worker unpickling one per task) compiles once; older
// ones live as long as their Extractors.
StatusOr<std::shared_ptr<const Engine>> SharedEngine(const Options& options);

}  // namespace newsevents::internal

#endif  // NEWSEVENTS_LIB_EXTRACT_ENGINE_H_
