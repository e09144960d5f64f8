using LogLens.Events;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>Name resolution, the TCP connection, and how a connection ends.</summary>
internal static class ConnectGrammar
{
    public static readonly MessageRule[] Rules =
    [
        Template("resolving \"{host}\" port {port}", f => new Resolving(f[0], f.Int(1))),
        Template("{program}: Could not resolve hostname {host}: {reason}", f => new ResolveFailed(f[1], f[2])),
        Template("Could not resolve hostname {host}: {reason}", f => new ResolveFailed(f[0], f[1])),
        Template("{program}: Could not resolve host \"{host}\"", f => new ResolveFailed(f[1], "Could not resolve host")),
        Template("getaddrinfo {host} returned no addresses", f => new ResolveFailed(f[0], "returned no addresses")),
        Template("Connecting to {host} [{address}] port {port}.", f => new Connecting(f[0], f[1], f.Int(2))),
        Template("connect to address {address} port {port}: {reason}", f => new ConnectAddressFailed(f[0], f.Int(1), f[2])),
        Template("{program}: connect to host {host} port {port}: {reason}", f => new ConnectFailed(f[1], f.Int(2), f[3])),
        Template("connect to host {host} port {port}: {reason}", f => new ConnectFailed(f[0], f.Int(1), f[2])),
        Template("Connection established.", _ => new ConnectionEstablished()),
        Template("fd {detail}", f => new ConnectStep("fd " + f[0])),
        Template("timeout: {detail}", f => new ConnectStep("timeout: " + f[0])),
        Template("ssh_connect_direct", _ => new ConnectStep("ssh_connect_direct")),
        Template("finish_connect - {detail}", f => new ConnectStep("finish_connect - " + f[0])),
        Template("Trying again...", _ => new ConnectStep("Trying again...")),
        Template("{detail}", f => new ConnectStep(f[0]), "ssh_connect_direct", "ssh_connect", "set_sock_tos", "ssh_create_socket", "ssh_proxy_connect", "waitrfd", "timeout_connect", "ssh_connect_proxy", "resolve_host", "resolve_addr"),
        Template("getpeername failed: {reason}", f => new ConnectStep("getpeername failed: " + f[0])),
        Template("Connection to {host} closed by remote host.", f => new ConnectionClosed(f[0], true)),
        Template("Connection to {host} closed.", f => new ConnectionClosed(f[0], false)),
        Template("Connection to {host} port {port} timed out", f => new ConnectionError(f[0], f.Int(1), "timed out")),
        Template("Connection from {host} port {port} timed out", f => new ConnectionError(f[0], f.Int(1), "timed out")),
        Template("Connection to {host} port {port}: {reason}", f => new ConnectionError(f[0], f.Int(1), f[2])),
        Template("ssh_packet_write_poll: Connection to {host} port {port}: {reason}", f => new ConnectionError(f[0], f.Int(1), f[2])),
        Template("Connection closed by remote host", _ => new ConnectionClosedByPeer(null, null)),
        Template("Connection closed by {host} port {port}", f => new ConnectionClosedByPeer(f[0], f.Int(1))),
        Template("Connection closed by {host}", f => new ConnectionClosedByPeer(f[0], null)),
        Template("Connection reset by {host} port {port}", f => new ConnectionReset(f[0], f.Int(1), "Connection reset")),
        Template("Connection reset by {host}", f => new ConnectionReset(f[0], null, "Connection reset")),
        Template("Read from remote host {host}: {reason}", f => new ConnectionError(f[0], null, f[1])),
        Template("Write failed: {reason}", f => new ConnectionBroken(f[0])),
        Template("Read from socket failed: {reason}", f => new ConnectionBroken(f[0])),
        Template("send disconnect: {reason}", f => new ConnectionBroken(f[0]), "client_loop"),
        Template("Timeout, server {host} not responding.", f => new ServerNotResponding(f[0])),
        Template("Received disconnect from {host} port {port}:{code}: {reason}", f => new ReceivedDisconnect(f[0], f.Int(1), f.Int(2), f[3])),
        Template("Received disconnect from {host} port {port}: {reason}", f => new ReceivedDisconnect(f[0], f.Int(1), null, f[2])),
        Template("Received disconnect from {host} port {port}:{code}:", f => new ReceivedDisconnect(f[0], f.Int(1), f.Int(2), string.Empty)),
        Template("Received disconnect from {host}: {code}: {reason}", f => new ReceivedDisconnect(f[0], null, f.Int(1), f[2])),
        Template("Received disconnect from {host}: {reason}", f => new ReceivedDisconnect(f[0], null, null, f[1])),
        Template("Disconnected from {detail}", f => new Disconnected(f[0])),
        Template("Disconnecting: {reason}", f => new Disconnected(f[0])),
        Template("Killed by signal {signal}.", f => new KilledBySignal(f.Int(0))),
    ];
}
