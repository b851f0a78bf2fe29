// Build-time tool: asks the real Morphology every question that start-up asks (compiling the
// built-in rule packs, as Engine::Create does; the swap tables are compiled at build time, into
// swaps.idx) and prints the recorded answers for CreateCachedMorphology
// (detector/lexicon/morphology_cache.h).
// Usage: record_morphology > recorded_morphology.txt
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "detector/lexicon/morphology_cache.h"
#include "detector/rules/matcher.h"
#include "detector/rules/pack_parser.h"
#include "rules/builtin_packs.h"

namespace {

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "record_morphology: %s\n", std::string(status.message()).c_str());
  return 1;
}

}  // namespace

int main() {
  absl::StatusOr<std::unique_ptr<unspin::Morphology>> real =
      unspin::Morphology::Create(unspin::MorphologyOptions{});
  if (!real.ok()) return Fail(real.status());
  unspin::RecordingMorphology recorder(std::move(*real));

  std::vector<unspin::RulePack> packs;
  for (const unspin::EmbeddedFile& embedded : unspin::BuiltinPacks()) {
    absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(embedded.text, embedded.path);
    if (!pack.ok()) return Fail(pack.status());
    packs.push_back(std::move(*pack));
  }
  absl::StatusOr<std::unique_ptr<unspin::RuleSet>> rules =
      unspin::RuleSet::Build(std::move(packs), &recorder);
  if (!rules.ok()) return Fail(rules.status());

  const std::string out = recorder.Serialize();
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
    return Fail(absl::InternalError("cannot write the answers"));
  }
  return 0;
}
