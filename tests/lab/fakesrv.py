#!/usr/bin/python3
"""Tiny fake TCP servers for the LogLens lab (run.sh starts and kills them).

usage: fakesrv.py MODE HOST PORT LOGFILE [CERT KEY]

MODE
  reset   accept, read the client's banner, then reset (SO_LINGER 0)
  close   accept, read the client's banner, then close cleanly (FIN)
  silent  accept and never send anything (the client's banner timeout fires)
  http    a minimal HTTP/1.1 server: answers whatever arrives with 400 Bad Request
  tls     a TLS server (python ssl): tries a TLS handshake on the connection
  mysql   greets first with a MySQL-style binary handshake packet, then closes
  ssh1    greets with an SSH protocol 1.5 banner, like very old servers
Each mode serves connections one after the other until killed.
"""
import socket
import ssl
import struct
import sys
import time


def log(fh, msg):
    fh.write("%s fakesrv: %s\n" % (time.strftime("%H:%M:%S"), msg))
    fh.flush()


def main():
    mode, host, port, logfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    fam = socket.AF_INET6 if ":" in host else socket.AF_INET
    srv = socket.socket(fam, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port))
    srv.listen(8)
    ctx = None
    if mode == "tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[5], sys.argv[6])
    with open(logfile, "a") as fh:
        log(fh, "mode %s listening on %s port %d" % (mode, host, port))
        while True:
            conn, peer = srv.accept()
            log(fh, "accepted connection from %s port %d" % (peer[0], peer[1]))
            try:
                serve(mode, conn, ctx, fh)
            except Exception as e:  # keep serving
                log(fh, "error: %r" % (e,))
                try:
                    conn.close()
                except OSError:
                    pass


def read_some(conn, fh, wait=2.0):
    conn.settimeout(wait)
    try:
        data = conn.recv(4096)
    except socket.timeout:
        data = b""
    log(fh, "received %d bytes: %r" % (len(data), data[:80]))
    return data


def serve(mode, conn, ctx, fh):
    if mode == "reset":
        read_some(conn, fh)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
        log(fh, "connection reset (SO_LINGER 0)")
    elif mode == "close":
        read_some(conn, fh)
        conn.shutdown(socket.SHUT_RDWR)
        conn.close()
        log(fh, "connection closed")
    elif mode == "silent":
        conn.settimeout(30)
        try:
            while conn.recv(4096):
                pass
        except (socket.timeout, OSError):
            pass
        conn.close()
        log(fh, "connection ended")
    elif mode == "http":
        read_some(conn, fh)
        body = b"<html><body><h1>400 Bad Request</h1></body></html>\r\n"
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nServer: lab-http\r\n"
                     b"Content-Type: text/html\r\nContent-Length: %d\r\n"
                     b"Connection: close\r\n\r\n%s" % (len(body), body))
        conn.shutdown(socket.SHUT_RDWR)
        conn.close()
        log(fh, "sent HTTP 400 and closed")
    elif mode == "tls":
        try:
            tconn = ctx.wrap_socket(conn, server_side=True)
            tconn.close()
        except ssl.SSLError as e:
            log(fh, "TLS handshake failed: %s" % (e,))
            conn.close()
    elif mode == "mysql":
        payload = (b"\x0a" + b"8.0.36\x00" + struct.pack("<I", 8) + b"abcdefgh\x00"
                   + b"\xff\xff\xff\x02\x00\xff\xdf\x15" + b"\x00" * 10
                   + b"ijklmnopqrst\x00" + b"caching_sha2_password\x00")
        conn.sendall(struct.pack("<I", len(payload))[:3] + b"\x00" + payload)
        log(fh, "sent a MySQL-style greeting")
        read_some(conn, fh)
        conn.close()
        log(fh, "connection closed")
    elif mode == "ssh1":
        conn.sendall(b"SSH-1.5-OpenSSH_3.9p1\r\n")
        log(fh, "sent an SSH-1.5 banner")
        read_some(conn, fh)
        conn.close()
        log(fh, "connection closed")
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
