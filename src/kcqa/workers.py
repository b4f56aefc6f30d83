"""Chroma in a forked process, so the chat app answers sooner after launch.

Launching the app meant four loads one after the other, all holding the GIL: Textual
and the first paint (0.6 s), importing and opening Chroma (0.8-1.0 s), the tokenizer
and the ONNX session (0.4 s), the answering modules (0.2 s): first answer 2.7 s after
launch (tmux, median of 6). Threads cannot overlap them (measured: no gain); processes
can. `kcqa` forks a worker before it imports Textual; the child opens Chroma and then
serves nearest-neighbour queries over a pipe (a vector out, ≤ 50 ids and scores back),
while the app paints and loads the embedder: first answer 1.9 s. A second worker for the
embedder was tried and gained nothing on two cores (three busy processes; the first
paint came later), so the embedder stays in the app's process.

Best effort by construction: no fork (Windows), a worker that failed to start, or one
that died later, and the engine does the work in its own process as it always did (so
an error is raised, and worded, exactly as without workers).
"""

from __future__ import annotations

# numpy is imported where it is used: before the fork it would only delay the first paint
import os
import sys
import threading
from multiprocessing.connection import Connection, Pipe
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np


class WorkerGone(Exception):
    """The worker is not there to answer: never started, exited, or its pipe broke."""


class ForkedWorker:
    """A forked child that builds one object with ``factory`` and serves its methods.

    ``factory`` returns ``(object, info)``; ``info`` (a small dict) is what `open()` gives
    the parent once the object is built."""

    _parent_ends: list[Connection] = []      # every live worker's pipe, closed in new children

    def __init__(self, factory: Callable[[], tuple[object, dict]]):
        self._conn: Connection | None = None
        self._pid: int | None = None
        self._begun = False
        self._lock = threading.Lock()
        if not hasattr(os, "fork") or os.environ.get("KCQA_PREFETCH", "1") == "0" or \
                threading.active_count() > 1:    # forking beside threads can leave a lock held forever
            return
        parent_end, child_end = Pipe()
        try:
            pid = os.fork()
        except OSError:
            parent_end.close()
            child_end.close()
            return
        if pid == 0:                                   # the child: never returns
            code = 1
            try:
                parent_end.close()
                for other in ForkedWorker._parent_ends:    # so each child sees its own EOF
                    other.close()
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)                    # the app owns the terminal
                os.dup2(devnull, 2)
                sys.stdout = sys.stderr = open(os.devnull, "w")
                _serve(child_end, factory)
                code = 0
            finally:
                os._exit(code)
        child_end.close()
        self._conn, self._pid = parent_end, pid
        ForkedWorker._parent_ends.append(parent_end)

    @property
    def started(self) -> bool:
        return self._conn is not None

    def begin(self) -> None:
        """Let the child build its object. It waits for this so that it does not compete for
        the CPU with what the parent must do first (the app's first paint: on a machine with
        one core busy, a child building at once made the first paint come 0.8 s later)."""
        with self._lock:
            if self._conn is not None and not self._begun:
                self._begun = True
                try:
                    self._conn.send(("begin", ()))
                except (OSError, ValueError):
                    pass                             # open() will find the child gone

    def open(self) -> dict | None:
        """Wait until the child has built its object; its info, or None when it could not
        (the caller then builds the object itself, and meets the error itself)."""
        self.begin()
        try:
            reply = self._receive()
        except WorkerGone:
            self.stop()
            return None
        if reply[0] != "ready":
            self.stop()
            return None
        return reply[1]

    def call(self, method: str, *args):
        """One request, one reply. The child's exception comes back as WorkerError."""
        with self._lock:
            if self._conn is None:
                raise WorkerGone()
            try:
                self._conn.send((method, args))
            except (OSError, ValueError) as exc:
                raise WorkerGone() from exc
            reply = self._receive()
        if reply[0] == "error":
            raise WorkerError(reply[1])
        return reply[1]

    def _receive(self):
        if self._conn is None:
            raise WorkerGone()
        try:
            return self._conn.recv()
        except (EOFError, OSError, ValueError) as exc:
            raise WorkerGone() from exc

    def stop(self) -> None:
        """Close the pipe: the child releases its object and exits when it sees EOF."""
        with self._lock:
            if self._conn is not None:
                if self._conn in ForkedWorker._parent_ends:
                    ForkedWorker._parent_ends.remove(self._conn)
                self._conn.close()
                self._conn = None
            if self._pid is not None:
                try:
                    os.waitpid(self._pid, 0)
                except ChildProcessError:
                    pass
                self._pid = None


class WorkerError(Exception):
    """An exception the worker's object raised; the message is the child's."""


def _serve(conn: Connection, factory: Callable[[], tuple[object, dict]]) -> None:
    """The child's loop: wait for the word to begin, build the object, say so, answer calls
    until the pipe closes."""
    try:
        conn.recv()
    except (EOFError, OSError):
        return
    try:
        obj, info = factory()
    except BaseException as exc:   # the parent builds it itself and reports the error
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", info))
    try:
        while True:
            try:
                method, args = conn.recv()
            except (EOFError, OSError):
                return
            try:
                conn.send(("ok", getattr(obj, method)(*args)))
            except Exception as exc:
                conn.send(("error", str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    finally:
        close = getattr(obj, "close", None)
        if close is not None:
            close()


class ServedVectors:
    """What the vector worker serves: a `VectorStore` that can be reopened in place."""

    def __init__(self, store):
        self.store = store

    def query(self, vector: np.ndarray, k: int, among: list[str] | None = None) -> list[tuple[str, float]]:
        return self.store.query(vector, k, among)

    def reopen_in_place(self) -> None:
        self.store = self.store.reopen()

    def close(self) -> None:
        self.store.close()


class RemoteVectors:
    """The part of `VectorStore` that answering uses, served by a worker; Chroma in this
    process once the worker is gone."""

    def __init__(self, worker: ForkedWorker, info: dict, open_local: Callable[[], object]):
        self._worker = worker
        self._open_local = open_local
        self._local = None
        self.is_copy = bool(info.get("is_copy"))
        self.backend = info.get("backend", "")

    def _fallback(self):
        self._worker.stop()
        self._local = self._open_local()
        return self._local

    def query(self, vector: np.ndarray, k: int, among: list[str] | None = None) -> list[tuple[str, float]]:
        import numpy as np

        from .index.vectors import VectorStoreError
        if self._local is None:
            try:
                return self._worker.call("query", np.asarray(vector, dtype=np.float32), k, among)
            except WorkerGone:
                self._fallback()
            except WorkerError as exc:
                raise VectorStoreError(str(exc)) from exc
        return self._local.query(vector, k, among)

    def reopen(self) -> "RemoteVectors":
        """See VectorStore.reopen(): a fresh client, to see what another process wrote."""
        from .index.vectors import VectorStoreError
        if self._local is not None:
            self._local = self._local.reopen()
            return self
        try:
            self._worker.call("reopen_in_place")
        except WorkerGone:
            self._fallback()
        except WorkerError as exc:
            raise VectorStoreError(str(exc)) from exc
        return self

    def close(self) -> None:
        self._worker.stop()
        if self._local is not None:
            self._local.close()
            self._local = None
