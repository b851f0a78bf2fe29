// Fuzzes the readers of the indexes compiled at build time and mapped at start-up: the swap index
// (swaps.idx, SwapIndex) and the term index (terms.idx, TermIndex). Random bytes rarely get past
// a data file's header, so the input describes a valid index and how to damage it: text up to
// the first NUL byte, one entry per line ("spun words: canonical" for the swap index, every line
// a term for the term index), then (uint16 offset, uint8 xor) triples applied to each built image.
// Opening must fail with an error or give an index whose lookups stay inside the file.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/swap_index.h"
#include "detector/spin/term_index.h"

namespace {

void Damage(absl::string_view patches, std::string* image) {
  if (image->empty()) return;
  for (size_t i = 0; i + 3 <= patches.size(); i += 3) {
    uint16_t offset;
    std::memcpy(&offset, patches.data() + i, sizeof(offset));
    char& byte = (*image)[offset % image->size()];
    byte = static_cast<char>(byte ^ patches[i + 2]);
  }
}

void ExerciseSwaps(const unspin::SwapIndex& index, const std::vector<absl::string_view>& lines) {
  for (absl::string_view line : lines) {
    const std::vector<absl::string_view> words =
        absl::StrSplit(line.substr(0, line.find(':')), ' ', absl::SkipEmpty());
    for (size_t n = 1; n <= words.size(); ++n) {
      const unspin::SwapIndex::Lookup found =
          index.FindWithPrefix(absl::MakeConstSpan(words.data(), n));
      for (const unspin::SwapTarget& t : found.targets) {
        volatile size_t sink = t.canonical.size() + t.sources;
        (void)sink;
      }
    }
  }
}

void ExerciseTerms(const unspin::TermIndex& index) {
  // Walk the trie breadth-first from the root, a bounded number of nodes.
  std::vector<uint32_t> queue = {0};
  for (size_t i = 0; i < queue.size() && i < 4096; ++i) {
    const int32_t term = index.TermAt(queue[i]);
    if (term >= 0) {
      volatile size_t sink = index.Term(static_cast<uint32_t>(term)).size();
      (void)sink;
    }
    for (const unspin::TermIndex::Edge& e : index.Children(queue[i])) {
      index.IsWeakWord(e.word);
      if (index.Child(queue[i], e.word) >= 0) queue.push_back(e.child);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  const absl::string_view text = input.substr(0, nul);
  const absl::string_view patches =
      nul == absl::string_view::npos ? absl::string_view() : input.substr(nul + 1);
  const std::vector<absl::string_view> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());

  unspin::SwapIndexBuilder swaps;
  for (absl::string_view line : lines) {
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) continue;
    std::vector<std::string> spun = absl::StrSplit(line.substr(0, colon), ' ', absl::SkipEmpty());
    swaps.Add(spun, std::string(absl::StripAsciiWhitespace(line.substr(colon + 1))), 1);
  }
  absl::StatusOr<std::string> swap_image = swaps.BuildImage();
  if (swap_image.ok()) {
    Damage(patches, &*swap_image);
    absl::StatusOr<unspin::SwapIndex> index = unspin::SwapIndex::FromImage(*swap_image);
    if (index.ok()) ExerciseSwaps(*index, lines);
  }

  absl::StatusOr<std::string> term_image = unspin::TermIndex::BuildImage(lines);
  if (term_image.ok()) {
    Damage(patches, &*term_image);
    absl::StatusOr<unspin::TermIndex> index = unspin::TermIndex::FromImage(*term_image);
    if (index.ok()) ExerciseTerms(*index);
  }
  return 0;
}
