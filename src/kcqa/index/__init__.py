"""The index on disk: a manifest and passages in SQLite (the source of truth), vectors in
Chroma, a BM25 lexical index, and the figures table, all under one folder and one lock."""
