"""transforms/blocks.py (round 14, mut14): a bullet's depth from an odd indent, as the mutation check left it open
(issue 19): the scraper indents two spaces a level, so an odd indent rounds down to the level it starts."""
from __future__ import annotations

import pytest

from cityclips.transforms.blocks import text_blocks


@pytest.mark.parametrize("item", ["시청 민원실 운영 시간", "opening hours of the civil service center"])
@pytest.mark.parametrize("indent, depth", [("  ", 0), ("   ", 0), ("    ", 1), ("     ", 1), ("\t\t", 1),
                                           ("       ", 2)])
def test_a_bullets_depth_is_a_whole_level_whatever_its_indent(item: str, indent: str, depth: int) -> None:
    (block,) = text_blocks(f"{indent}• {item}")
    assert (block.text, block.hint, block.marker) == (item, "li", "•")
    assert block.depth == depth and type(block.depth) is int
