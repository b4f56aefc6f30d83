"""`kcqa eval`: score questions with expected answers, by the rules of shared/eval/README.md.

figure: value within 0.5 % (or the answer text contains the expected text when no value is
given), the qualifier matches when one is expected, and `cite` is inside a citation.
entity: the answer text contains the expected text (case-insensitive), `cite` in a citation.
passage: answered, and `cite` inside one of the citations.
unanswerable: the tool says the records do not contain it.

Each scored turn is one of three outcomes: correct; wrong (status `answered` but not
correct, including any answer to an unanswerable question: worse than not answering);
not_found. A conversation (an item with `turns`) is asked in order through one
Conversation, so each follow-up has the earlier turns as context; first turns and
follow-ups are reported apart, as are questions with and without diacritics, each kind,
each `split` and each follow-up `pattern` when the items name one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .text.vietnamese import has_diacritics, nfc

OUTCOMES = ("correct", "wrong", "not_found")


@dataclass
class Scored:
    id: str
    question: str
    kind: str
    outcome: str                 # correct | wrong | not_found
    why: str
    got: str | None
    resolved_question: str | None
    split: str | None
    diacritics: bool
    turn: int                    # 0 for a single question or a first turn
    pattern: str | None = None
    confidence: float | None = None  # the stated answer's calibrated probability (None when not answered)

    @property
    def ok(self) -> bool:
        return self.outcome == "correct"


@dataclass
class EvalResult:
    items: list[Scored] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def correct(self) -> int:
        return sum(s.ok for s in self.items)

    @property
    def wrong(self) -> int:
        return sum(s.outcome == "wrong" for s in self.items)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def failures(self) -> list[Scored]:
        return [s for s in self.items if not s.ok]

    @property
    def by_kind(self) -> dict[str, list[int]]:
        """{kind: [correct, total]} (kept for callers of the old result)."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for s in self.items:
            out[s.kind][0] += s.ok
            out[s.kind][1] += 1
        return out

    def groups(self) -> dict[str, dict[str, dict[str, int]]]:
        """{grouping: {group: {correct, wrong, not_found, total}}}."""
        keys = {
            "kind": lambda s: s.kind,
            "turn": lambda s: "first" if s.turn == 0 else "follow_up",
            "diacritics": lambda s: "with" if s.diacritics else "without",
            "split": lambda s: s.split or "none",
            "pattern": lambda s: s.pattern,
        }
        out: dict[str, dict[str, dict[str, int]]] = {}
        for name, key in keys.items():
            table: dict[str, dict[str, int]] = {}
            for s in self.items:
                g = key(s)
                if g is None:
                    continue
                row = table.setdefault(g, dict.fromkeys(OUTCOMES + ("total",), 0))
                row[s.outcome] += 1
                row["total"] += 1
            if table:
                out[name] = dict(sorted(table.items()))
        return out

    def summary(self) -> dict:
        return {"total": self.total, "correct": self.correct, "wrong": self.wrong,
                "not_found": self.total - self.correct - self.wrong,
                "accuracy": round(self.accuracy, 4), "groups": self.groups()}


def judge(item: dict, out: dict) -> tuple[bool, str]:
    """Is the JSON that `kcqa ask --json` printed a correct answer to `item`?"""
    kind = item["kind"]
    if kind == "unanswerable":
        ok = out.get("status") == "not_found" and not out.get("answer")
        return ok, "" if ok else "đã đưa ra câu trả lời cho câu hỏi không có trong hồ sơ"
    ans = out.get("answer")
    if out.get("status") != "answered" or not ans:
        return False, "không trả lời"
    exp = item.get("answer") or {}
    cite = item.get("cite")
    citations = out.get("citations") or []
    if cite and not any(nfc(cite) in c.get("text", "") for c in citations):
        return False, f"trích dẫn không chứa «{cite}»"
    if kind == "passage":
        return True, ""
    if kind == "figure":
        if exp.get("value") is not None:
            v = ans.get("value")
            if v is None or abs(v - exp["value"]) > abs(exp["value"]) * 0.005:
                return False, f"giá trị {v} ≠ {exp['value']}"
        elif nfc(exp["text"]) not in (ans.get("text") or ""):
            return False, f"«{ans.get('text')}» không chứa «{exp['text']}»"
        if exp.get("qualifier") and (ans.get("qualifier") or "") != exp["qualifier"]:
            return False, f"từ hạn định «{ans.get('qualifier')}» ≠ «{exp['qualifier']}»"
        return True, ""
    text = (ans.get("text") or "") + " " + (out.get("message") or "")
    if nfc(exp["text"]).lower() not in text.lower():
        return False, f"«{ans.get('text')}» không chứa «{exp['text']}»"
    return True, ""


def outcome(item: dict, out: dict) -> tuple[str, str]:
    ok, why = judge(item, out)
    if ok:
        return "correct", ""
    return ("wrong" if out.get("status") == "answered" else "not_found"), why


def load_items(path: Path, split: str | None = None) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}, dòng {n}: không phải JSON hợp lệ") from exc
        if not isinstance(item, dict) or not ("question" in item or "turns" in item):
            raise ValueError(f"{path}, dòng {n}: cần trường \"question\" hoặc \"turns\"")
        if split and item.get("split") != split:
            continue
        items.append(item)
    return items


def evaluate_items(engine, items: list[dict], on_turn=None) -> EvalResult:
    from .ask.conversation import Conversation
    res = EvalResult()
    for item in items:
        turns = item["turns"] if "turns" in item else [item]
        conv = Conversation(id=str(item.get("id", ""))) if "turns" in item else None
        for i, turn in enumerate(turns):
            question = nfc(turn["question"])
            answer = engine.ask(question, conv) if conv is not None else engine.ask(question)
            out = answer.to_json()
            result, why = outcome(turn, out)
            got = out["answer"]["text"] if out.get("answer") else out.get("status")
            tid = f"{item.get('id', '')}#{i + 1}" if conv is not None else str(item.get("id", ""))
            scored = Scored(tid, turn["question"], turn["kind"], result, why, got, out.get("resolved_question"),
                            item.get("split"), bool(turn.get("diacritics", has_diacritics(question))), i,
                            turn.get("pattern") if conv is not None and i > 0 else None,
                            (out.get("answer") or {}).get("confidence"))
            res.items.append(scored)
            if on_turn:
                on_turn(scored, out)
    return res


GROUP_TITLES = {"kind": "Theo loại câu hỏi", "turn": "Câu đầu / câu hỏi nối tiếp",
                "diacritics": "Có dấu / không dấu", "split": "Theo phần (split)",
                "pattern": "Câu nối tiếp theo dạng"}
GROUP_NAMES = {"first": "câu đầu", "follow_up": "câu nối tiếp", "with": "có dấu", "without": "không dấu",
               "none": "(không ghi)"}


def evaluate_file(engine, path: Path, as_json: bool = False, split: str | None = None, echo: bool = True,
                  json_lines: bool | None = None) -> EvalResult:
    """Score a question file; print the failures and the tables (or one JSON document)."""
    if json_lines is not None:
        as_json = json_lines
    items = load_items(path, split)
    res = evaluate_items(engine, items)
    if not echo:
        return res
    if as_json:
        print(json.dumps({"file": str(path), "split": split, "summary": res.summary(),
                          "items": [vars(s) for s in res.items]}, ensure_ascii=False, indent=1))
        return res
    for s in res.failures:
        head = "SAI" if s.outcome == "wrong" else "KHÔNG TÌM THẤY"
        resolved = f"\n    hiểu là: {s.resolved_question}" if s.resolved_question else ""
        got = s.got if s.outcome == "wrong" else "(không)"
        print(f"{head} {s.id}: {s.question}{resolved}\n    {s.why}; trả lời: {got}")
    for name, table in res.groups().items():
        if name == "split" and set(table) == {"none"}:
            continue
        print(f"\n{GROUP_TITLES[name]}:")
        for g, row in table.items():
            label = GROUP_NAMES.get(g, g) if name in ("turn", "diacritics", "split") else g
            print(f"  {label:<24} đúng {row['correct']}/{row['total']} · sai {row['wrong']} · "
                  f"không tìm thấy {row['not_found']}")
    s = res.summary()
    print(f"\nĐộ chính xác: {res.correct}/{res.total} = {res.accuracy:.2%} · sai {s['wrong']} · "
          f"không tìm thấy {s['not_found']}" + (f" · phần {split}" if split else ""))
    return res
