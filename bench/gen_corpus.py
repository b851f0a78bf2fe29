#!/usr/bin/env python3
"""Generates a deterministic English-like corpus for bench/speed: news-style paragraphs from a
small grammar over words written here, with spun phrases from the repository's rule packs
mixed in (about one per 150 words), so the detectors have real work. Nothing is read from
outside the repository.

Usage: gen_corpus.py OUT_DIR MEGABYTES [FILES] [SEED]
Writes FILES text files (default 500) of about equal size under OUT_DIR/a/, OUT_DIR/b/, ...
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SUBJECTS = """the government|the minister|officials|the company|analysts|the central bank|
residents|the council|investors|the committee|researchers|the police|voters|the court|
the mayor|local farmers|the university|engineers|the hospital|critics|the union|teachers|
the department|the agency|lawmakers|the board|economists|the army|health workers|the city""".replace("\n", "").split("|")
VERBS = """said|announced|reported|warned|argued|confirmed|denied|expected|suggested|noted|
claimed|explained|estimated|insisted|revealed|predicted|acknowledged|stated|added|believed""".replace("\n", "").split("|")
OBJECTS = """the new policy|prices|the budget|the agreement|the project|growth|the plan|
the election|the report|the decision|the proposal|the investigation|the results|exports|
the changes|the talks|the programme|the rules|the deal|the crisis|demand|the market|
the strike|the vote|the system|the figures|the strategy|supply chains|the reforms|the network""".replace("\n", "").split("|")
ADVERBS = "quickly|slowly|sharply|steadily|recently|again|still|already|clearly|largely".split("|")
TIMES = """on Monday|on Tuesday|last week|this month|in March|earlier this year|overnight|
at the weekend|on Friday|in the spring|after the meeting|before the summit""".replace("\n", "").split("|")
PLACES = """in the capital|across the region|in the north|along the coast|in rural areas|
at the border|in the city centre|near the port|in several provinces|abroad""".replace("\n", "").split("|")
CLAUSES = """would rise|could fall|had improved|was delayed|remained uncertain|would be reviewed|
had been approved|might change|was working|continued to grow|would cost more|had slowed""".replace("\n", "").split("|")
NAMES = "Smith|Garcia|Chen|Okafor|Novak|Silva|Patel|Kim|Dubois|Rossi|Murphy|Larsen".split("|")


def spun_phrases():
    phrases = []
    rules_dir = os.path.join(HERE, "..", "rules")
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".rules"):
            continue
        for line in open(os.path.join(rules_dir, name), encoding="utf-8"):
            m = re.match(r"\s*rule\s+\S+:\s*(.+?)\s*=>", line)
            if m:
                phrases.append(m.group(1).replace(" - ", "-"))
    return phrases


def sentence(rng, spun):
    s = rng.choice(SUBJECTS)
    parts = [s[0].upper() + s[1:], rng.choice(VERBS)]
    kind = rng.random()
    if kind < 0.4:
        parts += ["that", rng.choice(OBJECTS), rng.choice(CLAUSES), rng.choice(TIMES)]
    elif kind < 0.7:
        parts += [rng.choice(OBJECTS), rng.choice(ADVERBS), rng.choice(PLACES)]
    else:
        parts += [rng.choice(OBJECTS), rng.choice(TIMES) + ",", "according to",
                  rng.choice(NAMES)]
    if spun and rng.random() < 0.12:
        parts.insert(rng.randrange(2, len(parts) + 1), rng.choice(spun))
    text = " ".join(parts) + "."
    if rng.random() < 0.1:
        text = '"%s," %s %s.' % (text[:-1], rng.choice(VERBS), rng.choice(NAMES))
    return text


def main():
    out_dir, megabytes = sys.argv[1], float(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    spun = spun_phrases()
    per_file = int(megabytes * 1e6 / files)
    for i in range(files):
        sub = os.path.join(out_dir, "abcdefghij"[i % 10])
        os.makedirs(sub, exist_ok=True)
        chunks, size = [], 0
        while size < per_file:
            para = " ".join(sentence(rng, spun) for _ in range(rng.randint(3, 7)))
            chunks.append(para)
            size += len(para) + 2
        with open(os.path.join(sub, "article%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("\n\n".join(chunks) + "\n")


if __name__ == "__main__":
    main()
