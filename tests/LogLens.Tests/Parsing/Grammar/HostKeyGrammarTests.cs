using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class HostKeyGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: load_hostkeys: fopen /root/.ssh/known_hosts2: No such file or directory", new KnownHostsFileMissing("/root/.ssh/known_hosts2", "No such file or directory"));
        yield return Case("debug3: record_hostkey: found key type ED25519 in file /root/.ssh/known_hosts:1", new KnownHostsLookup("found key type ED25519 in file /root/.ssh/known_hosts:1"));
        yield return Case("debug3: load_hostkeys: loading entries for host \"10.0.0.7\" from file \"/home/u/.ssh/known_hosts\"", new KnownHostsLookup("loading entries for host \"10.0.0.7\" from file \"/home/u/.ssh/known_hosts\""));
        yield return Case("debug1: Host '[127.0.0.1]:2222' is known and matches the ED25519 host key.", new HostKeyKnown("[127.0.0.1]:2222", "ED25519"));
        yield return Case("debug1: Found key in /root/.ssh/known_hosts:3", new HostKeyFound("/root/.ssh/known_hosts", 3));
        yield return Case("debug1: Found key in C:\\Users\\me/.ssh/known_hosts:12", new HostKeyFound("C:\\Users\\me/.ssh/known_hosts", 12));
        yield return Case("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@", new WarningBorder());
        yield return Case("@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @", new WarningBanner("REMOTE HOST IDENTIFICATION HAS CHANGED!"));
        yield return Case("@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @", new WarningBanner("UNPROTECTED PRIVATE KEY FILE!"));
        yield return Case("IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!", new HostKeyWarningText("IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!"));
        yield return Case("The fingerprint for the ED25519 key sent by the remote host is", new HostKeyFingerprint("ED25519", null));
        yield return Case("SHA256:MR+lefcqmw4HL4Kz86LBJrS9DsLMWT54qNoLp2VdPMk.", new HostKeyFingerprint(null, "SHA256:MR+lefcqmw4HL4Kz86LBJrS9DsLMWT54qNoLp2VdPMk"));
        yield return Case("Add correct host key in /root/.ssh/known_hosts to get rid of this message.", new KnownHostsHint("Add correct host key in /root/.ssh/known_hosts to get rid of this message."));
        yield return Case("Offending ECDSA key in /home/u/.ssh/known_hosts:3", new OffendingKey("ECDSA", "/home/u/.ssh/known_hosts", 3));
        yield return Case("Offending ECDSA key in C:\\\\Users\\\\pp/.ssh/known_hosts:3", new OffendingKey("ECDSA", "C:\\\\Users\\\\pp/.ssh/known_hosts", 3));
        yield return Case("Offending key for IP in /home/u/.ssh/known_hosts:9", new OffendingKey(null, "/home/u/.ssh/known_hosts", 9));
        yield return Case("  ssh-keygen -f '/home/u/.ssh/known_hosts' -R '192.168.56.10'", new KnownHostsHint("ssh-keygen -f '/home/u/.ssh/known_hosts' -R '192.168.56.10'"));
        yield return Case("ECDSA host key for [127.0.0.1]:2022 has changed and you have requested strict checking.", new HostKeyChanged("ECDSA", "[127.0.0.1]:2022"));
        yield return Case("Host key for 192.168.56.10 has changed and you have requested strict checking.", new HostKeyChanged(null, "192.168.56.10"));
        yield return Case("Host key verification failed.", new HostKeyVerificationFailed());
        yield return Case("No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.", new HostKeyUnknownStrict("ED25519", "[127.0.0.1]:2222"));
        yield return Case("The authenticity of host '[127.0.0.1]:2222 ([127.0.0.1]:2222)' can't be established.", new HostAuthenticityUnknown("[127.0.0.1]:2222", "[127.0.0.1]:2222"));
        yield return Case("ED25519 key fingerprint is SHA256:Pt+/4PLN4e87/CKUr6u3rfgxnFJ3c9J7I9QFn5jm+9E.", new HostKeyFingerprint("ED25519", "SHA256:Pt+/4PLN4e87/CKUr6u3rfgxnFJ3c9J7I9QFn5jm+9E"));
        yield return Case("Are you sure you want to continue connecting (yes/no/[fingerprint])? yes", new HostKeyPrompt("yes"));
        yield return Case("Are you sure you want to continue connecting (yes/no)? ", new HostKeyPrompt(null));
        yield return Case("Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.", new HostKeyAdded("[127.0.0.1]:2222", "ED25519"));
        yield return Case("debug1: client_input_hostkeys: searching /root/.ssh/known_hosts for [127.0.0.1]:2222 / (none)", new HostKeyUpdate("searching /root/.ssh/known_hosts for [127.0.0.1]:2222 / (none)"));
        yield return Case("debug1: update_known_hosts: known hosts file /root/.ssh/known_hosts2 does not exist", new KnownHostsFileMissing("/root/.ssh/known_hosts2", "does not exist"));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
