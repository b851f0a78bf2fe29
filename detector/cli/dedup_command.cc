// unspin dedup: clusters exact, near and spun copies in a corpus, or checks new documents
// against an index.
#include "detector/cli/dedup_command.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/dedup/cluster.h"
#include "detector/dedup/corpus.h"
#include "detector/dedup/index.h"
#include "detector/dedup/parallel.h"
#include "detector/lexicon/data_paths.h"
#include "detector/text/document.h"
#include "detector/util/json.h"

namespace unspin {
namespace {

bool progress_drawn = false;

void AppendSpinScore(double score, std::string* out) {
  if (std::isnan(score)) {
    out->append("null");
  } else {
    AppendJsonNumber(score, 3, out);
  }
}

std::string SpinText(double score) {
  return std::isnan(score) ? "-" : absl::StrFormat("%.3f", score);
}

// Writes the kept lines of the JSONL inputs to a temporary file beside `out_path`, then renames
// it into place: the output is complete or absent.
absl::Status WriteKept(const std::vector<std::string>& paths,
                       const absl::flat_hash_set<uint64_t>& dropped, const std::string& out_path) {
  const std::string tmp = absl::StrCat(out_path, ".tmp.", getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr)
    return absl::PermissionDeniedError(absl::StrCat(out_path, ": ", std::strerror(errno)));
  bool ok = true;
  for (size_t input = 0; ok && input < paths.size(); ++input) {
    absl::Status s = dedup::ForEachLine(paths[input], [&](size_t line, absl::string_view bytes) {
      absl::string_view content = bytes;
      if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
      if (content.find_first_not_of(" \t") == absl::string_view::npos) return absl::OkStatus();
      if (dropped.contains((static_cast<uint64_t>(input) << 40) | line)) return absl::OkStatus();
      if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
          std::fputc('\n', f) == EOF) {
        return absl::InternalError(absl::StrCat(out_path, ": ", std::strerror(errno)));
      }
      return absl::OkStatus();
    });
    if (!s.ok()) {
      std::fclose(f);
      std::remove(tmp.c_str());
      return s;
    }
  }
  ok = std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    const int e = errno;
    std::remove(tmp.c_str());
    return absl::InternalError(absl::StrCat(out_path, ": ", std::strerror(e)));
  }
  return absl::OkStatus();
}

int RunAgainst(const std::string& index_path, const std::vector<std::string>& paths,
               const DedupSetup& setup, double threshold, const std::string& format) {
  absl::StatusOr<std::unique_ptr<dedup::DedupIndex>> index =
      dedup::DedupIndex::Open(index_path, setup.params);
  if (!index.ok()) {
    PrintError("dedup", index.status().message());
    return 2;
  }
  absl::StatusOr<std::vector<dedup::CorpusDocument>> docs =
      dedup::FingerprintCorpus(paths, *setup.canonicalizer, setup.pipeline);
  FinishProgress();
  if (!docs.ok()) {
    PrintError("dedup", docs.status().message());
    return 2;
  }
  struct Hit {
    uint32_t doc;
    dedup::Match match;
  };
  std::vector<std::vector<Hit>> hits(docs->size());
  const dedup::FingerprintOptions& fo = setup.pipeline.fingerprint;
  dedup::ParallelFor(docs->size(), dedup::ResolveJobs(setup.pipeline.jobs), [&](size_t i, int) {
    std::vector<uint32_t> candidates;
    const dedup::Fingerprint& f = (*docs)[i].fingerprint;
    (*index)->Candidates(f, &candidates);
    for (uint32_t c : candidates) {
      const dedup::Match m = dedup::Decide((*index)->fingerprint(c), dedup::View(f), threshold, fo);
      if (m.kind != dedup::MatchKind::kNone) hits[i].push_back({c, m});
    }
    std::stable_sort(hits[i].begin(), hits[i].end(), [](const Hit& a, const Hit& b) {
      return a.match.similarity > b.match.similarity;
    });
  });
  std::string out;
  bool any = false;
  for (size_t i = 0; i < docs->size(); ++i) {
    if (hits[i].empty()) continue;
    any = true;
    const dedup::CorpusDocument& d = (*docs)[i];
    if (format == "text") {
      absl::StrAppend(&out, d.id, " copies:\n");
      for (const Hit& h : hits[i]) {
        absl::StrAppend(&out, "  ", (*index)->id(h.doc), "  ", dedup::MatchKindName(h.match.kind),
                        absl::StrFormat("  %.3f", h.match.similarity), "  spin ",
                        SpinText((*index)->spin_score(h.doc)), "\n");
      }
      continue;
    }
    out += "{\"id\": ";
    AppendJsonString(d.id, &out);
    out += ", \"spin_score\": ";
    AppendSpinScore(d.spin_score, &out);
    out += ", \"matches\": [";
    for (size_t k = 0; k < hits[i].size(); ++k) {
      const Hit& h = hits[i][k];
      if (k > 0) out += ", ";
      out += "{\"id\": ";
      AppendJsonString((*index)->id(h.doc), &out);
      out += ", \"similarity\": ";
      AppendJsonNumber(h.match.similarity, 3, &out);
      absl::StrAppend(&out, ", \"kind\": \"", dedup::MatchKindName(h.match.kind),
                      "\", \"spin_score\": ");
      AppendSpinScore((*index)->spin_score(h.doc), &out);
      out += "}";
    }
    out += "]}\n";
  }
  if (!WriteStdout(out)) return 2;
  return any ? 1 : 0;
}

}  // namespace

void AddCorpusFlags(ArgParser* parser, CorpusFlags* flags) {
  parser->AddString("field", "NAME", "JSONL member holding the text (default text)", &flags->field);
  parser->AddString("id-field", "NAME",
                    "JSONL member naming a document (default id; else the line number)",
                    &flags->id_field);
  parser->AddInt("jobs", "N", "threads (default: all cores); output does not depend on it",
                 &flags->jobs);
  parser->AddBool("no-thesaurus", "do not join synonyms into classes (stems only)",
                  &flags->no_thesaurus);
  parser->AddString("data-dir", "DIR", "where the compiled thesaurus is (default: found)",
                    &flags->data_dir);
  parser->AddBool("no-spin-score", "skip the spin detector (faster; representative = first seen)",
                  &flags->no_spin_score);
}

absl::StatusOr<DedupSetup> MakeDedupSetup(const CorpusFlags& flags, const std::string& command) {
  DedupSetup setup;
  if (flags.jobs < 0) return absl::InvalidArgumentError("--jobs must be 0 (all cores) or more");
  if (flags.field.empty()) return absl::InvalidArgumentError("--field must not be empty");
  dedup::BasicCanonicalizerOptions canonical;
  if (!flags.no_thesaurus) {
    DataDirOptions data;
    data.explicit_dir = flags.data_dir;
    absl::StatusOr<std::string> dir = FindDataDir(data);
    // Without compiled data dedup still works (stems only); an explicit --data-dir must work.
    if (!dir.ok() && !flags.data_dir.empty()) return dir.status();
    if (dir.ok()) {
      absl::StatusOr<Thesaurus> th = Thesaurus::Open(DataFilePath(*dir, kThesaurusFile));
      if (!th.ok()) return th.status();
      setup.thesaurus = std::make_unique<Thesaurus>(std::move(*th));
      const Thesaurus* t = setup.thesaurus.get();
      canonical.synonym_class = [t](absl::string_view word) -> uint64_t {
        const uint32_t id = t->Find(word);
        if (id == kNotFound) return 0;
        const uint32_t cls = t->SynonymClass(id);
        return cls == kNotFound ? 0 : uint64_t{cls} + 1;
      };
      canonical.synonym_source = "thesaurus.bin v1";
    }
  }
  setup.canonicalizer = dedup::NewBasicCanonicalizer(std::move(canonical));
  setup.pipeline.corpus.field = flags.field;
  setup.pipeline.corpus.id_field = flags.id_field;
  setup.pipeline.jobs = flags.jobs;
  setup.params = dedup::FingerprintParamsHash(setup.pipeline.fingerprint, *setup.canonicalizer);
  if (!flags.no_spin_score) {
    EngineOptions engine_options;
    // The representative only needs a ranking of spin scores, which the rule packs give at a
    // small cost per document; the lexicon detector (language-model scoring of every span) costs
    // many times more and would dominate a corpus run.
    engine_options.lexicon = false;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(engine_options);
    if (!engine.ok()) return engine.status();
    setup.engine = std::move(*engine);
    const Detector* detector = &setup.engine->detector();
    setup.pipeline.spin_score = [detector](const std::string& id, const std::string& text) {
      return detector->Check(Document(id, text)).spin_score;
    };
  }
  if (isatty(STDERR_FILENO)) {
    setup.pipeline.progress = [command](size_t done, size_t total) {
      if (total == 0) return;
      std::fprintf(stderr, "\runspin %s: reading %3.0f%%", command.c_str(),
                   100.0 * std::min(done, total) / total);
      std::fflush(stderr);
      progress_drawn = true;
    };
  }
  return setup;
}

void FinishProgress() {
  if (progress_drawn) std::fputs("\n", stderr);
  progress_drawn = false;
}

int RunDedupCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin dedup", "[options] PATH... | CORPUS.jsonl...",
                   "Finds exact duplicates, near duplicates and spun copies. Prints one JSON "
                   "object per cluster of two or more documents. Paths ending in .jsonl or "
                   ".ndjson are corpora with one JSON document per line; other paths are one "
                   "plain-text document each.\nExit status: 0 done, 1 (--against only) a new "
                   "document copies an indexed one, 2 usage or input error.");
  CorpusFlags corpus;
  double threshold = 0.5;
  std::string format = "jsonl";
  std::string keep;
  std::string out_path;
  std::string against;
  AddCorpusFlags(&parser, &corpus);
  parser.AddDouble("threshold", "T", "similarity a pair needs to count as a copy (default 0.5)",
                   &threshold);
  parser.AddString("format", "jsonl|text", "output format (default jsonl)", &format);
  parser.AddString("keep", "representative",
                   "with --out: write the corpus keeping one document per cluster", &keep);
  parser.AddString("out", "FILE", "where --keep writes the deduplicated JSONL corpus", &out_path);
  parser.AddString("against", "INDEX",
                   "report which indexed documents each input copies (see unspin index)", &against);
  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  if (parser.help_requested()) {
    std::cout << parser.Help();
    return 0;
  }
  if (!paths.ok()) {
    PrintError("dedup", paths.status().message());
    return 2;
  }
  const auto usage = [](absl::string_view message) {
    PrintError("dedup", message);
    return 2;
  };
  if (paths->empty()) return usage("no input (give files or a .jsonl corpus; see --help)");
  if (!(threshold > 0 && threshold <= 1)) return usage("--threshold must be in (0, 1]");
  if (format != "jsonl" && format != "text") return usage("--format must be jsonl or text");
  if (!keep.empty() && keep != "representative")
    return usage("--keep accepts only 'representative'");
  if (keep.empty() != out_path.empty()) return usage("--keep and --out go together");
  if (!keep.empty()) {
    if (!against.empty()) return usage("--keep cannot be combined with --against");
    for (const std::string& p : *paths) {
      if (!dedup::IsJsonLinesPath(p)) {
        return usage(absl::StrCat("--keep needs JSONL input; '", p, "' is not .jsonl/.ndjson"));
      }
    }
  }
  absl::StatusOr<DedupSetup> setup = MakeDedupSetup(corpus, "dedup");
  if (!setup.ok()) return usage(setup.status().message());
  if (!against.empty()) return RunAgainst(against, *paths, *setup, threshold, format);

  absl::StatusOr<std::vector<dedup::CorpusDocument>> docs =
      dedup::FingerprintCorpus(*paths, *setup->canonicalizer, setup->pipeline);
  FinishProgress();
  if (!docs.ok()) {
    PrintError("dedup", docs.status().message());
    return 2;
  }
  std::vector<dedup::Fingerprint> fingerprints;
  std::vector<double> scores;
  fingerprints.reserve(docs->size());
  for (dedup::CorpusDocument& d : *docs) {
    fingerprints.push_back(std::move(d.fingerprint));
    scores.push_back(d.spin_score);
  }
  dedup::ClusterOptions options;
  options.threshold = threshold;
  options.fingerprint = setup->pipeline.fingerprint;
  options.jobs = corpus.jobs;
  const std::vector<dedup::Cluster> clusters = dedup::FindClusters(fingerprints, scores, options);

  std::string out;
  for (size_t c = 0; c < clusters.size(); ++c) {
    const dedup::Cluster& cl = clusters[c];
    const dedup::CorpusDocument& rep = (*docs)[cl.representative];
    if (format == "text") {
      absl::StrAppend(&out, "cluster ", c + 1, ": ", rep.id, "  spin ", SpinText(rep.spin_score),
                      "\n");
      for (const dedup::ClusterMember& m : cl.members) {
        absl::StrAppend(&out, "  ", (*docs)[m.doc].id, "  ", dedup::MatchKindName(m.kind),
                        absl::StrFormat("  %.3f", m.similarity), "  spin ",
                        SpinText((*docs)[m.doc].spin_score), "\n");
      }
      continue;
    }
    absl::StrAppend(&out, "{\"cluster\": ", c + 1, ", \"representative\": ");
    AppendJsonString(rep.id, &out);
    out += ", \"members\": [";
    for (size_t k = 0; k < cl.members.size(); ++k) {
      const dedup::ClusterMember& m = cl.members[k];
      if (k > 0) out += ", ";
      out += "{\"id\": ";
      AppendJsonString((*docs)[m.doc].id, &out);
      out += ", \"similarity\": ";
      AppendJsonNumber(m.similarity, 3, &out);
      absl::StrAppend(&out, ", \"kind\": \"", dedup::MatchKindName(m.kind), "\", \"spin_score\": ");
      AppendSpinScore((*docs)[m.doc].spin_score, &out);
      out += "}";
    }
    out += "]}\n";
  }
  if (!keep.empty()) {
    absl::flat_hash_set<uint64_t> dropped;
    for (const dedup::Cluster& cl : clusters) {
      for (const dedup::ClusterMember& m : cl.members) {
        dropped.insert((static_cast<uint64_t>((*docs)[m.doc].input) << 40) | (*docs)[m.doc].line);
      }
    }
    if (absl::Status s = WriteKept(*paths, dropped, out_path); !s.ok()) {
      PrintError("dedup", s.message());
      return 2;
    }
  }
  if (!WriteStdout(out)) return 2;
  return 0;
}

}  // namespace unspin
