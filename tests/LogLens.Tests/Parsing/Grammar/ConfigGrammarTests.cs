using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class ConfigGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025", new ClientVersion("OpenSSH_9.2p1 Debian-2+deb12u6", "OpenSSL 3.0.17 1 Jul 2025"));
        yield return Case("debug1: OpenSSH_10.0p2 Debian-5, OpenSSL 3.5.0 8 Apr 2025", new ClientVersion("OpenSSH_10.0p2 Debian-5", "OpenSSL 3.5.0 8 Apr 2025"));
        yield return Case("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2", new ClientVersion("OpenSSH_for_Windows_8.1p1", "LibreSSL 3.0.2"));
        yield return Case("OpenSSH_7.5p1, without OpenSSL", new ClientVersion("OpenSSH_7.5p1", "without OpenSSL"));
        yield return Case("OpenSSH_9.9p2, LibreSSL 3.3.6", new ClientVersion("OpenSSH_9.9p2", "LibreSSL 3.3.6"));
        yield return Case("OpenSSH_5.3p1, OpenSSL 1.0.1e-fips 11 Feb 2013", new ClientVersion("OpenSSH_5.3p1", "OpenSSL 1.0.1e-fips 11 Feb 2013"));
        yield return Case("debug1: Reading configuration data /etc/ssh/ssh_config", new ReadingConfig("/etc/ssh/ssh_config"));
        yield return Case("debug1: Reading configuration data C:\\\\Users\\\\me/.ssh/config", new ReadingConfig("C:\\\\Users\\\\me/.ssh/config"));
        yield return Case("debug1: /etc/ssh/ssh_config line 19: Applying options for *", new ConfigApplyingOptions("/etc/ssh/ssh_config", 19, "*"));
        yield return Case("debug1: Applying options for *", new ConfigApplyingOptions(null, null, "*"));
        yield return Case("debug1: /etc/ssh/ssh_config line 21: include /etc/ssh/ssh_config.d/* matched no files", new ConfigInclude("/etc/ssh/ssh_config", 21, "/etc/ssh/ssh_config.d/*", false));
        yield return Case("debug3: /etc/ssh/ssh_config line 19: Including file /etc/ssh/ssh_config.d/20-systemd-ssh-proxy.conf depth 0", new ConfigInclude("/etc/ssh/ssh_config", 19, "/etc/ssh/ssh_config.d/20-systemd-ssh-proxy.conf", true));
        yield return Case("debug1: /home/u/.ssh/config line 4: Deprecated option \"useroaming\"", new ConfigNote("/home/u/.ssh/config", 4, "Deprecated option \"useroaming\""));
        yield return Case("/home/u/.ssh/config: line 3: Bad configuration option: identityfiel", new ConfigError("/home/u/.ssh/config", 3, "Bad configuration option: identityfiel"));
        yield return Case("/home/u/.ssh/config line 7: Missing argument.", new ConfigError("/home/u/.ssh/config", 7, "Missing argument."));
        yield return Case("/home/u/.ssh/config: terminating, 1 bad configuration options", new ConfigTerminating("/home/u/.ssh/config", 1));
        yield return Case("Bad owner or permissions on /home/u/.ssh/config", new ConfigBadPermissions("/home/u/.ssh/config"));
        yield return Case("debug3: Bad permissions. Try removing permissions for user: S-1-5-11 on file C:/Users/me/.ssh/config.", new WindowsBadPermissions("S-1-5-11", "C:/Users/me/.ssh/config"));
        yield return Case("debug3: Failed to open file:C:/ProgramData/ssh/ssh_config error:2", new FileOpenFailed("C:/ProgramData/ssh/ssh_config", "error:2"));
        yield return Case("Can't open user config file /tmp/nope: No such file or directory", new FileOpenFailed("/tmp/nope", "No such file or directory"));
        yield return Case("debug1: Setting implicit ProxyCommand from ProxyJump: ssh -vvv -W '[%h]:%p' hop", new ProxyJumpCommand("ssh -vvv -W '[%h]:%p' hop"));
        yield return Case("debug1: Executing proxy command: exec ssh -W '[10.0.0.2]:22' hop", new ProxyCommandExecuting("exec ssh -W '[10.0.0.2]:22' hop"));
        yield return Case("CreateProcessW failed error:2", new ProcessSpawnFailed("CreateProcessW", "error:2"));
        yield return Case("posix_spawn: No such file or directory", new ProcessSpawnFailed("posix_spawn", "No such file or directory"));
        yield return Case("debug3: Running on Linux 6.1.0-18-amd64 #1 SMP x86_64", new RunningOn("Linux 6.1.0-18-amd64 #1 SMP x86_64"));
        yield return Case("debug3: Started with: ssh -vvv -p 2222 127.0.0.1", new StartedWith("ssh -vvv -p 2222 127.0.0.1"));
        yield return Case("debug3: expanded UserKnownHostsFile '~/.ssh/known_hosts' -> '/root/.ssh/known_hosts'", new ConfigExpanded("UserKnownHostsFile", "~/.ssh/known_hosts", "/root/.ssh/known_hosts"));
        yield return Case("debug1: Authenticator provider $SSH_SK_PROVIDER did not resolve; disabling", new ClientNote("Authenticator provider $SSH_SK_PROVIDER did not resolve; disabling"));
        yield return Case("Pseudo-terminal will not be allocated because stdin is not a terminal.", new ClientNote("Pseudo-terminal will not be allocated because stdin is not a terminal."));
        yield return Case("debug2: resolve_canonicalize: hostname 10.0.0.1 is address", new HostnameCanonicalization("hostname 10.0.0.1 is address"));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
