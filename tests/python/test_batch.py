"""parse_many, error modes, bytes, threads and Parser options."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import newswire


def test_parse_many_equals_parse(stories: list[str], reference_text: str) -> None:
    texts = [reference_text, *stories] * 3
    assert newswire.parse_many(texts) == [newswire.parse(t) for t in texts]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_thread_counts_give_the_same_results(stories: list[str], threads: int) -> None:
    assert newswire.parse_many(stories, threads=threads) == newswire.parse_many(stories)


def test_threads_must_be_positive(stories: list[str]) -> None:
    with pytest.raises(ValueError, match="threads"):
        newswire.parse_many(stories, threads=0)


def test_any_iterable(stories: list[str]) -> None:
    assert newswire.parse_many(t for t in stories) == newswire.parse_many(stories)
    assert newswire.parse_many(tuple(stories)) == newswire.parse_many(stories)
    assert newswire.parse_many([]) == []


def test_errors_raise_names_the_item(stories: list[str]) -> None:
    with pytest.raises(newswire.ParseError, match=r"item 1: empty input"):
        newswire.parse_many([stories[0], "   ", stories[1]])
    with pytest.raises(TypeError, match=r"item 2: expected str or bytes, got int"):
        newswire.parse_many([stories[0], stories[1], 42])


def test_errors_coerce_and_ignore(stories: list[str]) -> None:
    texts = [stories[0], "", None, b"\xff\xfe", stories[1]]
    coerced = newswire.parse_many(texts, errors="coerce")
    assert [a is None for a in coerced] == [False, True, True, True, False]
    assert coerced[0] == newswire.parse(stories[0])
    assert newswire.parse_many(texts, errors="ignore") == [newswire.parse(stories[0]), newswire.parse(stories[1])]
    with pytest.raises(ValueError, match="errors must be"):
        newswire.parse_many(texts, errors="skip")  # type: ignore[arg-type]


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(newswire.ParseError, ValueError)
    with pytest.raises(ValueError, match="empty input"):
        newswire.parse("")
    with pytest.raises(TypeError):
        newswire.parse(12)  # type: ignore[arg-type]


def test_bytes_are_utf8(stories: list[str]) -> None:
    text = stories[3]  # non-ASCII
    assert newswire.parse(text.encode("utf-8")) == newswire.parse(text)
    assert newswire.parse_many([text.encode("utf-8"), text]) == [newswire.parse(text)] * 2


def test_invalid_utf8_is_a_clear_error_or_replaced(stories: list[str]) -> None:
    raw = stories[0].encode("utf-8")
    bad = raw[:20] + b"\xff" + raw[20:]
    with pytest.raises(newswire.ParseError, match=r"not valid utf-8.*offset 20"):
        newswire.parse(bad)
    article = newswire.parse(bad, encoding_errors="replace")
    decoded = bad.decode("utf-8", errors="replace")
    assert article == newswire.parse(decoded)
    for p in article.paragraphs:
        assert decoded[p.span.start : p.span.end] == p.text
    lenient = newswire.Parser(encoding_errors="replace")
    assert lenient.parse_many([bad]) == [article]
    with pytest.raises(ValueError, match="encoding_errors"):
        newswire.Parser(encoding_errors="ignore")  # type: ignore[arg-type]


def test_max_input_bytes(stories: list[str]) -> None:
    small = newswire.Parser(max_input_bytes=50)
    with pytest.raises(newswire.ParseError, match="too large"):
        small.parse(stories[0])
    assert small.parse_many([stories[0], "Short\n\nText."], errors="coerce")[0] is None
    with pytest.raises(ValueError):
        newswire.Parser(max_input_bytes=0)


STORY = "Quake Hits Coast\n\nLIMA (ZNA) - A strong quake shook the coast on Monday.\n\nMore follows."
ZNA = {"code": "ZNA", "name": "Zeta News Agency", "country": "PE"}


def test_custom_agencies_from_dicts_toml_and_files(tmp_path: Path) -> None:
    assert newswire.parse(STORY).agency is None
    toml = '[[agency]]\ncode = "ZNA"\nname = "Zeta News Agency"\ncountry = "PE"\n'
    path = tmp_path / "agencies.toml"
    path.write_text(toml, encoding="utf-8")
    for source in ([ZNA], {"agency": [ZNA]}, toml, path):
        agency = newswire.Parser(agencies=source).parse(STORY).agency
        assert agency is not None
        assert (agency.code, agency.name, agency.country) == ("ZNA", "Zeta News Agency", "PE")


def test_bad_agency_data_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="agency"):
        newswire.Parser(agencies="[[agency]]\ncode = 3\n")
    with pytest.raises(ValueError, match="cannot read"):
        newswire.Parser(agencies=tmp_path / "missing.toml")
    with pytest.raises(TypeError):
        newswire.Parser(agencies=42)  # type: ignore[arg-type]


def test_concurrent_callers_share_a_parser(stories: list[str]) -> None:
    parser = newswire.Parser()
    expected = [parser.parse(t) for t in stories]
    results: list[object] = []

    def work() -> None:
        results.append(parser.parse_many(stories * 20, threads=2))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected * 20] * 4


SPORT_STORY = "Zorblat Results\n\nOSLO (Reuters) - The zorblat final ended late on Sunday."
ZORBLAT = {"code": "medtop:15000000", "weight": 3.0, "terms": ["zorblat"]}


def test_custom_topic_terms_from_dicts_toml_and_files(tmp_path: Path) -> None:
    default = newswire.parse(SPORT_STORY)
    assert not default.topics or default.topics[0].code != "medtop:15000000"
    toml = '[[terms]]\ncode = "medtop:15000000"\nweight = 3.0\nterms = ["zorblat"]\n'
    path = tmp_path / "lexicon.toml"
    path.write_text(toml, encoding="utf-8")
    for source in ([ZORBLAT], {"terms": [ZORBLAT]}, toml, path):
        article = newswire.Parser(topics=source).parse(SPORT_STORY)
        top = article.topics[0]
        assert (top.code, top.label) == ("medtop:15000000", "sport")
        assert [SPORT_STORY[e.span.start : e.span.end].lower() for e in top.evidence if e.term == "zorblat"] == [
            "zorblat", "zorblat"
        ]
    with pytest.raises(ValueError):
        newswire.Parser(topics="[[terms]]\ncode = 5\n")


def test_lone_surrogates_are_per_item_errors_or_replaced(stories: list[str]) -> None:
    broken = stories[0].replace("Lisbon", "Lisb\ud800n")
    with pytest.raises(newswire.ParseError, match="not valid unicode"):
        newswire.parse(broken)
    assert newswire.parse_many([broken, stories[1]], errors="coerce") == [None, newswire.parse(stories[1])]
    replaced = newswire.parse(broken, encoding_errors="replace")
    assert replaced.headline is not None and replaced.headline.text == "Harbour Reopens After Storm"

HEALTH_BILL = (
    "Parliament Debates Hospital Bill\n\n"
    "LONDON (AP) -- Lawmakers in parliament debated a bill on hospital funding on Tuesday as "
    "doctors and nurses warned that patients wait too long for treatment.\n\n"
    "The health minister said the vaccine programme and the hospitals would get more money."
)


def test_custom_lexicon_sets_the_desk_subjects() -> None:
    def primary(parser: newswire.Parser) -> str:
        return next(t.code for t in parser.parse(HEALTH_BILL).topics if t.code == t.top_level)

    assert primary(newswire.Parser()) == "medtop:11000000"
    assert primary(newswire.Parser(topics={"desks": ["medtop:07000000"]})) == "medtop:07000000"
    with pytest.raises(ValueError, match="desk"):
        newswire.Parser(topics={"desks": ["medtop:20001065"]})
