#!/usr/bin/env python3
"""Generate src/kcqa/data/provinces.json, the gazetteer behind kcqa.places.

Input: the province tables of dvhcvn/20250701 (MIT), as kept in
``../shared/data/vn_provinces_2025/`` beside the repository:
``provinces_63_to_34.csv`` (63 old units → new unit) and ``provinces_34_new.csv``.

Output: one entry per unit, 63 old + 34 new, where an unchanged unit (same name, nothing
merged into it) is a single entry with era "both".  Each entry has its canonical name,
kind, era, the new unit an old one merged into, the old units a new one absorbed, its
code, and the aliases it is written with (type prefixes, abbreviations, old spellings,
both tone placements).

The output is deterministic: running the script again gives the identical file.

    python scripts/build_places.py            # write the file
    python scripts/build_places.py --check    # exit 1 if the file is not up to date
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kcqa.text.places import classic_tones, modern_tones  # noqa: E402

DEFAULT_SRC = ROOT.parent / "shared" / "data" / "vn_provinces_2025"
DEFAULT_OUT = ROOT / "src" / "kcqa" / "data" / "provinces.json"

# Other ways a unit's name is written (these also get the type prefixes).
EXTRA_NAMES: dict[str, list[str]] = {
    "Hồ Chí Minh": ["Sài Gòn"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu"],
    "Đắk Lắk": ["Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Dak Lak", "Daklak", "DakLak"],
    "Đắk Nông": ["Đắc Nông", "Đăk Nông", "Dak Nong", "Daknong", "DakNong"],
    "Kon Tum": ["Kontum"],
    "Bắc Kạn": ["Bắc Cạn"],
}
# Names a unit had before, with the type it had then (they get that type's prefixes).
FORMER_NAMES: dict[str, tuple[str, list[str]]] = {
    "Huế": ("tỉnh", ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế"]),  # until 1/1/2025
}
# Abbreviations, used as written (no prefixes added).
ABBREVIATIONS: dict[str, list[str]] = {
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "Tp.HCM", "HCM", "HCMC"],
    "Hà Nội": ["TP.HN", "TP. HN", "TP HN", "HN"],                    # "EVN HN", "UBND TP HN"
    "Huế": ["TT-Huế", "TT. Huế", "TT Huế"],
    "Bà Rịa - Vũng Tàu": ["BR-VT", "BRVT"],
    "Quảng Nam": ["Q.Nam", "Q. Nam"],
    "Quảng Ngãi": ["Q.Ngãi", "Q. Ngãi"],
    "Quảng Bình": ["Q.Bình", "Q. Bình"],
    "Quảng Trị": ["Q.Trị", "Q. Trị"],
    "Quảng Ninh": ["Q.Ninh", "Q. Ninh"],
}
PREFIXES = {"tỉnh": ["tỉnh"], "thành phố": ["thành phố", "TP.", "TP"]}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def canonical(name: str) -> str:
    """One spelling per unit: modern tone placement (the GSO list writes "Hoà Bình")."""
    return modern_tones(nfc(name))


def kind_of(t: str) -> str:
    k = nfc(t).lower()
    if k not in PREFIXES:
        raise ValueError(f"unknown unit type {t!r}")
    return k


def aliases(name: str, kind: str) -> list[str]:
    former_kind, former = FORMER_NAMES.get(name, (kind, []))
    out = set()
    for names, k in (([name, *EXTRA_NAMES.get(name, [])], kind), (former, former_kind)):
        for n in names:
            out.add(n)
            out.update(f"{prefix} {n}" for prefix in PREFIXES[k])
    out.update(ABBREVIATIONS.get(name, []))
    out |= {classic_tones(a) for a in out} | {modern_tones(a) for a in out}
    return sorted(out, key=lambda a: (a.casefold(), a))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: nfc(v) for k, v in row.items()} for row in csv.DictReader(f)]


def build(src: Path) -> dict:
    old_rows = read_csv(src / "provinces_63_to_34.csv")
    new_rows = read_csv(src / "provinces_34_new.csv")
    if len(old_rows) != 63 or len(new_rows) != 34:
        raise SystemExit(f"expected 63 old and 34 new units, got {len(old_rows)} and {len(new_rows)}")

    new_by_code = {r["new_code"]: r for r in new_rows}
    members: dict[str, list[dict[str, str]]] = {code: [] for code in new_by_code}
    for r in old_rows:
        if r["new_code"] not in members:
            raise SystemExit(f"old unit {r['old_name']} maps to unknown new code {r['new_code']}")
        members[r["new_code"]].append(r)
    for code, rows in members.items():
        listed = sorted(canonical(n) for n in new_by_code[code]["old_names"].split(";"))
        if sorted(canonical(r["old_name"]) for r in rows) != listed:
            raise SystemExit(f"the two tables disagree on new unit {code}")

    def unchanged(code: str) -> bool:
        rows = members[code]
        return len(rows) == 1 and canonical(rows[0]["old_name"]) == canonical(new_by_code[code]["new_name"])

    places = []
    for r in old_rows:
        name, new_name = canonical(r["old_name"]), canonical(r["new_name"])
        kind = kind_of(r["old_type"])
        if unchanged(r["new_code"]):
            places.append({"name": name, "kind": kind, "era": "both", "code": r["old_code"],
                           "merged_into": None, "absorbed": [name], "aliases": aliases(name, kind)})
        else:
            places.append({"name": name, "kind": kind, "era": "old", "code": r["old_code"],
                           "merged_into": new_name, "absorbed": [], "aliases": aliases(name, kind)})
    for r in new_rows:
        code = r["new_code"]
        if unchanged(code):
            continue
        name, kind = canonical(r["new_name"]), kind_of(r["new_type"])
        rows = sorted(members[code], key=lambda m: (m["kept_name"] != "1", m["old_code"]))
        places.append({"name": name, "kind": kind, "era": "new", "code": code, "merged_into": None,
                       "absorbed": [canonical(m["old_name"]) for m in rows], "aliases": aliases(name, kind)})

    license_text = (src / "LICENSE-MIT.txt").read_text(encoding="utf-8").strip()
    n_old = sum(p["era"] in ("old", "both") for p in places)
    n_new = sum(p["era"] in ("new", "both") for p in places)
    return {
        "header": {
            "description": "Vietnamese provinces before (63) and after (34) the merger of 1 July 2025 "
                           "(Resolution 60-NQ/TW), with aliases. Generated by scripts/build_places.py; "
                           "do not edit by hand.",
            "source": "dvhcvn/20250701, https://github.com/dvhcvn/20250701, mapping/merges.json at commit "
                      "dd94887ce32324380bc5bb0a76fe39867dafc73b, via provinces_63_to_34.csv and "
                      "provinces_34_new.csv",
            "license": "MIT",
            "attribution": "Copyright (c) 2025 dvhcvn",
            "license_text": license_text,
            "effective": "2025-07-01",
            "counts": {"old": n_old, "new": n_new, "unchanged": n_old + n_new - len(places)},
            "notes": "Names use modern tone placement (Hòa Bình; the source writes Hoà Bình); both "
                     "placements are aliases. Huế has been a centrally governed city since 1 January "
                     "2025; earlier records call it tỉnh Thừa Thiên Huế (an alias).",
        },
        "places": places,
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder with the province CSVs")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file to write")
    ap.add_argument("--check", action="store_true", help="exit 1 if --out is not what the script would write")
    args = ap.parse_args(argv)
    if not (args.src / "provinces_63_to_34.csv").exists():
        print(f"build_places: no provinces_63_to_34.csv in {args.src}", file=sys.stderr)
        return 2
    data = build(args.src)
    text = render(data)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        if current != text:
            print(f"build_places: {args.out} is out of date", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"build_places: wrote {args.out} ({len(data['places'])} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
