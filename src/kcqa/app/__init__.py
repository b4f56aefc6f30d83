"""The chat app (`kcqa` with no arguments).

Importing this package must stay cheap: the embedding model, Chroma and the
index load in a worker thread after the first paint (see `app.KcqaApp`).
"""
