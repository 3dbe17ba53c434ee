#!/usr/bin/env python3
"""How far two annotators agree on the outlet gold: the ceiling a system's
precision and recall on that gold can be read against.

The gold under ../dev and ../heldout was written by one annotator; the files
here by a second, who saw only the texts and the labelling rules in
../README.md, never the first's files nor the code. Both fragments of a row
are mapped to sentences with check_gold.py's splitter, so the two files are
compared sentence pair by sentence pair, as revtrack-bench align compares a
system with the gold.

Usage: python3 Samples/outlets/agreement/agree.py
"""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUTLETS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(OUTLETS, "dev"))
import check_gold  # noqa: E402


def text_path(story_dir, side):
    here = os.path.join(story_dir, side + ".txt")
    return here if os.path.exists(here) else os.path.join(os.path.dirname(OUTLETS), os.path.basename(story_dir), side + ".txt")


def rows(gold, story_dir):
    side_a, side_b = os.path.basename(gold)[:-len(".gold.tsv")].split("~")
    texts = {}
    for side in (side_a, side_b):
        text = open(text_path(story_dir, side), encoding="utf-8").read()
        texts[side] = (text, check_gold.sentence_spans(text))
    pairs = {}
    for line in open(gold, encoding="utf-8").read().rstrip("\n").split("\n")[1:]:
        a, b, relation = line.split("\t")[:3]
        i, _ = check_gold.locate(*texts[side_a], a)
        j, _ = check_gold.locate(*texts[side_b], b)
        pairs[(i, j)] = relation
    return pairs


def main():
    for name in ("dev", "heldout"):
        totals = {kind: [0, 0, 0] for kind in ("sentence pairs", "conflicting pairs", "copied pairs")}
        files = sorted(glob.glob(os.path.join(HERE, name, "*", "*.gold.tsv")))
        for second in files:
            story = os.path.basename(os.path.dirname(second))
            story_dir = os.path.join(OUTLETS, name, story)
            first = rows(os.path.join(story_dir, os.path.basename(second)), story_dir)
            other = rows(second, story_dir)
            for kind, keep in (("sentence pairs", None), ("conflicting pairs", "conflict"), ("copied pairs", "copied")):
                a = {k for k, v in first.items() if keep in (None, v)}
                b = {k for k, v in other.items() if keep in (None, v)}
                totals[kind][0] += len(a & b)
                totals[kind][1] += len(b - a)
                totals[kind][2] += len(a - b)
        print(f"{name}: {len(files)} outlet pairs, second annotator against the gold")
        for kind, (both, only_second, only_first) in totals.items():
            p = both / max(1, both + only_second)
            r = both / max(1, both + only_first)
            print(f"  {kind:20s}  {p:.2f} / {r:.2f}  ({both} agreed, {only_second} only second, {only_first} only gold)")


if __name__ == "__main__":
    main()
