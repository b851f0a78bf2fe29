#!/usr/bin/env bash
# Installs every Debian package unspin needs to build, test and run. Idempotent: packages already
# present are skipped, so CI and a fresh machine run the same script.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap          # Bazel 4.2.3, builds offline
  g++ pkg-config
  libabsl-dev              # Abseil: Status, flags, containers, strings
  libre2-dev               # RE2: rule guards
  libhunspell-dev hunspell-en-us   # morphology: stems and inflection checks
  googletest libgtest-dev  # unit tests
  libbenchmark-dev         # hot-path benchmarks
  mythes-en-us             # thesaurus: inverted into "can stand for"
  wordnet-base             # WordNet 3.0: multiword expressions, exception lists, sense counts
  pocketsphinx-en-us libsphinxbase-dev  # CMU trigram language model and its reader
  libaiksaurus-1.2-data    # broad Moby-style thesaurus: the spinner's own kind of source
  libgumbo-dev             # HTML parser
  libmd4c-dev              # Markdown parser
  libtomlplusplus-dev      # config files
  python3                  # test scripts and benchmarks
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
