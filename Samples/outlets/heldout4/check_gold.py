#!/usr/bin/env python3
"""Verify the *.gold.tsv files under this directory.

For every row: the a fragment must occur exactly once in side a, the b fragment
exactly once in side b (case-sensitive, exact), each fragment has >= 4 words and
stays inside one sentence (rough splitter), relation/conflict values are valid,
and no sentence pair is listed twice.  Usage: python3 check_gold.py [dir]
"""
import glob, os, re, sys

HEADER = "a\tb\trelation\tconflict\tnote"
CONFLICTS = {"number", "date", "status", "duration", "attribution", "other"}
ABBREV = ("a.m.", "p.m.", "U.S.", "Mr.", "Mrs.", "Ms.", "Dr.", "Dec.", "Jan.", "Feb.",
          "Aug.", "Sept.", "Oct.", "Nov.", "St.", "No.")

def sentence_spans(text):
    """Rough sentence spans: split at newlines and at . ! ? (plus closing quotes)
    followed by whitespace, except after known abbreviations."""
    spans, start = [], 0
    for m in re.finditer(r'\n|[.!?]["\u201d\u2019)]*(?=\s)', text):
        end = m.end()
        if m.group() != "\n" and any(text[:end].endswith(x) for x in ABBREV):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans

def locate(text, spans, frag):
    hits = [m.start() for m in re.finditer(re.escape(frag), text)]
    if len(hits) != 1:
        return None, "occurs %d times" % len(hits)
    s, e = hits[0], hits[0] + len(frag)
    for i, (a, b) in enumerate(spans):
        if a <= s and e <= b:
            return i, None
    return None, "spans a sentence boundary"

def find_text(story, side):
    """Texts live next to the gold file; for pairs over existing samples
    (e.g. karabakh) they are read from Samples/<story>/ instead."""
    here = os.path.join(story, side + ".txt")
    if os.path.exists(here):
        return here
    samples = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(story))))
    return os.path.join(samples, os.path.basename(story), side + ".txt")

def main(root):
    errors = total = 0
    for gold in sorted(glob.glob(os.path.join(root, "*", "*~*.gold.tsv"))):
        story = os.path.dirname(gold)
        sa, sb = os.path.basename(gold)[:-len(".gold.tsv")].split("~")
        texts = {}
        for side in (sa, sb):
            t = open(find_text(story, side), encoding="utf-8").read()
            texts[side] = (t, sentence_spans(t))
        lines = open(gold, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            print(f"{gold}: bad header"); errors += 1
        seen, n = set(), 0
        for ln, line in enumerate(lines[1:], 2):
            cols = line.split("\t")
            n += 1
            def err(msg):
                nonlocal errors
                errors += 1
                print(f"{gold}:{ln}: {msg}")
            if len(cols) != 5:
                err("expected 5 columns"); continue
            a, b, rel, conf, note = cols
            if rel not in ("same", "copied", "conflict"):
                err(f"bad relation {rel!r}")
            if rel == "conflict" and conf not in CONFLICTS:
                err(f"bad conflict type {conf!r}")
            if rel != "conflict" and conf != "-":
                err("conflict column must be '-' for non-conflict rows")
            if not note.strip():
                err("empty note")
            key = []
            for side, frag in ((sa, a), (sb, b)):
                if len(frag.split()) < 4:
                    err(f"{side} fragment shorter than 4 words: {frag!r}")
                idx, why = locate(*texts[side], frag)
                if why:
                    err(f"{side} fragment {frag!r} {why}")
                key.append(idx)
            if None not in key:
                if tuple(key) in seen:
                    err("sentence pair listed twice")
                seen.add(tuple(key))
        total += n
        print(f"{os.path.relpath(gold, root)}: {n} rows")
    print(f"{total} rows, {errors} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
