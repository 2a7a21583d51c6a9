"""`healthclaims facts list` and `facts show` print the fact base readably."""

from __future__ import annotations


def test_list_prints_one_fact_a_line_and_filters(cli, db_path):
    code, out, err = cli("facts", "--db", db_path, "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) >= 80
    spravato = [line for line in lines if line.startswith("esketamine-us-fda-spravato-approval")]
    assert len(spravato) == 1 and "2019-03-05" in spravato[0] and "FDA" in spravato[0] and "Spravato" in spravato[0]
    code, out, _ = cli("facts", "--db", db_path, "list", "--substance", "ketamine", "--jurisdiction", "uk")
    assert code == 0
    assert out.splitlines() and all(" UK " in line and line.startswith("ketamine-") for line in out.splitlines())
    assert "Class B" in out


def test_show_prints_every_field(cli, db_path):
    code, out, err = cli("facts", "--db", db_path, "show", "ketamine-us-dea-schedule-iii")
    assert code == 0
    assert "jurisdiction:       US" in out
    assert "code: 7285" in out
    assert "source_url:" in out and "govinfo.gov" in out
    assert "provenance:         curated:facts/data/ketamine.yaml:" in out


def test_show_unknown_fact_is_a_one_line_error(cli, db_path):
    code, out, err = cli("facts", "--db", db_path, "show", "no-such-fact")
    assert code == 2
    assert err.strip().count("\n") == 0 and "no fact with id 'no-such-fact'" in err
