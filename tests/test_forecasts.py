"""The forecast audit: data checked against the text, scores on known
values, the widgets driven by setting values, and the class view on good
and malformed folders."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import data_error, rewrite
from roundtable.work.answers import AnswerStore
from roundtable.work.classview import class_chart, class_table, read_class_folder
from roundtable.model.corpus import load_corpus
from roundtable.core.errors import DataError
from roundtable.work.exports import export_notebook, read_markdown_export
from roundtable.work.forecastrecord import claim_records, revealed_at
from roundtable.widgets.forecast_widgets import BlindForecasts, RevealPanel, student_probabilities
from roundtable.model.forecasts import (FORECAST_NOTEBOOK, FORECASTS_FILE, brier, calibration, load_forecasts, parse_probability, scored_pairs)
from roundtable.views.forecastviews import forecast_table, outcomes_table, score_text, vagueness_table

SAMPLE = Path(__file__).parent.parent / "exercises" / "sample-class"


# --- The data ----------------------------------------------------------------

def test_at_least_twenty_claims_quoted_verbatim_from_their_speakers():
    corpus = load_corpus()
    forecasts = load_forecasts()
    assert len(forecasts) >= 20
    for f in forecasts:
        row = corpus.paragraph(f.paragraph)
        assert f.quote in row["text"] and row["speaker"] == f.speaker, f.id


def test_every_resolvable_outcome_has_a_source_and_every_claim_its_reasons():
    for f in load_forecasts():
        if f.outcome != "cannot-resolve":
            assert f.sources, f.id
        assert all(s.url.startswith(("https://", "http://")) for s in f.sources)
        assert f.reasoning and f.ambiguity and f.resolution and f.horizon


def test_implied_probability_comes_from_the_governing_hedge():
    forecasts = load_forecasts()
    # "won't" (almost certainly not, 7%) said of "easy": 93% for the event Aron asserts, "not easy".
    assert forecasts["aron-relationships-hard-to-replicate"].probability == pytest.approx(0.93)
    assert forecasts["aron-us-syria-presence-unlikely-to-survive"].probability == pytest.approx(0.7)
    assert forecasts["dan-disappointed-both-counts"].probability == 0.75  # "likely"
    assert forecasts["dahlia-restrained-response"].probability == 0.5  # "may": no odds


@pytest.fixture
def forecasts_file(tmp_path) -> Path:
    return Path(shutil.copy(FORECASTS_FILE, tmp_path / "forecasts.yaml"))


def test_every_claim_asks_for_the_event_the_speaker_asserts():
    """A negative hedge ("won't", "unlikely") means the speaker asserts a
    negative event; the resolution the student rates must state it, and the
    chance and range are the complement of the hedge's."""
    for forecast in load_forecasts():
        assert not forecast.resolution.lower().startswith("the event"), forecast.id
        if forecast.asserts_negation:
            assert re.search(r"\b(not|no|never)\b", forecast.resolution), forecast.id
            assert forecast.low == pytest.approx(1 - forecast.band.high) and forecast.probability > 0.5
        else:
            assert (forecast.low, forecast.probability, forecast.high) == (
                forecast.band.low, forecast.band.point, forecast.band.high)


@pytest.mark.parametrize("old, new, expected", [
    ("      The personal relationships prove hard to replicate: Soleimani's successor\n"
     "      does not easily command", "      The personal relationships prove easy to replicate: Soleimani's successor\n"
     "      does easily command", "the hedge 'Almost certainly not' is negative"),
    ("      The personal relationships prove hard to replicate", "      The event Aron rates: relationships prove hard to replicate",
     "not \"the event the hedge rates\""),
])
def test_a_claim_framed_backwards_is_refused(forecasts_file, old, new, expected):
    rewrite(forecasts_file, old, new)
    assert expected in data_error(load_forecasts, forecasts_file)


@pytest.mark.parametrize("old, new, expected", [
    ('quote: "he is replaceable and Iran will', 'quote: "he is irreplaceable and Iran will', "quote is not verbatim in dina-2"),
    ("hedges: [likely]", "hedges: [probably]", "hedge 'probably' does not occur in the quote"),
    ("hedges: [likely]", "hedges: [perchance]", "hedge 'perchance' is not in estimative_words.yaml"),
    ("outcome: partly", "outcome: maybe", "field 'outcome' has 'maybe'"),
    ("  partly: 0.5", "  partly: 2", "'partly' must be a number from 0 to 1"),
    ("    speaker: Dina\n", "    speaker: Sima\n", "is by 'Dina'"),
])
def test_bad_forecasts_are_named(forecasts_file, old, new, expected):
    rewrite(forecasts_file, old, new)
    assert expected in data_error(load_forecasts, forecasts_file)


def test_a_resolvable_outcome_without_sources_is_refused(forecasts_file):
    text = forecasts_file.read_text(encoding="utf-8")
    start = text.index("  - id: dina-iran-continuity")
    sources = text.index("    sources:", start)
    end = text.index("\n\n", sources)
    forecasts_file.write_text(text[:sources] + text[end:], encoding="utf-8")
    with pytest.raises(DataError, match="dina-iran-continuity.*missing field 'sources'"):
        load_forecasts(forecasts_file)


# --- Scores ------------------------------------------------------------------

def test_brier_on_known_values():
    assert brier([1.0, 0.0], [1, 0]) == 0
    assert brier([0.5, 0.5, 0.5], [1, 0, 1]) == 0.25
    assert brier([0.9, 0.3], [1, 0]) == pytest.approx((0.01 + 0.09) / 2)
    assert brier([0.93], [0.5]) == pytest.approx(0.1849)
    with pytest.raises(ValueError, match="at least one"):
        brier([], [])
    with pytest.raises(ValueError, match="between 0 and 1"):
        brier([1.2], [1])
    with pytest.raises(ValueError):
        brier([0.5, 0.5], [1])


def test_calibration_on_known_values():
    table = calibration([0.1, 0.15, 0.9, 0.95, 1.0], [0, 1, 1, 1, 0], bins=5)
    assert table["forecasts"].tolist() == [2, 0, 0, 0, 3]
    assert table.loc[0, "mean forecast"] == 0.125 and table.loc[0, "came true"] == 0.5
    assert table.loc[4, "mean forecast"] == 0.95 and table.loc[4, "came true"] == pytest.approx(0.667)
    assert pd.isna(table.loc[1, "mean forecast"])
    assert table["bin"].tolist()[-1] == "80%–100%"


def test_unresolvable_claims_are_left_out_of_scores():
    forecasts = load_forecasts()
    everything = {f.id: 0.5 for f in forecasts}
    ps, os_, ids = scored_pairs(forecasts, everything)
    unresolvable = {f.id for f in forecasts if f.outcome == "cannot-resolve"}
    assert unresolvable and not unresolvable & set(ids)
    assert len(ids) == len(forecasts) - len(unresolvable)
    partly = sum(1 for f in forecasts if f.outcome == "partly")
    assert brier(ps, os_) == pytest.approx(0.25 * (len(ids) - partly) / len(ids))


@pytest.mark.parametrize("typed, value", [("70", 0.7), (" 70% ", 0.7), ("0", 0.0), ("100", 1.0), ("", None)])
def test_parse_probability_accepts_whole_numbers(typed, value):
    assert parse_probability(typed) == value


@pytest.mark.parametrize("typed, message", [("seventy", "whole number"), ("150", "more than 100"), ("-5", "whole number"),
                                            ("0.7", "whole number"), ("7" * 5000, "whole number"), ("<b>1</b>", "whole number")])
def test_parse_probability_refuses_anything_else_plainly(typed, message):
    with pytest.raises(ValueError, match=message):
        parse_probability(typed)


def test_vagueness_ranks_no_odds_words_first():
    table = vagueness_table(most=3)
    most = table[table["which"] == "most vague"]
    least = table[table["which"] == "least vague"]
    assert (most["range the words allow"] == "1%–99%").all()
    assert least.iloc[0]["hedge words"] == "won't"


def test_blind_table_shows_no_outcome():
    table = forecast_table()
    assert "outcome" not in " ".join(table.columns)
    assert len(outcomes_table()) == len(table)


# --- Widgets -----------------------------------------------------------------

@pytest.fixture
def store(tmp_path) -> AnswerStore:
    return AnswerStore(tmp_path / "answers.sqlite")


def test_blind_forecasts_save_numbers_and_keep_bad_text_unsaved(store):
    blind = BlindForecasts(store)
    first, second = list(blind.boxes)[:2]
    blind.boxes[first].value = "70"
    assert store.load(FORECAST_NOTEBOOK, f"forecast-{first}") == "70"
    assert "✓ saved: 70%" in blind.statuses[first].value
    assert "<strong>1 of" in blind.count.value
    blind.boxes[second].value = "<img src=x onerror=alert(1)>"
    assert store.load(FORECAST_NOTEBOOK, f"forecast-{second}") is None
    assert blind.boxes[second].value == "<img src=x onerror=alert(1)>"
    assert "Not saved yet" in blind.statuses[second].value and "<img" not in blind.statuses[second].value
    again = BlindForecasts(store)
    assert again.boxes[first].value == "70"
    assert student_probabilities(store) == {first: 0.7}


def test_reveal_is_hidden_until_switched_on_and_scores_the_student(store):
    blind = BlindForecasts(store)
    blind.boxes["dina-iran-continuity"].value = "80"
    reveal = RevealPanel(store)
    assert "Hidden" in reveal.output.value and "Brier" not in reveal.output.value
    assert revealed_at(store) is None
    reveal.show.value = True
    assert revealed_at(store) is not None
    assert "You: Brier score 0.040 on the 1 claim you" in reveal.output.value
    assert "data:image/png;base64," in reveal.output.value
    # One card per claim, with the student's chance, the outcome and linked sources.
    assert reveal.output.value.count("<article class='rt-claim'") == len(load_forecasts())
    first = reveal.output.value.split("<article class='rt-claim'")[1]
    assert "<strong>Your chance:</strong> 80%</p>" in first and "<a href='https://" in first
    assert "How the verdicts changed between judgements" in reveal.output.value


def test_no_outcome_reaches_a_reader_before_the_reveal():
    """Nothing a student sees before revealing names an outcome: the
    blind table, the static versions of the forecast widgets."""
    from roundtable.display import blind_forecasts, reveal_panel

    before = (blind_forecasts()._repr_mimebundle_()["text/html"] + reveal_panel()._repr_mimebundle_()["text/html"])
    for word in ("did not happen", "happened", "Brier", "cannot be resolved", "came true"):
        assert word not in before


def test_a_forecast_changed_after_the_reveal_is_marked_and_scored_as_it_was(store, tmp_path):
    blind = BlindForecasts(store)
    blind.boxes["dina-iran-continuity"].value = "80"
    store.save(FORECAST_NOTEBOOK, "forecast-revealed-at", "2000-01-01T00:00:00")  # revealed long ago
    # A save after the reveal (its time is now).
    blind.boxes["dina-iran-continuity"].value = "100"
    assert "changed after the reveal" in blind.statuses["dina-iran-continuity"].value
    records = {r.forecast_id: r for r in claim_records(store)}
    assert records["dina-iran-continuity"].at_reveal is None  # nothing was saved before 2000
    store.set_name("Ana")
    md, html = export_notebook(store, FORECAST_NOTEBOOK, tmp_path)
    text = md.read_text(encoding="utf-8")
    assert "## Forecast scores" in text and "1 forecast(s) changed after the reveal" in text
    assert "| 1 | — | happened |  | yes, to 100% |" in text


def test_scores_go_into_the_export_only_after_the_reveal(store, tmp_path):
    store.set_name("Ana")
    BlindForecasts(store).boxes["dina-iran-continuity"].value = "80"
    md, _ = export_notebook(store, FORECAST_NOTEBOOK, tmp_path)
    scores = md.read_text(encoding="utf-8").split("## Forecast scores")[1]
    assert "Not revealed yet" in scores and "happened" not in scores
    RevealPanel(store).show.value = True
    md, _ = export_notebook(store, FORECAST_NOTEBOOK, tmp_path)
    text = md.read_text(encoding="utf-8")
    assert "Brier score 0.040 over 1 scored claims" in text and "| 1 | 80% | happened | 0.040 |  |" in text


def test_score_text_without_answers_says_what_to_do():
    assert "no scored forecast yet" in score_text(student={})


def test_forecasts_are_exported_with_their_questions(store, tmp_path):
    store.set_name("Ana")
    BlindForecasts(store).boxes["aron-militia-chug-on"].value = "65"
    md, _ = export_notebook(store, FORECAST_NOTEBOOK, tmp_path / "exports")
    export = read_markdown_export(md)
    assert export.answers["forecast-aron-militia-chug-on"] == "65"
    assert "will chug on" in md.read_text(encoding="utf-8")


# --- The class view ----------------------------------------------------------

def export_for(folder: Path, tmp: Path, student: str, answers: dict[str, str], store_name: str | None = None) -> Path:
    store = AnswerStore(tmp / f"{store_name or student}.sqlite")
    store.set_name(student)
    for forecast_id, text in answers.items():
        store.save(FORECAST_NOTEBOOK, f"forecast-{forecast_id}", text)
    md, html = export_notebook(store, FORECAST_NOTEBOOK, folder)
    html.unlink()
    return md


def test_class_view_reads_good_exports(tmp_path):
    folder = tmp_path / "class"
    export_for(folder, tmp_path, "Ana", {"dina-iran-continuity": "80", "aron-militia-chug-on": "40"})
    export_for(folder, tmp_path, "Ben", {"dina-iran-continuity": "60"})
    view = read_class_folder(folder)
    assert view.students == 2 and not view.skipped and not view.problems
    table = class_table(view).set_index("no.")
    assert table.loc[1, "answers"] == 2 and table.loc[1, "class median"] == "70%"
    assert table.loc[1, "class range"] == "60%–80%" and table.loc[1, "panel"] == "93%"
    assert "class median 70% from 2" in class_chart(view).summary


def test_class_view_reports_and_skips_malformed_and_foreign_files(tmp_path):
    folder = tmp_path / "class"
    export_for(folder, tmp_path, "Ana", {"dina-iran-continuity": "80", "dina-gift-to-government": "lots"})
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "sub").mkdir()
    other = AnswerStore(tmp_path / "o.sqlite")
    other.set_name("Cy")
    other.save("02_iran", "iran-p01", "x")
    cy_md, cy_html = export_notebook(other, "02_iran", folder)
    ana = next(folder.glob("07_forecast_audit-Ana-*.md")).name
    view = read_class_folder(folder)
    reasons = dict(view.skipped)
    assert view.students == 1
    assert "not an answers export" in reasons["empty.md"]
    assert "cannot be read as UTF-8" in reasons["binary.md"]
    assert reasons["photo.png"] == "not a Markdown export (.md)"
    assert reasons["sub"] == "a folder, not a file"
    assert reasons[cy_md.name] == "an export of 02_iran, not of 07_forecast_audit"
    assert "HTML copy" in reasons[cy_html.name]
    assert view.problems == [(ana, "dina-gift-to-government",
                              "'lots': Type a whole number from 0 to 100 (for example 70).")]
    assert "Skipped empty.md" in view.report()


def test_class_view_keeps_the_newest_export_of_a_student(tmp_path):
    folder = tmp_path / "class"
    old = export_for(folder, tmp_path, "Ana", {"dina-iran-continuity": "10"})
    old.rename(folder / "ana-old.md")
    text = (folder / "ana-old.md").read_text(encoding="utf-8")
    (folder / "ana-old.md").write_text(text.replace("exported: ", "exported: 1999", 1), encoding="utf-8")
    export_for(folder, tmp_path, "Ana", {"dina-iran-continuity": "90"})
    view = read_class_folder(folder)
    assert list(view.forecasts.values()) == [{"dina-iran-continuity": 0.9}]
    assert [name for name, _ in view.skipped] == ["ana-old.md"]


def test_class_view_reports_default_shared_and_look_alike_names(tmp_path):
    folder = tmp_path / "class"
    export_for(folder, tmp_path, "Sam", {"dina-iran-continuity": "10"}, store_name="sam1")
    export_for(folder, tmp_path, "Sam", {"dina-iran-continuity": "20"}, store_name="sam2")
    export_for(folder, tmp_path, "O'Brien", {"dina-iran-continuity": "30"}, store_name="ob1")
    export_for(folder, tmp_path, "O Brien", {"dina-iran-continuity": "40"}, store_name="ob2")
    legacy = export_for(folder, tmp_path, "student", {"dina-iran-continuity": "50"}, store_name="old")
    view = read_class_folder(folder)
    assert view.students == 5, "two students sharing a name are never merged"
    notes = " | ".join(view.name_notes)
    assert "share one name: 'Sam' in" in notes
    alike = next(n for n in view.name_notes if n.startswith("names that look alike"))
    assert "\"O'Brien\" in" in alike and "'O Brien' in" in alike
    assert f"{legacy.name} has no student name of its own" in notes
    assert "Names: " in view.report()


def test_class_view_of_a_missing_folder_says_so(tmp_path):
    view = read_class_folder(tmp_path / "nowhere")
    assert view.students == 0 and view.skipped[0][1] == "no such folder"


def test_sample_class_folder_shows_every_kind_of_skip():
    view = read_class_folder(SAMPLE)
    other_notebooks = [name for name, why in view.skipped if why.startswith("an export of ")]
    assert len(other_notebooks) == 4  # 02 and the three 03 exports, for the answers' class view
    assert view.students == 8 and len(view.skipped) - len(other_notebooks) == 4 and len(view.problems) == 2
    kinds = {why.split(";")[0].split(" (")[0] for _, why in view.skipped}
    assert any("HTML copy" in k for k in kinds) and any("not an answers export" in k for k in kinds)


def judged_again(path: Path, changes: dict[str, dict] | None = None, as_of: str = "2026-11-15") -> Path:
    """Copy of the forecasts with only their first judgement and a second
    one for each claim: the same outcome as the first, unless `changes`
    gives another judgement."""
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for forecast in document["forecasts"]:
        forecast["judgements"] = forecast["judgements"][:1]
        latest = forecast["judgements"][-1]
        again = {"as_of": as_of, "outcome": latest["outcome"], "reasoning": "Unchanged."}
        again.update((changes or {}).get(forecast["id"], {}))
        forecast["judgements"].append(again)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


NEW_SOURCE = [{"publisher": "Test", "title": "Later", "date": "2026-03-01", "url": "https://example.org/later"}]


def test_a_second_judgement_keeps_the_first_as_history(forecasts_file):
    first = load_forecasts(forecasts_file)["dina-iran-continuity"]
    changed = {"dina-iran-continuity": {"outcome": "partly", "reasoning": "Changed.", "sources": NEW_SOURCE}}
    forecasts = load_forecasts(judged_again(forecasts_file, changed))
    forecast = forecasts["dina-iran-continuity"]
    original = first.judgements[0]
    assert [j.outcome for j in forecast.judgements] == [original.outcome, "partly"]
    assert forecast.outcome == "partly" and forecast.verdict_changed
    assert forecast.sources[0].url == "https://example.org/later"
    assert len(forecast.sources) == len(original.sources) + 1
    assert [j.label for j in forecasts.rounds] == ["2025", "15 November 2026"]
    assert forecasts.value(forecast) == 0.5 and forecasts.value(forecast, "2025") == 1.0


def test_a_changed_verdict_needs_new_sources(forecasts_file):
    changed = {"dina-iran-continuity": {"outcome": "did-not-happen", "reasoning": "Changed."}}
    message = data_error(load_forecasts, judged_again(forecasts_file, changed))
    assert "forecast 'dina-iran-continuity'" in message and "judgement #2: missing field 'sources'" in message


def test_the_latest_judgement_is_as_of_the_collections_date():
    from roundtable.model.asof import load_as_of

    forecasts = load_forecasts()
    assert len(forecasts.rounds) >= 2 and forecasts.rounds[-1].last_day == load_as_of()
    assert all(f.latest.as_of == forecasts.rounds[-1].as_of for f in forecasts)


def test_judgements_are_oldest_first(forecasts_file):
    assert "is not later than" in data_error(load_forecasts, judged_again(forecasts_file, as_of="2024-05-01"))


def test_every_forecast_is_judged_at_the_same_dates(forecasts_file):
    path = judged_again(forecasts_file, {"dina-gift-to-government": {"as_of": "2026-10-01"}})
    message = data_error(load_forecasts, path)
    assert "forecast 'dina-gift-to-government'" in message and "every forecast is judged at the same dates" in message


def test_verdict_changes_and_scores_by_round(forecasts_file):
    from roundtable.views.forecastviews import scores_by_round_table, verdict_changes_table

    changed = {"dina-iran-continuity": {"outcome": "did-not-happen", "reasoning": "Changed.", "sources": NEW_SOURCE}}
    forecasts = load_forecasts(judged_again(forecasts_file, changed))
    changes = verdict_changes_table(forecasts)
    assert changes["speaker"].tolist() == ["Dina"]
    assert changes.iloc[0]["verdict as of 2025"] == "happened"
    assert changes.iloc[0]["verdict as of 15 November 2026"] == "did not happen"
    scores = scores_by_round_table(forecasts)
    assert scores["judged as of"].tolist() == ["2025", "15 November 2026"]
    p = forecasts["dina-iran-continuity"].probability
    before, after = scores["the panel's Brier score"]
    n = scores["claims scored"].iloc[0]
    # Only one claim changed, from 1 to 0: the mean moves by ((p-0)^2 - (p-1)^2) / n.
    assert after - before == pytest.approx((p ** 2 - (p - 1) ** 2) / n, abs=0.002)


def test_the_verdict_history_is_folded_and_lists_the_changes(forecasts_file):
    from roundtable.views.forecastviews import verdict_history_html

    changed = {"dina-iran-continuity": {"outcome": "did-not-happen", "reasoning": "Changed <b>.", "sources": NEW_SOURCE}}
    html = verdict_history_html(load_forecasts(judged_again(forecasts_file, changed)))
    assert html.startswith("<details>") and "judged twice: as of 2025, as of 15 November 2026" in html
    assert "1 verdict changed" in html and "Changed &lt;b&gt;." in html and "about 6 years after" in html
