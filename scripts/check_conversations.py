"""Validate the conversation question set (tests/data/conversations.jsonl).

Checks every conversation against the records it cites, so that a typo in a
hand-written cite or value is caught before the set is used for scoring:
required fields, unique ids, the document split rule, every cite an exact NFC
substring of its record on one line, answer.text inside the cite, figure
values agreeing with the figure written in answer.text. Prints counts of
conversations, turns, follow-ups per kind and pattern, per split, and the
share of turns typed without diacritics.

Usage: python scripts/check_conversations.py [conversations.jsonl] [--shared ../shared]
Exit status 1 when any check fails.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_questions import assign_split  # noqa: E402

KINDS = {"figure", "entity", "unanswerable", "passage"}
QUALIFIERS = {"hơn", "gần", "trên", "khoảng", "dưới", "ít nhất", "tối đa", "xấp xỉ"}
MULTIPLIERS = [("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("nghìn tỉ", 1e12), ("tỷ", 1e9), ("tỉ", 1e9),
               ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3)]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def split_of(stem: str) -> str:
    """The single-question sets' rule (split_questions.assign_split), so that a record is in
    one split whatever set asks about it. (Until 2026-12-03 this file hashed differently:
    13 records were test here and train/dev there, or the other way round.)"""
    return assign_split(stem)


def has_diacritics(text: str) -> bool:
    return any(ord(c) > 127 and unicodedata.category(c).startswith("L") for c in nfc(text))


def parse_number(token: str) -> float:
    """Vietnamese style: dot thousands, decimal comma ('1.402', '6,94', '6.360,1')."""
    if "," in token:
        whole, _, frac = token.rpartition(",")
        return float(whole.replace(".", "") + "." + frac)
    parts = token.split(".")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    return float(token)


def value_of_text(text: str) -> float | None:
    """The value written in answer.text, in base units, or None when there is no number."""
    match = NUMBER.search(text)
    if not match:
        return None
    value = parse_number(match.group())
    rest = text[match.end():].lstrip().lower()
    for word, factor in MULTIPLIERS:
        after = rest[len(word):len(word) + 1]
        if rest.startswith(word) and not after.isalpha():
            return value * factor
    return value


def find_records(shared: Path) -> dict[str, Path]:
    records = {}
    for pattern in ("data/vn_news_dantri_unc/*.txt", "data/vn_resolutions_2025/*.md",
                    "data/vn_provinces_2025/*.md", "seed/*.txt"):
        for path in shared.glob(pattern):
            records[path.stem] = path
    return records


def check(path: Path, shared: Path) -> int:
    records = find_records(shared)
    texts: dict[str, str] = {}
    errors: list[str] = []
    ids: set[str] = set()
    convs = []

    def text_of(stem: str) -> str | None:
        if stem not in texts:
            if stem not in records:
                return None
            texts[stem] = nfc(records[stem].read_text(encoding="utf-8"))
        return texts[stem]

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            conv = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        convs.append(conv)
        for field in ("id", "doc", "docs", "split", "turns"):
            if field not in conv:
                errors.append(f"{where}: missing field {field}")
        cid = conv.get("id", "?")
        where = f"{where} {cid}"
        if not str(cid).startswith("conv-"):
            errors.append(f"{where}: id must start with conv-")
        if cid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(cid)
        doc, docs = conv.get("doc"), conv.get("docs", [])
        if doc not in docs:
            errors.append(f"{where}: doc {doc} not in docs")
        if doc and conv.get("split") != split_of(doc):
            errors.append(f"{where}: split {conv.get('split')} but rule gives {split_of(doc)}")
        for stem in docs:
            if stem not in records:
                errors.append(f"{where}: record {stem} not found under {shared}")
        turns = conv.get("turns", [])
        if not 2 <= len(turns) <= 4:
            errors.append(f"{where}: {len(turns)} turns (want 2-4)")
        used_docs = set()
        for n, turn in enumerate(turns, 1):
            tw = f"{where} turn {n}"
            for field in ("question", "kind", "answer", "cite", "resolved", "diacritics"):
                if field not in turn:
                    errors.append(f"{tw}: missing field {field}")
            kind = turn.get("kind")
            if kind not in KINDS:
                errors.append(f"{tw}: unknown kind {kind}")
                continue
            question = turn.get("question", "")
            if question != nfc(question):
                errors.append(f"{tw}: question not NFC")
            if turn.get("diacritics") != has_diacritics(question):
                errors.append(f"{tw}: diacritics flag {turn.get('diacritics')} disagrees with the question")
            stem = turn.get("doc", doc)
            if stem not in docs:
                errors.append(f"{tw}: turn doc {stem} not in docs")
            if kind == "unanswerable":
                if turn.get("answer") is not None or turn.get("cite") is not None:
                    errors.append(f"{tw}: unanswerable turn must have answer and cite null")
                near = turn.get("near_miss")
                record = text_of(stem)
                if near and record is not None and (near not in record or "\n" in near):
                    errors.append(f"{tw}: near_miss not found on one line of {stem}: {near!r}")
                continue
            used_docs.add(stem)
            if not turn.get("resolved"):
                errors.append(f"{tw}: answered turn needs a resolved question")
            answer, cite = turn.get("answer") or {}, turn.get("cite")
            if not isinstance(cite, str) or not cite:
                errors.append(f"{tw}: cite missing")
                continue
            if cite != nfc(cite):
                errors.append(f"{tw}: cite not NFC")
            if "\n" in cite:
                errors.append(f"{tw}: cite spans lines")
            record = text_of(stem)
            if record is not None and cite not in record:
                errors.append(f"{tw}: cite not in {stem}: {cite!r}")
            text = answer.get("text")
            if not text:
                errors.append(f"{tw}: answer.text missing")
            elif text not in cite:
                errors.append(f"{tw}: answer.text {text!r} not inside cite {cite!r}")
            if kind == "figure":
                value = answer.get("value")
                if not isinstance(value, (int, float)):
                    errors.append(f"{tw}: figure needs a numeric answer.value")
                elif text:
                    written = value_of_text(text)
                    if written is None or abs(written - value) > 0.005 * abs(value) + 1e-9:
                        errors.append(f"{tw}: value {value} disagrees with text {text!r} ({written})")
                qualifier = answer.get("qualifier")
                if qualifier and (qualifier not in QUALIFIERS or qualifier not in text):
                    errors.append(f"{tw}: qualifier {qualifier!r} not a known qualifier in the text")
                if not answer.get("unit"):
                    errors.append(f"{tw}: figure needs a unit")
        if doc not in used_docs and any(t.get("kind") != "unanswerable" for t in turns):
            errors.append(f"{where}: no answered turn cites the main record {doc}")

    report(convs)
    for error in errors:
        print("ERROR", error, file=sys.stderr)
    print(f"\n{len(errors)} error(s)")
    return 1 if errors else 0


def report(convs: list[dict]) -> None:
    turns = [(c, i, t) for c in convs for i, t in enumerate(c.get("turns", []))]
    follow = [(c, t) for c, i, t in turns if i > 0]
    print(f"conversations: {len(convs)}  turns: {len(turns)}  follow-up turns: {len(follow)}")
    print(f"main records: {len({c.get('doc') for c in convs})}  records involved: "
          f"{len({d for c in convs for d in c.get('docs', [])})}")
    no_dia = sum(1 for _, _, t in turns if not t.get("diacritics"))
    print(f"turns without diacritics: {no_dia}/{len(turns)} ({100 * no_dia / max(len(turns), 1):.0f}%)")
    print("first turns per kind:", dict(Counter(t.get("kind") for _, i, t in turns if i == 0)))
    print("follow-ups per kind: ", dict(Counter(t.get("kind") for _, t in follow)))
    print("turns per pattern:   ", dict(Counter(t.get("pattern", "?") for _, _, t in turns)))
    by_split: dict[str, Counter] = defaultdict(Counter)
    for c in convs:
        s = by_split[c.get("split", "?")]
        s["conversations"] += 1
        s["turns"] += len(c.get("turns", []))
        s["follow-ups"] += max(len(c.get("turns", [])) - 1, 0)
        s["no diacritics"] += sum(1 for t in c.get("turns", []) if not t.get("diacritics"))
        s["records"] = 0
    for split in sorted(by_split):
        records = len({c.get("doc") for c in convs if c.get("split") == split})
        counts = dict(by_split[split], records=records)
        print(f"split {split:5}: {counts}")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=root / "tests/data/conversations.jsonl")
    parser.add_argument("--shared", type=Path, default=root.parent / "shared",
                        help="folder holding data/ and seed/ (default ../shared)")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"Không tìm thấy tệp {args.path}: chưa có bộ hội thoại.", file=sys.stderr)
        return 1
    if not args.shared.exists():
        print(f"Không tìm thấy thư mục {args.shared}: thiếu dữ liệu bản ghi.", file=sys.stderr)
        return 1
    return check(args.path, args.shared)


if __name__ == "__main__":
    sys.exit(main())
