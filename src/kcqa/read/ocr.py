"""Reading scanned PDF pages (no text layer) with Tesseract and its Vietnamese model.

Tools, both Debian packages driven through their command lines:
* `pdftoppm` (poppler-utils) renders the page at 300 dpi in grey. It draws whatever the
  page holds (JPEG, JBIG2 and CCITT scans, rotated pages, vector stamps over the image),
  which extracting the embedded image with pypdf + Pillow would not (Pillow has no
  JBIG2 decoder), and it adds no Python dependency.
* `tesseract` (tesseract-ocr, with tesseract-ocr-vie) reads the image, `-l vie --psm 1`
  (orientation detected with the `osd` model that tesseract-ocr installs). The CLI
  is what the pytesseract binding runs too; calling it directly keeps one less package.

Where a tool or the Vietnamese model is missing, `missing()` says in Vietnamese what to
install, and the PDF loader refuses a scan-only record with that line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..text.vietnamese import nfc

DPI = 300
LANG = "vie"
PAGE_TIMEOUT_S = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"


def missing() -> str | None:
    """None when OCR can run, else a Vietnamese phrase naming what to install."""
    if shutil.which("pdftoppm") is None or shutil.which("tesseract") is None:
        return f"cần cài công cụ nhận dạng chữ (OCR): `{INSTALL}`"
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, timeout=30)
        langs = set(out.stdout.decode("utf-8", "replace").split())
    except (OSError, subprocess.TimeoutExpired):
        return f"không chạy được tesseract; cài lại bằng `{INSTALL}`"
    if LANG not in langs:
        return "thiếu mô hình tiếng Việt của Tesseract: `apt-get install tesseract-ocr-vie`"
    return None


class OcrFailed(Exception):
    """A page that the tools could not read; `reason` is Vietnamese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_pages(raw: bytes, pages: list[int]) -> dict[int, str]:
    """OCR text (NFC) of the given 0-based pages of the PDF `raw`."""
    out: dict[int, str] = {}
    # Tesseract's OpenMP threads fight each other on a small shared machine: one page took
    # 31 s with them and 9 s with one thread (2 cores, loaded). Pages run one after another.
    env = {"OMP_THREAD_LIMIT": "1", **os.environ, "LC_ALL": "C.UTF-8"}
    with tempfile.TemporaryDirectory(prefix="kcqa-ocr-") as tmp:
        folder = Path(tmp)
        pdf = folder / "record.pdf"
        pdf.write_bytes(raw)
        for p in pages:
            prefix = folder / f"page{p + 1}"
            try:
                r = subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(p + 1), "-l", str(p + 1),
                                    "-singlefile", str(pdf), str(prefix)],
                                   capture_output=True, timeout=PAGE_TIMEOUT_S, env=env)
            except subprocess.TimeoutExpired as exc:
                raise OcrFailed(f"dựng ảnh trang {p + 1} quá {PAGE_TIMEOUT_S} giây") from exc
            image = prefix.with_suffix(".png")
            _debug("pdftoppm", r.stderr)
            if r.returncode != 0 or not image.is_file():
                raise OcrFailed(f"không dựng được ảnh trang {p + 1} để nhận dạng chữ")
            try:
                # --psm 1: page segmentation with orientation detection, so a page fed into the
                # scanner sideways or upside down is read too (about 30% slower than --psm 3).
                r = subprocess.run(["tesseract", str(image), "stdout", "-l", LANG, "--psm", "1"],
                                   capture_output=True, timeout=PAGE_TIMEOUT_S, env=env)
            except subprocess.TimeoutExpired as exc:
                raise OcrFailed(f"nhận dạng chữ trang {p + 1} quá {PAGE_TIMEOUT_S} giây") from exc
            _debug("tesseract", r.stderr)
            if r.returncode != 0:
                raise OcrFailed(f"Tesseract không đọc được trang {p + 1}")
            out[p] = nfc(r.stdout.decode("utf-8", "replace"))
            image.unlink(missing_ok=True)
    return out


def _debug(tool: str, stderr: bytes) -> None:
    if os.environ.get("KCQA_DEBUG") and stderr.strip():
        import sys
        print(f"{tool}: {stderr.decode('utf-8', 'replace').strip()}", file=sys.stderr)
