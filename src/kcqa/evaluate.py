"""`kcqa eval`: score questions with expected answers, by the rules of shared/eval/README.md.

figure: value within 0.5 % (or the answer text contains the expected text when no value is
given), the qualifier matches when one is expected, and `cite` is inside a citation.
entity: the answer text contains the expected text (case-insensitive), `cite` in a citation.
unanswerable: the tool says the records do not contain it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .models import Answer
from .text.vietnamese import nfc


@dataclass
class EvalResult:
    total: int = 0
    correct: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    failures: list = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def judge(item: dict, out: dict) -> tuple[bool, str]:
    """Is the JSON that `kcqa ask --json` printed a correct answer to `item`?"""
    kind = item["kind"]
    if kind == "unanswerable":
        ok = out.get("status") == "not_found" and not out.get("answer")
        return ok, "" if ok else "đã đưa ra câu trả lời cho câu hỏi không có trong hồ sơ"
    ans = out.get("answer")
    if out.get("status") != "answered" or not ans:
        return False, "không trả lời"
    exp = item["answer"]
    cite = item.get("cite")
    citations = out.get("citations") or []
    if cite and not any(nfc(cite) in c.get("text", "") for c in citations):
        return False, f"trích dẫn không chứa «{cite}»"
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


def evaluate_file(engine, path: Path, json_lines: bool = False, echo: bool = True) -> EvalResult:
    res = EvalResult()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        answer: Answer = engine.ask(nfc(item["question"]))
        out = answer.to_json()
        ok, why = judge(item, out)
        res.total += 1
        res.correct += ok
        res.by_kind[item["kind"]][0] += ok
        res.by_kind[item["kind"]][1] += 1
        if not ok:
            got = out["answer"]["text"] if out.get("answer") else out.get("status")
            res.failures.append((item.get("id", ""), item["question"], why, got))
        if json_lines and echo:
            print(json.dumps({"id": item.get("id"), "ok": ok, "why": why, "output": out}, ensure_ascii=False))
    if echo:
        for fid, q, why, got in res.failures:
            print(f"SAI {fid}: {q}\n    {why}; trả lời: {got}")
        for kind, (ok, n) in sorted(res.by_kind.items()):
            print(f"{kind}: {ok}/{n}")
        print(f"Độ chính xác: {res.correct}/{res.total} = {res.accuracy:.2%}")
    return res
