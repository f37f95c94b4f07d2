// Event: one typed business event, with its arguments and their normalized
// values (the contract of shared/spec/events.md, v1).
//
//   for (const newsevents::Event& event : extractor->Extract(document)) {
//     if (const newsevents::Argument* company = event.arg("company")) {
//       std::cout << company->text << " " << event.type << "\n";
//     }
//   }
//
// All types here are plain values: copyable and safe to read from any thread.
#ifndef NEWSEVENTS_EVENT_H_
#define NEWSEVENTS_EVENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "newsevents/export.h"

namespace newsevents {
inline namespace v1 {

// [begin, end) byte offsets into the caller's input bytes.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool operator==(const Span& other) const {
    return begin == other.begin && end == other.end;
  }
  bool operator!=(const Span& other) const { return !(*this == other); }
};

// How an amount relates to the true one ("more than $1 billion").
enum class Qualifier {
  kExact,     // no cue
  kMoreThan,  // more than, over, plus de
  kAtLeast,   // at least, au moins
  kLessThan,  // less than, under, moins de
  kAtMost,    // up to, at most, jusqu'à
  kAbout,     // about, nearly, environ, près de
  kAsMuchAs,  // as much as: the peak of a move
};

// "more_than", ...; "exact" for kExact (which JSON omits).
NEWSEVENTS_EXPORT std::string_view QualifierName(Qualifier qualifier);

// A named thing from the entity list, or found by its form ("Acme Corp.").
struct Organization {
  std::string name;  // canonical name: "Hewlett Packard Enterprise"
  std::string id;    // ticker or stable identifier, empty if unknown: "HPE"
};

// A sum of money: one amount, or a range [min, max].
struct Money {
  double amount = 0;  // the amount, when !is_range
  double min = 0;     // the range, when is_range
  double max = 0;
  bool is_range = false;
  std::string currency;  // ISO 4217: "USD", "EUR"
  Qualifier qualifier = Qualifier::kExact;
};

// A percentage (4.3 for "4.3%"), one value or a range [min, max].
struct Percent {
  double value = 0;  // when !is_range
  double min = 0;    // when is_range
  double max = 0;
  bool is_range = false;
  bool points = false;  // percentage points ("2 percentage points")
  Qualifier qualifier = Qualifier::kExact;
};

// A count of things ("12,000 GPUs" -> 12000).
struct Quantity {
  double value = 0;
  Qualifier qualifier = Qualifier::kExact;
};

// A date or period, normalized to ISO 8601 at the precision the text gives.
// A year the text leaves out is XXXX, as ISO 8601-2 writes an unspecified
// digit ("December 5" -> "XXXX-12-05", "the fourth quarter" -> "XXXX-Q4").
// A date relative to the day of writing ("last week", "l'an dernier") has no
// ISO form without that day: `iso` is empty, `relative` is set and `offset`
// counts grains from the day of writing (-1 for "last week").
struct Date {
  std::string iso;    // "2024-12-05", "2024-12", "2024", "2024-Q4", "2024-H1"
  std::string grain;  // "day", "week", "month", "quarter", "half", "year"
  std::string modifier;  // "early", "mid", "late" ("late 2024", "fin 2024"); else empty
  bool relative = false;
  int offset = 0;        // when relative: grains from the day of writing
};

// A value from a closed vocabulary: direction (up, down, flat), status
// (proposed, imposed, ...), phase (intraday, close).
struct Label {
  std::string value;
};

// An argument's normalized value; std::monostate when the role has none
// (a product's description, say).
using Value = std::variant<std::monostate, Organization, Money, Percent,
                           Quantity, Date, Label>;

// One role of an event, as written and as normalized.
struct Argument {
  std::string role;  // "company", "change", "from", ...
  std::string text;  // the original surface text of `span`
  Span span;
  Value norm;
};

struct Event {
  std::string doc;      // the Document's id
  std::string type;     // "share_move", "order_shift", "deal", "tariff", ...
  std::string lang;     // "en" or "fr"
  Span span;            // the text that states the event
  Span sentence;        // the sentence it stands in
  std::string text;     // the original surface text of `span`
  std::string rule;     // the rule that found it: "en/share_move/verb_percent"
  double confidence = 0;  // 0..1
  std::vector<Argument> args;  // in the order the rule names them

  // The argument with this role, or nullptr.
  const Argument* arg(std::string_view role) const {
    for (const Argument& argument : args) {
      if (argument.role == role) return &argument;
    }
    return nullptr;
  }
};

}  // namespace v1
}  // namespace newsevents

#endif  // NEWSEVENTS_EVENT_H_
