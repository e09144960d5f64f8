using LogLens.Events;
using Sprache;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>After authentication: channels, session requests, forwarding, multiplexing and the session's end.</summary>
internal static class SessionGrammar
{
    /// <summary>A line of the open-channels listing (<c>#0 client-session (t4 r0 i0/0 o0/0 ...)</c>).</summary>
    private static readonly Parser<SshEvent> ChannelListing =
        from hash in Parse.Char('#')
        from number in Parse.Number
        from rest in Parse.AnyChar.Many().Text()
        select (SshEvent)new ChannelStep(int.TryParse(number, out var n) ? n : null, rest.Trim());

    private static SshEvent? ChannelListingFast(ReadOnlySpan<char> message)
    {
        var end = 1;
        while (end < message.Length && char.IsNumber(message[end]))
        {
            end++;
        }

        return message.Length > 0 && message[0] == '#' && end > 1
            ? new ChannelStep(int.TryParse(message[1..end], out var n) ? n : null, message[end..].Trim().ToString())
            : null;
    }

    private static readonly string[] ChannelFunctions =
    [
        "channel_*", "chan_*", "client_session2_setup", "ssh_session2_open", "ssh_session2_setup", "client_repledge",
        "client_check_window_change", "client_x11_get_proto", "client_loop", "client_channel_closed", "client_simple_escape_filter",
        "client_process_buffered_input_packets", "client_wait_until_can_do_something", "session_*", "ssh_init_stdio_forwarding",
        "ssh_init_forwarding", "ssh_confirm_remote_forward", "ssh_stdio_confirm", "client_status_confirm", "client_cleanup_stdio_fwd",
    ];

    private static readonly string[] MultiplexFunctions =
    [
        "mux_*", "muxclient", "muxserver_*", "control_persist_detach", "process_mux_*", "mux_client_*", "client_*_mux*",
    ];

    private static readonly string[] RemoteShellTexts =
    [
        "This account is currently not available.",
        "This service allows sftp connections only.",
        "Could not chdir to home directory {directory}: {reason}",
        "Could not set limit for '{limit}': {reason}",
    ];

    public static readonly MessageRule[] Rules =
    [
        Template("channel {n}: new [{name}]", f => new ChannelOpened(f.Int(0), f[1])),
        Template("channel {n}: new {type} [{name}] (inactive timeout: {timeout})", f => new ChannelOpened(f.Int(0), f[2])),
        Template("channel {n}: open failed: {reason}", f => new ChannelOpenFailed(f.Int(0), f[1])),
        Template("{request} request accepted on channel {n}", f => new ChannelRequestResult(f[0], f.Int(1), true)),
        Template("{request} request failed on channel {n}", f => new ChannelRequestResult(f[0], f.Int(1), false)),
        Template("channel {n} rtype {type} reply {reply}", f => new ServerRequest(f.Int(0), f[1]), "client_input_channel_req"),
        Template("rtype {type} want_reply {reply}", f => new ServerRequest(null, f[0]), "client_input_global_request"),
        Template("cannot listen to port: {port}", f => new ForwardListenFailed(f[0]), "channel_setup_fwd_listener_tcpip"),
        Template("{detail}", f => new ChannelStep(null, f[0]), ChannelFunctions),
        Template("channel {n}: {detail}", f => new ChannelStep(f.Int(0), f[1])),
        Anchored("#", ChannelListing, ChannelListingFast),
        Template("The following connections are open:", _ => new ChannelStep(null, "The following connections are open:")),
        Template("Requesting {what}", f => new SessionRequest("Requesting " + f[0])),
        Template("Sending {what}", f => new SessionRequest("Sending " + f[0])),
        Template("Ignored env {name}", f => new SessionRequest("Ignored env " + f[0])),
        Template("Entering interactive session.", _ => new EnteringInteractiveSession()),
        Template("pledge: {promises}", f => new Pledge(f[0])),
        Template("Exit status {code}", f => new ExitStatus(f.Int(0))),
        Template("Transferred: {detail}", f => new TransferStatistics("Transferred: " + f[0])),
        Template("Bytes per second: {detail}", f => new TransferStatistics("Bytes per second: " + f[0])),
        Template("Local connections to {detail}", f => new ForwardEstablished("Local connections to " + f[0])),
        Template("Remote connections from {detail}", f => new ForwardEstablished("Remote connections from " + f[0])),
        Template("Local forwarding listening on {detail}", f => new ForwardEstablished("Local forwarding listening on " + f[0])),
        Template("remote forward success for: {detail}", f => new ForwardEstablished("remote forward success for: " + f[0])),
        Template("remote forward failure for: listen {detail}", f => new RemoteForwardFailed(f[0], false)),
        Template("Allocated port {detail}", f => new ForwardEstablished("Allocated port " + f[0])),
        Template("All remote forwarding requests processed", _ => new ForwardEstablished("All remote forwarding requests processed")),
        Template("stdio forwarding: done", _ => new ForwardEstablished("stdio forwarding: done")),
        Template("channel_connect_stdio_fwd {target}", f => new ForwardEstablished("channel_connect_stdio_fwd " + f[0])),
        Template("bind [{address}]:{port}: {reason}", f => new BindFailed($"[{f[0]}]:{f[1]}", f[2])),
        Template("bind: {reason}", f => new BindFailed(null, f[0])),
        Template("bind {address}: {reason}", f => new BindFailed(f[0], f[1])),
        Template("stdio forwarding failed", _ => new ForwardRequestFailed("stdio")),
        Template("Could not request {kind} forwarding.", f => new ForwardRequestFailed(f[0])),
        Template("Warning: remote port forwarding failed for listen port {port}", f => new RemoteForwardFailed(f[0], false)),
        Template("Warning: remote port forwarding failed for listen path {path}", f => new RemoteForwardFailed(f[0], false)),
        Template("Error: remote port forwarding failed for listen port {port}", f => new RemoteForwardFailed(f[0], true)),
        Template("Error: remote port forwarding failed for listen path {path}", f => new RemoteForwardFailed(f[0], true)),
        Template("Warning: Could not request remote forwarding.", _ => new ForwardRequestFailed("remote")),
        Template("Connection to port {port} forwarding to {detail} requested.", f => new ForwardConnection($"Connection to port {f[0]} forwarding to {f[1]} requested.")),
        Template("connect_to {target}: failed.", f => new ForwardTargetFailed(f[0], "failed")),
        Template("connect_to {target}: unknown host {reason}", f => new ForwardTargetFailed(f[0], "unknown host " + f[1])),
        Template("auto-mux: {detail}", f => new MultiplexStep("auto-mux: " + f[0])),
        Template("Control socket {detail}", f => new MultiplexStep("Control socket " + f[0])),
        Template("setting up multiplex master socket", _ => new MultiplexStep("setting up multiplex master socket")),
        Template("{detail}", f => new MultiplexStep(f[0]), MultiplexFunctions),
        .. RemoteShellTexts.Select(text => Template(text, _ => new RemoteShellNotice(text))),
    ];
}
