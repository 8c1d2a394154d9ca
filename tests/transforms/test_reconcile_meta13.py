"""transforms/reconcile.py (round 13, meta13): what is no section, in both languages."""
from __future__ import annotations

from cityclips.transforms.reconcile import reconcile_metadata
from cityclips.transforms.records import MarkupMetadata, Metadata


def test_a_controls_label_at_the_end_of_a_path_is_no_category() -> None:
    # 'Home > Events > Tweet': the path's box ran into the share button beside it (dev r321)
    for label in ("Tweet", "Share", "Print", "공유하기", "인쇄"):
        visible = Metadata(title="November 2017 Regular Board Meeting", title_source="heading", category=label)
        assert reconcile_metadata(MarkupMetadata(), visible).category is None, label


def test_a_sections_name_that_holds_a_controls_word_stays() -> None:
    for name in ("Events", "Tweets from the Mayor", "Print Shop Services", "공유재산 관리", "보도자료"):
        visible = Metadata(title="Headline of the day", title_source="heading", category=name)
        assert reconcile_metadata(MarkupMetadata(), visible).category == name, name


# --- the marked path's section -------------------------------------------------------------------------

from datetime import datetime  # noqa: E402

from cityclips.transforms.records import MarkupDate  # noqa: E402


def test_a_posted_pages_marked_path_names_its_category_when_the_page_shows_none() -> None:
    for section in ("Press Release", "보도자료"):
        visible = Metadata(title="Headline of the day", title_source="heading", published_at=datetime(2025, 1, 15),
                           published_at_source="byline")
        assert reconcile_metadata(MarkupMetadata(path_section=section), visible).category == section
        # the visible page's own category comes first
        shown = Metadata(title="Headline of the day", title_source="heading", category="Lawsuits", published_at=datetime(2025, 1, 15))
        assert reconcile_metadata(MarkupMetadata(path_section=section), shown).category == "Lawsuits"


def test_a_static_or_event_pages_path_names_no_category() -> None:
    edited = MarkupDate(datetime(2022, 5, 13), "meta", False, False)
    for section in ("Family Law", "법령정보"):
        static = Metadata(title="Glossary", title_source="heading", modified_at=datetime(2022, 5, 13),
                          modified_at_source="board_table")
        assert reconcile_metadata(MarkupMetadata(path_section=section, published=(edited,)), static).category is None
        event = Metadata(title="Board Meeting", title_source="heading", published_at=datetime(2025, 1, 15))
        assert reconcile_metadata(MarkupMetadata(path_section=section, is_event=True), event).category is None
        # 'Last updated: 26 March 2021' read as a date element both ways: an edit, no posting
        updated = MarkupDate(datetime(2021, 3, 26), "byline", False, False)
        assert reconcile_metadata(MarkupMetadata(path_section=section, published=(updated,), modified=(updated,)),
                                  Metadata(title="IP glossary", title_source="heading")).category is None
