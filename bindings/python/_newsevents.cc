// _newsevents: the compiled half of the Python package `newsevents`.
//
// A thin shim over the C++ API (the model is re2's python/_re2.cc): it builds
// an Extractor, hands documents to it with the GIL released, and returns each
// event as its JSON line, made by newsevents::ToJson, the one place that
// defines the JSON form of an event. The pure-Python package (newsevents/
// __init__.py) turns those lines into Event objects, adds code-point offsets
// for str input, and carries the docstrings and conveniences.
//
// Errors: every non-OK Status becomes a Python exception in ThrowIfError, the
// only place where Status codes are mapped to exception types.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "newsevents/extractor.h"
#include "newsevents/json.h"
#include "newsevents/text.h"
#include "newsevents/version.h"

namespace py = pybind11;

namespace {

using newsevents::ContentType;
using newsevents::Document;
using newsevents::Event;
using newsevents::Extractor;
using newsevents::Options;
using newsevents::Status;

// Raises the Python exception that matches `status`, with its message; does
// nothing for OK. The one place that maps Status codes to exception types.
void ThrowIfError(const Status& status) {
  if (status.ok()) return;
  PyObject* type = PyExc_RuntimeError;
  switch (status.code()) {
    case Status::Code::kInvalidArgument: type = PyExc_ValueError; break;
    case Status::Code::kNotFound: type = PyExc_FileNotFoundError; break;
    case Status::Code::kIoError: type = PyExc_OSError; break;
    case Status::Code::kOk:
    case Status::Code::kInternal: type = PyExc_RuntimeError; break;
  }
  PyErr_SetString(type, status.message().c_str());
  throw py::error_already_set();
}

// The JSON lines of `events` (computed without the GIL by the caller).
std::vector<std::string> ToJsonLines(const std::vector<Event>& events) {
  std::vector<std::string> lines;
  lines.reserve(events.size());
  for (const Event& event : events) lines.push_back(newsevents::ToJson(event));
  return lines;
}

// ToJson output is valid UTF-8 by contract, so it becomes a str directly.
py::list ToPyList(const std::vector<std::string>& lines) {
  py::list out(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out[i] = py::str(lines[i]);
  }
  return out;
}

// Holds the C++ Extractor; immutable, so one instance may serve many Python
// threads at once (the GIL is released while it works).
class PyExtractor {
 public:
  PyExtractor(std::vector<std::string> rules, std::vector<std::string> types,
              std::string lang, int threads, std::vector<std::string> entities) {
    Options options;
    options.rules = std::move(rules);
    options.types = std::move(types);
    options.lang = std::move(lang);
    options.threads = threads;
    options.entities = std::move(entities);
    auto made = [&] {
      py::gil_scoped_release release;
      return Extractor::Create(options);
    }();
    ThrowIfError(made.status());
    extractor_ = std::move(made).value();
  }

  // Events of one document, as JSON lines.
  py::list Extract(py::bytes data, std::string lang, std::string doc_id,
                   ContentType content_type) const {
    Document document;
    document.bytes = std::string(data);
    document.id = std::move(doc_id);
    document.lang = std::move(lang);
    document.content_type = content_type;
    std::vector<std::string> lines;
    {
      py::gil_scoped_release release;
      lines = ToJsonLines(extractor_->Extract(document));
    }
    return ToPyList(lines);
  }

  // Mentions of one document, as JSON objects (ToJson(Mention)).
  py::list Mentions(py::bytes data, std::string lang, ContentType content_type) const {
    Document document;
    document.bytes = std::string(data);
    document.lang = std::move(lang);
    document.content_type = content_type;
    std::vector<std::string> lines;
    {
      py::gil_scoped_release release;
      for (const newsevents::Mention& mention : extractor_->Mentions(document)) {
        lines.push_back(newsevents::ToJson(mention));
      }
    }
    return ToPyList(lines);
  }

  // Events of many documents through Extractor::ExtractBatch; each item is
  // (data, lang, doc_id, content_type). Result i holds document i's lines.
  // `threads` < 0 uses the extractor's own thread count.
  py::list ExtractBatch(
      const std::vector<std::tuple<py::bytes, std::string, std::string,
                                   ContentType>>& items,
      int threads) const {
    std::vector<Document> documents(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      documents[i].bytes = std::string(std::get<0>(items[i]));
      documents[i].lang = std::get<1>(items[i]);
      documents[i].id = std::get<2>(items[i]);
      documents[i].content_type = std::get<3>(items[i]);
    }
    std::vector<std::vector<std::string>> results;
    {
      py::gil_scoped_release release;
      std::vector<std::vector<Event>> events =
          threads < 0 ? extractor_->ExtractBatch(documents)
                      : extractor_->ExtractBatch(documents, threads);
      results.reserve(events.size());
      for (const std::vector<Event>& one : events) {
        results.push_back(ToJsonLines(one));
      }
    }
    py::list out(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
      out[i] = ToPyList(results[i]);
    }
    return out;
  }

  const Options& options() const { return extractor_->options(); }

 private:
  std::unique_ptr<Extractor> extractor_;
};

// Decodes and normalizes one document (newsevents::Normalize), GIL released.
newsevents::NormalizedText NormalizeBytes(py::bytes data, ContentType content_type,
                                          std::string encoding) {
  Document document;
  document.bytes = std::string(data);
  document.content_type = content_type;
  document.encoding = std::move(encoding);
  py::gil_scoped_release release;
  return newsevents::Normalize(document);
}

// Sentences of one document as ((begin, end) in its bytes, normalized text).
std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> SentencesOf(
    py::bytes data, std::string lang, ContentType content_type) {
  Document document;
  document.bytes = std::string(data);
  document.content_type = content_type;
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> out;
  py::gil_scoped_release release;
  const newsevents::NormalizedText text = newsevents::Normalize(document);
  if (lang.empty()) lang = newsevents::DetectLanguage(text.text);
  for (const newsevents::Sentence& sentence : newsevents::SplitSentences(text, lang)) {
    out.push_back({{sentence.span.begin, sentence.span.end},
                   text.text.substr(sentence.normalized.begin, sentence.normalized.size())});
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_newsevents, m) {
  m.doc() =
      "Compiled core of the newsevents package; use `import newsevents`.";
  m.attr("__version__") = newsevents::Version();

  py::enum_<ContentType>(m, "ContentType",
                         "How a document's bytes are read.")
      .value("AUTO", ContentType::kAuto, "decided from the bytes")
      .value("TEXT", ContentType::kText, "plain text")
      .value("HTML", ContentType::kHtml, "HTML: only the visible text is read");

  py::class_<newsevents::NormalizedText>(m, "NormalizedText",
                                         "newsevents::NormalizedText (byte offsets).")
      .def_property_readonly("text",
                             [](const newsevents::NormalizedText& self) {
                               return py::str(self.text);
                             })
      .def_readonly("encoding", &newsevents::NormalizedText::encoding)
      .def_readonly("repaired", &newsevents::NormalizedText::repaired)
      .def_readonly("metadata", &newsevents::NormalizedText::metadata)
      .def(
          "to_source",
          [](const newsevents::NormalizedText& self, std::size_t begin, std::size_t end) {
            const newsevents::Span span = self.map.ToSource({begin, end});
            return std::make_pair(span.begin, span.end);
          },
          py::arg("begin"), py::arg("end"),
          "Input byte span of normalized-text byte span [begin, end).");
  m.def("normalize", &NormalizeBytes, py::arg("data"), py::arg("content_type"),
        py::arg("encoding"), "newsevents::Normalize on bytes (GIL released).");
  m.def("sentences", &SentencesOf, py::arg("data"), py::arg("lang"), py::arg("content_type"),
        "((begin, end), normalized text) of each sentence (GIL released).");
  m.def(
      "detect_language",
      [](const std::string& text) {
        py::gil_scoped_release release;
        return newsevents::DetectLanguage(text);
      },
      py::arg("text"), "newsevents::DetectLanguage: 'en', 'fr' or 'und'.");

  py::class_<PyExtractor>(m, "Extractor",
                          "A compiled newsevents::Extractor (thread-safe).")
      .def(py::init<std::vector<std::string>, std::vector<std::string>,
                    std::string, int, std::vector<std::string>>(),
           py::arg("rules"), py::arg("types"), py::arg("lang"),
           py::arg("threads"), py::arg("entities") = std::vector<std::string>())
      .def("mentions", &PyExtractor::Mentions, py::arg("data"), py::arg("lang"),
           py::arg("content_type"),
           "Mentions of one document, as JSON objects (GIL released).")
      .def("extract", &PyExtractor::Extract, py::arg("data"), py::arg("lang"),
           py::arg("doc_id"), py::arg("content_type"),
           "Events of one document, as JSON lines (GIL released).")
      .def("extract_batch", &PyExtractor::ExtractBatch, py::arg("items"),
           py::arg("threads") = -1,
           "Events of many documents via ExtractBatch, as lists of JSON "
           "lines (GIL released).")
      .def_property_readonly("rules",
                             [](const PyExtractor& self) {
                               return self.options().rules;
                             })
      .def_property_readonly("types",
                             [](const PyExtractor& self) {
                               return self.options().types;
                             })
      .def_property_readonly(
          "lang", [](const PyExtractor& self) { return self.options().lang; })
      .def_property_readonly("entities",
                             [](const PyExtractor& self) {
                               return self.options().entities;
                             })
      .def_property_readonly("threads", [](const PyExtractor& self) {
        return self.options().threads;
      });
}
