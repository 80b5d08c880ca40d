"""Sentence boundaries used to quote the sentence around a mention."""

from aleppo_map.text import sentence_around, sentence_spans


def test_sentences_split_on_full_stops_but_not_abbreviations():
    text = (
        "BEIRUT, Dec. 12 (Reuters) - The army took Sheikh Saeed. "
        "U.S. officials said Gen. Smith agreed. Fighting went on!"
    )
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert sentences == [
        "BEIRUT, Dec. 12 (Reuters) - The army took Sheikh Saeed.",
        "U.S. officials said Gen. Smith agreed.",
        "Fighting went on!",
    ]


def test_sentence_around_a_span_includes_closing_quote():
    text = 'First one. "Rebels hold Sukkari," he said. Last one.'
    start = text.index("Sukkari")
    a, b = sentence_around(text, start, start + 7)
    assert text[a:b] == '"Rebels hold Sukkari," he said.'


def test_line_breaks_end_sentences():
    text = "Headline about Aleppo\nBody sentence here."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Headline about Aleppo",
        "Body sentence here.",
    ]
