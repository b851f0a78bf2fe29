#include "detector/spin/engine.h"

#include <utility>

#include "detector/rules/pack_parser.h"
#include "detector/util/file_io.h"
#include "detector/util/status_macros.h"
#include "rules/builtin_packs.h"

namespace unspin {

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  std::vector<RulePack> packs;
  if (options.builtin_packs) {
    for (const EmbeddedFile& embedded : BuiltinPacks()) {
      UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(embedded.text, embedded.path));
      packs.push_back(std::move(pack));
    }
  }
  for (const std::string& file : options.rule_files) {
    UNSPIN_ASSIGN_OR_RETURN(std::string text, ReadFileToString(file));
    UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(text, file));
    packs.push_back(std::move(pack));
  }
  UNSPIN_ASSIGN_OR_RETURN(engine->morphology_, Morphology::Create(options.morphology));
  UNSPIN_ASSIGN_OR_RETURN(engine->rules_,
                          RuleSet::Build(std::move(packs), engine->morphology_.get()));
  engine->detector_ = std::make_unique<Detector>(engine->rules_.get(), options.detector);
  return engine;
}

}  // namespace unspin
