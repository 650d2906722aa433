"""Citations: the re-host mark, the publisher/host check and `make sources`."""
import pytest

from roundtable.tooling.sourcereport import (REHOST_ONLY_LIMIT, SourceReport, build_report, main,
                                     publisher_matches_host)
from roundtable.model.sources import Source


@pytest.mark.parametrize("publisher, url", [
    ("Reuters", "https://www.reuters.com/world/x"),
    ("Associated Press", "https://apnews.com/article/x"),
    ("The New York Times", "https://www.nytimes.com/2026/03/01/x.html"),
    ("Los Angeles Times", "https://www.latimes.com/world-nation/story/x"),
    ("The Times of Israel", "https://www.timesofisrael.com/x/"),
    ("International Atomic Energy Agency", "https://www.iaea.org/newscenter/x"),
    ("The Independent (AFP)", "https://www.the-independent.com/news/x"),
    ("Congressional Research Service (via LegiStorm)", "https://legistorm.com/reports/x"),
    ("United States Institute of Peace (The Iran Primer)", "https://iranprimer.usip.org/blog/x"),
    ("Kurdistan 24", "https://www.kurdistan24.net/en/story/x"),
    ("Voice of America (Reuters)", "https://www.voanews.com/middle-east/x"),
    ("The Guardian", "https://web.archive.org/web/20110322191124/http://www.guardian.co.uk/world/x"),
    ("BBC News", "https://web.archive.org/web/20110324031259/http:/www.bbc.co.uk/news/x"),
])
def test_a_publishers_own_host_matches(publisher, url):
    assert publisher_matches_host(publisher, url)


@pytest.mark.parametrize("publisher, url", [
    ("Reuters", "https://news.yahoo.com/x"),
    ("Voice of America", "https://voa.pangea-cms.com/preview/x"),
    ("The Guardian", "https://web.archive.org/web/2011/http://www.theobserver.example/x"),
    ("The Punch (Reuters)", "https://www.pressreader.com/nigeria/the-punch/x"),
])
def test_a_host_that_is_not_the_publishers_is_flagged(publisher, url):
    assert not publisher_matches_host(publisher, url)


def source(url, host=None, date="2026-01-01", publisher="Reuters"):
    return Source(publisher, "A title", date, url, host)


def test_report_counts_rehosts_undated_and_rehost_only_events():
    from roundtable.tooling.sourcereport import Citation

    own, copy = source("https://www.reuters.com/a"), source("https://news.yahoo.com/a", host="rehost")
    undated = source("https://www.reuters.com/b", date="n.d.")
    unmarked = source("https://news.yahoo.com/b")
    report = SourceReport([Citation("events/after.yaml", "one", own), Citation("events/after.yaml", "two", copy),
                           Citation("glossary.yaml", "three", undated), Citation("glossary.yaml", "four", unmarked)],
                          {"one": [own, copy], "two": [copy]})
    assert [c.entry for c in report.rehosts] == ["two"]
    # A copy marked as a re-host is listed once, as a re-host; an unmarked one is flagged.
    assert [c.entry for c in report.host_mismatches] == ["four"]
    assert [c.entry for c in report.undated] == ["three"]
    assert report.rehost_only_events == ["two"] and report.rehost_only_share == 0.5
    text = report.markdown()
    assert "| Reuters | 4 |" in text and "- `two`" in text


def test_at_most_a_tenth_of_events_rest_on_rehosts_alone():
    report = build_report()
    assert report.rehost_only_share <= REHOST_ONLY_LIMIT, report.rehost_only_events


def test_make_sources_writes_the_report_and_prints_its_counts(tmp_path, capsys):
    assert main(["--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "sources (" in printed and "re-hosts:" in printed and "events resting on re-hosts only" in printed
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Sources in the data")
