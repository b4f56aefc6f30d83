"""Convert the 251 XQuAD-vi questions with numeric answers into kcqa evaluation items.

Usage: python scripts/convert_xquad.py [--data ../shared/data] [--out tests/data/questions_xquad.jsonl]

Rules (mechanical, no question is edited by hand):
- kind: `passage` for why/what-did questions answered by a clause; `entity` for a time
  (a year, a date, a decade, a century, "khi nào"/"năm nào" questions) or a name-like span;
  `figure` otherwise. A figure's value/unit/qualifier are given only when the span is a clean
  Vietnamese number (`30 triệu Bảng`, `hơn 70.000`, `56,2%`); ranges, scores and clock times
  keep only answer.text.
- cite: the sentence of the paragraph holding the answer span (sentences end at . ! ? before
  a capital letter or digit; short capitalised abbreviations such as `St.` do not end one).
- doc: `xquad_<slug of the article title>`, the stem make_eval_corpus.py writes.
- diacritics: a stable quarter of the questions (sha1 of the XQuAD id) is folded to plain
  ASCII letters, as a user typing without marks would write it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_eval_corpus import DEFAULT_DATA, XQUAD_NUMERIC, xquad_paragraph, xquad_stem  # noqa: E402
from vn_figures import fold, parse_figure  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions_xquad.jsonl"

_TIME_QUESTION = re.compile(
    r"\b(khi nào|năm nào|bao lâu|lúc nào|thời gian nào|khoảng thời gian nào|thập kỷ nào|thập niên nào"
    r"|thế kỉ nào|thế kỷ nào|những năm nào|bao giờ|ngày nào|tháng nào)\b", re.IGNORECASE)
_TIME_ANSWER = re.compile(
    r"^(?:(?:vào |từ |sau |trước |cuối |đầu |giữa |mùa \w+ )?(?:những |các )?"
    r"(?:năm|tháng|ngày|thập niên|thế kỷ|thế kỉ)\b|\d{1,2} tháng \d{1,2})"
    r"|\bBP\b|trước$", re.IGNORECASE)
_HOW_MANY = re.compile(r"\bbao nhiêu\b|\bmấy\b|\bbao xa\b|\bnhư thế nào\b", re.IGNORECASE)
_WHICH = re.compile(r"\bnào\b|\bgì\b|\bai\b", re.IGNORECASE)
_PASSAGE_QUESTION = re.compile(r"^(tại sao|vì sao|lý do|làm thế nào)|lý do nào|làm gì$|là gì$",
                               re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZÀ-ỸĐ0-9])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZĐ][a-z]{0,2}|v|vs|tr|TP)\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Start/end offsets of the sentences of one paragraph."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start:match.start()]):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return bounds


def cite_for(context: str, start: int, end: int) -> str:
    """The sentence(s) covering [start, end) — one sentence unless the span crosses a boundary."""
    spans = [(s, e) for s, e in sentence_bounds(context) if s < end and e > start]
    return context[spans[0][0]:spans[-1][1]].strip()


def classify(question: str, answer: str) -> str:
    """figure / entity / passage for one XQuAD question, from its wording and its answer span."""
    q = question.strip().rstrip("?").strip()
    figure = parse_figure(answer)
    time_question = _TIME_QUESTION.search(q)
    if time_question or _TIME_ANSWER.search(answer):
        return "entity"
    if _HOW_MANY.search(q):
        return "figure"
    clause = len(answer.split()) >= 5 and answer[:1].islower() and not figure
    if clause and (_PASSAGE_QUESTION.search(q) or len(answer.split()) >= 8):
        return "passage"
    if time_question or _WHICH.search(q):
        return "entity"
    if figure:
        return "figure"
    digits = sum(ch.isdigit() for ch in answer)
    letters = sum(ch.isalpha() for ch in answer)
    return "entity" if letters > digits else "figure"


def folded_quarter(qid: str) -> bool:
    return int(hashlib.sha1(qid.encode("utf-8")).hexdigest(), 16) % 4 == 0


def convert(data_dir: Path) -> list[dict]:
    articles = json.loads((data_dir / XQUAD_NUMERIC).read_text(encoding="utf-8"))["data"]
    items = []
    for article in articles:
        doc = xquad_stem(article["title"])
        for paragraph in article["paragraphs"]:
            context = xquad_paragraph(paragraph["context"])
            for qa in paragraph["qas"]:
                ans = qa["answers"][0]
                text = unicodedata.normalize("NFC", ans["text"])
                start = ans["answer_start"]
                if context[start:start + len(text)] != text:
                    raise ValueError(f"answer_start mismatch in {qa['id']}")
                question = unicodedata.normalize("NFC", qa["question"]).strip()
                kind = classify(question, text)
                diacritics = not folded_quarter(qa["id"])
                if not diacritics:
                    question = fold(question)
                answer: dict = {"text": text}
                if kind == "figure":
                    parsed = parse_figure(text)
                    if parsed:
                        answer = {"value": parsed["value"], "unit": parsed["unit"]}
                        if parsed["qualifier"]:
                            answer["qualifier"] = parsed["qualifier"]
                        answer["text"] = text
                items.append({
                    "id": f"xquad-{qa['id']}", "question": question, "kind": kind, "answer": answer,
                    "cite": cite_for(context, start, start + len(text)), "doc": doc,
                    "split": None, "source": "xquad", "diacritics": diacritics,
                })
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    items = convert(args.data)
    from split_questions import assign_split  # the same rule as for the hand-written sets
    with args.out.open("w", encoding="utf-8") as out:
        for item in items:
            item["split"] = assign_split(item["doc"])
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} questions → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
