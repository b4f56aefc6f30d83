"""Kept conversations: a small SQLite file of chats, their turns and what each answer cited.

Where: `$KCQA_CHATS` (a file path) or the user's data folder
(`platformdirs.user_data_dir("kcqa")`, i.e. `$XDG_DATA_HOME/kcqa/chats.sqlite` on Linux).
Not beside the index: an index may sit on a shared, read-only folder that colleagues
read together, and a reindex may rebuild that folder; a person's chats are their own and
must survive both. Each conversation remembers the index it was asked against, so lists
and named sessions stay per index.

Each turn stores the content digest of every record it cites (the index manifest's
per-document hash). When a conversation is reopened after a reindex, a turn whose record
changed or vanished since is reported by `changed_turns`, so the surfaces can mark it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .ask.conversation import Conversation, Turn
from .models import Answer, AnswerValue, Chunk, Citation, Passage

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    name TEXT,                      -- a named session (`kcqa ask --session NAME`), else NULL
    title TEXT NOT NULL DEFAULT '',
    index_dir TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS conversations_name ON conversations(index_dir, name);
CREATE TABLE IF NOT EXISTS turns (
    conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    question TEXT NOT NULL,
    resolved_question TEXT,
    frame TEXT NOT NULL DEFAULT '{}',
    answer TEXT NOT NULL DEFAULT '{}',
    digests TEXT NOT NULL DEFAULT '{}',   -- {record path: content digest} of what it cites
    created REAL NOT NULL,
    PRIMARY KEY (conversation, seq)
);
"""


class ChatStoreError(Exception):
    """The chat file cannot be opened or written; the message is Vietnamese and names it."""


def default_path() -> Path:
    env = os.environ.get("KCQA_CHATS")
    if env:
        return Path(env)
    from platformdirs import user_data_dir
    return Path(user_data_dir("kcqa", appauthor=False)) / "chats.sqlite"


@dataclass
class ChatSummary:
    id: str
    name: str | None
    title: str
    turns: int
    created: float
    updated: float


class ChatStore:
    """Create, list, load, rename, delete conversations; save the turns an answer added.

    One short connection per call: the app writes from worker threads, and two `kcqa ask
    --session` processes may write at once (SQLite's busy timeout serialises them).
    """

    def __init__(self, path: Path | None = None, index_dir: Path | str = ""):
        self.path = Path(path) if path else default_path()
        self.index_dir = _index_key(index_dir)
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        try:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self.path), timeout=30)
            db.execute("PRAGMA foreign_keys=ON")
            if not self._ready:
                db.executescript(SCHEMA)
                self._ready = True
        except (OSError, sqlite3.Error) as exc:
            raise ChatStoreError(f"không mở được tệp lưu hội thoại {self.path} ({_reason(exc)}); "
                                 "đặt KCQA_CHATS tới một tệp ghi được") from exc
        return db

    def _run(self, fn):
        with closing(self._connect()) as db:
            try:
                with db:
                    return fn(db)
            except sqlite3.Error as exc:
                raise ChatStoreError(f"không ghi được tệp lưu hội thoại {self.path} ({_reason(exc)})") from exc

    # -- conversations -------------------------------------------------------------------
    def create(self, title: str = "", name: str | None = None) -> Conversation:
        conv = Conversation(id=uuid.uuid4().hex[:12], title=title)
        now = time.time()
        self._run(lambda db: db.execute(
            "INSERT INTO conversations (id, name, title, index_dir, created, updated) VALUES (?,?,?,?,?,?)",
            (conv.id, name, title, self.index_dir, now, now)))
        return conv

    def session(self, name: str) -> Conversation:
        """The conversation named `name` for this index, created on first use."""
        row = self._run(lambda db: db.execute(
            "SELECT id FROM conversations WHERE index_dir=? AND name=?", (self.index_dir, name)).fetchone())
        if row:
            conv = self.load(row[0])
            if conv is not None:
                return conv
        try:
            return self.create(title="", name=name)
        except ChatStoreError:     # another process created it in between
            row = self._run(lambda db: db.execute(
                "SELECT id FROM conversations WHERE index_dir=? AND name=?", (self.index_dir, name)).fetchone())
            if not row:
                raise
            return self.load(row[0])

    def list(self, all_indexes: bool = False) -> list[ChatSummary]:
        """Newest first; only this index's conversations unless `all_indexes`."""
        where, params = ("", ()) if all_indexes else ("WHERE c.index_dir=?", (self.index_dir,))
        rows = self._run(lambda db: db.execute(
            f"SELECT c.id, c.name, c.title, COUNT(t.seq), c.created, c.updated FROM conversations c "
            f"LEFT JOIN turns t ON t.conversation=c.id {where} GROUP BY c.id "
            f"ORDER BY c.updated DESC, c.created DESC", params).fetchall())
        return [ChatSummary(*r) for r in rows]

    def find(self, key: str) -> str | None:
        """A conversation id from an id, an id prefix or a session name (this index first)."""
        def lookup(db):
            row = db.execute("SELECT id FROM conversations WHERE id=?", (key,)).fetchone()
            row = row or db.execute("SELECT id FROM conversations WHERE index_dir=? AND name=?",
                                    (self.index_dir, key)).fetchone()
            if not row and len(key) >= 4:
                rows = db.execute("SELECT id FROM conversations WHERE id LIKE ?", (key + "%",)).fetchall()
                row = rows[0] if len(rows) == 1 else None
            return row[0] if row else None
        return self._run(lookup)

    def load(self, conv_id: str) -> Conversation | None:
        def read(db):
            head = db.execute("SELECT id, title FROM conversations WHERE id=?", (conv_id,)).fetchone()
            if not head:
                return None
            rows = db.execute("SELECT question, resolved_question, frame, answer, created FROM turns "
                              "WHERE conversation=? ORDER BY seq", (conv_id,)).fetchall()
            return head, rows
        got = self._run(read)
        if got is None:
            return None
        (cid, title), rows = got
        turns = [Turn(q, rq, _loads(frame), _loads(answer), created) for q, rq, frame, answer, created in rows]
        return Conversation(id=cid, title=title, turns=turns)

    def rename(self, conv_id: str, title: str) -> None:
        self._run(lambda db: db.execute("UPDATE conversations SET title=? WHERE id=?", (title, conv_id)))

    def delete(self, conv_id: str) -> bool:
        def drop(db):
            db.execute("DELETE FROM turns WHERE conversation=?", (conv_id,))
            return db.execute("DELETE FROM conversations WHERE id=?", (conv_id,)).rowcount > 0
        return self._run(drop)

    # -- turns ---------------------------------------------------------------------------
    def save(self, conv: Conversation, manifest: dict[str, str] | None = None) -> int:
        """Store the turns of `conv` not stored yet (the engine appends them as it answers);
        returns how many were added. `manifest` ({path: digest}) dates what each one cites."""
        manifest = manifest or {}

        def write(db):
            exists = db.execute("SELECT 1 FROM conversations WHERE id=?", (conv.id,)).fetchone()
            if not exists and not conv.turns:
                return 0                 # nothing asked yet: no empty conversation in the list
            if not exists:
                now = time.time()
                db.execute("INSERT INTO conversations (id, name, title, index_dir, created, updated) "
                           "VALUES (?,?,?,?,?,?)", (conv.id, None, conv.title, self.index_dir, now, now))
            stored = db.execute("SELECT COUNT(*) FROM turns WHERE conversation=?", (conv.id,)).fetchone()[0]
            new = conv.turns[stored:]
            for seq, turn in enumerate(new, stored):
                digests = {p: manifest[p] for p in cited_paths(turn.answer) if p in manifest}
                db.execute("INSERT INTO turns VALUES (?,?,?,?,?,?,?,?)",
                           (conv.id, seq, turn.question, turn.resolved_question, _dumps(turn.frame),
                            _dumps(turn.answer), _dumps(digests), turn.created or time.time()))
            title = conv.title or (conv.turns[0].question[:80] if conv.turns else "")
            db.execute("UPDATE conversations SET updated=?, title=CASE WHEN title='' THEN ? ELSE title END "
                       "WHERE id=?", (time.time(), title, conv.id))
            return len(new)
        return self._run(write)

    def changed_turns(self, conv_id: str, manifest: dict[str, str]) -> set[int]:
        """Positions of the turns whose cited records changed or left the index since."""
        rows = self._run(lambda db: db.execute(
            "SELECT seq, digests FROM turns WHERE conversation=? ORDER BY seq", (conv_id,)).fetchall())
        changed = set()
        for seq, digests in rows:
            if any(manifest.get(path) != digest for path, digest in _loads(digests).items()):
                changed.add(seq)
        return changed


def cited_paths(answer: dict) -> list[str]:
    paths = [c.get("path") for c in answer.get("citations") or []]
    paths += [(o.get("citation") or {}).get("path") for o in answer.get("others") or []]
    return sorted({p for p in paths if p})


def answer_from_json(d: dict) -> Answer:
    """An Answer rebuilt from `Answer.to_json()`, for showing a kept conversation again."""
    value = d.get("answer")
    av = None
    if value:
        av = AnswerValue(text=value.get("text") or "",
                         **{k: value.get(k) for k in ("value", "unit", "qualifier", "entity", "measure", "period")})
    passages = []
    for p in d.get("passages") or []:
        chunk = Chunk(id="", doc=p.get("path") or p.get("doc", ""), paragraph=p.get("paragraph", 0),
                      start=p.get("start", 0), end=p.get("end", 0), text=p.get("text", ""))
        passages.append(Passage(chunk=chunk, score=p.get("score", 0.0), title=p.get("title", "")))
    return Answer(
        question=d.get("question", ""), status=d.get("status", "not_found"), text=d.get("message", ""),
        value=av, citations=[_citation(c) for c in d.get("citations") or []], passages=passages,
        restored_question=d.get("restored_question"), notes=list(d.get("notes") or []),
        others=[(o.get("text", ""), _citation(o.get("citation") or {})) for o in d.get("others") or []],
        other_periods=[(o.get("text", ""), _citation(o.get("citation") or {})) for o in d.get("other_periods") or []],
        kind=(value or {}).get("kind") or "figure", confidence=(value or {}).get("confidence"),
        resolved_question=d.get("resolved_question"), unresolved=bool(d.get("unresolved")))


def _citation(c: dict) -> Citation:
    hl = c.get("highlight")
    return Citation(doc=c.get("doc", ""), path=c.get("path", ""), start=c.get("start", 0), end=c.get("end", 0),
                    text=c.get("text", ""), paragraph=c.get("paragraph", 0),
                    highlight=(hl[0], hl[1]) if hl else None, page=c.get("page"), table=c.get("table"),
                    row=c.get("row"), col=c.get("col"), metadata=c.get("metadata") or {})


def _index_key(index_dir: Path | str) -> str:
    if not index_dir:
        return ""
    try:
        return str(Path(index_dir).resolve())
    except OSError:
        return str(index_dir)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_plain)


def _plain(obj):
    """Frames may hold sets (years) or dataclasses (places): store them as plain JSON."""
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict
        return asdict(obj)
    return str(obj)


def _loads(text: str | None):
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return {}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "không có quyền ghi"
    if isinstance(exc, IsADirectoryError):
        return "đường dẫn là một thư mục"
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return "tệp chỉ đọc"
    if "disk" in text and "full" in text or getattr(exc, "errno", None) == 28:
        return "ổ đĩa đã đầy"
    if "not a database" in text:
        return "không phải tệp cơ sở dữ liệu"
    if "unable to open" in text:
        return "không mở được tệp"
    if "locked" in text:
        return "tệp đang bị khóa"
    return "lỗi khi đọc/ghi tệp"
