#!/usr/bin/env python3
"""Validate gold alignment files in /tmp/heldout2/<story>/.

Checks per gold row: header, relation/conflict vocabulary, fragment length
(>= 4 words), no leading quote char, exact single occurrence in its text,
fragment lies inside one sentence, no duplicate (a,b) rows and no duplicate
sentence pairs. Also checks manifest.tsv. With -v lists unpaired sentences.
"""
import csv, glob, os, re, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
HEADER = ["a", "b", "relation", "conflict", "note"]
RELS = {"same", "copied", "conflict"}
CONFS = {"number", "date", "status", "duration", "attribution", "other"}
QUOTES = "\"'\u201c\u201d\u2018\u2019"
ABBR = ("Dr.", "Sept.", "Oct.", "Nov.", "Jan.", "Feb.", "Aug.", "Dec.", "Mr.", "Ms.", "St.", "No.")
verbose = "-v" in sys.argv

def sentences(text):
    """Return list of (line_no, start, end, sentence) with absolute offsets."""
    out, pos = [], 0
    for ln, line in enumerate(text.split("\n"), 1):
        start = 0
        for m in re.finditer(r"[.!?][\"\u201d']?\s+(?=[\"\u201c(A-Z0-9])", line):
            head = line[start:m.start() + 1]
            if any(head.endswith(a) for a in ABBR):
                continue
            seg = line[start:m.end()].rstrip()
            out.append((ln, pos + start, pos + start + len(seg), seg))
            start = m.end()
        seg = line[start:]
        if seg.strip():
            out.append((ln, pos + start, pos + len(line), seg))
        pos += len(line) + 1
    return out

def locate(frag, text, sents, label, errs):
    n = text.count(frag)
    if n != 1:
        errs.append(f"{label}: fragment occurs {n}x: {frag!r}")
        return None
    i = text.index(frag)
    for k, (ln, s, e, seg) in enumerate(sents):
        if s <= i and i + len(frag) <= e:
            return k
    errs.append(f"{label}: fragment spans a sentence boundary: {frag!r}")
    return None

total_err = 0
for story in sorted(glob.glob(os.path.join(ROOT, "*/"))):
    name = os.path.basename(story.rstrip("/"))
    texts = {}
    for f in glob.glob(os.path.join(story, "*.txt")):
        raw = open(f, encoding="utf-8").read()
        texts[os.path.basename(f)[:-4]] = raw.rstrip("\n")
    errs = []
    # manifest
    mp = os.path.join(story, "manifest.tsv")
    if not os.path.exists(mp):
        errs.append("manifest.tsv missing")
    else:
        rows = list(csv.reader(open(mp, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
        if rows[0] != ["outlet", "captured", "title"]:
            errs.append(f"manifest header wrong: {rows[0]}")
        times = []
        for r in rows[1:]:
            if len(r) != 3:
                errs.append(f"manifest row bad: {r}"); continue
            o, c, t = r
            if o not in texts:
                errs.append(f"manifest outlet without text: {o}"); continue
            if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", c):
                errs.append(f"manifest time not ISO UTC: {c}")
            if t != texts[o].split("\n")[0]:
                errs.append(f"manifest title != first line for {o}")
            times.append(c)
        if [r[0] for r in rows[1:]] != ["wire", "rewrite", "transcript", "liveblog"]:
            errs.append("manifest order should be wire, rewrite, transcript, liveblog")
        if times != sorted(times):
            errs.append("manifest times not increasing")
    for o, t in texts.items():
        if t.split("\n")[0].endswith("."):
            errs.append(f"{o}: headline ends with full stop")
    # gold files
    for other in ("rewrite", "transcript", "liveblog"):
        gp = os.path.join(story, f"wire~{other}.gold.tsv")
        if not os.path.exists(gp):
            errs.append(f"missing {os.path.basename(gp)}"); continue
        ta, tb = texts["wire"], texts[other]
        sa, sb = sentences(ta), sentences(tb)
        lines = open(gp, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errs.append(f"{other}: header wrong: {lines[0]!r}")
        seen, seen_s, used_b, nconf = set(), set(), set(), 0
        for i, line in enumerate(lines[1:], 2):
            cols = line.split("\t")
            lab = f"{other}:{i}"
            if len(cols) != 5:
                errs.append(f"{lab}: expected 5 columns, got {len(cols)}"); continue
            a, b, rel, conf, note = cols
            if rel not in RELS:
                errs.append(f"{lab}: bad relation {rel!r}")
            if rel == "conflict":
                nconf += 1
                if conf not in CONFS:
                    errs.append(f"{lab}: bad conflict type {conf!r}")
            elif conf != "-":
                errs.append(f"{lab}: conflict column must be '-' for {rel}")
            if not note.strip():
                errs.append(f"{lab}: empty note")
            for side, frag in (("a", a), ("b", b)):
                if len(frag.split()) < 4:
                    errs.append(f"{lab}: {side} fragment < 4 words: {frag!r}")
                if frag[:1] in QUOTES:
                    errs.append(f"{lab}: {side} fragment starts with quote: {frag!r}")
                if frag != frag.strip():
                    errs.append(f"{lab}: {side} fragment has outer whitespace")
            if (a, b) in seen:
                errs.append(f"{lab}: duplicate row ({a!r}, {b!r})")
            seen.add((a, b))
            ka = locate(a, ta, sa, lab + " a", errs)
            kb = locate(b, tb, sb, lab + " b", errs)
            if ka is not None and kb is not None:
                if (ka, kb) in seen_s:
                    errs.append(f"{lab}: sentence pair listed twice")
                seen_s.add((ka, kb))
                used_b.add(kb)
        print(f"{name}/wire~{other}.gold.tsv: {len(lines)-1} rows ({nconf} conflict)")
        if verbose:
            for k, (ln, s, e, seg) in enumerate(sb):
                if k not in used_b:
                    print(f"    unpaired b[{ln}]: {seg[:90]}")
    for e in errs:
        print("  ERROR", name, e)
    total_err += len(errs)
print("OK" if total_err == 0 else f"{total_err} error(s)")
sys.exit(1 if total_err else 0)
