"""Organisations and groups as sources of reported speech: `Article.sources` and the flat
`quotes` list of `to_dict()`."""

import pickle

import newswire

TEXT = (
    "Talks Stall\n\n"
    "WASHINGTON (AP) \u2014 The State Department said on Tuesday that the talks would resume next week.\n\n"
    "State Department spokesman John Kirby said the delegation had left the city.\n\n"
    "Police said the driver had fled the scene before officers arrived.\n"
)


def test_sources_hold_quotes_of_organisations_and_groups():
    a = newswire.parse(TEXT)
    by_name = {s.name: s for s in a.sources}
    assert set(by_name) == {"State Department", "police"}
    dept = by_name["State Department"]
    assert dept.kind == "organization"
    assert [q.text for q in dept.quotes] == ["that the talks would resume next week"]
    assert by_name["police"].kind == "group"
    # Code-point offsets, after the em dash.
    q = dept.quotes[0]
    assert TEXT[q.span.start : q.span.end] == q.text
    assert TEXT[dept.mentions[0].start : dept.mentions[0].end] == "State Department"
    # The spokesman keeps his own quote.
    assert [(s.name, q.text) for s, q in a.quotes()] == [("John Kirby", "the delegation had left the city")]
    assert pickle.loads(pickle.dumps(dept)) == dept
    assert "State Department" in repr(dept)


def test_to_dict_lists_source_quotes_once():
    d = newswire.parse(TEXT).to_dict()
    flat = d["quotes"]
    assert [(q["speaker"], q["source_kind"], q["cue"], q["kind"]) for q in flat] == [
        ("State Department", "organization", "said", "indirect"),
        ("police", "group", "said", "indirect"),
    ]
    assert TEXT[flat[0]["start"] : flat[0]["end"]] == flat[0]["text"]
    # People's quotes are only under speakers.
    assert all(q["speaker"] != "John Kirby" for q in flat)
    assert [s["name"] for s in d["sources"]] == ["State Department", "police"]


def test_unnamed_sources_are_described_not_named():
    text = (
        "Port Deal\n\n"
        "WASHINGTON (AP) \u2014 A senior administration official said the deal would be signed next month.\n\n"
        "People familiar with the talks said the price had not been settled.\n"
    )
    d = newswire.parse(text).to_dict()
    assert [(q["speaker"], q["source_kind"], q["text"]) for q in d["quotes"]] == [
        ("senior administration official", "unnamed", "the deal would be signed next month"),
        ("people familiar with the talks", "unnamed", "the price had not been settled"),
    ]
    assert d["speakers"] == []
