"""Materialise the records kcqa must index to answer the question sets in tests/data/questions_*.jsonl.

Usage: python scripts/make_eval_corpus.py OUT_DIR [--data ../shared/data] [--symlink]

Copies the 199 news articles, the 12 resolutions and Resolution 60-NQ/TW, and writes each
XQuAD-vi article as one UTF-8 .txt record (title line, then one paragraph per line) named
by its doc stem (`xquad_<slug>`), so every question's `doc` is a file stem in OUT_DIR.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NEWS_DIR = "vn_news_dantri_unc"
RESOLUTIONS_DIR = "vn_resolutions_2025"
NQ60 = "vn_provinces_2025/60-NQ_TW.md"
XQUAD_FULL = "xquad_vi/xquad.vi.json"
XQUAD_NUMERIC = "xquad_vi/xquad.vi.numeric_answers.json"


def xquad_stem(title: str) -> str:
    """`Fresno,_California` → `xquad_fresno_california`."""
    folded = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    ascii_title = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
    return "xquad_" + re.sub(r"[^a-z0-9]+", "_", ascii_title).strip("_")


def xquad_title_line(title: str) -> str:
    return title.replace("_", " ")


def xquad_paragraph(context: str) -> str:
    """One paragraph per line: the two contexts holding a newline get a space instead (same length)."""
    return unicodedata.normalize("NFC", context).replace("\r", " ").replace("\n", " ")


def xquad_articles(data_dir: Path = DEFAULT_DATA) -> dict[str, str]:
    """Doc stem → record text for every article of the full XQuAD-vi file."""
    articles = json.loads((data_dir / XQUAD_FULL).read_text(encoding="utf-8"))["data"]
    records = {}
    for article in articles:
        lines = [xquad_title_line(article["title"])]
        lines += [xquad_paragraph(p["context"]) for p in article["paragraphs"]]
        records[xquad_stem(article["title"])] = "\n".join(lines) + "\n"
    return records


def record_paths(data_dir: Path = DEFAULT_DATA) -> dict[str, Path]:
    """Doc stem → source file for the news, resolution and 60-NQ/TW records."""
    paths = {p.stem: p for p in sorted((data_dir / NEWS_DIR).glob("news_*.txt"))}
    paths.update({p.stem: p for p in sorted((data_dir / RESOLUTIONS_DIR).glob("*_NQ-UBTVQH15_*.md"))})
    nq60 = data_dir / NQ60
    paths[nq60.stem] = nq60
    return paths


def record_texts(data_dir: Path = DEFAULT_DATA) -> dict[str, str]:
    """Doc stem → NFC text of every record in the evaluation corpus."""
    texts = {stem: unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
             for stem, path in record_paths(data_dir).items()}
    texts.update(xquad_articles(data_dir))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    parser.add_argument("--symlink", action="store_true", help="link the copied records instead of copying")
    args = parser.parse_args(argv)
    if not (args.data / NEWS_DIR).is_dir():
        print(f"no data folder at {args.data}", file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for stem, path in record_paths(args.data).items():
        target = args.out_dir / path.name
        if target.exists() or target.is_symlink():
            target.unlink()
        if args.symlink:
            target.symlink_to(path.resolve())
        else:
            shutil.copyfile(path, target)
        count += 1
    for stem, text in xquad_articles(args.data).items():
        (args.out_dir / f"{stem}.txt").write_text(text, encoding="utf-8")
        count += 1
    print(f"{count} records in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
