#include "mentions/organizations.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "mentions/scan.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {


// An alias as a pattern that matches it as whole words.
// An alias as a pattern: the literal alone. Word boundaries are checked on
// each match instead (RE2's \b is ASCII-only anyway): a plain alternation of
// literals compiles to a small, fast DFA, one with \b around each does not.
RE2::Options PatternOptions(bool case_sensitive = true) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

// A capitalized name: words that start with a capital ("Super Micro"), or
// mix cases ("xAI", "eBay"), joined by spaces, '&' or "of".
constexpr std::string_view kName =
    R"((?:[A-Z][\w&'.-]*[\w&]|[A-Z]|[a-z]+[A-Z][\w]*)(?: (?:[A-Z][\w&'.-]*[\w&]|[A-Z]|&|of|[a-z]+[A-Z][\w]*)){0,4})";

// Corporate suffixes; those that are abbreviations may take their period.
constexpr std::string_view kSuffixedPattern =
    R"(\b((?:[A-Z][\w&'-]*)(?: (?:[A-Z][\w&'-]*|&|of))*),? )"
    R"(((?:Inc|Corp|Co|Ltd|Cos|Bhd|Pte|Pty|Plc|Incorporated)\b\.?|(?:Corporation|Company|Limited|plc|PLC|SA|S\.A\.|SE|AG|NV|N\.V\.|LLC|LLP|GmbH|S\.p\.A\.|SpA|BV|B\.V\.|Oyj|ASA|SAS|SARL|Holdings|Group)\b))";

// Nouns that introduce a company's name: "the chipmaker Nvidia", "la
// société Exail". An adjective of nationality may stand between.
constexpr std::string_view kIntroducedPattern =
    R"((?i:\b(?:(?:(?:AI|chip|cloud|software|tech|technology|server|contract|defen[cs]e|energy|drug|car|EV|e-commerce|investment|asset|private[- ]equity|hedge|research|consulting|telecoms?|mining|steel|shipping|payments?|semiconductor|networking|storage|satellite) )?)"
    R"((?:chipmaker|chip designer|startup|start-up|carmaker|automaker|drugmaker|retailer|lender|insurer|conglomerate|supplier|manufacturer|maker|vendor|provider|operator|carrier|airline|giant|rival|subsidiary|brokerage|company|firm|group|bank|developer|designer|producer|miner|platform)|)"
    R"(la soci\x{00E9}t\x{00E9}|le groupe|l'entreprise|la start-up|la startup|le fabricant|le constructeur|l'\x{00E9}quipementier|le g\x{00E9}ant|le fonds|la banque|l'assureur|l'op\x{00E9}rateur|le cabinet|la firme|le laboratoire|le sp\x{00E9}cialiste|l'\x{00E9}diteur|le distributeur|le fournisseur|le sous-traitant|le concurrent|la compagnie|le transporteur|la plateforme|le r\x{00E9}seau social)) )"
    R"((?:(?i:American|French|German|Chinese|Japanese|Taiwanese|South Korean|Korean|British|Swiss|Dutch|Italian|Spanish|Canadian|Indian|Israeli|Swedish|Finnish|Danish|Norwegian|U\.S\.|European|Texas-based|California-based|am\x{00E9}ricain|fran\x{00E7}ais|allemand|chinois|japonais|ta\x{00EF}wanais|sud-cor\x{00E9}en|britannique|suisse|n\x{00E9}erlandais|italien|espagnol|canadien|indien|isra\x{00E9}lien|su\x{00E9}dois|finlandais|europ\x{00E9}en|californien|texan|nippon) )?)"
    R"(()" "NAME" R"())";

// Capitalized words that follow a company noun without naming a company:
// "the company Thursday reported", "the group Chief Executive ...".
bool NotAName(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Chief", "CEO", "CFO", "President",
      "Chairman", "Chairwoman", "Mr", "Mrs", "Ms", "Dr", "The", "This", "That", "It", "In",
      "On", "At", "For", "And", "But", "Le", "La", "Les", "Un", "Une", "Il", "Elle", "M"};
  const std::string_view first = name.substr(0, name.find_first_of(" .'"));
  for (std::string_view word : kWords) {
    if (first == word) return true;
  }
  return false;
}

constexpr std::string_view kCueBefore =
    R"((?i:(?:social network|social networking site|social media platform|social media company|social media site|platform|company|firm|group|operator|carrier|telecom operator|chipmaker|maker|startup|start-up|giant|rival|owner|brand|retailer|lender|bank|insurer|supplier|customer|partner|subsidiary|unit|le titre|l'action|les actions de|shares of|le r\x{00E9}seau social|la plateforme|la soci\x{00E9}t\x{00E9}|le groupe|l'op\x{00E9}rateur|l'entreprise|le g\x{00E9}ant|le fabricant|la marque|chez|de l'op\x{00E9}rateur|du groupe|de la soci\x{00E9}t\x{00E9}) )$|[A-Z][\w.-]*'s $)";

constexpr std::string_view kCueAfter =
    R"((?:'s\b|(?i: (?:shares|stock|said|says|announced|declined|did not|does not|didn't|doesn't|has not|reported|posted|plans|expects|confirmed|told|a annonc\x{00E9}|a d\x{00E9}clar\x{00E9}|a indiqu\x{00E9}|n'a pas|a confirm\x{00E9}|a publi\x{00E9})\b|, (?:the|la|le|l') ?(?:social network|platform|company|operator|group|plateforme|r\x{00E9}seau social|soci\x{00E9}t\x{00E9}|groupe|op\x{00E9}rateur))))";

// Capitalized words that begin sentences, not company names.
bool LeadingWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "Shares", "Stock", "Stocks", "The", "This", "That", "In", "On", "At", "For", "And",
      "But", "Rival", "Rivals", "Competitor", "Competitors", "Customers", "Investors",
      "Analysts", "Peer", "Peers", "Les", "Le", "La", "Chez", "Selon"};
  for (std::string_view candidate : kWords) {
    if (word == candidate) return true;
  }
  return false;
}

}  // namespace

StatusOr<std::unique_ptr<OrganizationRecognizer>> OrganizationRecognizer::Create(
    const std::vector<Source>& sources) {
  std::unique_ptr<OrganizationRecognizer> recognizer(new OrganizationRecognizer());
  std::vector<std::string> errors;
  for (const Source& source : sources) {
    ForEachRecord(source.text, [&](int line_number,
                                   const std::vector<absl::string_view>& fields) {
      if (fields.size() != 4 || fields[0].empty()) {
        errors.push_back(absl::StrCat(source.path, ":", line_number,
                                      ": expected 4 tab-separated fields "
                                      "(name, id, kind, aliases), found ",
                                      fields.size()));
        return;
      }
      const std::size_t index = recognizer->entities_.size();
      recognizer->entities_.push_back(
          {std::string(fields[0]), std::string(fields[1]), std::string(fields[2])});
      // A later entry with the same alias wins, so user lists can override.
      bool name_ambiguous = false;
      for (absl::string_view alias : absl::StrSplit(fields[3], '|', absl::SkipEmpty())) {
        alias = absl::StripAsciiWhitespace(alias);
        Ambiguity ambiguity = Ambiguity::kNone;
        if (absl::ConsumePrefix(&alias, "?")) {
          ambiguity = Ambiguity::kStrict;
        } else if (absl::ConsumePrefix(&alias, "~")) {
          ambiguity = Ambiguity::kCapitalized;
        }
        if (alias.empty()) continue;
        name_ambiguous = name_ambiguous || (ambiguity != Ambiguity::kNone && alias == fields[0]);
        recognizer->by_alias_[std::string(alias)] = {index, ambiguity};
      }
      if (!name_ambiguous) {
        recognizer->by_alias_[std::string(fields[0])] = {index, Ambiguity::kNone};
      }
    });
  }
  if (!errors.empty()) return Status::InvalidArgument(absl::StrJoin(errors, "\n"));

  std::vector<std::string> aliases;
  aliases.reserve(recognizer->by_alias_.size());
  for (const auto& [alias, entry] : recognizer->by_alias_) aliases.push_back(alias);
  recognizer->aliases_ =
      std::make_unique<LiteralMatcher>(aliases, LiteralMatcher::Case::kSensitive);
  recognizer->alias_texts_ = std::move(aliases);
  recognizer->suffixed_ = std::make_unique<RE2>(kSuffixedPattern, PatternOptions());
  std::string introduced(kIntroducedPattern);
  introduced.replace(introduced.find("NAME"), 4, kName);
  recognizer->introduced_ = std::make_unique<RE2>(introduced, PatternOptions());
  recognizer->cue_before_ = std::make_unique<RE2>(kCueBefore, PatternOptions());
  recognizer->cue_after_ = std::make_unique<RE2>(kCueAfter, PatternOptions());
  for (const RE2* pattern :
       {recognizer->suffixed_.get(), recognizer->introduced_.get(),
        recognizer->cue_before_.get(), recognizer->cue_after_.get()}) {
    if (!pattern->ok()) {
      return Status::Internal(absl::StrCat("entity list pattern: ", pattern->error()));
    }
  }
  return recognizer;
}

const Entity* OrganizationRecognizer::Lookup(std::string_view alias) const {
  auto found = by_alias_.find(ToAbsl(alias));
  return found == by_alias_.end() ? nullptr : &entities_[found->second.entity];
}

bool OrganizationRecognizer::AmbiguousContext(std::string_view text, std::size_t begin,
                                              std::size_t end) const {
  const std::size_t window = begin > 48 ? begin - 48 : 0;
  re2::StringPiece before(text.data() + window, begin - window);
  if (RE2::PartialMatch(before, *cue_before_)) return true;
  re2::StringPiece after(text.data() + end, text.size() - end);
  return RE2::Consume(&after, *cue_after_);
}

void OrganizationRecognizer::Find(std::string_view text,
                                  std::vector<FoundMention>* out) const {
  auto add = [&](std::size_t begin, std::size_t end, const Entity* entity,
                 std::string_view name) {
    Organization organization;
    organization.name = entity ? entity->name : std::string(name);
    if (entity) organization.id = entity->id;
    out->push_back({MentionKind::kOrganization, begin, end, std::move(organization)});
  };

  // The leftmost alias, the longest there, then the next one after it.
  std::vector<LiteralMatcher::Hit> hits = aliases_->FindAll(text);
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t next = 0;
  for (const LiteralMatcher::Hit& hit : hits) {
    if (hit.begin < next) continue;
    const std::size_t begin = hit.begin;
    const std::size_t end = hit.end;
    next = end;
    // Whole words only: "Orange" not inside "Orangeé", "Intel" not in "Intelsat".
    if (WordCharBefore(text, begin) || WordCharAt(text, end)) continue;
    auto found = by_alias_.find(ToAbsl(alias_texts_[static_cast<std::size_t>(hit.literal)]));
    if (found == by_alias_.end()) continue;
    if (found->second.ambiguity != Ambiguity::kNone && !AmbiguousContext(text, begin, end)) {
      // "~": a capitalized word inside a sentence (after a lower-case word
      // or a comma) is the name, not a sentence's first word.
      std::size_t p = begin;
      while (p > 0 && text[p - 1] == ' ') --p;
      const bool inside = p < begin && p > 0 &&
                          (text[p - 1] == ',' || absl::ascii_islower(static_cast<unsigned char>(text[p - 1])));
      if (found->second.ambiguity == Ambiguity::kStrict || !inside) continue;
    }
    add(begin, end, &entities_[found->second.entity], {});
  }

  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece name, suffix;
  while (RE2::FindAndConsume(&input, *suffixed_, &name, &suffix)) {
    const char* end = suffix.data() + suffix.size();
    std::string_view bare(name.data(), name.size());
    const Entity* entity = Lookup(std::string_view(bare.data(), end - bare.data()));
    // A capitalized word before a known name is not part of it
    // ("Rivals Dell Technologies Inc."): try the name without leading words.
    for (std::string_view rest = bare; entity == nullptr;) {
      entity = Lookup(rest);
      if (entity != nullptr) {
        bare = rest;
        break;
      }
      const std::size_t space = rest.find(' ');
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    if (entity == nullptr) {
      // "Shares of Halvorsen Data Corp.", "The Acme Co.": a sentence's first
      // word is not part of the name.
      while (true) {
        const std::size_t space = bare.find(' ');
        if (space == std::string_view::npos) break;
        const std::string_view first = bare.substr(0, space);
        if (!LeadingWord(first)) break;
        bare.remove_prefix(space + 1);
        for (std::string_view joiner : {"of ", "in "}) {
          if (bare.substr(0, joiner.size()) == joiner) bare.remove_prefix(joiner.size());
        }
      }
    }
    const std::size_t begin = static_cast<std::size_t>(bare.data() - text.data());
    // Legal forms (Inc., SA) are not part of the name; "Group" and
    // "Holdings" are ("Synergy Research Group").
    const std::string_view form(suffix.data(), suffix.size());
    const std::string_view name_text =
        (form == "Group" || form == "Holdings")
            ? std::string_view(bare.data(), static_cast<std::size_t>(end - bare.data()))
            : bare;
    add(begin, static_cast<std::size_t>(end - text.data()), entity, name_text);
  }

  input = re2::StringPiece(text.data(), text.size());
  while (RE2::FindAndConsume(&input, *introduced_, &name)) {
    std::string_view found(name.data(), name.size());
    if (NotAName(found)) continue;
    // "the company Dell Technologies Inc.": the longest listed prefix names it.
    const Entity* entity = Lookup(found);
    while (entity == nullptr && found.find(' ') != std::string_view::npos) {
      found = found.substr(0, found.rfind(' '));
      entity = Lookup(found);
    }
    if (entity == nullptr) found = std::string_view(name.data(), name.size());
    const std::size_t begin = static_cast<std::size_t>(found.data() - text.data());
    add(begin, begin + found.size(), entity, found);
  }
}

}  // namespace newsevents::internal
