"""Every error path of the loaders gives one Vietnamese line naming the file, with no
library English and no raw Errno (KCQA_DEBUG keeps the detail for developers)."""

from __future__ import annotations

import errno
import io
import logging
import re
import zipfile
from pathlib import Path

import pytest

from kcqa.read import UnreadableFile, os_reason, read_document

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Words that only library or system English would bring (kcqa's lines are Vietnamese).
ENGLISH = re.compile(r"\b(error|errno|invalid|not|file|found|header|marker|failed|exception|denied|"
                     r"traceback|unable|cannot|decode|codec|byte 0x|warning|stream|object)\b", re.IGNORECASE)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD = {
    "rong.txt": b"",
    "nhi-phan.txt": bytes(range(256)) * 20,
    "utf8-hong.txt": "Quảng Nam được bố trí 6,94 tỷ đồng".encode("utf-8")[:-3] + b"\xe1\xba",
    "khong-ro-bang-ma.txt": "Le café était très élégant à côté".encode("latin-1"),
    "anh.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    "gia.pdf": "Báo cáo hội nghị, không phải PDF".encode("utf-8"),
    "cat-ngang.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n",
    "rac.pdf": b"%PDF-1.4\n" + b"\x00garbage stream endobj" * 50,
    "hong.docx": b"PK\x03\x04 not really a zip",
    "zip-khong-phai-word.docx": _zip({"readme.txt": b"hello"}),
    "hong.doc": OLE + b"\x00garbage" * 200,
    "khong-phai-word.doc": b"Some bytes that are no Word file at all" * 10,
    "rtf.doc": rb"{\rtf1\ansi Hoi nghi}",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_record_gives_one_vietnamese_line(tmp_path, name, caplog):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(UnreadableFile) as exc:
            read_document(path)
    line = str(exc.value)
    assert "\n" not in line and name in line
    reason = exc.value.reason
    assert reason and not ENGLISH.search(reason), reason
    assert any(ch in reason for ch in "ăâđêôơưàáạảãệếềểễộốồổỗợớờởỡụủứừửữựỳýỵỷỹ"), reason   # Vietnamese
    assert not [r.getMessage() for r in caplog.records if r.name.startswith(("pypdf", "docx"))]


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOENT, errno.EIO, errno.ESTALE, errno.EROFS, 0])
def test_os_errors_are_said_in_vietnamese(code):
    reason = os_reason(OSError(code, "Some English strerror"))
    assert "English" not in reason and not ENGLISH.search(reason), reason


def test_unreadable_file_on_disk(tmp_path):
    # A path that vanishes between listing and reading (as on a shared folder).
    with pytest.raises(UnreadableFile) as exc:
        read_document(tmp_path / "da-xoa.txt")
    assert "không còn" in exc.value.reason and not ENGLISH.search(exc.value.reason)
