"""The rules every text goes through (rules/text.py): free text is not a channel, dates in 0-9."""

import pytest

from test_rules_resource import GOOD, problems
from wasla.rules.text import channel_in_text

LINE = '    value: "01 123 456"\n'
HOME = "expected it in 'contacts' (where it is checked as a contact, and shown as one) or the page that gives it in 'sources'"
NOT_A_CHANNEL = "free text is not a channel: written here it escapes every rule a contact or a source goes through"
WARNING = "warnings:\n  - text: {{en: '{en}', ar: 'خبر.'}}\n    date: 2026-10\n    source: https://example.org/w\n"


@pytest.mark.parametrize(
    "text, field, found, what",
    [
        (
            GOOD + WARNING.format(en="Call the new line on +961 90 …"),
            "16:16: warnings[0].text.en",
            "+961 90",
            "a phone number",
        ),
        (
            GOOD.replace("en: Helps.", "en: Helps; write to help@example.net."),
            "7:7: summary.en",
            "help@example.net",
            "an e-mail address",
        ),
        (
            GOOD.replace("en: Helps.", "en: Helps; see https://example.net/new."),
            "7:7: summary.en",
            "https://example.net/new.",
            "a link",
        ),
        (GOOD.replace("en: Helps.", "en: Helps; see www.example.net"), "7:7: summary.en", "www.example.net", "a link"),
        (
            GOOD.replace("en: Helps.", "en: Helps; its new site is example.net."),
            "7:7: summary.en",
            "example.net",
            "a web address",
        ),
        (
            GOOD.replace(LINE, LINE + "    note: {en: 'Or call 01 123 457.', ar: 'أو اتصل.'}\n"),
            "12:16: contacts[0].note.en",
            "01 123 457",
            "a phone number",
        ),
        (
            GOOD.replace(LINE, LINE + "    note: {en: 'Or call.', ar: 'أو اتصل على ٠١ ١٢٣ ٤٥٧.'}\n"),
            "12:32: contacts[0].note.ar",
            "٠١ ١٢٣ ٤٥٧",
            "a phone number",
        ),
        (
            GOOD.replace(LINE, LINE + "    trace: {en: 'Ask for a call back on +44 20 7946 0000.', ar: 'اطلب.'}\n"),
            "12:17: contacts[0].trace.en",
            "+44 20 7946 0000",
            "a phone number",
        ),
        (
            GOOD.replace(LINE, LINE + "    hours: {en: 'After 17:00 use +961 3 123 456', ar: 'مساءً.'}\n"),
            "12:17: contacts[0].hours.en",
            "+961 3 123 456",
            "a phone number",
        ),
        (
            GOOD.replace("en: Good Group", "en: Good Group (+961 3 123 456)"),
            "2:7: name.en",
            "+961 3 123 456",
            "a phone number",
        ),
    ],
)
def test_a_contact_detail_in_free_text_is_refused(tmp_path, text, field, found, what):
    shown = problems(tmp_path, text)
    assert len(shown) == 1
    assert shown[0].startswith(
        f"resources/lb/good-group.yml:{field}: contains {what} ('{found}'); {NOT_A_CHANNEL}; {HOME}; got "
    )


@pytest.mark.parametrize(
    "text",
    [
        "Article 534 of the Penal Code of 1943.",
        "Between 2016-2018 the line took 1,092 calls.",
        "On 2020-01-31 the court ruled; on 31/01/2020 it sat again.",
        "Open 09:00-17:00, Sunday to Thursday.",
        "LGBTQ+ people, 24/7.",
        "e.g. a lawyer, i.e. legal aid; Dr. Smith; U.N. staff.",
        "Helps LGBTQ+ 2023 arrivals; 50% of calls.",
        "أكثر من 1,092 مكالمة في 2023، وفق المادة 534.",
    ],
)
def test_numbers_that_are_not_channels_pass(text):
    assert channel_in_text(text, "lb") is None


def test_curator_notes_may_hold_what_a_curator_found(tmp_path):
    """Never published: a number a curator could not verify is written down there, and only there."""
    assert problems(tmp_path, GOOD + "curator_notes: 'A number +961 3 123 456 seen on an aggregator.'\n") == []


@pytest.mark.parametrize(
    "text, message",
    [
        (
            GOOD + "last_verified: ٢٠٢٦-٠١-١٥\n",
            "resources/lb/good-group.yml:15:16: last_verified: is written with digits other than 0-9 ('٢', ARABIC-INDIC DIGIT TWO); expected YYYY-MM-DD, like '2026-01-31', in the digits 0-9; got '٢٠٢٦-٠١-١٥'",
        ),
        (
            GOOD + WARNING.format(en="Raided.").replace("2026-10", "۲۰۲۶-۱۰"),
            "resources/lb/good-group.yml:17:11: warnings[0].date: is written with digits other than 0-9 ('۲', EXTENDED ARABIC-INDIC DIGIT TWO); expected YYYY, YYYY-MM or YYYY-MM-DD (when the fact was reported), in the digits 0-9; got '۲۰۲۶-۱۰'",
        ),
        (
            GOOD + WARNING.format(en="Raided.").replace("2026-10", "2027-01"),
            "resources/lb/good-group.yml:17:11: warnings[0].date: is in the future; expected a date on or before 2026-11-24; got '2027-01'",
        ),
        (
            GOOD + "last_verified: 2026-02-30\n",
            "resources/lb/good-group.yml:15:16: last_verified: not a date; expected YYYY-MM-DD, like '2026-01-31'; got '2026-02-30'",
        ),
    ],
)
def test_dates_are_real_in_the_digits_0_9(tmp_path, text, message):
    assert problems(tmp_path, text, level="error") == [message]
