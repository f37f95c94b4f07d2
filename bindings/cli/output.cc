#include "output.h"

#include <sstream>
#include <type_traits>
#include <variant>

#include "newsevents/json.h"

namespace newsevents_cli {
namespace {

std::string Number(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

std::string WithQualifier(newsevents::Qualifier qualifier, const std::string& text) {
  if (qualifier == newsevents::Qualifier::kExact) return text;
  std::string name(newsevents::QualifierName(qualifier));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return name + " " + text;
}

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::FILE* out) : EventWriter(out) {}
  bool Write(const newsevents::Event& event) override {
    return Put(newsevents::ToJson(event) + "\n");
  }
};

// RFC 4180: fields with commas, quotes or line breaks are quoted.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::FILE* out) : EventWriter(out) {}
  bool Write(const newsevents::Event& event) override {
    std::string line;
    if (!header_written_) {
      line = "doc,lang,type,begin,end,rule,confidence,text";
      for (const std::string& role : CsvRoles()) line += "," + role;
      line += "\n";
      header_written_ = true;
    }
    line += CsvField(event.doc) + "," + event.lang + "," + event.type + "," +
            std::to_string(event.span.begin) + "," + std::to_string(event.span.end) + "," +
            CsvField(event.rule) + "," + Number(event.confidence) + "," + CsvField(event.text);
    for (const std::string& role : CsvRoles()) {
      const newsevents::Argument* argument = event.arg(role);
      line += "," + (argument ? CsvField(ShortValue(*argument)) : std::string());
    }
    return Put(line + "\n");
  }

 private:
  bool header_written_ = false;
};

class PrettyWriter : public EventWriter {
 public:
  PrettyWriter(std::FILE* out, bool color) : EventWriter(out), color_(color) {}
  bool Write(const newsevents::Event& event) override {
    std::string text;
    if (event.doc != last_doc_) {
      text += Paint("1", event.doc) + "\n";
      last_doc_ = event.doc;
    }
    text += "  " + Paint("36", event.type) + " [" + std::to_string(event.span.begin) + "," +
            std::to_string(event.span.end) + ") " + event.text + "\n";
    for (const newsevents::Argument& argument : event.args) {
      text += "      " + Paint("33", argument.role) + ": " + ShortValue(argument);
      if (argument.norm.index() != 0 && argument.text != ShortValue(argument)) {
        text += Paint("2", "  \"" + argument.text + "\"");
      }
      text += "\n";
    }
    text += Paint("2", "      rule " + event.rule + ", confidence " + Number(event.confidence)) +
            "\n";
    return Put(text);
  }

 private:
  std::string Paint(const char* code, const std::string& text) const {
    return color_ ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  bool color_;
  std::string last_doc_;
};

}  // namespace

const std::vector<std::string>& CsvRoles() {
  static const std::vector<std::string> roles = {
      "company", "direction", "change", "price", "venue", "phase",
      "customer", "from", "to", "product", "quantity",
      "supplier", "value", "date",
      "imposer", "target", "goods", "rate", "status"};
  return roles;
}

std::string ShortValue(const newsevents::Argument& argument) {
  return std::visit(
      [&argument](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return argument.text;
        } else if constexpr (std::is_same_v<T, newsevents::Organization>) {
          return value.name;
        } else if constexpr (std::is_same_v<T, newsevents::Label>) {
          return value.value;
        } else if constexpr (std::is_same_v<T, newsevents::Date>) {
          return value.iso;
        } else if constexpr (std::is_same_v<T, newsevents::Quantity>) {
          return WithQualifier(value.qualifier, Number(value.value));
        } else if constexpr (std::is_same_v<T, newsevents::Money>) {
          const std::string amount = value.is_range
                                         ? Number(value.min) + "-" + Number(value.max)
                                         : Number(value.amount);
          return WithQualifier(value.qualifier, amount + " " + value.currency);
        } else {  // Percent
          const std::string number = value.is_range ? Number(value.min) + "-" + Number(value.max)
                                                    : Number(value.value);
          return WithQualifier(value.qualifier, number + (value.points ? " points" : "%"));
        }
      },
      argument.norm);
}

std::unique_ptr<EventWriter> EventWriter::Make(OutputFormat format, std::FILE* out, bool color) {
  switch (format) {
    case OutputFormat::kCsv: return std::make_unique<CsvWriter>(out);
    case OutputFormat::kPretty: return std::make_unique<PrettyWriter>(out, color);
    case OutputFormat::kJsonl: break;
  }
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace newsevents_cli
