// End-to-end extraction throughput over the project's corpus.
//
//   build/bench/newsevents_bench [--benchmark_filter=...]
//
// Reports bytes/s (MB/s) and items/s (documents/s) for one thread.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "newsevents/extractor.h"

namespace {

std::vector<newsevents::Document> LoadCorpus() {
  std::vector<newsevents::Document> documents;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(NEWSEVENTS_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    newsevents::Document document;
    document.id = entry.path().string();
    document.bytes = bytes.str();
    documents.push_back(std::move(document));
  }
  return documents;
}

void BM_ExtractCorpus(benchmark::State& state) {
  const std::vector<newsevents::Document> documents = LoadCorpus();
  auto extractor = std::move(newsevents::Extractor::Create({})).value();
  std::size_t bytes = 0;
  for (const auto& document : documents) bytes += document.bytes.size();
  for (auto _ : state) {
    for (const auto& document : documents) {
      benchmark::DoNotOptimize(extractor->Extract(document));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents.size()));
}
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond);

void BM_CreateExtractor(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(newsevents::Extractor::Create({}));
  }
}
BENCHMARK(BM_CreateExtractor)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
