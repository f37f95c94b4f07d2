#include "newsevents/extractor.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <type_traits>

#include "absl/strings/ascii.h"
#include "string_views.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/engine.h"
#include "ingest/ingest.h"
#include "mentions/organizations.h"
#include "mentions/recognizer.h"
#include "normalize/normalizer.h"
#include "rules/rule_file.h"
#include "rules/rule_set.h"
#include "rules/rule_text.h"
#include "segment/language.h"
#include "segment/sentences.h"

namespace newsevents {
inline namespace v1 {

using internal::Candidate;
using internal::FoundMention;

using internal::ToAbsl;

namespace {



// An amount a rule reads as the peak of a move: "up to" becomes "as much as".
void ReadAsPeak(Value* norm) {
  std::visit(
      [](auto& value) {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Percent> ||
                      std::is_same_v<std::decay_t<decltype(value)>, Money> ||
                      std::is_same_v<std::decay_t<decltype(value)>, Quantity>) {
          if (value.qualifier == Qualifier::kAtMost) value.qualifier = Qualifier::kAsMuchAs;
        }
      },
      *norm);
}

}  // namespace

// The rule text with placeholders written for people: {ORG#0}, {MONEY#1}.
std::string Printable(const std::string& rule_text, const std::vector<FoundMention>& mentions) {
  std::string out;
  for (std::size_t at = 0; at < rule_text.size();) {
    const std::size_t open = rule_text.find('\x01', at);
    if (open == std::string::npos) {
      out.append(rule_text, at, std::string::npos);
      break;
    }
    out.append(rule_text, at, open - at);
    const std::size_t close = rule_text.find('\x02', open);
    const std::size_t index = std::stoul(rule_text.substr(open + 2, close - open - 2));
    absl::StrAppend(&out, "{", ToAbsl(internal::InfoOf(mentions[index].kind).name), "#", index,
                    "}");
    at = close + 1;
  }
  return out;
}

struct Extractor::Impl {
  using Language = internal::Engine::Language;

  Options options;
  std::shared_ptr<const internal::Engine> engine;  // shared by Extractors of equal options

  const Language* Find(std::string_view code) const { return engine->Find(code); }

  // A document made ready for its rules: normalized, split, and the
  // languages whose rules read it.
  struct Prepared {
    NormalizedText text;
    std::vector<Span> sentences;  // in text.text
    std::vector<const Language*> languages;
  };
  Prepared Prepare(const Document& document) const;

  static Mention ToMention(const Document& document, const Prepared& prepared,
                           const Span& sentence, const FoundMention& found);

  // Appends the events of every sentence in `language`, and when
  // `explanations` is given, one explanation per sentence.
  void ExtractSentences(const Document& document, const Prepared& prepared,
                        const Language& language, std::vector<Event>* events,
                        std::vector<SentenceExplanation>* explanations) const;
};

// A mention found in `sentence` (normalized offsets), as the public type.
Mention Extractor::Impl::ToMention(const Document& document, const Prepared& prepared,
                                   const Span& sentence, const FoundMention& found) {
  Mention mention;
  mention.kind = found.kind;
  mention.span =
      prepared.text.map.ToSource({sentence.begin + found.begin, sentence.begin + found.end});
  mention.text = internal::SurfaceText(document.bytes, prepared.text.encoding, mention.span);
  mention.norm = found.value;
  return mention;
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

const Options& Extractor::options() const { return impl_->options; }

StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const Options& options) {
  auto engine = internal::SharedEngine(options);
  if (!engine.ok()) return engine.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->engine = std::move(engine).value();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Extractor::Impl::Prepared Extractor::Impl::Prepare(const Document& document) const {
  Prepared prepared;
  prepared.text = Normalize(document);
  std::string_view lang = options.lang;
  if (lang.empty()) lang = document.lang;
  if (lang.empty() || Find(lang) == nullptr) lang = internal::DetectLanguage(prepared.text.text);
  prepared.sentences = internal::SplitSentences(prepared.text.text, lang == "und" ? "en" : lang);
  for (const Language& language : engine->languages) {
    // Undetermined text is read in every language rather than lost.
    if (lang == "und" || language.code == lang) prepared.languages.push_back(&language);
  }
  return prepared;
}

void Extractor::Impl::ExtractSentences(const Document& document, const Prepared& prepared,
                                       const Language& language, std::vector<Event>* events,
                                       std::vector<SentenceExplanation>* explanations) const {
  const std::string_view text = prepared.text.text;
  const OffsetMap& to_input = prepared.text.map;
  auto surface = [&](Span input_span) {
    return internal::SurfaceText(document.bytes, prepared.text.encoding, input_span);
  };
  // An explanation lists every sentence; extraction skips those no rule can
  // match before finding their mentions, the costliest stage. Every
  // sentence is checked first, while the gate's tables are in the cache.
  std::vector<bool> may_hold_events(prepared.sentences.size(), true);
  if (explanations == nullptr) language.GateSentences(text, prepared.sentences, &may_hold_events);
  for (std::size_t i = 0; i < prepared.sentences.size(); ++i) {
    if (!may_hold_events[i]) continue;
    const Span& sentence = prepared.sentences[i];
    const std::string_view sentence_text = text.substr(sentence.begin, sentence.size());
    const std::vector<FoundMention> mentions = language.mentions->Find(sentence_text);
    const internal::RuleText rule_text = internal::BuildRuleText(sentence_text, mentions);
    // Rule text span -> input bytes.
    auto to_source = [&](std::size_t begin, std::size_t end) {
      const Span in_sentence = rule_text.map.ToSource({begin, end});
      return to_input.ToSource(
          {sentence.begin + in_sentence.begin, sentence.begin + in_sentence.end});
    };
    const Span sentence_span = to_input.ToSource(sentence);
    const std::size_t first_event = events->size();
    internal::MatchTrace trace;
    const std::vector<Candidate> candidates =
        language.MatchRules(rule_text.text, explanations != nullptr ? &trace : nullptr);

    for (const Candidate& candidate : candidates) {
      Event event;
      event.doc = document.id;
      event.type = candidate.rule->type;
      event.lang = language.code;
      event.span = to_source(candidate.begin, candidate.end);
      event.sentence = sentence_span;
      event.text = surface(event.span);
      event.rule = candidate.rule->id;
      event.confidence = candidate.rule->confidence;
      for (const Candidate::Capture& capture : candidate.captures) {
        if (event.arg(capture.role) != nullptr) continue;  // first branch wins
        Argument argument;
        argument.role = capture.role;
        argument.span = to_source(capture.begin, capture.end);
        argument.text = surface(argument.span);
        // One whole placeholder: the mention's value.
        const auto placeholder = std::find(rule_text.placeholder_at.begin(),
                                           rule_text.placeholder_at.end(), capture.begin);
        if (placeholder != rule_text.placeholder_at.end()) {
          const std::size_t index = placeholder - rule_text.placeholder_at.begin();
          const Span in_sentence = rule_text.map.ToSource({capture.begin, capture.end});
          if (in_sentence.begin == mentions[index].begin && in_sentence.end == mentions[index].end) {
            argument.norm = mentions[index].value;
            if (capture.peak) ReadAsPeak(&argument.norm);
          }
        } else if (capture.lexicon != nullptr) {
          const std::string form = internal::CaseFold(
              rule_text.text.substr(capture.begin, capture.end - capture.begin));
          auto found = capture.lexicon->canonical_of.find(form);
          if (found != capture.lexicon->canonical_of.end()) argument.norm = Label{found->second};
        }
        event.args.push_back(std::move(argument));
      }
      events->push_back(std::move(event));
    }
    if (explanations != nullptr) {
      SentenceExplanation explanation;
      explanation.span = sentence_span;
      explanation.lang = language.code;
      explanation.text = std::string(sentence_text);
      explanation.rule_text = Printable(rule_text.text, mentions);
      for (const FoundMention& found : mentions) {
        explanation.mentions.push_back(ToMention(document, prepared, sentence, found));
      }
      for (const auto* rule : trace.picked) explanation.picked.push_back(rule->id);
      for (const auto* rule : trace.matched) explanation.matched.push_back(rule->id);
      for (const auto& [rule, guard] : trace.vetoed) {
        explanation.vetoed.emplace_back(rule->id, guard->id);
      }
      for (const auto* rule : trace.outranked) explanation.outranked.push_back(rule->id);
      explanation.events.assign(events->begin() + first_event, events->end());
      explanations->push_back(std::move(explanation));
    }
  }
}

std::vector<Event> Extractor::Extract(const Document& document) const {
  const Impl::Prepared prepared = impl_->Prepare(document);
  std::vector<Event> events;
  for (const Impl::Language* language : prepared.languages) {
    impl_->ExtractSentences(document, prepared, *language, &events, nullptr);
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  return events;
}

std::vector<Mention> Extractor::Mentions(const Document& document) const {
  const Impl::Prepared prepared = impl_->Prepare(document);
  std::vector<Mention> mentions;
  if (prepared.languages.empty()) return mentions;
  // The first language's recognizers: those of the detected or given one.
  const Impl::Language& language = *prepared.languages.front();
  for (const Span& sentence : prepared.sentences) {
    const std::string_view sentence_text =
        std::string_view(prepared.text.text).substr(sentence.begin, sentence.size());
    for (const FoundMention& found : language.mentions->Find(sentence_text)) {
      mentions.push_back(Impl::ToMention(document, prepared, sentence, found));
    }
  }
  return mentions;
}

std::vector<RuleInfo> Extractor::Rules() const {
  std::vector<RuleInfo> rules;
  for (const Impl::Language& language : impl_->engine->languages) {
    for (const auto& rule : language.rules->rules()) {
      rules.push_back({rule->id, rule->guard, rule->where, rule->confidence});
    }
  }
  return rules;
}

std::vector<SentenceExplanation> Extractor::Explain(const Document& document) const {
  const Impl::Prepared prepared = impl_->Prepare(document);
  std::vector<Event> events;
  std::vector<SentenceExplanation> explanations;
  for (const Impl::Language* language : prepared.languages) {
    impl_->ExtractSentences(document, prepared, *language, &events, &explanations);
  }
  return explanations;
}

std::vector<std::vector<Event>> Extractor::ExtractBatch(
    const std::vector<Document>& documents) const {
  return ExtractBatch(documents, impl_->options.threads);
}

std::vector<std::vector<Event>> Extractor::ExtractBatch(const std::vector<Document>& documents,
                                                        int requested_threads) const {
  std::vector<std::vector<Event>> results(documents.size());
  std::size_t threads = requested_threads > 0
                            ? static_cast<std::size_t>(requested_threads)
                            : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, documents.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < documents.size(); i = next++) {
      results[i] = Extract(documents[i]);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  return results;
}

}  // namespace v1
}  // namespace newsevents
