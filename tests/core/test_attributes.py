import pytest

from annotext.core.attributes import BadAttribute, attributes, normalise_date, parse_assignment, with_attribute


@pytest.mark.parametrize("raw, iso", [
    ("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00+00:00", "2024-03-05"), ("D:20240305101500+01'00'", "2024-03-05"),
    ("5.3.2024", "2024-03-05"), ("2024", None), ("yesterday", None), ("2024-02-30", None)])
def test_dates_files_carry_become_iso_days(raw, iso):
    assert normalise_date(raw) == iso


def test_canonical_attributes_from_what_each_format_calls_them():
    assert attributes({"sitename": "BBC", "date": "2024-01-02", "author": "A. Writer", "url": "https://x"}) == {
        "source": "BBC", "date": "2024-01-02", "author": "A. Writer", "url": "https://x"}
    assert attributes({"creator": "Jo", "publisher": "Penguin", "creationdate": "D:19991231"}) == {
        "source": "Penguin", "date": "1999-12-31", "author": "Jo"}
    assert attributes({"date": "", "nested": {"a": 1}, "bad key!": "x"}) == {}


def test_assignments_are_checked_and_edits_replace_the_file_names():
    assert parse_assignment("Source = The Ledger ") == ("source", "The Ledger")
    assert parse_assignment("date=5.3.2024") == ("date", "2024-03-05")
    assert parse_assignment("region=") == ("region", "")
    with pytest.raises(BadAttribute):
        parse_assignment("date=soon")
    with pytest.raises(BadAttribute):
        parse_assignment("no equals sign")
    changed = with_attribute({"sitename": "Old", "date": "2024-01-01"}, "source", "New")
    assert attributes(changed)["source"] == "New" and "sitename" not in changed
    assert "date" not in attributes(with_attribute(changed, "date", ""))
