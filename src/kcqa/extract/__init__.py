"""From a read record to what is indexed: chunks with exact spans, figures."""
