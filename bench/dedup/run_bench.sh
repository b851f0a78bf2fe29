#!/usr/bin/env bash
# The dedup benchmark: generates a corpus of 100,000 documents (80,000 generated articles, 2,000
# spun copies at each of 10..60% swap rates, 5,000 near copies, 3,000 exact copies), reports pair
# precision/recall of text-dedup-style MinHash and of unspin, then times `unspin dedup` on it
# with /usr/bin/time -v (wall clock and peak memory), with and without the spin detector.
#
#   bench/dedup/run_bench.sh [WORKDIR]     # default WORKDIR: /tmp/unspin-dedup-bench
#
# Sizes can be changed with ARTICLES, SPUN, NEAR and EXACT in the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="${1:-/tmp/unspin-dedup-bench}"
mkdir -p "$WORK"
BAZEL=(bazel --output_base=/work/.bazel/dedup)
[ -d /work/.bazel ] || BAZEL=(bazel)
"${BAZEL[@]}" build -c opt --symlink_prefix="$WORK/bazel-" //detector/cli:unspin //bench/dedup:dedup_eval >&2
UNSPIN="$WORK/bazel-bin/detector/cli/unspin"
EVAL="$WORK/bazel-bin/bench/dedup/dedup_eval"

CORPUS="$WORK/corpus.jsonl"
python3 bench/dedup/gen_corpus.py --articles "${ARTICLES:-80000}" --spun-per-rate "${SPUN:-2000}" \
  --near "${NEAR:-5000}" --exact "${EXACT:-3000}" --seed 7 "$CORPUS"

echo "== quality =="
"$EVAL" "$CORPUS"

for mode in "--no-spin-score" ""; do
  echo
  echo "== unspin dedup $mode on $(wc -l <"$CORPUS") documents ($(du -h "$CORPUS" | cut -f1)) on $(nproc) cores =="
  # shellcheck disable=SC2086
  /usr/bin/time -v "$UNSPIN" dedup $mode "$CORPUS" >"$WORK/clusters.jsonl" 2>"$WORK/time.txt"
  grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$WORK/time.txt"
  echo "clusters: $(wc -l <"$WORK/clusters.jsonl")"
done
