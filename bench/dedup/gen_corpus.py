#!/usr/bin/env python3
"""Generates a dedup benchmark corpus: articles, spun copies and near copies, with ground truth.

Text is generated, never copied from evaluation data: an order-2 Markov chain over WordNet's
glosses (Debian package wordnet-base) writes the sentences, and news-like frames put generated
names, places, organisations and numbers into them, about as densely as in wire copy.

Spun copies come from a spinner simulation: each content word that has synonyms is swapped,
with probability RATE, for a sense-blind random synonym from Aiksaurus (libaiksaurus-1.2-data)
or a WordNet synset, phrases included ("vision" -> "imaginative and prescient" style). RATE is
the share of swappable words swapped. unspin's canonicalizer does not use these synonym lists
(it stems and uses a word list only to decide which words are swappable at all), so recall is
not inflated by sharing the spinner's thesaurus.

Near copies: a sentence dropped, a sentence from another article inserted, a few words changed,
a byline and a footer added.

usage: gen_corpus.py --articles N [--spun-per-rate K] [--near K] [--exact K] [--seed S] OUT.jsonl
Each line: {"id": ..., "text": ..., "group": ORIGINAL_ID, "kind": original|spun|near|exact,
"rate": R}. Documents of one group are copies of one another.
"""
import argparse
import json
import os
import random
import re
import sys

WORDNET = "/usr/share/wordnet"
AIKSAURUS = "/usr/share/aiksaurus"

STOP = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each either every
few for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just may me might more most must my myself no nor not now of off on once only or
other our ours out over own same shall she should so some such than that the their theirs them
then there these they this those through to too under until up upon us very via was we were what
when where which while who whom whose why will with within without would you your yours""".split())


def load_glosses():
    sentences = []
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1].strip()
                for part in gloss.split(";"):
                    part = part.strip().strip('"').strip()
                    if len(part.split()) >= 4:
                        sentences.append(part)
    return sentences


def build_chain(sentences):
    chain = {}
    for s in sentences:
        words = ["<s>", "<s>"] + s.split() + ["</s>"]
        for i in range(2, len(words)):
            chain.setdefault((words[i - 2], words[i - 1]), []).append(words[i])
    return chain


def load_synonyms():
    syn = {}

    def add(group):
        group = [g for g in group if g]
        for w in group:
            if " " in w or not w.isalpha() or not w.islower():
                continue
            syn.setdefault(w, set()).update(x for x in group if x != w)

    with open(os.path.join(AIKSAURUS, "words.dat"), "rb") as f:
        data = f.read()
    words, i = [], 0
    while i < len(data):
        j = data.index(b"\0", i)
        words.append(data[i:j].decode("latin-1").replace(":", " "))
        i = j + 1
        while data[i:i + 2] != b"\xff\xff":
            i += 2
        i += 2
    with open(os.path.join(AIKSAURUS, "meanings.dat"), "rb") as f:
        data = f.read()
    i = 0
    while i + 6 <= len(data):
        i += 6  # two title word ids and the meaning id
        group = []
        while data[i:i + 2] != b"\xff\xff":
            k = int.from_bytes(data[i:i + 2], "big")
            if k < len(words):
                group.append(words[k])
            i += 2
        i += 2
        add(group)
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                n = int(fields[3], 16)
                add([re.sub(r"\(.*\)$", "", fields[4 + 2 * k]).replace("_", " ").lower() for k in range(n)])
    return {w: sorted(s) for w, s in syn.items()}


SYLLABLES = "ka lo mi ra ven tor sel an bri dor gal hen is jor kel lun mar nor os pel quin rus sam tal ur vik wen yar zed".split()


def make_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.chain = build_chain(load_glosses())
        self.people = [make_name(self.rng) + " " + make_name(self.rng) for _ in range(3000)]
        self.places = [make_name(self.rng) for _ in range(600)]
        self.orgs = [make_name(self.rng) + " " + self.rng.choice(["Group", "Bank", "Council", "Institute", "Ministry", "Agency"]) for _ in range(400)]
        self.days = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

    def markov_sentence(self):
        rng = self.rng
        for _ in range(10):
            w1, w2, out = "<s>", "<s>", []
            while len(out) < 40:
                nxt = rng.choice(self.chain[(w1, w2)])
                if nxt == "</s>":
                    break
                out.append(nxt)
                w1, w2 = w2, nxt
            if len(out) >= 6:
                return " ".join(out)
        return " ".join(out)

    def number(self):
        rng = self.rng
        return rng.choice([str(rng.randint(2, 99)), str(rng.randint(100, 9999)), "%d.%d" % (rng.randint(1, 99), rng.randint(1, 9)), str(rng.randint(1990, 2030))])

    def sentence(self):
        rng = self.rng
        s = self.markov_sentence()
        frame = rng.random()
        person, place, org = rng.choice(self.people), rng.choice(self.places), rng.choice(self.orgs)
        if frame < 0.2:
            s = "%s said on %s that the %s" % (person, rng.choice(self.days), s)
        elif frame < 0.35:
            s = "In %s, %s" % (place, s)
        elif frame < 0.5:
            s = "%s, according to %s" % (s, org)
        elif frame < 0.6:
            s = "%s of the %s told %s that %s" % (person, org, place, s)
        if rng.random() < 0.4:
            s += ", up %s percent from %s" % (self.number(), self.number())
        return s[0].upper() + s[1:] + "."

    def article(self):
        n = self.rng.randint(12, 24)
        return [self.sentence() for _ in range(n)]


def spin(sentences, rate, synonyms, rng):
    out = []
    for s in sentences:
        words = s.split(" ")
        result = []
        for i, w in enumerate(words):
            m = re.fullmatch(r"([A-Za-z]+)(\W*)", w)
            capital_mid = i > 0 and w[:1].isupper()
            if m and not capital_mid:
                core, tail = m.group(1), m.group(2)
                low = core.lower()
                cands = synonyms.get(low)
                if low not in STOP and cands and rng.random() < rate:
                    rep = rng.choice(cands)
                    if core[0].isupper():
                        rep = rep[0].upper() + rep[1:]
                    result.append(rep + tail)
                    continue
            result.append(w)
        out.append(" ".join(result))
    return out


def near_copy(sentences, other, rng):
    s = list(sentences)
    if len(s) > 4:
        del s[rng.randrange(len(s))]
    s.insert(rng.randrange(len(s) + 1), rng.choice(other))
    for _ in range(3):
        k = rng.randrange(len(s))
        words = s[k].split(" ")
        j = rng.randrange(len(words))
        words[j] = rng.choice(["new", "major", "recent", "several", "local", "final"])
        s[k] = " ".join(words)
    byline = "By %s. " % ("Staff reporter" if rng.random() < 0.5 else "Wire desk")
    return byline + " ".join(s) + " Copyright reserved. Republished with permission."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--spun-per-rate", type=int, default=0)
    ap.add_argument("--rates", default="0.1,0.2,0.3,0.4,0.5,0.6")
    ap.add_argument("--near", type=int, default=0)
    ap.add_argument("--exact", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    args = ap.parse_args()
    gen = Generator(args.seed)
    synonyms = load_synonyms()
    rng = random.Random(args.seed + 1)
    articles = [gen.article() for _ in range(args.articles)]
    docs = [{"id": "a%d" % i, "text": " ".join(a), "group": "a%d" % i, "kind": "original", "rate": 0} for i, a in enumerate(articles)]
    rates = [float(r) for r in args.rates.split(",") if r]
    for rate in rates:
        for k in rng.sample(range(len(articles)), min(args.spun_per_rate, len(articles))):
            docs.append({"id": "s%g-%d" % (rate, k), "text": " ".join(spin(articles[k], rate, synonyms, rng)), "group": "a%d" % k, "kind": "spun", "rate": rate})
    for k in rng.sample(range(len(articles)), min(args.near, len(articles))):
        other = articles[rng.randrange(len(articles))]
        docs.append({"id": "n%d" % k, "text": near_copy(articles[k], other, rng), "group": "a%d" % k, "kind": "near", "rate": 0})
    for k in rng.sample(range(len(articles)), min(args.exact, len(articles))):
        docs.append({"id": "e%d" % k, "text": "  " + " ".join(articles[k]).upper() if False else " ".join(articles[k]) + "\n", "group": "a%d" % k, "kind": "exact", "rate": 0})
    rng.shuffle(docs)
    with open(args.out, "w") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    print("wrote %d documents to %s" % (len(docs), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
