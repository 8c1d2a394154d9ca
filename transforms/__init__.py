"""Pure pipeline stages: decode, blocks/html, clean, metadata, captions, segment, quotes, language.

Nothing here imports Prefect or touches the disk.
"""
