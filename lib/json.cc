#include "newsevents/json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "utf8proc.h"

namespace newsevents {
inline namespace v1 {
namespace {

// Appends `text` as a JSON string. Bytes that are not valid UTF-8 become
// U+FFFD, so the output is always valid JSON whatever the input held.
void AppendString(std::string_view text, std::string* out) {
  out->push_back('"');
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          if (c < 0x20) {
            static const char kHex[] = "0123456789abcdef";
            out->append("\\u00");
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 0xf]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    utf8proc_int32_t code_point;
    const utf8proc_ssize_t length =
        utf8proc_iterate(bytes + i, text.size() - i, &code_point);
    if (length <= 0) {
      out->append("\xEF\xBF\xBD");
      ++i;
    } else {
      out->append(text.data() + i, length);
      i += length;
    }
  }
  out->push_back('"');
}

// Shortest text that reads back as the same double; integers print without
// an exponent while they are exact.
void AppendNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char buffer[32];
  std::to_chars_result result;
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    result = std::to_chars(buffer, buffer + sizeof buffer,
                           static_cast<std::int64_t>(value));
  } else {
    result = std::to_chars(buffer, buffer + sizeof buffer, value);
  }
  out->append(buffer, result.ptr);
}

void AppendKey(std::string_view key, std::string* out) {
  AppendString(key, out);
  out->push_back(':');
}

void AppendSpan(const Span& span, std::string* out) {
  out->push_back('[');
  AppendNumber(static_cast<double>(span.begin), out);
  out->push_back(',');
  AppendNumber(static_cast<double>(span.end), out);
  out->push_back(']');
}

void AppendQualifier(Qualifier qualifier, std::string* out) {
  if (qualifier == Qualifier::kExact) return;
  out->push_back(',');
  AppendKey("qualifier", out);
  AppendString(QualifierName(qualifier), out);
}

// The "norm" member (with its leading comma), and "id" for organizations.
void AppendNorm(const Value& norm, std::string* out) {
  std::visit(
      [out](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return;
        } else if constexpr (std::is_same_v<T, Organization>) {
          out->append(",\"norm\":");
          AppendString(value.name, out);
          if (!value.id.empty()) {
            out->append(",\"id\":");
            AppendString(value.id, out);
          }
        } else if constexpr (std::is_same_v<T, Label>) {
          out->append(",\"norm\":");
          AppendString(value.value, out);
        } else if constexpr (std::is_same_v<T, Date>) {
          out->append(",\"norm\":{\"iso\":");
          AppendString(value.iso, out);
          out->append(",\"grain\":");
          AppendString(value.grain, out);
          if (!value.modifier.empty()) {
            out->append(",\"modifier\":");
            AppendString(value.modifier, out);
          }
          if (value.relative) {
            out->append(",\"relative\":true,\"offset\":");
            AppendNumber(value.offset, out);
          }
          out->push_back('}');
        } else if constexpr (std::is_same_v<T, Quantity>) {
          out->append(",\"norm\":{\"value\":");
          AppendNumber(value.value, out);
          AppendQualifier(value.qualifier, out);
          out->push_back('}');
        } else if constexpr (std::is_same_v<T, Money>) {
          out->append(",\"norm\":{");
          if (value.is_range) {
            out->append("\"min\":");
            AppendNumber(value.min, out);
            out->append(",\"max\":");
            AppendNumber(value.max, out);
          } else {
            out->append("\"amount\":");
            AppendNumber(value.amount, out);
          }
          out->append(",\"currency\":");
          AppendString(value.currency, out);
          AppendQualifier(value.qualifier, out);
          out->push_back('}');
        } else if constexpr (std::is_same_v<T, Percent>) {
          out->append(",\"norm\":{");
          if (value.is_range) {
            out->append("\"min\":");
            AppendNumber(value.min, out);
            out->append(",\"max\":");
            AppendNumber(value.max, out);
          } else {
            out->append("\"value\":");
            AppendNumber(value.value, out);
          }
          if (value.points) out->append(",\"points\":true");
          AppendQualifier(value.qualifier, out);
          out->push_back('}');
        }
      },
      norm);
}

// "text", "span" and "norm" (with "id"): what an argument and a mention
// both say about a piece of the input.
void AppendSurface(const std::string& text, const Span& span, const Value& norm,
                   std::string* out) {
  out->append("\"text\":");
  AppendString(text, out);
  out->append(",\"span\":");
  AppendSpan(span, out);
  AppendNorm(norm, out);
}

}  // namespace

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kAbout: return "about";
    case Qualifier::kAsMuchAs: return "as_much_as";
  }
  return "exact";
}

std::string ToJson(const Event& event) {
  std::string out;
  out.reserve(256 + event.text.size() * 2);
  out.push_back('{');
  AppendKey("doc", &out);
  AppendString(event.doc, &out);
  out.push_back(',');
  AppendKey("lang", &out);
  AppendString(event.lang, &out);
  out.push_back(',');
  AppendKey("type", &out);
  AppendString(event.type, &out);
  out.push_back(',');
  AppendKey("span", &out);
  AppendSpan(event.span, &out);
  out.push_back(',');
  AppendKey("sentence", &out);
  AppendSpan(event.sentence, &out);
  out.push_back(',');
  AppendKey("text", &out);
  AppendString(event.text, &out);
  out.push_back(',');
  AppendKey("rule", &out);
  AppendString(event.rule, &out);
  out.push_back(',');
  AppendKey("confidence", &out);
  AppendNumber(event.confidence, &out);
  out.append(",\"args\":{");
  bool first = true;
  for (const Argument& argument : event.args) {
    if (!first) out.push_back(',');
    first = false;
    AppendKey(argument.role, &out);
    out.push_back('{');
    AppendSurface(argument.text, argument.span, argument.norm, &out);
    out.push_back('}');
  }
  out.append("}}");
  return out;
}

std::string ToJson(const Mention& mention) {
  std::string out;
  out.append("{\"kind\":");
  AppendString(MentionKindName(mention.kind), &out);
  out.push_back(',');
  AppendSurface(mention.text, mention.span, mention.norm, &out);
  out.push_back('}');
  return out;
}

}  // namespace v1
}  // namespace newsevents
