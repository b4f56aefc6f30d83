#!/usr/bin/env bash
# One command for a fresh machine: virtual environment, install, index the bundled sample,
# and ask it a question. Safe to run again (it only does what is missing).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# torch first, pinned: on these machines 2.13.0 is a CPU build on local disk, while a bare
# `torch` requirement would pull a multi-GB CUDA build.
.venv/bin/python -m pip install --quiet --disable-pip-version-check "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import kcqa, torch, chromadb, sentence_transformers, textual" \
  || { echo "Cài đặt thất bại (xem lỗi pip ở trên)." >&2; exit 1; }
.venv/bin/kcqa index knowledge
.venv/bin/kcqa ask -k 2 "Quảng Nam được bố trí bao nhiêu kinh phí?"
echo
echo "Xong. Mở giao diện hội thoại: .venv/bin/kcqa   ·   Chạy kiểm thử: .venv/bin/python -m pytest"
