"""Attachments (transforms/attachments.py), round 14 (capt14): audio and video files offered as downloads (f1402: a
speech's recording as WMV, MOV and MP3, each link's own text naming its type and size) are attachments, as documents
are; a media link with no sign of a download (a link in prose) is not."""
from __future__ import annotations

import pytest

from cityclips.transforms.attachments import read_attachments
from cityclips.transforms.html import parse_html

PAGE_URL = "https://www.example.go.kr/board/view.do?id=7"


def _read(body: str) -> list[tuple]:
    root = parse_html(f"<html><body><div class='content'>{body}</div></body></html>")
    return [(a.name, a.extension, a.size_bytes) for a in read_attachments(root, PAGE_URL)]


def test_recordings_whose_link_text_names_type_and_size_are_attachments_english() -> None:
    got = _read("<h3>Downloads</h3><ul>"
                "<li><a href='/videos/apology.wmv'>Video: The Apology (<abbr title='Windows Media Video'>WMV</abbr>)"
                "<br>7.7MB - 4min, 3sec</a></li>"
                "<li><a href='/videos/apology.mov'>Video: The Apology (<abbr>MOV</abbr>)<br>16MB - 4min, 3sec</a></li>"
                "<li><a href='/videos/Apology_Speech-48kbps_mono.mp3'>Audio: The Apology (MP3)<br>1.2MB - 3min</a></li>"
                "</ul>")
    assert [(name, ext) for name, ext, _ in got] == [("apology.wmv", "wmv"), ("apology.mov", "mov"),
                                                     ("Apology_Speech-48kbps_mono.mp3", "mp3")]
    assert got[0][2] == int(7.7 * 1024 * 1024)


def test_a_briefings_video_file_is_an_attachment_korean() -> None:
    got = _read("<dl><dt>첨부파일</dt><dd><a href='/down.do?id=3'>브리핑 동영상.mp4 (35.2MB)</a></dd>"
                "<dd><a href='/files/%EB%85%B9%EC%9D%8C.m4a'>녹음 파일 (M4A, 2MB)</a></dd></dl>")
    assert [(name, ext) for name, ext, _ in got] == [("브리핑 동영상.mp4", "mp4"), ("녹음.m4a", "m4a")]


@pytest.mark.parametrize("body", [
    "<p>Watch <a href='/videos/apology.mp4'>the full speech</a> from the chamber, as it was broadcast.</p>",
    "<p>시장의 <a href='/videos/speech.mp4'>연설 영상</a>은 시청 누리집에서 볼 수 있다.</p>",
])
def test_a_media_link_in_prose_is_not_an_attachment(body: str) -> None:
    assert _read(body) == []


@pytest.mark.parametrize("body", [
    "<p>To adopt, please see our <a href='/guides/A3en.pdf'>adoption brochure <span>(PDF, 230.33 KB)</span></a>. "
    "Refugees may read the other guides.</p>",
    "<p>자세한 내용은 <a href='/files/guide.mp4'>안내 동영상 (MP4, 35MB)</a>을 참고하시고, 문의는 민원실로 하시기 바랍니다.</p>",
])
def test_a_link_in_a_sentence_naming_its_own_type_and_size_is_not_an_attachment(body: str) -> None:
    # r202 (USCIS glossary): the prose cites a brochure; only a link that is its line's whole text is a download entry
    assert _read(body) == []
