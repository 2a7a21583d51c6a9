"""The curated fact base validates, covers what the issue asks, and broken fact files fail naming file and line."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from facts.curated import load_curated
from facts.loader import FactFileError
from facts.validate import validate_files

BROKEN = Path(__file__).parent / "fixtures" / "facts_broken"


def test_bundled_fact_files_are_valid_and_cover_enough():
    facts, problems = validate_files()
    assert problems == []
    loaded = load_curated()
    assert len(loaded) >= 80
    assert len({f["substance"] for f in loaded}) >= 25
    assert all(f["source_url"].startswith("https://") and f["source_title"] for f in loaded)
    assert all(f["provenance"].startswith("curated:facts/data/") for f in loaded)


def test_demo_substances_have_us_and_uk_facts():
    by_substance = {}
    for fact in load_curated():
        by_substance.setdefault(fact["substance"], set()).add(fact["jurisdiction"])
    for substance in ("ketamine", "psilocybin", "mdma", "cannabis", "lsd", "dmt", "amphetamine", "methylphenidate"):
        assert {"US", "UK"} <= by_substance[substance], substance
    assert "EU" in by_substance["semaglutide"]
    kinds = Counter(f["kind"] for f in load_curated())
    assert kinds["legal_class"] >= 25 and kinds["approval"] >= 20


def test_key_facts_hold_the_dates_of_the_primary_record():
    facts = {f["fact_id"]: f for f in load_curated()}
    assert facts["esketamine-us-fda-spravato-approval"]["date"] == "2019-03-05"
    assert facts["esketamine-us-fda-spravato-approval"]["reference"] == "NDA 211243"
    assert facts["ketamine-us-fda-ketalar-approval"]["date"] == "1970-02-19"
    assert facts["ketamine-us-dea-schedule-iii"]["legal_status"]["code"] == 7285
    assert facts["ketamine-uk-class-b-2014"]["date"] == "2014-06-10"
    assert facts["semaglutide-eu-ec-ozempic-authorisation"]["date"] == "2018-02-08"


def _problem_text(path: Path) -> list[str]:
    facts, problems = validate_files([path])
    return [str(p) for p in problems]


def test_missing_source_is_reported_with_file_and_line():
    problems = _problem_text(BROKEN / "missing_source.yaml")
    assert any("missing_source.yaml:16:" in p and "source_url" in p and "ketamine-test-no-source" in p for p in problems)
    assert not any("ketamine-test-ok" in p for p in problems)


def test_bad_date_is_reported_on_its_own_line():
    problems = _problem_text(BROKEN / "bad_date.yaml")
    assert problems == [f"{BROKEN / 'bad_date.yaml'}:11: fact semaglutide-test-bad-date: bad date '2017-13-05' in 'date' (use YYYY-MM-DD)"]


def test_missing_field_names_the_field_and_the_fact_line():
    problems = _problem_text(BROKEN / "missing_field.yaml")
    assert any(p.startswith(f"{BROKEN / 'missing_field.yaml'}:3:") and "jurisdiction" in p for p in problems)


def test_yaml_syntax_error_names_the_line():
    problems = _problem_text(BROKEN / "syntax_error.yaml")
    assert len(problems) == 1 and "syntax_error.yaml:" in problems[0] and "YAML syntax error" in problems[0]


def test_load_curated_raises_one_line_error(tmp_path):
    shutil.copy(BROKEN / "bad_date.yaml", tmp_path / "x.yaml")
    with pytest.raises(FactFileError) as info:
        load_curated([tmp_path])
    assert "\n" not in str(info.value) and "x.yaml:11" in str(info.value)


def test_duplicate_ids_and_unknown_substances_are_caught(tmp_path):
    text = (BROKEN / "missing_source.yaml").read_text().split("\n  - id: ketamine-test-no-source")[0]
    (tmp_path / "a.yaml").write_text(text)
    (tmp_path / "b.yaml").write_text(text.replace("substance: ketamine", "substance: unobtainium"))
    problems = [str(p) for p in validate_files([tmp_path])[1]]
    assert any("duplicate fact id 'ketamine-test-ok'" in p and "a.yaml:4" in p for p in problems)
    assert any("unknown substance 'unobtainium'" in p and "b.yaml:5" in p for p in problems)


def test_cli_validate_passes_on_bundled_and_fails_with_exit_2(cli):
    code, out, err = cli("facts", "validate")
    assert code == 0 and out.startswith("ok:")
    code, out, err = cli("facts", "validate", str(BROKEN / "bad_date.yaml"), str(BROKEN / "missing_source.yaml"))
    assert code == 2
    assert "bad_date.yaml:11:" in err and "missing_source.yaml:16:" in err
    assert "Traceback" not in err
