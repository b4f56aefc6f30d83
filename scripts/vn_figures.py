"""Small helpers shared by the question-set scripts: read a Vietnamese figure, fold diacritics.

Kept apart from kcqa's own parser on purpose: the expected answers must not be shaped by
the code they judge.
"""

from __future__ import annotations

import re
import unicodedata

QUALIFIERS = ("khoảng", "gần", "hơn", "trên", "dưới", "chưa đến", "xấp xỉ", "tới", "có tới", "ít nhất", "tối đa", "gần như")

SCALES = {
    "nghìn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỷ": 1e12, "ngàn tỉ": 1e12,
    "triệu tỷ": 1e15,
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
}

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_FIGURE = re.compile(
    r"^(?P<qual>(?:%s)\s+)?(?P<num>%s)\s*(?P<scale>(?:%s)(?=\s|$))?\s*(?P<unit>.*)$"
    % ("|".join(sorted(QUALIFIERS, key=len, reverse=True)), _NUMBER,
       "|".join(sorted(SCALES, key=len, reverse=True))),
    re.IGNORECASE,
)
# A unit is one or a few words, no digits, no brackets; anything else is not a clean figure.
_UNIT = re.compile(r"^[^\d()\[\],;:×~\-–]{0,24}$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_number(token: str) -> float:
    """Vietnamese number: dot thousands, comma decimals (`1.402` → 1402, `6,94` → 6.94)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        token = token.replace(".", "")
    return float(token.replace(",", "."))


def parse_figure(text: str) -> dict | None:
    """`hơn 10 tỷ đồng` → {value: 1e10, unit: 'đồng', qualifier: 'hơn'}; None if not clean."""
    match = _FIGURE.match(nfc(text).strip())
    if not match:
        return None
    unit = match.group("unit").strip()
    if not _UNIT.match(re.sub(r"\b(?:k?m|cm|dm)[23]\b", "m", unit)):
        return None
    value = parse_number(match.group("num"))
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    qualifier = (match.group("qual") or "").strip().lower() or None
    if qualifier == "có tới":
        qualifier = "tới"
    if unit.startswith("%"):
        unit = "%"
    return {"value": float(f"{value:.12g}"),
            "unit": unit or None, "qualifier": qualifier}


def fold(text: str) -> str:
    """Remove Vietnamese diacritics as a user typing without them would (đ → d)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def has_diacritics(text: str) -> bool:
    return fold(text) != text
