"""What the user reads when something is off: one Vietnamese line per error, the notice for a
question cut to the length limit, and the one for a question that is not Vietnamese.

Shared by the CLI and the app. Library exceptions speak English (`unable to open database
file`, `[Errno 17] File exists`); they are turned into Vietnamese by kind here, and the
original text is kept for `KCQA_DEBUG=1`.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import unicodedata

from .text.vietnamese import fold

MAX_QUESTION = 2000

_DISK_FULL = ("database or disk is full", "no space left", "disk full", "failed to apply logs", "compaction")
_VIET_MARKS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]")


def debug() -> bool:
    return bool(os.environ.get("KCQA_DEBUG"))


def is_vietnamese_message(text: str) -> bool:
    """kcqa's own exceptions carry Vietnamese messages; a library's do not."""
    return bool(_VIET_MARKS.search(unicodedata.normalize("NFD", text)))


def one_line(exc: BaseException) -> str:
    """One Vietnamese line for any exception: kcqa's own message, or a translation by kind."""
    chain = [exc] + [e for e in (exc.__cause__, exc.__context__) if e is not None]
    for e in chain:
        text = str(e).lower()
        if getattr(e, "errno", None) == errno.ENOSPC or any(k in text for k in _DISK_FULL):
            return ("ổ đĩa đã đầy (hết dung lượng khi ghi chỉ mục); hãy giải phóng dung lượng rồi chạy lại "
                    "— chỉ mục trước đó không bị mất.")
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    if first and is_vietnamese_message(first):
        return first
    return _translate(exc)


def _translate(exc: BaseException) -> str:
    name = getattr(exc, "filename", None)
    where = f" {name}" if name else ""
    if isinstance(exc, PermissionError):
        return f"không có quyền truy cập{where}."
    if isinstance(exc, FileNotFoundError):
        return f"không tìm thấy tệp hoặc thư mục{where}."
    if isinstance(exc, FileExistsError):
        return f"đã có một tệp ở{where or ' đường dẫn này'}, không tạo được thư mục ở đó."
    if isinstance(exc, IsADirectoryError):
        return f"{name or 'đường dẫn'} là một thư mục, không phải tệp."
    if isinstance(exc, NotADirectoryError):
        return f"{name or 'đường dẫn'} không phải là thư mục."
    if isinstance(exc, UnicodeError):
        return "văn bản không đọc được theo bảng mã UTF-8."
    if isinstance(exc, MemoryError):
        return "không đủ bộ nhớ để làm việc này."
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return "cơ sở dữ liệu chỉ mục ở chế độ chỉ đọc (không có quyền ghi vào thư mục chỉ mục)."
        if "unable to open" in text:
            return "không mở được cơ sở dữ liệu chỉ mục (thư mục không tồn tại hoặc không có quyền truy cập)."
        if "locked" in text or "busy" in text:
            return "cơ sở dữ liệu chỉ mục đang bị một tiến trình khác khóa; hãy thử lại sau."
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return "tệp cơ sở dữ liệu chỉ mục bị hỏng; hãy lập chỉ mục lại (kcqa index)."
        return "lỗi cơ sở dữ liệu chỉ mục; chạy lại với KCQA_DEBUG=1 để xem chi tiết."
    if isinstance(exc, ConnectionError) or "connect" in type(exc).__name__.lower():
        return "mất kết nối tới máy chủ; hãy kiểm tra máy chủ rồi thử lại."
    if isinstance(exc, TimeoutError):
        return "quá thời gian chờ; hãy thử lại."
    if isinstance(exc, OSError):
        return f"lỗi hệ thống tệp{where}; chạy lại với KCQA_DEBUG=1 để xem chi tiết."
    return "lỗi không mong đợi; chạy lại với KCQA_DEBUG=1 để xem chi tiết."


# -- questions ---------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|.)")


def clean_question(text: str) -> tuple[str, str | None]:
    """Printable characters, single spaces, at most MAX_QUESTION characters; with the
    notice to show when the question had to be cut."""
    text = _ANSI.sub("", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    if len(text) <= MAX_QUESTION:
        return text, None
    return text[:MAX_QUESTION], cut_notice(len(text))


def cut_notice(length: int) -> str:
    return (f"Câu hỏi dài {length:,} ký tự".replace(",", ".") +
            f"; chỉ {MAX_QUESTION:,} ký tự đầu được dùng để trả lời.".replace(",", "."))


NOT_VIETNAMESE = ("kcqa đọc hồ sơ và câu hỏi tiếng Việt: hãy đặt câu hỏi bằng tiếng Việt "
                  "(có dấu hoặc không dấu cũng được).")

# A Vietnamese syllable written without marks: onset, one to three vowels, a final consonant.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
_WORD = re.compile(r"[^\W\d_]+")


def looks_vietnamese(question: str) -> bool:
    """Mostly Vietnamese syllables (with or without marks)? Acronyms (GDP, UBND), numbers and
    names do not count either way ("Honda City thì sao?" is Vietnamese): a name is a
    capitalised word after the first, or a run of them ("How" opens an English question, a
    run "Toyota Vios" names a car). Too short a question is given the benefit of the doubt."""
    found = _WORD.findall(question)
    cap = [w[:1].isupper() for w in found]
    named = [c and (i > 0 or (len(cap) > 1 and cap[1])) for i, c in enumerate(cap)]
    words = [w for w, n in zip(found, named) if not n and not (w.isupper() and len(w) > 1)]
    if len(words) < 3:
        return True
    if sum(1 for w in words if is_vietnamese_message(w)) * 2 >= len(words):
        return True
    valid = sum(1 for w in words if _SYLLABLE.match(fold(w)))
    return valid / len(words) >= 0.7


def annotate(ans, question: str, notes: list[str] | None = None, conversation=None, before: int = 0):
    """Add the notices about the question itself (cut, not Vietnamese) to an Answer's notes;
    when the engine added this turn to `conversation` (it had `before` turns), the kept copy
    of the answer gets them too."""
    notes = list(notes or [])
    if not looks_vietnamese(question):
        notes.append(NOT_VIETNAMESE)
        ans.restored_question = None     # an English sentence "restored" to Vietnamese helps nobody
    if not notes:
        return ans
    ans.notes = notes + [n for n in ans.notes if n not in notes]
    if conversation is not None and len(conversation.turns) > before:
        conversation.turns[-1].answer = ans.to_json()
    return ans
