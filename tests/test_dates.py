"""Given dates (a JSON "date" field) become YYYY-MM-DD, or are left out with a warning naming them."""

import pytest

from summarizer.stages.dates import read_date


@pytest.mark.parametrize(("raw", "iso"), [
    ("March 3, 2005", "2005-03-03"),
    ("3 March 2005", "2005-03-03"),
    ("Mar 3rd, 2005", "2005-03-03"),
    ("Thu, 03 Mar 2005 10:00:00 GMT", "2005-03-03"),
    ("2005-03-04", "2005-03-04"),  # never read day-first as 3 April
    ("2005/3/4", "2005-03-04"),
    ("20050304", "2005-03-04"),
    ("2005-03-03T23:30:00-05:00", "2005-03-03"),  # the day as written, not moved to UTC
    ("13/03/2005", "2005-03-13"),  # 13 can only be the day
    ("  2005-03-04 ", "2005-03-04"),
])
def test_a_date_is_read_as_written(raw, iso):
    reading = read_date(raw)
    assert reading.iso == iso and reading.warning is None


@pytest.mark.parametrize(("raw", "reason"), [
    ("03/04/2005", "it could be 2005-03-04 or 2005-04-03; write dates as YYYY-MM-DD"),
    ("2005-03", "it names no day"),
    ("2005", "it names no day"),
    ("March 2005", "it names no day"),
    ("March 3", "it names no year"),
    ("yesterday", "it could not be read as a date"),
    ("2005-03-04 at some point", "it could not be read as a date"),
    ("1109808000", "it could not be read as a date"),
    ("2005-02-30", "there is no such day in the calendar"),
])
def test_a_date_that_is_not_sure_is_left_out_with_a_warning_naming_it(raw, reason):
    reading = read_date(raw)
    assert reading.iso is None
    assert reading.warning is not None and reading.warning.startswith(f'ignored the given date "{raw}": {reason}')


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_no_date_is_no_warning(raw):
    assert read_date(raw).iso is None and read_date(raw).warning is None


def test_a_long_raw_value_is_shortened_in_the_warning():
    warning = read_date("x" * 500).warning
    assert warning is not None and "x" * 57 + "..." in warning and len(warning) < 150
