"""Validate the question sets and print their counts.

Usage: python scripts/check_questions.py [FILE ...]   (default: tests/data/questions_*.jsonl)

Checks every line: required fields; kind; cite is an exact NFC substring of the doc's text,
on one line; answer.text inside cite for figure/entity; answer.value agrees with answer.text
when the text is a clean figure; split matches the document hash; diacritics matches the
question; ids unique across files. Exits 1 on any error.
"""

from __future__ import annotations

import collections
import json
import math
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_eval_corpus import DEFAULT_DATA, record_texts  # noqa: E402
from split_questions import DATA, assign_split  # noqa: E402
from vn_figures import has_diacritics, parse_figure  # noqa: E402

REQUIRED = ("id", "question", "kind", "cite", "doc", "split", "source", "diacritics")
KINDS = {"figure", "entity", "unanswerable", "passage"}
SOURCES = {"news", "resolutions", "xquad", "nq60"}


def check_item(item: dict, texts: dict[str, str]) -> list[str]:
    errors = [f"missing {field}" for field in REQUIRED if field not in item]
    if errors:
        return errors
    kind, cite, doc = item["kind"], item["cite"], item["doc"]
    if kind not in KINDS:
        errors.append(f"bad kind {kind!r}")
    if item["source"] not in SOURCES:
        errors.append(f"bad source {item['source']!r}")
    for field in ("question", "cite"):
        if unicodedata.normalize("NFC", item[field]) != item[field]:
            errors.append(f"{field} not NFC")
    text = texts.get(doc)
    if text is None:
        errors.append(f"unknown doc {doc!r}")
    elif cite not in text:
        errors.append("cite not in doc")
    if "\n" in cite or not cite.strip():
        errors.append("cite empty or spans a line break")
    if item["split"] != assign_split(doc):
        errors.append(f"split {item['split']} != {assign_split(doc)}")
    if item["diacritics"] != has_diacritics(item["question"]):
        errors.append("diacritics flag does not match the question")
    answer = item.get("answer")
    if kind in ("figure", "entity"):
        if not isinstance(answer, dict) or not answer.get("text"):
            errors.append("answer.text missing")
        elif answer["text"] not in cite:
            errors.append("answer.text not in cite")
    if kind == "unanswerable" and answer:
        errors.append("unanswerable with an answer")
    if kind == "passage" and isinstance(answer, dict) and answer.get("text") and answer["text"] not in cite:
        errors.append("passage key phrase not in cite")
    if item.get("near_miss") and item["near_miss"] not in cite:
        errors.append("near_miss not in cite")
    if kind == "figure" and isinstance(answer, dict) and "value" in answer:
        value = answer["value"]
        if not isinstance(value, (int, float)) or math.isnan(value):
            errors.append("value not a number")
        else:
            parsed = parse_figure(answer["text"])
            if parsed and not math.isclose(parsed["value"], value, rel_tol=1e-9):
                errors.append(f"value {value} != parsed {parsed['value']}")
            if parsed and parsed["qualifier"] and answer.get("qualifier") != parsed["qualifier"]:
                errors.append(f"qualifier {answer.get('qualifier')!r} != {parsed['qualifier']!r}")
    return errors


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(DATA.glob("questions_*.jsonl"))
    texts = record_texts(DEFAULT_DATA)
    seen: dict[str, str] = {}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    bad = 0
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: bad JSON ({exc})")
                bad += 1
                continue
            errors = check_item(item, texts)
            if item.get("id") in seen:
                errors.append(f"duplicate id (also {seen[item['id']]})")
            seen[item.get("id")] = where
            for error in errors:
                print(f"{where} [{item.get('id')}]: {error}")
            bad += bool(errors)
            counts["source"][item.get("source")] += 1
            counts["kind"][item.get("kind")] += 1
            counts["split"][item.get("split")] += 1
            counts["diacritics"][item.get("diacritics")] += 1
            counts["source×kind"][f"{item.get('source')}/{item.get('kind')}"] += 1
            counts["split×kind"][f"{item.get('split')}/{item.get('kind')}"] += 1
            counts["docs per split"][item.get("split")] += 0
            counts["_docs"][(item.get("split"), item.get("doc"))] += 1
    docs = collections.Counter(split for split, _ in counts.pop("_docs"))
    counts["docs per split"] = docs
    total = sum(counts["source"].values())
    print(f"{total} questions, {bad} with errors")
    for name, counter in counts.items():
        print(f"  {name}: " + ", ".join(f"{k}={v}" for k, v in sorted(counter.items(), key=str)))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
