#include "newsevents/offset_map.h"

#include <algorithm>

namespace newsevents {
inline namespace v1 {

OffsetMap OffsetMap::Identity(std::size_t size) {
  OffsetMap map;
  map.AppendCopy(size);
  return map;
}

void OffsetMap::AddPiece(std::size_t source, std::size_t source_length,
                         std::size_t output_length, bool copied) {
  source_size_ = std::max(source_size_, source + source_length);
  if (output_length == 0) return;  // a deletion: later pieces skip the bytes
  if (copied && !pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copied && last.source + last.source_length == source) {
      last.output_length += output_length;
      last.source_length += source_length;
      output_size_ += output_length;
      return;
    }
  }
  pieces_.push_back({output_size_, source, output_length, source_length, copied});
  output_size_ += output_length;
}

void OffsetMap::AppendCopy(std::size_t length) {
  AddPiece(source_size_, length, length, true);
}

void OffsetMap::AppendReplace(std::size_t source_length,
                              std::size_t output_length) {
  AddPiece(source_size_, source_length, output_length, false);
}

void OffsetMap::Reserve(std::size_t pieces) { pieces_.reserve(pieces); }

const OffsetMap::Piece& OffsetMap::PieceAt(std::size_t offset) const {
  auto after = std::upper_bound(
      pieces_.begin(), pieces_.end(), offset,
      [](std::size_t value, const Piece& piece) { return value < piece.output; });
  return *(after - 1);
}

std::size_t OffsetMap::ToSourceBegin(std::size_t offset) const {
  if (offset >= output_size_) return source_size_;
  const Piece& piece = PieceAt(offset);
  return piece.copied ? piece.source + (offset - piece.output) : piece.source;
}

Span OffsetMap::ToSource(Span output) const {
  const std::size_t end = std::min(output.end, output_size_);
  const std::size_t begin = std::min(output.begin, end);
  if (begin == end) {
    const std::size_t at = ToSourceBegin(begin);
    return {at, at};
  }
  const Piece& last = PieceAt(end - 1);
  const std::size_t source_end =
      last.copied ? last.source + (end - last.output) : last.source + last.source_length;
  return {ToSourceBegin(begin), source_end};
}

OffsetMap OffsetMap::Then(const OffsetMap& earlier) const {
  // Most documents need no decoding: when `earlier` copies every byte as it
  // is, the composition is this map.
  if (earlier.pieces_.size() == 1 && earlier.pieces_[0].copied && earlier.pieces_[0].source == 0 &&
      earlier.source_size_ == earlier.output_size_) {
    OffsetMap composed = *this;
    composed.source_size_ = earlier.source_size_;
    return composed;
  }
  OffsetMap composed;
  // Each piece here is cut at most at every boundary of `earlier`.
  composed.pieces_.reserve(pieces_.size() + earlier.pieces_.size());
  for (const Piece& piece : pieces_) {
    if (!piece.copied) {
      const Span source =
          earlier.ToSource({piece.source, piece.source + piece.source_length});
      composed.AddPiece(source.begin, source.size(), piece.output_length, false);
      continue;
    }
    // A copied piece may cross several pieces of `earlier`: split it there.
    std::size_t at = piece.source;
    const std::size_t stop = piece.source + piece.source_length;
    while (at < stop) {
      const Piece& inner = earlier.PieceAt(at);
      const std::size_t inner_stop =
          std::min(stop, inner.output + inner.output_length);
      if (inner.copied) {
        composed.AddPiece(inner.source + (at - inner.output), inner_stop - at,
                          inner_stop - at, true);
      } else {
        composed.AddPiece(inner.source, inner.source_length, inner_stop - at, false);
      }
      at = inner_stop;
    }
  }
  composed.source_size_ = earlier.source_size_;
  return composed;
}

}  // namespace v1
}  // namespace newsevents
