#!/usr/bin/env python3
"""Generate src/kcqa/read/legacy_tables.json: the pre-Unicode Vietnamese encodings as data.

Source: GNU recode (Debian package `recode`), whose Vietnamese module implements the
published tables of TCVN 5712:1993, VISCII (RFC 1456) and VNI; TCVN and VISCII are
cross-checked here against glibc's iconv (a second, independent implementation). The
script encodes every Vietnamese letter (the 7 base letters with diacritics, all of them
with each of the 5 tones, both cases) with recode, and writes the reverse maps:

* "VISCII": one byte -> one letter.
* "TCVN3": the VN3 subset of TCVN 5712:1993 that the ABC fonts (.VnTime) implement:
  bytes 0xA1-0xFF only (lowercase letters, 7 uppercase base letters, combining tones).
  The uppercase toned letters TCVN puts in the C0/0x80-0xA0 range are not in the ABC
  fonts (uppercase text is set in the .VnTimeH fonts with the lowercase codes), and
  Word files keep those bytes as cp1252 punctuation, so they are left out.
* "VNI": byte sequences (a base letter then one or two mark bytes) -> one letter.
* Windows-1258 needs no table: Python's codec `cp1258` decodes it (combining tones, then NFC).

Run: apt-get install recode && python scripts/gen_legacy_tables.py
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "kcqa" / "read" / "legacy_tables.json"

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]   # none, grave, acute, hook, tilde, dot


def alphabet() -> list[str]:
    letters = []
    for base in BASES:
        for tone in TONES:
            letters.append(unicodedata.normalize("NFC", base + tone))
    letters.append("đ")
    return letters + [ch.upper() for ch in letters]


def recode(charset: str, letters: list[str]) -> list[bytes]:
    """Each letter encoded alone (one per line, so every letter is its own sequence)."""
    data = "\n".join(letters).encode("utf-8")
    out = subprocess.run(["recode", "-f", f"UTF-8..{charset}"], input=data, capture_output=True, check=True).stdout
    parts = out.split(b"\n")
    assert len(parts) == len(letters), (charset, len(parts), len(letters))
    return parts


def iconv(charset: str, letters: list[str]) -> list[bytes]:
    out = []
    for ch in letters:
        r = subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=ch.encode("utf-8"), capture_output=True)
        out.append(r.stdout if r.returncode == 0 else b"")
    return out


def main() -> None:
    letters = alphabet()
    tables: dict[str, dict[str, str]] = {}

    viscii = recode("VISCII", letters)
    assert viscii == iconv("VISCII", letters), "recode and iconv disagree on VISCII"
    tables["VISCII"] = {}
    for ch, b in zip(letters, viscii):
        assert len(b) == 1, (ch, b)
        if b[0] >= 0x80 or b[0] < 0x20:
            tables["VISCII"][f"{b[0]:02x}"] = ch

    tcvn = recode("TCVN", letters)
    assert tcvn == iconv("TCVN5712-1", letters), "recode and iconv disagree on TCVN"
    tables["TCVN3"] = {}
    for ch, b in zip(letters, tcvn):
        if len(b) == 1 and b[0] >= 0xA1:
            tables["TCVN3"][f"{b[0]:02x}"] = ch
        elif ch.islower() and not ch.isascii():
            raise SystemExit(f"TCVN: lowercase {ch!r} outside the VN3 range: {b!r}")
    # The five combining tone marks of VN3 (0xB0-0xB4), composed with the letter before by NFC.
    for tone in TONES[1:]:
        (b,) = iconv("TCVN5712-1", [tone])
        assert len(b) == 1 and 0xB0 <= b[0] <= 0xB4, (tone, b)
        tables["TCVN3"][f"{b[0]:02x}"] = tone

    vni = recode("VNI", letters)
    tables["VNI"] = {}
    for ch, b in zip(letters, vni):
        if b == ch.encode("ascii", "ignore") and ch.isascii():
            continue                                  # a, A, e, … are themselves
        assert 1 <= len(b) <= 3, (ch, b)
        tables["VNI"][b.hex()] = ch

    OUT.write_text(json.dumps({"source": "GNU recode (TCVN, VISCII, VNI), checked against glibc iconv",
                               "tables": tables}, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: " + ", ".join(f"{k} {len(v)} entries" for k, v in tables.items()))


if __name__ == "__main__":
    main()
