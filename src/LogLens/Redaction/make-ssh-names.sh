#!/usr/bin/env bash
# Makes ssh-names.txt: the words of ssh's own vocabulary, which redaction never rewrites.
#   bash src/LogLens/Redaction/make-ssh-names.sh ../shared/openssh > src/LogLens/Redaction/ssh-names.txt
# Sources: the algorithm names an OpenSSH client knows (ssh -Q), older and newer ones it may print (listed below),
# its option names (ssh -G), and every function name and literal word of the client and server message catalog
# (CATALOG/*-messages.alltags.tsv: level, prefix_func, func, file, format, tags).
set -euo pipefail
catalog=${1:?usage: make-ssh-names.sh CATALOG_DIR}
{
    for q in cipher cipher-auth mac kex key key-cert key-sig sig compression; do ssh -Q "$q"; done
    # Removed before, or added after, the OpenSSH that made this list; and other implementations' common names.
    cat <<'NAMES'
arcfour
arcfour128
arcfour256
blowfish-cbc
cast128-cbc
des-cbc
rijndael-cbc@lysator.liu.se
aes128-cbc
aes192-cbc
aes256-cbc
3des-ctr
twofish-cbc
twofish128-cbc
twofish256-cbc
hmac-ripemd160
hmac-ripemd160@openssh.com
hmac-ripemd160-etm@openssh.com
hmac-sha2-256-96
hmac-sha2-512-96
hmac-sha256
hmac-sha512
hmac-sha256@ssh.com
hmac-sha512@ssh.com
diffie-hellman-group15-sha512
diffie-hellman-group14-sha256@ssh.com
diffie-hellman-group15-sha256@ssh.com
diffie-hellman-group16-sha512@ssh.com
diffie-hellman-group18-sha512@ssh.com
ecdh-sha2-1.3.132.0.10
mlkem768x25519-sha256
mlkem768nistp256-sha256
mlkem1024nistp384-sha384
sntrup761x25519-sha512
sntrup761x25519-sha512@openssh.com
curve448-sha512
kex-strict-c-v00@openssh.com
kex-strict-s-v00@openssh.com
ext-info-c
ext-info-s
ext-info-in-auth@openssh.com
ping@openssh.com
publickey-hostbound-v00@openssh.com
server-sig-algs
ssh-rsa-cert-v00@openssh.com
ssh-dss-cert-v00@openssh.com
ssh-ed448
ssh-ed448-cert-v01@openssh.com
x509v3-sign-rsa
x509v3-sign-dss
x509v3-ssh-rsa
x509v3-rsa2048-sha256
x509v3-ecdsa-sha2-nistp256
x509v3-ecdsa-sha2-nistp384
x509v3-ecdsa-sha2-nistp521
rsa-sha2-256
rsa-sha2-512
ssh-ed25519
ecdsa-sha2-nistp256
ecdsa-sha2-nistp384
ecdsa-sha2-nistp521
zlib@openssh.com
gss-gex-sha1-
gss-group1-sha1-
gss-group14-sha1-
gss-group14-sha256-
gss-group16-sha512-
gss-nistp256-sha256-
gss-curve25519-sha256-
NAMES
    ssh -G localhost | awk '{print $1}'
    python3 - "$catalog" <<'PY'
import re, sys
names = set()
for kind in ("client", "server"):
    with open(f"{sys.argv[1]}/{kind}-messages.alltags.tsv", encoding="utf-8") as f:
        for line in f.read().split("\n")[1:]:
            cols = line.split("\t")
            if len(cols) < 5:
                continue
            names.update(c for c in (cols[1], cols[2]) if c)
            text = re.sub(r"%[-#0-9.*lhjzt]*[a-zA-Z]", " ", cols[4]).replace("\\n", " ")
            names.update(w.strip(".") for w in re.findall(r"[A-Za-z][A-Za-z0-9_.@+-]*[A-Za-z0-9]", text))
print("\n".join(sorted(n for n in names if len(n) > 1)))
PY
} | LC_ALL=C sort -u
