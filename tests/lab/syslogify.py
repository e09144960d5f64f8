#!/usr/bin/env python3
"""Write an sshd -E log again as journald and syslog would show it (run by run.sh for every sshd scenario).

  syslogify.py SERVER_LOG [--program sshd] [--session-program NAME] [--host lab]

sshd -E writes bare messages. On a real server the same messages reach the journal or syslog, which put a time,
the host name and the program with its PID in front. Next to SERVER_LOG (server.log) this writes:

  server.journal.log      journalctl (default, short):  Dec 02 07:18:09 lab sshd[2001]: MESSAGE
  server.journal-iso.log  journalctl -o short-iso:      2026-12-02T07:18:09+0000 lab sshd[2001]: MESSAGE
  server.auth.log         rsyslog RFC 3339 (Debian 12+ /var/log/auth.log):
                                                        2026-12-02T07:18:09.004217+00:00 lab sshd[2001]: MESSAGE
  server.secure.log       classic syslog (/var/log/secure, older auth.log):
                                                        Dec  2 07:18:09 lab sshd[2001]: MESSAGE

Everything is deterministic, so a rerun gives the same files for the same server.log:
- time: line N (from 0) is 2026-12-02 07:18:00 UTC plus N seconds; the microseconds of server.auth.log are
  (N * 4217) mod 1000000.
- PIDs are synthetic. The listener is 1000. Each connection gets its own, 2001, 2002, ... in order: a connection
  starts at "Connection from A port P on B port Q" and owns the lines after it until the next one starts. Lines
  before the first connection, and lines the listener itself writes wherever they are (Server listening on,
  Received signal, Received SIGHUP, MaxStartups throttling and drops, startup errors), get the listener's PID.
  A real sshd 9.2 logs a connection's pre-authentication lines with its monitor's PID and the post-authentication
  session lines with the user child's PID (the one in "User child is on pid N"); one PID per connection is a
  simplification.
- program: the listener's lines are --program's (sshd). A connection's lines are --session-program's, which is
  sshd too unless it is given: since OpenSSH 9.8 the per-connection process is sshd-session (and it also logs what
  10.x's sshd-auth sends it, with "[preauth]"), so run.sh gives --session-program sshd-session for the one scenario
  whose sshd is 9.8+ (login-grace-timeout). Since 9.8 the listener logs the grace timeout itself
  ("Timeout before authentication for A, pid = N") and the penalty it gives the address
  ("srclimit_penalise: ..."), so those lines are the listener's.
  The listener's timeout line names the connection's real PID (pid = N): that connection (the latest from the same
  address before the line) gets N instead of a synthetic PID, as in a real journal, where its sshd-session has it.
Python 3 standard library only.
"""
import argparse
import datetime
import os
import re

BASE = datetime.datetime(2026, 12, 2, 7, 18, 0, tzinfo=datetime.timezone.utc)
LISTENER_PID = 1000
FIRST_CONNECTION_PID = 2001

CONNECTION = re.compile(r"^Connection from \S+ port \d+ on \S+ port \d+")
LISTENER = re.compile(
    r"^(Server listening on |Received signal \d+; terminating\.|Received SIGHUP; restarting\.|"
    r"beginning MaxStartups throttling|exited MaxStartups throttling|drop connection #\d+ from .* past MaxStartups|"
    r"sshd: no hostkeys available|Unable to load host key|.*: terminating, \d+ bad configuration options|"
    r".*: line \d+: Bad configuration option|error: Bind to port |Cannot bind any address|"
    r"Timeout before authentication for .*, pid = \d+|srclimit_penalise: )"
)
CONNECTION_FROM = re.compile(r"^Connection from (\S+) port \d+ on ")
GRACE_TIMEOUT = re.compile(r"^Timeout before authentication for (?:connection from )?(\S+?)(?: to \S+)?, pid = (\d+)")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

FORMATS = {
    "server.journal.log": lambda t, us: f"{MONTHS[t.month - 1]} {t.day:02d} {t:%H:%M:%S}",
    "server.journal-iso.log": lambda t, us: f"{t:%Y-%m-%dT%H:%M:%S}+0000",
    "server.auth.log": lambda t, us: f"{t:%Y-%m-%dT%H:%M:%S}.{us:06d}+00:00",
    "server.secure.log": lambda t, us: f"{MONTHS[t.month - 1]} {t.day:2d} {t:%H:%M:%S}",
}


def named_pids(lines):
    """{connection number: PID} for the connections whose PID a 9.8+ listener names: "Timeout before authentication
    for connection from A to B, pid = N" is the latest connection from A before it (no other is named)."""
    named, connections = {}, []
    for message in lines:
        m = CONNECTION_FROM.match(message)
        if m:
            connections.append(m.group(1))
            continue
        m = GRACE_TIMEOUT.match(message)
        if m:
            for i in range(len(connections) - 1, -1, -1):
                if connections[i] == m.group(1) and i not in named:
                    named[i] = int(m.group(2))
                    break
    return named


def stamped(lines, program="sshd", session_program="sshd"):
    """(time, microseconds, program, pid, message) for each line of an sshd -E log."""
    named = named_pids(lines)
    pid, next_pid, connection = LISTENER_PID, FIRST_CONNECTION_PID, -1
    for n, message in enumerate(lines):
        if CONNECTION.match(message):
            connection += 1
            if connection in named:
                pid = named[connection]
            else:
                pid, next_pid = next_pid, next_pid + 1
        line_pid = LISTENER_PID if LISTENER.match(message) else pid
        line_program = program if line_pid == LISTENER_PID else session_program
        yield BASE + datetime.timedelta(seconds=n), (n * 4217) % 1000000, line_program, line_pid, message


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("server_log")
    ap.add_argument("--program", default="sshd")
    ap.add_argument("--session-program", default=None, help="a connection's program (default: --program)")
    ap.add_argument("--host", default="lab")
    args = ap.parse_args()
    with open(args.server_log, encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows = list(stamped(lines, args.program, args.session_program or args.program))
    out_dir = os.path.dirname(os.path.abspath(args.server_log))
    for name, stamp in FORMATS.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
            for t, us, program, pid, message in rows:
                f.write(f"{stamp(t, us)} {args.host} {program}[{pid}]: {message}\n")


if __name__ == "__main__":
    main()
