// Fuzz target: the mention recognizers (numbers, money, percentages,
// quantities, dates, organizations) of both languages. Arbitrary bytes are
// prepared as Extract prepares them (repaired, normalized, split into
// sentences); each sentence's mentions must be ordered, disjoint, on
// character boundaries, of the value type their kind names (a number too
// large for a double is allowed: JSON writes it as null); and the rule text built over them must map back to the sentence.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "embedded.h"
#include "fuzz_checks.h"
#include "ingest/decode.h"
#include "mentions/numbers.h"
#include "mentions/recognizer.h"
#include "normalize/normalizer.h"
#include "rules/rule_text.h"
#include "segment/sentences.h"

namespace newsevents::fuzz {
namespace {

using internal::FoundMention;
using internal::MentionRecognizer;

struct Recognizers {
  std::unique_ptr<MentionRecognizer> languages[2];
  std::unique_ptr<MentionRecognizer> fractions[2];  // fractions_as_percent
  std::unique_ptr<internal::NumberReader> prepositional[2];
};

const Recognizers& Get() {
  static const Recognizers* recognizers = [] {
    auto organizations = internal::OrganizationRecognizer::Create(
        {{"data/organizations.tsv", internal::FindEmbedded("data/organizations.tsv")}});
    FUZZ_CHECK(organizations.ok());
    std::shared_ptr<const internal::OrganizationRecognizer> shared =
        std::move(organizations).value();
    auto* made = new Recognizers;
    const char* codes[] = {"en", "fr"};
    for (int i = 0; i < 2; ++i) {
      auto plain = MentionRecognizer::Create(codes[i], shared);
      auto fractions = MentionRecognizer::Create(codes[i], shared, {true});
      auto numbers = internal::NumberReader::Create(codes[i], {true});
      FUZZ_CHECK(plain.ok() && fractions.ok() && numbers.ok());
      made->languages[i] = std::move(plain).value();
      made->fractions[i] = std::move(fractions).value();
      made->prepositional[i] = std::move(numbers).value();
    }
    return made;
  }();
  return *recognizers;
}

void CheckValue(const FoundMention& mention) {
  switch (mention.kind) {
    case MentionKind::kMoney: {
      const auto* money = std::get_if<Money>(&mention.value);
      FUZZ_CHECK(money != nullptr && money->currency.size() == 3);
      FUZZ_CHECK(!money->is_range || !(money->min > money->max));
      break;
    }
    case MentionKind::kPercent: {
      const auto* percent = std::get_if<Percent>(&mention.value);
      FUZZ_CHECK(percent != nullptr);
      FUZZ_CHECK(!percent->is_range || !(percent->min > percent->max));
      break;
    }
    case MentionKind::kQuantity: {
      const auto* quantity = std::get_if<Quantity>(&mention.value);
      FUZZ_CHECK(quantity != nullptr);
      break;
    }
    case MentionKind::kOrganization: {
      const auto* organization = std::get_if<Organization>(&mention.value);
      FUZZ_CHECK(organization != nullptr && !organization->name.empty());
      FUZZ_CHECK(IsValidUtf8(organization->name));
      break;
    }
    case MentionKind::kDate: {
      const auto* date = std::get_if<Date>(&mention.value);
      FUZZ_CHECK(date != nullptr && !date->grain.empty());
      FUZZ_CHECK(date->relative || !date->iso.empty());
      break;
    }
  }
}

void CheckSentence(const MentionRecognizer& recognizer, std::string_view sentence) {
  const std::vector<FoundMention> mentions = recognizer.Find(sentence);
  std::size_t previous_end = 0;
  for (const FoundMention& mention : mentions) {
    FUZZ_CHECK(mention.begin >= previous_end);  // ordered and disjoint
    FUZZ_CHECK(mention.begin < mention.end && mention.end <= sentence.size());
    FUZZ_CHECK(OnCodePointBoundaries(sentence, mention.begin, mention.end));
    FUZZ_CHECK(mention.cue_length < mention.end - mention.begin);
    CheckValue(mention);
    previous_end = mention.end;
  }
  const internal::RuleText rule_text = internal::BuildRuleText(sentence, mentions);
  CheckOffsetMap(rule_text.map, rule_text.text, sentence, /*insertions=*/false,
                 /*same_charset=*/false);
  FUZZ_CHECK(rule_text.placeholder_at.size() == mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const std::size_t at = rule_text.placeholder_at[i];
    FUZZ_CHECK(at < rule_text.text.size() && rule_text.text[at] == '\x01');
    const Span source = rule_text.map.ToSource({at, at + 1});
    FUZZ_CHECK(source.begin == mentions[i].begin && source.end == mentions[i].end);
  }
}

}  // namespace
}  // namespace newsevents::fuzz

// Compiling the rules takes seconds in a sanitized build: done before
// fuzzing starts, so it does not count against the first input's timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  newsevents::fuzz::Get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsevents;
  using namespace newsevents::fuzz;
  const Recognizers& recognizers = Get();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const int language = Selector(data, size) % 2;
  const bool fractions = Selector(data, size) & 2;

  const internal::DecodedText decoded = internal::DecodeUtf8(bytes);
  const internal::FoldedText folded = internal::Normalize(decoded.text);
  const std::string_view text = folded.text;
  for (const Span& span : internal::SplitSentences(text, language == 0 ? "en" : "fr")) {
    FUZZ_CHECK(span.begin < span.end && span.end <= text.size());
    const std::string_view sentence = text.substr(span.begin, span.size());
    CheckSentence(fractions ? *recognizers.fractions[language] : *recognizers.languages[language],
                  sentence);
    std::size_t previous_end = 0;
    for (const internal::NumberSpan& number :
         recognizers.prepositional[language]->Find(sentence)) {
      FUZZ_CHECK(number.begin >= previous_end && number.begin < number.end &&
                 number.end <= sentence.size());
      previous_end = number.end;
    }
  }
  return 0;
}
