"""The pure helpers: iCalendar text and printed sheets."""

import datetime as dt

from bouquet.outreach import calendar, printing


def test_an_ics_file_escapes_and_folds_its_lines() -> None:
    start = dt.datetime(2026, 12, 3, 17, 0, tzinfo=dt.UTC)
    event = calendar.Event(
        uid="atelier-1@exemple.fr",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        summary="Biodéchets, compost; et jardins",
        location="Salle des fêtes, place de la Mairie",
        description="Une très longue présentation " * 6,
        geo=(47.0, 1.0),
    )
    text = calendar.calendar([event], name="Ateliers", stamp=start)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Biodéchets\\, compost\\; et jardins" in text
    assert "DTSTART:20261203T170000Z" in text and "GEO:47.000000;1.000000" in text
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the description is folded


def test_the_printed_sheets_are_a4_pdfs_with_a_qr_code() -> None:
    form = printing.paper_form(
        printing.FormTexts(
            authority="Ville de Val-de-Loirette",
            process="Appel à initiatives citoyennes",
            summary="Vous avez une idée ? « Œuvrez » pour votre quartier…",
            link="https://exemple.fr/d/3/",
            heading="Votre proposition",
            instructions="Écrivez lisiblement.",
            link_hint="En ligne :",
            fields=[("Date", "jour / mois / année", 7.0), ("Proposition", "", 60.0)],
            consent="La personne accepte…",
            staff_note="Pour l'équipe : colonnes date ; proposition.",
            footer="Formulaire",
        )
    )
    assert form.startswith(b"%PDF-") and b"/Subtype /Image" in form and b"595.28 841.89" in form
    assert printing.qr_png("https://exemple.fr/d/3/").startswith(b"\x89PNG")
