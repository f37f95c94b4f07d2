// mentions_lines: our mention stage on one sentence per line, through the
// public API only (Extractor::Mentions), for the side by side with
// Recognizers-Text (bench/peers/recognizers_text_speed.sh).
//
//   mentions_lines LANG [OUT.jsonl [PASSES]] < sentences.txt
//
// Each line is one Document (language given, as the peer is given its
// culture). Times PASSES (3) loops over all lines, the extractor's creation
// apart, and prints on stderr one JSON object: lines, bytes (line bytes + 1
// each, as the peer counts them), create_s, wall_s and cpu_s (user + system
// of this process) of the median pass, those of every pass (the first one
// also builds RE2's lazy DFAs), and the mentions found per kind. With OUT
// (not "-"), the money and percent mentions go there as JSON lines
// {"line", "kind", "text", "start", "end"} (byte offsets in the line).
//
// Built against an installed tree, e.g.
//   g++ -std=c++17 -O2 mentions_lines.cc $(pkg-config --cflags --libs newsevents)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "newsevents/extractor.h"

namespace {

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: mentions_lines LANG [OUT.jsonl [PASSES]] < sentences.txt\n";
    return 2;
  }
  const std::string lang = argv[1];
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (std::string line; std::getline(std::cin, line);) {
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  }

  const auto create_start = std::chrono::steady_clock::now();
  auto made = newsevents::Extractor::Create(newsevents::Options());
  if (!made.ok()) {
    std::cerr << made.status().ToString() << "\n";
    return 1;
  }
  const std::unique_ptr<newsevents::Extractor> extractor = std::move(made).value();
  const double create_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - create_start).count();

  const int passes = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  std::map<std::string, std::size_t> by_kind;
  std::string out;
  newsevents::Document document;
  document.lang = lang;
  std::vector<std::pair<double, double>> times;  // (wall, cpu) per pass
  for (int pass = 0; pass < passes; ++pass) {
    by_kind.clear();
    out.clear();
    const double cpu_start = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].find_first_not_of(" \t") == std::string::npos) continue;  // as the peer
      document.bytes = lines[i];
      for (const newsevents::Mention& mention : extractor->Mentions(document)) {
        const std::string kind(newsevents::MentionKindName(mention.kind));
        ++by_kind[kind];
        if (mention.kind != newsevents::MentionKind::kMoney &&
            mention.kind != newsevents::MentionKind::kPercent) {
          continue;
        }
        out += "{\"line\":" + std::to_string(i) + ",\"kind\":\"" + kind +
               "\",\"text\":" + JsonString(mention.text) +
               ",\"start\":" + std::to_string(mention.span.begin) +
               ",\"end\":" + std::to_string(mention.span.end) + "}\n";
      }
    }
    times.emplace_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
        CpuSeconds() - cpu_start);
  }
  std::vector<std::pair<double, double>> sorted = times;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second < b.second;
  });
  const auto [wall_s, cpu_s] = sorted[sorted.size() / 2];  // the median pass by CPU

  if (argc > 2 && std::string(argv[2]) != "-") std::ofstream(argv[2], std::ios::binary) << out;
  std::cerr << "{\"tool\":\"ours-c++\",\"lang\":\"" << lang << "\",\"lines\":" << lines.size()
            << ",\"bytes\":" << bytes << ",\"create_s\":" << create_s
            << ",\"wall_s\":" << wall_s << ",\"cpu_s\":" << cpu_s << ",\"passes\":[";
  for (std::size_t i = 0; i < times.size(); ++i) {
    std::cerr << (i ? "," : "") << "[" << times[i].first << "," << times[i].second << "]";
  }
  std::cerr << "]";
  for (const char* kind : {"money", "percent", "quantity", "organization", "date"}) {
    std::cerr << ",\"" << kind << "\":" << by_kind[kind];
  }
  std::cerr << "}\n";
  return 0;
}
