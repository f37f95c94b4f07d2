// Fuzz target: the whole extractor, as users call it. Arbitrary bytes, with
// a content type, language hint and id picked by the input's last byte, go
// through Extractor::Extract, Mentions and Explain. Every span must lie in
// the input, every event in its sentence, each event's text must be the
// bytes of its span, and its JSON must parse and be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/ingest.h"
#include "newsevents/extractor.h"
#include "nlohmann/json.hpp"

namespace newsevents::fuzz {
namespace {

constexpr ContentType kContentTypes[] = {ContentType::kAuto, ContentType::kText,
                                         ContentType::kHtml};
// "de" is a hint the extractor has no rules for: it detects instead.
constexpr std::string_view kLanguages[] = {"", "en", "fr", "de"};

const Extractor& Get() {
  static const Extractor* extractor = [] {
    auto made = Extractor::Create(Options());
    FUZZ_CHECK(made.ok());
    return std::move(made).value().release();
  }();
  return *extractor;
}

bool Inside(const Span& span, std::size_t size) {
  return span.begin <= span.end && span.end <= size;
}

void CheckJson(const std::string& json, const Span& span) {
  FUZZ_CHECK(IsValidUtf8(json));
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded() && parsed.is_object());
  FUZZ_CHECK(parsed["span"][0] == span.begin && parsed["span"][1] == span.end);
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
  const Extractor& extractor = Get();
  const std::uint8_t selector = Selector(data, size);
  Document document;
  document.bytes.assign(reinterpret_cast<const char*>(data), size);
  document.content_type = kContentTypes[selector % 3];
  document.lang = std::string(kLanguages[(selector / 3) % 4]);
  document.id = selector & 0x80 ? "page.html" : "doc";
  const std::string encoding = Normalize(document).encoding;

  const std::vector<Event> events = extractor.Extract(document);
  Span previous;
  for (const Event& event : events) {
    FUZZ_CHECK(Inside(event.span, size) && Inside(event.sentence, size));
    FUZZ_CHECK(event.sentence.begin <= event.span.begin && event.span.end <= event.sentence.end);
    FUZZ_CHECK(event.span.begin > previous.begin ||
               (event.span.begin == previous.begin && event.span.end >= previous.end));
    previous = event.span;
    FUZZ_CHECK(event.lang == "en" || event.lang == "fr");
    FUZZ_CHECK(event.rule.substr(0, event.lang.size() + event.type.size() + 2) ==
               event.lang + "/" + event.type + "/");
    FUZZ_CHECK(event.confidence >= 0 && event.confidence <= 1);
    FUZZ_CHECK(event.text == internal::SurfaceText(document.bytes, encoding, event.span));
    for (const Argument& argument : event.args) {
      FUZZ_CHECK(Inside(argument.span, size));
      FUZZ_CHECK(event.arg(argument.role) == &argument);  // roles are unique
      FUZZ_CHECK(argument.text ==
                 internal::SurfaceText(document.bytes, encoding, argument.span));
    }
    CheckJson(ToJson(event), event.span);
  }

  for (const Mention& mention : extractor.Mentions(document)) {
    FUZZ_CHECK(Inside(mention.span, size));
    CheckJson(ToJson(mention), mention.span);
  }

  // Explain sees the same events, sentence by sentence.
  std::size_t explained = 0;
  for (const SentenceExplanation& sentence : extractor.Explain(document)) {
    FUZZ_CHECK(Inside(sentence.span, size));
    FUZZ_CHECK(IsValidUtf8(sentence.text) && IsValidUtf8(sentence.rule_text));
    explained += sentence.events.size();
  }
  FUZZ_CHECK(explained == events.size());
  return 0;
}
