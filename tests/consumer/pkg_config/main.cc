// Consumer built with `c++ $(pkg-config --cflags --libs newsevents)`.
// Prints, one JSON object per line, the events of the sentence in argv[1],
// going through ExtractBatch and checking that the headers it was compiled
// against match the library it runs with.
#include <cstring>
#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "newsevents/extractor.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer SENTENCE\n";
    return 2;
  }
  if (std::strcmp(newsevents::Version(), NEWSEVENTS_VERSION) != 0) {
    std::cerr << "headers are " << NEWSEVENTS_VERSION << " but the library is "
              << newsevents::Version() << "\n";
    return 1;
  }

  newsevents::Options options;
  options.threads = 1;
  auto made = newsevents::Extractor::Create(options);
  if (!made.ok()) {
    std::cerr << made.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();

  std::vector<newsevents::Document> documents(1);
  documents[0].bytes = argv[1];
  documents[0].id = "pkg_config";
  for (const auto& events : extractor->ExtractBatch(documents)) {
    for (const newsevents::Event& event : events) {
      std::cout << newsevents::ToJson(event) << "\n";
    }
  }
  return 0;
}
