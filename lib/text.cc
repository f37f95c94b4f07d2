// The public text stages (newsevents/text.h), each a thin composition of the
// internal ones, so Extract and users run the very same code.
#include "newsevents/text.h"

#include "ingest/ingest.h"
#include "normalize/normalizer.h"
#include "segment/language.h"
#include "segment/sentences.h"

namespace newsevents {
inline namespace v1 {

NormalizedText Normalize(const Document& document) {
  internal::IngestedText ingested = internal::Ingest(document);
  internal::FoldedText folded = internal::Normalize(ingested.text);
  NormalizedText normalized;
  normalized.text = std::move(folded.text);
  normalized.map = folded.map.Then(ingested.map);
  normalized.encoding = std::move(ingested.encoding);
  normalized.repaired = ingested.repaired;
  normalized.metadata = std::move(ingested.metadata);
  return normalized;
}

bool ReadsAsHtml(const Document& document) { return internal::IsHtml(document); }

std::vector<Sentence> SplitSentences(const NormalizedText& text, std::string_view lang) {
  std::vector<Sentence> sentences;
  for (const Span& span : internal::SplitSentences(text.text, lang)) {
    sentences.push_back({text.map.ToSource(span), span});
  }
  return sentences;
}

std::string DetectLanguage(std::string_view text) {
  return std::string(internal::DetectLanguage(text));
}

}  // namespace v1
}  // namespace newsevents
