"""The decision-point role-play (exercises/roleplay.yaml): the situation on
the evening of 5 January 2020, the role cards, the memo template and its
rubric, the phases of a session, the news desk's announcements and the
debrief.

The loader checks the file against the corpus and the events: every cited
paragraph exists; every title quoted in the situation is an event dated on or
before the scenario's date (the chronology is computed from those titles,
never typed); every announcement names an event that has begun by the moment
it is announced and has at least one source dated that day or earlier (its
citations are those sources, never typed twice). Each problem stops with a
message naming the file, the entry and what is wrong.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.dates import format_dated
from ..core.errors import DataError
from ..core.paths import EXERCISES_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, unique_ids, loads_data
from .corpus import load_corpus
from .documents import load_documents
from .events import Event, EventLog, load_events
from .rubrics import Criterion, prose, read_rubric
from .sources import Source

ROLEPLAY_FILE = EXERCISES_DIR / "roleplay.yaml"
TOP_FIELDS = ("scenario", "roles", "memo_template", "memo_rubric", "facilitation", "phases", "news_desk", "debrief")
SCENARIO_FIELDS = ("title", "date", "situation", "task")
ROLE_FIELDS = ("id", "name", "interests", "constraints", "roundtable", "questions", "documents")
PHASE_FIELDS = ("id", "title", "minutes", "homework", "instructions", "announce")
NEWS_FIELDS = ("event", "date", "part_of_day", "announcement", "learned_later")
DEBRIEF_FIELDS = ("questions", "read_after", "what_happened_next")
PARTS_OF_DAY = ("early morning", "morning", "afternoon", "evening", "night")
#: A quoted span in the situation: an event title, which may itself hold a
#: quoted phrase ("... calls for "international resistance" groups").
QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    interests: tuple[str, ...]
    constraints: tuple[str, ...]
    roundtable: tuple[tuple[str, str], ...]  # (paragraph id, what it says about the role)
    questions: tuple[str, ...]
    #: Primary documents (data/documents.yaml) the card links to: only those
    #: issued by the scenario's date, so the card tells nothing from later.
    documents: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(paragraph for paragraph, _ in self.roundtable)


@dataclass(frozen=True)
class Phase:
    """One step of a session. `homework` marks the steps that move out of
    class when the memo is written as homework before it."""
    id: str
    title: str
    minutes: int
    homework: bool
    instructions: str
    announce: tuple[str, ...] = ()  # event ids of the news desk announcements read in this phase


@dataclass(frozen=True)
class Announcement:
    """A news desk announcement: an event as it was reported at the moment
    it is read out. `learned_later` is for the instructor's debrief only."""
    event: Event
    date: dt.date
    part_of_day: str
    text: str
    learned_later: str

    @property
    def moment(self) -> str:
        """"6 January 2020, morning"."""
        return f"{format_dated(self.date, 'day')}, {self.part_of_day}"

    @property
    def sources(self) -> tuple[Source, ...]:
        """The event's sources dated on or before the announcement: what had
        been reported by then. A source dated only by month or year cannot be
        shown to be that early, so it is left out."""
        return tuple(s for s in self.event.sources if _full_date(s.date) and _full_date(s.date) <= self.date)

    @property
    def later_sources(self) -> tuple[Source, ...]:
        """The event's other sources: what was reported later (or cannot be dated to the day)."""
        return tuple(s for s in self.event.sources if s not in self.sources)


@dataclass(frozen=True)
class Debrief:
    questions: tuple[str, ...]
    read_after: tuple[str, ...]        # paragraph ids, read together after the role-play
    what_happened_next: tuple[Event, ...]


@dataclass(frozen=True)
class RolePlay:
    title: str
    date: str
    situation: str
    task: str
    roles: tuple[Role, ...]
    memo_template: str
    memo_rubric: tuple[Criterion, ...]
    facilitation: str
    phases: tuple[Phase, ...]
    news_desk: tuple[Announcement, ...]
    debrief: Debrief
    chronology: tuple[Event, ...]
    path: Path

    def minutes_in_class(self, memo_as_homework: bool) -> int:
        """Class minutes of a session: every phase, or, when the memo is
        written as homework before class, every phase not marked homework."""
        return sum(p.minutes for p in self.phases if not (memo_as_homework and p.homework))

    @property
    def minutes(self) -> int:
        """The whole session in class, memo included."""
        return self.minutes_in_class(memo_as_homework=False)

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(f"no role {role_id!r} in {self.path.name}")


@loads_data(default=ROLEPLAY_FILE)
def load_roleplay(path: Path | None = None, corpus=None, log: EventLog | None = None) -> RolePlay:
    """The role-play, validated against the corpus and the events."""
    path = Path(path or ROLEPLAY_FILE)
    corpus = corpus or load_corpus()
    log = log or load_events()
    paragraph_ids = set(corpus.ids)
    top = Entry(path, "the role-play", read_yaml(path))
    top.check_keys(TOP_FIELDS)
    scenario = Entry(path, "scenario", top.item.get("scenario"))
    scenario.check_keys(SCENARIO_FIELDS)
    try:
        date = dt.date.fromisoformat(str(scenario.text("date")))
    except ValueError:
        raise scenario.fail(f"'date' must be a day written YYYY-MM-DD, got {scenario.item.get('date')!r}") from None
    situation = paragraphs(scenario, "situation")
    documents = load_documents()
    roles = tuple(_read_role(path, index, item, paragraph_ids, documents, date)
                  for index, item in enumerate(top.mapping_list("roles")))
    unique_ids(path, "role", [r.id for r in roles])
    phases = tuple(_read_phase(path, index, item) for index, item in enumerate(top.mapping_list("phases")))
    unique_ids(path, "phase", [p.id for p in phases])
    news = tuple(_read_news(path, index, item, log, date) for index, item in enumerate(top.mapping_list("news_desk")))
    _check_announcements(path, phases, news)
    return RolePlay(
        title=scenario.text("title"), date=date.isoformat(), situation=situation, task=prose(scenario, "task"),
        roles=roles, memo_template=top.text("memo_template"), memo_rubric=read_rubric(top, "memo_rubric"),
        facilitation=top.text("facilitation").strip(), phases=phases, news_desk=news,
        debrief=_read_debrief(path, top.item.get("debrief"), paragraph_ids, log),
        chronology=quoted_events(scenario, situation, log, date), path=path)


def paragraphs(entry: Entry, key: str) -> str:
    """Folded YAML prose that keeps its paragraphs: each made one line, with a
    blank line between them."""
    return "\n\n".join(" ".join(p.split()) for p in entry.text(key).split("\n") if p.strip())


def quoted_events(scenario: Entry, situation: str, log: EventLog, date: dt.date) -> tuple[Event, ...]:
    """The events whose titles the situation quotes, sorted by date. Every
    quoted span must be an event title, and no event may be after `date`."""
    by_title = {event.title: event for event in log.events.values()}
    found, rest = [], situation
    # Longest titles first, so that a title quoting a phrase is taken whole.
    for title in sorted(by_title, key=len, reverse=True):
        if f'"{title}"' in rest:
            found.append(by_title[title])
            rest = rest.replace(f'"{title}"', " ")
    unresolved = QUOTED.findall(rest)
    if unresolved:
        raise scenario.fail(f"the situation quotes {unresolved[0]!r}, which is not the title of any event in "
                            "data/events/ (titles in quotation marks must be event titles, spelled exactly)")
    late = [e for e in found if e.start > date]
    if late:
        raise scenario.fail(f"the situation quotes {late[0].title!r}, dated {late[0].start}, after the "
                            f"scenario's date {date}")
    return tuple(sorted(found, key=lambda e: (e.start, e.end, e.id)))


def _read_role(path: Path, index: int, item, paragraph_ids: set[str], documents, date: dt.date) -> Role:
    entry = Entry(path, entry_label("role", index, item), item)
    entry.check_keys(ROLE_FIELDS)
    says = []
    for raw in entry.mapping_list("roundtable"):
        paragraph, text = raw.get("paragraph"), raw.get("says")
        if paragraph not in paragraph_ids:
            raise entry.fail(f"'roundtable' cites unknown paragraph {paragraph!r}")
        if not isinstance(text, str) or not text.strip():
            raise entry.fail(f"'roundtable' entry for {paragraph} needs 'says'")
        says.append((paragraph, " ".join(text.split())))
    linked = tuple(entry.text_list("documents", required=False))
    for document_id in linked:
        if document_id not in documents:
            raise entry.fail(f"'documents' names unknown document {document_id!r} (see {documents.path.name})")
        if documents[document_id].date > date:
            raise entry.fail(f"'documents' names {document_id!r}, issued {documents[document_id].date}, after the "
                             f"scenario's date {date}: the card would tell the future")
    return Role(entry.ident(), entry.text("name"), tuple(entry.text_list("interests")),
                tuple(entry.text_list("constraints")), tuple(says), tuple(entry.text_list("questions")), linked)


def _read_phase(path: Path, index: int, item) -> Phase:
    entry = Entry(path, entry_label("phase", index, item), item)
    entry.check_keys(PHASE_FIELDS)
    minutes = entry.integer("minutes")
    if not 1 <= minutes <= 60:
        raise entry.fail(f"'minutes' must be between 1 and 60, got {minutes}")
    return Phase(entry.ident(), entry.text("title"), minutes, entry.boolean("homework"), prose(entry, "instructions"),
                 tuple(entry.text_list("announce", required=False)))


def _read_news(path: Path, index: int, item, log: EventLog, scenario_date: dt.date) -> Announcement:
    entry = Entry(path, entry_label("news desk announcement", index, item, "event"), item)
    entry.check_keys(NEWS_FIELDS)
    event_id = entry.text("event")
    if event_id not in log.events:
        raise entry.fail(f"'event' {event_id!r} is not an event in data/events/")
    event = log[event_id]
    try:
        date = dt.date.fromisoformat(str(entry.text("date")))
    except ValueError:
        raise entry.fail(f"'date' must be a day written YYYY-MM-DD, got {entry.item.get('date')!r}") from None
    if date <= scenario_date:
        raise entry.fail(f"announced on {date}, not after the scenario's date {scenario_date}")
    if date < event.start:
        raise entry.fail(f"announced on {date}, before the event begins ({event.start})")
    announcement = Announcement(event, date, entry.choice("part_of_day", PARTS_OF_DAY), prose(entry, "announcement"),
                                prose(entry, "learned_later"))
    if not announcement.sources:
        raise entry.fail(f"event {event_id!r} has no source dated on or before {date}: an announcement must rest "
                         "on what was reported by then")
    return announcement


def _check_announcements(path: Path, phases: tuple[Phase, ...], news: tuple[Announcement, ...]) -> None:
    """Every announcement is read in exactly one phase, and a phase reads only
    announcements that exist, in the order of their moments."""
    prepared = [a.event.id for a in news]
    unique_ids(path, "news desk announcement", prepared)
    read = [(phase, event_id) for phase in phases for event_id in phase.announce]
    for phase, event_id in read:
        if event_id not in prepared:
            raise DataError(path, f"'announce' names {event_id!r}, which has no news desk announcement",
                            f"phase '{phase.id}'")
    for event_id in prepared:
        where = [phase.id for phase, read_id in read if read_id == event_id]
        if len(where) != 1:
            raise DataError(path, f"is read in {len(where)} phases {where}; it must be read in exactly one",
                            f"news desk announcement '{event_id}'")
    moments = [(a.date, PARTS_OF_DAY.index(a.part_of_day)) for a in news]
    order = [prepared.index(event_id) for _, event_id in read]
    if order != sorted(order) or moments != sorted(moments):
        raise DataError(path, "news desk announcements must be listed, and read, in the order of their moments",
                        "news_desk")


def _read_debrief(path: Path, item, paragraph_ids: set[str], log: EventLog) -> Debrief:
    entry = Entry(path, "debrief", item)
    entry.check_keys(DEBRIEF_FIELDS)
    read_after = entry.text_list("read_after")
    unknown = [p for p in read_after if p not in paragraph_ids]
    if unknown:
        raise entry.fail(f"'read_after' names unknown paragraph(s) {unknown}")
    event_ids = entry.text_list("what_happened_next")
    unknown = [e for e in event_ids if e not in log.events]
    if unknown:
        raise entry.fail(f"'what_happened_next' names unknown event(s) {unknown}")
    questions = tuple(" ".join(q.split()) for q in entry.text_list("questions"))
    return Debrief(questions, tuple(read_after), tuple(log[e] for e in event_ids))


def _full_date(text: str) -> dt.date | None:
    """A source's date when it names a day, else None."""
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None

