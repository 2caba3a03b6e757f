"""Holding at the deadline: 50 voters at once against the production settings behind gunicorn, then a check of
the database.

Run: .venv/bin/python bench/load.py [--duration 600] [--users 50] [--workers 3] [--spawn-rate 5] [--sqlite]
     [--database-url URL]

1. Creates a throw-away database (PostgreSQL by default: postgres://postgres@127.0.0.1:5432/bouquet_bench_load,
   dropped and recreated; --sqlite: var/bench_load.sqlite3, the embedded default) and migrates it.
2. Seeds one process in its vote phase with a plain budget (ballots may be changed) and a secret one, one
   process in its supports phase with 40 proposals, and --users accounts, each with a session made in advance
   (signing in is not what is measured).
3. Serves `config.settings.production` with gunicorn (--workers sync workers) on 127.0.0.1 and runs locust
   headless for --duration seconds: each voter reads the budget, votes and changes their plain ballot, casts
   one secret ballot, supports and withdraws supports, comments, and reads proposals, with 1-3 s between
   actions. Voters arrive at --spawn-rate per second (5: all 50 are in after 10 s; voters do not all press
   « voter » in the same millisecond, and a run with --spawn-rate 50 shows that burst). Before the load, each
   page kind is read a few times per worker, as a server that has been up for a while would be (a worker's first
   requests compile templates and load catalogues); those reads are not counted. Requests carry `X-Forwarded-Proto: https` (as the town's reverse proxy would) and a
   `X-Forwarded-For` address per voter (the gunicorn config trusts 127.0.0.1 to set REMOTE_ADDR from it).
4. Prints p50/p95/p99 and errors per request kind, then checks the database: plain ballots = participations =
   distinct voters whose last vote succeeded; secret ballots (once mixed) = distinct secret voters and their
   contents = what the voters chose; no linking attack of tests/budgets/linking.py does better than chance;
   no « database is locked » in any answer or in the server's log.

Exits 1 if a check fails, if a request kind has server errors, or if the p95 of a kind exceeds --p95-ms.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess  # nosec B404 - starts gunicorn and locust from this virtual environment
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/bouquet_bench_load"
SECRET = "bench-load-secret-key-" + "x" * 40
PROJECTS = 10
PROPOSALS = 40


def _env(database_url: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "BOUQUET_ENCODER": "hashing",
            "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def _recreate_database(url: str) -> None:
    if url.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    base, _, name = url.rpartition("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to drop {name!r}: the name must contain 'bench'")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


SEED = r"""
import datetime as dt, json, sys
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from bouquet.budgets.models import Budget
from bouquet.processes.models import PhaseKind
from bouquet.processes.services import reschedule_phase
from tests.factories import BudgetFactory, ProcessFactory, ProposalFactory, UserFactory

from django.conf import settings
from django.contrib.auth.hashers import get_hashers

# The voters never type a password (their sessions are made here): no need for 50 slow PBKDF2 hashes.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # nosec B303
get_hashers.cache_clear()
users, projects = int(sys.argv[1]), int(sys.argv[2])
agent = UserFactory(agent=True)
today = timezone.localdate()
plain = BudgetFactory(agent=agent, costs=(10_000,) * projects, title="Budget des quartiers")
secret = BudgetFactory(agent=agent, process=plain.process, costs=(10_000,) * projects, title="Budget secret",
                       is_secret=True)
reschedule_phase(phase=plain.phase, starts_on=today - dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5))
supports = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
proposals = [ProposalFactory(process=supports).pk for _ in range(int(sys.argv[3]))]
voters = []
for index in range(users):
    user = UserFactory(email=f"votant{index}@exemple.fr")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    voters.append({"id": user.pk, "session": session.session_key})
print(json.dumps({
    "plain": plain.pk, "secret": secret.pk, "amount": Budget.objects.get(pk=plain.pk).amount,
    "plain_projects": list(plain.projects.order_by("pk").values_list("pk", flat=True)),
    "secret_projects": list(secret.projects.order_by("pk").values_list("pk", flat=True)),
    "proposals": proposals, "voters": voters,
}))
"""

GUNICORN_CONF = """
forwarded_allow_ips = "127.0.0.1"
"""

LOCUSTFILE = r"""
import json, os, random, re, threading
from locust import HttpUser, between, task, events

WORLD = json.loads(open(os.environ["BENCH_WORLD"]).read())
CHOSEN_LOG = os.environ["BENCH_CHOSEN"]
_lock = threading.Lock()
_next = iter(range(10**6))
_outcomes = []  # (kind, voter, choices, ok)
_limited = {}  # request kind -> answers 429 (the abuse limits: a refusal with its message, not an error)


@events.quitting.add_listener
def _write(environment, **_kwargs):
    with open(CHOSEN_LOG, "w") as out:
        json.dump({"outcomes": _outcomes, "limited": _limited}, out)


class Voter(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        with _lock:
            index = next(_next) % len(WORLD["voters"])
        self.me = WORLD["voters"][index]
        self.csrf = "".join(random.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(32))
        self.headers = {
            "Cookie": f"sessionid={self.me['session']}; csrftoken={self.csrf}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": f"10.1.{index // 250}.{index % 250 + 1}",
            "Origin": self.host.replace("http://", "https://"),
            "Referer": self.host.replace("http://", "https://") + "/",
        }
        self.secret_done = False

    def _post(self, url, data, name):
        data = {**data, "csrfmiddlewaretoken": self.csrf}
        with self.client.post(url, data=data, headers=self.headers, name=name, allow_redirects=False,
                              catch_response=True) as response:
            if "database is locked" in response.text:
                response.failure("database is locked")
            elif response.status_code >= 500:
                response.failure(f"server error {response.status_code}")
            elif "/compte/login" in response.headers.get("Location", ""):
                response.failure("signed out")
            elif response.status_code in (200, 302, 409, 422):
                response.success()
            elif response.status_code == 429:
                _limited[name] = _limited.get(name, 0) + 1
                response.success()
            else:
                response.failure(f"unexpected {response.status_code}")
            return response

    def _get(self, url, name):
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as response:
            if response.status_code != 200 or "database is locked" in response.text:
                response.failure(f"{response.status_code}")
            return response

    @task(3)
    def read_budget(self):
        self._get(f"/budgets/{WORLD['plain']}/", "GET budget page")

    @task(4)
    def vote_or_change(self):
        self._get(f"/budgets/{WORLD['plain']}/voter/", "GET ballot")
        chosen = sorted(random.sample(WORLD["plain_projects"], random.randint(1, 3)))
        response = self._post(f"/budgets/{WORLD['plain']}/voter/", {"projet": chosen, "action": "valider"},
                              "POST ballot (cast or change)")
        _outcomes.append(("plain", self.me["id"], chosen, response.status_code == 302))

    @task(1)
    def secret_vote(self):
        if self.secret_done:
            return
        chosen = sorted(random.sample(WORLD["secret_projects"], random.randint(1, 4)))
        response = self._post(f"/budgets/{WORLD['secret']}/voter/", {"projet": chosen, "action": "valider"},
                              "POST secret ballot")
        ok = response.status_code == 200 and "reçu" in response.text.lower()
        self.secret_done = self.secret_done or ok
        _outcomes.append(("secret", self.me["id"], chosen, ok))

    @task(3)
    def support(self):
        pk = random.choice(WORLD["proposals"])
        action = {"action": "retirer"} if random.random() < 0.3 else {}
        self._post(f"/propositions/{pk}/soutien/", action, "POST support (give or withdraw)")

    @task(2)
    def comment(self):
        pk = random.choice(WORLD["proposals"])
        self._post(f"/propositions/{pk}/commentaires/", {"body": "Bonne idée pour le quartier."}, "POST comment")

    @task(3)
    def read_proposal(self):
        self._get(f"/propositions/{random.choice(WORLD['proposals'])}/", "GET proposal page")
"""

CHECK = r"""
import json, random, statistics, sys
from collections import Counter
from bouquet.budgets.models import Ballot, Budget, Participation
from bouquet.budgets.services import mix_sealed_ballots
from tests.budgets.linking import ballot_contents, ballot_orders, paired_right

world = json.load(open(sys.argv[1]))
outcomes = json.load(open(sys.argv[2]))["outcomes"]
report = {}
plain = Budget.objects.get(pk=world["plain"])
last_ok = {}
for kind, voter, chosen, ok in outcomes:
    if kind == "plain" and ok:
        last_ok[voter] = frozenset(chosen)
report["plain voters whose vote succeeded"] = len(last_ok)
report["plain participations"] = Participation.objects.filter(budget=plain).count()
report["plain ballots"] = Ballot.objects.filter(budget=plain).count()
contents = Counter(ballot_contents(plain).values())
report["plain ballots = each voter's last successful ballot"] = contents == Counter(last_ok.values())

secret = Budget.objects.get(pk=world["secret"])
truth, order = {}, []
for kind, voter, chosen, ok in outcomes:
    if kind == "secret" and ok and voter not in truth:
        truth[voter] = frozenset(chosen)
        order.append(voter)
report["secret voters whose vote succeeded"] = len(truth)
report["secret participations"] = Participation.objects.filter(budget=secret).count()
mix_sealed_ballots(budget=secret)
report["secret ballots after the mix"] = Ballot.objects.filter(budget=secret).count()
content = ballot_contents(secret)
report["secret ballots = what the voters chose"] = Counter(content.values()) == Counter(truth.values())
# How well a random pairing does, to compare each attack with.
ballots = list(content)
rng = random.Random(1)
chance = []
for _ in range(2000):
    rng.shuffle(ballots)
    chance.append(paired_right(order, ballots, truth, content))
limit = max(chance)
attacks = {name: paired_right(order, found, truth, content) for name, found in ballot_orders(secret, content).items()}
report["linking attacks (voters paired with their ballot)"] = attacks
report["best of 2,000 random pairings"] = limit
ok = (
    report["plain participations"] == report["plain ballots"] == report["plain voters whose vote succeeded"]
    and report["plain ballots = each voter's last successful ballot"]
    and report["secret participations"] == report["secret ballots after the mix"] == len(truth)
    and report["secret ballots = what the voters chose"]
    and all(count <= limit for count in attacks.values())
)
report["ok"] = ok
print(json.dumps(report, default=str))
"""


def _warm_up(port: int, world: dict, rounds: int) -> None:
    """Read each page kind ``rounds`` times with a voter's session, so that every worker has compiled its
    templates and loaded its catalogues before the measured load (GET only: nothing is written)."""
    voter = world["voters"][0]
    headers = {"Cookie": f"sessionid={voter['session']}", "X-Forwarded-Proto": "https"}
    paths = [
        f"/budgets/{world['plain']}/",
        f"/budgets/{world['plain']}/voter/",
        f"/budgets/{world['secret']}/voter/",
    ]
    paths += [f"/propositions/{pk}/" for pk in world["proposals"][:3]]
    for _ in range(rounds):
        for path in paths:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
            with urllib.request.urlopen(request, timeout=30) as answer:  # nosec B310 - our own local server
                answer.read()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=600, help="seconds of load (default: 10 minutes)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument(
        "--spawn-rate",
        type=float,
        default=5.0,
        help="voters arriving per second (default 5: all in after 10 s)",
    )
    parser.add_argument("--sqlite", action="store_true", help="the embedded default instead of PostgreSQL")
    parser.add_argument("--database-url", default=DEFAULT_PG)
    parser.add_argument(
        "--p95-ms", type=float, default=800.0, help="target for the p95 of every request kind"
    )
    args = parser.parse_args()

    url = f"sqlite:///{ROOT / 'var' / 'bench_load.sqlite3'}" if args.sqlite else args.database_url
    env = _env(url, args.port)
    python = str(VENV_BIN / "python")
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    print(
        f"database: {url.split('@')[-1]}; {args.users} voters for {args.duration} s, arriving {args.spawn_rate:g}/s; "
        f"gunicorn {args.workers} workers"
    )

    _recreate_database(url)
    print("migrating, seeding, starting gunicorn…", flush=True)
    run = lambda *cmd, **kw: subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kw)  # noqa: E731  # nosec B603
    run(python, "manage.py", "migrate", "--noinput", stdout=subprocess.DEVNULL)
    run(python, "manage.py", "collectstatic", "--noinput", stdout=subprocess.DEVNULL)
    seeded = run(
        python,
        "manage.py",
        "shell",
        "-c",
        SEED.replace("sys.argv[1]", str(args.users))
        .replace("sys.argv[2]", str(PROJECTS))
        .replace("sys.argv[3]", str(PROPOSALS)),
        capture_output=True,
        text=True,
    )
    world_path = work / "world.json"
    world_path.write_text(seeded.stdout.strip().splitlines()[-1])
    (work / "gunicorn.conf.py").write_text(GUNICORN_CONF)
    (work / "locustfile.py").write_text(LOCUSTFILE)
    server_log = work / "gunicorn.log"
    server = subprocess.Popen(  # nosec B603
        [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi:application",
            "--config",
            str(work / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
            "--error-logfile",
            str(server_log),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(60):
            try:
                # As the proxy would say: over HTTPS (else the production settings redirect to https://).
                probe = urllib.request.Request(
                    f"http://127.0.0.1:{args.port}/api/v1/", headers={"X-Forwarded-Proto": "https"}
                )
                urllib.request.urlopen(probe, timeout=5)  # nosec B310
                break
            except OSError:
                time.sleep(1)
        _warm_up(args.port, json.loads(world_path.read_text()), rounds=4 * args.workers)
        print("load running…", flush=True)
        chosen_path = work / "chosen.json"
        locust_env = {**env, "BENCH_WORLD": str(world_path), "BENCH_CHOSEN": str(chosen_path)}
        started = time.time()
        subprocess.run(  # nosec B603
            [
                str(VENV_BIN / "locust"),
                "-f",
                str(work / "locustfile.py"),
                "--headless",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "-u",
                str(args.users),
                "-r",
                str(args.spawn_rate),
                "--run-time",
                f"{args.duration}s",
                "--csv",
                str(work / "stats"),
                "--csv-full-history",
                "--only-summary",
                "--loglevel",
                "ERROR",
                "--stop-timeout",
                "10",
            ],
            env=locust_env,
            cwd=work,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        elapsed = time.time() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    load_avg = os.getloadavg()

    failed = False
    print(f"\n{elapsed:.0f} s of load; load average after: {' '.join(f'{x:.1f}' for x in load_avg)}")
    print(
        f"{'request kind':<34}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    )
    with (work / "stats_stats.csv").open() as file:
        for row in csv.DictReader(file):
            name = row["Name"] if row["Name"] != "Aggregated" else "all"
            p95 = float(row["95%"] or 0)
            print(
                f"{name:<34}{row['Request Count']:>7}{row['Failure Count']:>8}{row['50%']:>9}{row['95%']:>9}"
                f"{row['99%']:>9}{float(row['Max Response Time']):>9.0f}"
            )
            if name != "all" and (int(row["Failure Count"]) or p95 > args.p95_ms):
                failed = True
    failures = work / "stats_failures.csv"
    if failures.exists():
        for row in csv.DictReader(failures.open()):
            print(f"  error: {row['Method']} {row['Name']}: {row['Error']} x{row['Occurrences']}")
    limited = json.loads(chosen_path.read_text())["limited"]
    for name, count in sorted(limited.items()):
        print(f"  refused by the abuse limits (429, all voters share 127.0.0.1): {name} x{count}")
    locked = "database is locked" in server_log.read_text(errors="replace")
    print(f"« database is locked » in the server log: {'YES' if locked else 'no'}")
    failed = failed or locked

    checked = run(
        python,
        "manage.py",
        "shell",
        "-c",
        CHECK.replace("sys.argv[1]", repr(str(world_path))).replace("sys.argv[2]", repr(str(chosen_path))),
        capture_output=True,
        text=True,
    )
    report = json.loads(checked.stdout.strip().splitlines()[-1])
    print("\ndatabase check:")
    for key, value in report.items():
        print(f"  {key}: {value}")
    failed = failed or not report["ok"]
    print(f"\n{'FAILED' if failed else 'OK'} (files in {work})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
