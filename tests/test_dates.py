"""Dates in news text: the day a claim refers to, and the publication date."""

import dataclasses
import datetime as dt

import pytest

from aleppo_map import dates
from aleppo_map.dates import find_dates, infer_published, is_caption_line

from conftest import ROOT

D = dt.date


def only(text: str, published: dt.date | None) -> dates.DateMention:
    """The single date mention in `text`."""
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- explicit dates ---------------------------------------------------------


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("Dec. 12, 2016", D(2016, 12, 13), D(2016, 12, 12)),
        ("December 12, 2016", None, D(2016, 12, 12)),
        ("Dec 12", D(2016, 12, 13), D(2016, 12, 12)),
        ("12 December 2016", None, D(2016, 12, 12)),
        ("12 Dec", D(2016, 12, 13), D(2016, 12, 12)),
        ("15 November", D(2016, 12, 13), D(2016, 11, 15)),
        ("Nov. 26", D(2016, 12, 13), D(2016, 11, 26)),
        ("2016-12-12", None, D(2016, 12, 12)),
        ("Sept. 3, 2017", None, D(2017, 9, 3)),
        ("Sept 3", D(2017, 9, 10), D(2017, 9, 3)),
        ("Sep 3", D(2017, 9, 10), D(2017, 9, 3)),
        ("September 3rd", D(2017, 9, 10), D(2017, 9, 3)),
        ("3rd of March 2020", None, D(2020, 3, 3)),
        ("February 29, 2020", None, D(2020, 2, 29)),
        ("1 January 2021", D(2021, 1, 5), D(2021, 1, 1)),
        ("JULY 4, 2019", None, D(2019, 7, 4)),
        ("August 21st", D(2013, 9, 1), D(2013, 8, 21)),
        ("Oct. 7, 2023", D(2023, 10, 9), D(2023, 10, 7)),
        ("May 5", D(2018, 6, 1), D(2018, 5, 5)),
        ("March 15, 2011", D(2016, 12, 13), D(2011, 3, 15)),
        ("Jan 9 2017", None, D(2017, 1, 9)),
        ("Apr. 30", D(2022, 5, 2), D(2022, 4, 30)),
        ("2020-02-29", D(2020, 3, 1), D(2020, 2, 29)),
    ],
)
def test_explicit_date_forms_are_read(expression, published, expected):
    sentence = f"The army said it entered the district on {expression}, officials said."
    mention = only(sentence, published)
    assert (mention.text, mention.date, mention.kind) == (expression, expected, "explicit")
    assert sentence[mention.start : mention.end] == expression


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("Monday, Dec. 5, 2016", None, D(2016, 12, 5)),
        ("Tuesday 13 December 2016", None, D(2016, 12, 13)),
        ("Friday, 1 May 2020", None, D(2020, 5, 1)),
        ("Thursday, Sept. 22, 2016", None, D(2016, 9, 22)),
        ("Sunday, Jan. 1", D(2017, 1, 3), D(2017, 1, 1)),
        ("late on Monday, Dec. 5", D(2016, 12, 13), D(2016, 12, 5)),
    ],
)
def test_weekday_before_a_calendar_date_is_part_of_one_explicit_mention(
    expression, published, expected
):
    mention = only(f"Soldiers fire their weapons {expression} near the front line.", published)
    assert (mention.text, mention.date, mention.kind) == (expression, expected, "explicit")


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("Dec. 30", D(2017, 1, 2), D(2016, 12, 30)),
        ("5 January", D(2017, 1, 2), D(2016, 1, 5)),
        ("2 January", D(2017, 1, 2), D(2017, 1, 2)),
        ("31 December", D(2020, 12, 31), D(2020, 12, 31)),
        ("Nov. 15", D(2016, 11, 14), D(2015, 11, 15)),
        ("Feb. 29", D(2021, 3, 1), D(2020, 2, 29)),
        ("29 February", D(2024, 3, 1), D(2024, 2, 29)),
    ],
)
def test_yearless_date_is_the_latest_such_day_on_or_before_publication(
    expression, published, expected
):
    assert only(f"Rebels withdrew on {expression}.", published).date == expected


def test_yearless_date_without_publication_date_is_unresolved():
    mention = only("The offensive began on 15 November.", None)
    assert (mention.text, mention.date, mention.kind) == ("15 November", None, "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held on 12/11/2016 in Geneva.",  # 12 November or 11 December?
        "The report is dated 11/12/16.",
        "Figures of 12.11.2016 were revised.",
        "The vote on 12-11-2016 failed.",
    ],
)
def test_numeric_dates_are_ambiguous_and_ignored(text):
    assert find_dates(text, D(2016, 12, 13)) == []


@pytest.mark.parametrize(
    "text",
    ["on February 30", "on 31 April 2019", "on 2019-02-29", "on Feb. 29, 2019", "on 2016-13-01"],
)
def test_days_that_do_not_exist_are_not_mentions(text):
    assert find_dates(text, D(2019, 12, 1)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Government forces may take the last district within days.",
        "Activists planned a march on the city centre.",
        "The uprising began in March 2011.",
        "Fighting resumed in December.",
        "Mass was held at Mar Elias church.",
        "The convoy left on the 12th.",
        "June 1,500 people fled the area.",
        "12 Decisions were taken at the summit.",
    ],
)
def test_month_words_count_only_capitalised_and_beside_a_day_number(text):
    assert find_dates(text, D(2016, 12, 13)) == []


# --- weekdays ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The army took Sheikh Saeed on Monday.", D(2016, 12, 13), D(2016, 12, 12)),
        ("Shelling stopped on Sunday.", D(2016, 12, 13), D(2016, 12, 11)),
        ("Talks collapsed Wednesday.", D(2016, 12, 13), D(2016, 12, 7)),
        ("The town fell on Sunday.", D(2020, 1, 1), D(2019, 12, 29)),
        ("Tuesday saw heavy fighting.", D(2020, 1, 1), D(2019, 12, 31)),
        ("Troops advanced on Thursday.", D(2024, 3, 1), D(2024, 2, 29)),
        ("Strikes hit the area on Saturday.", D(2024, 3, 1), D(2024, 2, 24)),
        ("Rebels withdrew Friday.", D(2017, 5, 1), D(2017, 4, 28)),
        ("Militias entered Monday.", D(2019, 6, 30), D(2019, 6, 24)),
        ("A truce began on Saturday.", D(2023, 10, 9), D(2023, 10, 7)),
    ],
)
def test_weekday_is_the_latest_such_day_on_or_before_publication(text, published, expected):
    mention = only(text, published)
    assert (mention.date, mention.kind, mention.precision) == (expected, "weekday", "day")


@pytest.mark.parametrize(
    "text, published",
    [
        ("The Red Cross said on Tuesday ...", D(2016, 12, 13)),
        ("Fighting erupted on Wednesday.", D(2020, 1, 1)),
        ("The district fell Thursday.", D(2024, 2, 29)),
        ("Shelling resumed on Sunday.", D(2019, 6, 30)),
        ("Airstrikes hit the city on Friday.", D(2015, 11, 13)),
    ],
)
def test_weekday_named_in_an_article_of_that_day_is_that_same_day(text, published):
    assert only(text, published).date == published


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("last Tuesday", D(2016, 12, 13), D(2016, 12, 6)),
        ("last Monday", D(2016, 12, 13), D(2016, 12, 12)),
        ("last Monday", D(2021, 1, 4), D(2020, 12, 28)),
        ("this past Sunday", D(2019, 6, 30), D(2019, 6, 23)),
        ("this past Friday", D(2020, 1, 1), D(2019, 12, 27)),
    ],
)
def test_last_weekday_is_strictly_before_publication(expression, published, expected):
    mention = only(f"The siege tightened {expression}.", published)
    assert (mention.text, mention.date) == (expression, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("clashes late on Monday", "late on Monday"),
        ("clashes early on Monday", "early on Monday"),
        ("clashes overnight on Monday", "overnight on Monday"),
        ("clashes earlier on Monday", "earlier on Monday"),
        ("clashes Monday morning", "Monday morning"),
        ("clashes Monday afternoon", "Monday afternoon"),
        ("clashes Monday evening", "Monday evening"),
        ("clashes on Monday night", "Monday night"),
        ("clashes late Monday", "late Monday"),
        ("Late on Monday night, clashes", "Late on Monday night"),
        ("CLASHES ON MONDAY", "MONDAY"),
    ],
)
def test_weekday_modifiers_belong_to_the_mention(text, expected):
    mention = only(text, D(2016, 12, 14))
    assert (mention.text, mention.date) == (expected, D(2016, 12, 12))


def test_weekday_without_publication_date_is_unresolved():
    mention = only("The army took Sheikh Saeed on Monday.", None)
    assert (mention.text, mention.date, mention.kind) == ("Monday", None, "weekday")


@pytest.mark.parametrize(
    "text",
    [
        "Shops held Black Friday sales.",
        "Prices fell on Cyber Monday.",
        "Churches marked Good Friday quietly.",
        "The Sunday Times reported the executions.",
        "An editorial in the Sunday Telegraph disagreed.",
        "The Sun reported the executions.",
        "Markets close on Mondays.",
        "Monday's attack was condemned.",
    ],
)
def test_names_containing_weekday_words_are_not_dates(text):
    found = [m.text for m in find_dates(text, D(2016, 12, 13))]
    # A possessive still names the day ("Monday's attack"); names do not.
    assert found == (["Monday"] if "Monday's" in text else [])


# --- relative expressions ---------------------------------------------------


@pytest.mark.parametrize(
    "expression, published, expected, precision",
    [
        ("yesterday", D(2016, 12, 13), D(2016, 12, 12), "day"),
        ("Yesterday", D(2020, 1, 1), D(2019, 12, 31), "day"),
        ("yesterday", D(2020, 3, 1), D(2020, 2, 29), "day"),
        ("yesterday", D(2021, 3, 1), D(2021, 2, 28), "day"),
        ("YESTERDAY", D(2018, 4, 16), D(2018, 4, 15), "day"),
        ("today", D(2018, 4, 16), D(2018, 4, 16), "day"),
        ("earlier today", D(2018, 4, 16), D(2018, 4, 16), "day"),
        ("this morning", D(2018, 4, 16), D(2018, 4, 16), "day"),
        ("tonight", D(2018, 4, 16), D(2018, 4, 16), "day"),
        ("last night", D(2017, 5, 1), D(2017, 4, 30), "day"),
        ("the day before yesterday", D(2020, 1, 1), D(2019, 12, 30), "day"),
        ("three days ago", D(2024, 3, 1), D(2024, 2, 27), "day"),
        ("10 days ago", D(2016, 12, 13), D(2016, 12, 3), "day"),
        ("a week ago", D(2016, 12, 13), D(2016, 12, 6), "week"),
        ("two weeks ago", D(2021, 1, 4), D(2020, 12, 21), "week"),
        ("last week", D(2020, 1, 1), D(2019, 12, 25), "week"),
        ("earlier this week", D(2016, 12, 14), D(2016, 12, 12), "week"),
        ("this week", D(2024, 3, 1), D(2024, 2, 26), "week"),
        ("EARLIER THIS WEEK", D(2019, 6, 30), D(2019, 6, 24), "week"),
    ],
)
def test_relative_expressions_count_back_from_publication(
    expression, published, expected, precision
):
    mention = only(f"Rebels lost ground {expression}, activists said.", published)
    assert (mention.text, mention.date, mention.kind, mention.precision) == (
        expression,
        expected,
        "relative",
        precision,
    )


@pytest.mark.parametrize("published", [D(2016, 12, 12), D(2023, 10, 9), D(2021, 1, 4)])
def test_earlier_this_week_in_a_monday_article_is_that_monday(published):
    assert only("Setbacks earlier this week.", published).date == published


@pytest.mark.parametrize(
    "published,expected",
    [
        (dt.date(2016, 11, 28), dt.date(2016, 11, 27)),  # Monday: the Sunday before
        (dt.date(2016, 11, 30), dt.date(2016, 11, 27)),  # Wednesday
        (dt.date(2016, 11, 27), dt.date(2016, 11, 27)),  # Sunday: today
        (dt.date(2016, 11, 26), dt.date(2016, 11, 26)),  # Saturday: the weekend so far
    ],
)
def test_over_the_weekend_is_its_sunday(published, expected):
    mention = only("Troops captured Masaken Hanano over the weekend.", published)
    assert (mention.date, mention.precision) == (expected, "day")


def test_relative_expression_without_publication_date_is_unresolved():
    mention = only("The army advanced yesterday.", None)
    assert (mention.date, mention.kind) == (None, "relative")


@pytest.mark.parametrize(
    "text",
    [
        "The army took the district last month.",
        "More than 300 people died this year.",
        "They had fled the day before.",
        "Shelling stopped on the previous day.",
        "Fighting has intensified in recent days.",
    ],
)
def test_vague_or_context_dependent_expressions_are_not_mentions(text):
    assert find_dates(text, D(2016, 12, 13)) == []


@pytest.mark.parametrize("text", ["USA Today reported it.", "Russia Today aired footage."])
def test_today_in_an_outlet_name_is_not_a_date(text):
    assert find_dates(text, D(2016, 12, 13)) == []


def test_today_opening_a_sentence_is_a_date():
    assert only("Fighting ended. Today, the army holds the district.", D(2016, 12, 13)).date == (
        D(2016, 12, 13)
    )


# --- never after publication --------------------------------------------------


@pytest.mark.parametrize(
    "expression, kind",
    [
        ("tomorrow", "relative"),
        ("next week", "relative"),
        ("later this week", "relative"),
        ("next Monday", "weekday"),
        ("December 20, 2016", "explicit"),
        ("2017-01-05", "explicit"),
    ],
)
def test_dates_after_publication_keep_their_mention_without_a_date(expression, kind):
    mention = only(f"Evacuations are expected {expression}.", D(2016, 12, 13))
    assert (mention.text, mention.date, mention.kind) == (expression, None, kind)


# --- roles ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression",
    [
        ("Some 30,000 people have fled since 15 November.", "15 November"),
        ("Thousands fled since the offensive began on 15 November.", "15 November"),
        ("fierce clashes which continued from Sunday afternoon", "Sunday afternoon"),
        ("The operation started on Monday.", "Monday"),
        ("The push, launched on Oct. 17, 2016, stalled.", "Oct. 17, 2016"),
        ("A ceasefire beginning on Friday held.", "Friday"),
        ("Since yesterday the roads are closed.", "yesterday"),
        ("A curfew is in force starting March 3.", "March 3"),
        ("Hundreds were killed since the 15th of November.", "15th of November"),
    ],
)
def test_date_opening_a_period_has_role_since(text, expression):
    mention = only(text, D(2016, 12, 13))
    assert (mention.text, mention.role) == (expression, "since")


@pytest.mark.parametrize(
    "text",
    [
        "The army took the district on Monday.",
        "As of Monday, rebels held 7 percent of the east.",
        "Rebels held out until Tuesday.",
        "Talks on 12 December failed.",
    ],
)
def test_other_dates_have_role_point(text):
    assert only(text, D(2016, 12, 13)).role == "point"


def test_a_range_opens_with_since_and_ends_with_a_point():
    mentions = find_dates("Clashes lasted from Saturday to Monday.", D(2016, 12, 13))
    assert [(m.text, m.role) for m in mentions] == [("Saturday", "since"), ("Monday", "point")]


# --- order and spans ----------------------------------------------------------


def test_mentions_come_in_text_order_with_exact_spans():
    text = (
        "Late on Monday night, after the offensive launched on Nov. 15, 2016, the army said "
        "yesterday that rebels, who lost Sheikh Saeed earlier this week, held out on Tuesday."
    )
    mentions = find_dates(text, D(2016, 12, 14))
    assert [(m.text, m.date, m.role) for m in mentions] == [
        ("Late on Monday night", D(2016, 12, 12), "point"),
        ("Nov. 15, 2016", D(2016, 11, 15), "since"),
        ("yesterday", D(2016, 12, 13), "point"),
        ("earlier this week", D(2016, 12, 12), "point"),
        ("Tuesday", D(2016, 12, 13), "point"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_skipping_to_the_hints_finds_what_a_full_scan_finds():
    # Digits and date words that are no dates ("98 percent", "Today" in a name)
    # between dates far apart, and dates right after one another.
    text = (
        "Rebels held 98 percent of the east in 2015. " * 3
        + "On Monday, Dec. 12, 2016, the army said. USA Today, 30,000 people, 7 km2. "
        + "Nothing here for a long while, no numbers at all, only words. " * 4
        + "Fighting raged overnight on Sunday and yesterday, three days ago, this week."
    )
    published = D(2016, 12, 14)
    full_scan = [
        mention
        for match in dates._DATE.finditer(text)
        if (mention := dates._mention(text, match, published)) is not None
    ]
    assert len(full_scan) == 5
    assert find_dates(text, published) == full_scan


def test_date_mentions_are_immutable():
    mention = only("on Monday", D(2016, 12, 13))
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.date = None


def test_sentence_without_digit_or_date_word_stops_at_the_pre_check(monkeypatch):
    class Unused:
        def search(self, *args):
            raise AssertionError("the full date expression ran")

        finditer = search

    monkeypatch.setattr(dates, "_DATE", Unused())
    sentence = (
        "The Syrian Observatory for Human Rights said forces loyal to Assad took the "
        "district after fierce clashes in the east of the city, adding that rebels "
        "were retreating toward the south."
    )
    assert find_dates(sentence, D(2016, 12, 13)) == []


# --- Arabic -------------------------------------------------------------------

TUESDAY = D(2016, 12, 6)


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("سيطرت القوات يوم الاثنين على الحي", "يوم الاثنين", D(2016, 12, 5)),
        ("سيطرت القوات مساء الأحد على الحي", "مساء الأحد", D(2016, 12, 4)),
        ("أعلن الجيش اليوم الثلاثاء السيطرة", "اليوم الثلاثاء", TUESDAY),
        ("أعلن الجيش اليوم السيطرة على الحي", "اليوم", TUESDAY),
        ("تقدمت القوات أمس في الحي", "أمس", D(2016, 12, 5)),
        ("دخلت القوات أول من أمس", "أول من أمس", D(2016, 12, 4)),
        ("في 29 تشرين الثاني 2016 سيطرت القوات", "29 تشرين الثاني 2016", D(2016, 11, 29)),
        ("في 3 كانون الأول سيطرت القوات", "3 كانون الأول", D(2016, 12, 3)),
        ("في 6 ديسمبر/كانون الأول سيطرت", "6 ديسمبر/كانون الأول", TUESDAY),
        ("السبت 3 كانون الأول (ديسمبر) 2016", "السبت 3 كانون الأول (ديسمبر) 2016", D(2016, 12, 3)),
        ("في ٣ ديسمبر ٢٠١٦ سيطرت", "٣ ديسمبر ٢٠١٦", D(2016, 12, 3)),  # Arabic-Indic digits
    ],
)
def test_arabic_dates_are_read(text, expression, expected):
    mention = only(text, TUESDAY)
    assert (mention.text, mention.date) == (expression, expected)


@pytest.mark.parametrize("text", ["في اليوم الثالث من المعركة", "حتى اليوم الذي سقط فيه الحي"])
def test_arabic_the_day_of_something_is_not_today(text):
    assert find_dates(text, TUESDAY) == []


def test_arabic_dates_chain_and_open_periods():
    first, then = find_dates("سيطرت يوم السبت، وفي اليوم التالي تقدمت", TUESDAY)
    assert (first.date, then.date) == (D(2016, 12, 3), D(2016, 12, 4))
    assert only("منذ يوم الخميس تدور اشتباكات", TUESDAY).role == "since"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.aljazeera.net/news/2016/11/28/slug", D(2016, 11, 28)),
        ("https://7al.net/2016/11/28/%d9%86/news/", D(2016, 11, 28)),
        ("https://example.org/world/2016-12-06-aleppo-falls", D(2016, 12, 6)),
        ("https://example.org/news/20161206/aleppo", D(2016, 12, 6)),
        ("https://www.enabbaladi.net/archives/117835", None),
        ("https://example.org/story?date=2016/12/01", None),  # a query is not read
        ("https://2016.12.01.example.org/story", None),  # nor the host
        ("https://example.org/2016/13/40/story", None),  # no such day
        ("", None),
    ],
)
def test_publication_day_written_in_a_url(url, expected):
    assert dates.published_from_url(url) == expected


# --- captions -----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "In this Monday, Dec. 5, 2016 photo, Syrian army soldiers fire their weapons during a "
        "battle with insurgents at the Ramouseh front line, east of Aleppo, Syria. "
        "(AP Photo/Hassan Ammar)",
        "Syrian forces fire into the sky to celebrate their victory against rebels in eastern "
        "Aleppo, Syria, December 12, 2016.Credit: Omar Sanadiki, Reuters",
        "Syrian civilians flee towards safer southeastern Aleppo, on December 12, 2016, during "
        "an operation by Syrian governmentCredit: STRINGER/AFP",
        "Civilians wait outside a government military police centre to visit relatives, who "
        "were evacuated from eastern Aleppo (AFP)",
        "FILE - In this Aug. 3, 2017 file photo, smoke rises over Mosul.",
        "A boy walks past rubble in Douma, March 20, 2018. REUTERS/Bassam Khabieh",
        "Displaced families queue for bread. Photo: AFP",
        "Smoke rises over Raqqa. Photograph: Getty Images",
        "AFP PHOTO / GEORGE OURFALIAN",
        "In this image made from video released by the White Helmets, a rescuer runs.",
    ],
)
def test_caption_lines_are_recognised(line):
    assert is_caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "BEIRUT, Dec. 12 (Reuters) - The army took Sheikh Saeed on Monday.",
        "BEIRUT, Dec 12 (AP) — Syrian troops pressed on.",
        "ALEPPO, Syria, Dec. 12, 2016 (AFP)",
        "A Syrian military source told Reuters that victory was near.",
        "Rami Abdel Rahman told AFP that the army was in full control.",
        "In this week's fighting, dozens were killed.",
        "Tuesday 13 December 2016 08:48 GMT",
    ],
)
def test_datelines_and_article_text_are_not_captions(line):
    assert not is_caption_line(line)


# --- publication date -----------------------------------------------------------


def article(dateline: str) -> str:
    """An article with `dateline` as its third non-blank line, like the Independent's."""
    return (
        "Aleppo's civilians 'massacred' as Assad forces take back city\n\n"
        "Activists inside last rebel pockets have sent farewell messages\n\n"
        f"{dateline}\n"
        "Video shows Syrian Army taking Aleppo\n\n"
        "Aid workers pleaded for a corridor late on Monday night.\n"
    )


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("Tuesday 13 December 2016 08:48 GMT", D(2016, 12, 13)),
        ("December 13, 2016 8:48 AM", D(2016, 12, 13)),
        ("13 December 2016", D(2016, 12, 13)),
        ("Updated Dec. 13, 2016", D(2016, 12, 13)),
        ("Published 2017-03-05 10:00 UTC", D(2017, 3, 5)),
        ("By Martin Chulov | Sun 30 Jun 2019 14.02 BST", D(2019, 6, 30)),
        ("Last updated: 20 March 2020 • 9:00am", D(2020, 3, 20)),
        ("Mon 4 Jan 2021 06.00 GMT", D(2021, 1, 4)),
        ("Feb 29, 2024 11:15 PM ET", D(2024, 2, 29)),
        ("ALEPPO, Syria, Dec. 12, 2016 (AFP) - Government forces pressed on.", D(2016, 12, 12)),
        ("MOSUL, Iraq, July 9, 2017 (AP) — Iraqi forces declared victory.", D(2017, 7, 9)),
    ],
)
def test_dateline_near_the_top_gives_the_publication_date(dateline, expected):
    assert infer_published(article(dateline)) == (expected, "dateline")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Martin Chulov | Sun 30 Jun 2019 14.02 BST", D(2019, 6, 30)),  # a name, not "By ..."
        ("Syria: 13 December 2016", D(2016, 12, 13)),
        ("The army entered Sheikh Saeed on 12 December 2016.", D(2016, 12, 12)),
    ],
)
def test_line_with_more_than_a_date_is_not_a_dateline(line, expected):
    assert infer_published(article(line)) == (expected, "latest-date")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "BEIRUT, Dec. 12 (Reuters) - The army took Sheikh Saeed on Monday.\n\n"
            "The offensive began on Nov. 15, 2016, after a lull.\n",
            D(2016, 12, 12),
        ),
        (
            "BAGHDAD, Jan. 2 (Reuters) - Iraqi forces pushed into eastern Mosul.\n\n"
            "The latest assault started on Dec. 29, 2016.\n",
            D(2017, 1, 2),
        ),
        (
            "BEIRUT, Dec. 30 (Reuters) - Shelling stopped.\n\n"
            "Talks are planned for Jan. 23, 2017 in Astana.\n",
            D(2016, 12, 30),
        ),
    ],
)
def test_yearless_wire_dateline_takes_the_year_of_the_nearest_full_date(text, expected):
    assert infer_published(text) == (expected, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT, Dec 12 (AP) — Syrian troops pressed on since the offensive began last month.\n",
        "BEIRUT, Dec. 12 (Reuters) - The army advanced.\n\n"
        "A boy walks past rubble in Aleppo, December 10, 2016. REUTERS/Abdalrhman Ismail\n",
    ],
)
def test_yearless_dateline_without_a_full_date_gives_no_answer(text):
    assert infer_published(text) == (None, None)


AP_STORY = """Syrian Military Says Rebels Driven from 98 Percent of Aleppo

In this Monday, Dec. 5, 2016 photo, Syrian army soldiers fire their weapons during a battle \
with insurgents at the Ramouseh front line, east of Aleppo, Syria. (AP Photo/Hassan Ammar)

BEIRUT — Syria's military said Monday it has regained control of 98 percent of eastern Aleppo.

The loss of Aleppo would mark the greatest defeat for the rebels since the conflict began in 2011.
"""

HAARETZ_STORY = """Aleppo: Massacre Reported as Syrian Army Presses Assault on Last Rebel Holdout

Syrian civilians flee towards safer southeastern Aleppo, on December 12, 2016, during an operation
Syrian civilians flee towards safer southeastern Aleppo, on December 12, 2016, during an \
operationCredit: STRINGER/AFP

Syrian state TV said on Monday government forces gained control of 99 percent of eastern Aleppo.

Syrian forces fire into the sky to celebrate their victory against rebels in eastern Aleppo, \
Syria, December 12, 2016.Credit: Omar Sanadiki, Reuters
"""


@pytest.mark.parametrize("text", [AP_STORY, HAARETZ_STORY])
def test_caption_dates_never_date_the_article(text):
    assert infer_published(text) == (None, None)


def test_latest_full_date_outside_captions_is_a_lower_bound():
    text = HAARETZ_STORY + "\nRebels had rejected a truce on December 10, 2016.\n"
    assert infer_published(text) == (D(2016, 12, 10), "latest-date")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mosul fighting\n\nFighting resumed on March 3, 2019, and talks on 12 March 2019 "
            "failed.\n",
            D(2019, 3, 12),
        ),
        (
            "Syrian army advances\n\nOn December 12, 2016, the army entered Sheikh Saeed.\n",
            D(2016, 12, 12),
        ),
        (
            "Gaza\n\nA strike hit the camp, March 20, 2019. (AP Photo/Khalil Hamra)\n\n"
            "The ceasefire of March 3, 2019 broke down.\n",
            D(2019, 3, 3),
        ),
        (
            "Raqqa\n\n" + "The coalition pressed on.\n" * 30 + "13 December 2016\n",
            D(2016, 12, 13),
        ),
    ],
)
def test_without_a_dateline_the_latest_full_date_is_used(text, expected):
    assert infer_published(text) == (expected, "latest-date")


@pytest.mark.parametrize(
    "text",
    [
        "Published: 13/12/2016\n\nThe army took the district on Monday.\n",
        "Headline\n\nThe army took the district on Monday, 15 November.\n",
        "",
    ],
)
def test_no_full_date_gives_no_publication_date(text):
    assert infer_published(text) == (None, None)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_6ad60a72a9eddd5e.txt", (None, None)),  # dates only in captions
        ("001_bf4136b5d83f17ff.txt", (None, None)),  # AP: the photo caption's date
        ("002_26bb532be2815d85.txt", (None, None)),
        ("003_a44deb2fcd8440a6.txt", (D(2016, 12, 13), "dateline")),
        ("004_cd814b480ce3fa6f.txt", (None, None)),
    ],
)
def test_seed_articles_publication_dates(name, expected):
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    assert infer_published(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a range: by its last day, what the period saw had happened
        ("Troops seized Hanano on November 26 - 27, ISW said.", [dt.date(2016, 11, 27)]),
        ("Fighting on Nov. 26-27.", [dt.date(2016, 11, 27)]),
        ("Fighting on 26-27 November 2016.", [dt.date(2016, 11, 27)]),
        # counted from the day named before in the text
        (
            "They inspected Hanano on Sunday, a day after they seized it.",
            [dt.date(2016, 11, 27), dt.date(2016, 11, 26)],
        ),
        (
            "Troops on Monday killed 82 people in X, taken over that day by the army.",
            [dt.date(2016, 11, 28), dt.date(2016, 11, 28)],
        ),
        (
            "On Monday they advanced; the next day they took it.",
            [dt.date(2016, 11, 28), dt.date(2016, 11, 29)],
        ),
        # with no day before it, "a day after" counts back from publication day
        ("The advance came only a day after troops took Hanano.", [dt.date(2016, 11, 29)]),
        # and "that day" or "the next day" refer to nothing
        ("Troops took it that day.", [None]),
        ("The next day they took it.", [None]),
    ],
)
def test_ranges_and_days_counted_from_the_day_named_before(text, expected):
    found = [m.date for m in find_dates(text, dt.date(2016, 11, 30))]
    assert found == expected


def test_day_of_month_of_year():
    found = find_dates("Rebels took the area on the 21st of July of 2012.", dt.date(2016, 12, 3))
    assert [m.date for m in found] == [dt.date(2012, 7, 21)]
