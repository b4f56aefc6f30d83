"""Choose the threshold for follow-up turns, by the rule the single-question threshold follows.

    python scripts/choose_followup_threshold.py --index IDX [--out src/kcqa/ask/followup_threshold.json]

A follow-up is answered from a question the conversation rewrote, with slots carried from
earlier turns; the calibration learnt from questions asked whole. So its threshold is chosen
on its own: every train and dev conversation of tests/data/conversations.jsonl is asked in
order through the real engine (no threshold), and the threshold for the follow-up turns is the
lowest at which their wrong answers stay at or under 2 % of them (train_ranker.choose_thresholds),
never below the single questions' own. The models never see these conversations, so the turns
are held out from them; the test split is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from kcqa.ask.answer import threshold_for  # noqa: E402
from kcqa.ask.conversation import Conversation  # noqa: E402
from kcqa.config import Config  # noqa: E402
from kcqa.engine import Engine  # noqa: E402
from kcqa.evaluate import outcome  # noqa: E402
from train_ranker import choose_thresholds  # noqa: E402

KINDS = ["figure", "entity", "passage", "comparison"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--conversations", default=str(ROOT / "tests/data/conversations.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/kcqa/ask/followup_threshold.json"))
    ap.add_argument("--max-wrong", type=float, default=0.02)
    args = ap.parse_args()
    engine = Engine(Config.from_args(index=args.index))
    engine.cfg.min_confidence = 0.0
    results = []
    for line in Path(args.conversations).read_text(encoding="utf-8").splitlines():
        conv = json.loads(line)
        if conv.get("split") not in ("train", "dev"):
            continue
        chat = Conversation()
        for n, turn in enumerate(conv["turns"]):
            ans = engine.ask(turn["question"], chat)
            if n == 0:
                continue
            got, _ = outcome(turn, ans.to_json())
            results.append((turn, ans.status, ans.confidence, got == "correct", ans.kind))
    floor = min(threshold_for(k) for k in KINDS[:3])
    chosen = max(choose_thresholds(results, args.max_wrong, KINDS)["figure"], floor)
    kept = [r for r in results if r[1] == "answered" and r[2] is not None and r[2] >= chosen]
    info = {"threshold": round(chosen, 4),
            "chosen_on": f"{len(results)} follow-up turns of the train + dev conversations",
            "right": sum(1 for r in kept if r[3]), "wrong": sum(1 for r in kept if not r[3]),
            "rule": f"lowest threshold with wrong answers <= {args.max_wrong:.0%} of the turns, "
                    "never below the single questions' threshold"}
    Path(args.out).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
