"""One writer at a time: Chroma's PersistentClient is not process-safe, so every run that
writes the index holds an exclusive file lock inside the index folder."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


class IndexBusy(Exception):
    def __init__(self, index_dir: Path):
        super().__init__(f"Chỉ mục {index_dir} đang được một tiến trình khác cập nhật; hãy đợi tiến trình đó xong rồi thử lại.")


def writer_lock(index_dir: Path, wait: float = 0.0) -> FileLock:
    """Acquire the index lock or raise IndexBusy (wait up to `wait` seconds)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".write.lock"))
    try:
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise IndexBusy(index_dir) from exc
    return lock


def is_locked(index_dir: Path) -> bool:
    path = index_dir / ".write.lock"
    if not path.exists():
        return False
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False
