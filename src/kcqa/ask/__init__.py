"""Question to answer: frame, retrieve, candidates, rank, compose, verify."""
