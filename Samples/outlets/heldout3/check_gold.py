#!/usr/bin/env python3
"""Validate the held-out gold files in this directory.

Checks per story folder: manifest (header, rows, wire first, titles = first
lines, ISO 8601 UTC timestamps), text format (UTF-8, headline without final
full stop), and for every wire~<outlet>.gold.tsv: exact header, relation and
conflict values, fragments of >= 4 words, no tabs, no leading quote
character, each fragment occurring exactly once in its text and inside a
single sentence that is not page chrome or a bare speaker label, and no
duplicate pairs.
"""
import csv
import glob
import os
import re
import sys
from datetime import datetime

ROOT = os.path.dirname(os.path.abspath(__file__))
HEADER = ["a", "b", "relation", "conflict", "note"]
RELATIONS = {"same", "copied", "conflict"}
KINDS = {"number", "date", "status", "duration", "attribution", "other"}
QUOTES = "\"'\u201c\u201d\u2018\u2019"
CHROME = re.compile(r"^(Advertisement$|Share this story$|Related:|PHOTO:|\(Reporting by|Media contact:|About [^.]*$)")
LABEL = re.compile(r"^(ANCHOR|REPORTER):\s*")
SPLIT = re.compile(r'(?<=[.!?])\s+|(?<=[.!?]["\u201d\u2019])\s+')

errors = []


def err(msg):
    errors.append(msg)


def sentences(text):
    out = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        chrome = bool(CHROME.match(line))
        body = LABEL.sub("", line)
        for s in SPLIT.split(body):
            if s.strip():
                out.append((s, chrome))
    return out


def check_fragment(frag, text, sents, where):
    if "\t" in frag:
        err(f"{where}: tab in fragment")
    if frag[:1] in QUOTES:
        err(f"{where}: starts with quote char: {frag!r}")
    if len(frag.split()) < 4:
        err(f"{where}: fewer than 4 words: {frag!r}")
    n = text.count(frag)
    if n != 1:
        err(f"{where}: occurs {n} times: {frag!r}")
        return None
    hits = [i for i, (s, _) in enumerate(sents) if frag in s]
    if len(hits) != 1:
        err(f"{where}: not inside exactly one sentence: {frag!r}")
        return None
    if sents[hits[0]][1]:
        err(f"{where}: fragment is in page chrome: {frag!r}")
    if LABEL.match(frag):
        err(f"{where}: fragment contains speaker label: {frag!r}")
    return hits[0]


def main():
    stories = sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)))
    summary = []
    for story in stories:
        sdir = os.path.join(ROOT, story)
        texts = {}
        for p in sorted(glob.glob(os.path.join(sdir, "*.txt"))):
            raw = open(p, "rb").read()
            try:
                t = raw.decode("utf-8")
            except UnicodeDecodeError:
                err(f"{p}: not UTF-8")
                continue
            name = os.path.basename(p)[:-4]
            texts[name] = t
            first = t.split("\n", 1)[0]
            if first.endswith("."):
                err(f"{p}: headline ends with full stop")
            if "\r" in t:
                err(f"{p}: CR characters")
        if "wire" not in texts:
            err(f"{story}: no wire.txt")
            continue
        # manifest
        mp = os.path.join(sdir, "manifest.tsv")
        with open(mp, encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        if rows[0] != ["outlet", "captured", "title"]:
            err(f"{mp}: bad header {rows[0]}")
        outlets = [r[0] for r in rows[1:]]
        if outlets[:1] != ["wire"]:
            err(f"{mp}: wire not first")
        if sorted(outlets) != sorted(texts):
            err(f"{mp}: outlets {outlets} != texts {sorted(texts)}")
        for r in rows[1:]:
            if len(r) != 3:
                err(f"{mp}: bad row {r}")
                continue
            try:
                dt = datetime.strptime(r[1], "%Y-%m-%dT%H:%M:%SZ")
                if dt.year != 2026:
                    err(f"{mp}: not 2026: {r[1]}")
            except ValueError:
                err(f"{mp}: bad timestamp {r[1]}")
            if r[0] in texts and texts[r[0]].split("\n", 1)[0] != r[2]:
                err(f"{mp}: title mismatch for {r[0]}")
        # gold
        for outlet in texts:
            if outlet == "wire":
                continue
            gp = os.path.join(sdir, f"wire~{outlet}.gold.tsv")
            if not os.path.exists(gp):
                err(f"{gp}: missing")
                continue
            with open(gp, encoding="utf-8") as f:
                lines = f.read().split("\n")
            if lines[-1] == "":
                lines = lines[:-1]
            if lines[0].split("\t") != HEADER:
                err(f"{gp}: bad header")
            sa, sb = sentences(texts["wire"]), sentences(texts[outlet])
            seen = set()
            nconf = {}
            for ln, line in enumerate(lines[1:], start=2):
                cols = line.split("\t")
                where = f"{story}/wire~{outlet} line {ln}"
                if len(cols) != 5:
                    err(f"{where}: {len(cols)} columns")
                    continue
                a, b, rel, kind, note = cols
                if rel not in RELATIONS:
                    err(f"{where}: bad relation {rel}")
                if rel == "conflict":
                    if kind not in KINDS:
                        err(f"{where}: bad conflict kind {kind}")
                    nconf[kind] = nconf.get(kind, 0) + 1
                elif kind != "-":
                    err(f"{where}: non-conflict row must have '-'")
                if not note.strip():
                    err(f"{where}: empty note")
                ia = check_fragment(a, texts["wire"], sa, where + " [a]")
                ib = check_fragment(b, texts[outlet], sb, where + " [b]")
                key = (ia, ib) if ia is not None and ib is not None else (a, b)
                if key in seen:
                    err(f"{where}: duplicate pair")
                seen.add(key)
            summary.append((f"{story}/wire~{outlet}.gold.tsv", len(lines) - 1, nconf))
    for fn, n, c in summary:
        print(f"{fn}: {n} rows, {sum(c.values())} conflicts {dict(sorted(c.items()))}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
