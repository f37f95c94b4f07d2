// newsevents: typed business events from English and French news.
//
// Start here. An Extractor is built once from Options, then reads Documents
// and returns Events (event.h) whose spans point into the caller's bytes:
//
//   #include "newsevents/extractor.h"
//
//   newsevents::Options options;
//   auto made = newsevents::Extractor::Create(options);
//   if (!made.ok()) { /* made.status().message() says what is wrong */ }
//   std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();
//
//   newsevents::Document document;
//   document.bytes = "Dell shares slipped 2.9% to $118.25.";
//   for (const newsevents::Event& event : extractor->Extract(document)) {
//     std::cout << newsevents::ToJson(event) << "\n";
//   }
//
// Thread safety: an Extractor's rules and results are fixed once Create
// returns, so one instance may be shared by any number of threads calling
// Extract or ExtractBatch at once. (A built-in rule's pattern is compiled
// the first time a sentence may match it, once, whichever thread gets there.)
#ifndef NEWSEVENTS_EXTRACTOR_H_
#define NEWSEVENTS_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "newsevents/document.h"
#include "newsevents/event.h"
#include "newsevents/explain.h"
#include "newsevents/export.h"
#include "newsevents/json.h"
#include "newsevents/mention.h"
#include "newsevents/options.h"
#include "newsevents/status.h"
#include "newsevents/text.h"
#include "newsevents/version.h"

namespace newsevents {
inline namespace v1 {

class NEWSEVENTS_EXPORT Extractor {
 public:
  // Reads the built-in rules and those of options.rules. Returns the
  // extractor, or InvalidArgument listing every malformed rule as
  // "file:line: reason", or NotFound/IoError for an unreadable rules path.
  // Takes about 25 ms: the rules of options.rules, and the built-in ones
  // that read their definitions, are compiled and checked then (a few
  // hundred milliseconds for all of them); the other built-in rules, which
  // the library's tests check, compile when a sentence first needs them
  // (about 2 ms each). An Extractor whose types and rules and entity files
  // (their bytes, read again on each call) equal those of one created
  // before in the process shares its rules, compiled or not, and is ready
  // in well under a millisecond.
  static StatusOr<std::unique_ptr<Extractor>> Create(const Options& options);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // The events of one document, in the order of their spans. Never fails:
  // bytes that are not valid UTF-8 are read as U+FFFD.
  std::vector<Event> Extract(const Document& document) const;

  // Extract over many documents on options().threads threads; result i holds
  // the events of documents[i].
  std::vector<std::vector<Event>> ExtractBatch(
      const std::vector<Document>& documents) const;

  // The same on `threads` threads for this call (0: one per hardware thread).
  std::vector<std::vector<Event>> ExtractBatch(const std::vector<Document>& documents,
                                               int threads) const;

  // The mentions the rules of `document`'s language would see, sentence by
  // sentence, in order.
  std::vector<Mention> Mentions(const Document& document) const;

  // Extract, sentence by sentence, with the mentions found, the rules tried
  // and why each candidate stood or fell.
  std::vector<SentenceExplanation> Explain(const Document& document) const;

  // Every rule and guard compiled in, by language then precedence.
  std::vector<RuleInfo> Rules() const;

  const Options& options() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_EXTRACTOR_H_
