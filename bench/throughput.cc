// newsevents-bench: throughput of each stage and of the whole pipeline on a
// named input, with the floor beneath it.
//
//   build/bench/newsevents-bench [reuters|corpus|seeds|DIR] [--threads N] [--repeat R]
//
// Prints MB/s, documents/s and sentences/s per stage (each stage timed alone
// on the output of the one before, one thread), end to end on 1 and N
// threads, the floor (one normalizer pass plus one RE2::Set scan of the
// normalized text, the least any rule engine of this design must do), the
// ratio of end to end to that floor, extractor creation time and peak
// memory. MB are of input bytes (10^6). End to end and the floor are each
// run R times (3 by default), alternately, and the fastest run counts: on a
// shared machine a slow run measures the neighbours. The first end-to-end
// pass, which also fills the rules' DFA caches, is printed too.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/engine.h"
#include "floor.h"
#include "ingest/ingest.h"
#include "inputs.h"
#include "newsevents/extractor.h"
#include "normalize/normalizer.h"
#include "rules/rule_text.h"
#include "segment/language.h"
#include "segment/sentences.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Row {
  std::string name;
  double seconds;
};

double PeakMegabytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

}  // namespace

int main(int argc, char** argv) {
  std::string input = "reuters";
  int threads = 2;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--threads" && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (argument == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (argument == "--help" || argument == "-h") {
      std::printf("usage: newsevents-bench [reuters|corpus|seeds|DIR] [--threads N] [--repeat R]\n");
      return 0;
    } else {
      input = argument;
    }
  }
  std::string error;
  const std::vector<newsevents::Document> documents = newsevents_bench::LoadInput(input, &error);
  if (documents.empty()) {
    std::fprintf(stderr, "newsevents-bench: %s\n", error.empty() ? "no documents" : error.c_str());
    return 1;
  }
  double megabytes = 0;
  for (const auto& document : documents) megabytes += document.bytes.size() / 1e6;

  // Creating an extractor: reading every rule, compiling the entity list and
  // the gate (the built-in rules compile on first use).
  Clock::time_point start = Clock::now();
  auto made = newsevents::Extractor::Create({});
  const double create_seconds = SecondsSince(start);
  if (!made.ok()) {
    std::fprintf(stderr, "newsevents-bench: %s\n", made.status().ToString().c_str());
    return 1;
  }
  const std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();
  // Again with the same options: the compiled engine is shared.
  start = Clock::now();
  const bool made_again = newsevents::Extractor::Create({}).ok();
  const double create_again_seconds = SecondsSince(start);
  if (!made_again) return 1;
  auto engine = newsevents::internal::BuildEngine({});
  if (!engine.ok()) return 1;
  const newsevents::internal::Engine& parts = *engine.value();
  const newsevents_bench::AtomSetFloor floor(parts);
  // The rule stage below is timed on compiled rules, as a warm extractor
  // runs them: every rule compiled here, which is what creating an
  // extractor cost before the built-in rules compiled on first use.
  start = Clock::now();
  if (!parts.CompileEveryRule()) return 1;
  const double compile_all_seconds = SecondsSince(start);

  std::vector<Row> rows;
  // Stage by stage, each on the previous stage's output.
  start = Clock::now();
  std::vector<newsevents::internal::IngestedText> ingested;
  ingested.reserve(documents.size());
  for (const auto& document : documents) ingested.push_back(newsevents::internal::Ingest(document));
  rows.push_back({"ingest (charset, HTML)", SecondsSince(start)});

  start = Clock::now();
  std::vector<newsevents::internal::FoldedText> normalized;
  normalized.reserve(documents.size());
  for (const auto& text : ingested) normalized.push_back(newsevents::internal::Normalize(text.text));
  rows.push_back({"normalize", SecondsSince(start)});

  start = Clock::now();
  std::vector<std::string_view> languages;
  for (const auto& text : normalized) {
    languages.push_back(newsevents::internal::DetectLanguage(text.text));
  }
  rows.push_back({"language", SecondsSince(start)});

  start = Clock::now();
  std::vector<std::vector<newsevents::Span>> sentences;
  std::size_t sentence_count = 0;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    sentences.push_back(newsevents::internal::SplitSentences(
        normalized[i].text, languages[i] == "und" ? "en" : languages[i]));
    sentence_count += sentences.back().size();
  }
  rows.push_back({"sentences", SecondsSince(start)});

  auto language_of = [&](std::size_t i) {
    const auto* language = parts.Find(languages[i]);
    return language != nullptr ? language : parts.Find("en");
  };
  // The gate: which sentences any rule may match, before their mentions.
  start = Clock::now();
  std::vector<std::vector<bool>> gated(normalized.size());
  std::size_t passed = 0;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    language_of(i)->GateSentences(normalized[i].text, sentences[i], &gated[i]);
    passed += static_cast<std::size_t>(std::count(gated[i].begin(), gated[i].end(), true));
  }
  rows.push_back({"gate (rules' atoms)", SecondsSince(start)});

  start = Clock::now();
  std::vector<std::vector<std::vector<newsevents::internal::FoundMention>>> mentions(
      normalized.size());
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    for (std::size_t s = 0; s < sentences[i].size(); ++s) {
      const newsevents::Span& sentence = sentences[i][s];
      mentions[i].push_back(
          gated[i][s] ? language_of(i)->mentions->Find(std::string_view(normalized[i].text)
                                                           .substr(sentence.begin, sentence.size()))
                      : std::vector<newsevents::internal::FoundMention>());
    }
  }
  rows.push_back({"mentions (gated)", SecondsSince(start)});

  start = Clock::now();
  std::size_t candidates = 0;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    for (std::size_t s = 0; s < sentences[i].size(); ++s) {
      if (!gated[i][s]) continue;
      const newsevents::Span& sentence = sentences[i][s];
      const auto rule_text = newsevents::internal::BuildRuleText(
          std::string_view(normalized[i].text).substr(sentence.begin, sentence.size()),
          mentions[i][s]);
      candidates += language_of(i)->MatchRules(rule_text.text, nullptr).size();
    }
  }
  rows.push_back({"rules (gated)", SecondsSince(start)});

  // End to end through the public API, and the floor: the normalizer and
  // the Set alone over each document. Alternated, the fastest of each kept.
  newsevents::Options options;
  options.threads = threads;
  auto parallel = std::move(newsevents::Extractor::Create(options)).value();
  // Batches are made before the clock starts: copying documents is not the
  // library's work.
  constexpr std::size_t kBatch = 256;
  std::vector<std::vector<newsevents::Document>> batches;
  for (std::size_t at = 0; at < documents.size(); at += kBatch) {
    batches.emplace_back(documents.begin() + at,
                         documents.begin() + std::min(documents.size(), at + kBatch));
  }
  std::size_t events = 0;
  std::size_t set_hits = 0;
  double first_pass = 0;
  double one_thread = 0;
  double n_threads = 0;
  double floor_normalize = 0;
  double floor_scan = 0;
  auto keep_fastest = [](double* best, double seconds) {
    if (*best == 0 || seconds < *best) *best = seconds;
  };
  for (int run = 0; run < repeat; ++run) {
    start = Clock::now();
    events = 0;
    for (const auto& document : documents) events += extractor->Extract(document).size();
    const double seconds = SecondsSince(start);
    if (run == 0) first_pass = seconds;
    keep_fastest(&one_thread, seconds);

    start = Clock::now();
    for (const auto& batch : batches) parallel->ExtractBatch(batch);
    keep_fastest(&n_threads, SecondsSince(start));

    start = Clock::now();
    std::size_t normalized_bytes = 0;
    for (const auto& text : ingested) {
      normalized_bytes += newsevents::internal::Normalize(text.text).text.size();
    }
    keep_fastest(&floor_normalize, SecondsSince(start));
    if (normalized_bytes == 0 && megabytes > 0) std::printf("  (nothing normalized?)\n");

    start = Clock::now();
    set_hits = 0;
    for (std::size_t i = 0; i < normalized.size(); ++i) {
      set_hits += floor.Scan(*language_of(i), normalized[i].text);
    }
    keep_fastest(&floor_scan, SecondsSince(start));
  }

  std::printf("input: %s, %zu documents, %.2f MB, %zu sentences, %zu events\n\n", input.c_str(),
              documents.size(), megabytes, sentence_count, events);
  std::printf("%-26s %10s %12s %14s\n", "stage (1 thread)", "MB/s", "docs/s", "sentences/s");
  auto print = [&](const std::string& name, double seconds) {
    std::printf("%-26s %10.1f %12.0f %14.0f\n", name.c_str(), megabytes / seconds,
                documents.size() / seconds, sentence_count / seconds);
  };
  for (const Row& row : rows) print(row.name, row.seconds);
  std::printf("  the gate passes %zu of %zu sentences (%.1f%%)\n\n", passed, sentence_count,
              100.0 * passed / sentence_count);
  print("end to end, 1 thread", one_thread);
  print("  its first pass", first_pass);
  print("end to end, " + std::to_string(threads) + " threads", n_threads);
  std::printf("  speed-up on %d threads: %.2fx\n\n", threads, one_thread / n_threads);
  print("floor: normalize", floor_normalize);
  print("floor: RE2::Set scan", floor_scan);
  print("floor: normalize + scan", floor_normalize + floor_scan);
  std::printf("  end to end / floor: %.2fx (Set hits %zu, candidates %zu; fastest of %d runs)\n\n",
              one_thread / (floor_normalize + floor_scan), set_hits, candidates, repeat);
  std::printf("extractor creation: %.1f ms, %.1f ms again with the same options\n",
              create_seconds * 1000, create_again_seconds * 1000);
  std::printf("  compiling every built-in rule (on first use, one thread): %.1f ms\n",
              compile_all_seconds * 1000);
  std::printf("peak resident memory: %.0f MB (all documents held in memory)\n", PeakMegabytes());
  return 0;
}
