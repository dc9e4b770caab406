"""Near-duplicates: a syndicated copy, a re-post crediting the source, an update, a distinct report."""

from __future__ import annotations

from tidings.dedup import DedupIndex

WIRE = (
    "NAIROBI, May 2 - Kenyan police fired tear gas and water cannon at thousands of protesters in central Nairobi "
    "on Thursday as anger over a proposed fuel levy spilled onto the streets for a third day. "
    "Witnesses said officers chased demonstrators through the market district near the Kenyatta International "
    "Convention Centre, where lawmakers were due to debate the finance bill later in the day. "
    "The Kenya Red Cross said two people had been taken to hospital with gunshot wounds and that its volunteers "
    "had treated dozens more for the effects of tear gas. A police spokesman declined to comment on the injuries. "
    "Opposition leaders have called for a week of demonstrations until the government withdraws the levy, which "
    "they say would push up the price of food and transport for millions of households already struggling with "
    "high inflation."
)

# Another outlet's own reporting of the same day: same facts, its own words.
OWN_REPORT = (
    "Demonstrations against the planned fuel tax continued in Nairobi for a third straight day, with running battles "
    "between riot police and young men in the city centre. Our correspondent saw officers firing canisters into "
    "crowds near the parliament buildings while shopkeepers pulled down their shutters. Health workers at Kenyatta "
    "National Hospital said they had received several injured people, two of them with bullet wounds. The interior "
    "ministry blamed opposition politicians for the unrest and said anyone who destroyed property would be "
    "prosecuted. Parliament is expected to vote on the finance bill next week."
)


def repost(text: str) -> str:
    """What a partner site runs: its own headline line, the wire text with the last sentence trimmed."""
    body = text.rsplit(" Opposition leaders", 1)[0]
    return "Police and protesters clash in Nairobi over fuel levy\n\n" + body


def test_syndicated_copy_links_to_the_wire_original(extract):
    original = extract(WIRE, published="2024-05-02", url="https://www.reuters.com/world/africa/kenya-protests-2024-05-02/", id="reuters-1")
    copy = extract(repost(WIRE) + "\n\nVia Reuters", published="2024-05-02", url="https://dailyreport.example.co.ke/news/clashes", id="daily-7")
    assert copy.article.publisher == "Reuters"  # the cleaner read the credit line

    index = DedupIndex()
    assert index.add(original.id, original.article.text, original.article.publisher, original.article.published, url=original.article.url) is None
    assert index.add(copy.id, copy.article.text, copy.article.publisher, copy.article.published, url=copy.article.url) == "reuters-1"
    group = index.group("daily-7")
    assert group.original == "reuters-1"
    assert group.copies() == ["daily-7"]
    assert group.publisher == "Reuters"


def test_copy_seen_before_its_original_is_relinked():
    index = DedupIndex()
    # The re-post arrives first (feeds are polled in no particular order).
    assert index.add("daily-7", repost(WIRE), publisher="Reuters", published="2024-05-02T11:40:00", url="https://dailyreport.example.co.ke/x") is None
    assert index.add("reuters-1", WIRE, publisher=None, published="2024-05-02T09:15:00", url="https://www.reuters.com/world/a") is None
    assert index.original_of("daily-7") == "reuters-1"
    assert index.original_of("reuters-1") == "reuters-1"
    assert index.group("reuters-1").publisher == "Reuters"


def test_earliest_version_is_the_original_of_an_update():
    update = WIRE + (
        " Later on Thursday the interior minister said 41 people had been arrested and that an inquiry into the "
        "shootings would be opened."
    )
    index = DedupIndex()
    assert index.add("v2", update, publisher="Kenya Wire", published="2024-05-02T15:00:00") is None
    assert index.add("v1", WIRE, publisher="Kenya Wire", published="2024-05-02T09:00:00") is None
    assert index.original_of("v2") == "v1"
    assert index.group("v2").publisher == "Kenya Wire"


def test_independent_report_of_the_same_event_is_not_a_copy():
    index = DedupIndex()
    index.add("reuters-1", WIRE, published="2024-05-02")
    assert index.add("own-1", OWN_REPORT, published="2024-05-02") is None
    assert index.original_of("own-1") == "own-1"
    assert len(index) == 2


def test_short_texts_are_never_linked():
    index = DedupIndex()
    index.add("a", "Police said the protest was peaceful.")
    assert index.add("b", "Police said the protest was peaceful.") is None


def test_index_survives_a_restart(tmp_path):
    path = tmp_path / "dedup.pickle"
    index = DedupIndex()
    index.add("reuters-1", WIRE, published="2024-05-02", url="https://www.reuters.com/a")
    index.save(path)
    again = DedupIndex.load(path)
    assert again.add("daily-7", repost(WIRE), publisher="Reuters", published="2024-05-02", url="https://daily.example/b") == "reuters-1"
    assert DedupIndex.load(tmp_path / "missing.pickle").hashes == {}


def test_prune_forgets_old_articles():
    index = DedupIndex()
    index.add("old", WIRE, published="2024-05-02")
    index.group("old").members["old"].added -= 8 * 86400
    index.add("new", OWN_REPORT, published="2024-05-09")
    assert index.prune(7 * 86400) == 1
    assert "old" not in index and index.original_of("old") is None
    assert index.add("late-copy", repost(WIRE), published="2024-05-10") is None  # nothing left to copy
