"""Extraction stage. In: a folder of articles (.txt, .md, .html). Out: an `Extraction`, each
article's metadata and figures with the sentence each came from, and findings on unusable files.

`ingest` reads and normalises a file, `metadata` and `observations` read it using what the tool
knows (`catalogue`, `gazetteer`, `data/*.toml`), `store` keeps results by content, `folder` runs it all.
"""
