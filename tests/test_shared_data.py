"""The shared data folder is found from the repository; without it, tests skip locally and fail when required."""

from pathlib import Path

import pytest

from tests.conftest import require_shared_data
from tests.shared_data import ANIOLKI, KEPT_DATA, ROOT, TOULOUSE_1, missing_shared_data, shared_data_dir


def test_the_folder_sits_beside_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOUQUET_SHARED_DATA", raising=False)
    assert shared_data_dir() == ROOT.parent / "shared" / "data"
    assert (ROOT / "pyproject.toml").is_file()


def test_an_environment_variable_points_elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BOUQUET_SHARED_DATA", str(tmp_path))
    assert shared_data_dir() == tmp_path.resolve()
    assert missing_shared_data() is None


def test_a_missing_folder_skips_with_its_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BOUQUET_SHARED_DATA", str(tmp_path / "absent"))
    monkeypatch.delenv("BOUQUET_REQUIRE_SHARED_DATA", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"shared data folder not found: .*absent"):
        require_shared_data()


@pytest.mark.parametrize("value", ["1", "true"])
def test_a_missing_folder_fails_when_the_run_requires_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    monkeypatch.setenv("BOUQUET_SHARED_DATA", str(tmp_path / "absent"))
    monkeypatch.setenv("BOUQUET_REQUIRE_SHARED_DATA", value)
    with pytest.raises(pytest.fail.Exception, match="BOUQUET_REQUIRE_SHARED_DATA=1 makes this an error"):
        require_shared_data()


def test_the_kept_files_are_small_and_in_the_repository() -> None:
    assert [TOULOUSE_1.parent, ANIOLKI.parent] == [KEPT_DATA, KEPT_DATA]
    assert all(path.stat().st_size < 20_000 for path in (TOULOUSE_1, ANIOLKI))


def test_the_kept_files_are_copies_of_the_shared_ones(shared_data: Path) -> None:
    for kept in (TOULOUSE_1, ANIOLKI):
        assert kept.read_bytes() == (shared_data / "pabulib" / kept.name).read_bytes()
