"""Ask every train/dev commune-level resolution the questions a staff member would, and print
each answer with its confidence, for a person to read.

No labels: this finds confident answers that are plainly wrong (a commune named after a person
answering "Ai ký nghị quyết …?", the đề án's date for "có hiệu lực từ ngày nào?"), which a
question set written once does not ask. The questions are templates filled from each record
(its province, and three mergers read from its own clauses); the test records are skipped.

Usage: python scripts/probe_resolutions.py --index IDX [--shared ../shared] [--min-confidence 0]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from split_questions import assign_split  # noqa: E402

_MERGER = re.compile(r"quy mô dân số của (?:các )?(xã|phường|thị trấn)[^.]*? thành (xã|phường|đặc khu) mới có tên "
                     r"gọi là \*\*(?:xã|phường|đặc khu) ([^*]+)\*\*")
_PROVINCE = re.compile(r"CẤP XÃ CỦA (?:TỈNH|THÀNH PHỐ) ([^\n]+?) NĂM 2025", re.IGNORECASE)


def questions(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    m = _PROVINCE.search(flat)
    if not m:
        return []
    p = m.group(1).strip().title()
    out = [f"Sau khi sắp xếp, {p} có bao nhiêu đơn vị hành chính cấp xã?", f"{p} có bao nhiêu phường sau sắp xếp?",
           f"{p} mới có bao nhiêu xã?", f"Nghị quyết sắp xếp đơn vị hành chính cấp xã của {p} có hiệu lực từ ngày nào?",
           f"Ai ký nghị quyết sắp xếp đơn vị hành chính cấp xã của {p}?",
           f"Những xã nào của {p} không thực hiện sắp xếp?", f"Có bao nhiêu xã của {p} không thực hiện sắp xếp?"]
    merges = _MERGER.findall(flat)
    for old, new_kind, new in merges[:2] + merges[-1:]:
        out.append(f"{new_kind.capitalize()} {new} mới được thành lập từ những {old} nào?")
        out.append(f"Diện tích tự nhiên của {new_kind} {new} mới là bao nhiêu km2?")   # the records never say
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--min-confidence", type=float, default=None)
    args = ap.parse_args()
    from kcqa.config import Config
    from kcqa.engine import Engine
    engine = Engine(Config.from_args(index=args.index))
    if args.min_confidence is not None:
        engine.cfg.min_confidence = args.min_confidence
    folder = Path(args.shared) / "data" / "vn_resolutions_2025"
    for path in sorted(folder.glob("*.md")):
        if assign_split(path.stem) == "test":
            continue
        for q in questions(path.read_text(encoding="utf-8")):
            a = engine.ask(q)
            shown = (a.value.text if a.value else a.text) if a.status == "answered" else "—"
            print(f"{path.stem[:14]:14} {a.confidence or 0:.2f} {a.status[:5]:5} | {q[:80]:80} | {shown[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
