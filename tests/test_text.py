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


def test_sentence_around_agrees_with_sentence_spans_everywhere():
    # Long sentences full of dots that end nothing ("U.S.", "3.5", "Gen."), so the
    # backward search has to pass many marks and widen its window.
    long = " ".join(
        f"U.S. Gen. Smith said {i}.5 km of road, near No. {i} St. Mark's." for i in range(40)
    )
    text = (
        'Dec. 12 - "Rebels hold Sukkari," he said.\n\nThe army took al-Kalasa! Did it? '
        f"{long[:-1]} today. Fighting went on…\nA last line without a stop"
    )
    spans = sentence_spans(text)
    for pos, char in enumerate(text):
        if not char.isalnum():
            continue
        inside = next(span for span in spans if span[0] <= pos < span[1])
        assert sentence_around(text, pos, pos) == inside, (pos, text[pos - 20 : pos + 20])
