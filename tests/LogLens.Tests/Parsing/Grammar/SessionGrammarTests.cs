using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class SessionGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: channel 0: new [client-session]", new ChannelOpened(0, "client-session"));
        yield return Case("debug1: channel 0: new session [client-session] (inactive timeout: 0)", new ChannelOpened(0, "client-session"));
        yield return Case("channel 3: open failed: administratively prohibited: open failed", new ChannelOpenFailed(3, "administratively prohibited: open failed"));
        yield return Case("channel 2: open failed: connect failed: Connection refused", new ChannelOpenFailed(2, "connect failed: Connection refused"));
        yield return Case("debug2: shell request accepted on channel 0", new ChannelRequestResult("shell", 0, true));
        yield return Case("PTY allocation request failed on channel 0", new ChannelRequestResult("PTY allocation", 0, false));
        yield return Case("debug1: client_input_channel_req: channel 0 rtype exit-status reply 0", new ServerRequest(0, "exit-status"));
        yield return Case("debug1: client_input_global_request: rtype hostkeys-00@openssh.com want_reply 0", new ServerRequest(null, "hostkeys-00@openssh.com"));
        yield return Case("debug1: channel 0: free: client-session, nchannels 1", new ChannelStep(0, "free: client-session, nchannels 1"));
        yield return Case("debug1: Requesting no-more-sessions@openssh.com", new SessionRequest("Requesting no-more-sessions@openssh.com"));
        yield return Case("debug1: Sending command: exit", new SessionRequest("Sending command: exit"));
        yield return Case("debug1: Entering interactive session.", new EnteringInteractiveSession());
        yield return Case("debug1: pledge: filesystem full", new Pledge("filesystem full"));
        yield return Case("debug1: Exit status 1", new ExitStatus(1));
        yield return Case("Transferred: sent 4316, received 3896 bytes, in 11.3 seconds", new TransferStatistics("Transferred: sent 4316, received 3896 bytes, in 11.3 seconds"));
        yield return Case("debug1: Local connections to LOCALHOST:8080 forwarded to remote address localhost:80", new ForwardEstablished("Local connections to LOCALHOST:8080 forwarded to remote address localhost:80"));
        yield return Case("bind [127.0.0.1]:8080: Address already in use", new BindFailed("[127.0.0.1]:8080", "Address already in use"));
        yield return Case("channel_setup_fwd_listener_tcpip: cannot listen to port: 8080", new ForwardListenFailed("8080"));
        yield return Case("Could not request local forwarding.", new ForwardRequestFailed("local"));
        yield return Case("Warning: remote port forwarding failed for listen port 9000", new RemoteForwardFailed("9000", false));
        yield return Case("Error: remote port forwarding failed for listen port 9000", new RemoteForwardFailed("9000", true));
        yield return Case("debug1: auto-mux: Trying existing master", new MultiplexStep("auto-mux: Trying existing master"));
        yield return Case("This account is currently not available.", new RemoteShellNotice("This account is currently not available."));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
