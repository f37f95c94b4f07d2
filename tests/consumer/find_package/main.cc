// Consumer built with find_package(newsevents) and newsevents::newsevents.
// Prints, one JSON object per line, the events of the sentence in argv[1].
#include <iostream>
#include <memory>
#include <utility>

#include "newsevents/extractor.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer SENTENCE\n";
    return 2;
  }
  auto made = newsevents::Extractor::Create(newsevents::Options());
  if (!made.ok()) {
    std::cerr << made.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();

  newsevents::Document document;
  document.bytes = argv[1];
  document.id = "find_package";
  for (const newsevents::Event& event : extractor->Extract(document)) {
    std::cout << newsevents::ToJson(event) << "\n";
  }
  return 0;
}
