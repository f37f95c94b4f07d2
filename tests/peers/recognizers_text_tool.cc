// recognizers_text_tool: runs newsevents' recognizers on the inputs of
// Recognizers-Text's test cases, for check_recognizers_text.py.
//
// Reads requests from stdin, one a line: MODEL<TAB>LANG<TAB>INPUT, where INPUT
// has '\', newline and tab escaped as \\, \n and \t, and MODEL is one of
//   number               every number (NumberReader, fractions like "1 over 3")
//   number_percentmode   every number, "one out of three" read as two numbers
//   percent              percentage mentions
//   percent_percentmode  percentage mentions, fractions before "of" as percents
//   currency             money mentions
// Writes one line per request: a JSON array of
//   {"begin":B,"end":E,"value":V,"iso":"USD"}
// with [B, E) byte offsets into INPUT (the amount without its qualifier cue).
// The input is normalized as the library normalizes documents first.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "mentions/numbers.h"
#include "mentions/recognizer.h"
#include "newsevents/text.h"

namespace {

using newsevents::internal::MentionRecognizer;
using newsevents::internal::NumberReader;

std::string Unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      out.push_back(next == 'n' ? '\n' : next == 't' ? '\t' : next);
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

template <typename T>
T Must(newsevents::StatusOr<T> made) {
  if (!made.ok()) {
    std::cerr << made.status().ToString() << "\n";
    std::exit(2);
  }
  return std::move(made).value();
}

}  // namespace

int main() {
  std::map<std::string, std::unique_ptr<NumberReader>> readers;
  std::map<std::string, std::unique_ptr<MentionRecognizer>> recognizers;
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) {
      std::cout << "[]\n";
      continue;
    }
    const std::string model = line.substr(0, tab1);
    const std::string lang = line.substr(tab1 + 1, tab2 - tab1 - 1);
    newsevents::Document document;
    document.bytes = Unescape(line.substr(tab2 + 1));
    document.content_type = newsevents::ContentType::kText;
    const newsevents::NormalizedText text = newsevents::Normalize(document);
    std::string out = "[";
    auto add = [&](std::size_t begin, std::size_t end, double value, const std::string& iso) {
      const newsevents::Span span = text.map.ToSource({begin, end});
      if (out.size() > 1) out += ',';
      out += "{\"begin\":" + std::to_string(span.begin) + ",\"end\":" + std::to_string(span.end) +
             ",\"value\":" + Number(value) + ",\"iso\":\"" + iso + "\"}";
    };
    if (model == "number" || model == "number_percentmode") {
      const std::string key = model + "/" + lang;
      if (!readers.count(key)) {
        NumberReader::Options options;
        options.prepositional_fractions = model == "number";
        readers[key] = Must(NumberReader::Create(lang, options));
      }
      for (const auto& number : readers[key]->Find(text.text)) {
        if (number.glued) continue;  // "180ml", "4th": no number on its own
        add(number.begin, number.end, number.value, "");
      }
    } else {
      const std::string key = model + "/" + lang;
      if (!recognizers.count(key)) {
        MentionRecognizer::Options options;
        options.fractions_as_percent = model == "percent_percentmode";
        recognizers[key] = Must(MentionRecognizer::Create(lang, nullptr, options));
      }
      const bool money = model == "currency";
      for (const auto& mention : recognizers[key]->Find(text.text)) {
        const std::size_t begin = mention.begin + mention.cue_length;
        if (money && mention.kind == newsevents::MentionKind::kMoney) {
          const auto& value = std::get<newsevents::Money>(mention.value);
          add(begin, mention.end, value.is_range ? value.min : value.amount, value.currency);
        } else if (!money && mention.kind == newsevents::MentionKind::kPercent) {
          const auto& value = std::get<newsevents::Percent>(mention.value);
          add(begin, mention.end, value.is_range ? value.min : value.value, "");
        }
      }
    }
    std::cout << out << "]\n";
  }
  return 0;
}
