// Fuzzes the .unspin.toml parser (toml++ underneath, then unspin's own checks): every input is
// a configuration or an error naming a line, never a crash; a parsed configuration answers the
// questions check asks of it.
#include <cstdint>
#include <string>

#include "detector/cli/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<unspin::Config> config = unspin::ParseConfig(text, "/fuzz/.unspin.toml");
  if (!config.ok()) return 0;
  config->FailOn();
  config->MinConfidence();
  config->DetectorEnabled("lexicon");
  config->PackEnabled("news");
  config->RuleSettingFor("spin.news.said");
  return 0;
}
