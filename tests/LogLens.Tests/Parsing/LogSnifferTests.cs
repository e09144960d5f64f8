namespace LogLens.Tests.Parsing;

/// <summary>
/// Whose log an input is, by the lines only one side prints. The wordings are OpenSSH's (shared/openssh): a line ssh and sshd both
/// print counts for neither, so a paste of the client's last lines stays the client's.
/// </summary>
public class LogSnifferTests
{
    [TestCase("Received disconnect from 10.0.0.5 port 22:2: Too many authentication failures\nDisconnected from 10.0.0.5 port 22\n",
        TestName = "the client's disconnect lines, which sshd prints alike")]
    [TestCase("Unable to negotiate with 10.0.0.5 port 22: no matching cipher found. Their offer: aes256-cbc\n", TestName = "a negotiation failure, printed alike")]
    [TestCase("debug1: Authenticating to 10.0.0.5:22 as 'alice'\nReceived disconnect from 10.0.0.5 port 22:2: Too many authentication failures\n",
        TestName = "a client log")]
    public void ReadsAsTheClients(string text) => SshLog.Analyze(text).Kind.Should().Be(LogKind.Client);

    [TestCase("Received disconnect from 203.0.113.9 port 40000:11: Bye Bye [preauth]\n", TestName = "sshd's disconnect, before authentication")]
    [TestCase("Dec  2 07:00:00 web1 sshd[300]: Received disconnect from 203.0.113.9 port 40000:11: disconnected by user\n", TestName = "a syslog line of sshd's")]
    [TestCase("Bind to port 22 on 0.0.0.0 failed: Address already in use.\nCannot bind any address.\n", TestName = "sshd that could not listen, untagged")]
    public void ReadsAsSshds(string text) => SshLog.Analyze(text).Kind.Should().Be(LogKind.Server);
}
