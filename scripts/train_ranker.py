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
from kcqa.ask.rank import (CALIBRATION_MODEL, CALIBRATION_NAMES, ENTITY_MODEL, ENTITY_NAMES, MODEL_FILE,  # noqa: E402
                           Ranker, answer_features, set_ranker)
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
    """Rows for both models: every figure candidate (labelled by value and cite), and every
    entity answer (labelled by the scoring rules: right, or wrong/unanswerable)."""
    fig_rows, ent_rows, per_question = [], [], []
    for i, item in enumerate(items):
        trace: list = []
        ans = answer_question(engine, nfc(item["question"]), trace=trace)
        if trace and ans.frame is not None:
            per_question.append((item, ans.frame, trace))
        for c in trace:
            fig_rows.append(([c.features.get(n, 0.0) for n in NAMES], label(item, c), item["id"]))
        if ans.status == "answered" and ans.kind == "entity" and ans.features:
            ok, _ = judge(item, ans.to_json())
            ent_rows.append(([ans.features.get(n, 0.0) for n in ENTITY_NAMES], int(ok), item["id"]))
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(items)} câu hỏi", file=sys.stderr)
    return fig_rows, ent_rows, per_question


def calibration_rows(ranker: Ranker, per_question) -> list:
    """For each train question: the answer-level features of its best candidate under the
    fitted ranker, labelled by whether that candidate is the expected figure."""
    rows = []
    for item, frame, cands in per_question:
        for c in cands:
            c.score = ranker.probability(c.features)
        ranked = sorted(cands, key=lambda c: -c.score)
        x = answer_features(ranked, frame)
        rows.append(([x[n] for n in CALIBRATION_NAMES], label(item, ranked[0]), item["id"]))
    return rows


def fit(rows, c_reg: float, names=NAMES):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    X = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows])
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c_reg, max_iter=2000, class_weight=None)
    model.fit((X - mean) / scale, y)
    return Ranker(list(names), mean.tolist(), scale.tolist(), model.coef_[0].tolist(), float(model.intercept_[0]))


def outcomes(engine: Engine, items: list[dict]):
    """(confidence, correct) for each question answered with a figure; not-found otherwise."""
    out = []
    for item in items:
        ans = engine.ask(nfc(item["question"])).to_json()
        conf = (ans.get("answer") or {}).get("confidence")
        ok, _ = judge(item, ans)
        out.append((item, ans["status"], conf, ok, (ans.get("answer") or {}).get("kind") or "figure"))
    return out


def choose_threshold(results, max_wrong: float, kind: str) -> float:
    """The lowest threshold at which this kind's wrong answers are at most `max_wrong` of
    the questions that could draw such an answer (its own and the unanswerable ones)."""
    mine = [r for r in results if r[4] == kind]
    total = len([r for r in results if r[0]["kind"] in (kind, "unanswerable")]) or 1
    scored = sorted({r[2] for r in mine if r[1] == "answered" and r[2] is not None})
    for t in [0.0] + scored:
        wrong = sum(1 for item, status, conf, ok, _ in mine
                    if status == "answered" and not ok and (conf is None or conf >= t))
        if wrong <= max_wrong * total:
            return t
    return 1.01      # no threshold keeps this kind's wrong answers low enough: never answer it


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", default=str(ROOT / "src/kcqa/ask"), help="folder for ranker.json and entity_ranker.json")
    ap.add_argument("--max-wrong", type=float, default=0.02)
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()

    engine = Engine(Config.from_args(index=args.index))
    items = load(args.files)
    train = [i for i in items if i["split"] == "train"]
    dev = [i for i in items if i["split"] == "dev"]
    print(f"train {len(train)} · dev {len(dev)} câu hỏi", file=sys.stderr)
    fig_rows, ent_rows, per_question = collect(engine, train)
    pos = sum(r[1] for r in fig_rows)
    print(f"{len(fig_rows)} ứng viên số liệu ({pos} đúng), {len(ent_rows)} câu trả lời tên "
          f"({sum(r[1] for r in ent_rows)} đúng)", file=sys.stderr)
    ranker = fit(fig_rows, args.C)
    cal_rows = calibration_rows(ranker, per_question)
    calibration = fit(cal_rows, args.C, CALIBRATION_NAMES)
    entity = fit(ent_rows, args.C, ENTITY_NAMES)
    set_ranker(ranker)
    set_ranker(calibration, CALIBRATION_MODEL)
    set_ranker(entity, ENTITY_MODEL)
    ranker.threshold = calibration.threshold = entity.threshold = 0.0
    res = outcomes(engine, dev)
    calibration.threshold = choose_threshold(res, args.max_wrong, "figure")
    entity.threshold = choose_threshold(res, args.max_wrong, "entity")
    models = {"figure": calibration, "entity": entity}
    for kind, model in models.items():
        kept = [r for r in res if r[4] == kind and r[1] == "answered" and (r[2] is None or r[2] >= model.threshold)]
        rows = cal_rows if kind == "figure" else ent_rows
        model.info = {
            "trained_on": f"{len(train)} train questions, {len(rows)} rows ({sum(r[1] for r in rows)} right)",
            "threshold_from": f"{len(dev)} dev questions: wrong ≤ {args.max_wrong:.0%} of the questions of "
                              f"this kind and the unanswerable ones",
            "dev_answered": len(kept), "dev_correct": sum(1 for r in kept if r[3]),
            "dev_wrong": sum(1 for r in kept if not r[3]),
            "C": args.C, "library": "scikit-learn LogisticRegression",
        }
    out = Path(args.out)
    ranker.info = {"trained_on": f"{len(train)} train questions, {len(fig_rows)} figure candidates "
                                 f"({pos} right)", "C": args.C, "library": "scikit-learn LogisticRegression",
                   "note": "ranks candidates; the answer's confidence and threshold are in figure_calibration.json"}
    ranker.save(out / MODEL_FILE)
    calibration.save(out / CALIBRATION_MODEL)
    entity.save(out / ENTITY_MODEL)
    models["ranker"] = ranker
    for kind, model in models.items():
        print(kind, json.dumps(model.info, ensure_ascii=False))
        for n, w in sorted(zip(model.names, model.coef), key=lambda x: -abs(x[1])):
            print(f"  {w:+.3f}  {n}")
        print(f"  ngưỡng {model.threshold:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
