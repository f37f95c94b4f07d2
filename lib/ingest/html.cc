#include "ingest/html.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "gumbo.h"
#include "ingest/decode.h"
#include "string_views.h"

namespace newsevents::internal {
namespace {

struct OutputCloser {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool Dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

// Elements whose start and end end a paragraph.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_DD: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// gumbo writes a few references it cannot decode as raw bytes ("&#xbbbbbbbb"
// gives a lone 0xBB), so its text and attribute values are checked and, when
// invalid, repaired (invalid sequences as U+FFFD): the text we return is
// valid UTF-8 (found by fuzz_ingest).
std::string ValidUtf8(std::string_view text) {
  return IsValidUtf8(text) ? std::string(text) : DecodeUtf8(text).text;
}

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

// Concatenated text of a node's text children (for <title>).
std::string ChildText(const GumboNode& node) {
  std::string text;
  const GumboVector& children = node.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  return text;
}

void ReadMetadata(const GumboNode& node, std::map<std::string, std::string>* metadata) {
  const GumboElement& element = node.v.element;
  if (element.tag == GUMBO_TAG_HTML) {
    if (const char* lang = Attribute(element, "lang")) (*metadata)["lang"] = ValidUtf8(lang);
  } else if (element.tag == GUMBO_TAG_TITLE) {
    (*metadata)["title"] = ValidUtf8(ChildText(node));
  } else if (element.tag == GUMBO_TAG_META) {
    const char* content = Attribute(element, "content");
    if (content == nullptr) return;
    const char* name = Attribute(element, "name");
    const char* property = Attribute(element, "property");
    if (name != nullptr && AsciiLower(name) == "description") {
      (*metadata)["description"] = ValidUtf8(content);
    }
    if (property != nullptr) {
      const std::string key = AsciiLower(property);
      if (key == "og:title" || key == "article:published_time") {
        (*metadata)[key] = ValidUtf8(content);
      }
    }
  }
}

class TextBuilder {
 public:
  explicit TextBuilder(std::string_view html) : html_(html) {}

  // Blocks and line breaks are written lazily, before the next text, so
  // nested blocks give one break.
  void Break(int newlines) { pending_newlines_ = std::max(pending_newlines_, newlines); }

  // Appends a text node: `decoded` is gumbo's text, `original` its source.
  void Text(std::string_view decoded, GumboStringPiece original) {
    if (decoded.empty()) return;
    std::string repaired;
    if (!IsValidUtf8(decoded)) {
      repaired = DecodeUtf8(decoded).text;
      decoded = repaired;
    }
    const std::size_t source_begin = original.data != nullptr
                                         ? static_cast<std::size_t>(original.data - html_.data())
                                         : std::string_view::npos;
    if (pending_newlines_ > 0 && !out_.text.empty()) {
      const std::string_view breaks = pending_newlines_ >= 2 ? "\n\n" : "\n";
      out_.text.append(breaks);
      out_.map.AppendReplace(0, breaks.size());
    }
    pending_newlines_ = 0;
    // Text moved by the parser out of source order (misnested tables) has
    // no place in a monotonic map: it reads as inserted text.
    if (source_begin == std::string_view::npos || source_begin < cursor_ ||
        source_begin + original.length > html_.size()) {
      out_.text.append(decoded);
      out_.map.AppendReplace(0, decoded.size());
      return;
    }
    if (source_begin > cursor_) out_.map.AppendReplace(source_begin - cursor_, 0);
    Align(decoded, std::string_view(original.data, original.length));
    cursor_ = source_begin + original.length;
  }

  HtmlText Finish() {
    if (cursor_ < html_.size()) out_.map.AppendReplace(html_.size() - cursor_, 0);
    return std::move(out_);
  }

  HtmlText& out() { return out_; }

 private:
  // Maps decoded text to its source byte by byte: equal bytes copy, an
  // entity maps as a whole, "\r\n" read as "\n" maps to both bytes.
  void Align(std::string_view decoded, std::string_view source) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < decoded.size() && j < source.size()) {
      if (decoded[i] == source[j] && source[j] != '&') {
        out_.text.push_back(decoded[i]);
        out_.map.AppendCopy(1);
        ++i;
        ++j;
        continue;
      }
      // A '&' gumbo left as it was ("S&P 500", "AT&T", "R&D") is a plain
      // character: read as a reference, it would swallow the letters after
      // it and the rest of the node would lose its byte offsets.
      if (source[j] == '&' && decoded[i] == '&' &&
          AmpersandReferenceLength(source.substr(j)) == 0) {
        out_.text.push_back('&');
        out_.map.AppendCopy(1);
        ++i;
        ++j;
        continue;
      }
      if (source[j] == '&') {
        // What the entity decoded to: the code point at i (two for a few
        // named entities, which then share the whole entity).
        std::size_t length = CodePointLength(decoded, i);
        std::size_t end = j + 1;
        if (decoded[i] == '&') {
          end = j + AmpersandReferenceLength(source.substr(j));  // "&ampfoo": "&amp"
        } else {
          // A reference written without its ';' ends where gumbo stopped
          // reading it ("&notit" is "¬" then "it"): of its possible ends,
          // the one after which the texts agree best (found by fuzz_ingest:
          // taking every letter, as in "&#3ANIES" or "&centnnJ", mapped the
          // rest of the node to the wrong bytes).
          const std::size_t longest = ReferenceEnd(source, j);
          end = longest;
          Agreement best = AgreementAfter(decoded, i + length, source, longest);
          for (std::size_t candidate = longest; candidate-- > j + 2;) {
            const Agreement agreement = AgreementAfter(decoded, i + length, source, candidate);
            if (agreement.Better(best)) {
              best = agreement;
              end = candidate;
            }
          }
        }
        if (end == j + 1) {  // a bare '&'
          out_.text.append(decoded.substr(i, length));
          out_.map.AppendReplace(1, length);
        } else {
          out_.text.append(decoded.substr(i, length));
          out_.map.AppendReplace(end - j, length);
        }
        i += length;
        j = end;
        continue;
      }
      if (source[j] == '\r' && decoded[i] == '\n') {
        const std::size_t length = j + 1 < source.size() && source[j + 1] == '\n' ? 2 : 1;
        out_.text.push_back('\n');
        out_.map.AppendReplace(length, 1);
        ++i;
        j += length;
        continue;
      }
      // Anything else gumbo changed (a NUL, an invalid byte): map the rest
      // of the node as one piece rather than guess.
      break;
    }
    out_.text.append(decoded.substr(i));
    out_.map.AppendReplace(source.size() - j, decoded.size() - i);
  }

  // The end of the character reference at source[at] ('&'): "&#" and
  // decimal digits, "&#x" and hex digits, or '&' and a name (letters and
  // digits), then ';' if there is one.
  static std::size_t ReferenceEnd(std::string_view source, std::size_t at) {
    std::size_t end = at + 1;
    bool (*digit)(unsigned char) = absl::ascii_isalnum;
    if (end < source.size() && source[end] == '#') {
      ++end;
      digit = absl::ascii_isdigit;
      if (end < source.size() && (source[end] == 'x' || source[end] == 'X')) {
        ++end;
        digit = absl::ascii_isxdigit;
      }
    }
    while (end < source.size() && end - at < 40 && digit(static_cast<unsigned char>(source[end]))) {
      ++end;
    }
    if (end < source.size() && source[end] == ';') ++end;
    return end;
  }

  // How the decoded text from `i` and the source from `j` agree: the bytes
  // that are equal before they differ, and whether they run together to a
  // point where both go on (both end, or the source reaches what Align reads
  // in its own way: another reference, a carriage return).
  struct Agreement {
    std::size_t bytes;
    bool complete;
    bool Better(const Agreement& other) const {
      return complete != other.complete ? complete : bytes > other.bytes;
    }
  };
  static Agreement AgreementAfter(std::string_view decoded, std::size_t i,
                                  std::string_view source, std::size_t j) {
    for (std::size_t bytes = 0;; ++bytes, ++i, ++j) {
      if (i >= decoded.size() || j >= source.size()) {
        return {bytes, i >= decoded.size() && j >= source.size()};
      }
      if (source[j] == '&' || source[j] == '\r') return {bytes, true};
      if (decoded[i] != source[j]) return {bytes, false};
    }
  }

  // The length of the character reference for '&' itself that `source`
  // starts with (&amp; &AMP; &#38; &#x26;, the ';' optional as HTML allows
  // it), or 0 when its '&' is a plain character.
  static std::size_t AmpersandReferenceLength(std::string_view source) {
    std::size_t length = 0;
    if (source.substr(0, 4) == "&amp" || source.substr(0, 4) == "&AMP") {
      length = 4;
    } else if (source.substr(0, 2) == "&#") {
      const bool hex = source.size() > 2 && (source[2] == 'x' || source[2] == 'X');
      std::size_t at = hex ? 3 : 2;
      const std::size_t digits = at;
      unsigned value = 0;
      for (; at < source.size(); ++at) {
        const unsigned char c = static_cast<unsigned char>(source[at]);
        if (!(hex ? absl::ascii_isxdigit(c) : absl::ascii_isdigit(c))) break;
        const unsigned digit = absl::ascii_isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        value = std::min(value * (hex ? 16 : 10) + digit, 0x110000u);  // no overflow
      }
      if (at == digits || value != '&') return 0;
      length = at;
    } else {
      return 0;
    }
    if (length < source.size() && source[length] == ';') ++length;
    return length;
  }

  static std::size_t CodePointLength(std::string_view text, std::size_t at) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(length, text.size() - at);
  }

  std::string_view html_;
  HtmlText out_;
  std::size_t cursor_ = 0;  // source bytes consumed
  int pending_newlines_ = 0;
};

// Deeper nesting than this is flattened before parsing: the HTML5 tree
// builder checks scopes along the stack of open elements, so 100,000 nested
// <div>s would take quadratic time. Browsers cap depth the same way.
constexpr std::size_t kMaxDepth = 512;

bool IsVoid(std::string_view tag) {
  for (std::string_view name : {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                "link", "meta", "param", "source", "track", "wbr"}) {
    if (tag == name) return true;
  }
  return false;
}

// `html` with the tags that open (and close) elements past kMaxDepth turned
// into spaces of the same length: the text and every offset stay as they
// were, the tree gets flatter. A byte scan over tags, not a parser: tags are
// only blanked, never read for text.
std::string FlattenDeepNesting(std::string_view html) {
  std::string flat;
  std::vector<bool> blanked;  // per open element: was its tag blanked
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.substr(at, 4) == "<!--") {
      const std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    const std::size_t name_begin = at + (closing ? 2 : 1);
    std::size_t name_end = name_begin;
    while (name_end < html.size() && absl::ascii_isalnum(static_cast<unsigned char>(html[name_end]))) {
      ++name_end;
    }
    if (name_end == name_begin) {
      ++at;
      continue;
    }
    std::size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    ++tag_end;
    const std::string name = AsciiLower(html.substr(name_begin, name_end - name_begin));
    bool blank = false;
    if (closing) {
      if (!blanked.empty()) {
        blank = blanked.back();
        blanked.pop_back();
      }
    } else if (!IsVoid(name) && html[tag_end - 2] != '/') {
      blank = blanked.size() >= kMaxDepth;
      blanked.push_back(blank);
      if (name == "script" || name == "style") {  // raw text up to the end tag
        const std::size_t end = AsciiLower(html.substr(tag_end)).find("</" + name);
        if (end != std::string::npos) tag_end += end;
      }
    }
    if (blank) {
      if (flat.empty()) flat.assign(html);
      std::fill(flat.begin() + static_cast<std::ptrdiff_t>(at),
                flat.begin() + static_cast<std::ptrdiff_t>(tag_end), ' ');
    }
    at = tag_end;
  }
  return flat;  // empty when nothing was blanked
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  const std::string head = AsciiLower(bytes.substr(0, 1024));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<p>", "<p ",
                                  "<div", "<article", "<meta "}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

HtmlText HtmlToText(std::string_view html) {
  const std::string flat = FlattenDeepNesting(html);
  if (!flat.empty()) html = flat;
  std::unique_ptr<GumboOutput, OutputCloser> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  TextBuilder builder(html);
  if (!output) {
    builder.Text(html, {html.data(), html.size()});
    return builder.Finish();
  }

  // Depth-first, with an explicit stack: deeply nested pages must not
  // exhaust the call stack. An entry with `leaving` set closes a block.
  struct Step {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Step> stack = {{output->document, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode& node = *step.node;
    if (step.leaving) {
      builder.Break(2);
      continue;
    }
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        builder.Text(node.v.text.text, node.v.text.original_text);
        break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboVector* children = nullptr;
        if (node.type == GUMBO_NODE_DOCUMENT) {
          children = &node.v.document.children;
        } else {
          const GumboElement& element = node.v.element;
          ReadMetadata(node, &builder.out().metadata);
          if (element.tag == GUMBO_TAG_HEAD) {
            // Only metadata from the head: walk its children for it.
            for (unsigned i = 0; i < element.children.length; ++i) {
              const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
              if (child->type == GUMBO_NODE_ELEMENT) ReadMetadata(*child, &builder.out().metadata);
            }
          }
          if (Dropped(element.tag)) break;
          if (element.tag == GUMBO_TAG_BR) builder.Break(1);
          if (IsBlock(element.tag)) {
            builder.Break(2);
            stack.push_back({&node, true});
          }
          children = &element.children;
        }
        for (unsigned i = children->length; i > 0; --i) {
          stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), false});
        }
        break;
      }
      case GUMBO_NODE_COMMENT:
        break;
    }
  }
  return builder.Finish();
}

}  // namespace newsevents::internal
