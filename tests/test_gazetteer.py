"""Resolving names and finding mentions in the embedded Aleppo gazetteer."""

import json
from collections import Counter

import pytest
from shapely.geometry import box

from aleppo_map import Gazetteer

from conftest import ROOT, square

# Spellings seen in news and in other transliteration systems; most are not in the seeds.
RESOLVES = [
    ("Sheikh Saeed", "sheikh-saeed", "exact"),
    ("Sheik Said", "sheikh-saeed", "normalised"),
    ("Shaykh Sa'id", "sheikh-saeed", "normalised"),
    ("Cheikh Saïd", "sheikh-saeed", "normalised"),
    ("SHEIKH SAEED", "sheikh-saeed", "exact"),
    ("sheikh saeed", "sheikh-saeed", "exact"),
    ("شيخ سعيد", "sheikh-saeed", "alias"),
    ("al-Salihin", "salihin", "exact"),
    ("Salhin", "salihin", "normalised"),
    ("as-Salheen", "salihin", "alias"),
    ("الصالحين", "salihin", "alias"),
    ("Firdous", "fardous", "normalised"),
    ("el-Fardos", "fardous", "normalised"),
    ("الفِردَوس", "fardous", "alias"),  # diacritics are not spelling
    ("Bustan al-Qasr", "bustan-al-qasr", "exact"),
    ("Boustan el-Kasr", "bustan-al-qasr", "normalised"),
    ("بستان القصر", "bustan-al-qasr", "alias"),
    ("Sukkary", "sukkari", "normalised"),
    ("Ashrafiya", "ashrafiyeh", "normalised"),
    ("Sheikh Maksoud", "sheikh-maqsoud", "normalised"),
    ("Shaykh Maqsud", "sheikh-maqsoud", "normalised"),
    ("Masaken Hanano", "hanano", "alias"),
    ("Bab al-Nairab", "muhammad-bek", "alias"),
    ("Salah al-Din", "salaheddine", "alias"),
    ("Karm al-Qaterji", "karm-al-qaterji", "exact"),
    ("Kerm el-Katerji", "karm-al-qaterji", "normalised"),
    ("Jdeideh", "jdeideh", "exact"),
    ("Judayda", "jdeideh", "alias"),
    ("Haidariya", "haydariyeh", "normalised"),
    ("Sheikh Khudr", "sheikh-khodr", "alias"),
    ("Sayf al-Dawla", "saif-al-dawla", "alias"),
    # parts named as a whole resolve to the group
    ("Ramouseh", "ramouseh", "exact"),
    ("al-Ramousa", "ramouseh", "normalised"),
    ("الراموسة", "ramouseh", "alias"),
    ("Hamdaniya", "hamdaniyeh", "alias"),
    ("al-Hamdaniyah", "hamdaniyeh", "normalised"),
    # places missing from the polygons, as approximate points
    ("Mogambo", "mogambo", "exact"),
    ("Mokambo", "mogambo", "alias"),
    ("Karm al-Afandi", "karm-al-afandi", "exact"),
    ("Karam al-Effendi", "karm-al-afandi", "alias"),
    ("al-Shahidin", "shahideen", "alias"),
    ("Old City", "old-city", "exact"),
    ("Ancient City of Aleppo", "old-city", "alias"),
    ("Umayyad Mosque", "great-mosque", "alias"),
    ("Babdin", "baedeen", "alias"),  # a misspelling met in the news
    # a trailing generic word is not part of the name
    ("the Sukkari district", "sukkari", "exact"),
    ("al-Fardous neighbourhood", "fardous", "exact"),
]


@pytest.mark.parametrize("name,place_id,kind", RESOLVES)
def test_resolve_spellings(gazetteer, name, place_id, kind):
    answer = gazetteer.lookup(name)
    assert answer.place is not None, f"{name!r} did not resolve"
    assert (answer.place.id, answer.match) == (place_id, kind)
    assert gazetteer.resolve(name).id == place_id


@pytest.mark.parametrize("name", ["Aleppo", "Syria", "the", "district", "Damascus", "Palmyra", ""])
def test_resolve_unknown_names_gives_none(gazetteer, name):
    assert gazetteer.resolve(name) is None


def test_near_miss_offers_candidates(gazetteer):
    answer = gazetteer.lookup("Sheikh Sayeed")
    assert answer.place is None and not answer.ambiguous
    assert answer.candidates[0].id == "sheikh-saeed"
    assert gazetteer.lookup("Sukkani quarter").candidates[0].id == "sukkari"


def test_ambiguous_name_lists_candidates_instead_of_guessing(gazetteer):
    answer = gazetteer.lookup("دوار سبع بحرات")  # a roundabout between two places
    assert answer.place is None and answer.ambiguous
    assert {p.id for p in answer.candidates} == {"aqabeh", "farafira"}


@pytest.mark.parametrize(
    "name,place_id", [("جبرين", "jibreen"), ("الصاخور", "sakhour"), ("Bani Zeid", "rasafa")]
)
def test_a_name_shared_with_places_named_after_it_means_the_place(gazetteer, name, place_id):
    # The source gives al-Sakhour and al-Sakhour I (Jibreen and Jibreen Industrial
    # Area) one Arabic name: the news means the place the others are named after.
    assert gazetteer.resolve(name).id == place_id


def test_only_expected_names_are_ambiguous(gazetteer):
    """Folding must not merge the names of different places by accident."""
    index, _ = gazetteer._ensure_index()
    shared = sorted(t.candidates for t in index.values() if t.place_id is None)
    # A roundabout on the line between two places
    assert shared == [("aqabeh", "farafira")]


# text, expected (surface, place_id) in order
FINDS = [
    (
        "Troops retook al-Fardous and Bustan al-Qasr on Monday.",
        [("al-Fardous", "fardous"), ("Bustan al-Qasr", "bustan-al-qasr")],
    ),
    # the longest name wins over a shorter one inside it
    (
        "Clashes near Ramouseh Industrial District II continued.",
        [("Ramouseh Industrial District II", "ramouseh-industrial-district-ii")],
    ),
    ("Sheikh Maqsoud, the Kurdish-held area, was quiet.", [("Sheikh Maqsoud", "sheikh-maqsoud")]),
    (
        "Army seized Shaykh Sa'id and al-Sukkari.",
        [("Shaykh Sa'id", "sheikh-saeed"), ("al-Sukkari", "sukkari")],
    ),
    ("Rebels in el-Firdous said so.", [("el-Firdous", "fardous")]),
    (
        "قوات النظام تسيطر على حي الشيخ سعيد وبستان القصر",
        [("الشيخ سعيد", "sheikh-saeed"), ("بستان القصر", "bustan-al-qasr")],
    ),
    (
        "Lists: Karam al-Effendi, Karm al-Daadaa and Salaheen fell.",
        [
            ("Karam al-Effendi", "karm-al-afandi"),
            ("Karm al-Daadaa", "karm-al-daadaa"),
            ("Salaheen", "salihin"),
        ],
    ),
    # a name split by a line break is still one name
    ("the army entered Sheikh\nSaeed at dawn", [("Sheikh\nSaeed", "sheikh-saeed")]),
    # a near miss next to "district" is found by fuzzy matching
    ("fighting in the Sheikh Sayeed district", [("Sheikh Sayeed", "sheikh-saeed")]),
]


@pytest.mark.parametrize("text,expected", FINDS)
def test_find_mentions(gazetteer, text, expected):
    found = [(m.surface, m.place_id) for m in gazetteer.find(text)]
    assert found == expected


def test_find_reports_span_kind_score_and_sentence(gazetteer):
    text = "Intro line. The army took Sheik Saeed on Monday. Later news."
    (mention,) = gazetteer.find(text)
    assert text[mention.start : mention.end] == "Sheik Saeed"
    assert mention.match == "normalised" and 0 < mention.score < 1
    assert mention.sentence == "The army took Sheik Saeed on Monday."
    assert text[mention.sentence_start :].startswith(mention.sentence)


def test_fuzzy_mentions_are_flagged(gazetteer):
    (mention,) = gazetteer.find("shelling hit the Bustan al-Kazr district")
    assert (mention.place_id, mention.match) == ("bustan-al-qasr", "fuzzy")
    assert mention.score < 0.85


def test_the_citys_own_name_is_no_near_miss(gazetteer):
    # "SE Aleppo" is as close to "New Aleppo" as a misspelling, but names part of the city
    assert gazetteer.find("Syrian forces liberate SE Aleppo district from militants") == []


def test_ambiguous_mention_carries_candidates(gazetteer):
    (mention,) = gazetteer.find("اشتباكات عند دوار سبع بحرات")
    assert mention.place_id is None and mention.ambiguous
    assert set(mention.candidates) == {"aqabeh", "farafira"}


NOT_PLACES = [
    # common words and people's names that share letters with places
    "Ansar al-Sham fighters and the Nusra Front joined the battle.",
    "Hannah and Hanan met Medina officials; the Fed raised rates.",
    "Ameen al-Halabi wrote on Facebook; Salah spoke to the press.",
    "They walked through a public park near the national hospital and the citadel.",
    "The new university building and the airport road were closed.",
    "Rebels said the martyrs' square was shelled by the regime.",
    # inside other words
    "The Fardousian poets and Sukkarin sweets.",
    "AlFardousi is a surname.",
    # lowercase is not a proper noun in news copy
    "we took sukkari and fardous yesterday",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_common_words_are_not_places(gazetteer, text):
    assert gazetteer.find(text) == []


def test_seed_mentions_resolve_to_the_right_places(gazetteer):
    """Hand-annotated: every neighbourhood mention in the five seeds."""
    gold = {
        "000_6ad60a72a9eddd5e.txt": Counter(
            {
                ("Sheik Saeed", "sheikh-saeed"): 5,
                ("Sheikh Saeed", "sheikh-saeed"): 1,
                ("al-Fardous", "fardous"): 4,
                ("al-Salihin", "salihin"): 1,
                ("Saliheen", "salihin"): 1,
                ("Mogambo", "mogambo"): 1,
                ("Sukkari", "sukkari"): 1,
                ("Bustan al-Qasr", "bustan-al-qasr"): 1,
            }
        ),
        "001_bf4136b5d83f17ff.txt": Counter(
            {
                ("Ramouseh", "ramouseh"): 2,
                ("Sheikh Saeed", "sheikh-saeed"): 1,
                ("Sheik Saeed", "sheikh-saeed"): 1,
                ("al-Fardous", "fardous"): 1,
            }
        ),
        "002_26bb532be2815d85.txt": Counter(
            {
                ("Sheikh Saeed", "sheikh-saeed"): 5,
                ("al-Amariya", "amiriyeh"): 1,
                ("Ramousah", "ramouseh"): 1,
                ("al-Shahideen", "shahideen"): 1,
                ("Karam al-Effendi", "karm-al-afandi"): 1,
                ("Karam al-Daadaa", "karm-al-daadaa"): 1,
                ("Salaheen", "salihin"): 1,
            }
        ),
        "003_a44deb2fcd8440a6.txt": Counter(
            {("Fardous", "fardous"): 1, ("Saliheen", "salihin"): 1}
        ),
        "004_cd814b480ce3fa6f.txt": Counter({("Sheikh Saeed", "sheikh-saeed"): 2}),
    }
    for name, expected in gold.items():
        text = (ROOT / "seeds" / name).read_text("utf-8")
        found = Counter((m.surface, m.place_id) for m in gazetteer.find(text))
        assert found == expected, name


# -- the embedded data --------------------------------------------------------------

ALEPPO_BBOX = box(37.0, 36.08, 37.35, 36.33)


def test_every_geometry_is_valid_and_inside_aleppo(gazetteer):
    for place in gazetteer:
        assert place.geometry.is_valid, place.id
        assert not place.geometry.is_empty, place.id
        assert ALEPPO_BBOX.contains(place.geometry), place.id
        assert place.geometry.contains(place.point) or place.precision == "point"


def test_no_two_polygons_overlap_by_more_than_100_m2(gazetteer):
    assert gazetteer.overlaps(100.0) == []


def test_overlap_check_detects_overlaps(tmp_path):
    features = [
        {"type": "Feature", "properties": {"name": n}, "geometry": square(37.1 + dx, 36.2)}
        for n, dx in [("A", 0.0), ("B", 0.005)]
    ]
    path = tmp_path / "overlap.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    ((a, b, area),) = Gazetteer.from_file(path).overlaps(100.0)
    assert (a, b) == ("a", "b") and 400_000 < area < 600_000  # about 450 m x 1100 m


def test_ids_unique_and_entries_complete(gazetteer):
    ids = [p.id for p in gazetteer]
    assert len(ids) == len(set(ids)) == 134
    polygons = [p for p in gazetteer if p.precision == "polygon"]
    assert len(polygons) == 126  # one per distinct source name
    for place in gazetteer:
        assert place.name and place.kind and place.source
    # the source's split places are merged, its shared Id split
    assert gazetteer["tishreen"].geometry.geom_type == "MultiPolygon"
    assert gazetteer["public-park"].name != gazetteer["sheikh-taha"].name


def test_groups_cover_their_members(gazetteer):
    ramouseh = gazetteer["ramouseh"]
    assert ramouseh.precision == "group" and len(ramouseh.members) == 4
    for member in ramouseh.members:
        assert ramouseh.geometry.buffer(1e-9).contains(gazetteer[member].geometry)


def test_point_places_are_flagged_approximate_with_a_cited_source(gazetteer):
    for pid in ["mogambo", "karm-al-afandi", "shahideen"]:
        place = gazetteer[pid]
        assert place.precision == "point" and place.approximate
        assert place.source and "approximate" in place.note


def test_geodataframe_export(gazetteer):
    frame = gazetteer.to_geodataframe()
    assert len(frame) == len(gazetteer) and frame.crs.to_epsg() == 4326
    assert {"id", "name", "name_ar", "aliases", "lat", "lon", "precision"} <= set(frame.columns)
    assert frame.set_index("id").loc["sheikh-saeed", "name_ar"] == "شيخ سعيد"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the Sukkani neighbourhood", ["neighbourhood"]),
        ("Districts and the Saed quarter", ["Districts", "quarter"]),
        ("a suburb; neighborhood watch", ["suburb", "neighborhood"]),
        ("subdistrict headquarters, the quarterback", []),
    ],
)
def test_place_cue_words_are_found_as_whole_words(text, expected):
    from aleppo_map.gazetteer import _cue_starts

    found = [text[s:].split()[0].strip(",;") for s in _cue_starts(text)]
    assert found == expected


def test_find_names_with_the_article_glued_on(gazetteer):
    # Some activist English writes the article joined: "alShaar", "Saif alDawla".
    text = "Shelling hit alShaar and Saif alDawla; McDonald and DeLorean are no places."
    found = [(m.surface, m.place_id) for m in gazetteer.find(text)]
    assert found == [("alShaar", "shaar"), ("Saif alDawla", "saif-al-dawla")]


@pytest.mark.parametrize(
    "text,place_id",
    [
        # Latin spellings of Arabic names the source itself lists for a polygon
        ("Troops entered Tariq al-Bab.", "shaar"),
        ("Troops entered Tareeq al-Bab.", "shaar"),
        ("They seized the Maadi district.", "asileh"),
        ("They took Karm al-Tahhan.", "karm-homad"),
        ("They took Karam al-Tarab.", "maasraniyeh"),
        ("Kurds hold Holluk.", "ain-al-tal"),
        ("They took the Halak district.", "ain-al-tal"),
        ("They took Hallak Al-Fukani.", "ain-al-tal"),
        # the longer name still wins
        ("They took Trab al-Hellok.", "trab-al-hellok"),
    ],
)
def test_spellings_of_the_sources_arabic_names(gazetteer, text, place_id):
    assert [m.place_id for m in gazetteer.find(text)] == [place_id]


def test_a_short_names_near_miss_keeps_its_first_letter(gazetteer):
    # "asad" is as close to "mashad" by ratio as a misspelling, two letters apart
    assert gazetteer.find("Opposition forces captured the Al-Assad suburb on Friday.") == []


@pytest.mark.parametrize(
    "text,place_id",
    [
        ("shelling of the rebel-held Jubb Al-Qubbeh district", "bayyada"),
        ("regime positions in Jamaat al-Zahraa neighborhood", "zahraa"),
        ("executions in Al Salhiyin and Bostan Al Qasr", "salihin"),
        ("pro-regime forces inside the Old Aleppo neighborhood", "old-city"),
    ],
)
def test_names_the_news_gives_that_the_source_spells_otherwise(gazetteer, text, place_id):
    assert place_id in {m.place_id for m in gazetteer.find(text)}


def test_the_short_form_of_karm_al_myassar(gazetteer):
    found = gazetteer.find("capturing all of al-Jazmati along with the al-Myassar neighbourhood")
    assert "karm-al-myassar" in {m.place_id for m in found}
