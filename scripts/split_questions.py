"""Assign every question its split by document, and rewrite the question files in place.

Usage: python scripts/split_questions.py [FILE ...]   (default: tests/data/questions_*.jsonl)

split = sha1(doc stem) mod 10: 0–5 → train, 6–7 → dev, 8–9 → test. All questions about one
record land in the same split, so a model fitted on train never sees a test record.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FIELD_ORDER = ("id", "question", "kind", "answer", "cite", "doc", "split", "source", "diacritics")


def assign_split(doc: str) -> str:
    bucket = int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def rewrite(path: Path) -> int:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [json.loads(line) for line in lines]
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            item["split"] = assign_split(item["doc"])
            ordered = {key: item[key] for key in FIELD_ORDER if key in item}
            ordered.update({k: v for k, v in item.items() if k not in ordered})
            out.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    return len(items)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(DATA.glob("questions_*.jsonl"))
    for path in paths:
        print(f"{path}: {rewrite(path)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
