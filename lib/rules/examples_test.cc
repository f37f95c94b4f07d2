// The rule examples: every lib/rules/<lang>/<type>.examples file is run
// against the built-in rules, and must give exactly the events it states.
//
// Format (the Duckling way: rules beside their corpus):
//
//   # a comment
//   > Dell shares slipped 2.9% to $118.25.
//   {"company": "Dell Technologies", "direction": "down", "change": {"value": 2.9}, ...}
//   > Dell's share of the market grew.
//   none
//
// Each "> " text is extracted on its own, in the file's language, keeping
// only the file's event type. The lines after it are the expected events'
// arguments (role -> normalized value, or surface text where the role has
// none), or `none`. A missing, extra or different event fails, naming
// file:line. The lint fails when a rule gives no event in any example of its
// file, or a guard vetoes none.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "gtest/gtest.h"
#include "newsevents/extractor.h"

namespace newsevents {
namespace {

namespace fs = std::filesystem;

// A JSON value, enough for examples and ToJson output: objects compare by
// key, numbers by value.
struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>,
               std::map<std::string, Json>>
      value;
  bool operator==(const Json& other) const { return value == other.value; }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  // The value, or nullopt-like failure through ok().
  Json Read() {
    Json json = Value();
    Space();
    if (at_ != text_.size()) ok_ = false;
    return json;
  }
  bool ok() const { return ok_; }

 private:
  void Space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool Eat(char c) {
    Space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  std::string String() {
    std::string out;
    if (!Eat('"')) {
      ok_ = false;
      return out;
    }
    while (at_ < text_.size() && text_[at_] != '"') {
      char c = text_[at_++];
      if (c == '\\' && at_ < text_.size()) {
        const char escaped = text_[at_++];
        switch (escaped) {
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'u': {  // \u00XX only: ToJson escapes control bytes so
            c = static_cast<char>(std::stoi(std::string(text_.substr(at_ + 2, 2)), nullptr, 16));
            at_ += 4;
            break;
          }
          default: c = escaped;
        }
      }
      out.push_back(c);
    }
    if (!Eat('"')) ok_ = false;
    return out;
  }
  Json Value() {
    Space();
    if (at_ >= text_.size()) {
      ok_ = false;
      return {};
    }
    const char c = text_[at_];
    if (c == '{') {
      ++at_;
      std::map<std::string, Json> object;
      if (Eat('}')) return {object};
      do {
        std::string key = String();
        if (!Eat(':')) ok_ = false;
        object[key] = Value();
      } while (ok_ && Eat(','));
      if (!Eat('}')) ok_ = false;
      return {object};
    }
    if (c == '[') {
      ++at_;
      std::vector<Json> array;
      if (Eat(']')) return {array};
      do array.push_back(Value());
      while (ok_ && Eat(','));
      if (!Eat(']')) ok_ = false;
      return {array};
    }
    if (c == '"') return {String()};
    for (auto [word, value] : {std::pair<std::string_view, Json>{"true", {true}},
                               {"false", {false}}, {"null", {nullptr}}}) {
      if (text_.substr(at_, word.size()) == word) {
        at_ += word.size();
        return value;
      }
    }
    std::size_t used = 0;
    double number = 0;
    try {
      number = std::stod(std::string(text_.substr(at_)), &used);
    } catch (...) {
      ok_ = false;
    }
    at_ += used;
    return {number};
  }

  std::string_view text_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::string Show(const Json& json) {
  struct Printer {
    std::string operator()(std::nullptr_t) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(double d) const {
      std::ostringstream out;
      out << d;
      return out.str();
    }
    std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    std::string operator()(const std::vector<Json>& a) const {
      std::string out = "[";
      for (std::size_t i = 0; i < a.size(); ++i) out += (i ? "," : "") + Show(a[i]);
      return out + "]";
    }
    std::string operator()(const std::map<std::string, Json>& o) const {
      std::string out = "{";
      for (const auto& [key, value] : o) out += (out.size() > 1 ? ", \"" : "\"") + key + "\": " + Show(value);
      return out + "}";
    }
  };
  return std::visit(Printer{}, json.value);
}

// An event as the examples state it: role -> norm, or text without norm.
Json Stated(const Event& event) {
  const std::string json = ToJson(event);
  JsonReader reader(json);
  const Json whole = reader.Read();
  if (!reader.ok() || !std::holds_alternative<std::map<std::string, Json>>(whole.value)) {
    ADD_FAILURE() << "cannot read back " << json;
    return {};
  }
  const auto& args = std::get<std::map<std::string, Json>>(
      std::get<std::map<std::string, Json>>(whole.value).at("args").value);
  std::map<std::string, Json> stated;
  for (const auto& [role, argument] : args) {
    const auto& fields = std::get<std::map<std::string, Json>>(argument.value);
    auto norm = fields.find("norm");
    stated[role] = norm != fields.end() ? norm->second : fields.at("text");
  }
  return {stated};
}

struct Example {
  int line;
  std::string text;
  std::vector<std::pair<int, Json>> expected;  // (line, args)
  bool none = false;
};

struct ExamplesFile {
  fs::path path;
  std::string lang;
  std::string type;
  std::vector<Example> examples;
  std::vector<std::string> errors;
};

ExamplesFile ReadExamples(const fs::path& path) {
  ExamplesFile file{path, path.parent_path().filename().string(), path.stem().string(), {}, {}};
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path.string() + ":" + std::to_string(number);
    if (line.rfind("> ", 0) == 0) {
      file.examples.push_back({number, line.substr(2), {}, false});
    } else if (file.examples.empty()) {
      file.errors.push_back(where + ": an expectation before any '> ' example");
    } else if (line == "none") {
      file.examples.back().none = true;
    } else {
      JsonReader reader(line);
      Json json = reader.Read();
      if (!reader.ok() || !std::holds_alternative<std::map<std::string, Json>>(json.value)) {
        file.errors.push_back(where + ": not a JSON object of arguments, nor 'none'");
      } else {
        file.examples.back().expected.emplace_back(number, std::move(json));
      }
    }
  }
  for (const Example& example : file.examples) {
    if (example.none == example.expected.empty()) continue;
    file.errors.push_back(path.string() + ":" + std::to_string(example.line) +
                          (example.none ? ": 'none' and events both stated"
                                        : ": no expectation (events, or 'none')"));
  }
  return file;
}

std::vector<fs::path> ExamplesFiles() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(NEWSEVENTS_SOURCE_DIR) /
                                                            "lib" / "rules")) {
    if (entry.path().extension() == ".examples") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::unique_ptr<Extractor> ExtractorFor(const ExamplesFile& file) {
  Options options;
  options.lang = file.lang;
  options.types = {file.type};
  auto made = Extractor::Create(options);
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return made.ok() ? std::move(made).value() : nullptr;
}

TEST(RuleExamples, EveryExampleGivesExactlyItsEvents) {
  const std::vector<fs::path> paths = ExamplesFiles();
  ASSERT_FALSE(paths.empty());
  for (const fs::path& path : paths) {
    const ExamplesFile file = ReadExamples(path);
    for (const std::string& error : file.errors) ADD_FAILURE() << error;
    auto extractor = ExtractorFor(file);
    ASSERT_TRUE(extractor);
    for (const Example& example : file.examples) {
      Document document;
      document.bytes = example.text;
      std::vector<Json> found;
      for (const Event& event : extractor->Extract(document)) found.push_back(Stated(event));
      std::vector<bool> used(found.size(), false);
      for (const auto& [line, expected] : example.expected) {
        bool matched = false;
        for (std::size_t i = 0; i < found.size() && !matched; ++i) {
          if (!used[i] && found[i] == expected) matched = used[i] = true;
        }
        if (!matched) {
          ADD_FAILURE() << path.string() << ":" << line << ": missing event " << Show(expected)
                        << "\n  in: " << example.text;
        }
      }
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (!used[i]) {
          ADD_FAILURE() << path.string() << ":" << example.line << ": extra event "
                        << Show(found[i]) << "\n  in: " << example.text;
        }
      }
    }
  }
}

TEST(RuleExamples, LintEveryRuleAndGuardIsExercised) {
  for (const fs::path& path : ExamplesFiles()) {
    const ExamplesFile file = ReadExamples(path);
    auto extractor = ExtractorFor(file);
    ASSERT_TRUE(extractor);
    std::set<std::string> fired;
    std::set<std::string> vetoing;
    for (const Example& example : file.examples) {
      Document document;
      document.bytes = example.text;
      for (const SentenceExplanation& sentence : extractor->Explain(document)) {
        for (const Event& event : sentence.events) fired.insert(event.rule);
        for (const auto& [rule, guard] : sentence.vetoed) vetoing.insert(guard);
      }
    }
    const std::string prefix = file.lang + "/" + file.type + "/";
    for (const RuleInfo& rule : extractor->Rules()) {
      if (rule.id.rfind(prefix, 0) != 0) continue;  // another file's
      if (rule.guard ? vetoing.count(rule.id) == 0 : fired.count(rule.id) == 0) {
        ADD_FAILURE() << rule.where << ": " << (rule.guard ? "guard " : "rule ") << rule.id
                      << (rule.guard ? " vetoes no example in " : " gives no event in ")
                      << path.filename().string();
      }
    }
  }
}

TEST(RuleExamples, EveryRulesFileHasExamples) {
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(NEWSEVENTS_SOURCE_DIR) / "lib" / "rules")) {
    const fs::path& path = entry.path();
    if (path.extension() != ".rules" || path.stem() == "common") continue;
    fs::path examples = path;
    examples.replace_extension(".examples");
    EXPECT_TRUE(fs::exists(examples)) << path.string() << " has no " << examples.filename();
  }
}

}  // namespace
}  // namespace newsevents
