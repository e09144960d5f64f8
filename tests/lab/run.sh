#!/bin/bash
# LogLens lab: make the real OpenSSH client fail in known ways and keep its logs.
#
#   sudo bash tests/lab/run.sh [--out DIR] [--only NAME[,NAME...]] [--list] [--prove-fixes [--loglens DLL]]
#
# Runs as root on Debian 12. Installs what it needs with apt-get, creates
# throwaway users (llab*), keys and sshd/dropbear/fake servers on 127.0.0.1,
# ::1 and in network namespaces of its own (llab-*), runs `ssh -v...` for each
# scenario and writes DIR/<scenario>/{client.log,server.log,command.txt} and
# DIR/manifest.tsv. Never touches the system sshd, its config or ~/.ssh.
# --prove-fixes: after each scenario's ssh, while its servers still run, apply
# the fixes LogLens gives for the log (provefix.py) and write DIR/fix-proof.tsv.
# See tests/lab/README.md and docs/lab-fixes.md.
set -u
set -o pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$LAB_DIR/../.." && pwd)
OUT=$REPO/tests/fixtures/lab
ONLY=""
LIST=0
PROVE=0
LOGLENS_DLL=""

while [ $# -gt 0 ]; do
    case $1 in
        --out) OUT=$2; shift 2 ;;
        --out=*) OUT=${1#--out=}; shift ;;
        --only) ONLY=$2; shift 2 ;;
        --only=*) ONLY=${1#--only=}; shift ;;
        --list) LIST=1; shift ;;
        --prove-fixes) PROVE=1; shift ;;
        --loglens) LOGLENS_DLL=$2; shift 2 ;;
        --loglens=*) LOGLENS_DLL=${1#--loglens=}; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------------------
# Scenario table: name, expected finding slug (findings[0]), verbosity, the server-side finding slug that the
# scenario's server.log proves (server-findings.tsv; "-" when the server log cannot tell or there is no sshd), and
# optionally other findings that must follow the first (comma-separated). Ports are fixed per
# scenario inside each function so a re-run gives the same logs.
SCENARIOS="
account-expired                 account-expired                 vvv     account-expired
agent-confirm                   agent-refused                   vvv     key-accepted-not-signed
banner-timeout                  banner-timeout                  vvv     -
cert-expired                    certificate-invalid             vvv     certificate-invalid
cert-wrong-principal            certificate-invalid             vvv     certificate-invalid
chroot-bad-owner                auth-succeeded-then-closed      vvv     chroot-permissions
cipher-mismatch                 cipher-mismatch                 vvv     cipher-mismatch
config-bad-perms                config-permissions              vvv     -
config-error                    config-error                    vvv     -
dns-failure                     dns-resolution                  vvv     -
dropbear-success                success                         vvv     -
forcecommand-exit               auth-succeeded-then-closed      vvv     forced-command
forward-permitopen-denied       forwarding-refused              vvv     forwarding-refused
forward-target-refused          forward-target-refused          vvv     forward-target-refused
hostkey-changed                 host-key-changed                vvv     -
hostkey-changed-v1              host-key-changed                v       -
hostkey-load-failed             connection-refused              vvv     host-key-load-failed
hostkey-type-mismatch           hostkey-algorithm-mismatch      vvv     hostkey-algorithm-mismatch
hostkey-unknown-batch           host-key-unknown                vvv     -
hostkey-unknown-quiet           host-key-verification-failed    none    -
hostkey-unknown-strict          host-key-unknown                vvv     -
ident-closed                    exchange-identification-closed  vvv     -
ident-reset                     exchange-identification-reset   vvv     -
kex-mismatch                    kex-algorithm-mismatch          vvv     kex-algorithm-mismatch
kex-mismatch-v1                 kex-algorithm-mismatch          v       kex-algorithm-mismatch
kex-stalled                     kex-stalled                     vvv     -
key-allowgroups                 key-rejected                    vvv     user-not-allowed
key-damaged                     key-invalid-format              vvv     -
key-denyusers                   key-rejected                    vvv     user-not-allowed
key-encrypted-batch             encrypted-key-no-passphrase     vvv     key-accepted-not-signed
key-not-authorized              key-rejected                    vvv     key-not-authorized
key-not-authorized-v1           key-rejected                    v       key-not-authorized
key-strictmodes                 key-rejected                    vvv     authorized-keys-permissions
key-too-open                    key-permissions-too-open        vvv     key-accepted-not-signed
key-type-disabled               key-type-disabled               vvv     -
local-forward-bound             forward-bind-failed             vvv     -
login-grace-timeout             -                               vvv     login-grace-timeout
mac-mismatch                    mac-mismatch                    vvv     mac-mismatch
maxstartups                     exchange-identification-closed  vvv     max-startups
maxstartups-reset               exchange-identification-reset   vvv     max-startups
missing-identity                missing-identity-file           vvv     key-not-authorized
missing-identity-config         missing-identity-file           vvv     -
net-unreachable                 no-route                        vvv     -
no-mutual-sig                   no-mutual-signature-algorithm   vvv     -
no-route                        no-route                        vvv     -
nologin-shell                   auth-succeeded-then-closed      vvv     success
not-ssh-binary                  not-ssh-server                  vvv     -
not-ssh-http                    not-ssh-server                  vvv     -
not-ssh-tls                     not-ssh-server                  vvv     -
password-expired                account-expired                 vvv     success
password-invalid-user           password-rejected               vvv     invalid-user
password-only-batch             password-only                   vvv     -
password-wrong                  password-rejected               vvv     password-rejected
password-wrong-retry            password-rejected               vvv     password-rejected
protocol-ssh1                   not-ssh-server                  vvv     -
proxyjump-hop-refused           proxy-failure                   vvv     -
proxyjump-target-refused        proxy-failure                   vvv     forward-target-refused
pubkey-algo-refused             key-rejected                    vvv     pubkey-algorithm-refused
refused-ipv4                    connection-refused              vvv     -
refused-ipv6                    connection-refused              vvv     -
refused-v1                      connection-refused              v       -
remote-forward-refused          forwarding-refused              vvv     -
root-login-refused              key-rejected                    vvv     root-login-refused
shell-missing                   key-rejected                    vvv     shell-missing
slow-reverse-dns                success                         vvv     success                         slow-step
sshd-config-error               connection-refused              vvv     sshd-config-error
sshd-listen-failed              connection-refused              vvv     sshd-config-error
success-agent                   success                         vvv     success
success-key                     success                         vvv     success
success-v1                      success                         v       success
success-vv                      success                         vv      success
timeout                         connection-timeout              vvv     -
too-many-auth                   too-many-auth-failures          vvv     too-many-auth-failures
unknown-user                    key-rejected                    vvv     invalid-user
"

if [ "$LIST" = 1 ]; then
    echo "$SCENARIOS" | awk 'NF { print $1 "\t" $2 "\t" $3 "\t" $4 }'
    exit 0
fi

die() { echo "run.sh: $*" >&2; exit 1; }
note() { printf '[lab %s] %s\n' "$(date +%T)" "$*" >&2; }

[ "$(id -u)" = 0 ] || die "must run as root (sudo bash $0)"

SELECTED=()
if [ -n "$ONLY" ]; then
    IFS=, read -r -a SELECTED <<<"$ONLY"
    for n in "${SELECTED[@]}"; do
        echo "$SCENARIOS" | awk -v n="$n" '$1 == n { f = 1 } END { exit !f }' \
            || die "unknown scenario: $n (see --list)"
    done
else
    read -r -a SELECTED <<<"$(echo "$SCENARIOS" | awk 'NF { printf "%s ", $1 }')"
fi
# run in sorted order
read -r -a SELECTED <<<"$(printf '%s\n' "${SELECTED[@]}" | sort -u | tr '\n' ' ')"

# ---------------------------------------------------------------------------
# Requirements
export DEBIAN_FRONTEND=noninteractive
PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
PY=/usr/bin/python3

install_requirements() {
    local -a pkgs=()
    [ -x /usr/sbin/sshd ] || pkgs+=(openssh-server)
    { [ -x /usr/bin/ssh ] && [ -x /usr/bin/ssh-keygen ] && [ -x /usr/bin/ssh-agent ]; } || pkgs+=(openssh-client)
    [ -x /usr/sbin/dropbear ] && [ -x /usr/bin/dropbearkey ] || pkgs+=(dropbear-bin)
    { [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || [ -x /bin/ip ]; } && command -v ss >/dev/null || pkgs+=(iproute2)
    [ -x /usr/sbin/iptables ] || pkgs+=(iptables)
    [ -x $PY ] || pkgs+=(python3)
    $PY -c 'import paramiko' 2>/dev/null || pkgs+=(python3-paramiko)
    command -v openssl >/dev/null || pkgs+=(openssl)
    { command -v useradd && command -v chage && command -v chpasswd; } >/dev/null || pkgs+=(passwd)
    command -v setpriv >/dev/null || pkgs+=(util-linux)
    command -v pkill >/dev/null || pkgs+=(procps)
    [ ${#pkgs[@]} -eq 0 ] && return 0
    note "installing: ${pkgs[*]}"
    local made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        # keep maintainer scripts from starting any service (the system sshd)
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    apt-get update -qq >/dev/null 2>&1 || note "apt-get update failed (going on)"
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/tmp/loglens-lab-apt.log 2>&1
    local rc=$?
    [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    [ $rc = 0 ] || { tail -20 /tmp/loglens-lab-apt.log >&2; die "apt-get install failed"; }
}
install_requirements

# ---------------------------------------------------------------------------
# Scratch dir, cleanup
S=/tmp/loglens-lab
CU=llabc                       # the local user that runs every ssh client
CHOME=$S/home/$CU
CHROOT=/run/loglens-lab-chroot   # chroot-bad-owner: outside /tmp, whose mode 1777 would fail the check first
PIDS=()
NETNS_MADE=()
NETNS_ETC=""
NETNS_PARENT_MADE=0

# The lab's ports (42200-42299) lie inside Linux's ephemeral range (32768-60999). A loopback ssh client that got one of
# them as its source port leaves a TIME_WAIT socket there for 60 s, and sshd's bind to that port then fails with
# "Address already in use" (SO_REUSEADDR does not help against a client's socket): the scenario's ssh would see
# "Connection refused". So the run reserves the range (the kernel then never hands it out as a source port) and puts the
# machine's setting back when it ends.
LAB_PORTS=42200-42299
RESERVED_FILE=/proc/sys/net/ipv4/ip_local_reserved_ports
RESERVED_BEFORE=""
RESERVED_SET=0
reserve_ports() {
    RESERVED_BEFORE=$(cat "$RESERVED_FILE") || die "cannot read $RESERVED_FILE"
    echo "${RESERVED_BEFORE:+$RESERVED_BEFORE,}$LAB_PORTS" >"$RESERVED_FILE" || die "cannot reserve ports $LAB_PORTS"
    RESERVED_SET=1
}

cleanup() {
    local p
    for p in "${PIDS[@]}"; do stop_pid "$p"; done
    [ "$RESERVED_SET" = 1 ] && echo "$RESERVED_BEFORE" >"$RESERVED_FILE"
    for p in "${NETNS_MADE[@]}"; do ip netns del "$p" 2>/dev/null; done
    [ -n "$NETNS_ETC" ] && rm -rf "$NETNS_ETC" /etc/netns/llab-s
    [ "$NETNS_PARENT_MADE" = 1 ] && rmdir /etc/netns 2>/dev/null
    rm -rf "$CHROOT"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

descendants() {  # all processes below PID (children, grandchildren, ...)
    local c
    for c in $(pgrep -P "$1" 2>/dev/null); do printf '%s ' "$c"; descendants "$c"; done
}
settle() {  # settle PID: give PID's children up to 2 s to end on their own
    # A connection's own process (sshd's per-connection child) still writes its last lines after the client left
    # ("Postponed publickey", "Connection closed by ..."): they belong to the scenario's server.log.
    local i
    for i in $(seq 40); do [ -n "$(pgrep -P "$1" 2>/dev/null)" ] || return 0; sleep 0.05; done
}
stop_pid() {  # stop one process we started, and the children it forked (e.g. sshd's per-connection ones)
    local p=$1 i c kids
    kill -0 "$p" 2>/dev/null || { wait "$p" 2>/dev/null; return 0; }
    settle "$p"
    kids=$(descendants "$p")
    kill -TERM "$p" $kids 2>/dev/null
    for i in $(seq 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null
    for c in $kids; do kill -0 "$c" 2>/dev/null && kill -KILL "$c" 2>/dev/null; done
    return 0
}

reserve_ports
mkdir -p /run/sshd && chmod 755 /run/sshd
rm -rf "$S"
mkdir -p "$S"/{home,keys,hostkeys,kh,srv,cfg,agent,bin,tls,ak}
chmod 755 "$S" "$S/home"

ensure_user() {  # ensure_user NAME SHELL
    local u=$1 sh=$2
    if ! id -u "$u" >/dev/null 2>&1; then
        useradd -M -d "$S/home/$u" -s "$sh" -U -c "LogLens lab" "$u" || die "useradd $u"
    else
        usermod -d "$S/home/$u" -s "$sh" "$u" >/dev/null 2>&1
    fi
    mkdir -p "$S/home/$u/.ssh"
    chown -R "$u:$u" "$S/home/$u"
    chmod 755 "$S/home/$u"
    chmod 700 "$S/home/$u/.ssh"
    chage -E -1 -d "$(date +%F)" -M 99999 "$u"
    usermod -p '*' "$u" >/dev/null 2>&1   # no password, but not "locked" for sshd
}
setup_users() {  # also run again after a fix proof, which may have changed an account
    ensure_user $CU /bin/bash
    ensure_user llab /bin/bash
    ensure_user llab2 /bin/bash      # password user
    ensure_user llab3 /bin/bash      # expired account
    ensure_user llab4 /usr/sbin/nologin
    ensure_user llab5 /bin/bash      # password must be changed
    ensure_user llabnosh /nonexistent/shell   # shell-missing: the login shell does not exist
    echo 'llab2:lab-secret-2' | chpasswd
    echo 'llab3:lab-secret-3' | chpasswd
    echo 'llab5:lab-secret-5' | chpasswd
    chage -E 0 llab3                 # account expired on 1970-01-01
    chage -d 0 llab5                 # password change forced
}
setup_users

asu() { setpriv --reuid=$CU --regid=$CU --init-groups env -i PATH=/usr/bin:/bin HOME=$CHOME USER=$CU LOGNAME=$CU "$@"; }

# ---------------------------------------------------------------------------
# Keys (all owned by the client user)
note "generating keys"
K=$S/keys
kg() { ssh-keygen -q -t "$1" -N "${3:-}" -C "$2" -f "$4" ${5:+-b $5} </dev/null >/dev/null || die "ssh-keygen $4"; }
kg ed25519 lab-main "" "$CHOME/.ssh/id_ed25519"
kg ed25519 lab-agent "" "$K/id_agent"
kg ed25519 lab-other "" "$K/id_other"
kg ed25519 lab-confirm "" "$K/id_confirm"
kg ed25519 lab-encrypted lab-passphrase "$K/id_encrypted"
kg rsa lab-rsa "" "$K/id_rsa" 2048
kg dsa lab-dsa "" "$K/id_dsa" 1024
for i in 1 2 3 4 5 6; do kg ed25519 "lab-many-$i" "" "$K/id_many$i"; done
kg ed25519 lab-cert "" "$K/id_cert"
kg ed25519 lab-cert-principal "" "$K/id_certp"
kg ed25519 lab-user-ca "" "$K/user_ca"
ssh-keygen -q -s "$K/user_ca" -I lab-cert-expired -n llab -V 20200101:20200201 "$K/id_cert.pub" || die "sign cert"
ssh-keygen -q -s "$K/user_ca" -I lab-cert-principal -n someone-else -V 20200101:20991231 "$K/id_certp.pub" || die "sign cert"
cp "$CHOME/.ssh/id_ed25519" "$K/id_open"; cp "$CHOME/.ssh/id_ed25519.pub" "$K/id_open.pub"
# damaged: the private key cut off in the middle of its base64 body
head -c 250 "$CHOME/.ssh/id_ed25519" >"$K/id_damaged"; echo >>"$K/id_damaged"
echo '-----END OPENSSH PRIVATE KEY-----' >>"$K/id_damaged"
chown -R $CU:$CU "$K" "$CHOME"
chmod 600 "$K"/* "$CHOME"/.ssh/id_*; chmod 644 "$K"/*.pub "$CHOME"/.ssh/*.pub
chmod 644 "$K/id_open"                              # too open, on purpose
chmod 755 "$K"

# host keys
ssh-keygen -q -t ed25519 -N '' -C lab-host -f "$S/hostkeys/ssh_host_ed25519_key" </dev/null
ssh-keygen -q -t ed25519 -N '' -C lab-host-other -f "$S/hostkeys/other_ed25519_key" </dev/null
dropbearkey -t ed25519 -f "$S/hostkeys/dropbear_ed25519_key" >/dev/null 2>&1 || die dropbearkey
HOSTPUB=$(cut -d' ' -f1,2 "$S/hostkeys/ssh_host_ed25519_key.pub")
OTHERPUB=$(cut -d' ' -f1,2 "$S/hostkeys/other_ed25519_key.pub")
DBPUB=$(dropbearkey -y -f "$S/hostkeys/dropbear_ed25519_key" 2>/dev/null | awk '/^ssh-/ { print $1, $2 }')

# authorized keys of the target user
cat "$CHOME/.ssh/id_ed25519.pub" "$K/id_agent.pub" "$K/id_confirm.pub" "$K/id_encrypted.pub" \
    "$K/id_rsa.pub" "$K/id_dsa.pub" >"$S/home/llab/.ssh/authorized_keys"
for u in llab3 llab4 llab5; do cp "$CHOME/.ssh/id_ed25519.pub" "$S/home/$u/.ssh/authorized_keys"; done
# same keys, but group and world writable (StrictModes refuses it)
cp "$S/home/llab/.ssh/authorized_keys" "$S/home/llab/.ssh/authorized_keys_loose"
for u in llab llab3 llab4 llab5; do chown -R $u:$u "$S/home/$u/.ssh"; chmod 600 "$S/home/$u/.ssh/authorized_keys"; done
chmod 666 "$S/home/llab/.ssh/authorized_keys_loose"
cp "$CHOME/.ssh/id_ed25519.pub" "$S/home/llabnosh/.ssh/authorized_keys"
chown -R llabnosh:llabnosh "$S/home/llabnosh/.ssh"; chmod 600 "$S/home/llabnosh/.ssh/authorized_keys"
# root-login-refused: root's key lives in the scratch dir (AuthorizedKeysFile $S/ak/%u), /root is never touched
cp "$CHOME/.ssh/id_ed25519.pub" "$S/ak/root"; chmod 600 "$S/ak/root"
# chroot-bad-owner: a chroot directory owned by the user (sshd wants root and no group/other write)
rm -rf "$CHROOT"; mkdir -p "$CHROOT"; chown llab:llab "$CHROOT"; chmod 755 "$CHROOT"

# askpass helpers (run by the client user)
printf '#!/bin/sh\necho wrong-password\n' >"$S/bin/askpass-wrong"
printf '#!/bin/sh\necho lab-secret-3\n' >"$S/bin/askpass-llab3"
chmod 755 "$S/bin"/*

chown -R $CU:$CU "$S/kh" "$S/cfg" "$S/agent"

# ---------------------------------------------------------------------------
# Helpers used by the scenarios

# quote a command line for command.txt (shell-readable, one line)
quote_cmd() {
    local out="" a
    for a in "$@"; do
        if [[ $a =~ ^[A-Za-z0-9_@%+=:,./~-]+$ ]]; then out+="$a "
        else out+="'${a//\'/\'\\\'\'}' "; fi
    done
    printf '%s\n' "${out% }"
}

# known_hosts for a scenario: kh NAME [HOST KEYLINE]...
kh() {
    local f=$S/kh/$1; shift
    : >"$f"
    while [ $# -gt 0 ]; do printf '%s %s\n' "$1" "$2" >>"$f"; shift 2; done
    chown $CU:$CU "$f"; chmod 644 "$f"
    KH=$f
}

wait_listen() {  # wait_listen PORT [NS]
    local port=$1 ns=${2:-} i
    for i in $(seq 200); do
        if [ -n "$ns" ]; then
            ip netns exec "$ns" ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && return 0
        else
            ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && return 0
        fi
        sleep 0.05
    done
    note "WARNING: nothing listens on port $port"
    return 1
}

port_free() {  # fail loudly when a port we expect to be closed is in use
    if ss -Hltn "sport = :$1" | grep -q .; then die "port $1 is in use on this machine"; fi
}

# sshd_config for a scenario: extra lines on stdin come first (first value wins)
sshd_conf() {  # sshd_conf NAME LISTEN...
    local name=$1; shift
    local cfg=$S/srv/$name/sshd_config a
    mkdir -p "$S/srv/$name"
    {
        echo "# LogLens lab: scenario $name"
        [ -n "$SSHD_LOGLEVEL" ] && echo "LogLevel $SSHD_LOGLEVEL"   # the DEBUG3 pass (server.debug.log)
        cat
        for a in "$@"; do echo "ListenAddress $a"; done
        cat <<EOF
HostKey $S/hostkeys/ssh_host_ed25519_key
PidFile none
LogLevel VERBOSE
UsePAM no
StrictModes yes
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile .ssh/authorized_keys
PermitRootLogin no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding yes
LoginGraceTime 30
EOF
    } >"$cfg"
    echo "$cfg"
}

# start_sshd CFG PORT [NS]: our own sshd, logs into the scenario's server.log
start_sshd() {
    local cfg=$1 port=$2 ns=${3:-}
    /usr/sbin/sshd -t -f "$cfg" -p "$port" || die "bad sshd config $cfg"
    if [ -n "$ns" ]; then
        ip netns exec "$ns" /usr/sbin/sshd -D -f "$cfg" -p "$port" -E "$SD/server.log" </dev/null >>"$SD/server.log" 2>&1 &
    else
        /usr/sbin/sshd -D -f "$cfg" -p "$port" -E "$SD/server.log" </dev/null >>"$SD/server.log" 2>&1 &
    fi
    SRVPID=$!; PIDS+=("$SRVPID"); SSHD_LOG=1
    # an sshd that does not listen would give the scenario a "Connection refused" it is not about: stop here
    wait_listen "$port" "$ns" || die "the sshd of $NAME does not listen on port $port: $(tail -n 2 "$SD/server.log" | tr '\n' ' ')"
}

start_fake() {  # start_fake MODE HOST PORT [args]
    $PY "$LAB_DIR/fakesrv.py" "$@" "$SD/server.log" </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID")
    wait_listen "$3"
}

start_agent() {  # start_agent NAME [ENV=VAL...]: ssh-agent of the client user
    local name=$1; shift
    AGENT_SOCK=$S/agent/$name.sock
    rm -f "$AGENT_SOCK"
    setpriv --reuid=$CU --regid=$CU --init-groups env -i PATH=/usr/bin:/bin HOME=$CHOME USER=$CU LOGNAME=$CU "$@" \
        ssh-agent -D -a "$AGENT_SOCK" </dev/null >"$S/agent/$name.log" 2>&1 &
    AGENTPID=$!; PIDS+=("$AGENTPID")
    local i
    for i in $(seq 100); do [ -S "$AGENT_SOCK" ] && return 0; sleep 0.05; done
    die "ssh-agent did not start"
}
agent_add() {  # agent_add [ssh-add options] KEY...
    asu SSH_AUTH_SOCK="$AGENT_SOCK" ssh-add "$@" </dev/null >>"$S/agent/add.log" 2>&1 || die "ssh-add $*"
}

# client [--ns NS] [--env K=V]... [--timeout N] [--during FUNC] -- SSH-ARGS...
# Runs ssh as the client user with a clean environment and stdin from
# /dev/null; writes command.txt and client.log; sets RC.
client() {
    local ns="" to=20 during="" stamp=0 ; local -a envs=()
    while [ "$1" != "--" ]; do
        case $1 in
            --ns) ns=$2; shift 2 ;;
            --env) envs+=("$2"); shift 2 ;;
            --timeout) to=$2; shift 2 ;;
            --during) during=$2; shift 2 ;;
            --stamp) stamp=1; shift ;;
            *) die "client: bad option $1" ;;
        esac
    done
    shift
    local -a cmd=()
    [ -n "$ns" ] && cmd+=(ip netns exec "$ns")
    cmd+=(setpriv --reuid=$CU --regid=$CU --init-groups
          env -i PATH=/usr/bin:/bin HOME=$CHOME USER=$CU LOGNAME=$CU "${envs[@]}"
          timeout "$to" ssh "$@")
    quote_cmd "${cmd[@]}" >"$SD/command.txt"
    if [ -n "$during" ]; then
        "${cmd[@]}" </dev/null >"$SD/client.log" 2>&1 &
        local cpid=$!; PIDS+=("$cpid")
        $during
        wait "$cpid"; RC=$?
    elif [ "$stamp" = 1 ]; then
        # as VS Code's Remote-SSH log shows it: each line with the time it arrived
        "${cmd[@]}" </dev/null 2>&1 | $PY -u "$LAB_DIR/stamp.py" >"$SD/client.log"; RC=${PIPESTATUS[0]}
    else
        "${cmd[@]}" </dev/null >"$SD/client.log" 2>&1; RC=$?
    fi
}

# the options almost every scenario uses
common() {  # common NAME -> array C
    C=(-F /dev/null -o BatchMode=yes -o ConnectTimeout=5 -o UserKnownHostsFile="$KH")
    # verbosity "none": ssh as most people first run it, without -v
    [ "$VERB" = none ] || C=(-"$VERB" "${C[@]}")
}

# ---------------------------------------------------------------------------
# Network namespaces (made on first use, deleted at exit)
#   llab-c  client side   10.200.77.1/24  (veth llab-c0)
#   llab-s  "remote" side 10.200.77.2/24 and .3 (veth llab-s0)
#   llab-i  isolated: only lo, no route anywhere; resolv.conf -> 127.0.0.1
NET_READY=0
netns_setup() {
    [ $NET_READY = 1 ] && return 0
    local ns
    for ns in llab-c llab-s llab-i; do
        ip netns del $ns 2>/dev/null
        ip netns add $ns || die "ip netns add $ns"
        NETNS_MADE+=($ns)
        ip -n $ns link set lo up
    done
    ip link add llab-c0 type veth peer name llab-s0 || die "veth"
    ip link set llab-c0 netns llab-c
    ip link set llab-s0 netns llab-s
    ip -n llab-c addr add 10.200.77.1/24 dev llab-c0
    ip -n llab-s addr add 10.200.77.2/24 dev llab-s0
    ip -n llab-s addr add 10.200.77.3/24 dev llab-s0
    ip -n llab-c link set llab-c0 up
    ip -n llab-s link set llab-s0 up
    # timeout: SYNs to 10.200.77.2:22 vanish
    ip netns exec llab-s iptables -A INPUT -d 10.200.77.2 -p tcp --dport 22 -j DROP || die iptables
    # no-route: everything to 10.200.77.3 is answered with ICMP host-unreachable
    ip netns exec llab-s iptables -A INPUT -d 10.200.77.3 -p tcp -j REJECT --reject-with icmp-host-unreachable
    # maxstartups: segments carrying data from the client to sshd on 42214 are lost
    ip netns exec llab-s iptables -A INPUT -s 10.200.77.1 -p tcp --dport 42214 -m length --length 80:65535 -j DROP
    # maxstartups-reset: the bare ACK that completes the client's handshake to 42219 is lost
    ip netns exec llab-s iptables -A INPUT -s 10.200.77.1 -p tcp --dport 42219 --tcp-flags ALL ACK -m length --length 0:79 -j DROP
    # kex-stalled: segments of 1200 bytes or more from the lab sshd on 42223 are lost
    # (its KEXINIT is ~1130 bytes and passes, the sntrup761x25519 KEX reply is larger)
    ip netns exec llab-s iptables -A OUTPUT -p tcp --sport 42223 -m length --length 1200:65535 -j DROP
    # DNS in llab-i: a resolver on 127.0.0.1 where nothing listens
    [ -d /etc/netns ] || NETNS_PARENT_MADE=1
    NETNS_ETC=/etc/netns/llab-i
    mkdir -p $NETNS_ETC
    echo 'nameserver 127.0.0.1' >$NETNS_ETC/resolv.conf
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >$NETNS_ETC/hosts
    # files + dns only, so no NSS module can reach a resolver outside the namespace
    printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >$NETNS_ETC/nsswitch.conf
    # slow-reverse-dns: sshd in llab-s asks a resolver that does not exist (no host has .53: nothing
    # leaves the namespaces, the query just times out), as a server with a broken DNS does
    mkdir -p /etc/netns/llab-s
    printf 'nameserver 10.200.77.53\noptions timeout:2 attempts:2\n' >/etc/netns/llab-s/resolv.conf
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >/etc/netns/llab-s/hosts
    printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >/etc/netns/llab-s/nsswitch.conf
    sleep 0.5   # let the veth come up
    NET_READY=1
}

# ---------------------------------------------------------------------------
# Scenarios. Each runs with NAME, SLUG, VERB and SD (output dir) set and must
# set RC (the ssh exit code) through `client`.

sc_success_key() {     # port 42201
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42201
    kh "$NAME" "[127.0.0.1]:42201" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42201 llab@127.0.0.1 'echo lab-ok'
}
sc_success_v1() { sc_success_key; }
sc_success_vv() { sc_success_key; }

sc_success_agent() {   # port 42202
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42202
    start_agent "$NAME"
    agent_add "$K/id_agent"
    kh "$NAME" "[127.0.0.1]:42202" "$HOSTPUB"; common
    client --env SSH_AUTH_SOCK="$AGENT_SOCK" -- "${C[@]}" -p 42202 llab@127.0.0.1 'echo lab-ok'
}

sc_refused_ipv4() {    # port 42205: nothing listens
    port_free 42205
    kh "$NAME"; common
    client -- "${C[@]}" -p 42205 llab@127.0.0.1 true
}
sc_refused_v1() { sc_refused_ipv4; }

sc_refused_ipv6() {    # port 42206 on ::1: nothing listens
    port_free 42206
    kh "$NAME"; common
    client -- "${C[@]}" -p 42206 llab@::1 true
}

sc_timeout() {         # 10.200.77.2:22 drops SYNs
    netns_setup
    kh "$NAME"; common
    client --ns llab-c -- "${C[@]}" llab@10.200.77.2 true
}

sc_no_route() {        # 10.200.77.3 answers with ICMP host unreachable
    netns_setup
    kh "$NAME"; common
    client --ns llab-c -- "${C[@]}" llab@10.200.77.3 true
}

sc_net_unreachable() { # client namespace without any route
    netns_setup
    kh "$NAME"; common
    client --ns llab-i -- "${C[@]}" llab@10.200.77.2 true
}

sc_dns_failure() {     # resolver on 127.0.0.1 in a namespace with only lo
    netns_setup
    kh "$NAME"; common
    client --ns llab-i -- "${C[@]}" llab@build-server.loglens.invalid true
}

sc_proxyjump_hop_refused() {  # hop 42208 closed, target 42209
    port_free 42208
    kh "$NAME"
    local f=$S/cfg/$NAME.conf
    cat >"$f" <<EOF
Host *
    BatchMode yes
    ConnectTimeout 5
    UserKnownHostsFile $KH
EOF
    chown $CU:$CU "$f"
    client -- -"$VERB" -F "$f" -J llab@127.0.0.1:42208 -p 42209 llab@127.0.0.1 true
}

sc_proxyjump_target_refused() {  # hop = lab sshd on 42210, target 42211 closed
    port_free 42211
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42210
    kh "$NAME" "[127.0.0.1]:42210" "$HOSTPUB"
    local f=$S/cfg/$NAME.conf
    cat >"$f" <<EOF
Host *
    BatchMode yes
    ConnectTimeout 5
    UserKnownHostsFile $KH
EOF
    chown $CU:$CU "$f"
    client -- -"$VERB" -F "$f" -J llab@127.0.0.1:42210 -p 42211 llab@127.0.0.1 true
}

sc_ident_reset() {     # 42212: accept, read the banner, RST
    start_fake reset 127.0.0.1 42212
    kh "$NAME"; common
    client -- "${C[@]}" -p 42212 llab@127.0.0.1 true
}

sc_ident_closed() {    # 42213: accept, read the banner, FIN
    start_fake close 127.0.0.1 42213
    kh "$NAME"; common
    client -- "${C[@]}" -p 42213 llab@127.0.0.1 true
}

# MaxStartups 1 and one unauthenticated connection held open: sshd accepts the
# next connection, writes "Exceeded MaxStartups" and closes it. Whether the
# client then sees a FIN or a RST depends on whether its own banner reached
# sshd before the close; on loopback that is a race, so both variants run in
# the namespaces with a rule that settles it.
maxstartups_common() {  # maxstartups_common PORT
    local port=$1
    netns_setup
    local cfg; cfg=$(printf 'MaxStartups 1\n' | sshd_conf "$NAME" 10.200.77.2)
    start_sshd "$cfg" "$port" llab-s
    ip netns exec llab-s $PY -c 'import socket, sys, time
s = socket.create_connection(("10.200.77.2", int(sys.argv[1]))); time.sleep(30)' "$port" </dev/null >/dev/null 2>&1 &
    local hold=$!; PIDS+=("$hold")
    sleep 0.5
    kh "$NAME" "[10.200.77.2]:$port" "$HOSTPUB"; common
    client --ns llab-c -- "${C[@]}" -p "$port" llab@10.200.77.2 true
    stop_pid "$hold"
}
# 42214: the client's banner is dropped on the way in, so sshd's close is a clean FIN
sc_maxstartups() { maxstartups_common 42214; }
# 42219: the client's bare handshake ACK is dropped, so sshd only accepts the
# connection once the banner has arrived with it, and closing with it unread sends a RST
sc_maxstartups_reset() { maxstartups_common 42219; }

sc_not_ssh_http() {    # 42215: an HTTP server
    start_fake http 127.0.0.1 42215
    kh "$NAME"; common
    client -- "${C[@]}" -p 42215 llab@127.0.0.1 true
}

sc_not_ssh_tls() {     # 8443 (the usual HTTPS-alternate port people mistype for ssh): openssl s_server (TLS)
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=localhost \
        -keyout "$S/tls/key.pem" -out "$S/tls/cert.pem" >/dev/null 2>&1 || die "openssl req"
    openssl s_server -accept 127.0.0.1:8443 -cert "$S/tls/cert.pem" -key "$S/tls/key.pem" -www \
        </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID")
    wait_listen 8443
    kh "$NAME"; common
    client -- "${C[@]}" -p 8443 llab@127.0.0.1 true
}

sc_not_ssh_binary() {  # 42259: a server that greets first in a binary protocol (MySQL-like)
    start_fake mysql 127.0.0.1 42259
    kh "$NAME"; common
    client -- "${C[@]}" -p 42259 llab@127.0.0.1 true
}

sc_protocol_ssh1() {   # 42260: a server announcing SSH protocol 1.5 only
    start_fake ssh1 127.0.0.1 42260
    kh "$NAME"; common
    client -- "${C[@]}" -p 42260 llab@127.0.0.1 true
}

sc_banner_timeout() {  # 42217: accepts, never speaks
    start_fake silent 127.0.0.1 42217
    kh "$NAME"
    client -- -"$VERB" -F /dev/null -o BatchMode=yes -o ConnectTimeout=3 -o UserKnownHostsFile="$KH" \
        -p 42217 llab@127.0.0.1 true
}

sc_kex_mismatch() {    # 42218
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42218
    kh "$NAME" "[127.0.0.1]:42218" "$HOSTPUB"; common
    client -- "${C[@]}" -o KexAlgorithms=diffie-hellman-group1-sha1 -p 42218 llab@127.0.0.1 true
}
sc_kex_mismatch_v1() { sc_kex_mismatch; }

sc_hostkey_type_mismatch() {  # 42220: server has only an ed25519 host key
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42220
    kh "$NAME"; common
    client -- "${C[@]}" -o HostKeyAlgorithms=rsa-sha2-512,rsa-sha2-256,ssh-rsa -p 42220 llab@127.0.0.1 true
}

sc_cipher_mismatch() { # 42221
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42221
    kh "$NAME" "[127.0.0.1]:42221" "$HOSTPUB"; common
    client -- "${C[@]}" -c aes128-cbc,3des-cbc -p 42221 llab@127.0.0.1 true
}

sc_mac_mismatch() {    # 42222: a non-AEAD cipher so the MAC is negotiated
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42222
    kh "$NAME" "[127.0.0.1]:42222" "$HOSTPUB"; common
    client -- "${C[@]}" -c aes128-ctr -m hmac-md5,hmac-sha1-96 -p 42222 llab@127.0.0.1 true
}

sc_slow_reverse_dns() {  # sshd in llab-s:42262 with UseDNS yes and a resolver that never answers; lines time-stamped
    netns_setup
    local cfg; cfg=$(printf 'UseDNS yes\n' | sshd_conf "$NAME" 10.200.77.2)
    start_sshd "$cfg" 42262 llab-s
    kh "$NAME" "[10.200.77.2]:42262" "$HOSTPUB"; common
    client --ns llab-c --stamp --timeout 30 -- "${C[@]}" -p 42262 llab@10.200.77.2 true
}

sc_kex_stalled() {     # sshd in llab-s:42223; segments >= 1200 bytes from it are dropped
    netns_setup
    local cfg; cfg=$(sshd_conf "$NAME" 10.200.77.2 </dev/null)
    start_sshd "$cfg" 42223 llab-s
    kh "$NAME" "[10.200.77.2]:42223" "$HOSTPUB"; common
    client --ns llab-c --timeout 8 -- "${C[@]}" -p 42223 llab@10.200.77.2 true
}

sc_hostkey_changed() { # 42224: known_hosts holds another key
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42224
    kh "$NAME" "[127.0.0.1]:42224" "$OTHERPUB"; common
    client -- "${C[@]}" -p 42224 llab@127.0.0.1 true
}
sc_hostkey_changed_v1() { sc_hostkey_changed; }

sc_hostkey_unknown_strict() {  # 42226
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42226
    kh "$NAME"; common
    client -- "${C[@]}" -o StrictHostKeyChecking=yes -p 42226 llab@127.0.0.1 true
}

sc_hostkey_unknown_batch() {   # 42227: default StrictHostKeyChecking=ask, BatchMode, no tty
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42227
    kh "$NAME"; common
    client -- "${C[@]}" -p 42227 llab@127.0.0.1 true
}

sc_hostkey_unknown_quiet() {   # 42261: as hostkey-unknown-batch, without -v: one line, nothing to narrow it down
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42261
    kh "$NAME"; common
    client -- "${C[@]}" -p 42261 llab@127.0.0.1 true
}

sc_missing_identity() {  # 42228: -i to a missing file; ssh warns and falls back to the default keys
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42228
    kh "$NAME" "[127.0.0.1]:42228" "$HOSTPUB"; common
    # llab2 has no authorized_keys, so the default keys are refused too
    client -- "${C[@]}" -o IdentitiesOnly=yes -i "$CHOME/.ssh/id_lab_deploy" -p 42228 llab2@127.0.0.1 true
}

sc_missing_identity_config() {  # 42230: IdentityFile (not -i) to a missing file, IdentitiesOnly
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42230
    kh "$NAME" "[127.0.0.1]:42230" "$HOSTPUB"; common
    client -- "${C[@]}" -o IdentitiesOnly=yes -o IdentityFile="~/.ssh/id_lab_deploy" -p 42230 llab@127.0.0.1 true
}

sc_key_not_authorized() {  # 42229
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42229
    kh "$NAME" "[127.0.0.1]:42229" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_other" -p 42229 llab@127.0.0.1 true
}
sc_key_not_authorized_v1() { sc_key_not_authorized; }

sc_key_strictmodes() {  # 42231: authorized_keys is mode 666
    local cfg; cfg=$(printf 'AuthorizedKeysFile .ssh/authorized_keys_loose\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42231
    kh "$NAME" "[127.0.0.1]:42231" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42231 llab@127.0.0.1 true
}

sc_key_denyusers() {   # 42232
    local cfg; cfg=$(printf 'DenyUsers llab\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42232
    kh "$NAME" "[127.0.0.1]:42232" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42232 llab@127.0.0.1 true
}

sc_unknown_user() {    # 42233
    id -u llab-nosuchuser >/dev/null 2>&1 && die "user llab-nosuchuser exists"
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42233
    kh "$NAME" "[127.0.0.1]:42233" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42233 llab-nosuchuser@127.0.0.1 true
}

sc_no_mutual_sig() {   # 42234: legacy (paramiko) server: no server-sig-algs, ssh-rsa only
    cp "$S/hostkeys/ssh_host_ed25519_key" "$S/hostkeys/legacy_ed25519_key"
    $PY "$LAB_DIR/legacysrv.py" 127.0.0.1 42234 "$S/hostkeys/legacy_ed25519_key" "$SD/server.log" \
        </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID")
    wait_listen 42234
    kh "$NAME" "[127.0.0.1]:42234" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_rsa" -p 42234 llab@127.0.0.1 true
}

sc_key_type_disabled() {  # 42235: a DSA key (ssh-dss is off by default in the client)
    local cfg; cfg=$(printf 'PubkeyAcceptedAlgorithms +ssh-dss\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42235
    kh "$NAME" "[127.0.0.1]:42235" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_dsa" -p 42235 llab@127.0.0.1 true
}

sc_too_many_auth() {   # 42236: six unauthorized keys in the agent, MaxAuthTries 2
    local cfg; cfg=$(printf 'MaxAuthTries 2\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42236
    start_agent "$NAME"
    agent_add "$K/id_many1" "$K/id_many2" "$K/id_many3" "$K/id_many4" "$K/id_many5" "$K/id_many6"
    kh "$NAME" "[127.0.0.1]:42236" "$HOSTPUB"; common
    client --env SSH_AUTH_SOCK="$AGENT_SOCK" -- "${C[@]}" -p 42236 llab@127.0.0.1 true
}

sc_key_too_open() {    # 42237: private key mode 644
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42237
    kh "$NAME" "[127.0.0.1]:42237" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_open" -p 42237 llab@127.0.0.1 true
}

sc_config_bad_perms() {  # 42238: ~/.ssh/config of the client user is group/world writable
    local f=$CHOME/.ssh/config
    printf 'Host lab\n    HostName 127.0.0.1\n    Port 42238\n    User llab\n' >"$f"
    chown $CU:$CU "$f"; chmod 666 "$f"
    kh "$NAME"
    client -- -"$VERB" -o BatchMode=yes -o ConnectTimeout=5 -o UserKnownHostsFile="$KH" lab true
    LEAVE_FILES+=("$f")   # removed after the scenario (and its fix proof)
}

sc_config_error() {    # a misspelt option in the -F config
    kh "$NAME"
    local f=$S/cfg/$NAME.conf
    cat >"$f" <<EOF
Host lab
    HostName 127.0.0.1
    Port 42239
    User llab
    IdentityFiles ~/.ssh/id_ed25519
EOF
    chown $CU:$CU "$f"
    client -- -"$VERB" -F "$f" -o BatchMode=yes -o ConnectTimeout=5 -o UserKnownHostsFile="$KH" lab true
}

sc_key_damaged() {     # 42240: a truncated private key
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42240
    kh "$NAME" "[127.0.0.1]:42240" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_damaged" -p 42240 llab@127.0.0.1 true
}

sc_key_encrypted_batch() {  # 42241: passphrase-protected key the server accepts
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42241
    kh "$NAME" "[127.0.0.1]:42241" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_encrypted" -p 42241 llab@127.0.0.1 true
}

sc_agent_confirm() {   # 42242: key added with ssh-add -c, agent has no askpass
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42242
    start_agent "$NAME" SSH_ASKPASS=/usr/lib/ssh/no-such-askpass
    agent_add -c "$K/id_confirm"
    kh "$NAME" "[127.0.0.1]:42242" "$HOSTPUB"; common
    client --env SSH_AUTH_SOCK="$AGENT_SOCK" -- "${C[@]}" -o IdentityFile="$K/id_confirm.pub" -o IdentitiesOnly=yes \
        -p 42242 llab@127.0.0.1 true
}

sc_password_only_batch() {  # 42243
    local cfg; cfg=$(printf 'PubkeyAuthentication no\nPasswordAuthentication yes\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42243
    kh "$NAME" "[127.0.0.1]:42243" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42243 llab2@127.0.0.1 true
}

pw_wrong() {  # pw_wrong PORT PROMPTS
    local cfg; cfg=$(printf 'PasswordAuthentication yes\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" "$1"
    kh "$NAME" "[127.0.0.1]:$1" "$HOSTPUB"
    client --env SSH_ASKPASS="$S/bin/askpass-wrong" --env SSH_ASKPASS_REQUIRE=force -- \
        -"$VERB" -F /dev/null -o ConnectTimeout=5 -o UserKnownHostsFile="$KH" \
        -o PreferredAuthentications=password -o NumberOfPasswordPrompts="$2" -p "$1" llab2@127.0.0.1 true
}
sc_password_wrong() { pw_wrong 42244 1; }
sc_password_wrong_retry() { pw_wrong 42245 2; }

sc_account_expired() { # 42246: chage -E 0, UsePAM yes
    local cfg; cfg=$(printf 'UsePAM yes\nKbdInteractiveAuthentication yes\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42246
    kh "$NAME" "[127.0.0.1]:42246" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42246 llab3@127.0.0.1 true
}

sc_password_expired() {  # 42247: chage -d 0, UsePAM yes
    local cfg; cfg=$(printf 'UsePAM yes\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42247
    kh "$NAME" "[127.0.0.1]:42247" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42247 llab5@127.0.0.1 true
}

sc_cert_expired() {    # 42248
    local cfg; cfg=$(printf 'TrustedUserCAKeys %s\n' "$K/user_ca.pub" | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42248
    kh "$NAME" "[127.0.0.1]:42248" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_cert" -p 42248 llab@127.0.0.1 true
}

sc_cert_wrong_principal() {  # 42249
    local cfg; cfg=$(printf 'TrustedUserCAKeys %s\n' "$K/user_ca.pub" | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42249
    kh "$NAME" "[127.0.0.1]:42249" "$HOSTPUB"; common
    client -- "${C[@]}" -i "$K/id_certp" -p 42249 llab@127.0.0.1 true
}

sc_nologin_shell() {   # 42250: user shell /usr/sbin/nologin
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42250
    kh "$NAME" "[127.0.0.1]:42250" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42250 llab4@127.0.0.1
}

sc_forcecommand_exit() {  # 42251
    local cfg; cfg=$(printf 'ForceCommand /bin/false\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42251
    kh "$NAME" "[127.0.0.1]:42251" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42251 llab@127.0.0.1 uptime
}

sc_local_forward_bound() {  # 42252: -L on the port our sshd itself listens on
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42252
    kh "$NAME" "[127.0.0.1]:42252" "$HOSTPUB"; common
    client -- "${C[@]}" -o ExitOnForwardFailure=yes -L 127.0.0.1:42252:127.0.0.1:5432 -p 42252 llab@127.0.0.1 'sleep 1'
}

sc_remote_forward_refused() {  # 42253: AllowTcpForwarding no, -R 42254
    local cfg; cfg=$(printf 'AllowTcpForwarding no\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42253
    kh "$NAME" "[127.0.0.1]:42253" "$HOSTPUB"; common
    client -- "${C[@]}" -o ExitOnForwardFailure=yes -R 42254:127.0.0.1:8080 -p 42253 llab@127.0.0.1 'sleep 1'
}

ftr_poke() {  # connect once to the local end of the forward (POKE_PORT, default 42256) while the session runs
    local port=${POKE_PORT:-42256}
    wait_listen "$port" || return 0
    sleep 0.3
    local fd
    if exec {fd}<>/dev/tcp/127.0.0.1/"$port"; then
        sleep 0.5
        exec {fd}>&-
    fi
}
sc_forward_target_refused() {  # 42255: -L 42256 -> 127.0.0.1:42257 (closed on the server side)
    port_free 42257
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42255
    kh "$NAME" "[127.0.0.1]:42255" "$HOSTPUB"; common
    client --during ftr_poke -- "${C[@]}" -L 127.0.0.1:42256:127.0.0.1:42257 -p 42255 llab@127.0.0.1 'sleep 3'
}

sc_dropbear_success() {  # 42258: dropbear
    /usr/sbin/dropbear -F -E -p 127.0.0.1:42258 -r "$S/hostkeys/dropbear_ed25519_key" \
        </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID")
    wait_listen 42258
    kh "$NAME" "[127.0.0.1]:42258" "$DBPUB"; common
    client -- "${C[@]}" -p 42258 llab@127.0.0.1 'echo lab-ok'
}

# ---------------------------------------------------------------------------
# Server-side causes: the client sees only a refusal or a closed connection; the reason is in server.log.

sc_root_login_refused() {  # 42270: PermitRootLogin no; root's key is authorized (in $S/ak, StrictModes off for it)
    local cfg; cfg=$(printf 'AuthorizedKeysFile %s/ak/%%u\nStrictModes no\n' "$S" | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42270
    kh "$NAME" "[127.0.0.1]:42270" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42270 root@127.0.0.1 true
}

sc_key_allowgroups() {   # 42271: AllowGroups names a group llab is not in
    local cfg; cfg=$(printf 'AllowGroups llab-admins\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42271
    kh "$NAME" "[127.0.0.1]:42271" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42271 llab@127.0.0.1 true
}

sc_password_invalid_user() {  # 42272: a password for a user that does not exist
    id -u llab-nosuchuser >/dev/null 2>&1 && die "user llab-nosuchuser exists"
    local cfg; cfg=$(printf 'PasswordAuthentication yes\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42272
    kh "$NAME" "[127.0.0.1]:42272" "$HOSTPUB"
    client --env SSH_ASKPASS="$S/bin/askpass-wrong" --env SSH_ASKPASS_REQUIRE=force -- \
        -"$VERB" -F /dev/null -o ConnectTimeout=5 -o UserKnownHostsFile="$KH" \
        -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 -p 42272 llab-nosuchuser@127.0.0.1 true
}

sc_shell_missing() {     # 42273: llabnosh's shell /nonexistent/shell does not exist; its key is authorized
    local cfg; cfg=$(sshd_conf "$NAME" 127.0.0.1 </dev/null)
    start_sshd "$cfg" 42273
    kh "$NAME" "[127.0.0.1]:42273" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42273 llabnosh@127.0.0.1 true
}

# start_sshd_failing CFG PORT: an sshd that is expected to exit at startup; no `sshd -t` first, and no wait for
# the port. Its -E log (and its stderr) are server.log.
start_sshd_failing() {
    local cfg=$1 port=$2 i
    /usr/sbin/sshd -D -f "$cfg" -p "$port" -E "$SD/server.log" </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID"); SSHD_LOG=1
    for i in $(seq 100); do kill -0 "$SRVPID" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$SRVPID" 2>/dev/null && note "WARNING: the sshd on $port did not exit"
    port_free "$port"
}

sc_hostkey_load_failed() {  # 42275: the only HostKey is a damaged file, so sshd exits: connection refused
    local hk=$S/hostkeys/damaged_ed25519_key
    head -c 200 "$S/hostkeys/ssh_host_ed25519_key" >"$hk"; echo >>"$hk"
    echo '-----END OPENSSH PRIVATE KEY-----' >>"$hk"; chmod 600 "$hk"
    local cfg; cfg=$(printf 'HostKey %s\n' "$hk" | sshd_conf "$NAME" 127.0.0.1)
    # the scenario's only host key is the damaged one: drop the usual HostKey line
    sed -i "\|^HostKey $S/hostkeys/ssh_host_ed25519_key\$|d" "$cfg"
    start_sshd_failing "$cfg" 42275
    kh "$NAME" "[127.0.0.1]:42275" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42275 llab@127.0.0.1 true
}

sc_sshd_config_error() {  # 42276: a misspelt option in sshd_config, so sshd does not start: connection refused
    local cfg; cfg=$(printf 'PermitRootLogn no\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd_failing "$cfg" 42276
    kh "$NAME" "[127.0.0.1]:42276" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42276 llab@127.0.0.1 true
}

sc_sshd_listen_failed() {  # 42283: ListenAddress is 192.0.2.1 (a documentation address no machine has), so sshd cannot bind and exits
    # (binding to an address the machine lacks fails at once with "Cannot assign requested address": nothing is sent anywhere)
    local cfg; cfg=$(sshd_conf "$NAME" 192.0.2.1 </dev/null)
    start_sshd_failing "$cfg" 42283
    kh "$NAME" "[127.0.0.1]:42283" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42283 llab@127.0.0.1 true
}

sc_chroot_bad_owner() {  # 42277: ChrootDirectory owned by the user: the login is accepted, then the session fails
    local cfg; cfg=$(printf 'ChrootDirectory %s\n' "$CHROOT" | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42277
    kh "$NAME" "[127.0.0.1]:42277" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42277 llab@127.0.0.1 true
}

sc_pubkey_algo_refused() {  # 42278: the server accepts RSA signatures only; the client's authorized key is ed25519
    local cfg; cfg=$(printf 'PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42278
    kh "$NAME" "[127.0.0.1]:42278" "$HOSTPUB"; common
    client -- "${C[@]}" -p 42278 llab@127.0.0.1 true
}

fpd_poke() { POKE_PORT=42280 ftr_poke; }
sc_forward_permitopen_denied() {  # 42279: PermitOpen allows one other target; -L 42280 -> 127.0.0.1:42281 is denied
    local cfg; cfg=$(printf 'PermitOpen 127.0.0.1:42257\n' | sshd_conf "$NAME" 127.0.0.1)
    start_sshd "$cfg" 42279
    kh "$NAME" "[127.0.0.1]:42279" "$HOSTPUB"; common
    client --during fpd_poke -- "${C[@]}" -L 127.0.0.1:42280:127.0.0.1:42281 -p 42279 llab@127.0.0.1 'sleep 3'
}

# ---------------------------------------------------------------------------
# login-grace-timeout needs an sshd newer than the machine's: Debian 12's 9.2 exits on the LoginGraceTime alarm
# without logging (its CVE-2024-6387 fix), while OpenSSH 9.8+ logs "Timeout before authentication for ..." from the
# listener. So this scenario runs the sshd of a minimal Debian 13 (trixie) root made with debootstrap. The root is
# kept in a cache dir and made only when it is missing (LOGLENS_LAB_TRIXIE names another place).
TRIXIE=${LOGLENS_LAB_TRIXIE:-/var/cache/loglens-lab/trixie}
TRIXIE_MIRROR=${LOGLENS_LAB_MIRROR:-http://deb.debian.org/debian}
ensure_trixie() {
    [ -f "$TRIXIE/.loglens-lab-ready" ] && [ -x "$TRIXIE/usr/sbin/sshd" ] && return 0
    if ! command -v debootstrap >/dev/null; then
        note "installing: debootstrap"
        apt-get update -qq >/dev/null 2>&1 || note "apt-get update failed (going on)"
        apt-get install -y -qq --no-install-recommends debootstrap >>/tmp/loglens-lab-apt.log 2>&1 \
            || { tail -20 /tmp/loglens-lab-apt.log >&2; die "apt-get install debootstrap failed"; }
    fi
    note "making the trixie root for login-grace-timeout in $TRIXIE (debootstrap, once)"
    local t; t=$(date +%s)
    rm -rf "$TRIXIE.new"; mkdir -p "$(dirname "$TRIXIE")"
    debootstrap --variant=minbase --include=openssh-server trixie "$TRIXIE.new" "$TRIXIE_MIRROR" \
        >/tmp/loglens-lab-debootstrap.log 2>&1 \
        || { tail -20 /tmp/loglens-lab-debootstrap.log >&2; rm -rf "$TRIXIE.new"; die "debootstrap trixie failed"; }
    rm -f "$TRIXIE.new"/etc/ssh/ssh_host_*       # the package's host keys: each run makes its own
    mkdir -p "$TRIXIE.new/run/sshd" "$TRIXIE.new/lab"
    chmod 755 "$TRIXIE.new/run/sshd"
    touch "$TRIXIE.new/.loglens-lab-ready"
    rm -rf "$TRIXIE"; mv "$TRIXIE.new" "$TRIXIE"
    note "trixie root ready in $(( $(date +%s) - t ))s: $(chroot "$TRIXIE" /usr/sbin/sshd -V 2>&1 | head -n1)"
}

sc_login_grace_timeout() {  # 42282: trixie's sshd (OpenSSH 10) with LoginGraceTime 3; the askpass sleeps 8 s
    ensure_trixie
    # the target user, inside the root, with the password that the askpass gives: right, but too late
    chroot "$TRIXIE" id -u llab >/dev/null 2>&1 || chroot "$TRIXIE" useradd -M -d / -s /bin/sh llab \
        || die "useradd llab in the trixie root"
    echo 'llab:lab-secret-late' | chroot "$TRIXIE" chpasswd || die "chpasswd in the trixie root"
    local dir=$S/srv/$NAME
    mkdir -p "$dir" "$TRIXIE/lab"
    # the host key, made inside the root by its own ssh-keygen
    rm -f "$TRIXIE"/lab/ssh_host_ed25519_key*
    chroot "$TRIXIE" ssh-keygen -q -t ed25519 -N '' -C lab-host-trixie -f /lab/ssh_host_ed25519_key </dev/null \
        || die "ssh-keygen in the trixie root"
    mv "$TRIXIE"/lab/ssh_host_ed25519_key* "$dir/"
    # paths are the sshd's, inside the root, where the mount namespace below puts $dir on /lab and $SD on /lab/log
    cat >"$dir/sshd_config" <<CFG
# LogLens lab: scenario $NAME, run by the sshd of $TRIXIE
ListenAddress 127.0.0.1
HostKey /lab/ssh_host_ed25519_key
PidFile none
LogLevel VERBOSE
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin no
PrintMotd no
X11Forwarding no
LoginGraceTime 3
CFG
    printf '#!/bin/sh\nsleep 8\necho lab-secret-late\n' >"$S/bin/askpass-slow"; chmod 755 "$S/bin/askpass-slow"
    mkdir -p "$dir/log"
    local try
    for try in 1 2; do
        lgt_attempt "$dir"
        grep -q '^Timeout before authentication for ' "$SD/server.log" && return 0
        # seen once in many runs: the login went through after the 8 s askpass; one more try, from scratch
        note "WARNING: login-grace-timeout: no 'Timeout before authentication' in server.log (try $try)"
        [ "$try" = 2 ] && return 0
        stop_pid "$SRVPID"; SRVPID=""; : >"$SD/server.log"
    done
}
lgt_attempt() {  # the trixie sshd and one ssh client
    local dir=$1
    # a mount namespace of its own: the scenario's dir on /lab, the output dir on /lab/log (for the -E log), /dev and
    # /proc. The mounts go away with the namespace when the sshd exits; unshare and sh exec, so the PID is sshd's.
    unshare --mount --propagation private sh -ec '
        mount --bind "$1" "$2/lab"
        mount --bind "$3" "$2/lab/log"
        mount --rbind /dev "$2/dev"
        mount -t proc proc "$2/proc"
        chroot "$2" /usr/sbin/sshd -t -f /lab/sshd_config -p 42282
        exec chroot "$2" /usr/sbin/sshd -D -f /lab/sshd_config -p 42282 -E /lab/log/server.log
        ' sh "$dir" "$TRIXIE" "$SD" </dev/null >>"$SD/server.log" 2>&1 &
    SRVPID=$!; PIDS+=("$SRVPID"); SSHD_LOG=1
    SSHD_SESSION_PROGRAM=sshd-session   # 9.8+: a connection's lines come from sshd-session (syslogify.py)
    wait_listen 42282 || die "the trixie sshd did not start (see $SD/server.log)"
    kh "$NAME" "[127.0.0.1]:42282" "$(cut -d' ' -f1,2 "$dir/ssh_host_ed25519_key.pub")"
    client --env SSH_ASKPASS="$S/bin/askpass-slow" --env SSH_ASKPASS_REQUIRE=force --env DISPLAY=:0 -- \
        -"$VERB" -F /dev/null -o ConnectTimeout=5 -o UserKnownHostsFile="$KH" \
        -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 -p 42282 llab@127.0.0.1 true
}

# ---------------------------------------------------------------------------
# Main loop
SSHD_LOGLEVEL=""
# Scenarios that also keep server.debug.log: the same scenario run a second time with the sshd at LogLevel DEBUG3
# (its client log is thrown away), so that server.log stays exactly what LogLevel VERBOSE writes.
DEBUG3_SCENARIOS=" key-strictmodes success-key kex-mismatch remote-forward-refused "
debug3_pass() {
    local main_sd=$SD main_rc=$RC
    SD=$S/debug3/$NAME
    rm -rf "$SD"; mkdir -p "$SD"; : >"$SD/server.log"
    SRVPID=""; AGENTPID=""; SSHD_LOGLEVEL=DEBUG3
    "sc_${NAME//-/_}" >/dev/null
    SSHD_LOGLEVEL=""
    [ -n "$AGENTPID" ] && stop_pid "$AGENTPID"
    [ -n "$SRVPID" ] && stop_pid "$SRVPID"
    cp "$SD/server.log" "$main_sd/server.debug.log"
    SD=$main_sd; RC=$main_rc
}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ -z "$ONLY" ]; then
    # full run: forget old results (only what this script writes)
    rm -f "$OUT/manifest.tsv"
    for d in "$OUT"/*/; do [ -f "$d/command.txt" ] && rm -rf "$d"; done
fi
declare -A ROWS=()
if [ -f "$OUT/manifest.tsv" ]; then
    while IFS=$'\t' read -r n rest; do
        [ "$n" = scenario ] && continue
        [ -n "$n" ] && ROWS[$n]="$n"$'\t'"$rest"
    done <"$OUT/manifest.tsv"
fi

# Fix proof (--prove-fixes): loglens built once; every scenario's files are saved before the fixes change them
# and put back afterwards, so no scenario sees another's fixes.
declare -A PROOF_ROWS=() REASONS=()
if [ "$PROVE" = 1 ]; then
    if [ -z "$LOGLENS_DLL" ]; then
        note "building src/LogLens.Cli for the fix proof"
        dotnet build "$REPO/src/LogLens.Cli" -c Release -o "$S/../loglens-lab-cli" >"$S/cli-build.log" 2>&1 \
            || { tail -20 "$S/cli-build.log" >&2; die "dotnet build src/LogLens.Cli failed"; }
        LOGLENS_DLL=$(cd "$S/../loglens-lab-cli" && pwd)/loglens.dll
    fi
    [ -f "$LOGLENS_DLL" ] || die "no loglens.dll at $LOGLENS_DLL"
    while IFS=$'\t' read -r n why; do
        [ -n "$n" ] && [ "${n#\#}" = "$n" ] && REASONS[$n]=$why
    done <"$LAB_DIR/fix-proof-reasons.tsv"
    if [ -f "$OUT/fix-proof.tsv" ] && [ -n "$ONLY" ]; then
        while IFS=$'\t' read -r n rest; do
            [ "$n" = scenario ] && continue
            [ -n "$n" ] && PROOF_ROWS[$n]="$n"$'\t'"$rest"
        done <"$OUT/fix-proof.tsv"
    fi
fi
prove_fixes() {  # the fixes for $NAME's log, applied while its servers run
    local snap=$S/.proof-snapshot.tar cfg="" pid="" before=0
    tar -C "$S" -cf "$snap" home keys hostkeys kh cfg srv bin tls
    # The scenario's connections end first: their last lines are the scenario's, not the proof's.
    [ -n "$SRVPID" ] && settle "$SRVPID"
    [ -f "$SD/server.log" ] && before=$(stat -c %s "$SD/server.log")
    if [ -n "$SRVPID" ] && [ -f "$S/srv/$NAME/sshd_config" ]; then cfg=$S/srv/$NAME/sshd_config; pid=$SRVPID; fi
    PROOF_ROWS[$NAME]=$($PY "$LAB_DIR/provefix.py" --dir "$SD" --loglens "$LOGLENS_DLL" \
        ${pid:+--sshd-pid "$pid" --sshd-config "$cfg"} --reason "${REASONS[$NAME]:-}" 2>>"$SD/fix-proof.log")
    # The proof's own connections are not the scenario's: they go to server.proof.log, and server.log keeps what the
    # scenario's run wrote.
    if [ -f "$SD/server.log" ] && [ "$(stat -c %s "$SD/server.log")" -gt "$before" ]; then
        tail -c +$((before + 1)) "$SD/server.log" >"$SD/server.proof.log"
        truncate -s "$before" "$SD/server.log"
    fi
    rm -rf "${S:?}"/{home,keys,hostkeys,kh,cfg,srv,bin,tls}
    tar -C "$S" -xpf "$snap" && rm -f "$snap"
    setup_users >/dev/null 2>&1
}

T0=$(date +%s)
for NAME in "${SELECTED[@]}"; do
    read -r SLUG VERB SERVER_SLUG ALSO <<<"$(echo "$SCENARIOS" | awk -v n="$NAME" '$1 == n { print $2, $3, $4, $5 }')"
    SD=$OUT/$NAME
    rm -rf "$SD"; mkdir -p "$SD"
    : >"$SD/server.log"
    SRVPID=""; RC=""; AGENTPID=""; LEAVE_FILES=(); SSHD_LOG=0; SSHD_SESSION_PROGRAM=""
    t1=$(date +%s%N)
    "sc_${NAME//-/_}"
    if [ "$PROVE" = 1 ]; then
        prove_fixes
        chmod 644 "$SD/fix-proof.log"
        note "$(printf '  fix proof: %s' "$(cut -f4-7 <<<"${PROOF_ROWS[$NAME]}" | tr '\t' ' ' | cut -c1-100)")"
    fi
    [ -n "$AGENTPID" ] && stop_pid "$AGENTPID"
    [ ${#LEAVE_FILES[@]} -gt 0 ] && rm -f "${LEAVE_FILES[@]}"
    [ -n "$SRVPID" ] && stop_pid "$SRVPID"
    [[ $DEBUG3_SCENARIOS == *" $NAME "* ]] && debug3_pass
    [ -s "$SD/server.log" ] || rm -f "$SD/server.log"
    # an sshd's log also as journald and syslog show it (server.journal.log, ... see syslogify.py)
    [ "$SSHD_LOG" = 1 ] && [ -f "$SD/server.log" ] && $PY "$LAB_DIR/syslogify.py" "$SD/server.log" \
        ${SSHD_SESSION_PROGRAM:+--session-program "$SSHD_SESSION_PROGRAM"}
    chmod 644 "$SD"/*
    ROWS[$NAME]="$NAME"$'\t'"$SLUG"$'\t'"$VERB"$'\t'"$RC"$'\t'"$(cat "$SD/command.txt")"$'\t'"${ALSO:-}"$'\t'"$SERVER_SLUG"
    ms=$(( ($(date +%s%N) - t1) / 1000000 ))
    note "$(printf '%-26s %-31s exit %-3s %3d.%01ds  %s' "$NAME" "$SLUG" "$RC" $((ms / 1000)) $((ms % 1000 / 100)) \
        "$(tail -n1 "$SD/client.log" | tr -d '\r' | cut -c1-70)")"
done

{
    printf 'scenario\tslug\tverbosity\texit\tcommand\talso\tserver_slug\n'
    for n in "${!ROWS[@]}"; do printf '%s\n' "${ROWS[$n]}"; done | LC_ALL=C sort
} >"$OUT/manifest.tsv"
if [ "$PROVE" = 1 ]; then
    {
        printf 'scenario\tfinding\tfix\twhere\tcommand\tworks\tfirst_working\treason\n'
        for n in "${!PROOF_ROWS[@]}"; do printf '%s\n' "${PROOF_ROWS[$n]}"; done | LC_ALL=C sort
    } >"$OUT/fix-proof.tsv"
    note "fix proof: $(awk -F'\t' 'NR > 1 && $6 == "yes" { y++ } NR > 1 && $2 != "success" { n++ } END { printf "%d of %d first fixes work", y, n }' "$OUT/fix-proof.tsv") -> $OUT/fix-proof.tsv"
fi
note "done: ${#SELECTED[@]} scenario(s) in $(( $(date +%s) - T0 ))s -> $OUT"
