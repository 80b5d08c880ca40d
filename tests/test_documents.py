"""Article metadata: front matter, articles.csv, inference, and bad input."""

import datetime as dt

from aleppo_map.documents import Document, Skipped, read_articles


def read(paths):
    return list(read_articles(paths))


def test_front_matter_gives_metadata_and_is_removed_from_the_text(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Army advances\noutlet: Example News\nurl: https://example.org/a\n"
        "published: 2016-12-01\n---\nTroops took al-Sakhour on Monday.\n",
        "utf-8",
    )
    (doc,) = read([tmp_path])
    assert (doc.title, doc.outlet, doc.url) == (
        "Army advances",
        "Example News",
        "https://example.org/a",
    )
    assert doc.published == dt.date(2016, 12, 1) and doc.published_source == "front matter"
    assert doc.text.startswith("Troops took") and not doc.published_inferred


def test_articles_csv_beside_the_files_gives_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Tuesday 13 December 2016 08:48 GMT\nText.", "utf-8")
    (tmp_path / "articles.csv").write_text(
        "file,url,outlet,published,title\na.txt,https://e.org/a,Wire,2016-12-12,Headline\n", "utf-8"
    )
    (doc,) = read([tmp_path / "a.txt"])
    # given metadata wins over the dateline in the text
    assert doc.published == dt.date(2016, 12, 12) and doc.published_source == "articles.csv"
    assert doc.outlet == "Wire" and doc.title == "Headline"


def test_front_matter_wins_over_the_index(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2016-12-03\n---\nText.", "utf-8")
    (tmp_path / "articles.csv").write_text("file,published,outlet\na.md,2016-12-01,Wire\n", "utf-8")
    (doc,) = read([tmp_path])
    assert doc.published == dt.date(2016, 12, 3) and doc.outlet == "Wire"


def test_without_given_date_the_dateline_is_used_and_flagged(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Headline\n\nTuesday 13 December 2016 08:48 GMT\n\nThe army took al-Sakhour.", "utf-8"
    )
    (doc,) = read([tmp_path])
    assert doc.published == dt.date(2016, 12, 13)
    assert doc.published_source == "dateline" and doc.published_inferred


def test_without_given_date_or_dateline_the_url_date_is_used_and_flagged(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\nurl: https://example.org/news/2016/11/28/aleppo\n---\n"
        "The rebels seized the district on 21 July 2012. The army retook it.",
        "utf-8",
    )
    (doc,) = read([tmp_path])
    # (not 21 July 2012, the latest date the text names)
    assert (doc.published, doc.published_source) == (dt.date(2016, 11, 28), "url")
    assert doc.published_inferred


def test_a_dateline_wins_over_the_url_date(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\nurl: https://example.org/2016/11/28/aleppo\n---\n"
        "BEIRUT, Dec. 12, 2016 (Reuters) - The army took al-Sakhour.",
        "utf-8",
    )
    (doc,) = read([tmp_path])
    assert (doc.published, doc.published_source) == (dt.date(2016, 12, 12), "dateline")


def test_an_unreadable_given_date_is_reported_and_inferred_instead(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\npublished: last Tuesday\n---\nBEIRUT, Dec. 12, 2016 (Reuters) - Text.", "utf-8"
    )
    (doc,) = read([tmp_path])
    assert any("'last Tuesday'" in w for w in doc.warnings)
    assert doc.published_source in ("dateline", "latest-date", None)


def test_hashtags_are_read_as_their_words(tmp_path):
    (tmp_path / "a.txt").write_text(
        "نزوح من #حلب باتجاه حي #الشيخ_مقصود. Rebels in #Aleppo, ranked #1, see x.org/a#b",
        "utf-8",
    )
    (doc,) = read([tmp_path])
    assert doc.text == (
        "نزوح من حلب باتجاه حي الشيخ مقصود. Rebels in Aleppo, ranked #1, see x.org/a#b"
    )


def test_broken_front_matter_keeps_the_text(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nTroops took al-Sakhour.", "utf-8")
    (doc,) = read([tmp_path])
    assert doc.text.strip() == "Troops took al-Sakhour."
    assert any("not valid YAML" in w for w in doc.warnings)


def test_front_matter_with_a_colon_in_a_value_keeps_its_metadata(tmp_path):
    # not YAML ("mapping values are not allowed here"), but each line says what it means
    (tmp_path / "a.md").write_text(
        "---\nurl: https://example.org/2016/12/08/x/\ntitle: Aleppo: rebels retreat\n---\n"
        "Troops took al-Sakhour.",
        "utf-8",
    )
    (doc,) = read([tmp_path])
    assert (doc.title, doc.url) == ("Aleppo: rebels retreat", "https://example.org/2016/12/08/x/")
    assert (doc.published.isoformat(), doc.published_source) == ("2016-12-08", "url")
    assert any("read as 'key: value' lines" in w for w in doc.warnings)


def test_no_date_at_all_gives_an_undated_document(tmp_path):
    (tmp_path / "a.txt").write_text("Troops took al-Sakhour on Monday.", "utf-8")
    (doc,) = read([tmp_path])
    assert isinstance(doc, Document) and doc.published is None and doc.published_source is None


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    items = read([tmp_path, tmp_path / "missing.md"])
    reasons = {i.path.name: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons == {
        "bad.txt": "binary file, not text",
        "empty.txt": "empty file",
        "missing.md": "no such file or folder",
    }
