#!/usr/bin/env python3
"""Measure legacy-encoding detection on real Vietnamese text.

Every news article and resolution in ../shared/data is encoded in each pre-Unicode
encoding (where the encoding can hold its characters: VISCII has no “ ” …) and given to
`legacy.detect_bytes`, which must name that encoding and give back the NFC text (TCVN3:
the encoding only; it has no toned capitals, so those come back lowercase outside
all-capital words).

Run from the repository root: python scripts/measure_legacy_detection.py
"""

from __future__ import annotations

import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "src")]

from record_builders import encode_legacy  # noqa: E402
from kcqa.read import legacy  # noqa: E402

DATA = REPO.parent / "shared" / "data"


def main() -> None:
    files = sorted((DATA / "vn_news_dantri_unc").glob("news_*.txt")) + sorted((DATA / "vn_resolutions_2025").glob("*.md"))
    if not files:
        raise SystemExit(f"no records under {DATA}")
    ok = {e: 0 for e in legacy.ENCODINGS}
    tried = {e: 0 for e in legacy.ENCODINGS}
    missed = []
    valid = total = 0
    t0 = time.time()
    for f in files:
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))
        v, t = legacy.syllable_score(text)
        valid, total = valid + v, total + t
        for e in legacy.ENCODINGS:
            try:
                raw = encode_legacy(text, e)
            except UnicodeEncodeError:
                continue
            tried[e] += 1
            got = legacy.detect_bytes(raw)
            if got and got[1] == e and (e == legacy.TCVN3 or got[0] == text):
                ok[e] += 1
            else:
                missed.append((f.name, e, got and got[1]))
    print(f"{len(files)} records; Unicode words that are valid syllables: {valid}/{total} = {valid / total:.4f}")
    for e in legacy.ENCODINGS:
        print(f"{e}: {ok[e]}/{tried[e]} detected (and decoded exactly)")
    print(f"missed: {missed[:10]}")
    print(f"{time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
