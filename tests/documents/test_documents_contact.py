"""Contact details used to spot the same candidate twice."""

from __future__ import annotations

from hireloop.documents import find_contact
from hireloop.documents.contact import normalise_phone

CV = """Curriculum Vitae
Ada Lovelace
Senior ML Engineer · London
Ada.Lovelace@Example.ORG | +1 (415) 555-0134
Experience 2019 - 2024
"""


def test_name_email_and_phone_are_found_and_normalised() -> None:
    contact = find_contact(CV)
    assert contact.name == "Ada Lovelace"
    assert contact.email == "ada.lovelace@example.org"
    assert contact.phone == "4155550134"


def test_json_resume_basics_win_over_the_text() -> None:
    basics = {"name": "Augusta Ada King", "email": "ADA@engines.example", "phone": "020 7946 0958"}
    contact = find_contact(CV, {"basics": basics})
    assert contact.name == "Augusta Ada King"
    assert contact.email == "ada@engines.example"
    assert contact.phone == "02079460958"


def test_job_titles_and_headings_are_not_taken_for_names() -> None:
    contact = find_contact("Senior Machine Learning Engineer\nProfessional Summary\nGrace Hopper\n")
    assert contact.name == "Grace Hopper"


def test_a_name_in_capitals_is_written_as_a_name() -> None:
    assert find_contact("JEAN-LUC O'NEIL\nMLOps").name == "Jean-Luc O'Neil"


def test_nothing_is_invented_when_the_text_has_no_contact_details() -> None:
    contact = find_contact("worked on pipelines\nshipped models in 2021\n")
    assert (contact.name, contact.email, contact.phone) == (None, None, None)


def test_phone_numbers_need_ten_digits_and_lose_a_leading_us_one() -> None:
    assert normalise_phone("+1 415-555-0134") == "4155550134"
    assert normalise_phone("415.555.0134") == "4155550134"
    assert normalise_phone("+44 20 7946 0958") == "442079460958"
    assert normalise_phone("555-0134") is None
