"""Round 10 (struct10): a speaker named with a role between the name and the speech verb."""
from __future__ import annotations

from cityclips.transforms.quotes import extract_quotes
from cityclips.transforms.records import Segment


def quotes(*paragraphs: str) -> list[tuple[str | None, str]]:
    segments = [Segment(seq=i, kind="paragraph", text=text, source_line=i) for i, text in enumerate(paragraphs)]
    return [(q.speaker, q.text[:20]) for q in extract_quotes(segments)]


def test_a_name_with_a_party_and_a_role_before_the_verb_speaks() -> None:
    assert quotes("Andrzej BUŁA (EPP, PL), co-rapporteur for the RESTORE regulation said: “This law is very "
                  "important for regional and local authorities.”") == [("Andrzej BUŁA", "This law is very imp")]


def test_a_long_role_with_an_acronym_and_a_comma_before_the_verb() -> None:
    assert quotes("The vote passed. Veronika VRECIONOVÁ (ECR, CZ), rapporteur for the European Agricultural Fund for "
                  "Rural Development (EAFRD) related regulation, said: “Several countries have been affected by "
                  "natural disasters.”") == [("Veronika VRECIONOVÁ", "Several countries ha")]


def test_a_role_phrase_with_no_name_before_it_names_no_speaker() -> None:
    """'… for the regulation said: “…”' with no name opening the sentence: no speaker is made up from it."""
    assert quotes("Members of the committee for the regulation said: “The vote was close.” Mary Smith thanked them.")[0][0] \
        != "Members"
