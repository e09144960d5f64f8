#!/usr/bin/python3
"""A legacy-style SSH server for the LogLens lab, built on paramiko.

usage: legacysrv.py HOST PORT HOSTKEY LOGFILE

It behaves like an old server that predates RFC 8308/8332: it sends no
SSH2_MSG_EXT_INFO (so no server-sig-algs) and does not accept the
rsa-sha2-256/512 signature algorithms, only ssh-rsa. It allows the publickey
method only and accepts no key. A current OpenSSH client (ssh-rsa off by
default since 8.8) holding only an RSA key then has no signature algorithm
in common with it: "send_pubkey_test: no mutual signature algorithm".
"""
import logging
import socket
import sys
import threading

import paramiko


class Server(paramiko.ServerInterface):
    def get_allowed_auths(self, username):
        return "publickey"

    def check_auth_publickey(self, username, key):
        logging.getLogger("legacysrv").info(
            "publickey for %s: %s %s (refused)", username,
            key.get_name(), key.get_fingerprint().hex())
        return paramiko.AUTH_FAILED

    def check_auth_none(self, username):
        return paramiko.AUTH_FAILED


def serve(conn, hostkey):
    t = paramiko.Transport(conn)
    t.server_sig_algs = False  # no EXT_INFO, like servers before OpenSSH 7.2
    t.disabled_algorithms = {"pubkeys": ["rsa-sha2-512", "rsa-sha2-256"]}
    t.add_server_key(hostkey)
    try:
        t.start_server(server=Server())
        chan = t.accept(20)
        if chan is not None:
            chan.close()
    except Exception as e:  # noqa: BLE001 - log and go on serving
        logging.getLogger("legacysrv").info("session ended: %r", e)
    finally:
        t.close()


def main():
    host, port, keyfile, logfile = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    logging.basicConfig(filename=logfile, level=logging.DEBUG,
                        format="%(levelname)s %(name)s: %(message)s")
    hostkey = paramiko.Ed25519Key(filename=keyfile)
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port))
    srv.listen(4)
    logging.getLogger("legacysrv").info("listening on %s port %d", host, port)
    while True:
        conn, peer = srv.accept()
        logging.getLogger("legacysrv").info("connection from %s port %d", *peer)
        threading.Thread(target=serve, args=(conn, hostkey), daemon=True).start()


if __name__ == "__main__":
    main()
