"""Language tools: NFC and folding, numbers and units, places, the lexicon."""
