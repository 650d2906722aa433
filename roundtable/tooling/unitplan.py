"""The unit sequences of the instructor edition (unit.md): each class with
its pre-reading, the notebook's own plan in brief, and the homework."""
from __future__ import annotations

from ..model.units import load_units
from ..views.render import markdown_text as M


def unit_markdown() -> str:
    out = ["# Unit sequences", "",
           "Each class follows its notebook's own plan (the same table as in the notebook and in that "
           "notebook's instructor file); here it is in brief.", ""]
    for sequence in load_units():
        out += [f"## {M(sequence.title)}", "", M(sequence.about), ""]
        for number, session in enumerate(sequence.sessions, 1):
            plan = session.plan
            out += [f"### Class {number}: notebook {plan.notebook}, {plan.minutes} minutes", "",
                    f"**Before class.** {M(session.before)}", "",
                    "**In class** (the notebook's plan; details in its instructor file):", ""]
            clock = 0
            for part in plan.parts:
                out.append(f"- {clock}–{clock + part.minutes} min: {M(part.title)}")
                clock += part.minutes
            out += ["", f"**After class.** {M(session.after)}", ""]
    return "\n".join(out).rstrip() + "\n"
