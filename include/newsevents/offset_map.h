// OffsetMap: where each byte of a derived text came from in the text it was
// derived from (Normalize's result carries one: normalized text -> input).
// Every stage that rewrites text (decoding, HTML to text, normalization,
// placeholders) builds one, and maps compose, so a span found in the final
// text translates back to the caller's original bytes.
//
// The map is a list of pieces, each saying "output bytes [o, o+n) come from
// source bytes [s, s+m)". A copied piece (n == m, bytes unchanged) maps byte
// for byte; a replaced piece maps as a whole (any part of "..." maps to all
// of the source "…"). Plain ASCII text is a single piece, whatever its size.
//
// Invariants: pieces are in output order, contiguous in the output, and
// their source ranges never go backwards (the map is monotonic).
//
// Thread safety: const methods may be called from any number of threads.
#ifndef NEWSEVENTS_OFFSET_MAP_H_
#define NEWSEVENTS_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

#include "newsevents/event.h"
#include "newsevents/export.h"

namespace newsevents {
inline namespace v1 {

class NEWSEVENTS_EXPORT OffsetMap {
 public:
  // An empty map, ready to build: output and source both empty.
  OffsetMap() = default;

  // Output equal to a source of `size` bytes.
  static OffsetMap Identity(std::size_t size);

  // Builders, consuming the source from left to right:
  // the next `length` source bytes were copied unchanged to the output;
  void AppendCopy(std::size_t length);
  // the next `source_length` source bytes became `output_length` output
  // bytes (0 for a deletion, 0 source bytes for an insertion).
  void AppendReplace(std::size_t source_length, std::size_t output_length);
  // Room for `pieces` pieces, for a builder that can tell how many it will
  // add (each copy that follows a replacement starts one).
  void Reserve(std::size_t pieces);

  // The source bytes that output bytes [span.begin, span.end) came from. An
  // empty span maps to an empty span at the corresponding source position.
  // Positions past the output's end are clamped to it.
  Span ToSource(Span output) const;

  // Where output position `offset` falls in the source (the begin of the
  // source range of the byte at `offset`; source_size() at the end).
  std::size_t ToSourceBegin(std::size_t offset) const;

  // The map from this map's output to `earlier`'s source, where this map's
  // source is `earlier`'s output: (this ∘ earlier).
  OffsetMap Then(const OffsetMap& earlier) const;

  std::size_t source_size() const { return source_size_; }
  std::size_t output_size() const { return output_size_; }

 private:
  struct Piece {
    std::size_t output;  // first output byte
    std::size_t source;  // first source byte
    std::size_t output_length;
    std::size_t source_length;
    bool copied;         // byte-for-byte (output_length == source_length)
  };

  // Adds a piece at the end of the output from explicit source coordinates.
  void AddPiece(std::size_t source, std::size_t source_length,
                std::size_t output_length, bool copied);
  // The piece holding output byte `offset` (< output_size()).
  const Piece& PieceAt(std::size_t offset) const;

  std::vector<Piece> pieces_;
  std::size_t source_size_ = 0;
  std::size_t output_size_ = 0;
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_OFFSET_MAP_H_
