// Fuzz target: the normalizer. Arbitrary bytes are repaired to UTF-8 (the
// normalizer's contract), then normalized; the folded text must be valid
// UTF-8 without control characters or runs of spaces, and its OffsetMap must
// hold every invariant: back to the repaired text, and composed with the
// repair map back to the raw bytes, as the public Normalize does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/decode.h"
#include "newsevents/text.h"
#include "normalize/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsevents;
  using namespace newsevents::fuzz;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const internal::DecodedText decoded = internal::DecodeUtf8(bytes);
  const internal::FoldedText folded = internal::Normalize(decoded.text);
  FUZZ_CHECK(IsValidUtf8(folded.text));
  for (std::size_t i = 0; i < folded.text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded.text[i]);
    FUZZ_CHECK(c >= 0x20 || c == '\n');  // control characters are white space
    FUZZ_CHECK(c != 0x7F);
    if (i > 0) FUZZ_CHECK(!(c == ' ' && folded.text[i - 1] == ' '));  // runs collapse
  }
  const std::vector<Span> folded_spans =
      CheckOffsetMap(folded.map, folded.text, decoded.text, /*insertions=*/false, true);
  const std::vector<Span> composed_spans = CheckOffsetMap(
      folded.map.Then(decoded.map), folded.text, bytes, /*insertions=*/false, true);
  CheckComposition(composed_spans, folded_spans, decoded.map);

  // The public stage, when it reads the bytes as UTF-8 too, gives the same
  // text and map (plain text, so no HTML).
  Document document;
  document.bytes = std::string(bytes);
  document.content_type = ContentType::kText;
  document.encoding = "UTF-8";
  const NormalizedText normalized = Normalize(document);
  if (normalized.encoding == "UTF-8") {
    FUZZ_CHECK(normalized.text == folded.text);
    for (std::size_t i = 0; i < normalized.text.size(); ++i) {
      FUZZ_CHECK(normalized.map.ToSource({i, i + 1}) == composed_spans[i]);
    }
  }

  // Case folding and lower-casing read any UTF-8.
  FUZZ_CHECK(IsValidUtf8(internal::CaseFold(folded.text)));
  FUZZ_CHECK(IsValidUtf8(internal::LowerCase(folded.text)));
  return 0;
}
