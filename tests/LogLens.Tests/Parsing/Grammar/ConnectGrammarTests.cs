using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class ConnectGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug2: resolving \"example.org\" port 22", new Resolving("example.org", 22));
        yield return Case("ssh: Could not resolve hostname nohost.invalid: Name or service not known", new ResolveFailed("nohost.invalid", "Name or service not known"));
        yield return Case("ssh: Could not resolve hostname nohost.invalid: Temporary failure in name resolution", new ResolveFailed("nohost.invalid", "Temporary failure in name resolution"));
        yield return Case("ssh: Could not resolve hostname nohost: nodename nor servname provided, or not known", new ResolveFailed("nohost", "nodename nor servname provided, or not known"));
        yield return Case("debug1: Connecting to example.org [93.184.216.34] port 22.", new Connecting("example.org", "93.184.216.34", 22));
        yield return Case("debug1: Connecting to ::1 [::1] port 2222.", new Connecting("::1", "::1", 2222));
        yield return Case("debug1: Connecting to x.x.x.x [x.x.x.x] port 22.", new Connecting("x.x.x.x", "x.x.x.x", 22));
        yield return Case("debug1: connect to address 127.0.0.1 port 22: Connection refused", new ConnectAddressFailed("127.0.0.1", 22, "Connection refused"));
        yield return Case("debug1: connect to address fd00::1 port 22: No route to host", new ConnectAddressFailed("fd00::1", 22, "No route to host"));
        yield return Case("ssh: connect to host localhost port 22: Connection refused", new ConnectFailed("localhost", 22, "Connection refused"));
        yield return Case("ssh: connect to host 10.1.1.1 port 22: Connection timed out", new ConnectFailed("10.1.1.1", 22, "Connection timed out"));
        yield return Case("ssh: connect to host 10.1.1.1 port 22: Network is unreachable", new ConnectFailed("10.1.1.1", 22, "Network is unreachable"));
        yield return Case("debug1: Connection established.", new ConnectionEstablished());
        yield return Case("debug3: ssh_connect_direct: entering", new ConnectStep("entering"));
        yield return Case("debug2: ssh_connect: needpriv 0", new ConnectStep("needpriv 0"));
        yield return Case("debug3: timeout: 599931 ms remain after connect", new ConnectStep("timeout: 599931 ms remain after connect"));
        yield return Case("Connection closed by 127.0.0.1 port 2222", new ConnectionClosedByPeer("127.0.0.1", 2222));
        yield return Case("Connection closed by UNKNOWN port 65535", new ConnectionClosedByPeer("UNKNOWN", 65535));
        yield return Case("Connection reset by 127.0.0.1 port 2222", new ConnectionReset("127.0.0.1", 2222, "Connection reset"));
        yield return Case("Connection to example.org closed.", new ConnectionClosed("example.org", false));
        yield return Case("Connection to example.org closed by remote host.", new ConnectionClosed("example.org", true));
        yield return Case("client_loop: send disconnect: Broken pipe", new ConnectionBroken("Broken pipe"));
        yield return Case("Write failed: Broken pipe", new ConnectionBroken("Broken pipe"));
        yield return Case("packet_write_wait: Connection to 10.0.0.1 port 22: Broken pipe", new ConnectionError("10.0.0.1", 22, "Broken pipe"));
        yield return Case("ssh_dispatch_run_fatal: Connection to 10.0.0.1 port 22: message authentication code incorrect", new ConnectionError("10.0.0.1", 22, "message authentication code incorrect"));
        yield return Case("Timeout, server example.org not responding.", new ServerNotResponding("example.org"));
        yield return Case("Received disconnect from 127.0.0.1 port 2222:2: Too many authentication failures", new ReceivedDisconnect("127.0.0.1", 2222, 2, "Too many authentication failures"));
        yield return Case("Received disconnect from 10.0.0.1: 2: Too many authentication failures for root", new ReceivedDisconnect("10.0.0.1", null, 2, "Too many authentication failures for root"));
        yield return Case("Received disconnect from 10.0.0.1: Too many authentication failures for root", new ReceivedDisconnect("10.0.0.1", null, null, "Too many authentication failures for root"));
        yield return Case("Read from socket failed: Connection reset by peer", new ConnectionBroken("Connection reset by peer"));
        yield return Case("Received disconnect from 10.0.0.1 port 22:11:", new ReceivedDisconnect("10.0.0.1", 22, 11, string.Empty));
        yield return Case("Disconnected from 127.0.0.1 port 2222", new Disconnected("127.0.0.1 port 2222"));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
