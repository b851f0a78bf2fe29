#include "detector/text/input.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "detector/text/utf8.h"
#include "detector/util/json.h"

namespace unspin {
namespace {

absl::Status WithPrefix(absl::string_view prefix, const absl::Status& s) {
  return absl::Status(s.code(), absl::StrCat(prefix, ": ", s.message()));
}

// Value of the 4 hex digits at raw[pos, pos + 4) (validated by the JSON reader).
char32_t HexQuad(absl::string_view raw, size_t pos) {
  uint32_t value = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    const char c = raw[i];
    value = value * 16 + (absl::ascii_isdigit(static_cast<unsigned char>(c))
                              ? c - '0'
                              : absl::ascii_tolower(static_cast<unsigned char>(c)) - 'a' + 10);
  }
  return value;
}

// Appends the string literal `raw` (quotes included, already validated by the JSON reader),
// which starts at `raw_offset` in the builder's source: plain runs verbatim, each escape
// decoded and mapped to its whole span ("\u2019" -> six bytes, a surrogate pair -> twelve).
void AppendJsonString(absl::string_view raw, size_t raw_offset, TextBuilder* builder) {
  const size_t end = raw.size() - 1;  // the closing quote
  size_t run = 1;
  size_t i = 1;
  std::string decoded;
  while (i < end) {
    if (raw[i] != '\\') {
      ++i;
      continue;
    }
    builder->AppendVerbatim(raw_offset + run, i - run);
    decoded.clear();
    size_t length = 2;
    switch (raw[i + 1]) {
      case 'b':
        decoded = "\b";
        break;
      case 'f':
        decoded = "\f";
        break;
      case 'n':
        decoded = "\n";
        break;
      case 'r':
        decoded = "\r";
        break;
      case 't':
        decoded = "\t";
        break;
      case 'u': {
        char32_t c = HexQuad(raw, i + 2);
        length = 6;
        if (c >= 0xD800 && c <= 0xDBFF && i + 12 <= end && raw[i + 6] == '\\' &&
            raw[i + 7] == 'u') {
          const char32_t low = HexQuad(raw, i + 8);
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          length = 12;
        }
        AppendUtf8(c, &decoded);
        break;
      }
      default:  // \" \\ \/
        decoded.push_back(raw[i + 1]);
        break;
    }
    builder->AppendDecoded(decoded, raw_offset + i, length);
    i += length;
    run = i;
  }
  builder->AppendVerbatim(raw_offset + run, end - run);
}

// Parses one JSON Lines record. `line` (without its "\n") starts at `offset` in the file.
absl::StatusOr<Document> ParseRecord(const std::string& path, size_t line_number,
                                     absl::string_view line, size_t offset,
                                     const InputOptions& options) {
  const std::string where = absl::StrCat(path, ":", line_number);
  absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
  if (!members.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": invalid JSON: ", members.status().message()));
  }
  const JsonMember* text = nullptr;
  const JsonMember* id = nullptr;
  for (const JsonMember& m : *members) {
    if (text == nullptr && m.key == options.field) text = &m;
    if (id == nullptr && !options.id_field.empty() && m.key == options.id_field) id = &m;
  }
  if (text == nullptr || text->type != JsonType::kString) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, text == nullptr ? ": no \"" : ": \"", options.field,
                     text == nullptr ? "\" field" : "\" is not a string",
                     " (choose the text field with --field)"));
  }
  std::string name = path;
  if (id != nullptr && id->type == JsonType::kString) {
    name.clear();
    DecodeJsonString(id->raw, &name);
  } else if (id != nullptr && id->type == JsonType::kNumber) {
    name.assign(id->raw.data(), id->raw.size());
  }
  TextBuilder builder(line, nullptr, /*drop_boilerplate_blocks=*/false);
  AppendJsonString(text->raw, static_cast<size_t>(text->raw.data() - line.data()), &builder);
  Document doc = builder.Finish(std::move(name), std::string(line));
  if (doc.text().find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": text holds a NUL character"));
  }
  doc.set_origin(offset, line_number);
  return doc;
}

absl::StatusOr<std::vector<Document>> LoadJsonLines(const std::string& path,
                                                    const std::string& bytes,
                                                    const InputOptions& options) {
  std::vector<Document> documents;
  const absl::string_view all(bytes);
  size_t line_number = 0;
  for (size_t pos = 0; pos < all.size();) {
    ++line_number;
    const size_t newline = all.find('\n', pos);
    const size_t end = newline == absl::string_view::npos ? all.size() : newline;
    absl::string_view line = all.substr(pos, end - pos);
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    if (line_number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":1: byte order mark: JSON Lines must be plain UTF-8"));
    }
    if (!absl::StripAsciiWhitespace(line).empty()) {
      absl::StatusOr<Document> doc = ParseRecord(path, line_number, line, pos, options);
      if (!doc.ok()) return doc.status();
      documents.push_back(*std::move(doc));
    }
    pos = end + 1;
  }
  if (documents.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no records, only blank lines"));
  }
  return documents;
}

}  // namespace

absl::StatusOr<InputFormat> ParseInputFormat(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "auto") return InputFormat::kAuto;
  if (lower == "text" || lower == "txt") return InputFormat::kText;
  if (lower == "html") return InputFormat::kHtml;
  if (lower == "markdown" || lower == "md") return InputFormat::kMarkdown;
  if (lower == "jsonl" || lower == "ndjson") return InputFormat::kJsonl;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown input format '", name, "' (expected auto, text, html, markdown or jsonl)"));
}

absl::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kMarkdown:
      return "markdown";
    case InputFormat::kJsonl:
      return "jsonl";
  }
  return "auto";
}

InputFormat FormatFromPath(absl::string_view path) {
  const size_t slash = path.find_last_of('/');
  const absl::string_view base = slash == absl::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == absl::string_view::npos || dot == 0) return InputFormat::kText;
  const std::string ext = absl::AsciiStrToLower(base.substr(dot + 1));
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd") {
    return InputFormat::kMarkdown;
  }
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  return InputFormat::kText;
}

absl::StatusOr<std::vector<Document>> LoadDocuments(const std::string& path, std::string bytes,
                                                    const InputOptions& options,
                                                    ExtractionStats* stats) {
  if (bytes.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": empty input"));
  const InputFormat format =
      options.format == InputFormat::kAuto ? FormatFromPath(path) : options.format;
  std::vector<Document> documents;
  switch (format) {
    case InputFormat::kJsonl: {
      if (absl::Status s = CheckTextBytes(bytes); !s.ok()) return WithPrefix(path, s);
      return LoadJsonLines(path, bytes, options);
    }
    case InputFormat::kHtml: {
      absl::StatusOr<Document> doc = DocumentFromHtml(path, std::move(bytes), options.html, stats);
      if (!doc.ok()) return doc.status();
      documents.push_back(*std::move(doc));
      break;
    }
    case InputFormat::kMarkdown: {
      absl::StatusOr<Document> doc =
          DocumentFromMarkdown(path, std::move(bytes), options.markdown, stats);
      if (!doc.ok()) return doc.status();
      documents.push_back(*std::move(doc));
      break;
    }
    case InputFormat::kAuto:
    case InputFormat::kText: {
      absl::StatusOr<Document> doc = DocumentFromPlainText(path, std::move(bytes));
      if (!doc.ok()) return doc.status();
      documents.push_back(*std::move(doc));
      break;
    }
  }
  return documents;
}

}  // namespace unspin
