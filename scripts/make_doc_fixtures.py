#!/usr/bin/env python3
"""Write the Word 97–2003 (.doc) test records: tests/data/doc/*.doc.

Nothing writes the binary .doc format but Word and LibreOffice; CI installs only the
small reader (antiword), so the records are made once here, with LibreOffice headless
(`apt-get install libreoffice-writer-nogui`), from .docx files built by
tests/record_builders.py, and committed. tests/test_read_doc.py rebuilds them the same
way when `soffice` is on the machine and uses the committed copies otherwise.

Run: python scripts/make_doc_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "src")]

from record_builders import DOC_FIXTURES, make_doc_records  # noqa: E402


def main() -> None:
    out = REPO / "tests" / "data" / "doc"
    out.mkdir(parents=True, exist_ok=True)
    for path in make_doc_records(out):
        print(f"{path.relative_to(REPO)}: {path.stat().st_size} bytes")
    assert sorted(p.name for p in out.glob("*.doc")) == sorted(DOC_FIXTURES)


if __name__ == "__main__":
    main()
