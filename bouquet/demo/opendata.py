"""The demo's part of the dashboards: each district's number of inhabitants (``data/populations.csv``), sent
through the same service as the back-office's upload page."""

from pathlib import Path

from bouquet.places.services import import_district_populations

POPULATIONS = Path(__file__).parent / "data" / "populations.csv"


def seed_populations() -> int:
    """Set the demo districts' populations; returns how many districts were updated."""
    return import_district_populations(data=POPULATIONS.read_bytes())
