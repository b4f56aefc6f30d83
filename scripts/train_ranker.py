"""Retrain the answer ranker: one command, from labelled questions over an index.

    python scripts/train_ranker.py --index IDX tests/data/questions_*.jsonl [--out src/kcqa/ask/ranker.json]

1. Every figure candidate kcqa scores for a `train` question is labelled: right when its
   value is the expected one (within 0.5 %) and the expected `cite` is inside its sentence.
2. A logistic regression (scikit-learn) is fitted on standardised features of the train split.
3. The abstention threshold is chosen on the `dev` split: the lowest probability at which
   wrong answers stay at or under --max-wrong (2 %) of all dev questions asked.
4. The model (names, standardisation, weights, threshold, and the counts behind them) is
   written as JSON; `kcqa eval --split test` reports the test split once, afterwards.

Questions without a `split` (the older hand-tuned sets) are train data. The seed questions
are never training data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kcqa.ask.answer import answer_question  # noqa: E402
from kcqa.ask.features import NAMES  # noqa: E402
from kcqa.ask.rank import Ranker, set_ranker  # noqa: E402
from kcqa.config import Config  # noqa: E402
from kcqa.engine import Engine  # noqa: E402
from kcqa.evaluate import judge  # noqa: E402
from kcqa.text.vietnamese import nfc  # noqa: E402


def load(paths: list[str]) -> list[dict]:
    items = []
    for p in paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if "turns" in item:
                    continue
                item.setdefault("split", "train")
                items.append(item)
    return items


def label(item: dict, cand) -> int:
    exp = item.get("answer") or {}
    f = cand.figure
    if item["kind"] != "figure":
        return 0
    cite = nfc(item.get("cite") or "")
    if cite and cite not in f.sentence:
        return 0
    if exp.get("value") is not None:
        return int(abs(f.value - exp["value"]) <= abs(exp["value"]) * 0.005)
    return int(bool(exp.get("text")) and nfc(exp["text"]) in f.text)


def collect(engine: Engine, items: list[dict]):
    rows = []
    for i, item in enumerate(items):
        trace: list = []
        answer_question(engine, nfc(item["question"]), trace=trace)
        for c in trace:
            rows.append(([c.features.get(n, 0.0) for n in NAMES], label(item, c), item["id"]))
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(items)} câu hỏi", file=sys.stderr)
    return rows


def fit(rows, c_reg: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    X = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows])
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c_reg, max_iter=2000, class_weight=None)
    model.fit((X - mean) / scale, y)
    return Ranker(list(NAMES), mean.tolist(), scale.tolist(), model.coef_[0].tolist(), float(model.intercept_[0]))


def outcomes(engine: Engine, items: list[dict]):
    """(confidence, correct) for each question answered with a figure; not-found otherwise."""
    out = []
    for item in items:
        ans = engine.ask(nfc(item["question"])).to_json()
        conf = (ans.get("answer") or {}).get("confidence")
        ok, _ = judge(item, ans)
        out.append((item, ans["status"], conf, ok))
    return out


def choose_threshold(results, max_wrong: float) -> float:
    """The lowest threshold at which wrong figure answers are at most `max_wrong` of all questions."""
    total = len(results)
    scored = sorted({r[2] for r in results if r[1] == "answered" and r[2] is not None})
    for t in [0.0] + scored:
        wrong = sum(1 for item, status, conf, ok in results
                    if status == "answered" and not ok and (conf is None or conf >= t))
        if wrong <= max_wrong * total:
            return t
    return 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", default=str(ROOT / "src/kcqa/ask/ranker.json"))
    ap.add_argument("--max-wrong", type=float, default=0.02)
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()

    engine = Engine(Config.from_args(index=args.index))
    items = load(args.files)
    train = [i for i in items if i["split"] == "train"]
    dev = [i for i in items if i["split"] == "dev"]
    print(f"train {len(train)} · dev {len(dev)} câu hỏi", file=sys.stderr)
    rows = collect(engine, train)
    pos = sum(r[1] for r in rows)
    print(f"{len(rows)} ứng viên, {pos} đúng", file=sys.stderr)
    ranker = fit(rows, args.C)
    set_ranker(ranker)
    ranker.threshold = 0.0
    res = outcomes(engine, [i for i in dev])
    ranker.threshold = choose_threshold(res, args.max_wrong)
    ranker.thresholds = {"figure": ranker.threshold}
    answered = [r for r in res if r[1] == "answered" and (r[2] is None or r[2] >= ranker.threshold)]
    ranker.info = {
        "trained_on": f"{len(train)} train questions, {len(rows)} candidates ({pos} right)",
        "threshold_from": f"{len(dev)} dev questions: wrong ≤ {args.max_wrong:.0%} of questions",
        "dev_answered": len(answered), "dev_correct": sum(1 for r in answered if r[3]),
        "dev_wrong": sum(1 for r in answered if not r[3]),
        "C": args.C, "library": "scikit-learn LogisticRegression",
    }
    ranker.save(Path(args.out))
    print(json.dumps(ranker.info, ensure_ascii=False, indent=1))
    for n, w in sorted(zip(NAMES, ranker.coef), key=lambda x: -abs(x[1])):
        print(f"  {w:+.3f}  {n}")
    print(f"ngưỡng: {ranker.threshold:.3f} → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
