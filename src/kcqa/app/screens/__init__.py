"""Screens: the chat (default), the document reader, the figures table, the help."""
