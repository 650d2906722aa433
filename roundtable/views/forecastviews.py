"""Tables and figures of the forecast audit: the claims without outcomes
(for blind forecasting), the panel's implied odds and their vagueness, the
outcomes with sources, and the calibration plot."""
from __future__ import annotations

from html import escape

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis.textlens import plural
from ..model.asof import years_since_roundtable
from ..model.forecasts import (
    OUTCOME_TITLES,
    ForecastSet,
    brier,
    calibration,
    load_forecasts,
    panel_probabilities,
    scored_pairs,
)
from .figures import Chart, figure_html


def forecast_table(forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """The claims as students forecast them: no outcome, no score."""
    forecast_set = forecast_set or load_forecasts()
    return pd.DataFrame([{"no.": n, "speaker": f.speaker, "paragraph": f.paragraph, "claim (verbatim)": f"“{f.quote}”",
                          "by when": f.horizon, "counts as happening if": f.resolution}
                         for n, f in enumerate(forecast_set, 1)])


def panel_table(forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """What the panel's own words imply, claim by claim."""
    forecast_set = forecast_set or load_forecasts()
    return pd.DataFrame([{"no.": n, "speaker": f.speaker, "paragraph": f.paragraph, "hedge words": ", ".join(f.hedges),
                          "Kent band": f.band.label + (" (said of the opposite, so the chance is its complement)"
                                                       if f.asserts_negation else ""),
                          "implied chance": f"{f.probability:.0%}",
                          "range the words allow": f"{f.low:.0%}–{f.high:.0%}"}
                         for n, f in enumerate(forecast_set, 1)])


def vagueness_table(forecast_set: ForecastSet | None = None, most: int = 5) -> pd.DataFrame:
    """The most and least vague claims. Vagueness is the width of the range
    of odds the governing hedge word allows (Kent's band); ties go to the
    claim with more hedge words, then to reading order."""
    forecast_set = forecast_set or load_forecasts()
    numbered = list(enumerate(forecast_set, 1))
    vaguest = sorted(numbered, key=lambda pair: (-pair[1].band.width, -len(pair[1].hedges), pair[0]))
    firmest = sorted(numbered, key=lambda pair: (pair[1].band.width, len(pair[1].hedges), pair[0]))
    rows = []
    for label, chosen in (("most vague", vaguest[:most]), ("least vague", firmest[:most])):
        for n, f in chosen:
            rows.append({"which": label, "no.": n, "speaker": f.speaker, "claim (verbatim)": f"“{f.quote}”",
                         "hedge words": ", ".join(f.hedges),
                         "range the words allow": f"{f.low:.0%}–{f.high:.0%}"})
    return pd.DataFrame(rows)


def outcomes_table(forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """Each claim's latest verdict, with the earlier verdicts beside it."""
    forecast_set = forecast_set or load_forecasts()
    latest = forecast_set.rounds[-1].label
    return pd.DataFrame([{"no.": n, "speaker": f.speaker, "claim (verbatim)": f"“{f.quote}”",
                          "implied chance": f"{f.probability:.0%}", f"outcome (as of {latest})": OUTCOME_TITLES[f.outcome],
                          "earlier verdicts": earlier_verdicts(f),
                          "why": f.reasoning, "what makes it debatable": f.ambiguity,
                          "sources": "; ".join(s.citation() + " " + s.url for s in f.sources)}
                         for n, f in enumerate(forecast_set, 1)])


def earlier_verdicts(forecast) -> str:
    """"2025: partly" for each judgement before the latest."""
    return "; ".join(f"{j.label}: {OUTCOME_TITLES[j.outcome]}" for j in forecast.judgements[:-1])


def verdict_changes_table(forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """The claims whose verdict changed from one judgement to the next: what
    a longer horizon did to the audit, with the reason for the latest."""
    forecast_set = forecast_set or load_forecasts()
    rows = []
    for n, f in enumerate(forecast_set, 1):
        for before, after in zip(f.judgements, f.judgements[1:]):
            if before.outcome != after.outcome:
                rows.append({"no.": n, "speaker": f.speaker, "claim (verbatim)": f"“{f.quote}”",
                             f"verdict as of {before.label}": OUTCOME_TITLES[before.outcome],
                             f"verdict as of {after.label}": OUTCOME_TITLES[after.outcome],
                             "why it changed": after.reasoning})
    return pd.DataFrame(rows)


def scores_by_round_table(forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """The panel's Brier score as each round of judgements would give it."""
    forecast_set = forecast_set or load_forecasts()
    panel = panel_probabilities(forecast_set)
    rows = []
    for judgement in forecast_set.rounds:
        ps, os_, ids = scored_pairs(forecast_set, panel, judgement.as_of)
        rows.append({"judged as of": judgement.label, "claims scored": len(ids),
                     "the panel's Brier score": round(brier(ps, os_), 3),
                     "always 50% on the same claims": round(brier([0.5] * len(ps), os_), 3),
                     "happened / partly / did not happen / cannot be resolved": " / ".join(
                         str(sum(1 for f in forecast_set if f.judgement(judgement.as_of).outcome == o))
                         for o in ("happened", "partly", "did-not-happen", "cannot-resolve"))})
    return pd.DataFrame(rows)


def score_text(forecast_set: ForecastSet | None = None, student: dict[str, float] | None = None) -> str:
    """The panel's Brier score, and the student's on the claims they answered
    (with the panel's on the same claims, for a fair comparison)."""
    forecast_set = forecast_set or load_forecasts()
    panel = panel_probabilities(forecast_set)
    ps, os_, ids = scored_pairs(forecast_set, panel)
    unscored = len(forecast_set) - len(ids)
    coin = brier([0.5] * len(ps), os_)
    lines = [f"Outcomes as of {forecast_set.rounds[-1].label}. "
             f"The panel, through its hedge words: Brier score {brier(ps, os_):.3f} on {len(ids)} claims "
             f"({unscored} cannot be resolved and are left out). 0 is perfect; saying 50% every time would score "
             f"{coin:.3f} on these claims (less than 0.250 because \"partly\" counts as half)."]
    if student is not None:
        sp, so, sids = scored_pairs(forecast_set, student)
        if not sids:
            lines.append("You: no scored forecast yet. Type your numbers in Step 3, then reveal again.")
        else:
            same = [panel[i] for i in sids]
            lines.append(f"You: Brier score {brier(sp, so):.3f} on the {plural(len(sids), 'claim')} you answered that can be "
                         f"resolved; the panel on the same claims: {brier(same, so):.3f}.")
    return "\n".join(lines)


def calibration_chart(forecast_set: ForecastSet | None = None, student: dict[str, float] | None = None,
                      bins: int = 5) -> Chart:
    """How often forecasts at each level came true: the panel (circles) and,
    if given, the student (squares). The diagonal is perfect calibration."""
    forecast_set = forecast_set or load_forecasts()
    series = [("The panel (hedge words)", "o", panel_probabilities(forecast_set))]
    if student:
        series.append(("You", "s", student))
    title = "Calibration: how often forecasts at each level came true"
    fig, ax = plt.subplots(figsize=(7.5, 6), layout="constrained")
    ax.plot([0, 1], [0, 1], linestyle="--", color="0.5", label="perfect calibration")
    lines = [f"{title}. Forecasts grouped in {bins} bins of 20 points; a point's height is how often the claims "
             f"in its bin came true (partly counts as half; unresolvable claims are left out)."]
    for name, marker, probabilities in series:
        ps, os_, _ = scored_pairs(forecast_set, probabilities)
        table = calibration(ps, os_, bins).dropna()
        ax.scatter(table["mean forecast"], table["came true"], s=40 + 25 * table["forecasts"], marker=marker,
                   facecolor="white", edgecolor="black", linewidth=1.5, label=name, zorder=3)
        for _, row in table.iterrows():
            ax.annotate(f"n={row['forecasts']}", (row["mean forecast"], row["came true"]), textcoords="offset points",
                        xytext=(8, -12), fontsize=8)
        lines.append(f"{name}: " + "; ".join(
            f"{r['bin']}: {plural(r['forecasts'], 'claim')}, mean forecast {r['mean forecast']:.0%}, came true {r['came true']:.0%}"
            for _, r in table.iterrows()) + ".")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("forecast (mean in bin)")
    ax.set_ylabel("came true (share in bin)")
    ax.set_title(title, fontsize=12, loc="left")
    ax.legend(loc="upper left", fontsize=9)
    ax.grid(color="0.9")
    return Chart(fig, title, "\n".join(lines))


def claim_card_html(number: int, forecast, latest_label: str, student: float | None = None,
                    changed_to: float | None = None) -> str:
    """One claim after the reveal, as a card that reads at any width: the
    student's chance, the panel's, the outcome and when it was judged, why,
    what makes it debatable, and the sources as links."""
    yours = "not given" if student is None else f"{student:.0%}"
    if changed_to is not None:
        yours += f" (changed to {changed_to:.0%} after the reveal; the score uses {yours.split(' ')[0]})"
    earlier = earlier_verdicts(forecast)
    sources = "".join(f"<li><a href='{escape(s.url)}' target='_blank' rel='noopener'>{escape(s.citation())}</a></li>"
                      for s in forecast.sources)
    return (f"<article class='rt-claim' aria-labelledby='claim-{number}'>"
            f"<h4 id='claim-{number}'>Claim {number} · {escape(forecast.speaker)} ({escape(forecast.paragraph)})</h4>"
            f"<blockquote>“{escape(forecast.quote)}”</blockquote>"
            f"<p><em>Counts as happening if:</em> {escape(forecast.resolution)}</p>"
            f"<p><strong>Your chance:</strong> {escape(yours)}</p>"
            f"<p><strong>The panel's words imply:</strong> {forecast.probability:.0%} "
            f"({escape(', '.join(forecast.hedges))}: {forecast.low:.0%}–{forecast.high:.0%})</p>"
            f"<p><strong>Outcome, as judged on {escape(latest_label)}:</strong> "
            f"<strong>{escape(OUTCOME_TITLES[forecast.outcome])}</strong>"
            f"{escape(' (earlier: ' + earlier + ')') if earlier else ''}</p>"
            f"<p><strong>Why:</strong> {escape(forecast.reasoning)}</p>"
            f"<p><strong>What makes it debatable:</strong> {escape(forecast.ambiguity)}</p>"
            f"<p><strong>Sources:</strong></p><ul>{sources}</ul></article>")


CARD_STYLE = ("<style>.rt-claim{border:1px solid #767676;border-radius:4px;padding:.5em 1em;margin:.8em 0;"
              "max-width:52em;line-height:1.5}.rt-claim p{margin:.35em 0}.rt-claim blockquote{margin:.3em 0 .3em 1em}"
              ".rt-claim a{overflow-wrap:anywhere;text-decoration:underline}</style>")


def reveal_html(forecast_set: ForecastSet | None = None, student: dict[str, float] | None = None,
                changed: dict[str, float] | None = None) -> str:
    """Scores, the calibration plot, one card per claim, and how verdicts
    changed between judgements. `student` holds the forecasts as they stood
    at the reveal; `changed`, any changed afterwards (claim id → new value)."""
    forecast_set = forecast_set or load_forecasts()
    student, changed = student or {}, changed or {}
    chart = calibration_chart(forecast_set, student)
    figure = figure_html(chart.png(dpi=80), chart.title, chart.summary, "560px")
    plt.close(chart.figure)
    scores = escape(score_text(forecast_set, student)).replace("\n", "<br>")
    latest = forecast_set.rounds[-1].label
    cards = "".join(claim_card_html(n, f, latest, student.get(f.id), changed.get(f.id))
                    for n, f in enumerate(forecast_set, 1))
    return (f"{CARD_STYLE}<p role='status'>{scores}</p>"
            f"{figure}"
            f"<h3>Claim by claim</h3>{cards}<h3>How the verdicts changed between judgements</h3>"
            f"{verdict_history_html(forecast_set, folded=False)}")


def verdict_history_html(forecast_set: ForecastSet | None = None, folded: bool = True) -> str:
    """How the verdicts moved between rounds of judgement: the panel's score
    in each round and the claims whose verdict changed, with the reason. It
    gives outcomes away, so it is shown only inside the reveal (`folded`
    wraps it in a <details> of its own)."""
    forecast_set = forecast_set or load_forecasts()
    rounds = forecast_set.rounds
    scores = scores_by_round_table(forecast_set).to_html(index=False, escape=True, border=0, classes="rt-table")
    changes = verdict_changes_table(forecast_set)
    years = years_since_roundtable(rounds[-1].last_day)
    times = {1: "once", 2: "twice"}.get(len(rounds), f"{len(rounds)} times")
    intro = (f"<p>The same {len(forecast_set)} claims were judged {times}: "
             + ", ".join(f"as of {escape(r.label)}" for r in rounds)
             + f" (about {years} years after the roundtable). A verdict can change because the horizon was "
               "longer, because new events answered an open question, or because a later event changed what "
               "the claim means.</p>")
    if changes.empty:
        listed = "<p>No verdict changed between the judgements.</p>"
    else:
        listed = (f"<p>{plural(len(changes), 'verdict')} changed:</p>"
                  + changes.to_html(index=False, escape=True, border=0, classes="rt-table"))
    body = f"{intro}{scores}{listed}"
    if not folded:
        return body
    return ("<details><summary><strong>How the verdicts changed between judgements</strong></summary>"
            f"{body}</details>")


def reveal_static_html() -> str:
    """What a reader without a kernel sees in place of the reveal: no outcome
    at all, since the reveal must come after the student's own forecasts."""
    return ("<p><em>The reveal opens only in the running notebook, after you have saved your forecasts in "
            "Step 3: it shows each claim's outcome beside your own forecast and the panel's, with the reasons "
            "and sources, and your score.</em></p>")
