#!/bin/sh
# Regenerates the golden files from a built binary, then shows what changed:
#   tests/golden/update.sh [PATH/TO/unspin]     (default: bazel-bin/detector/cli/unspin)
# Review `git diff tests/golden` before committing: a golden file is a reviewed expectation.
set -eu
cd "$(dirname "$0")/../.."
UNSPIN=${1:-bazel-bin/detector/cli/unspin}
PACK="--no-config --detectors=rules --no-builtin-rules --rules=tests/golden/golden.rules"
grep -v '^#' tests/golden/cases.txt | while read -r name status args; do
  [ -n "$name" ] || continue
  args=$(printf '%s' "$args" | sed "s|\$PACK|$PACK|g")
  set +e
  # shellcheck disable=SC2086  # the arguments are words by design
  "$UNSPIN" $args >"tests/golden/$name.golden" 2>/dev/null
  code=$?
  set -e
  [ "$code" = "$status" ] || echo "$name: exit status $code, cases.txt expects $status" >&2
done
git --no-pager diff --stat -- tests/golden || true
