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
