// --format=sarif: a SARIF 2.1.0 log with one run. Results are streamed as documents come; the
// run's tool (with tool.driver.rules, which results point into by ruleIndex) follows them, so
// the rule list can include ids first seen in results.
//
// Each result has: ruleId/ruleIndex, level (error, warning, note), message, one location with a
// region (startLine/startColumn/endLine/endColumn, columns counted in Unicode code points as
// run.columnKind says, plus byteOffset/byteLength into the file and a snippet), a
// partialFingerprints entry that survives line moves (the baseline key, baseline.h), and, when
// the finding has a restoration, a fix whose replacement deletes the region and inserts the
// restoration (escaped for HTML and JSON Lines files as `unspin fix` writes it).
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "detector/report/baseline.h"
#include "detector/report/formats.h"
#include "detector/spin/fix_policy.h"
#include "detector/util/json.h"

namespace unspin {
namespace report_internal {
namespace {

absl::string_view LevelOf(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

// A relative path as a URI reference (RFC 3986): unreserved characters and '/' stay, the rest
// is percent-encoded. An absolute path becomes a file:// URI.
std::string PathToUri(absl::string_view path) {
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  for (unsigned char c : path) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppendFormat(&out, "%%%02X", c);
    }
  }
  return out;
}

// The replacement as it must be written into a file of `format` (what `unspin fix` writes).
std::string EscapeForSource(InputFormat format, absl::string_view text) {
  std::string out;
  if (format == InputFormat::kHtml) {
    for (char c : text) {
      if (c == '&') {
        out += "&amp;";
      } else if (c == '<') {
        out += "&lt;";
      } else if (c == '>') {
        out += "&gt;";
      } else {
        out += c;
      }
    }
  } else if (format == InputFormat::kJsonl) {
    std::string quoted;
    AppendJsonString(text, &quoted);
    out = quoted.substr(1, quoted.size() - 2);
  } else {
    out = std::string(text);
  }
  return out;
}

void AppendText(absl::string_view key, absl::string_view text, std::string* out) {
  absl::StrAppend(out, "\"", key, "\": {\"text\": ");
  AppendJsonString(text, out);
  out->append("}");
}

void AppendRegion(const FindingPosition& p, absl::string_view snippet, std::string* out) {
  absl::StrAppend(out, "{\"startLine\": ", p.start.line, ", \"startColumn\": ", p.start.column,
                  ", \"endLine\": ", p.end.line, ", \"endColumn\": ", p.end.column,
                  ", \"byteOffset\": ", p.start_byte,
                  ", \"byteLength\": ", p.end_byte - p.start_byte);
  if (!snippet.empty()) {
    out->append(", ");
    AppendText("snippet", snippet, out);
  }
  out->append("}");
}

class SarifReporter : public Reporter {
 public:
  explicit SarifReporter(const ReporterOptions& options) : catalog_(options.rules) {
    if (catalog_ == nullptr) catalog_ = &default_catalog_;
  }

  void BeginFile(absl::string_view path, InputFormat format) override { file_.Begin(path, format); }
  bool UsesRuleCatalog() const override { return true; }

  void AddDocument(const Document& document, const DocumentReport& report,
                   std::string* out) override {
    Start(out);
    const std::string uri = PathToUri(file_.PathFor(document));
    const bool is_record = file_.announced && document.path() != file_.path;
    for (const Finding& f : report.findings) {
      const FindingPosition p = PositionOf(document, f);
      out->append(results_ == 0 ? "\n" : ",\n");
      ++results_;
      out->append("        {\"ruleId\": ");
      AppendJsonString(f.rule_id, out);
      absl::StrAppend(out, ", \"ruleIndex\": ", RuleIndex(f.rule_id), ", \"level\": \"",
                      LevelOf(f.severity), "\",\n         ");
      AppendText("message", f.message, out);
      out->append(
          ",\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
          "{\"uri\": ");
      AppendJsonString(uri, out);
      out->append("}, \"region\": ");
      AppendRegion(p, SourceTextOf(document, f), out);
      out->append("}}],\n         \"partialFingerprints\": {\"unspinFinding/v1\": ");
      AppendJsonString(BaselineFingerprint(BaselineKeyOf(document, f)), out);
      out->append("}");
      if (!f.replacement.empty()) {
        out->append(",\n         \"fixes\": [{");
        AppendText("description", absl::StrCat("Restore \"", f.replacement, "\""), out);
        out->append(", \"artifactChanges\": [{\"artifactLocation\": {\"uri\": ");
        AppendJsonString(uri, out);
        out->append("}, \"replacements\": [{\"deletedRegion\": ");
        AppendRegion(p, "", out);
        out->append(", ");
        AppendText("insertedContent", EscapeForSource(file_.format, f.replacement), out);
        out->append("}]}]}]");
      }
      out->append(",\n         \"properties\": {\"confidence\": ");
      AppendJsonNumber(f.confidence, 3, out);
      if (!f.replacement.empty()) {
        absl::StrAppend(out, ", \"fix\": \"", ApplicabilityName(FixApplicability(f)), "\"");
      }
      if (is_record) {
        out->append(", \"record\": ");
        AppendJsonString(document.path(), out);
      }
      out->append("}}");
    }
  }

  void Finish(std::string* out) override {
    Start(out);
    out->append(results_ == 0 ? "],\n" : "\n      ],\n");
    out->append(
        "      \"columnKind\": \"unicodeCodePoints\",\n"
        "      \"tool\": {\n"
        "        \"driver\": {\n"
        "          \"name\": \"unspin\",\n"
        "          \"rules\": [");
    const std::vector<RuleInfo>& rules = catalog_->rules();
    const size_t total = rules.size() + extra_rules_.size();
    for (size_t i = 0; i < total; ++i) {
      out->append(i == 0 ? "\n" : ",\n");
      if (i < rules.size()) {
        AppendRule(rules[i], out);
      } else {
        out->append("            {\"id\": ");
        AppendJsonString(extra_rules_[i - rules.size()], out);
        out->append("}");
      }
    }
    out->append(total == 0 ? "]\n" : "\n          ]\n");
    out->append(
        "        }\n"
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n");
  }

 private:
  void Start(std::string* out) {
    if (started_) return;
    started_ = true;
    out->append(
        "{\n"
        "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        "  \"version\": \"2.1.0\",\n"
        "  \"runs\": [\n"
        "    {\n"
        "      \"results\": [");
  }

  // The index of `rule_id` in the rules Finish lists: the catalog's, then ids it lacks in the
  // order results named them.
  int RuleIndex(const std::string& rule_id) {
    const int i = catalog_->IndexOf(rule_id);
    if (i >= 0) return i;
    for (size_t k = 0; k < extra_rules_.size(); ++k) {
      if (extra_rules_[k] == rule_id) return static_cast<int>(catalog_->rules().size() + k);
    }
    extra_rules_.push_back(rule_id);
    return static_cast<int>(catalog_->rules().size() + extra_rules_.size() - 1);
  }

  static void AppendRule(const RuleInfo& rule, std::string* out) {
    out->append("            {\"id\": ");
    AppendJsonString(rule.id, out);
    out->append(", ");
    AppendText("shortDescription", rule.summary, out);
    out->append(", ");
    AppendText("fullDescription", rule.description, out);
    out->append(", ");
    AppendText("help", rule.help, out);
    absl::StrAppend(out, ", \"defaultConfiguration\": {\"level\": \"",
                    LevelOf(rule.default_severity), "\"}");
    std::string properties;
    if (!rule.pack.empty()) {
      properties += "\"pack\": ";
      AppendJsonString(rule.pack, &properties);
    }
    if (!rule.source.empty()) {
      properties += properties.empty() ? "\"source\": " : ", \"source\": ";
      AppendJsonString(rule.source, &properties);
    }
    if (rule.default_confidence > 0) {
      properties += properties.empty() ? "\"confidence\": " : ", \"confidence\": ";
      AppendJsonNumber(rule.default_confidence, 3, &properties);
    }
    if (!properties.empty()) absl::StrAppend(out, ", \"properties\": {", properties, "}");
    out->append("}");
  }

  const RuleCatalog* catalog_;
  RuleCatalog default_catalog_;
  std::vector<std::string> extra_rules_;
  CurrentFile file_;
  bool started_ = false;
  size_t results_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> NewSarifReporter(const ReporterOptions& options) {
  return std::make_unique<SarifReporter>(options);
}

}  // namespace report_internal
}  // namespace unspin
