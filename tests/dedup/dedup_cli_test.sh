#!/usr/bin/env bash
# End-to-end tests of `unspin dedup` and `unspin index` on samples/dedup: clustering of exact,
# near and spun copies, determinism across --jobs, --keep/--out, the on-disk index (round trip,
# incremental add, corruption, foreign files) and bad input.
set -uo pipefail

UNSPIN="${TEST_SRCDIR:-.}/unspin/detector/cli/unspin"
[ -x "$UNSPIN" ] || UNSPIN="$(pwd)/detector/cli/unspin"
SAMPLES="${TEST_SRCDIR:-.}/unspin/samples/dedup"
[ -d "$SAMPLES" ] || SAMPLES="$(pwd)/samples/dedup"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0

fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }
# check NAME CONDITION...: runs the condition, counts the result.
check() {
  local name="$1"
  shift
  if "$@"; then pass; else fail "$name"; fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# Runs unspin, keeping stdout, stderr and the exit code.
run() {
  "$UNSPIN" "$@" >"$TMP/out" 2>"$TMP/err"
  echo $? >"$TMP/rc"
}
rc() { [ "$(cat "$TMP/rc")" = "$1" ]; }

# --- clustering -------------------------------------------------------------------------------
run dedup --no-spin-score "$SAMPLES/corpus.jsonl"
check "dedup exits 0" rc 0
check "two clusters" test "$(wc -l <"$TMP/out")" = 2
check "exact copy found" contains "$TMP/out" '"representative": "storm", "members": [{"id": "storm-mirror", "similarity": 1, "kind": "exact"'
check "near copy found" contains "$TMP/out" '{"id": "near-copy", "similarity": 0.'
check "spun kind" contains "$TMP/out" '"kind": "spun"'
check "no spin score means null" contains "$TMP/out" '"spin_score": null'
check "without scores the first seen represents" contains "$TMP/out" '"representative": "spun-copy"'
check "unrelated articles stay out" lacks "$TMP/out" '"museum"'

# With the spin detector the original (lower spin score) represents its cluster even though its
# spun copy comes first.
run dedup "$SAMPLES/corpus.jsonl"
check "spin score picks the original" contains "$TMP/out" '{"cluster": 1, "representative": "original", "members": [{"id": "spun-copy"'
check "near kind against the original" contains "$TMP/out" '{"id": "near-copy", "similarity": 0.867, "kind": "near"'
check "spun copy has a high spin score" contains "$TMP/out" '"kind": "spun", "spin_score": 0.'
cp "$TMP/out" "$TMP/default.jsonl"

for jobs in 1 2 5; do
  run dedup --jobs=$jobs "$SAMPLES/corpus.jsonl"
  check "same output with --jobs=$jobs" cmp -s "$TMP/out" "$TMP/default.jsonl"
done

run dedup --threshold=0.99 --no-spin-score "$SAMPLES/corpus.jsonl"
check "high threshold keeps only the exact copy" test "$(wc -l <"$TMP/out")" = 1

run dedup --format=text "$SAMPLES/original.txt" "$SAMPLES/museum.txt" "$SAMPLES/spun.txt"
check "plain files: path is the id" contains "$TMP/out" "spun.txt  spun"
check "text format names the representative" contains "$TMP/out" "cluster 1: $SAMPLES/original.txt"

# --- --keep=representative --out ---------------------------------------------------------------
run dedup --keep=representative --out="$TMP/kept.jsonl" "$SAMPLES/corpus.jsonl"
check "keep exits 0" rc 0
check "keep writes 3 documents" test "$(wc -l <"$TMP/kept.jsonl")" = 3
for id in original storm museum; do
  line="$(grep -F "\"id\": \"$id\"" "$SAMPLES/corpus.jsonl")"
  check "kept line for $id is byte for byte the input" grep -qxF -- "$line" "$TMP/kept.jsonl"
done
check "copies are dropped" lacks "$TMP/kept.jsonl" '"spun-copy"'
check "no temporary file left" test -z "$(ls "$TMP" | grep '\.tmp\.')"

run dedup --keep=representative --out="$TMP/x.jsonl" "$SAMPLES/original.txt"
check "keep needs JSONL" rc 2
check "keep needs JSONL message" contains "$TMP/err" "--keep needs JSONL input"
run dedup --keep=representative "$SAMPLES/corpus.jsonl"
check "keep without out" contains "$TMP/err" "--keep and --out go together"

# --- index: build, info, against, add ----------------------------------------------------------
run index build "$SAMPLES/corpus.jsonl" -o "$TMP/c.idx"
check "index build exits 0" rc 0
check "index build reports count" contains "$TMP/err" "6 documents"
run index info "$TMP/c.idx"
check "index info" contains "$TMP/out" "6 documents"

run dedup --against="$TMP/c.idx" "$SAMPLES/new.jsonl"
check "against: copy found exits 1" rc 1
check "against: spun copy of original" contains "$TMP/out" '{"id": "incoming-spun"'
check "against: names the indexed document" contains "$TMP/out" '{"id": "original", "similarity": '
check "against: fresh article not reported" lacks "$TMP/out" "incoming-fresh"
"$UNSPIN" dedup --against="$TMP/c.idx" "$SAMPLES/museum.txt" >/dev/null 2>&1
check "against: exact match of an indexed doc exits 1" test $? = 1
head -n 2 "$SAMPLES/new.jsonl" | tail -n 1 >"$TMP/fresh.jsonl"
run dedup --against="$TMP/c.idx" "$TMP/fresh.jsonl"
check "against: nothing copied exits 0" rc 0
check "against: nothing copied prints nothing" test ! -s "$TMP/out"

# Incremental: build from the first 3 lines, add the rest; same bytes as one build.
head -n 3 "$SAMPLES/corpus.jsonl" >"$TMP/part1.jsonl"
tail -n +4 "$SAMPLES/corpus.jsonl" >"$TMP/part2.jsonl"
cp "$SAMPLES/corpus.jsonl" "$TMP/whole.jsonl"
"$UNSPIN" index build "$TMP/whole.jsonl" -o "$TMP/whole.idx" 2>/dev/null
"$UNSPIN" index build "$TMP/part1.jsonl" -o "$TMP/inc.idx" 2>/dev/null
run dedup --against="$TMP/inc.idx" "$SAMPLES/museum.txt"
check "museum not yet indexed" rc 0
run index add "$TMP/inc.idx" "$TMP/part2.jsonl"
check "index add exits 0" rc 0
check "index add reports" contains "$TMP/err" "6 documents (3 added)"
run dedup --against="$TMP/inc.idx" "$SAMPLES/museum.txt"
check "added document is found" rc 1
# Ids of line-numbered documents differ between the two corpora, but these all have ids.
check "incremental index equals a full build" cmp -s "$TMP/inc.idx" "$TMP/whole.idx"

# --- corruption --------------------------------------------------------------------------------
cp "$TMP/c.idx" "$TMP/flip.idx"
printf '\x55' | dd of="$TMP/flip.idx" bs=1 seek=300 conv=notrunc 2>/dev/null
run dedup --against="$TMP/flip.idx" "$SAMPLES/new.jsonl"
check "flipped byte exits 2" rc 2
check "flipped byte message" contains "$TMP/err" "corrupt dedup index (checksum mismatch)"
head -c 1000 "$TMP/c.idx" >"$TMP/trunc.idx"
run dedup --against="$TMP/trunc.idx" "$SAMPLES/new.jsonl"
check "truncated exits 2" rc 2
check "truncated message" contains "$TMP/err" "corrupt dedup index"
run dedup --against="$SAMPLES/corpus.jsonl" "$SAMPLES/new.jsonl"
check "foreign file exits 2" rc 2
check "foreign file message" contains "$TMP/err" "not an unspin dedup index"
run index add "$TMP/flip.idx" "$SAMPLES/new.jsonl"
check "add to a corrupt index refuses" rc 2
run dedup --against="$TMP/missing.idx" "$SAMPLES/new.jsonl"
check "missing index" contains "$TMP/err" "missing.idx: No such file or directory"

# --- bad input ---------------------------------------------------------------------------------
run dedup "$TMP/nope.jsonl"
check "missing file exits 2" rc 2
check "missing file message" contains "$TMP/err" "nope.jsonl: No such file or directory"
printf '{"id": 1, "text": "fine"}\n{"id": 2, "text": "ok"}\n{"id": 3, "text": "broken",}\n' >"$TMP/bad.jsonl"
run dedup "$TMP/bad.jsonl"
check "invalid JSONL exits 2" rc 2
check "invalid JSONL names the line" contains "$TMP/err" "bad.jsonl:3: invalid JSON: column"
printf '{"id": 1, "text": "fine"}\n{"id": 2, "body": "no text"}\n' >"$TMP/missing_field.jsonl"
run dedup "$TMP/missing_field.jsonl"
check "missing field exits 2" rc 2
check "missing field message" contains "$TMP/err" 'missing_field.jsonl:2: no "text" field'
run dedup --field=body "$TMP/missing_field.jsonl"
check "--field picks another member (and line 1 lacks it)" contains "$TMP/err" 'missing_field.jsonl:1: no "body" field'
run dedup --keep=representative --out="$TMP/never.jsonl" "$TMP/bad.jsonl"
check "no output file on bad input" test ! -e "$TMP/never.jsonl"
printf 'binary\0data' >"$TMP/bin.txt"
run dedup "$TMP/bin.txt"
check "binary input exits 2" rc 2
run dedup --threshold=2 "$SAMPLES/corpus.jsonl"
check "bad threshold" contains "$TMP/err" "--threshold must be in (0, 1]"
run dedup
check "no input exits 2" rc 2
run index build "$SAMPLES/corpus.jsonl"
check "index build needs -o" contains "$TMP/err" "-o INDEX"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
