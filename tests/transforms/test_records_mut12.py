"""transforms/records.py (issue 19, round 12): mutmut makes no mutant of it (its only functions are two properties,
and mutmut 3 leaves decorated functions alone), so its two computed fields are pinned here by hand."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.records import MetadataFields, RawPage


def test_source_bytes_is_the_files_full_size_when_only_its_head_was_read() -> None:
    assert RawPage("a.html", b"12345", "html").source_bytes == 5  # size -1: what was read
    assert RawPage("a.html", b"12345", "html", size=9).source_bytes == 9
    assert RawPage("a.html", b"12345", "html", size=3).source_bytes == 5


def test_found_counts_the_fields_that_make_a_line_metadata() -> None:
    assert MetadataFields().found == 0
    assert MetadataFields(department="교통과", phone="062-613-3871").found == 0  # a contact, not metadata
    assert MetadataFields(author="대변인실", published_at=datetime(2022, 3, 14), view_count=0,
                          modified_at=datetime(2022, 3, 15)).found == 4  # zero views are views
