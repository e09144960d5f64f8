#!/usr/bin/env python3
"""Fix proof for one lab scenario (run by run.sh --prove-fixes while the scenario's servers still run).

  provefix.py --dir SD --loglens DLL [--sshd-pid PID --sshd-config CFG] [--reason TEXT]

Runs loglens on SD/client.log, takes the root-cause finding's fixes in order and applies them as the
scenario's own client would (the same namespace, user, HOME and environment as command.txt), until one makes
ssh work or five were applied. Check-only commands (ones that only print) are listed but not run. Server-side
commands run against the lab's own users; an sshd_config line goes into the scenario's own sshd_config, then
that sshd (by its PID) is reloaded. Commands that act on the system's ssh service are never run.
After each applied fix ssh runs again: the fix itself when it is an ssh command (with the lab's standing options,
which stand in for the user's own config, added after the fix's own so the fix's values win), else command.txt.
It works when ssh exits 0 and loglens does not call the new log a failure.

An ssh command aimed at a port the lab does not run (e.g. 22, the machine's own sshd) is not run.

Prints one TSV row: scenario finding fix where command works after first_working reason, where "after" is the
root cause loglens finds in ssh's log after the first fix.
Writes the transcript to SD/fix-proof.log.
"""
import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

MAX_APPLIED = 5

# First words of commands that only print. A redirection into a file or one of the writing options makes it a fix.
CHECK_WORDS = {
    "ls", "cat", "getent", "nslookup", "dig", "host", "ping", "nc", "ss", "lsof", "journalctl", "tail", "head", "od",
    "grep", "traceroute", "uptime", "df", "chage", "passwd", "faillock", "fail2ban-client", "firewall-cmd",
    "iptables", "sshd", "ssh-keyscan", "echo", "id", "true",
}
CHECK_SUBCOMMANDS = {
    # word: the arguments that keep it check-only (any of them present)
    "chage": ["-l"], "passwd": ["-S"], "iptables": ["-L", "-S"], "firewall-cmd": ["--list-all"],
    "fail2ban-client": ["status"], "sshd": ["-T", "-t"], "faillock": ["--user"],
}


def words(segment):
    try:
        w = shlex.split(segment)
    except ValueError:
        w = segment.split()
    while w and w[0] == "sudo":
        w = w[1:]
    return w


OPERATORS = {"&&", "||", ";", "|", "&"}


def segments(command):
    """The simple commands of a command line, split on shell operators outside quotes."""
    lex = shlex.shlex(command, posix=True, punctuation_chars=";&|")
    lex.whitespace_split = True
    out, cur = [], []
    try:
        for tok in lex:
            if tok in OPERATORS:
                out.append(cur)
                cur = []
            else:
                cur.append(tok)
    except ValueError:
        return [command.split()]
    out.append(cur)
    return [w for w in out if w]


def is_check(command):
    """True when every part of the command only prints."""
    if re.search(r"(^|[^0-9&])>{1,2}\s*(?!/dev/null|&)", command):
        return False
    for w in segments(command):
        while w and w[0] == "sudo":
            w = w[1:]
        if not w:
            continue
        first = w[0]
        if first == "ip":
            if len(w) > 1 and w[1] in ("route", "r", "addr", "a", "link") and not any(x in w for x in ("add", "del", "set", "replace")):
                continue
            return False
        if first == "systemctl":
            if len(w) > 1 and w[1] == "status":
                continue
            return False
        if first == "ssh-keygen":
            if any(x in w for x in ("-L", "-l", "-lf", "-F", "-y")) and not any(x in w for x in ("-R", "-p", "-t")):
                continue
            return False
        if first == "ssh-add":
            if any(x in w for x in ("-l", "-L")) and not any(x in w for x in ("-d", "-D")) and len([x for x in w[1:] if not x.startswith("-")]) == 0:
                continue
            return False
        if first == "ssh":
            if "-G" in w:
                continue
            return False
        if first not in CHECK_WORDS:
            return False
        if first in CHECK_SUBCOMMANDS and not any(x in w for x in CHECK_SUBCOMMANDS[first]):
            return False
        if first == "faillock" and "--reset" in w:
            return False
    return True


def is_ssh(command):
    w = words(command)
    return bool(w) and w[0] == "ssh" and len(segments(command)) == 1


SSH_ARG_OPTS = set("BbcDEeFIiJLlmOoPpQRSWw")


def destination_index(args):
    """Index of the destination in ssh's arguments (after 'ssh'), or len(args)."""
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            return i + 1
        if a.startswith("-") and len(a) > 1:
            # a cluster like -vvv or -p42; an option with an argument takes the rest or the next word
            for j, ch in enumerate(a[1:], start=1):
                if ch in SSH_ARG_OPTS:
                    if j == len(a) - 1:
                        i += 1
                    break
            i += 1
            continue
        return i
    return i


def parse_command_txt(text):
    """Split command.txt into (prefix up to and including env's assignments, timeout seconds, ssh args)."""
    w = shlex.split(text)
    t = w.index("timeout")
    return w[:t], w[t + 1], w[t + 3:]


def standing_options(ssh_args):
    """The options the lab adds to every client (stand-ins for the user's own config) and the verbosity."""
    out, i = [], 0
    while i < len(ssh_args):
        a = ssh_args[i]
        if re.fullmatch(r"-v+", a):
            out.append(a)
        elif a == "-F":
            out += [a, ssh_args[i + 1]]
        elif a == "-o" and re.match(r"(BatchMode|ConnectTimeout|UserKnownHostsFile)=", ssh_args[i + 1]):
            out += [a, ssh_args[i + 1]]
        if a in ("-F", "-o", "-i", "-p", "-c", "-m", "-J", "-L", "-R", "-l"):
            i += 2
        else:
            i += 1
    return out


class Proof:
    def __init__(self, a):
        self.a = a
        self.sd = a.dir
        self.scenario = os.path.basename(os.path.normpath(a.dir))
        self.log = open(os.path.join(self.sd, "fix-proof.log"), "w")
        with open(os.path.join(self.sd, "command.txt")) as f:
            self.command_txt = f.read().strip()
        self.prefix, self.timeout, self.ssh_args = parse_command_txt(self.command_txt)
        self.n = 0

    def say(self, text):
        self.log.write(text.rstrip("\n") + "\n")
        self.log.flush()

    def loglens(self, path):
        r = subprocess.run(["dotnet", self.a.loglens, "--format", "json", path], capture_output=True, text=True, timeout=120)
        try:
            return json.loads(r.stdout)
        except json.JSONDecodeError:
            self.say(f"loglens gave no JSON (exit {r.returncode}): {r.stderr.strip()[:300]}")
            return None

    def client_env_prefix(self, as_root=False):
        """The command.txt prefix (namespace, setpriv, env -i VARS); without setpriv for root."""
        p = list(self.prefix)
        if as_root and "setpriv" in p:
            s = p.index("setpriv")
            e = p.index("env")
            p = p[:s] + p[e:]
        return p

    def run(self, argv, label):
        self.say(f"$ {shlex.join(argv)}")
        try:
            r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=int(self.timeout) + 15)
            out, rc = r.stdout + r.stderr, r.returncode
        except subprocess.TimeoutExpired as e:
            out, rc = ((e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")), 124
        self.say(f"[{label}: exit {rc}]")
        return rc, out

    def rerun_ok(self, rc, out, tag):
        path = os.path.join(self.sd, f"fix-proof-{tag}.log")
        with open(path, "w") as f:
            f.write(out)
        rep = self.loglens(path) if out.strip() else None
        outcome = rep.get("outcome") if rep else None
        slug = rep["findings"][0]["slug"] if rep and rep.get("findings") else None
        self.say(f"[ssh again: exit {rc}, loglens outcome {outcome}, root cause {slug}; log in {os.path.basename(path)}]")
        os.remove(path)  # keep the transcript only: the logs hold fresh fingerprints and ports
        fixrc = [l for l in out.splitlines() if l.startswith("[fix: exit")]
        self.say("    " + (fixrc[0] + "\n    " if fixrc else "") + "| " + "\n    | ".join(out.rstrip("\n").splitlines()[-8:]))
        return rc == 0 and outcome != "failed", slug

    def reload_sshd(self, line):
        cfg = self.a.sshd_config
        with open(cfg) as f:
            lines = f.read().splitlines()
        lines.insert(1, line)  # first value wins in sshd_config: the fix's line goes before the scenario's own
        with open(cfg, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.say(f"+ inserted {line!r} at line 2 of {cfg}")
        t = subprocess.run(["/usr/sbin/sshd", "-t", "-f", cfg], capture_output=True, text=True)
        if t.returncode != 0:
            self.say(f"sshd -t: {t.stderr.strip()}")
            return False
        os.kill(self.a.sshd_pid, signal.SIGHUP)
        self.say(f"+ kill -HUP {self.a.sshd_pid}")
        time.sleep(1.0)
        return True

    def prove(self):
        self.say(f"# fix proof: {self.scenario}")
        rep = self.loglens(os.path.join(self.sd, "client.log"))
        if not rep or not rep.get("findings"):
            return self.row("-", "-", "-", "-", "-", "-", "-", "no finding")
        f = rep["findings"][0]
        slug = f["slug"]
        self.say(f"root cause: {f['id']} {slug}")
        if slug == "success":
            return self.row(slug, "-", "-", "-", "-", "-", "-", "nothing to fix")
        target_user = (rep.get("target") or {}).get("user")
        first = None          # (index, where, command, works)
        first_working = "-"
        skipped = []
        applied = 0
        for i, fx in enumerate(f.get("fixes", [])):
            cmd, where = fx.get("command"), fx["where"]
            head = f"fix {i} [{where}{', placeholder' if fx['placeholder'] else ''}] {fx['description']}"
            self.say("\n" + head)
            if not cmd:
                self.say("  skipped: prose only, no command")
                skipped.append(f"{i}: prose only")
                continue
            self.say(f"  command: {cmd}" + (f"  (file {fx['file']})" if fx.get("file") else ""))
            if fx["placeholder"]:
                self.say("  skipped: holds a placeholder the lab does not fill")
                skipped.append(f"{i}: placeholder")
                continue
            if where == "config":
                if not (self.a.sshd_config and self.a.sshd_pid):
                    self.say("  skipped: the scenario has no lab sshd to put the line into")
                    skipped.append(f"{i}: config line, no lab sshd")
                    continue
            elif is_check(cmd):
                self.say("  check only: not run, does not count as the fix")
                continue
            elif re.search(r"\bsystemctl\b|\bservice\b", cmd):
                self.say("  skipped: acts on the system's ssh service, which the lab never touches")
                skipped.append(f"{i}: system service")
                continue
            elif re.search(r"\brestorecon\b", cmd):
                self.say("  skipped: SELinux labels (no SELinux in the lab)")
                skipped.append(f"{i}: SELinux")
                continue
            applied += 1
            ok, new_slug = self.apply(i, fx, target_user)
            if ok is None:
                applied -= 1
                skipped.append(f"{i}: cannot run here")
                continue
            if first is None:
                first = (i, where, cmd, ok, new_slug)
            if ok:
                first_working = str(i)
                break
            if applied >= MAX_APPLIED:
                break
        if first is None:
            return self.row(slug, "-", "-", "-", "n/a", "-", "-", self.a.reason or ("no fix the lab can apply (" + "; ".join(skipped) + ")"))
        i, where, cmd, ok, new_slug = first
        reason = "" if ok else (self.a.reason or f"after it ssh still fails ({new_slug})")
        return self.row(slug, str(i), where, cmd, "yes" if ok else "no", new_slug or "-", first_working, reason)

    def apply(self, i, fx, target_user):
        cmd, where = fx["command"], fx["where"]
        tag = f"fix{i}"
        if where == "config":
            if not self.reload_sshd(cmd):
                return None, None
            rc, out = self.run(self.client_env_prefix() + ["timeout", self.timeout, "ssh"] + self.ssh_args, "ssh again (command.txt)")
            return self.rerun_ok(rc, out, tag)
        if where == "server":
            # On the lab's own server: as root for sudo, else as the target user in their home.
            if "sudo" in cmd:
                argv = ["bash", "-c", "sudo() { \"$@\"; }\n" + cmd]
            else:
                if not target_user or subprocess.run(["id", "-u", target_user], capture_output=True).returncode != 0:
                    self.say(f"  skipped: the server user {target_user!r} does not exist")
                    return None, None
                home = os.path.expanduser(f"~{target_user}")
                argv = ["setpriv", f"--reuid={target_user}", f"--regid={target_user}", "--init-groups",
                        "env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", f"USER={target_user}", "bash", "-c", cmd]
            rc, _ = self.run(argv, "server fix")
            rc, out = self.run(self.client_env_prefix() + ["timeout", self.timeout, "ssh"] + self.ssh_args, "ssh again (command.txt)")
            return self.rerun_ok(rc, out, tag)
        # client
        if is_ssh(cmd):
            args = words(cmd)[1:]
            port = next((args[k + 1] for k, x in enumerate(args[:-1]) if x == "-p"), "22")
            dest = args[destination_index(args)] if destination_index(args) < len(args) else ""
            lab_port = port == "8443" or (port.isdigit() and 42200 <= int(port) <= 42299)
            if not (lab_port or "10.200.77." in dest):
                self.say(f"  skipped: port {port} is not one of the lab's (the machine's own sshd is left alone)")
                return None, None
            d = destination_index(args)
            args = args[:d] + standing_options(self.ssh_args) + args[d:]
            rc, out = self.run(self.client_env_prefix() + ["timeout", self.timeout, "ssh"] + args, "the fix's ssh")
            return self.rerun_ok(rc, out, tag)
        if "sudo" in cmd:
            # the client user's admin rights: as root, with the client's HOME and USER
            rc, _ = self.run(self.client_env_prefix(as_root=True) + ["bash", "-c", "sudo() { \"$@\"; }\n" + cmd], "client fix (as root for sudo)")
            rc, out = self.run(self.client_env_prefix() + ["timeout", self.timeout, "ssh"] + self.ssh_args, "ssh again (command.txt)")
            return self.rerun_ok(rc, out, tag)
        # the fix and ssh in one shell of the client user, so what the fix exports or evals reaches ssh
        script = (cmd + "\nrc=$?; echo \"[fix: exit $rc]\" >&2\n"
                  + shlex.join(["timeout", self.timeout, "ssh"] + self.ssh_args) + "\nrc=$?\n"
                  + "[ -n \"${SSH_AGENT_PID:-}\" ] && kill \"$SSH_AGENT_PID\" 2>/dev/null  # an agent the fix started\n"
                  + "exit $rc\n")
        rc, out = self.run(self.client_env_prefix() + ["bash", "-c", script], "client fix, then command.txt's ssh in the same shell")
        return self.rerun_ok(rc, out, tag)

    def row(self, *cols):
        cols = [self.scenario] + [str(c).replace("\t", " ").replace("\n", " ") for c in cols]
        self.say("\nresult: " + " | ".join(cols))
        return "\t".join(cols)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--loglens", required=True)
    p.add_argument("--sshd-pid", type=int, default=0)
    p.add_argument("--sshd-config", default="")
    p.add_argument("--reason", default="")
    a = p.parse_args()
    print(Proof(a).prove())


if __name__ == "__main__":
    sys.exit(main())
