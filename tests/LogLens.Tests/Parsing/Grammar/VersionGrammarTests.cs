using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class VersionGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: Local version string SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6", new LocalVersion("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6"));
        yield return Case("debug1: Remote protocol version 2.0, remote software version OpenSSH_8.9p1 Ubuntu-3ubuntu0.6", new RemoteVersion("2.0", "OpenSSH_8.9p1 Ubuntu-3ubuntu0.6"));
        yield return Case("debug1: Remote protocol version 1.99, remote software version OpenSSH_5.2", new RemoteVersion("1.99", "OpenSSH_5.2"));
        yield return Case("debug1: compat_banner: match: OpenSSH_8.9p1 pat OpenSSH* compat 0x04000000", new CompatMatch("OpenSSH_8.9p1", "OpenSSH*"));
        yield return Case("debug1: match: OpenSSH_5.2 pat OpenSSH*", new CompatMatch("OpenSSH_5.2", "OpenSSH*"));
        yield return Case("debug1: no match: dropbear_2022.83", new CompatMatch("dropbear_2022.83", null));
        yield return Case("debug1: Enabling compatibility mode for protocol 2.0", new ProtocolCompatibility("2.0"));
        yield return Case("kex_exchange_identification: read: Connection reset by peer", new IdentificationFailed("read: Connection reset by peer"));
        yield return Case("ssh_exchange_identification: read: Connection reset by peer", new IdentificationFailed("read: Connection reset by peer"));
        yield return Case("kex_exchange_identification: Connection closed by remote host", new IdentificationFailed("Connection closed by remote host"));
        yield return Case("ssh_exchange_identification: Connection closed by remote host", new IdentificationFailed("Connection closed by remote host"));
        yield return Case("kex_exchange_identification: banner line contains invalid characters", new IdentificationFailed("banner line contains invalid characters"));
        yield return Case("debug1: kex_exchange_identification: banner line 0: HTTP/1.1 400 Bad Request", new PreBannerLine(0, "HTTP/1.1 400 Bad Request"));
        yield return Case("Bad remote protocol version identification: 'HTTP/1.1 400 Bad Request'", new BadIdentification("Bad remote protocol version identification: 'HTTP/1.1 400 Bad Request'"));
        yield return Case("Connection timed out during banner exchange", new BannerExchangeFailed(null, null, "Connection timed out"));
        yield return Case("banner exchange: Connection to 127.0.0.1 port 2222: Connection timed out", new BannerExchangeFailed("127.0.0.1", 2222, "Connection timed out"));
        yield return Case("debug1: Authenticating to 10.0.0.5:22 as 'alice'", new AuthenticatingTo("10.0.0.5", 22, "alice"));
        yield return Case("debug1: Authenticating to ::1:2222 as 'alice'", new AuthenticatingTo("::1", 2222, "alice"));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
