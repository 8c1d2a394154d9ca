"""The attachments mart's file_type, round 14 (capt14): audio and video files (a speech's '.wmv' and '.mp3', a
briefing's '동영상.mp4') are grouped as 'media', not 'other'; an unknown extension stays 'other'."""
from __future__ import annotations

from tests.sql.sql_rows import E, K, attachment, corpus, model_database, query


def test_audio_and_video_files_are_media():
    rows = corpus()
    rows["attachments"] += [attachment(E, 6, "national_apology.wmv", 8074035, None),
                            attachment(E, 7, "Apology_Speech-48kbps_mono.mp3", 1258291, None),
                            attachment(K, 3, "브리핑 동영상.mp4", 36909875, 12),
                            attachment(K, 4, "도면.dwg", 1000, None)]
    with model_database(rows) as con:
        typed = query(
            con, "select name, file_type from attachments where name in ('national_apology.wmv', "
                 "'Apology_Speech-48kbps_mono.mp3', '브리핑 동영상.mp4', '도면.dwg') order by name")
        grouped = query(con, "select extension, n_attachments, total_bytes from attachment_types "
                             "where file_type = 'media' order by extension")
    assert typed == [("Apology_Speech-48kbps_mono.mp3", "media"), ("national_apology.wmv", "media"),
                     ("도면.dwg", "other"), ("브리핑 동영상.mp4", "media")]
    assert grouped == [("mp3", 1, 1258291), ("mp4", 1, 36909875), ("wmv", 1, 8074035)]
