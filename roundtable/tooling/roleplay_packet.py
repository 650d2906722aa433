"""The role-play's printed handouts (exercises/roleplay.yaml).

For students: one handout per role (the situation, the role card, the full
text of every paragraph the card cites, the memo template), the one-page
chronology up to the scenario's date, the memo rubric, the news desk's slips
and the session sheet. For the instructor: the facilitation sheet, which adds
the facilitation notes, each announcement's sources and what was learned
later, and the debrief guide with the paragraphs held back until then.

Every field from the data is escaped; the memo template is Markdown rendered
without raw HTML.
"""
from __future__ import annotations

import datetime as dt
from html import escape

from ..core.dates import format_dated
from ..model.corpus import load_corpus
from ..model.glossary import load_glossary
from ..model.roleplay import Announcement, Role, RolePlay
from ..model.rubrics import Criterion
from ..model.documents import load_documents
from ..views.documentviews import document_link_html, documents_html
from ..views.levelviews import class_summaries
from ..views.render import passage_html
from .handout_page import document, markdown_html, opened

STUDENTS, INSTRUCTOR = "Students' handout", "Instructor's edition (facilitation notes and what was learned later)"


def _items(texts) -> str:
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"


def _paragraphs(text: str) -> str:
    """Prose whose paragraphs are separated by line breaks, as <p>s."""
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.split("\n") if p.strip())


def passages(ids, glossary=True) -> str:
    """Paragraphs of the roundtable in full, verbatim, each glossary note once;
    at the basic reading level, each with its summary folded under it."""
    corpus = load_corpus()
    rows = corpus.paragraphs.set_index("id").loc[list(ids)].reset_index()
    seen: dict = {}
    notes = load_glossary() if glossary else None
    summaries = class_summaries() or {}
    return opened("".join(passage_html(row, notes, seen, summaries.get(row["id"])) for _, row in rows.iterrows()))


def situation_html(play: RolePlay) -> str:
    return (f"<h2>The situation</h2>{_paragraphs(play.situation)}"
            f"<h2>The task</h2><p>{escape(play.task)}</p>")


def role_card_html(role: Role) -> str:
    says = "".join(f"<li><strong>{escape(p)}</strong>: {escape(s)}</li>" for p, s in role.roundtable)
    questions = "".join(f"<li>{escape(q)}</li>" for q in role.questions)
    documents = load_documents()
    statements = "".join(f"<li><a href='#doc-{escape(d)}'>{document_link_html(documents[d])}</a></li>"
                         for d in role.documents)
    official = (f"<h3>What governments said officially that week (printed in full at the end)</h3><ul>{statements}</ul>"
                if statements else "")
    return (f"<h2>Role card: {escape(role.name)}</h2><h3>Interests</h3>{_items(role.interests)}"
            f"<h3>Constraints</h3>{_items(role.constraints)}<h3>What the roundtable says</h3><ul>{says}</ul>"
            f"{official}<h3>Questions for the memo</h3><ol>{questions}</ol>")


def memo_template_html(play: RolePlay, actor: str | None = None) -> str:
    template = play.memo_template.replace("[your actor]", actor) if actor else play.memo_template
    return f"<div class='memo-template'>{markdown_html(template)}</div>"


def role_handout_html(play: RolePlay, role: Role) -> str:
    """One role's handout: situation, card, the cited paragraphs in full, memo template."""
    body = (f"<section class='handout'><h1>{escape(play.title)}</h1><p><strong>Your role:</strong> "
            f"{escape(role.name)}</p>{situation_html(play)}</section>"
            f"<section class='handout'>{role_card_html(role)}</section>"
            f"<section class='handout'><h2>The paragraphs your card cites, in full</h2>"
            f"<p class='small'>Verbatim from the roundtable, in the order of the text; glossary terms are numbered, "
            f"with each note under the first paragraph that names it.</p>"
            f"{passages(sorted(set(role.paragraphs), key=load_corpus().ids.index))}</section>"
            f"{_documents_section(role)}"
            f"<section class='handout'>{memo_template_html(play, role.name)}</section>")
    return document(f"Role-play: {role.name}", body, STUDENTS)


def _documents_section(role: Role) -> str:
    """The primary documents the card links to, verbatim with their sources."""
    if not role.documents:
        return ""
    documents = load_documents()
    return ("<section class='handout'><h2>What was said officially, in full</h2>"
            "<p class='small'>Verbatim excerpts with who said them, when, and the copy quoted; a translation is "
            "marked as one.</p>" + opened(documents_html(documents[d] for d in role.documents)) + "</section>")


def chronology_html(play: RolePlay) -> str:
    """The events the situation names, numbered in date order, on one page.
    Each is dated by the day it began: nothing after the scenario's evening
    is told (an event still going on says so)."""
    day = dt.date.fromisoformat(str(play.date))
    rows = []
    for event in play.chronology:
        begun = format_dated(event.start, event.precision)
        going_on = " (still going on)" if event.end > day else ""
        rows.append(f"<li><strong>{escape(begun)}</strong>{going_on}: {escape(event.title)}</li>")
    body = (f"<h1>Chronology up to {escape(format_dated(day, 'day'))}</h1>"
            "<p class='small'>The events the situation names, in the order they began, each with its date and "
            "its title on the course timeline (notebook 01 gives every event's sources).</p>"
            f"<ol class='chronology'>{''.join(rows)}</ol>")
    return document(f"Role-play: chronology to {play.date}", body, STUDENTS)


def rubric_table_html(criteria: tuple[Criterion, ...]) -> str:
    levels = criteria[0].levels
    head = "".join(f"<th>{lv.score} · {escape(lv.label)}</th>" for lv in levels)
    rows = "".join(f"<tr><th>{escape(c.criterion)}</th><td>{c.weight}</td>"
                   + "".join(f"<td>{escape(lv.descriptor)}</td>" for lv in c.levels) + "</tr>"
                   for c in criteria)
    return (f"<table class='rubric'><thead><tr><th>criterion</th><th>weight (%)</th>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def memo_rubric_html(play: RolePlay) -> str:
    body = ("<h1>The position memo: rubric</h1><p>Memos are graded on their use of evidence and their reasoning, "
            "not on whether the actor “won”. Each criterion is scored 4 to 1; the weights add up to 100.</p>"
            + rubric_table_html(play.memo_rubric))
    return document("Role-play: memo rubric", body, STUDENTS)


def _slip(announcement: Announcement) -> str:
    return (f"<section class='handout'><div class='news-slip'><p><strong>News desk · "
            f"{escape(announcement.moment)}</strong></p><p>{escape(announcement.text)}</p></div>"
            f"<p class='small'><strong>As reported by:</strong> "
            f"{'; '.join(s.html() for s in announcement.sources)}</p></section>")


def news_desk_html(play: RolePlay) -> str:
    """One slip per announcement, a page each, to read out or pass round at
    its moment: what was reported then, with the sources of that day or earlier."""
    return document("Role-play: news desk", "".join(_slip(a) for a in play.news_desk), STUDENTS)


def _timings_table(play: RolePlay) -> str:
    rows = []
    for phase in play.phases:
        homework = "before class" if phase.homework else f"{phase.minutes}"
        rows.append(f"<tr><td>{escape(phase.title)}</td><td>{phase.minutes}</td><td>{homework}</td></tr>")
    return ("<table><thead><tr><th>phase</th><th>minutes, memo in class</th><th>minutes, memo as homework</th></tr>"
            f"</thead><tbody>{''.join(rows)}<tr><th>in class</th><th>{play.minutes_in_class(False)}</th>"
            f"<th>{play.minutes_in_class(True)}</th></tr></tbody></table>")


def session_html(play: RolePlay, instructor: bool = False) -> str:
    """The session sheet: phases and timings in both versions, the news desk's
    moments; the instructor's edition adds the announcements with their
    sources and what was learned later, the facilitation notes and the debrief."""
    news = {a.event.id: a for a in play.news_desk}
    out = [f"<h1>{escape(play.title)}: the session</h1>",
           f"<p>{play.minutes_in_class(False)} minutes in class with the memo written in class, or "
           f"{play.minutes_in_class(True)} minutes in class with the memo written as homework before it.</p>",
           "<h2>Timings</h2>", _timings_table(play), "<h2>Phases</h2>"]
    for phase in play.phases:
        where = "homework when the memo is written before class; " if phase.homework else ""
        out.append(f"<h3>{escape(phase.title)} ({where}{phase.minutes} minutes)</h3>"
                   f"<p>{escape(phase.instructions)}</p>")
        for event_id in phase.announce:
            announcement = news[event_id]
            if instructor:
                out.append(_moment_for_instructor(announcement))
            else:
                out.append(f"<p><em>News desk: an announcement dated {escape(announcement.moment)}.</em></p>")
    if instructor:
        out += ["<section class='handout'><h2>Facilitation notes</h2>", _paragraphs(play.facilitation), "</section>",
                debrief_html(play)]
    edition = INSTRUCTOR if instructor else STUDENTS
    return document(f"Role-play: the session ({'instructor' if instructor else 'students'})", "".join(out), edition)


def _moment_for_instructor(announcement: Announcement) -> str:
    later = announcement.later_sources
    later_cites = f" <span class='small'>Sources: {'; '.join(s.html() for s in later)}</span>" if later else ""
    return (f"<div class='news-slip'><p><strong>News desk · {escape(announcement.moment)}</strong> "
            f"({escape(announcement.event.title)})</p><p>{escape(announcement.text)}</p>"
            f"<p class='small'><strong>As reported by:</strong> {'; '.join(s.html() for s in announcement.sources)}</p></div>"
            f"<div class='rt-key'><strong>Learned later (for the debrief only):</strong> "
            f"{escape(announcement.learned_later)}{later_cites}</div>")


def debrief_html(play: RolePlay) -> str:
    debrief = play.debrief
    questions = "".join(f"<li>{escape(q)}</li>" for q in debrief.questions)
    learned = "".join(f"<li><strong>{escape(a.event.title)}</strong> (announced {escape(a.moment)}): "
                      f"{escape(a.learned_later)}</li>" for a in play.news_desk)
    events = "".join(f"<li><strong>{escape(e.when)}: {escape(e.title)}.</strong> {escape(e.description)} "
                     f"<span class='small'>{'; '.join(s.html() for s in e.sources)}</span></li>"
                     for e in debrief.what_happened_next)
    return (f"<section class='handout'><h2>Debrief guide</h2><h3>Questions, out of role</h3><ol>{questions}</ol>"
            f"<h3>What was learned later about the announcements</h3><ul>{learned}</ul>"
            f"<h3>What happened next</h3><ul>{events}</ul></section>"
            f"<section class='handout'><h2>Read together after the role-play</h2>"
            f"<p class='small'>Written after 8 January 2020, these paragraphs were held back until now.</p>"
            f"{passages(debrief.read_after)}</section>")
