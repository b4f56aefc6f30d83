"""Widgets shared by the screens; each one knows how to show one kind of thing."""
