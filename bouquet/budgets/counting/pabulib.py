"""Reader and writer for the pabulib `.pb` format (sections META, PROJECTS, VOTES, `;`-separated).

The reader reads every file pabutools reads, the way it reads it: what is odd but readable (a project listed twice
in one vote, a field that opens with a quote and goes on after it, declared counts that do not match, a short
row) becomes a `FileWarning` with its line in `Election.warnings`; only what cannot be read is refused, with a
`PabulibError` naming the line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

from bouquet.budgets.counting.models import (
    CUMULATIVE,
    SCORING,
    VOTE_TYPES,
    AbsurdNumber,
    Ballot,
    Election,
    FileWarning,
    Project,
    as_number,
    exact_number,
)
from bouquet.core.spreadsheet import CELL_LIMIT, cell_limit

SECTIONS = ("meta", "projects", "votes")
_CORE_PROJECT_COLUMNS = {"project_id", "cost", "name", "category", "categories", "target", "targets"}
_CORE_VOTE_COLUMNS = {"voter_id", "vote", "points"}


class PabulibError(ValueError):
    """A malformed pabulib file; the message is in French and names the line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        """Build the error, prefixing the message with the line number when known."""
        self.line = line
        super().__init__(f"ligne {line} : {message}" if line is not None else message)


def parse_pb(path: str | Path) -> Election:
    """Parse a `.pb` file from disk."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise PabulibError(f"impossible de lire le fichier « {path} » : il n'existe pas") from exc
    except OSError as exc:
        raise PabulibError(f"impossible de lire le fichier « {path} » (erreur système {exc.errno})") from exc
    return parse_pb_bytes(data)


def parse_pb_bytes(data: bytes) -> Election:
    """Decode (UTF-8, optional BOM) then parse the content of a `.pb` file."""
    nul = data.find(b"\x00")
    if nul >= 0:
        # A text file holds no NUL byte: this one is binary or damaged, and PostgreSQL could not store it.
        raise PabulibError(
            "le fichier contient un octet nul (0x00) : ce n'est pas un fichier texte pabulib",
            data[:nul].count(b"\n") + 1,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PabulibError(
            f"encodage invalide (octet 0x{data[exc.start]:02x}), le fichier doit être en UTF-8", line
        ) from exc
    return parse_pb_string(text)


def _split(line: str, lineno: int, warnings: list[FileWarning]) -> list[str]:
    """Split a line on `;`, going through the csv module only when the line holds quotes.

    Quotes are read strictly first; a field that opens with a quote and goes on after it
    (`"Odkupmy" i my - zakup`) is then read as pabutools reads it (Python's csv module, not strict), with a
    warning. Unlike pabutools, a quote left open ends with its line instead of swallowing the next ones."""
    if '"' not in line:
        return line.split(";")
    try:
        with cell_limit():
            rows = list(csv.reader([line], delimiter=";", strict=True))
    except csv.Error:
        try:
            with cell_limit():
                rows = list(csv.reader([line], delimiter=";"))
        except csv.Error as exc:
            # In practice only a quoted field longer than the limit (131,072 characters).
            raise PabulibError(f"champ entre guillemets de plus de {CELL_LIMIT} caractères", lineno) from exc
        read = ";".join(rows[0] if rows else [])
        shown = read if len(read) <= 80 else read[:80] + "…"
        warnings.append(FileWarning(lineno, f"guillemets mal placés, lus comme le fait pabutools : {shown}"))
    return rows[0] if rows else [""]


def _number(text: str, what: str, lineno: int) -> Fraction:
    """Parse a decimal number (a comma is accepted as decimal separator) exactly."""
    try:
        return exact_number(text)
    except AbsurdNumber:
        shown = text.strip()
        shown = shown if len(shown) <= 30 else shown[:30] + "…"
        raise PabulibError(
            f"{what} est démesuré : « {shown} » (Bouquet lit les nombres de moins de 19 chiffres)", lineno
        ) from None
    except (ValueError, ZeroDivisionError):
        raise PabulibError(f"{what} n'est pas un nombre : « {text.strip()} »", lineno) from None


def _fit(
    fields: list[str], header: list[str], required: set[str], lineno: int, warnings: list[FileWarning]
) -> list[str]:
    """Match a row to its header: empty fields past the header and missing optional columns at the end are read
    with a warning; a missing required column, or a value past the header, cannot be read."""
    if len(fields) == len(header):
        return fields
    shape = f"{len(fields)} champs au lieu de {len(header)} (en-tête : {';'.join(header)})"
    if len(fields) > len(header):
        if any(f.strip() for f in fields[len(header) :]):
            raise PabulibError(shape, lineno)
        warnings.append(FileWarning(lineno, f"{shape} ; les champs vides en trop sont ignorés"))
        return fields[: len(header)]
    missing = header[len(fields) :]
    if required & set(missing):
        raise PabulibError(shape, lineno)
    warnings.append(
        FileWarning(lineno, f"{shape} ; les colonnes manquantes ({', '.join(missing)}) sont vides")
    )
    return fields + [""] * len(missing)


def parse_pb_string(text: str) -> Election:
    """Parse the text of a `.pb` file into an `Election`, raising `PabulibError` on malformed input."""
    lines = text.splitlines()
    section = ""
    seen: dict[str, int] = {}
    header: list[str] = []
    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    projects: list[Project] = []
    project_index: dict[str, int] = {}
    project_columns: list[str] = []
    vote_columns: list[str] = []
    ballots: list[Ballot] = []
    vote_type = ""
    vote_col = points_col = voter_col = -1
    extra_vote_cols: list[tuple[int, str]] = []
    warnings: list[FileWarning] = []
    voter_lines: dict[str, int] = {}
    i = 0
    n_lines = len(lines)
    while i < n_lines:
        raw = lines[i]
        lineno = i + 1
        i += 1
        if not raw.strip():
            continue
        fields = _split(raw, lineno, warnings)
        first = fields[0].strip().lower()
        if first in SECTIONS and len([f for f in fields if f.strip()]) == 1:
            if first in seen:
                raise PabulibError(f"la section {first.upper()} apparaît deux fois", lineno)
            expected = SECTIONS[len(seen)] if len(seen) < len(SECTIONS) else ""
            if first != expected:
                raise PabulibError(
                    f"section {first.upper()} inattendue, la section {expected.upper()} devait venir avant",
                    lineno,
                )
            seen[first] = lineno
            section = first
            while i < n_lines and not lines[i].strip():
                i += 1
            if i >= n_lines:
                raise PabulibError(f"il manque la ligne d'en-tête de la section {first.upper()}", lineno)
            header = [h.strip() for h in _split(lines[i], i + 1, warnings)]
            i += 1
            if section == "projects":
                vote_type = _check_meta(meta, meta_lines, lineno)
                for required in ("project_id", "cost"):
                    if required not in header:
                        raise PabulibError(f"colonne « {required} » absente de l'en-tête PROJECTS", i)
                project_columns = header
            elif section == "votes":
                if "vote" not in header:
                    raise PabulibError("colonne « vote » absente de l'en-tête VOTES", i)
                vote_columns = header
                vote_col = header.index("vote")
                voter_col = header.index("voter_id") if "voter_id" in header else -1
                points_col = header.index("points") if "points" in header else -1
                if vote_type in (CUMULATIVE, SCORING) and points_col < 0:
                    raise PabulibError(f"colonne « points » absente pour un vote de type {vote_type}", i)
                extra_vote_cols = [(k, h) for k, h in enumerate(header) if h not in _CORE_VOTE_COLUMNS]
            continue
        if not section:
            raise PabulibError("le fichier doit commencer par la section META", lineno)
        if section == "meta":
            if len(fields) < 2:
                raise PabulibError("ligne META sans valeur (attendu « clé;valeur »)", lineno)
            key = fields[0].strip()
            meta[key] = ";".join(fields[1:]).strip()
            meta_lines[key] = lineno
        elif section == "projects":
            project = _parse_project(
                _fit(fields, header, {"project_id", "cost"}, lineno, warnings), header, lineno
            )
            if project.id in project_index:
                # Two costs for one project: no reading would be the file's, so it is refused.
                raise PabulibError(f"le projet « {project.id} » est déclaré deux fois", lineno)
            project_index[project.id] = len(projects)
            projects.append(project)
        else:
            needed = {"vote", "points"} if points_col >= 0 else {"vote"}
            ballot = _parse_ballot(
                _fit(fields, header, needed, lineno, warnings),
                vote_col,
                points_col,
                voter_col,
                extra_vote_cols,
                project_index,
                vote_type,
                lineno,
                warnings,
            )
            if voter_col >= 0:
                first_line = voter_lines.setdefault(ballot.voter_id, lineno)
                if first_line != lineno:
                    # pabutools counts both ballots: so does Bouquet, but an agent should know.
                    warnings.append(
                        FileWarning(
                            lineno,
                            f"l'identifiant de votant « {ballot.voter_id} » est déjà celui de la ligne "
                            f"{first_line} ; les deux votes sont comptés",
                        )
                    )
            ballots.append(ballot)
    for name in SECTIONS:
        if name not in seen:
            raise PabulibError(f"section {name.upper()} absente du fichier", n_lines)
    _check_counts(meta, meta_lines, len(projects), len(ballots), warnings)
    return Election(
        budget=_number(meta["budget"], "le budget", meta_lines["budget"]),
        projects=projects,
        ballots=ballots,
        vote_type=vote_type,
        meta=meta,
        project_columns=project_columns,
        vote_columns=vote_columns,
        warnings=warnings,
    )


def _check_meta(meta: dict[str, str], meta_lines: dict[str, int], lineno: int) -> str:
    """Check the mandatory META fields once the section is complete and return the vote type."""
    for key in ("budget", "vote_type"):
        if key not in meta:
            raise PabulibError(f"champ META « {key} » absent", lineno)
    budget = _number(meta["budget"], "le budget", meta_lines["budget"])
    if budget < 0:
        raise PabulibError("le budget est négatif", meta_lines["budget"])
    vote_type = meta["vote_type"].strip().lower()
    if vote_type not in VOTE_TYPES:
        raise PabulibError(
            f"type de vote « {meta['vote_type']} » inconnu (attendu : {', '.join(VOTE_TYPES)})",
            meta_lines["vote_type"],
        )
    return vote_type


def _check_counts(
    meta: dict[str, str],
    meta_lines: dict[str, int],
    n_projects: int,
    n_votes: int,
    warnings: list[FileWarning],
) -> None:
    """Compare the declared `num_projects` / `num_votes` with what the file holds (pabutools ignores them)."""
    for key, actual, what in (("num_projects", n_projects, "projets"), ("num_votes", n_votes, "votes")):
        if key not in meta:
            continue
        declared = meta[key].strip()
        if not declared.isdigit():
            warnings.append(FileWarning(meta_lines[key], f"« {key} » n'est pas un entier : « {declared} »"))
        elif int(declared) != actual:
            warnings.append(
                FileWarning(
                    meta_lines[key],
                    f"« {key} » annonce {declared} {what} mais le fichier en contient {actual} ; "
                    f"les {actual} sont lus",
                )
            )


def _multi(value: str) -> tuple[str, ...]:
    """Split a comma-separated list of categories or targets."""
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _parse_project(fields: list[str], header: list[str], lineno: int) -> Project:
    """Build a project from one row of the PROJECTS section (already matched to its header)."""
    row = {h: f.strip() for h, f in zip(header, fields, strict=True)}
    pid = row["project_id"]
    if not pid:
        raise PabulibError("identifiant de projet vide", lineno)
    cost = _number(row["cost"], f"le coût du projet « {pid} »", lineno)
    if cost < 0:
        raise PabulibError(f"le coût du projet « {pid} » est négatif", lineno)
    min_cost = None
    if row.get("min_cost", "").lower() not in ("", "none"):
        min_cost = _number(row["min_cost"], f"le coût minimal du projet « {pid} »", lineno)
    categories = row.get("category", row.get("categories", ""))
    targets = row.get("target", row.get("targets", ""))
    return Project(
        id=pid,
        cost=cost,
        name=row.get("name", ""),
        categories=_multi(categories) if categories.lower() != "none" else (),
        targets=_multi(targets) if targets.lower() != "none" else (),
        min_cost=min_cost,
        extra={h: row[h] for h in header if h not in _CORE_PROJECT_COLUMNS},
    )


def _parse_ballot(
    fields: list[str],
    vote_col: int,
    points_col: int,
    voter_col: int,
    extra_cols: list[tuple[int, str]],
    project_index: dict[str, int],
    vote_type: str,
    lineno: int,
    warnings: list[FileWarning],
) -> Ballot:
    """Build a ballot from one row of the VOTES section."""
    vote = fields[vote_col].strip()
    listed = [v.strip() for v in vote.split(",") if v.strip()] if vote.lower() != "none" else []
    for pid in listed:
        if pid not in project_index:
            raise PabulibError(f"le vote cite le projet « {pid} », absent de la section PROJECTS", lineno)
    points: list[Fraction] | None = None
    if vote_type in (CUMULATIVE, SCORING):
        raw_points = fields[points_col].strip()
        items = [p for p in raw_points.split(",") if p.strip()] if raw_points.lower() != "none" else []
        if len(items) != len(listed):
            raise PabulibError(f"{len(listed)} projets mais {len(items)} valeurs de points", lineno)
        points = [_number(p, "un nombre de points", lineno) for p in items]
    if len(set(listed)) != len(listed):
        # As pabutools: the project counts once, at its first place, with the points given last.
        twice = sorted({pid for pid in listed if listed.count(pid) > 1}, key=listed.index)
        warnings.append(
            FileWarning(
                lineno,
                "le projet "
                + ", ".join(f"« {pid} »" for pid in twice)
                + " est cité plusieurs fois dans le même vote ; il compte une fois",
            )
        )
        last = dict(zip(listed, points, strict=True)) if points is not None else {}
        listed = list(dict.fromkeys(listed))
        if points is not None:
            points = [last[pid] for pid in listed]
    voter_id = fields[voter_col].strip() if voter_col >= 0 else str(lineno)
    extra = {name: fields[k].strip() for k, name in extra_cols}
    return Ballot(
        voter_id=voter_id,
        projects=tuple(listed),
        points=tuple(points) if points is not None else None,
        extra=extra,
    )


def _fmt(value: Fraction | int) -> str:
    """Format an exact number for the file: integers plainly, other fractions as exact decimals if possible."""
    number = as_number(Fraction(value))
    if isinstance(number, int):
        return str(number)
    # A fraction whose denominator only has factors 2 and 5 has an exact decimal expansion.
    den = number.denominator
    digits = 0
    while den % 10 == 0 or den % 2 == 0 or den % 5 == 0:
        if den % 10 == 0:
            den //= 10
        elif den % 2 == 0:
            den //= 2
        else:
            den //= 5
        digits += 1
    if den != 1:
        raise ValueError(f"{number} n'a pas d'écriture décimale exacte")
    scaled = number * 10**digits
    sign = "-" if scaled < 0 else ""
    text = str(abs(scaled.numerator)).rjust(digits + 1, "0")
    return f"{sign}{text[:-digits]}.{text[-digits:]}".rstrip("0").rstrip(".")


# What `str.splitlines` breaks a line on: the format is read line by line, so a field cannot hold one.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def _quote(value: str) -> str:
    """Quote a field the way the csv module does when it holds the separator or quotes; a line break in a field
    (a title typed with one) is written as a space, or the file could not be read back."""
    value = _LINE_BREAKS.sub(" ", value)
    if any(ch in value for ch in ';"'):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="").writerow([value])
        return buffer.getvalue()
    return value


def write_pb(election: Election, ballots: Iterable[Ballot] | None = None) -> str:
    """Serialise an election (or the same instance with other ballots) to the text of a valid `.pb` file."""
    votes = list(election.ballots if ballots is None else ballots)
    meta = dict(election.meta)
    meta["num_projects"] = str(len(election.projects))
    meta["num_votes"] = str(len(votes))
    meta["budget"] = _fmt(election.budget)
    meta["vote_type"] = election.vote_type
    out = ["META", "key;value"]
    out.extend(f"{_quote(k)};{_quote(v)}" for k, v in meta.items())
    columns = list(election.project_columns) or ["project_id", "cost"]
    for required in ("project_id", "cost"):
        if required not in columns:
            columns.insert(0 if required == "project_id" else 1, required)
    if any(p.name for p in election.projects) and "name" not in columns:
        columns.append("name")
    if any(p.categories for p in election.projects) and not {"category", "categories"} & set(columns):
        columns.append("category")
    if any(p.targets for p in election.projects) and not {"target", "targets"} & set(columns):
        columns.append("target")
    if any(p.min_cost is not None for p in election.projects) and "min_cost" not in columns:
        columns.append("min_cost")
    for project in election.projects:
        for key in project.extra:
            if key not in columns:
                columns.append(key)
    out += ["PROJECTS", ";".join(columns)]
    for project in election.projects:
        values = {
            "project_id": project.id,
            "cost": _fmt(project.cost),
            "name": project.name,
            "category": ",".join(project.categories),
            "categories": ",".join(project.categories),
            "target": ",".join(project.targets),
            "targets": ",".join(project.targets),
            "min_cost": _fmt(project.min_cost) if project.min_cost is not None else "",
        }
        out.append(";".join(_quote(values.get(c, project.extra.get(c, ""))) for c in columns))
    vcolumns = list(election.vote_columns) or ["voter_id", "vote"]
    for required in ("voter_id", "vote"):
        if required not in vcolumns:
            vcolumns.insert(0 if required == "voter_id" else 1, required)
    if election.vote_type in (CUMULATIVE, SCORING) and "points" not in vcolumns:
        vcolumns.append("points")
    for ballot in votes:
        for key in ballot.extra:
            if key not in vcolumns:
                vcolumns.append(key)
    out += ["VOTES", ";".join(vcolumns)]
    for ballot in votes:
        values = {
            "voter_id": ballot.voter_id,
            "vote": ",".join(ballot.projects),
            "points": ",".join(_fmt(p) for p in ballot.points) if ballot.points is not None else "",
        }
        out.append(";".join(_quote(values.get(c, ballot.extra.get(c, ""))) for c in vcolumns))
    return "\n".join(out) + "\n"
