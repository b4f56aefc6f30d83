#!/usr/bin/env bash
# One command for a fresh machine: virtual environment, install, index the bundled sample,
# and ask it a question. Safe to run again (it only does what is missing).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
# Tools for old Word files (.doc: antiword) and scanned PDFs (Tesseract with its Vietnamese
# model, poppler's pdftoppm): Debian/Ubuntu packages, installed when missing and possible.
# kcqa runs without them and names, per skipped file, what to install.
need=()
command -v antiword >/dev/null 2>&1 || need+=(antiword)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -x vie >/dev/null || need+=(tesseract-ocr-vie)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null 2>&1 && { [ -z "$SUDO" ] || sudo -n true 2>/dev/null; }; then
    { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1; } \
      || echo "Không cài được ${need[*]}: tệp .doc và PDF scan sẽ bị bỏ qua (cài bằng: sudo apt-get install ${need[*]})."
  else
    echo "Thiếu ${need[*]}: tệp .doc và PDF scan sẽ bị bỏ qua (cài bằng: sudo apt-get install ${need[*]})."
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# torch first, pinned: on these machines 2.13.0 is a CPU build on local disk, while a bare
# `torch` requirement would pull a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet --disable-pip-version-check "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
# kcqa's own bytecode, as pip writes it for a regular install: an editable install leaves it
# to the first run, and where PYTHONDONTWRITEBYTECODE is set (as on our CI machines) every
# launch compiled the package again (0.2 s of the app's first answer, measured)
.venv/bin/python -m compileall -q src/kcqa >/dev/null || true
.venv/bin/python -c "import kcqa, torch, chromadb, sentence_transformers, textual" \
  || { echo "Cài đặt thất bại (xem lỗi pip ở trên)." >&2; exit 1; }
.venv/bin/kcqa index knowledge
.venv/bin/kcqa ask -k 2 "Quảng Nam được bố trí bao nhiêu kinh phí?"
echo
echo "Xong. Mở giao diện hội thoại: .venv/bin/kcqa   ·   Chạy kiểm thử: .venv/bin/python -m pytest"
