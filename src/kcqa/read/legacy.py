"""Pre-Unicode Vietnamese encodings: Windows-1258, TCVN3 (ABC), VNI and VISCII to NFC.

Offices still keep years of records typed with the ABC fonts (.VnTime, TCVN3), the VNI
fonts (VNI-Times) or saved as Windows-1258. Two places meet them:

* a text file that is not UTF-8: `detect_bytes` decodes it with each encoding and keeps
  the one whose words are most often valid Vietnamese syllables (a UTF-8 file is never
  sent here, so it is never "converted");
* Word text set in a legacy font (`.VnTime`, `VNI-Times`): the characters Word stores
  are the Windows-1252 reading of the font's bytes ("Héi nghÞ"); `from_font_text`
  takes them back to bytes and decodes them with the font's encoding.

Library: no maintained package covers TCVN3 and VNI (the one that tries, viparse,
builds its tables from a small corpus and documents letters it lacks), so the tables
are data generated from GNU recode by scripts/gen_legacy_tables.py (legacy_tables.json);
Windows-1258 is Python's own codec `cp1258`, whose combining tone marks NFC composes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..text.vietnamese import nfc

# Names as the index report shows them.
CP1258, TCVN3, VNI, VISCII = "Windows-1258", "TCVN3", "VNI", "VISCII"
ENCODINGS = (CP1258, TCVN3, VNI, VISCII)

_TABLES_PATH = Path(__file__).with_name("legacy_tables.json")


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[bytes, str]]:
    data = json.loads(_TABLES_PATH.read_text(encoding="utf-8"))["tables"]
    return {name: {bytes.fromhex(k): v for k, v in table.items()} for name, table in data.items()}


def _byte_fallback(b: int) -> str:
    """A byte that is not a Vietnamese letter reads as Windows-1252 (what Word shows)."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


@lru_cache(maxsize=None)
def _codec(encoding: str) -> tuple[dict[int, str], "re.Pattern[str] | None", dict[str, str]]:
    """(translation of single bytes, pattern of multi-byte sequences, their letters), all
    over the Latin-1 reading of the bytes so that decoding runs in C (str.translate, re)."""
    table = _tables()[encoding]
    singles = {k[0]: v for k, v in table.items() if len(k) == 1}
    trans = {b: _byte_fallback(b) for b in range(0x80, 0xA0)}
    trans.update(singles)
    if all(len(k) == 1 for k in table):
        return trans, None, {}
    # Several bytes per letter (VNI): one pass over sequences and single bytes together,
    # longest first, so a letter produced is never read again as a byte.
    letters = {k.decode("latin-1"): v for k, v in table.items()}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(letters, key=len, reverse=True)))
    return trans, pattern, letters


def decode(raw: bytes, encoding: str) -> str:
    """`raw` read in one legacy encoding, as NFC; raises UnicodeDecodeError for cp1258 gaps."""
    if encoding == CP1258:
        return nfc(raw.decode("cp1258"))
    trans, pattern, letters = _codec(encoding)
    text = raw.decode("latin-1")
    if pattern is None:
        text = text.translate(trans)
    else:
        c1 = {b: trans[b] for b in range(0x80, 0xA0) if b in trans and chr(b) not in letters}
        text = pattern.sub(lambda m: letters[m.group(0)], text).translate(c1)
    text = nfc(text)
    if encoding == TCVN3:
        text = _restore_upper_words(text)
    return text


_WORD = re.compile(r"[^\W\d_]+")
# A word with no ASCII lowercase, two ASCII capitals and a non-ASCII letter ("HộI", "CÔNG"):
# only lines holding one need the capitals restored.
_CAPS_WORD = re.compile(r"(?<![^\W\d_])(?=[^\W\d_a-z]*[^\x00-\x7f])"
                        r"[^\W\d_a-z]*[A-Z][^\W\d_a-z]*[A-Z][^\W\d_a-z]*(?![^\W\d_])")


def _restore_upper_words(text: str) -> str:
    """TCVN3 has no uppercase toned letters: a heading typed in .VnTimeH reads "HộI NGHị".
    A word whose ASCII letters (two or more) are all uppercase is made uppercase, and so is
    a word with one uppercase ASCII letter ("Sở") standing next to such a word on its line."""
    if not _CAPS_WORD.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _CAPS_WORD.search(line):
            out.append(line)
            continue
        words = list(_WORD.finditer(line))
        kind = []                      # 2: fixed capitals, 1: one capital letter, 0: leave
        for m in words:
            w = m.group(0)
            caps = [c for c in w if c.isascii()]
            if len(w) >= 2 and w.isupper() and not w.isascii():
                kind.append(2)         # already capitals ("CÔNG": Ô has its own code)
            elif not any(c.islower() for c in w) or not caps or not all(c.isupper() for c in caps):
                kind.append(0)
            else:
                kind.append(2 if len(caps) >= 2 else 1)
        pieces, last = [], 0
        for i, m in enumerate(words):
            k = kind[i]
            if k == 1 and not ((i and kind[i - 1] == 2) or (i + 1 < len(words) and kind[i + 1] == 2)):
                k = 0
            if k and not m.group(0).isupper():
                pieces.append(line[last:m.start()])
                pieces.append(m.group(0).upper())
                last = m.end()
        pieces.append(line[last:])
        out.append("".join(pieces))
    return "\n".join(out)


# ------------------------------------------------------------------ Vietnamese syllables

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_OPEN = ("a ai ao au ay âu ây e eo ê êu i ia iu iêu o oa oai oao oay oe oeo oi ô ôi ơ ơi u ua ui uôi uơ uy "
         "uya uyu uây uê ư ưa ưi ưu ươi ươu y yêu").split()
_CLOSED = "a ă â e ê i iê o oa oă oe oo ô ơ u uâ uê uô uy uyê ư ươ y yê".split()
_SYLLABLE = re.compile(
    rf"^(?:{_INITIALS})?(?:(?:{'|'.join(sorted(_OPEN, key=len, reverse=True))})"
    rf"|(?:{'|'.join(sorted(_CLOSED, key=len, reverse=True))})(?:ch|nh|ng|c|m|n|p|t))$")


def is_syllable(word: str) -> bool:
    """Is `word` a well-formed Vietnamese syllable (at most one tone, a known rhyme)?"""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.match(bare))


_TOKEN_STRIP = " \t\r\n.,;:!?()[]{}\"'“”‘’«»…-–—/\\*"


def syllable_score(text: str) -> tuple[int, int]:
    """(valid, total) over the words that hold a non-ASCII character: ASCII words read the
    same in every encoding, so only these tell the encodings apart."""
    valid = total = 0
    for token in text.split():
        token = token.strip(_TOKEN_STRIP)
        if not token or token.isascii():
            continue
        total += 1
        if token.isalpha() and is_syllable(token):
            valid += 1
    return valid, total


MIN_VALID = 3          # fewer Vietnamese words than this: not enough to name an encoding
MIN_RATIO = 0.6        # share of the non-ASCII words that must be valid syllables
_SAMPLE_BYTES = 64 * 1024   # enough words to tell the encodings apart


def detect_bytes(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are not UTF-8, or None when no legacy encoding
    yields Vietnamese. The winner has the most valid syllables."""
    best: tuple[int, int, str, str] | None = None
    sample = raw[:_SAMPLE_BYTES]
    for order, encoding in enumerate(ENCODINGS):
        try:
            text = decode(sample, encoding)
            if len(raw) > len(sample):
                decode(raw, encoding) if encoding == CP1258 else None   # cp1258 gaps anywhere
        except UnicodeDecodeError:
            continue
        valid, total = syllable_score(text)
        if not total or valid < MIN_VALID or valid < MIN_RATIO * total:
            continue
        key = (valid - (total - valid), -order)
        if best is None or key > best[:2]:
            best = (key[0], key[1], text, encoding)
    if best is None:
        return None
    encoding = best[3]
    return (best[2] if len(raw) <= len(sample) else decode(raw, encoding)), encoding


# ------------------------------------------------------------------ text set in a legacy font

def font_encoding(font_name: str | None) -> str | None:
    """The encoding a font name implies: `.VnTime`, `.VnArialH` → TCVN3; `VNI-Times` → VNI."""
    if not font_name:
        return None
    name = font_name.strip()
    if name.startswith(".Vn") or name.lower().startswith("vn3-"):
        return TCVN3
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return VNI
    return None


def is_upper_font(font_name: str | None) -> bool:
    """The ABC fonts for capitals (.VnTimeH, .VnArialH) draw the lowercase codes as capitals."""
    name = (font_name or "").strip()
    return name.startswith(".Vn") and name.endswith("H")


def surface_bytes(text: str) -> bytes | None:
    """The font bytes behind text that Word read through Windows-1252, or None if `text`
    holds characters no single-byte font could have stored (it is real Unicode)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) <= 0xFF:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def from_font_text(text: str, encoding: str, upper: bool = False) -> str:
    """Word text set in a legacy font, as NFC Unicode; unchanged when it is already Unicode."""
    raw = surface_bytes(text)
    if raw is None:
        return text
    out = decode(raw, encoding)
    return out.upper() if upper else out


def repair_lines(text: str) -> tuple[str, str | None]:
    """Text from a converter that lost the fonts (antiword): each line that reads as
    TCVN3 or VNI (clearly more valid syllables than as it stands) is converted.
    Returns the text and the encoding used (the most frequent), or None."""
    used: dict[str, int] = {}
    out: list[str] = []
    for line in text.split("\n"):
        raw = surface_bytes(line) if not line.isascii() else None
        best = line
        if raw is not None:
            valid0, total0 = syllable_score(line)
            top = valid0
            for encoding in (TCVN3, VNI):
                cand = decode(raw, encoding)
                valid, total = syllable_score(cand)
                if valid > top and valid >= MIN_RATIO * total and valid - valid0 >= max(1, total0 // 3):
                    top, best, chosen = valid, cand, encoding
            if best is not line:
                used[chosen] = used.get(chosen, 0) + 1
        out.append(best)
    if not used:
        return text, None
    return "\n".join(out), max(used, key=used.get)
