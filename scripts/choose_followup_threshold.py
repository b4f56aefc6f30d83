"""Choose the threshold for follow-up turns, by the rule the single-question threshold follows.

    python scripts/choose_followup_threshold.py --index IDX [--out src/kcqa/ask/followup_threshold.json]

A follow-up is answered from a question the conversation rewrote, with slots carried from
earlier turns; the calibration learnt from questions asked whole. So its threshold is chosen
on its own: every train and dev conversation of tests/data/conversations.jsonl is asked in
order through the real engine at the single questions' threshold, with the follow-ups held to
a candidate threshold, and the threshold kept is the lowest at which the follow-ups' wrong
answers stay at or under 2 % of them, never below the single questions' own. The candidates
are tried in steps of 0.005 upward. Each is a whole run, not a cut of one run without a
threshold: a turn not answered changes what the next turn is resolved against (with the
models of 2026-12-03, a cut of one run said 4 wrong at 0.835, the real run 7). The models never
see these conversations, so the turns are held out from them; the test split is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kcqa.ask.answer import threshold_for  # noqa: E402
from kcqa.ask import turn as turn_module  # noqa: E402
from kcqa.ask.conversation import Conversation  # noqa: E402
from kcqa.config import Config  # noqa: E402
from kcqa.engine import Engine  # noqa: E402
from kcqa.evaluate import outcome  # noqa: E402

KINDS = ["figure", "entity", "passage", "comparison"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--conversations", default=str(ROOT / "tests/data/conversations.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/kcqa/ask/followup_threshold.json"))
    ap.add_argument("--max-wrong", type=float, default=0.02)
    ap.add_argument("--step", type=float, default=0.005)
    ap.add_argument("--start", type=float, default=None,
                    help="the first threshold tried (default: the single questions'); a run from a known "
                         "point saves the steps below it")
    args = ap.parse_args()
    engine = Engine(Config.from_args(index=args.index))
    conversations = [json.loads(line) for line in Path(args.conversations).read_text(encoding="utf-8").splitlines()]
    conversations = [c for c in conversations if c.get("split") in ("train", "dev")]
    floor = min(threshold_for(k) for k in KINDS[:3])

    def run(threshold: float) -> tuple[int, int, int]:
        """(right, wrong, turns) of the follow-ups with that threshold, conversations asked in order."""
        turn_module.follow_up_threshold = lambda: threshold
        right = wrong = turns = 0
        for conv in conversations:
            chat = Conversation()
            for n, turn in enumerate(conv["turns"]):
                ans = engine.ask(turn["question"], chat)
                if n == 0:
                    continue
                got, _ = outcome(turn, ans.to_json())
                turns += 1
                right += got == "correct"
                wrong += got == "wrong"
        return right, wrong, turns

    chosen = max(floor, args.start) if args.start is not None else floor
    while True:
        right, wrong, turns = run(chosen)
        print(f"{chosen:.4f}: {right} right, {wrong} wrong of {turns}", file=sys.stderr)
        if wrong <= args.max_wrong * turns or chosen >= 1.0:
            break
        chosen = round(chosen + args.step, 4)
    info = {"threshold": round(chosen, 4),
            "chosen_on": f"{turns} follow-up turns of the train + dev conversations",
            "right": right, "wrong": wrong,
            "rule": f"lowest threshold (steps of {args.step}) with wrong answers <= {args.max_wrong:.0%} of the "
                    "turns in a real run, never below the single questions' threshold"}
    Path(args.out).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
