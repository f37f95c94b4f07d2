#include "ingest/ingest.h"

#include "ingest/decode.h"

namespace newsevents::internal {

IngestedText Ingest(const Document& document) {
  DecodedText decoded = DecodeUtf8(document.bytes);
  IngestedText ingested;
  ingested.text = std::move(decoded.text);
  ingested.map = std::move(decoded.map);
  ingested.encoding = "UTF-8";
  ingested.repaired = decoded.repaired;
  return ingested;
}

}  // namespace newsevents::internal
