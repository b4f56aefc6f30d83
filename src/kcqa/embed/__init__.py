"""Text embedders behind one small interface."""
