#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Organisation records against a real Learning Record Store.

Learning Locker's statements service (tests/lrs, from npm) runs on
loopback; each workstation is a database of records made by
generate-records, and `threshold --sync` is the only way records travel.
Checks, as issue 19 asks: a supervisor's fresh database that syncs has A's
CSV row for row, and B's too after B sends; syncing again changes nothing
in the LRS or any database; every exported statement passes
xapi-validation; and the faults: the LRS stopped while sending, a
statement the LRS refuses, the sender killed mid-send, wrong credentials.
TAP on standard output.
"""

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import base64

HERE = os.path.dirname(os.path.abspath(__file__))
LRS = os.path.join(HERE, "lrs", "lrs.sh")
THRESHOLD = os.environ["THRESHOLD_BIN"]
GENERATE = os.environ["THRESHOLD_GENERATE_RECORDS"]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    status = "ok" if condition else "not ok"
    print(f"{status} {len(results)} {name}" + ("" if condition else f"\n# {detail}"), flush=True)


class Lrs:
    def __init__(self, directory):
        self.directory = directory
        out = subprocess.run([LRS, "start", directory], check=True, capture_output=True, text=True).stdout
        fields = dict(line.split("=", 1) for line in out.split())
        self.endpoint, self.key, self.secret = fields["endpoint"], fields["key"], fields["secret"]

    def env(self, secret=None):
        env = dict(os.environ)
        env.update(THRESHOLD_LRS_ENDPOINT=self.endpoint, THRESHOLD_LRS_KEY=self.key,
                   THRESHOLD_LRS_SECRET=secret or self.secret)
        return env

    def request(self, method, resource, body=None):
        auth = base64.b64encode(f"{self.key}:{self.secret}".encode()).decode()
        req = urllib.request.Request(self.endpoint + resource, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Basic " + auth,
                                              "X-Experience-API-Version": "1.0.3",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as answer:
            return json.loads(answer.read() or b"null")

    def ids(self):
        ids, resource = [], "statements?limit=1000"
        while resource:
            page = self.request("GET", resource)
            ids += [s["id"] for s in page["statements"]]
            more = page.get("more") or ""
            resource = more[more.index("statements"):] if more else None
        return ids

    def stop_lrs(self):
        subprocess.run([LRS, "stop-lrs", self.directory], check=True)

    def start_lrs(self):
        subprocess.run([LRS, "start-lrs", self.directory], check=True, capture_output=True)

    def stop(self):
        subprocess.run([LRS, "stop", self.directory])


def threshold(database, *args, env=None):
    return subprocess.run([THRESHOLD, "--database", database, *args], capture_output=True, text=True,
                          env=env, timeout=600)


def generate(path, learners, seed):
    subprocess.run([GENERATE, "--learners", str(learners), "--seed", str(seed), "--output", path],
                   check=True, capture_output=True)


def csv_rows(database):
    path = database + ".csv"
    result = threshold(database, "--export-csv", path)
    assert result.returncode == 0, result.stderr
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], sorted(rows[1:])


def tables(database):
    """Every table's row count, and the latest audit record: what a sync
    that changed nothing leaves as it found."""
    db = sqlite3.connect(database)
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {n: db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    counts["sent"] = db.execute("SELECT count(*) FROM statements WHERE sent_at IS NOT NULL").fetchone()[0]
    db.close()
    return counts


def statement_states(database):
    """The workstation's own statements: waiting, sent and refused."""
    db = sqlite3.connect(database)
    row = db.execute("SELECT count(*) FILTER (WHERE sent_at IS NULL AND refused IS NULL),"
                     " count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE refused IS NOT NULL)"
                     " FROM statements WHERE id NOT IN (SELECT statement_id FROM imports)").fetchone()
    db.close()
    return dict(zip(("waiting", "sent", "refused"), row))


def test_two_workstations(lrs, tmp):
    a, b, s = (os.path.join(tmp, n) for n in ("a.db", "b.db", "supervisor.db"))
    generate(a, 8, 101)
    generate(b, 5, 102)
    sent = threshold(a, "--sync", env=lrs.env())
    check("workstation A sends its records", sent.returncode == 0 and statement_states(a)["waiting"] == 0,
          sent.stdout + sent.stderr)
    fetched = threshold(s, "--sync", env=lrs.env())
    check("a fresh supervisor database syncs", fetched.returncode == 0, fetched.stdout + fetched.stderr)
    header, rows_a = csv_rows(a)
    _, rows_s = csv_rows(s)
    check("the supervisor's CSV equals A's row for row", rows_s == rows_a and len(rows_a) > 8,
          f"{len(rows_s)} rows against {len(rows_a)}")

    _, rows_b = csv_rows(b)
    check("B sends its records", threshold(b, "--sync", env=lrs.env()).returncode == 0)
    threshold(s, "--sync", env=lrs.env())
    _, rows_s = csv_rows(s)
    check("then the supervisor's CSV holds A's rows and B's", rows_s == sorted(rows_a + rows_b),
          f"{len(rows_s)} rows against {len(rows_a)} + {len(rows_b)}")

    # Every workstation has had one round since the last records were made.
    threshold(a, "--sync", env=lrs.env())
    in_lrs = lrs.ids()
    before = {db: tables(db) for db in (a, b, s)}
    for db in (a, b, s, a, s):
        threshold(db, "--sync", env=lrs.env())
    check("syncing everyone again adds nothing to the LRS", sorted(lrs.ids()) == sorted(in_lrs),
          f"{len(lrs.ids())} against {len(in_lrs)}")
    check("and changes nothing in any database", all(tables(db) == before[db] for db in before),
          str([(db, tables(db), before[db]) for db in before if tables(db) != before[db]]))
    check("the LRS holds each statement once", len(set(in_lrs)) == len(in_lrs))
    verify = threshold(s, "--verify-records")
    check("the supervisor's records verify", verify.returncode == 0, verify.stdout + verify.stderr)
    return a


def test_valid_statements(tmp, a):
    path = os.path.join(tmp, "a.json")
    threshold(a, "--export-xapi", path)
    result = subprocess.run(["node", os.path.join(HERE, "lrs", "validate-statements.js"), path],
                            capture_output=True, text=True)
    check("every exported statement passes xapi-validation", result.returncode == 0,
          (result.stdout + result.stderr)[-2000:])


def test_lrs_stopped(lrs, tmp):
    c = os.path.join(tmp, "c.db")
    generate(c, 3, 103)
    waiting = statement_states(c)["waiting"]
    lrs.stop_lrs()
    try:
        result = threshold(c, "--sync", env=lrs.env())
    finally:
        lrs.start_lrs()
    check("with the LRS stopped, --sync says it cannot be reached",
          result.returncode != 0 and "cannot be reached" in result.stderr, result.stderr)
    check("and nothing is lost or marked sent", statement_states(c) == {"waiting": waiting, "sent": 0, "refused": 0})
    before = len(lrs.ids())
    result = threshold(c, "--sync", env=lrs.env())
    check("when it is back, everything is sent",
          result.returncode == 0 and statement_states(c)["sent"] == waiting and len(lrs.ids()) == before + waiting,
          result.stdout + result.stderr)


def test_refused(lrs, tmp):
    d = os.path.join(tmp, "d.db")
    generate(d, 2, 104)
    path = os.path.join(tmp, "d.json")
    threshold(d, "--export-xapi", path)
    statements = json.load(open(path))
    # Another statement already holds one of D's ids: the LRS must refuse
    # D's (409 Conflict), and only that one.
    taken = statements[5]
    impostor = dict(taken, verb={"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "x"}},
                    object={"id": "https://example.org/something-else"})
    for key in ("result", "context"):
        impostor.pop(key, None)
    lrs.request("POST", "statements", [impostor])
    result = threshold(d, "--sync", env=lrs.env())
    states = statement_states(d)
    check("a statement the LRS refuses is set aside, the others sent",
          result.returncode == 0 and states == {"waiting": 0, "sent": len(statements) - 1, "refused": 1},
          f"{states} {result.stdout} {result.stderr}")
    db = sqlite3.connect(d)
    reason = db.execute("SELECT refused FROM statements WHERE id = ?", (taken["id"],)).fetchone()[0]
    db.close()
    check("with the LRS's reason", reason is not None and "409" in reason, str(reason))
    again = threshold(d, "--sync", env=lrs.env())
    check("and it is not sent again and again", "0 refused" in again.stdout and statement_states(d) == states,
          again.stdout)


def test_killed_mid_send(lrs, tmp):
    e = os.path.join(tmp, "e.db")
    generate(e, 14, 105)
    total = sum(statement_states(e).values())
    before = set(lrs.ids())
    sender = subprocess.Popen([THRESHOLD, "--database", e, "--sync"], env=lrs.env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and sender.poll() is None:
        if statement_states(e)["sent"] > 0:
            break
        time.sleep(0.02)
    sender.send_signal(signal.SIGKILL)
    sender.wait()
    partly = statement_states(e)
    check("the sender was killed with records still waiting", 0 < partly["sent"] < total, str(partly))
    result = threshold(e, "--sync", env=lrs.env())
    added = set(lrs.ids()) - before
    check("the next round sends the rest: nothing lost",
          result.returncode == 0 and statement_states(e)["sent"] == total and len(added) == total,
          f"{statement_states(e)} {len(added)} of {total}")
    check("and nothing twice", len(lrs.ids()) == len(set(lrs.ids())))


def test_wrong_credentials(lrs, tmp):
    f = os.path.join(tmp, "f.db")
    generate(f, 1, 106)
    result = threshold(f, "--sync", env=lrs.env(secret="not-the-secret"))
    check("wrong credentials: a clear message",
          result.returncode != 0 and "does not accept this key and secret" in result.stderr, result.stderr)
    check("and nothing marked sent", statement_states(f)["sent"] == 0)
    check("and the secret appears in no message", "not-the-secret" not in result.stdout + result.stderr)


def test_wrong_address(tmp):
    g = os.path.join(tmp, "g.db")
    generate(g, 1, 107)
    env = dict(os.environ, THRESHOLD_LRS_ENDPOINT="lrs.example.org/xapi", THRESHOLD_LRS_KEY="k",
               THRESHOLD_LRS_SECRET="s")
    result = threshold(g, "--sync", env=env)
    check("an address that is not one: a clear message",
          result.returncode != 0 and "is not the address of a Learning Record Store" in result.stderr, result.stderr)


def test_untrusted_certificate(tmp):
    """An https LRS whose certificate the system does not trust: the round
    stops with a message about the certificate, and nothing is sent."""
    import http.server
    import ssl
    import threading

    key, cert = os.path.join(tmp, "key.pem"), os.path.join(tmp, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    h = os.path.join(tmp, "h.db")
    generate(h, 1, 108)
    env = dict(os.environ, THRESHOLD_LRS_ENDPOINT=f"https://127.0.0.1:{server.server_address[1]}/xapi/",
               THRESHOLD_LRS_KEY="k", THRESHOLD_LRS_SECRET="s")
    try:
        result = threshold(h, "--sync", env=env)
    finally:
        server.shutdown()
    check("an untrusted certificate: a clear message",
          result.returncode != 0 and "did not prove who it is" in result.stderr, result.stderr)
    check("and nothing marked sent", statement_states(h)["sent"] == 0)


def main():
    subprocess.run([LRS, "install"], check=True)
    with tempfile.TemporaryDirectory(prefix="threshold-lrs-") as tmp:
        lrs = Lrs(os.path.join(tmp, "lrs"))
        try:
            a = test_two_workstations(lrs, tmp)
            test_valid_statements(tmp, a)
            test_lrs_stopped(lrs, tmp)
            test_refused(lrs, tmp)
            test_killed_mid_send(lrs, tmp)
            test_wrong_credentials(lrs, tmp)
            test_wrong_address(tmp)
            test_untrusted_certificate(tmp)
        finally:
            lrs.stop()
    print(f"1..{len(results)}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
