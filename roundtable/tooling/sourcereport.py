"""`make sources`: a report on every citation in the data, for maintainers.

It counts sources by publisher and flags what a reviewer should look at:
copies re-hosted by another site (`host: rehost`), a URL whose host does not
look like the publisher named, a source without a date, and events whose
only sources are re-hosts. The report is Markdown in build/sources/ (not
committed). Nothing here is imported by the notebooks.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..core.paths import REPO_ROOT
from ..model.events import load_events
from ..model.forecasts import load_forecasts
from ..model.glossary import load_glossary
from ..model.places import load_places
from ..model.sources import Source

#: Words too common in outlet names to tell one outlet from another.
GENERIC_WORDS = {"the", "of", "and", "for", "news", "times", "post", "daily", "media", "press", "international",
                 "online", "world", "tv", "radio", "agency", "magazine", "journal", "review", "today", "network",
                 "english", "via", "service", "edition"}
#: Outlets whose web address does not spell their name, and the hosts that
#: are theirs: a citation naming one of these at one of its hosts is not flagged.
KNOWN_HOSTS = {
    "voice of america": ("voanews.com",),
    "reuters": ("reuters.com", "trust.org"),  # Thomson Reuters Foundation News
    "lbci": ("lbcgroup.tv",),
    "cna": ("channelnewsasia.com",),
    "xinhua": ("news.cn", "xinhuanet.com"),
    "european council on foreign relations": ("ecfr.eu",),
    "us department of state": ("state.gov", "usembassy.gov"),
    "u.s. department of state": ("state.gov", "usembassy.gov"),
    "emirates news agency": ("wam.ae",),
    "u.s. air force": ("af.mil",),
    "quds news agency": ("qodsna.com",),
    "us national counterterrorism center": ("nctc.gov", "dni.gov"),
    "the business standard": ("tbsnews.net",),
    "the news international": ("thenews.com.pk",),
    "shanghai daily": ("shine.cn",),
    "alternatives: turkish journal of international relations": ("dergipark.gov.tr", "dergipark.org.tr"),
}
#: How much of the events may rest on re-hosts alone (the tests hold it).
REHOST_ONLY_LIMIT = 0.10


@dataclass(frozen=True)
class Citation:
    file: str
    entry: str
    source: Source


def citations() -> list[Citation]:
    """Every source in the data: events, glossary (with its later changes),
    places and forecasts (every judgement)."""

    found = [Citation(f"events/{e.file}", e.id, s) for e in load_events().events.values() for s in e.sources]
    for entry in load_glossary().entries.values():
        found += [Citation("glossary.yaml", entry.id, s) for s in entry.sources]
        found += [Citation("glossary.yaml", entry.id, s) for c in entry.since_2020 for s in c.sources]
    found += [Citation("places.yaml", p.id, s) for p in load_places().values() for s in p.sources]
    found += [Citation("forecasts.yaml", f.id, s) for f in load_forecasts() for j in f.judgements for s in j.sources]
    return found


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names(publisher: str) -> list[str]:
    """The outlet a citation names as the site: the part before any
    parenthesis ("The Independent (AFP)": the site is The Independent), or
    the name after "via" ("CRS (via LegiStorm)": the site is LegiStorm)."""
    names = [publisher.split("(")[0]]
    names += re.findall(r"\(via ([^)]+)\)", publisher)
    return [n.strip() for n in names if n.strip()]


def publisher_matches_host(publisher: str, url: str) -> bool:
    """Whether the URL's host plausibly belongs to the publisher: the name,
    its initials or one of its distinctive words appears in the host."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host == "web.archive.org":
        # An archived copy of the publisher's own page: judge the page archived.
        archived = re.search(r"/web/\d+[a-z_]*/(https?:/+.*)$", url)
        if archived:
            return publisher_matches_host(publisher, re.sub(r"^(https?:)/+", r"\1//", archived.group(1)))
    for name in _names(publisher):
        known = KNOWN_HOSTS.get(name.lower(), ())
        if any(host == h or host.endswith("." + h) for h in known):
            return True
    labels = [_compact(label) for label in host.split(".")[:-1]] or [_compact(host)]
    whole = "".join(labels)
    for name in _names(publisher):
        words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "").replace("'", ""))
        compact = "".join(w for w in words if w != "the")
        initials = "".join(w[0] for w in words if w not in {"the", "of", "and"})
        distinctive = [w for w in words if w not in GENERIC_WORDS and len(w) >= 3]
        if compact and compact in whole:
            return True
        if len(initials) >= 2 and any(label.startswith(initials) for label in labels):
            return True
        if any(word in whole for word in distinctive):
            return True
        if any(len(label) >= 3 and label in compact for label in labels):
            return True
    return False


@dataclass(frozen=True)
class SourceReport:
    citations: list[Citation]
    event_sources: dict[str, list[Source]]

    @property
    def rehosts(self) -> list[Citation]:
        return [c for c in self.citations if c.source.rehost]

    @property
    def host_mismatches(self) -> list[Citation]:
        """Sources at a host that is not the publisher's and not marked as a
        re-host: a wrong publisher, or a copy that should say `host: rehost`."""
        return [c for c in self.citations
                if not c.source.rehost and not publisher_matches_host(c.source.publisher, c.source.url)]

    @property
    def undated(self) -> list[Citation]:
        return [c for c in self.citations if c.source.date == "n.d."]

    @property
    def rehost_only_events(self) -> list[str]:
        return [event for event, sources in self.event_sources.items() if all(s.rehost for s in sources)]

    @property
    def rehost_only_share(self) -> float:
        return len(self.rehost_only_events) / len(self.event_sources)

    def counts(self) -> str:
        total = len(self.citations)
        return (f"{total} sources ({len({c.source.url for c in self.citations})} distinct URLs) from "
                f"{len({c.source.publisher for c in self.citations})} publishers; re-hosts: {len(self.rehosts)} "
                f"({len(self.rehosts) / total:.0%}); host not matching the publisher: {len(self.host_mismatches)}; "
                f"without a date: {len(self.undated)}; events resting on re-hosts only: "
                f"{len(self.rehost_only_events)} of {len(self.event_sources)} ({self.rehost_only_share:.0%}, "
                f"limit {REHOST_ONLY_LIMIT:.0%})")

    def markdown(self) -> str:
        by_publisher = Counter(c.source.publisher for c in self.citations)
        lines = ["# Sources in the data", "", self.counts() + ".", "",
                 "## Sources by publisher", "", "| publisher | sources |", "|---|---|"]
        lines += [f"| {_cell(name)} | {count} |" for name, count in
                  sorted(by_publisher.items(), key=lambda item: (-item[1], item[0].casefold()))]
        sections = [
            ("Re-hosts (`host: rehost`): another site's copy, kept because nothing better was found", self.rehosts),
            ("URL host does not look like the publisher named, and not marked as a re-host (check the publisher "
             "or the link)", self.host_mismatches),
            ("Sources without a date", self.undated),
        ]
        for title, rows in sections:
            lines += ["", f"## {title} ({len(rows)})", ""]
            lines += [f"- {c.file} · `{c.entry}` · {_cell(c.source.citation())} <{c.source.url}>" for c in rows] or ["None."]
        lines += ["", f"## Events whose only sources are re-hosts ({len(self.rehost_only_events)})", ""]
        lines += [f"- `{event}`" for event in self.rehost_only_events] or ["None."]
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def build_report() -> SourceReport:
    events = {e.id: list(e.sources) for e in load_events().events.values()}
    return SourceReport(citations(), events)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "build" / "sources",
                        help="folder for report.md (default: build/sources)")
    args = parser.parse_args(argv)
    report = build_report()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "report.md"
    path.write_text(report.markdown(), encoding="utf-8")
    print(report.counts() + ".")
    print(f"Report: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
