// One micro-benchmark per pipeline stage, each on the previous stage's
// output for a fixed sample: the first 2,000 Reuters-21578 documents (or the
// project's corpus when ../shared is absent).
//
//   build/bench/newsevents_bench [--benchmark_filter=Normalize]
//
// Reports bytes/s of input (MB/s) and items/s (documents/s).
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
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

using namespace newsevents;

// The sample and every stage's output on it, computed once.
struct Sample {
  std::vector<Document> documents;
  std::vector<internal::IngestedText> ingested;
  std::vector<internal::FoldedText> normalized;
  std::vector<std::string_view> languages;
  std::vector<std::vector<Span>> sentences;
  std::vector<std::vector<std::vector<internal::FoundMention>>> mentions;
  std::unique_ptr<internal::Engine> engine;
  std::int64_t bytes = 0;

  static const Sample& Get() {
    static const Sample* sample = new Sample();
    return *sample;
  }

  const internal::Engine::Language& LanguageOf(std::size_t i) const {
    const auto* language = engine->Find(languages[i]);
    return language != nullptr ? *language : *engine->Find("en");
  }

 private:
  Sample() {
    std::string error;
    documents = newsevents_bench::LoadInput("reuters", &error);
    if (documents.empty()) documents = newsevents_bench::LoadInput("corpus", &error);
    if (documents.size() > 2000) documents.resize(2000);
    engine = std::move(internal::BuildEngine({})).value();
    // Compiled now, not in the first timed run of BM_Rules: built-in rules
    // compile on first use.
    engine->CompileEveryRule();
    for (const Document& document : documents) {
      bytes += static_cast<std::int64_t>(document.bytes.size());
      ingested.push_back(internal::Ingest(document));
      normalized.push_back(internal::Normalize(ingested.back().text));
      languages.push_back(internal::DetectLanguage(normalized.back().text));
      sentences.push_back(internal::SplitSentences(
          normalized.back().text, languages.back() == "und" ? "en" : languages.back()));
      mentions.emplace_back();
      const auto& language = LanguageOf(languages.size() - 1);
      for (const Span& sentence : sentences.back()) {
        mentions.back().push_back(language.mentions->Find(
            std::string_view(normalized.back().text).substr(sentence.begin, sentence.size())));
      }
    }
  }
};

void Report(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  state.SetBytesProcessed(state.iterations() * sample.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sample.documents.size()));
}

void BM_Ingest(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (const Document& document : sample.documents) {
      benchmark::DoNotOptimize(internal::Ingest(document));
    }
  }
  Report(state);
}
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);

void BM_Html(benchmark::State& state) {
  // The same text wrapped in paragraphs, as a page would carry it.
  const Sample& sample = Sample::Get();
  std::vector<Document> pages;
  for (const Document& document : sample.documents) {
    Document page;
    page.bytes = "<html><body><p>" + document.bytes + "</p></body></html>";
    page.content_type = ContentType::kHtml;
    pages.push_back(std::move(page));
  }
  for (auto _ : state) {
    for (const Document& page : pages) benchmark::DoNotOptimize(internal::Ingest(page));
  }
  Report(state);
}
BENCHMARK(BM_Html)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (const auto& text : sample.ingested) benchmark::DoNotOptimize(internal::Normalize(text.text));
  }
  Report(state);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Language(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (const auto& text : sample.normalized) {
      benchmark::DoNotOptimize(internal::DetectLanguage(text.text));
    }
  }
  Report(state);
}
BENCHMARK(BM_Language)->Unit(benchmark::kMillisecond);

void BM_Sentences(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (std::size_t i = 0; i < sample.normalized.size(); ++i) {
      benchmark::DoNotOptimize(internal::SplitSentences(sample.normalized[i].text, "en"));
    }
  }
  Report(state);
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

// The check before mentions, on every sentence, a document at a time.
void BM_Gate(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  std::vector<bool> gated;
  for (auto _ : state) {
    for (std::size_t i = 0; i < sample.normalized.size(); ++i) {
      sample.LanguageOf(i).GateSentences(sample.normalized[i].text, sample.sentences[i], &gated);
      benchmark::DoNotOptimize(gated);
    }
  }
  Report(state);
}
BENCHMARK(BM_Gate)->Unit(benchmark::kMillisecond);

// Mentions of every sentence, as Extractor::Mentions finds them (Extract
// reads only those the gate passes).
void BM_Mentions(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (std::size_t i = 0; i < sample.normalized.size(); ++i) {
      for (const Span& sentence : sample.sentences[i]) {
        benchmark::DoNotOptimize(sample.LanguageOf(i).mentions->Find(
            std::string_view(sample.normalized[i].text).substr(sentence.begin, sentence.size())));
      }
    }
  }
  Report(state);
}
BENCHMARK(BM_Mentions)->Unit(benchmark::kMillisecond);

void BM_Rules(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  for (auto _ : state) {
    for (std::size_t i = 0; i < sample.normalized.size(); ++i) {
      for (std::size_t s = 0; s < sample.sentences[i].size(); ++s) {
        const Span& sentence = sample.sentences[i][s];
        const internal::RuleText text = internal::BuildRuleText(
            std::string_view(sample.normalized[i].text).substr(sentence.begin, sentence.size()),
            sample.mentions[i][s]);
        benchmark::DoNotOptimize(sample.LanguageOf(i).MatchRules(text.text, nullptr));
      }
    }
  }
  Report(state);
}
BENCHMARK(BM_Rules)->Unit(benchmark::kMillisecond);

void BM_SetScanFloor(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  const newsevents_bench::AtomSetFloor floor(*sample.engine);
  for (auto _ : state) {
    for (std::size_t i = 0; i < sample.normalized.size(); ++i) {
      benchmark::DoNotOptimize(floor.Scan(sample.LanguageOf(i), sample.normalized[i].text));
    }
  }
  Report(state);
}
BENCHMARK(BM_SetScanFloor)->Unit(benchmark::kMillisecond);

void BM_EndToEnd(benchmark::State& state) {
  const Sample& sample = Sample::Get();
  auto extractor = std::move(Extractor::Create({})).value();
  // Untimed: the built-in rules the sample needs compile on first use.
  for (const Document& document : sample.documents) extractor->Extract(document);
  for (auto _ : state) {
    for (const Document& document : sample.documents) {
      benchmark::DoNotOptimize(extractor->Extract(document));
    }
  }
  Report(state);
}
BENCHMARK(BM_EndToEnd)->Unit(benchmark::kMillisecond);

// A first Extractor: reading every rule, compiling the entity list and the
// gate; the built-in rules compile on first use.
void BM_CompileEngine(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(internal::BuildEngine({}));
}
BENCHMARK(BM_CompileEngine)->Unit(benchmark::kMillisecond);

// The same, then every built-in rule compiled, as if each had been used.
void BM_CompileEngineAndEveryRule(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::BuildEngine({}).value()->CompileEveryRule());
  }
}
BENCHMARK(BM_CompileEngineAndEveryRule)->Unit(benchmark::kMillisecond);

// An Extractor whose options an earlier one had: the compiled engine is shared.
void BM_CreateExtractorAgain(benchmark::State& state) {
  const auto first = Extractor::Create({});
  for (auto _ : state) benchmark::DoNotOptimize(Extractor::Create({}));
}
BENCHMARK(BM_CreateExtractorAgain)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
