"""Claims from sentences in the wording of many outlets (none of them from the seeds)."""

import datetime as dt
from pathlib import Path

import pytest

from aleppo_map.claims import Extractor, extract_claims
from aleppo_map.documents import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def claims_of(extractor, text, published=dt.date(2016, 11, 29), outlet="Wire"):
    doc = Document(
        Path("t.txt"),
        text,
        outlet=outlet,
        published=published,
        published_source="front matter" if published else None,
    )
    return extractor.extract(doc)


# text, published (None: default Tue 29 Nov 2016), expected {(place_id, status, date)}
CASES = [
    (
        "Syrian government forces captured the Sakhour district on Monday, the Syrian "
        "Observatory for Human Rights said.",
        None,
        {("sakhour", "government", "2016-11-28")},
    ),
    (
        "Rebels still hold Sukkari and Bustan al-Qasr, a rebel official told AFP.",
        None,
        {("sukkari", "rebels", "2016-11-29"), ("bustan-al-qasr", "rebels", "2016-11-29")},
    ),
    (
        "Heavy fighting continued in Sheikh Saeed overnight on Sunday.",
        None,
        {("sheikh-saeed", "contested", "2016-11-27")},
    ),
    ("Hanano fell to the army on Saturday.", None, {("hanano", "government", "2016-11-26")}),
    (
        "Kurdish fighters seized Bustan al-Basha on Thursday, a YPG spokesman said.",
        None,
        {("bustan-al-basha", "kurdish", "2016-11-24")},
    ),
    (
        "Government warplanes pounded rebel-held al-Kalasa and Bab al-Nairab on Monday.",
        None,
        {("kalasa", "rebels", "2016-11-28"), ("muhammad-bek", "rebels", "2016-11-28")},
    ),
    (
        "Insurgents were driven out of al-Haydariyeh on Tuesday.",
        None,
        {("haydariyeh", "government", "2016-11-29")},
    ),
    (
        "The Syrian army said it had retaken the Masaken Hanano district on Saturday.",
        None,
        {("hanano", "government", "2016-11-26")},
    ),
    (
        "Clashes raged on the edges of Karm al-Jabal on Monday as troops advanced on the "
        "neighbourhood.",
        None,
        {("karm-al-jabal", "contested", "2016-11-28")},
    ),
    (
        "On 28 November, regime forces and allied militias overran Jabal Badro.",
        None,
        {("jabal-badro", "government", "2016-11-28")},
    ),
    (
        "Sheikh Saeed is now under government control, according to SANA.",
        None,
        {("sheikh-saeed", "government", "2016-11-29")},
    ),
    (
        "Al-Marjeh remains in rebel hands, the Observatory said on Sunday.",
        None,
        {("marjeh", "rebels", "2016-11-27")},
    ),
    (
        "Troops captured al-Sukkari on Tuesday.",
        dt.date(2016, 12, 13),
        {("sukkari", "government", "2016-12-13")},
    ),
    (
        "Government forces seized the Old City districts of al-Farafira and al-Aqabeh yesterday.",
        dt.date(2016, 12, 7),
        {("farafira", "government", "2016-12-06"), ("aqabeh", "government", "2016-12-06")},
    ),
    (
        "Qadi Askar was captured by government troops late on Friday.",
        None,
        {("qadi-askar", "government", "2016-11-25")},
    ),
    (
        "Troops have seized al-Sakhour, said Rami Abdulrahman, head of the Observatory.",
        None,
        {("sakhour", "government", "2016-11-29")},
    ),
    (
        # "stormed" is an assault into the place, not yet its capture
        "Jihadists from Jabhat Fateh al-Sham stormed al-Hamdaniyeh on 3 November 2016.",
        None,
        {("hamdaniyeh", "contested", "2016-11-03")},
    ),
    (
        "Jihadists from Jabhat Fateh al-Sham stormed and secured al-Hamdaniyeh on 3 November 2016.",
        None,
        {("hamdaniyeh", "rebels", "2016-11-03")},
    ),
    (
        "Pro-government militias took Sheikh Lutfi and Bab al-Maqam on Wednesday, "
        "state television reported.",
        dt.date(2016, 12, 8),
        {("bab-al-maqam", "government", "2016-12-07")},
    ),
    (
        "The rebel-controlled neighbourhood of al-Mashhad came under heavy shelling on Wednesday.",
        None,
        {("mashhad", "rebels", "2016-11-23"), ("mashhad", "contested", "2016-11-23")},
    ),
    (
        "Bab al-Maqam is now the front line between the two sides.",
        None,
        {("bab-al-maqam", "contested", "2016-11-29")},
    ),
    # Wording met in real wire copy of November 2016 (AFP, The New Arab, Italian press)
    (
        '"The armed forces took full control of al-Sakhour after ending the presence of '
        'terrorists there," the state broadcaster said.',
        None,
        {("sakhour", "government", "2016-11-29")},
    ),
    (
        "Regime forces had been advancing inside al-Shaar for several days.",
        None,
        {("shaar", "contested", "2016-11-29")},
    ),
    (
        "Jabal Badra, Baadeen and Ain al-Tall have all returned to regime hands, the monitor said.",
        None,
        {
            ("jabal-badro", "government", "2016-11-29"),
            ("baedeen", "government", "2016-11-29"),
            ("ain-al-tal", "government", "2016-11-29"),
        },
    ),
    (
        "Government troops made large forays into Sakhur and nearby Haidariya on Monday.",
        None,
        {("sakhour", "contested", "2016-11-28"), ("haydariyeh", "contested", "2016-11-28")},
    ),
    (
        "The army took Sakhur on Monday. Haidariya and Sheikh Khodr also fell on Tuesday, while "
        "Kurdish fighters managed to advance on Sheikh Fares on Wednesday.",
        dt.date(2016, 11, 30),
        {
            ("sakhour", "government", "2016-11-28"),
            ("haydariyeh", "government", "2016-11-29"),
            ("sheikh-khodr", "government", "2016-11-29"),
            ("sheikh-fares", "contested", "2016-11-30"),
        },
    ),
    (
        "The Observatory reported heavy clashes on Monday in al-Shaar. The army and its allies "
        "captured parts of the district, it said.",
        None,
        {("shaar", "contested", "2016-11-28")},
    ),
    (
        'State media said on Sunday that the army "restored control" over a-Maissar and the '
        "nearby National Hospital.",
        None,
        {
            ("karm-al-myassar", "government", "2016-11-27"),
            ("national-hospital", "government", "2016-11-27"),
        },
    ),
    (
        "The monitor said the insurgents retained a third of Sheikh Saeed.",
        None,
        {("sheikh-saeed", "contested", "2016-11-29")},
    ),
    # "took place", "took part": idioms, not captures; the fighting still counts
    (
        "Heavy clashes took place in al-Sakhour on Sunday, activists said.",
        None,
        {("sakhour", "contested", "2016-11-27")},
    ),
    (
        "Hundreds of insurgents took part in the battle for Bustan al-Basha on Monday.",
        None,
        {("bustan-al-basha", "contested", "2016-11-28")},
    ),
    # a list before a holding predicate, with the plural "districts" between
    (
        "Sources said the al-Sukkari, al-Fardous and al-Kalasa districts are now controlled by "
        "pro-government fighters.",
        None,
        {
            ("sukkari", "government", "2016-11-29"),
            ("fardous", "government", "2016-11-29"),
            ("kalasa", "government", "2016-11-29"),
        },
    ),
    (
        "Government forces pressed on. The monitor said the Bustan al-Basha and al-Haydariyeh "
        "neighbourhoods also fell on Sunday.",
        None,
        {
            ("bustan-al-basha", "government", "2016-11-27"),
            ("haydariyeh", "government", "2016-11-27"),
        },
    ),
    # an actor inside a dash aside is not the subject
    (
        "Kurdish militants – reportedly in coordination with government troops – took Sheikh Fares "
        "from the rebels on Monday.",
        None,
        {("sheikh-fares", "kurdish", "2016-11-28")},
    ),
    # "seized 'full control' of the district": quotes and a modifier before the anaphor
    (
        "Troops advanced into al-Haydariyeh at dawn. By evening they had seized "
        '"full control" of the northern district, a military source said.',
        None,
        {("haydariyeh", "contested", "2016-11-29"), ("haydariyeh", "government", "2016-11-29")},
    ),
    # fighting told with a verb, its opponents named in between
    (
        "Opposition fighters clashed with pro-regime militias in al-Sukkari on Saturday.",
        None,
        {("sukkari", "contested", "2016-11-26")},
    ),
    (
        "Both sides fought fiercely around Jabal Badro overnight, activists said.",
        None,
        {("jabal-badro", "contested", "2016-11-29")},
    ),
    (
        "Loyalist troops were besieging al-Sukkari; others reached the outskirts of "
        "al-Mashhad on Sunday.",
        None,
        # no day for the siege: the day the article reports on, from its first sentence
        {("sukkari", "contested", "2016-11-27"), ("mashhad", "contested", "2016-11-27")},
    ),
    # who is still in a place holds it; not whoever else the sentence names
    (
        "Opposition fighters are still holed up in al-Sukkari, a monitor said.",
        None,
        {("sukkari", "rebels", "2016-11-29")},
    ),
    (
        "Russian military police were deployed in al-Shaar on Sunday.",
        None,
        {("shaar", "government", "2016-11-27")},
    ),
    ("Rebels said civilians remain in al-Sukkari.", None, set()),
    # giving ground up, in more words
    (
        "Insurgents surrendered Bustan al-Qasr on Monday and evacuated al-Mashhad.",
        None,
        {("bustan-al-qasr", "government", "2016-11-28"), ("mashhad", "government", "2016-11-28")},
    ),
    ("Rebels lost control of Hanano on Saturday.", None, {("hanano", "government", "2016-11-26")}),
    (
        "The rebels, short of ammunition, were forced to cede al-Shaar.",
        None,
        {("shaar", "government", "2016-11-29")},
    ),
    (
        "Pro-government militias cleared Karm al-Jabal on Monday and mopped up pockets of "
        "resistance in al-Shaar.",
        None,
        {("karm-al-jabal", "government", "2016-11-28"), ("shaar", "government", "2016-11-28")},
    ),
    # control that came, and control that ended
    (
        "Al-Shaar came under government control on Sunday, and Sheikh Saeed fell under the "
        "control of Hezbollah fighters.",
        None,
        {("shaar", "government", "2016-11-27"), ("sheikh-saeed", "government", "2016-11-27")},
    ),
    (
        "Al-Ansari, which was under rebel control until Monday, is now held by the army.",
        None,
        # held by the army since Monday
        {("ansari", "government", "2016-11-28")},
    ),
    # a place after a cue belongs to a later verb or actor that stands between
    (
        "Loyalist troops advanced on the rebel districts in a two-pronged push on Sunday, "
        "taking al-Sakhour and al-Haydariyeh.",
        None,
        {("sakhour", "government", "2016-11-27"), ("haydariyeh", "government", "2016-11-27")},
    ),
    (
        "Rebels controlled the whole area in 2012, and with this the regime forces were able "
        "to secure al-Shaar.",
        None,
        {("shaar", "government", "2016-11-29")},
    ),
    # who acts is a subject: not the object of "with", and after "after taking" the
    # subject of the main clause
    (
        "Pro-government forces were clashing with insurgents in al-Fardous, after taking "
        "Sheikh Saeed, a rebel official said.",
        None,
        {("fardous", "contested", "2016-11-29"), ("sheikh-saeed", "government", "2016-11-29")},
    ),
    # where a side falls back to, it holds; where pockets of it remain, it is contested
    (
        "Most militants have fled to the Salihin and Sukkari neighbourhoods.",
        None,
        {("salihin", "rebels", "2016-11-29"), ("sukkari", "rebels", "2016-11-29")},
    ),
    (
        "Pockets of armed resistance still remain in Bustan al-Qasr, state TV said.",
        None,
        {("bustan-al-qasr", "contested", "2016-11-29")},
    ),
    (
        "Government troops still maintain a presence in the southern parts of Sheikh Saeed.",
        None,
        {("sheikh-saeed", "contested", "2016-11-29")},
    ),
    # a date goes to the cue that makes a claim, not to "fled"
    (
        "Thousands of civilians fled on Monday to the Kurdish-held Sheikh Maqsoud district.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-28")},
    ),
    ("Fighting persisted in al-Fardous on Sunday.", None, {("fardous", "contested", "2016-11-27")}),
    (
        "Army units were advancing slowly through al-Sakhour.",
        None,
        {("sakhour", "contested", "2016-11-29")},
    ),
    # lists: names we do not know and the kind of place they are, an apposition,
    # "in addition to", "as well as part of"
    (
        "Troops wrested control of several areas, including al-Haydariyeh, al-Inzarat, "
        "Mahalej factories, Jandoul roundabout, and Bustan al-Basha.",
        None,
        {
            ("haydariyeh", "government", "2016-11-29"),
            ("bustan-al-basha", "government", "2016-11-29"),
        },
    ),
    (
        "Government forces took more districts, most recently the Sheikh Saeed neighborhood, "
        "one of the largest rebel-held districts, in addition to al-Salihin and Al-Daadaa, as "
        "well as part of the al-Fardous neighborhood.",
        None,
        {
            ("sheikh-saeed", "government", "2016-11-29"),
            ("salihin", "government", "2016-11-29"),
            ("fardous", "contested", "2016-11-29"),
        },
    ),
    # a share of a named place is a partial hold of that place, not a city-wide figure
    (
        "The army and allied militias seized control of over 80% of the strategic Sheikh Saeed "
        "district on Sunday.",
        None,
        {("sheikh-saeed", "contested", "2016-11-27")},
    ),
    ("The army took most of al-Sukkari on Monday.", None, {("sukkari", "contested", "2016-11-28")}),
    ("Troops captured more than 40 percent of this important area in the east.", None, set()),
    # a share that is only expected is no figure
    (
        "Should al-Sukkari fall, the army will be in control of more than 60 percent of the "
        "east Aleppo pocket.",
        None,
        set(),
    ),
    # conditions and plans are no claims
    ("Should the rebels lose Sheikh Saeed, the enclave would split.", None, set()),
    ("They are preparing a mounting stage for future attacks on al-Sukkari.", None, set()),
    # a side named after "has fallen" says it, it did not take the place
    (
        "Al-Sukkari has fallen, rebels said. Government forces also took al-Shaar on Monday.",
        None,
        {("sukkari", "government", "2016-11-28"), ("shaar", "government", "2016-11-28")},
    ),
    # a loss under way is not yet a loss
    (
        "Rebels are rapidly losing ground in al-Sukkari.",
        None,
        {("sukkari", "contested", "2016-11-29")},
    ),
    ("The army was losing al-Fardous on Monday.", None, {("fardous", "contested", "2016-11-28")}),
    # a pocket that includes places; routed from; in the army's hands; swept through
    (
        "Rebels have been pushed back into a shrinking pocket that includes al-Mashhad and "
        "al-Ansari.",
        None,
        {("mashhad", "rebels", "2016-11-29"), ("ansari", "rebels", "2016-11-29")},
    ),
    (
        "Government forces were routed from Sheikh Saeed.",
        None,
        {("sheikh-saeed", "rebels", "2016-11-29")},
    ),
    (
        "Al-Sakhour is now fully in the army's hands.",
        None,
        {("sakhour", "government", "2016-11-29")},
    ),
    ("Troops swept through al-Shaar on Sunday.", None, {("shaar", "government", "2016-11-27")}),
    # the scene of clashes
    ("Al-Sukkari was the scene of fierce clashes.", None, {("sukkari", "contested", "2016-11-29")}),
    (
        "Bustan al-Qasr witnessed heavy fighting on Monday.",
        None,
        {("bustan-al-qasr", "contested", "2016-11-28")},
    ),
    # a possessive actor before a capture noun acts; before "loss" it loses
    (
        "The government's capture of Hanano split the enclave.",
        None,
        {("hanano", "government", "2016-11-29")},
    ),
    (
        "The rebels' loss of al-Shaar on Monday was a blow.",
        None,
        {("shaar", "government", "2016-11-28")},
    ),
    # "large parts of" goes with the whole list; a site named after a district is
    # not the district; "X in the south and Y in the east" is one list
    (
        "The army restored security to al-Sakhour, in addition to the Sleiman al-Halabi water "
        "station and large parts of Bustan al-Basha, al-Halwaniya and al-Jazmati.",
        None,
        {
            ("sakhour", "government", "2016-11-29"),
            ("bustan-al-basha", "contested", "2016-11-29"),
            ("halwaniyeh", "contested", "2016-11-29"),
            ("karm-al-jazmati", "contested", "2016-11-29"),
        },
    ),
    ("Troops reached Hanano road on Monday.", None, set()),
    # a roundabout named after a district stands in it: taking it is a gain there
    (
        "Troops liberated the Ba'ideen Roundabout on Saturday.",
        None,
        {("baedeen", "government", "2016-11-26")},
    ),
    (
        "Insurgents lost Sheikh Saeed in the south and Saliheen in the east on Monday.",
        None,
        {("sheikh-saeed", "government", "2016-11-28"), ("salihin", "government", "2016-11-28")},
    ),
    # a place left out ("with the exception of X") is no loss; "X, where clashes were
    # reported" is fought over, and a passive "were reported" names no speaker
    (
        "Rebels have lost almost all of the north, with the exception of the Sheikh Kheder "
        "neighborhood, where heavy clashes were reported Monday between rebels and troops.",
        None,
        {("sheikh-khodr", "contested", "2016-11-28")},
    ),
    # "rebel enclave" names a place, not who acts; "the road of X" is not X
    (
        "On Sunday, they pounded the rebel enclave, seizing the Maadi district, a monitor "
        "said. Government forces took al-Shaar.",
        None,
        {("asileh", "government", "2016-11-27"), ("shaar", "government", "2016-11-27")},
    ),
    ("The regime forces secured the new road of Aleppo international airport.", None, set()),
    (
        "Smoke rises over the rebel-held besieged al-Qaterji neighbourhood.",
        None,
        {("karm-al-qaterji", "rebels", "2016-11-29")},
    ),
    # "retook “full control” of" with quotes; the capture wins over "rebel-held"
    (
        "Government forces have retaken “full control” of the rebel-held district of Masaken "
        "Hanano, state media said on Saturday.",
        None,
        {("hanano", "government", "2016-11-26")},
    ),
    # a state that had held, with its noun phrase, is over
    (
        "Al-Shaar, which had been one of the longest-held districts under the opposition’s "
        "control, is quiet.",
        None,
        set(),
    ),
    # "the area around X" names its place: it does not refer back
    (
        "Troops entered Bab al-Hadid on Tuesday. The army now controls the entire area "
        "around the Aleppo Citadel.",
        None,
        {("bab-al-hadid", "contested", "2016-11-29")},
    ),
    # confined to: where a side is left, it holds; "the largest of them" opens a list
    (
        "The retreat leaves opposition fighters confined to a handful of neighbourhoods, "
        "the largest of them Sukkari and Mashhad.",
        None,
        {("sukkari", "rebels", "2016-11-29"), ("mashhad", "rebels", "2016-11-29")},
    ),
    ("Civilians are confined to al-Mashhad, rebels said.", None, set()),
    # a passive without "was", after a dash or comma, with its agent
    (
        "Troops killed 82 civilians in Bustan al-Qasr and al-Kalleseh – taken over that day "
        "by government forces.",
        None,
        {("bustan-al-qasr", "government", "2016-11-29"), ("kalasa", "government", "2016-11-29")},
    ),
    (
        "Troops advanced into al-Sakhour, captured Hanano by nightfall and pushed on.",
        None,
        {("sakhour", "contested", "2016-11-29"), ("hanano", "government", "2016-11-29")},
    ),
    # a participle clause after a comma is about something else than the places before
    (
        "Government forces took Saliheen and Bab al-Maqaam, reducing the number of districts "
        "remaining in opposition hands to 10.",
        None,
        {("salihin", "government", "2016-11-29"), ("bab-al-maqam", "government", "2016-11-29")},
    ),
    (
        "Al-Sukkari, a district which is still in opposition hands, was shelled.",
        None,
        {("sukkari", "rebels", "2016-11-29")},
    ),
    # handed over: to whom decides; the passive names its agent
    (
        "The rebels decided to hand over the Hanano and Haydariya neighborhoods to Kurdish "
        "fighters.",
        None,
        {("hanano", "kurdish", "2016-11-29"), ("haydariyeh", "kurdish", "2016-11-29")},
    ),
    (
        "The YPG handed Sheikh Fares over to government forces.",
        None,
        {("sheikh-fares", "government", "2016-11-29")},
    ),
    ("Rebels handed over their weapons in al-Shaar.", None, set()),
    (
        "Bustan al-Basha and Sheikh Khodr were handed over to Syrian forces.",
        None,
        {
            ("bustan-al-basha", "government", "2016-11-29"),
            ("sheikh-khodr", "government", "2016-11-29"),
        },
    ),
    # a share of a place that fell is still fought over
    (
        "Al-Haydariya and parts of the Sheikh Fares neighbourhood have also fallen to the army.",
        None,
        {("haydariyeh", "government", "2016-11-29"), ("sheikh-fares", "contested", "2016-11-29")},
    ),
    # "with reports saying" names no speaker; a list after another verb is that verb's
    (
        "The regime gained ground in its offensive on Monday in the east, with reports saying "
        "they had controlled its northern part including al-Sakhour.",
        None,
        {("sakhour", "government", "2016-11-28")},
    ),
    (
        "Al-Shaar district is seeing some intensified fighting.",
        None,
        {("shaar", "contested", "2016-11-29")},
    ),
    (
        "A rebel counteroffensive at Karm al-Maysar failed to yield any gains.",
        None,
        {("karm-al-myassar", "contested", "2016-11-29")},
    ),
    # "districts of Aleppo, which had been ..., were handed over to PYD"
    (
        "Holluk and Bustan al-Basha districts of Aleppo, which had been controlled by Syrian "
        "rebels for 4 to 5 years, were handed over to PYD.",
        None,
        {("ain-al-tal", "kurdish", "2016-11-29"), ("bustan-al-basha", "kurdish", "2016-11-29")},
    ),
    # "the eastern part of X" is a share of X, not a place beside it
    (
        "Government forces had captured the eastern part of the Masakan Hanano neighbourhood.",
        None,
        {("hanano", "contested", "2016-11-29")},
    ),
    ("Clashes raged east of Hanano.", None, set()),
    # a share "of the neighbourhood" is of the place just named, not of the city
    (
        "Rebels put up a strong defence in Sheikh Saeed overnight. Opposition forces were "
        "once again in control of 70 per cent of the neighbourhood, the Observatory said.",
        None,
        {("sheikh-saeed", "contested", "2016-11-29")},
    ),
    # "in addition to capturing X" is no intention; named government units act
    (
        "In addition to capturing Al-Sha'ar, the Tiger Forces advanced at the Marjah "
        "district on Tuesday night.",
        None,
        {("shaar", "government", "2016-11-29"), ("marjeh", "contested", "2016-11-29")},
    ),
    # whoever drives the rebels out takes the place, and holds the share
    (
        "Regime forces have driven the rebels from Qadi Askar neighborhood and are now in "
        "control of approximately 60% of formerly opposition-held eastern Aleppo.",
        None,
        {("qadi-askar", "government", "2016-11-29"), ("city", "government", "2016-11-29")},
    ),
    (
        "Rebels were driven out of al-Haydariyeh.",
        None,
        {("haydariyeh", "government", "2016-11-29")},
    ),
    # "their stronghold in X": the subject holds X
    (
        "The Syrian Democratic Forces advanced from their local stronghold in the Sheikh "
        "Maqsoud District.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-29")},
    ),
    # base forms after a completed action: "managed to capture X"
    ("Troops managed to capture Hanano.", None, {("hanano", "government", "2016-11-29")}),
    (
        "The army was able to seize al-Shaar on Monday.",
        None,
        {("shaar", "government", "2016-11-28")},
    ),
    ("The army aims to capture Hanano.", None, set()),
    # "would then proceed to" tells a past sequence; "Hallak Al-Fukani" goes on with a name
    (
        "The Syrian army would then proceed to seize control of the Hallak Al-Fukani and "
        "Bustan Al-Basha districts.",
        None,
        {
            ("ain-al-tal", "government", "2016-11-29"),
            ("bustan-al-basha", "government", "2016-11-29"),
        },
    ),
    # who is seen in a place holds it; an editor's [aside] does not cut a subject off
    (
        "Syrian pro-government forces walk past destroyed buildings in the Baadeen district.",
        None,
        {("baedeen", "government", "2016-11-29")},
    ),
    ("Civilians walk through the rubble in al-Shaar.", None, set()),
    (
        "Al-Haydariya [further to the north in eastern Aleppo] has also fallen to the army.",
        None,
        {("haydariyeh", "government", "2016-11-29")},
    ),
    # two cues, one claim: the one the sentence dates keeps its date
    (
        "Pro-government forces patrol the al-Salihin neighborhood after troops retook the "
        "area from rebel fighters, November 27, 2016.",
        None,
        {("salihin", "government", "2016-11-27")},
    ),
    # the article's capturing side: a subject far back in its sentence counts
    (
        "Since mid-November, forces loyal to President Bashar al-Assad have been focused on "
        "Aleppo, where they have retaken more than 85% of the rebel bastion. On Sunday, they "
        "pounded the rebel enclave with air strikes, seizing the Maadi district.",
        None,
        {("city", "government", "2016-11-27"), ("asileh", "government", "2016-11-27")},
    ),
    # moving into a place needs someone who fights; a relative "which" stands for the
    # noun right before it, not for a place named in an earlier sentence
    ("Almost 3,000 families entered Sheikh Maksoud, Asayis said.", None, set()),
    ("Troops entered al-Sukkari on Monday.", None, {("sukkari", "contested", "2016-11-28")}),
    (
        "Troops took Hanano. The residents of the western neighborhoods which are controlled "
        "by the regime forces rely on the crossing.",
        None,
        {("hanano", "government", "2016-11-29")},
    ),
    # shares: "significant areas in X", "a large chunk of X"; pushing ahead in
    (
        "The army seized significant areas in Al-Sakhur neighborhood.",
        None,
        {("sakhour", "contested", "2016-11-29")},
    ),
    (
        "The army seized a large chunk of the Al-Ameria district.",
        None,
        {("amiriyeh", "contested", "2016-11-29")},
    ),
    (
        "Troops were also pushing ahead in nearby Bustan al Basha and Haydariya.",
        None,
        {("bustan-al-basha", "contested", "2016-11-29"), ("haydariyeh", "contested", "2016-11-29")},
    ),
    # humanitarian wording: NSAG (non-state armed groups) are the rebels
    (
        "As of 27 November, only Seif Dawleh and Salah Eddin remain under NSAG control, while "
        "pockets of Al Sokari remain under NSAG control.",
        None,
        {
            ("saif-al-dawla", "rebels", "2016-11-27"),
            ("salaheddine", "rebels", "2016-11-27"),
            ("sukkari", "contested", "2016-11-29"),
        },
    ),
    # a participle after the places, "recently retaken by"; "protected by"
    (
        "Troops visited the districts of Al-Sha'ar and Al-Sakhour recently retaken by the army.",
        None,
        {("shaar", "government", "2016-11-29"), ("sakhour", "government", "2016-11-29")},
    ),
    (
        "Sheikh Maksoud is protected by YPG fighters.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-29")},
    ),
    # "pockets of" inside a list before the predicate; operations under way or restarted
    (
        "Only Seif Dawleh, Salah Eddin, and pockets of Al Sokari, Mashad, and Al Amriyeh, "
        "remain under NSAG control.",
        None,
        {
            ("saif-al-dawla", "rebels", "2016-11-29"),
            ("salaheddine", "rebels", "2016-11-29"),
            ("sukkari", "contested", "2016-11-29"),
            ("mashhad", "contested", "2016-11-29"),
            ("amiriyeh", "contested", "2016-11-29"),
        },
    ),
    (
        "Now, the operation is ongoing in Sheikh Khodr.",
        None,
        {("sheikh-khodr", "contested", "2016-11-29")},
    ),
    (
        "The army restarted operations on the eastern flank of the rebel pocket at the Karam "
        "al-Tarrab district.",
        None,
        {("maasraniyeh", "contested", "2016-11-29")},
    ),
    # a dash that opens a list with "including", and a described first place
    (
        "After seizing areas east of the Old City on Monday – including the large and "
        "strategic Shaar neighbourhood – troops pushed on.",
        None,
        {("shaar", "government", "2016-11-28")},
    ),
    # a list after another subject is not the cue's: "took control of ..., the terrorist
    # groups dispatched their forces to other fronts, including X"
    (
        "After the government forces took control of the northern districts, the terrorist "
        "groups dispatched their forces to other fronts in the city, including al-Halwaniyeh.",
        None,
        set(),
    ),
    (
        "A Syrian Army detachment has laid siege to the nearby al-Shaar neighborhood.",
        None,
        {("shaar", "contested", "2016-11-29")},
    ),
    # "continued to" completes, it does not intend
    (
        "The army troops continued to advance against militants in Karam al-Maysar district.",
        None,
        {("karm-al-myassar", "contested", "2016-11-29")},
    ),
    # "occupied"; a list opened by a dash after the cue's noun
    (
        "On Sunday the troops occupied two new districts – Karam-El-Meysar and Karam et Tahhan.",
        None,
        {
            ("karm-al-myassar", "government", "2016-11-27"),
            ("karm-homad", "government", "2016-11-27"),
        },
    ),
    (
        "The northern parts of Bab al-Maqam and al-Asila are currently the scene of clashes.",
        None,
        {("bab-al-maqam", "contested", "2016-11-29"), ("asileh", "contested", "2016-11-29")},
    ),
    # whoever withdraws, unnamed, loses the places to the side taking places in the
    # article; civilians leaving a place say nothing of who holds it
    (
        "Government forces took Hanano on Sunday. The fighters withdrew from six more "
        "neighbourhoods on Monday, including al-Salheen and al-Firdous.",
        None,
        {
            ("hanano", "government", "2016-11-27"),
            ("salihin", "government", "2016-11-28"),
            ("fardous", "government", "2016-11-28"),
        },
    ),
    (
        "Government forces took Hanano on Sunday. Thousands of civilians were evacuated from "
        "al-Sukkari on Monday.",
        None,
        {("hanano", "government", "2016-11-27")},
    ),
    # an ally named after "supported by the local ..." does not act
    (
        "The Syrian Army supported by the local YPG from Sheikh Maqsoud would proceed to "
        "seize control of the Bustan Al-Basha district.",
        None,
        {("bustan-al-basha", "government", "2016-11-29")},
    ),
    # an opening participle clause: its subject comes after the comma;
    # "fell back to" is a retreat, not a fall
    (
        "After losing Hanano on Saturday, rebels fell back to al-Shaar.",
        None,
        {("hanano", "government", "2016-11-26"), ("shaar", "rebels", "2016-11-26")},
    ),
    (
        "Having retaken Sheikh Saeed, insurgents dug in. The army took Hanano and troops "
        "captured Jibreen.",
        None,
        {
            ("sheikh-saeed", "rebels", "2016-11-29"),
            ("hanano", "government", "2016-11-29"),
            ("jibreen", "government", "2016-11-29"),
        },
    ),
    # a list after "the entire neighborhood as well as"; "as well as" opens no clause
    (
        "Troops captured most of al-Shaar. SANA said the army captured the entire "
        "neighborhood as well as the neighborhoods of al-Qatarji and Karm al-Dada.",
        None,
        {
            ("shaar", "contested", "2016-11-29"),
            ("shaar", "government", "2016-11-29"),
            ("karm-al-qaterji", "government", "2016-11-29"),
            ("karm-al-daadaa", "government", "2016-11-29"),
        },
    ),
    # a share of a place behind a possessive and a compound adjective
    (
        "Government forces have captured large parts of Aleppo's central-eastern al-Shaar "
        "neighborhood.",
        None,
        {("shaar", "contested", "2016-11-29")},
    ),
    # the preposition repeated after "as well as"
    (
        "There was still fighting in Karam al-Daadaa, as well as in neighbouring Fardous.",
        None,
        {("karm-al-daadaa", "contested", "2016-11-29"), ("fardous", "contested", "2016-11-29")},
    ),
    (
        "Islamists tried to enter the YPG-held Kurdish district of Sheikh Maqsoud.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-29")},
    ),
    # a capture under way, a capture denied in the same sentence
    (
        "Government forces are also storming the Baadeen neighborhood.",
        None,
        {("baedeen", "contested", "2016-11-29")},
    ),
    (
        "Regime forces have seized full control of the Salaheddin district, SANA said, "
        "a claim the rebel Free Syrian Army denied.",
        None,
        {("salaheddine", "contested", "2016-11-29")},
    ),
    # "the occupied areas including X" is what "lost" governs
    (
        "Rebel fighters have lost a third of the occupied areas including the strategic "
        "Sakhour district which they took back in 2012.",
        None,
        {("sakhour", "government", "2016-11-29")},
    ),
    ("Sukkari has been held by rebels since 2012.", None, {("sukkari", "rebels", "2016-11-29")}),
    (
        "Pro-government sources argue that the whole al-Sakhour neighborhood is already under "
        "the control of the Syrian army.",
        None,
        {("sakhour", "government", "2016-11-29")},
    ),
    (
        "Rebels and Kurdish militants battled it out for control of Sheikh Maqsoud.",
        None,
        {("sheikh-maqsoud", "contested", "2016-11-29")},
    ),
    (
        "Army units were \u201cchasing down\u201d rebels to Sukkari and Mashhad.",
        None,
        {("sukkari", "contested", "2016-11-29"), ("mashhad", "contested", "2016-11-29")},
    ),
    ("Fighters tried to reach Bani Zeid and the Layramoun area.", None, set()),
    # the two sides named between the fighting noun and its place
    (
        "Heavy clashes raged between rebels and government forces in Karm al-Daadaa.",
        None,
        {("karm-al-daadaa", "contested", "2016-11-29")},
    ),
    (
        "Clashes between the army and rebels continued on Monday in Sheikh Saeed "
        "and also in the area of Bustan al-Qasr.",
        None,
        {
            ("sheikh-saeed", "contested", "2016-11-28"),
            ("bustan-al-qasr", "contested", "2016-11-28"),
        },
    ),
    (
        "Rebels continue to clash with regime troops in Sheikh Saeed.",
        None,
        {("sheikh-saeed", "contested", "2016-11-29")},
    ),
    # ground gained, a front line, a place that changed hands: fought over
    (
        "Syrian forces gained ground in al-Fardous and made significant gains in Bustan al-Basha.",
        None,
        {("fardous", "contested", "2016-11-29"), ("bustan-al-basha", "contested", "2016-11-29")},
    ),
    (
        "Government forces are closing in on al-Mashhad.",
        None,
        {("mashhad", "contested", "2016-11-29")},
    ),
    (
        "A new frontline stretches from al-Sakhour to Karm al-Jabal.",
        None,
        {("sakhour", "contested", "2016-11-29"), ("karm-al-jabal", "contested", "2016-11-29")},
    ),
    (
        "Sheikh Saeed changed hands several times on Sunday.",
        None,
        {("sheikh-saeed", "contested", "2016-11-27")},
    ),
    (
        "The Syrian army completed its takeover of Sheikh Saeed on Monday.",
        None,
        {("sheikh-saeed", "government", "2016-11-28")},
    ),
    (
        "The army managed to cross the road and take Sheikh Saeed.",
        None,
        {("sheikh-saeed", "government", "2016-11-29")},
    ),
    # an apposition or relative clause after a comma says who holds the places before it
    (
        "Jets pounded Bustan al-Basha and Sakhour, which are militant-controlled districts "
        "in the north, and Sukkari, a rebel-held area.",
        None,
        {
            ("bustan-al-basha", "rebels", "2016-11-29"),
            ("sakhour", "rebels", "2016-11-29"),
            ("sukkari", "rebels", "2016-11-29"),
        },
    ),
    (
        "Troops took Sukkari, a rebel-held district, on Monday.",
        None,
        {("sukkari", "government", "2016-11-28")},
    ),
    # who acts: not an actor inside "including ...", nor one that describes the one before
    (
        "The Observatory said government forces backed by allied groups, including the "
        "Lebanese Hezbollah militant group, captured the Ramouseh neighbourhood.",
        None,
        {("ramouseh", "government", "2016-11-29")},
    ),
    (
        "Syrian forces launched an attack against Takfiri terrorists in Aleppo and managed "
        "to liberate the al-Shear neighborhood from the clutches of the militants.",
        None,
        {("shaar", "government", "2016-11-29")},
    ),
    # more wire wording
    (
        "The army men continued the raid on Jeish al-Fatah terrorists in al-Shaar. The army "
        "purged the terrorists from Karam Humad on Sunday.",
        None,
        # (a sentence that names no day takes the day the article reports on: Sunday)
        {("shaar", "contested", "2016-11-27"), ("karm-homad", "government", "2016-11-27")},
    ),
    (
        "The battle resulted in the withdrawal of all terrorist forces from al-Salihin and "
        "al-Fardous on Monday.",
        None,
        {("salihin", "government", "2016-11-28"), ("fardous", "government", "2016-11-28")},
    ),
    (
        "Pro-government groups continued attacks against militants in Karm al-Jazmati and in "
        "the area of Bustan al-Qasr.",
        None,
        {
            ("karm-al-jazmati", "contested", "2016-11-29"),
            ("bustan-al-qasr", "contested", "2016-11-29"),
        },
    ),
    (
        "The army retook the airport, consolidating its positions in the Tariq al-Bab and "
        "al-Halwaniyeh neighborhoods. Buses left through the government-controlled "
        "south-western district of Ramouseh.",
        None,
        {
            ("shaar", "government", "2016-11-29"),
            ("halwaniyeh", "government", "2016-11-29"),
            ("ramouseh", "government", "2016-11-29"),
        },
    ),
    (
        # fighters entering after the other side left take the place; families do not
        "The Syrian army entered the Qadi Askar and Bab al-Hadid districts on Monday following "
        "the departure of the jihadist rebels. Families entered al-Ansari after the rebels' "
        "withdrawal.",
        None,
        {("qadi-askar", "government", "2016-11-28"), ("bab-al-hadid", "government", "2016-11-28")},
    ),
    (
        "Aid workers registered new arrivals in the Jibreen district of government-held western "
        "Aleppo, while jets struck al-Sukkari in the rebel-held east of the city. Troops "
        "advanced from Hamdaniyeh into the rebel-held east.",
        None,
        {("jibreen", "government", "2016-11-29"), ("sukkari", "rebels", "2016-11-29")},
    ),
    (
        "The fighting has now moved to neighbouring districts, including Haidariya and Sakhur.",
        None,
        {("haydariyeh", "contested", "2016-11-29"), ("sakhour", "contested", "2016-11-29")},
    ),
    (
        # quotes around a few words mark wording, not speech: the verb keeps its object
        'The army said it had "fully recaptured" key rebel district Jabal Badro.',
        None,
        {("jabal-badro", "government", "2016-11-29")},
    ),
    (
        "Some are crossing into Sheikh Maqsoud, an Aleppo district held by the Kurdish YPG "
        "militia.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-29")},
    ),
    (
        "Recently SAA have liberated Bab al-Hadid.",
        None,
        {("bab-al-hadid", "government", "2016-11-29")},
    ),
    (
        # a caption's present tense tells of no day: the adjective says who holds the place
        "Syrians celebrate after rebels retreat into a small pocket of their former bastion "
        "in the government-held al-Sukkari neighborhood.",
        None,
        {("sukkari", "government", "2016-11-29")},
    ),
    (
        "After clashes, militants had to retreat to al-Sukkari and al-Ansari.",
        None,
        {("sukkari", "rebels", "2016-11-29"), ("ansari", "rebels", "2016-11-29")},
    ),
    (
        "A rebel commander said fighters had pulled back from al-Mashhad to regroup.",
        None,
        {("mashhad", "government", "2016-11-29")},
    ),
    (
        "The Observatory said rebels had been pushed back into al-Ansari.",
        None,
        {("ansari", "rebels", "2016-11-29")},
    ),
    (
        "Al-Fardous was among the districts retaken by the army on Sunday.",
        None,
        {("fardous", "government", "2016-11-27")},
    ),
    (
        "Troops were battling rebels inside Karm al-Daadaa, and insurgents counterattacked "
        "in Sheikh Saeed overnight.",
        None,
        {
            ("karm-al-daadaa", "contested", "2016-11-29"),
            ("sheikh-saeed", "contested", "2016-11-29"),
        },
    ),
    (
        "Government forces advanced deep into al-Shaar. Fighting has been fierce around "
        "al-Sukkari.",
        None,
        {("shaar", "contested", "2016-11-29"), ("sukkari", "contested", "2016-11-29")},
    ),
    (
        "Syrian government troops swept into al-Kalasa and the Citadel on Wednesday.",
        None,
        {("kalasa", "government", "2016-11-23"), ("aleppo-citadel", "government", "2016-11-23")},
    ),
    # a translated name: السكن الشبابي is "youth housing"
    (
        "After capturing the Youth Housing Complex, troops pushed on.",
        None,
        {("sakan-al-shababi", "government", "2016-11-29")},
    ),
    (
        "The rebels recaptured the Bani Zaid district on Tuesday.",
        None,
        {("rasafa", "rebels", "2016-11-29")},
    ),
    # wording of 2012-2015 reports (a blind set of articles from before the last battle)
    (
        "Damascus says the army has managed to clear Aleppo's strategic district of al-Midan "
        "of armed groups fighting against the government.",
        dt.date(2012, 9, 17),
        {("midan", "government", "2012-09-17")},
    ),
    (
        "He crossed Aleppo's Sheikh Saeed district, which has seen some of the heaviest "
        "fighting in the city.",
        dt.date(2012, 12, 2),
        {("sheikh-saeed", "contested", "2012-12-02")},
    ),
    (
        "Families fled the Shaykh Maqsood area which is under Kurdish control.",
        None,
        {("sheikh-maqsoud", "kurdish", "2016-11-29")},
    ),
    # raising a flag over a place is the sign of its capture
    (
        "Troops raised the Syrian flag over the Sheikh Saeed district on Monday.",
        None,
        {("sheikh-saeed", "government", "2016-11-28")},
    ),
    # fighters who moved into a place took it; families who did make no claim
    (
        "On Friday pro-regime fighters moved into Ansari and al-Mashhad.",
        dt.date(2016, 12, 23),
        {("ansari", "government", "2016-12-23"), ("mashhad", "government", "2016-12-23")},
    ),
    ("Families moved into al-Mashhad on Friday.", dt.date(2016, 12, 23), set()),
    # a site in the place is a share of it ("a military base" names no actor)
    (
        "Rebels announced they had taken control of a strategic military base in Ramouseh.",
        None,
        {("ramouseh", "contested", "2016-11-29")},
    ),
    (
        "A doctor at the Children's Hospital in the rebel-held al-Shaar neighborhood said so.",
        None,
        {("shaar", "rebels", "2016-11-29")},
    ),
    # the object of "stormed" is not who seized the place
    (
        "Local sources said on Monday that the Kurdish forces of the YPG stormed al-Nusra "
        "Front militants and seized control over the Sheikh Maqsud district.",
        dt.date(2015, 9, 29),
        {("sheikh-maqsoud", "kurdish", "2015-09-28")},
    ),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_claims_from_news_wording(extractor, text, published, expected):
    found = {
        (c.place_id, c.status, c.date)
        for c in claims_of(extractor, text, published or dt.date(2016, 11, 29))
    }
    assert found == expected


NO_CLAIM = [
    "The army could take al-Sakhour within days, state media said.",
    "Troops are expected to storm al-Shaar in the coming days.",
    "The army has not entered al-Sukkari, residents said.",
    "Rebels aim to retake Sheikh Saeed before winter.",
    "Residents fled from al-Fardous towards Jibreen on Monday.",
    "Aid groups were unable to reach al-Haydariyeh.",
    "A hospital in al-Kalasa was hit by two barrel bombs on Sunday.",
    "Residents of Sheikh Maqsoud celebrated the end of Ramadan.",
    "Rebel families took refuge in al-Fardous after the shelling, a doctor said.",
    "Talks between the army and the rebels took place in Ansari, an official said.",
    # events of an earlier year are history, not this report's news
    "Rebels seized al-Sukkari in 2012.",
    "In July 2012, rebels captured Salaheddine.",
    '"The army\'s intention is to then seize the adjacent district of Seif al-Dawla."',
    # a second infinitive after "and" is an intention too
    "The main work now is to remove explosive devices and secure Sheikh Khodr.",
    # around a place is not in it
    "The army advanced against militants in areas surrounding Sheikh Saeed.",
    # a gerund with a modal after it: what could happen
    "Taking control of the Ramousah complex, which contains a number of military colleges, "
    "would isolate the west of the city.",
    "Capturing Sheikh Saeed will give the army the heights.",
    # "Kurdish" alone is who lives there, not who holds it
    "Kurdish civilians fled Sheikh Maqsoud.",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim_without_a_control_statement(extractor, text):
    assert claims_of(extractor, text) == []


@pytest.mark.parametrize(
    "text,source",
    [
        (
            "Syrian forces captured al-Sakhour on Monday, a military source told Reuters.",
            "Syrian military",
        ),
        (
            "The Syrian Observatory for Human Rights said the army had taken al-Sakhour.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Russia's defence ministry said Syrian troops seized al-Sakhour.",
            "Russian defence ministry",
        ),
        ("Activists said rebels still held al-Sakhour.", "activists"),
        ("Troops took al-Sakhour on Monday.", "Wire (reporter)"),
    ],
)
def test_attribution_names_the_source(extractor, text, source):
    (claim,) = claims_of(extractor, text)
    assert claim.attributed_to == source


def test_it_said_and_he_said_name_the_speaker_of_the_sentence_before(extractor):
    text = (
        "The Syrian Observatory for Human Rights reported heavy clashes in al-Shaar. "
        "The army captured parts of the district, it said. "
        "A rebel commander said the fighting had been fierce. "
        "He said rebels still held al-Sukkari."
    )
    claims = claims_of(extractor, text)
    by_place = {(c.place_id, c.rule): c.attributed_to for c in claims}
    assert by_place[("shaar", "capture")] == "Syrian Observatory for Human Rights"
    assert by_place[("sukkari", "control")] == "rebel source"


def test_a_participle_after_the_is_not_the_subjects_capture(extractor):
    text = (
        "Rebels launched an attack on Monday to retake the recently captured neighbourhoods "
        "of Qatarji and Maissar, near the regime-held Citadel of Aleppo."
    )
    claims = claims_of(extractor, text)
    assert not any(c.place_id == "aleppo-citadel" and c.status == "rebels" for c in claims)


def test_a_quote_spanning_sentences_is_attributed_where_it_closes(extractor):
    text = (
        '"We took full control of al-Sakhour. The rest will follow soon," a Syrian '
        "army officer told reporters."
    )
    (claim,) = claims_of(extractor, text)
    assert claim.attributed_to == "Syrian military"


def test_the_district_refers_to_the_place_just_claimed(extractor):
    text = (
        "Troops captured al-Sakhour on Monday. The Observatory said the district remained "
        "under fire on Tuesday."
    )
    found = {(c.place_id, c.status, c.date, c.attributed_to) for c in claims_of(extractor, text)}
    assert ("sakhour", "contested", "2016-11-29", "Syrian Observatory for Human Rights") in found


def test_a_denial_in_the_next_sentence_disputes_the_claim_before(extractor):
    text = (
        "The army said it had taken the Sheikh Saeed district on Wednesday. "
        "Rebels denied this, saying the advance had been repelled. "
        "A rebel official denied that al-Sukkari had fallen."
    )
    claims = {(c.place_id, c.status, c.rule, c.attributed_to) for c in claims_of(extractor, text)}
    assert ("sheikh-saeed", "government", "capture", "Syrian military") in claims
    assert ("sheikh-saeed", "contested", "denial", "Rebels") in claims
    # "denied that X had fallen" names its own claim; it disputes nothing before it
    assert not any(c[0] == "sheikh-saeed" and c[3] == "rebel source" for c in claims)


def test_a_denied_capture_is_contested(extractor):
    (claim,) = claims_of(
        extractor, "Rebel officials denied that the army had captured Jabal Badro."
    )
    assert (claim.place_id, claim.status) == ("jabal-badro", "contested")


def test_undated_article_keeps_claims_without_dates(extractor):
    (claim,) = claims_of(extractor, "Rebels retook Sheikh Saeed on Monday.", published=None)
    assert claim.status == "rebels" and claim.date == "" and claim.undated


def test_explicit_date_wins_without_publication_date(extractor):
    (claim,) = claims_of(
        extractor, "Rebels retook Sheikh Saeed on 5 December 2016.", published=None
    )
    assert claim.date == "2016-12-05" and not claim.undated


def test_city_wide_figures(extractor):
    text = (
        "The army controls about 85 percent of eastern Aleppo, a military source said on "
        "Saturday. Rebels now hold less than 10 square kilometres, the UN said."
    )
    found = {
        (c.place_id, c.status, c.measure, c.value, c.attributed_to)
        for c in claims_of(extractor, text)
    }
    assert found == {
        ("city", "government", "percent", 85.0, "Syrian military"),
        ("city", "rebels", "km2", 10.0, "United Nations"),
    }


def test_claim_rows_carry_the_contract_columns(extractor):
    (claim,) = claims_of(extractor, "Troops took al-Sakhour on Monday.")
    row = claim.as_row()
    for column in [
        "article",
        "published",
        "place",
        "place_id",
        "lat",
        "lon",
        "surface",
        "status",
        "date",
        "attributed_to",
        "quote",
    ]:
        assert column in row
    assert row["place"] == "al-Sakhour" and row["surface"] == "al-Sakhour"
    assert row["quote"] == "Troops took al-Sakhour on Monday."
    assert row["rule"] == "capture" and 0 < row["confidence"] <= 1


def test_claims_as_dataframe_and_geodataframe(tmp_path):
    from aleppo_map import Gazetteer, claims_frame, claims_geodataframe, extract_claims

    (tmp_path / "a.md").write_text(
        "---\npublished: 2016-12-13\noutlet: Wire\n---\nTroops took al-Sakhour on Monday. "
        "Rebels still hold Sukkari, activists said.",
        "utf-8",
    )
    claims = list(extract_claims([tmp_path]))
    frame = claims_frame(claims)
    assert list(frame.columns[:11]) == [
        "article",
        "published",
        "place",
        "place_id",
        "lat",
        "lon",
        "surface",
        "status",
        "date",
        "attributed_to",
        "quote",
    ]
    assert set(zip(frame.place_id, frame.status, frame.date, strict=True)) == {
        ("sakhour", "government", "2016-12-12"),
        ("sukkari", "rebels", "2016-12-12"),
    }
    layer = claims_geodataframe(claims, Gazetteer.default())
    assert layer.crs.to_epsg() == 4326 and layer.geometry.notna().all()


def test_articles_in_other_outlets_wording():
    """Whole articles (tests/data/heldout), with every claim a reader would code."""
    from aleppo_map import extract_claims

    from conftest import ROOT

    found = {
        (c.article, c.place_id, c.status, c.date)
        for c in extract_claims([ROOT / "tests" / "data" / "heldout"])
    }
    assert found == {
        # the Old City, named as one front
        ("afp.txt", "old-city", "rebels", "2016-11-30"),
        ("bbc.md", "old-city", "government", "2016-12-07"),
        ("nyt.md", "old-city", "government", "2016-12-05"),  # "Rebels Lose Grip on ..."
        ("nyt.md", "old-city", "contested", "2016-12-05"),  # "out of several areas of ..."
        ("reuters.txt", "old-city", "government", "2016-12-07"),
        ("aljazeera.md", "hanano", "government", "2016-11-27"),
        ("aljazeera.md", "jabal-badro", "government", "2016-11-27"),
        ("aljazeera.md", "baedeen", "government", "2016-11-27"),
        ("aljazeera.md", "sakhour", "government", "2016-11-27"),  # "restored security to"
        ("aljazeera.md", "sakhour", "contested", "2016-11-27"),  # clashes on its edges
        # "Kurdish fighters moved into X": they take it, as annotators of four real sets read it
        ("aljazeera.md", "sheikh-fares", "kurdish", "2016-11-27"),
        ("aljazeera.md", "bustan-al-basha", "kurdish", "2016-11-27"),
        ("aljazeera.md", "haydariyeh", "government", "2016-11-27"),  # "we lost", a rebel said
        ("reuters.txt", "bab-al-hadid", "government", "2016-12-06"),
        ("reuters.txt", "farafira", "government", "2016-12-06"),
        ("reuters.txt", "aqabeh", "government", "2016-12-06"),
        ("reuters.txt", "city", "government", "2016-12-07"),
        ("reuters.txt", "sukkari", "contested", "2016-12-07"),  # a denied fall
        ("reuters.txt", "mashhad", "rebels", "2016-12-07"),
        ("reuters.txt", "sheikh-saeed", "contested", "2016-12-07"),  # "parts of"
        ("reuters.txt", "jibreen", "government", "2016-12-07"),
        # afp.txt: dated by its dateline; "opposition-held X" overrun is government now
        ("afp.txt", "sheikh-khodr", "government", "2016-11-30"),
        # "The advance [on Wednesday 30 Nov] came a day after troops seized ... Jabal Badro"
        ("afp.txt", "jabal-badro", "government", "2016-11-29"),
        ("afp.txt", "haydariyeh", "government", "2016-11-29"),
        ("afp.txt", "city", "government", "2016-11-30"),
        ("afp.txt", "bustan-al-basha", "contested", "2016-11-30"),  # Kurds took parts of it
        ("afp.txt", "sakhour", "contested", "2016-11-30"),
        ("afp.txt", "sheikh-khodr", "contested", "2016-11-30"),
        ("afp.txt", "bustan-al-qasr", "rebels", "2016-11-30"),
        ("afp.txt", "kalasa", "rebels", "2016-11-30"),
        ("afp.txt", "salaheddine", "rebels", "2016-11-30"),
        # bbc.md: "since launching an offensive on 15 November" does not date the claim
        ("bbc.md", "muhammad-bek", "government", "2016-12-07"),
        ("bbc.md", "marjeh", "government", "2016-12-07"),
        ("bbc.md", "city", "government", "2016-12-07"),
        ("bbc.md", "sukkari", "rebels", "2016-12-07"),
        ("bbc.md", "fardous", "rebels", "2016-12-07"),
        ("bbc.md", "bustan-al-qasr", "rebels", "2016-12-07"),
        ("bbc.md", "shaar", "government", "2016-12-07"),  # "had been held by rebels": over
        ("bbc.md", "sheikh-saeed", "rebels", "2016-12-07"),  # "the rebel stronghold of"
        ("bbc.md", "sheikh-maqsoud", "kurdish", "2016-12-07"),
        # nyt.md: "rebel-held" is no actor; "the fall last week of X" dates X, not Shaar
        ("nyt.md", "shaar", "government", "2016-12-05"),
        ("nyt.md", "karm-al-jabal", "rebels", "2016-12-05"),
        ("nyt.md", "qadi-askar", "rebels", "2016-12-05"),
        ("nyt.md", "marjeh", "contested", "2016-12-05"),
        ("nyt.md", "hanano", "government", "2016-11-29"),
        ("nyt.md", "city", "government", "2016-12-05"),  # "cleared militants from ... 60%"
        # ocha.txt: a humanitarian report naming 14 places; "Kurdish-majority" is no control
        ("ocha.txt", "sukkari", "contested", "2016-12-07"),
        ("ocha.txt", "kalasa", "contested", "2016-12-07"),
        ("ocha.txt", "bustan-al-qasr", "contested", "2016-12-07"),
    }


def test_claims_csv_rows_and_claims_made_from_fields_match_the_dataclass(extractor):
    import csv
    import dataclasses
    import io

    from aleppo_map.claims import COLUMNS, Claim, write_claims_csv

    claims = claims_of(
        extractor,
        "The army took Sheikh Saeed on Monday, state TV said. Rebels hold 7 percent of "
        "eastern Aleppo, the Observatory said.",
    )
    assert {c.place_id for c in claims} == {"sheikh-saeed", "city"}
    for claim in claims:
        # built without the dataclass __init__: equal to one built with it, and frozen
        assert claim == Claim(**dataclasses.asdict(claim))
        with pytest.raises(dataclasses.FrozenInstanceError):
            claim.status = "rebels"
    out = io.StringIO()
    assert write_claims_csv(out, claims) == len(claims)
    expected = io.StringIO()
    writer = csv.DictWriter(expected, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(c.as_row() for c in claims)
    assert out.getvalue() == expected.getvalue()


def test_a_denial_is_attributed_to_whoever_denies(extractor):
    (claim,) = claims_of(extractor, "Rebels denied the army had taken al-Sakhour on Sunday.")
    assert (claim.place_id, claim.status) == ("sakhour", "contested")
    # "denied the army had taken": the army is what is denied, not the speaker
    assert claim.attributed_to == "Rebels"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("By Friday Bustan al-Basha was under state control.", {("bustan-al-basha", "government")}),
        (
            "Bustan al-Basha is back in state hands, residents said.",
            {("bustan-al-basha", "government")},
        ),
        # "Islamic State" is no state: no side is read from it
        ("Islamic State control of the countryside worries residents of Hanano.", set()),
    ],
)
def test_state_control_is_the_government(extractor, text, expected):
    assert {(c.place_id, c.status) for c in claims_of(extractor, text)} == expected


def test_share_back_in_state_control_is_the_government_and_its_place_stops_at_the_verb(extractor):
    (claim,) = claims_of(
        extractor,
        "About 40 percent of the districts rebels once held are now back in state control, "
        "the monitor said.",
    )
    assert (claim.place_id, claim.status, claim.value) == ("city", "government", 40.0)
    assert claim.place == "the districts rebels once held"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the places follow "among them" / "including", after a general phrase;
        # names the gazetteer lacks (Karm Tahhan, Ard al-Hamra) stay in the list
        (
            "Government troops restored order completely to a string of districts north of "
            "the Old City this week, among them Bustan al-Basha, Karm Tahhan, al-Halwaniyeh "
            "and Sheikh Khodr.",
            {
                ("bustan-al-basha", "government"),
                ("karm-homad", "government"),  # Karm al-Tahhan: an Arabic name of Karm Homad
                ("halwaniyeh", "government"),
                ("sheikh-khodr", "government"),
            },
        ),
        (
            "Loyalist forces seized several areas on the eastern front on Sunday, including "
            "Jabal Badro, Ard al-Hamra, and Masaken Hanano.",
            {("jabal-badro", "government"), ("hanano", "government")},
        ),
        # prose after an apposition ends the list
        (
            "The army seized Hanano, a district of Aleppo city, and then shelled Sakhour.",
            {("hanano", "government")},
        ),
        # fighting at a district's edge is fighting for the district
        (
            "Clashes continued on the northern fringes of al-Sakhour overnight.",
            {("sakhour", "contested")},
        ),
        (
            "Fighting is still under way on the western edge of Bustan al-Qasr.",
            {("bustan-al-qasr", "contested")},
        ),
        # "Nureddin al-Zinki" is "Nour al-Din al-Zenki" spelled another way
        (
            "Fighters of the Nureddin al-Zinki movement retook Karm al-Daadaa on Friday.",
            {("karm-al-daadaa", "rebels")},
        ),
    ],
)
def test_lists_after_including_edges_and_faction_spellings(extractor, text, expected):
    assert {(c.place_id, c.status) for c in claims_of(extractor, text)} == expected


def test_unknown_speaker_keeps_name_and_apposition_and_gets_its_stance(extractor):
    (claim,) = claims_of(
        extractor, "Abu Omar, a commander with the Levant Front, said rebels still hold al-Mashhad."
    )
    assert claim.attributed_to == "Abu Omar, a commander with the Levant Front"
    assert claim.source_stance == "opposition"


def test_speech_in_a_clause_of_its_own_does_not_cover_what_comes_before(extractor):
    (claim,) = claims_of(
        extractor,
        "Rebels pushed into al-Ansari, and SANA said the army had repelled the attack.",
    )
    assert (claim.place_id, claim.attributed_to) == ("ansari", "Wire (reporter)")
    # an attribution at the end still covers the sentence
    (claim,) = claims_of(extractor, "Rebels retook Bustan al-Qasr, and held it, the army said.")
    assert claim.attributed_to == "Syrian military"


def test_a_dateline_or_a_closed_aside_is_not_part_of_the_speaker(extractor):
    (claim,) = claims_of(
        extractor,
        "TEHRAN (FNA)- Local sources said on Monday that the YPG seized Sheikh Maqsoud.",
    )
    assert claim.attributed_to == "Local sources"
    (claim,) = claims_of(
        extractor,
        "A pro-government commander - who asked not to be named - said the army took Hanano.",
    )
    assert claim.attributed_to == "A pro-government commander"


def test_a_relative_clause_that_claims_something_else_is_no_speaker(extractor):
    (claim,) = claims_of(
        extractor,
        "Troops recaptured al-Shaar, a bastion of the Nusra Front, which recently claimed it "
        "had cut its ties with al-Qaeda.",
    )
    assert claim.attributed_to == "Wire (reporter)"


def test_a_passive_report_names_no_speaker(extractor):
    (claim,) = claims_of(
        extractor, "Heavy clashes were reported in al-Sukkari between rebels and troops."
    )
    assert (claim.place_id, claim.status, claim.attributed_to) == (
        "sukkari",
        "contested",
        "Wire (reporter)",
    )


def test_a_speaker_after_according_to_is_who_said_it(extractor):
    (claim,) = claims_of(
        extractor, "Troops now hold al-Sukkari, according to a doctor in the city."
    )
    assert claim.attributed_to == "a doctor in the city"


def test_no_cue_pattern_ends_in_a_space():
    # A cue must end at a word's end: an alternative ending in a space
    # ("losing ", "evacuated (?:from )?") can never match before a word.
    import re
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("aleppo_map").joinpath("lexicon.yaml").read_text())
    checked = 0
    for cue in data["cues"]:
        pattern, depth, start, alternatives = cue["pattern"], 0, 0, []
        escaped = False
        for i, char in enumerate(pattern + "|"):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char in "()":
                depth += 1 if char == "(" else -1
            elif char == "|" and depth == 0:
                alternatives.append(pattern[start:i])
                start = i + 1
        for alternative in alternatives:
            # a look-ahead at the end reads what follows, it does not end the cue
            alternative = re.sub(r"\(\?!(?:[^()]|\([^()]*\))*\)$", "", alternative)
            assert not re.search(r" (?:\)[?*]?)*$", alternative), (cue["name"], alternative)
            checked += 1
    assert checked > 50


def test_a_day_in_a_later_report_clause_dates_the_report_not_what_came_before(extractor):
    claims = claims_of(
        extractor,
        "Loyalist troops were pushing into al-Shaar, and on Sunday state television said "
        "they had taken Sheikh Saeed.",
    )
    by_place = {c.place_id: c for c in claims}
    assert (by_place["sheikh-saeed"].date, by_place["sheikh-saeed"].date_source) == (
        "2016-11-27",
        "sentence",
    )
    # the push is not dated by the report: it gets the article's day
    assert by_place["shaar"].date_source == "article"
    # a day in the same clause still dates its event
    (claim,) = claims_of(
        extractor, "The army captured al-Shaar on Thursday, and on Friday officials said more."
    )
    assert (claim.date, claim.date_source) == ("2016-11-24", "sentence")


def test_side_of_a_fall_is_not_guessed_from_a_near_tie_of_names(extractor):
    # No capture with its actor: "the collapse of X" goes to the side named most
    # often only when it clearly is; here rebels three times, the army twice.
    text = (
        "Rebels said the army shelled them all night. Rebels and the army traded fire. "
        "Rebel fighters dug in. The collapse of Sheikh Saeed cut the last road."
    )
    assert claims_of(extractor, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Loyalist troops took control of two quarters east of the Citadel — the Aghiour "
            "and Bab al-Hadid — on Wednesday.",
            {("aghyor", "government"), ("bab-al-hadid", "government")},
        ),
        (
            "The army captured three more neighbourhoods on Sunday: Sukkari, al-Kalasa and "
            "Bustan al-Qasr.",
            {("sukkari", "government"), ("kalasa", "government"), ("bustan-al-qasr", "government")},
        ),
        # what follows a colon is a list only if it starts with the places
        (
            "Rebels said they had lost ground: the army now holds Sukkari.",
            {("sukkari", "government")},
        ),
    ],
)
def test_lists_after_a_dash_or_colon(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert {(c.place_id, c.status) for c in claims} == expected
    # a count of the districts taken in one push is no city-wide total
    assert not any(c.place_id == "city" for c in claims)


# Arabic news wording: the verb first, its subject after it, particles joined to words
ARABIC_CASES = [
    # verb, subject, object: "regime forces took control of the Shaar district"
    ("سيطرت قوات الأسد والميليشيات الرديفة، على حي الشعار في حلب.", {("shaar", "government")}),
    # subject first, and a list joined with "و"
    (
        "قوات النظام سيطرت على أحياء جبل بدرو والصاخور والحيدرية.",
        {("jabal-badro", "government"), ("sakhour", "government"), ("haydariyeh", "government")},
    ),
    # a subject in the next clause is not the verb's ("while the YPG began pushing into ...")
    (
        "أفاد مراسل بأن قوات النظام سيطرت على كامل حي الصاخور، بينما بدأت وحدات حماية الشعب "
        "التوغل في عدد من الأحياء الشرقية.",
        {("sakhour", "government")},
    ),
    # held: "Sheikh Maqsoud, which the YPG controls"; "Zebdiyeh, under the rebels' control"
    (
        "نزحت عائلات باتجاه حي الشيخ مقصود الذي تسيطر عليه وحدات حماية الشعب.",
        {("sheikh-maqsoud", "kurdish")},
    ),
    ("استهدف القصف حي الزبدية الخاضع لسيطرة الفصائل.", {("zebdiyeh", "rebels")}),
    # fighting
    ("وتدور اشتباكات عنيفة بين الجيش السوري والمسلحين في حي الصاخور.", {("sakhour", "contested")}),
    ("تستمر الاشتباكات داخل حي جبل بدرو.", {("jabal-badro", "contested")}),
    # SANA's "restored security and stability to X"
    (
        "وحدات من الجيش العربي السوري تعيد الأمن والاستقرار إلى حي الشيخ سعيد.",
        {("sheikh-saeed", "government")},
    ),
    # the formula with a long subject and "fully"; names we do not know and a share in the list
    (
        "وأعادت وحدات من الجيش بالتعاون مع القوى الرديفة والحليفة خلال الأيام الثلاثة الماضية "
        "الأمن والاستقرار بشكل كامل الى السكن الشبابي ومساكن البحوث العلمية وأحياء الحيدرية "
        "والصاخور ومنطقة الهلك وعلى جزء كبير من حي بستان الباشا.",
        {
            ("sakan-al-shababi", "government"),
            ("haydariyeh", "government"),
            ("sakhour", "government"),
            ("ain-al-tal", "government"),
            ("bustan-al-basha", "contested"),
        },
    ),
    # a verb and its object are no unknown name inside a list
    (
        "وتقدم في أحياء الشعار والمواصلات وكرم الجبل واستكملت سيطرتها على ضهرة عواد.",
        {("shaar", "contested"), ("karm-al-jabal", "contested")},
    ),
    # "X lies on the front line"; "X witnessed fierce battles"
    ('يقع حي "بستان الباشا" على خط الجبهة.', {("bustan-al-basha", "contested")}),
    ("شهد حي الشيخ سعيد يوم أمس معارك ضارية.", {("sheikh-saeed", "contested")}),
    # a site named after a district is not the district: "the Bab al-Nairab pumping station"
    ("سيطرت الفصائل على كرم القاطرجي ومحطة ضخ باب النيرب.", {("karm-al-qaterji", "rebels")}),
    # the future: "the liberation of al-Shaar will secure ..."; "will take control of"
    ('حيث سيؤمن تحرير "الشعار" مزيدا من الأمان لمطار حلب الدولي.', set()),
    ("ستسيطر قوات النظام على حي الشعار.", set()),
    # a word cut by the hedge window ("واستطاعت" seen as "ستطاعت") is no future verb
    (
        "واستطاعت قوات الأسد والميليشيات العراقية والإيرانية السيطرة بدعم جوي من الطيران "
        "الروسي منذ يومين على حي الجزماتي.",
        {("karm-al-jazmati", "government")},
    ),
    # parts of a place are contested; a denial disputes the capture
    ("وسيطرت قوات النظام على أجزاء من حي المرجة.", {("marjeh", "contested")}),
    ("والمعارضة تنفي سيطرة النظام على الصاخور.", {("sakhour", "contested")}),
    # the recipient of a hand-over holds the districts
    (
        "اتفاق يفيد بتسليم وحدات حماية الشعب الكردية أحياء بعيدين، بستان الباشا، الشيخ فارس.",
        {("baedeen", "kurdish"), ("bustan-al-basha", "kurdish"), ("sheikh-fares", "kurdish")},
    ),
    # "announced its withdrawal from X": the other side takes it
    (
        "اعلنت قوات المعارضة اليوم انسحابها من حي صلاح الدين بمدينة حلب.",
        {("salaheddine", "government")},
    ),
    # "stormed X" is an assault, not yet a capture
    ("اقتحم الجيش حي الشعار يوم الاثنين.", {("shaar", "contested")}),
    # "the army's men raised the Syrian flag in X and Y after clearing them"
    (
        "رفع رجال الجيش في الشيخ خضر و بستان الباشا العلم السوري بعد تطهيرهما.",
        {("sheikh-khodr", "government"), ("bustan-al-basha", "government")},
    ),
    ("رفع الجيش أسعار الخبز في حي الشعار.", set()),
    # words of when and how between the verb and "from"; "a number of" is no "from"
    (
        "انسحب مقاتلو الفصائل بعد ظهر أمس بشكل كامل من أحياء بستان القصر والكلاسة.",
        {("bustan-al-qasr", "government"), ("kalasa", "government")},
    ),
    ("انسحبت قوات النظام بعد هجوم شنه عدد من المقاتلين على حي الشعار.", set()),
    # a hospital in X is a share of X; the next place of the list is taken whole
    (
        "تمكنت الفصائل من السيطرة على مشفى العيون في حي قاضي عسكر، وكرم القاطرجي.",
        {("qadi-askar", "contested"), ("karm-al-qaterji", "rebels")},
    ),
    # an attempt, a purpose, a negation: no claim
    ("تصدت الفصائل لمحاولة اقتحام قوات النظام على حي صلاح الدين.", set()),
    ("تجري عملية عسكرية للسيطرة على جبل بدرو.", set()),
    ("لم تسيطر قوات النظام على حي الصاخور.", set()),
    # a common word is not a name written with the article ("new areas", not al-Jdeideh)
    ("سيطرت قوات النظام على مناطق جديدة في القسم الشمالي.", set()),
]


@pytest.mark.parametrize("text,expected", ARABIC_CASES, ids=[c[0][:30] for c in ARABIC_CASES])
def test_claims_from_arabic_news_wording(extractor, text, expected):
    found = {(c.place_id, c.status) for c in claims_of(extractor, text, dt.date(2016, 12, 6))}
    assert found == expected


@pytest.mark.parametrize(
    "text,source",
    [
        # Arabic puts the speaker after the verb; "فيما" (while) is no one
        (
            'فيما قالت مصادر معارضة إن فصائل "جيش حلب" استعادت السيطرة على حي الميسر.',
            "rebel source",
        ),
        ("قال أبو محمد، قائد ميداني، إن قوات النظام سيطرت على حي الشعار.", "أبو محمد"),
        ("وقال قائد ميداني إن قوات النظام سيطرت على حي الشعار.", "قائد ميداني"),
    ],
)
def test_arabic_speakers_follow_their_verb(extractor, text, source):
    assert {c.attributed_to for c in claims_of(extractor, text)} == {source}


def test_arabic_claims_take_the_day_their_sentence_names(extractor):
    text = "سيطرت قوات النظام يوم الاثنين على حي الصاخور."
    (claim,) = claims_of(extractor, text, dt.date(2016, 11, 29))
    assert (claim.place_id, claim.status, claim.date) == ("sakhour", "government", "2016-11-28")


def test_an_arabic_month_named_like_a_place_is_no_place(extractor):
    # "تشرين" is the month in "تشرين ثان/نوفمبر" and a place elsewhere
    for text in (
        "بدأ الهجوم على الأحياء الشرقية في منتصف تشرين الثاني.",
        "بدأ الهجوم على الأحياء الشرقية في منتصف تشرين ثان/نوفمبر الماضي.",
    ):
        assert claims_of(extractor, text, dt.date(2016, 12, 6)) == []
    text = "سيطرت قوات النظام على حي تشرين."
    assert {c.place_id for c in claims_of(extractor, text)} == {"tishreen"}


def test_arabic_marks_are_dropped_when_articles_are_read(extractor, tmp_path):
    # news copy sets short vowels here and there: "يحرّر" is "يحرر", "قوّات" is "قوات"
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2016-11-28\n---\nالجيش السوري يحرّر حي مساكن هنانو بالكامل.\n", "utf-8"
    )
    (claim,) = extract_claims([tmp_path], extractor)
    assert (claim.place_id, claim.status) == ("hanano", "government")
    assert "يحرر" in claim.quote


def test_latin_view_of_the_lexicon_drops_only_what_needs_arabic_letters():
    from aleppo_map.claims import ARABIC_LETTER, Lexicon, _alternatives

    assert _alternatives(r"took|(a|b)c|[|)]x|\|y") == ["took", "(a|b)c", "[|)]x", r"\|y"]
    lex = Lexicon(
        {
            "actors": {"government": ["army", "الجيش"], "rebels": ["rebels", "فصائل"]},
            "sources": [
                {"name": "SANA", "patterns": ["sana", "سانا"]},
                {"name": "Only Arabic", "patterns": ["المرصد"]},
            ],
            "speech": r"said|قال\s+إن|claimed",
            "cues": [
                {
                    "name": "capture",
                    "kind": "verb",
                    "object": "after",
                    "side": "actor",
                    "pattern": "took|captured",
                },
                {
                    "name": "capture",
                    "kind": "verb",
                    "object": "after",
                    "side": "actor",
                    "pattern": r"سيطر(?:ت)?\s+على",
                },
            ],
            "hedges": "could|قد",
            "denials": "denied",
            "past_states": "had been",
            "completions": "completed",
            "anaphors": "the district",
            "locatives": "in",
            "citywide_of": "eastern aleppo",
            "rebel_territory": "enclave",
        }
    )
    latin = lex.latin
    assert latin.latin is latin
    assert len(latin.cues) == 1 and [s for s, _ in latin.sources] == ["SANA"]
    assert latin.speech.search("he claimed") and not ARABIC_LETTER.search(latin.speech.pattern)
    assert latin.actors.search("the army").lastgroup == "government"
    assert latin.actors.search("the rebels").lastgroup == "rebels"
    assert not any(ARABIC_LETTER.search(p.pattern) for p in (latin.any_cue, latin.hedges))


def test_articles_without_arabic_read_the_same_with_the_latin_lexicon(extractor):
    # The Latin view is a shortcut: every seed article gives the same claims with the
    # whole lexicon.
    from aleppo_map.claims import ARABIC_LETTER
    from aleppo_map.documents import read_articles

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    docs = list(read_articles(sorted(seeds.glob("*.txt"))))
    assert len(docs) == 5 and not any(ARABIC_LETTER.search(d.text) for d in docs)
    for doc in docs:
        fast = [c.as_row() for c in extractor.extract(doc)]
        assert fast, doc.name
        assert fast == [c.as_row() for c in extractor._extract(doc, None)], doc.name


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Control of the north is now split between government forces (Hanano, Jabal "
            "Badro and Haydariyeh) and Kurdish fighters (Bustan al-Basha and Sheikh Fares).",
            {
                ("hanano", "government"),
                ("jabal-badro", "government"),
                ("haydariyeh", "government"),
                ("bustan-al-basha", "kurdish"),
                ("sheikh-fares", "kurdish"),
            },
        ),
        (
            "وتوزعت السيطرة على القسم الشمالي بين قوات النظام (هنانو، وجبل بدرو) "
            "والوحدات الكردية (بعيدين وبستان الباشا).",
            {
                ("hanano", "government"),
                ("jabal-badro", "government"),
                ("baedeen", "kurdish"),
                ("bustan-al-basha", "kurdish"),
            },
        ),
        ("The army (backed by Russian jets) took Hanano.", {("hanano", "government")}),
        (
            "The regime aims to split control between government forces (Hanano) and "
            "Kurdish fighters (Sheikh Fares).",
            set(),
        ),
    ],
)
def test_places_in_brackets_after_an_actor_are_its_side(extractor, text, expected):
    assert {(c.place_id, c.status) for c in claims_of(extractor, text)} == expected


def test_a_sentence_at_the_same_time_takes_the_day_of_the_one_before(extractor):
    claims = claims_of(
        extractor,
        "Troops seized al-Haydariyeh on November 27. At the same time, the SDF seized "
        "Sheikh Fares. Rebels still hold al-Sukkari.",
        dt.date(2016, 11, 30),
    )
    by_place = {c.place_id: (c.date, c.date_source) for c in claims}
    assert by_place["sheikh-fares"] == ("2016-11-27", "previous sentence")
    assert by_place["sukkari"][1] == "article"  # no such opening: the day reported on


def test_a_list_in_the_next_sentence_names_the_places_counted_before(extractor):
    claims = claims_of(
        extractor,
        "Government forces also regained control of seven other districts Tuesday, according "
        "to the monitoring group. These included the Shaar neighborhood and al-Fardous.",
        dt.date(2016, 12, 7),
    )
    assert {(c.place_id, c.status, c.date, c.rule) for c in claims} == {
        ("shaar", "government", "2016-12-06", "listed-after"),
        ("fardous", "government", "2016-12-06", "listed-after"),
    }
    assert claims[0].attributed_to == "the monitoring group"
    assert claims[0].quote.startswith("Government forces") and claims[0].quote.endswith(
        "al-Fardous."
    )
    # not after a cue whose object is not a number of places, nor a hedged one
    for text in (
        "Government forces captured the hill on Tuesday. These included the Shaar area.",
        "Government forces could take seven districts. They include al-Shaar and Sukkari.",
    ):
        assert claims_of(extractor, text, dt.date(2016, 12, 7)) == []


def test_the_whole_of_a_share_is_no_place_named_before(extractor):
    claims = claims_of(
        extractor,
        "Troops took al-Sakhour on Monday. The army had captured 12 districts, 40 per cent "
        "of the area under rebel control a few weeks ago.",
        dt.date(2016, 11, 29),
    )
    assert {(c.place_id, c.status) for c in claims if c.place_id != "city"} == {
        ("sakhour", "government")
    }


@pytest.mark.parametrize(
    "text,source",
    [
        (
            "A battlefield source had earlier said the army recaptured Sheikh Saeed.",
            "A battlefield source",
        ),
        ("Based on battlefield reports, the army recaptured Sheikh Saeed.", "battlefield reports"),
    ],
)
def test_a_speaker_without_the_words_around_it(extractor, text, source):
    (claim,) = claims_of(extractor, text)
    assert claim.attributed_to == source


def test_win_back_is_a_capture(extractor):
    claims = claims_of(
        extractor,
        "The army managed to win back the districts of Hanano, Jabal Badro and al-Haydariyeh.",
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("hanano", "government"),
        ("jabal-badro", "government"),
        ("haydariyeh", "government"),
    }


def test_with_an_actor_and_a_participle_the_actor_acts(extractor):
    (claim,) = claims_of(
        extractor,
        "Army units continued combating terrorist groups on Saturday, with the army "
        "establishing full control over Masaken Hanano.",
    )
    assert (claim.place_id, claim.status) == ("hanano", "government")
    # but not after a verb: "clashing with rebels advancing" names no one who took X
    (claim,) = claims_of(extractor, "Troops, clashing with rebels advancing, took al-Sakhour.")
    assert claim.status == "government"


def test_an_actor_that_qualifies_a_site_is_no_one_acting(extractor):
    (claim,) = claims_of(
        extractor,
        "The rebel coalition announced the seizure of a government military complex in the "
        "Ramouseh district.",
    )
    assert (claim.place_id, claim.status, claim.attributed_to) == (
        "ramouseh",
        "contested",  # a site in it
        "The rebel coalition",
    )


def test_a_verb_supersedes_the_state_it_ends(extractor):
    # "seized X, held by the rebels since 2012": the holding is the state before
    (claim,) = claims_of(
        extractor,
        "Pro-government forces have seized control of al-Fardous, one of the largest "
        "neighbourhoods in eastern Aleppo, which has been held by the rebels since 2012.",
    )
    assert claim.status == "government"
    (claim,) = claims_of(
        extractor,
        "The Syrian army recaptured the Sakan Shababi in rebel-held eastern Aleppo.",
    )
    assert claim.status == "government"


def test_places_said_to_be_where_in_the_city_before_the_verb(extractor):
    claims = claims_of(
        extractor,
        "Soldiers took control of the southern Sheikh Saeed district yesterday morning. "
        "Karm al-Dada, Salheen and Fardous in the north fell soon afterwards.",
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("sheikh-saeed", "government"),
        ("karm-al-daadaa", "government"),
        ("salihin", "government"),
        ("fardous", "government"),
    }


def test_an_apposition_one_of_the_largest_rebel_held_areas(extractor):
    (claim,) = claims_of(
        extractor,
        "Civilians fled the Sukari neighborhood, one of the largest rebel-held areas in "
        "eastern Aleppo.",
    )
    assert (claim.place_id, claim.status) == ("sukkari", "rebels")


def test_the_second_object_of_a_preposition_is_no_subject(extractor):
    (claim,) = claims_of(
        extractor,
        "Kurdish-led forces operating autonomously of the rebels and the government meanwhile "
        "seized the Bustan al-Basha neighbourhood.",
    )
    assert (claim.place_id, claim.status) == ("bustan-al-basha", "kurdish")


@pytest.mark.parametrize(
    "text,place",
    [
        ("Air strikes hit al-Sukkari and other rebel-held districts.", "sukkari"),
        (
            "Cluster munitions were used in al-Zubdiyeh neighbourhood and elsewhere in the "
            "remaining rebel-held areas.",
            "zebdiyeh",
        ),
    ],
)
def test_a_place_named_with_other_rebel_held_areas_is_one_of_them(extractor, text, place):
    (claim,) = claims_of(extractor, text)
    assert (claim.place_id, claim.status) == (place, "rebels")


def test_a_share_taken_from_the_rebel_area_is_the_takers(extractor):
    claims = claims_of(
        extractor,
        "The army had captured 40 per cent of the area under rebel control, the ministry said.",
    )
    assert {(c.place_id, c.status, c.measure) for c in claims} == {
        ("city", "government", "percent")
    }
    (held,) = claims_of(extractor, "Only seven percent of the enclave remains under rebel control.")
    assert (held.place_id, held.status) == ("city", "rebels")


def test_a_word_of_a_place_name_is_no_speech_verb(extractor):
    claims = claims_of(
        extractor,
        "The regime advanced after regaining control today of the neighborhoods of Kallaseh "
        "and Sheikh Said.",
    )
    assert {c.attributed_to for c in claims} == {"Wire (reporter)"}


def test_the_capture_of_rebel_strongholds_is_the_capturing_sides(extractor):
    # "rebel" names whose strongholds they were, not who took them
    claims = claims_of(
        extractor,
        "Government forces seized Sakhour district from rebels on Monday. The recapture is a "
        "major win for Assad-backed troops after the capture of rebel strongholds Masaken "
        "Hanano and Jabal Badro over the weekend.",
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("sakhour", "government"),
        ("hanano", "government"),
        ("jabal-badro", "government"),
    }


def test_denying_the_development_disputes_the_sentence_before(extractor):
    claims = claims_of(
        extractor,
        "The Observatory said government forces seized Sakhour district on Monday. While one "
        "rebel official denied the development, another said the situation was unclear.",
    )
    assert {(c.place_id, c.status, c.rule) for c in claims} == {
        ("sakhour", "government", "capture"),
        ("sakhour", "contested", "denial"),
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Rebels used heavy weapons against regime positions in Aleppo’s Jamiat al-Zahraa "
            "neighborhood, the sources said.",
            ("zahraa", "government"),
        ),
        ("Warplanes struck rebel positions in al-Sukkari on Monday.", ("sukkari", "rebels")),
    ],
)
def test_a_sides_positions_in_a_place(extractor, text, expected):
    (claim,) = claims_of(extractor, text)
    assert (claim.place_id, claim.status) == expected


def test_first_to_fall_was_the_place(extractor):
    claims = claims_of(
        extractor,
        "The army took al-Sukkari on Monday. First to fall on Saturday was the Hanano "
        "Residence neighborhood, a dense complex of apartment buildings.",
    )
    assert ("hanano", "government", "2016-11-26") in {
        (c.place_id, c.status, c.date) for c in claims
    }


def test_an_assault_of_an_earlier_year_is_history(extractor):
    assert (
        claims_of(
            extractor,
            "Hanano was once a great prize for rebels who stormed it in 2012.",
        )
        == []
    )


def test_who_claims_the_capture_took_it(extractor):
    # rebels are named too, so the article's side alone could not tell
    claims = claims_of(
        extractor,
        "As forces loyal to the Assad regime claimed the capture of several neighborhoods on "
        "Monday, including Bab al-Nirab and Farafra, Syrian rebels reported heavy clashes.",
    )
    assert {(c.place_id, c.status, c.date) for c in claims} == {
        ("muhammad-bek", "government", "2016-11-28"),
        ("farafira", "government", "2016-11-28"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fled towards parts of the city that remain under rebel control, including "
        "al-Kallassa, al-Jalum, and Bustan al-Qasr.",
        "Few districts remain in rebel hands, among them al-Kallassa, al-Jalum and Bustan al-Qasr.",
    ],
)
def test_a_list_after_a_predicate_whose_subject_is_no_place(extractor, text):
    claims = claims_of(extractor, text)
    assert {(c.place_id, c.status) for c in claims} == {
        ("kalasa", "rebels"),
        ("jalloum", "rebels"),
        ("bustan-al-qasr", "rebels"),
    }


def test_a_place_near_the_entrance_of_is_no_object(extractor):
    assert (
        claims_of(
            extractor,
            "Opposition forces have captured the village of Manyan near the entrance of the "
            "New Aleppo district, opposition sources said.",
        )
        == []
    )


def test_arabic_fall_of_casualties_is_no_fall_of_a_place(extractor):
    # "سقوط جرحى": wounded fell (casualties), not the district
    assert (
        claims_of(
            extractor, "تعرض حي الزبدية لقصف من قبل قوات النظام، أسفر عن سقوط جرحى في حي الزبدية."
        )
        == []
    )


def test_a_participle_with_no_subject_goes_with_whoever_makes_the_attempt(extractor):
    # rebels are named as often as the regime: only "an attempt by the regime" tells
    claims = claims_of(
        extractor,
        "Clashes between the regime forces and the rebels continue, in an attempt by the "
        "regime to advance in the outskirts of al-Zebdiyyeh, after regaining control today of "
        "the neighborhoods of Kallaseh and Bustan al-Qasr. Rebels shelled the west, rebels said.",
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("kalasa", "government"),
        ("bustan-al-qasr", "government"),
    }


def test_the_district_after_a_place_we_do_not_know_is_not_the_one_before(extractor):
    text = "Rebels took al-Sukkari on Monday. {} Fighting continued in the district on Tuesday."
    known = claims_of(extractor, text.format("The district was shelled."))
    assert ("sukkari", "contested") in {(c.place_id, c.status) for c in known}
    unknown = claims_of(extractor, text.format("They withdrew from the 3,000 Apartments district."))
    assert {(c.place_id, c.status) for c in unknown} == {("sukkari", "rebels")}


def test_clashes_in_the_vicinity_of_a_place(extractor):
    (claim,) = claims_of(
        extractor,
        "The violent clashes continued since shortly after midnight yesterday in the vicinity "
        "of Bustan al-Qasr neighborhood between the regime forces and the rebels.",
    )
    assert (claim.place_id, claim.status, claim.date) == (
        "bustan-al-qasr",
        "contested",
        "2016-11-28",
    )


def test_its_forces_are_the_speakers_side(extractor):
    claims = claims_of(
        extractor,
        "Syrian state media announced on Wednesday that its forces had retaken the southern "
        "Sheikh Saeed neighborhood, while the Observatory said rebels still held onto a third "
        "of the area.",
        published=dt.date(2016, 12, 1),
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("sheikh-saeed", "government"),
        ("sheikh-saeed", "contested"),
    }


def test_the_side_named_as_holder_is_not_the_one_on_the_offensive(extractor):
    # no capture names its actor; "rebel-held", "rebel territory" name who holds,
    # so the side that acts is the government's
    claims = claims_of(
        extractor,
        "Rebel defences appear weakened in rebel-held eastern Aleppo. Iraqi Shia militias and "
        "Hezbollah drove a wedge through rebel territory, which was cut in two with the capture "
        "of the strategic Sakhour district. Rebel territory shrank.",
    )
    assert {(c.place_id, c.status) for c in claims} == {("sakhour", "government")}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Residents of Marjeh, which Syrian government troops took over from rebels earlier "
            "this month, are returning.",
            {("marjeh", "government")},
        ),
        # a passive relative names no subject
        ("Shelling hit Marjeh, which is inhabited by Kurds and taken over by rebels.", set()),
    ],
)
def test_a_relative_clause_with_its_own_subject_takes_the_place_before(extractor, text, expected):
    assert {(c.place_id, c.status) for c in claims_of(extractor, text)} == expected


def test_a_curly_apostrophe_is_an_apostrophe(extractor):
    (claim,) = claims_of(
        extractor, "The wounded left through Ramouseh, under the control of Assad’s forces."
    )
    assert (claim.place_id, claim.status) == ("ramouseh", "government")


def test_three_quarters_of_a_place_is_a_share(extractor):
    (claim,) = claims_of(
        extractor, "The army gained control over three-quarters of Aleppo's Old City on Wednesday."
    )
    assert (claim.place_id, claim.status) == ("old-city", "contested")


def test_that_included_lists_what_the_advance_went_into(extractor):
    claims = claims_of(
        extractor,
        "Throughout the day, government troops advanced from the east and north into the "
        "rebel-held areas of Aleppo. That included Hanano and Sakhour.",
    )
    assert {(c.place_id, c.status, c.rule) for c in claims} == {
        ("hanano", "contested", "listed-after"),
        ("sakhour", "contested", "listed-after"),
    }


def test_advancing_from_a_stronghold_in_a_place_is_no_advance_on_it(extractor):
    (claim,) = claims_of(
        extractor,
        "The SDF advanced from their local stronghold in the Sheikh Maqsoud District to seize "
        "positions.",
    )
    assert (claim.place_id, claim.status) == ("sheikh-maqsoud", "kurdish")


def test_whom_the_rebels_foiled_is_no_subject(extractor):
    claims = claims_of(
        extractor,
        "He also confirmed that the rebels foiled Assad’s militias attempt to progress and "
        "recaptured all the positions, in addition they recaptured the Sakan al-Shababi.",
    )
    assert {(c.place_id, c.status) for c in claims} == {("sakan-al-shababi", "rebels")}


def test_under_the_control_and_protection_of(extractor):
    (claim,) = claims_of(
        extractor,
        "Sheikh Maqsoud, which is under the control and protection of the YPG, was spared.",
    )
    assert (claim.place_id, claim.status) == ("sheikh-maqsoud", "kurdish")


def test_evacuating_civilians_from_a_place_gives_nothing_up(extractor):
    claims = claims_of(
        extractor,
        "The army took al-Sukkari on Monday. The Red Cross says it has evacuated nearly 150 "
        "disabled civilians from Aleppo’s Old City.",
    )
    assert {(c.place_id, c.status) for c in claims} == {("sukkari", "government")}


def test_losing_momentum_is_no_loss_of_a_place(extractor):
    claims = claims_of(
        extractor,
        "Army gains have lost momentum after the advance of recent days in which the historic "
        "Old City was recaptured.",
    )
    assert {(c.place_id, c.status) for c in claims} == {("old-city", "government")}
    (lost,) = claims_of(extractor, "Rebels have lost control of al-Sukkari.")
    assert (lost.place_id, lost.status) == ("sukkari", "government")


def test_a_relative_clause_after_a_day(extractor):
    (claim,) = claims_of(
        extractor,
        "During a tour of Old Aleppo on December 9, which the Syrian army took control of this "
        "week, journalists counted nine air strikes.",
        published=dt.date(2016, 12, 12),
    )
    assert (claim.place_id, claim.status) == ("old-city", "government")


def test_a_street_to_street_fight_between_sides_in_places(extractor):
    claims = claims_of(
        extractor,
        "There was a street-to-street fight between the rebels and the government forces in the "
        "Saif al-Dawleh and al-Zabadiyeh neighborhoods.",
    )
    assert {(c.place_id, c.status) for c in claims} == {
        ("saif-al-dawla", "contested"),
        ("zebdiyeh", "contested"),
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        # fell into the hands of regime forces
        ("وقال مسؤول إن حي الشعار سقط في أيدي قوات النظام.", {("shaar", "government")}),
        # are considered fallen: to whoever takes places in this article
        (
            "سيطرت قوات النظام على حي الميسر. "
            "وأضاف المسؤول إن حي كرم الجبل وحي الشعار يعتبران سقطا.",
            {
                ("karm-al-myassar", "government"),
                ("karm-al-jabal", "government"),
                ("shaar", "government"),
            },
        ),
        # after its loss of X: the pronoun's side is the article's losing side
        (
            "سيطرت قوات النظام على حي الميسر بعد خسارة النصرة مساكن هنانو. "
            "وتقدم الجيش نحو الشعار بعد خسارتها الصاخور.",
            {
                ("karm-al-myassar", "government"),
                ("hanano", "government"),
                ("sakhour", "government"),
                ("shaar", "contested"),
            },
        ),
    ],
)
def test_arabic_falls_and_losses(extractor, text, expected):
    assert {(c.place_id, c.status) for c in claims_of(extractor, text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The districts still under rebel control are al-Kalasa, Sukkari and Bustan al-Qasr.",
        "What remains under rebel control is al-Kalasa, Sukkari and Bustan al-Qasr.",
        # what remains under the opposition's control in Aleppo are the main districts: ...
        "أكدت مصادر محلية أن ما تبقى تحت سيطرة المعارضة في حلب هي الأحياء الرئيسية؛ "
        "الكلاسة، والسكري، وبستان القصر.",
    ],
)
def test_what_remains_under_control_is_the_list(extractor, text):
    claims = claims_of(extractor, text)
    assert {(c.place_id, c.status) for c in claims} == {
        ("kalasa", "rebels"),
        ("sukkari", "rebels"),
        ("bustan-al-qasr", "rebels"),
    }


def test_breaking_through_into_a_place_is_fighting_for_it(extractor):
    (claim,) = claims_of(
        extractor, "On Saturday the army broke through into the built-up al-Jazmati district."
    )
    assert (claim.place_id, claim.status, claim.date) == (
        "karm-al-jazmati",
        "contested",
        "2016-11-26",
    )
    assert claims_of(extractor, "Gunmen broke into a house in al-Sukkari.") == []


def test_the_former_rebel_held_district_is_the_other_sides_now(extractor):
    (claim,) = claims_of(
        extractor, "Smoke billows from the former rebel-held district of Bustan al-Qasr on Monday."
    )
    assert (claim.place_id, claim.status) == ("bustan-al-qasr", "government")


@pytest.mark.parametrize(
    "text",
    [
        # air strikes are bombardment, not a ground claim
        "There were at least six airstrike attacks on al-Mashhad neighborhood.",
        # a conditional, and a capture four years before
        "With the capture of Shaar, the army would hold 70 percent of east Aleppo, four years "
        "after rebels first seized it.",
        "Rebels seized al-Sukkari four years ago.",
    ],
)
def test_no_claim_from_air_attacks_conditions_or_old_captures(extractor, text):
    assert claims_of(extractor, text) == []


def test_building_blocks_and_farms_in_a_place_are_a_share(extractor):
    (claim,) = claims_of(
        extractor,
        "Army units restored security and stability to a number of building blocks and farms in "
        "the Sheikh Saeed area.",
    )
    assert (claim.place_id, claim.status) == ("sheikh-saeed", "contested")


def test_got_control_of_every_part_of_a_place_is_all_of_it(extractor):
    (claim,) = claims_of(
        extractor, "The army of Syria has got control of every part of Old City, a monitor said."
    )
    assert (claim.place_id, claim.status) == ("old-city", "government")
    (share,) = claims_of(extractor, "The army took control of parts of al-Sukkari.")
    assert (share.place_id, share.status) == ("sukkari", "contested")
