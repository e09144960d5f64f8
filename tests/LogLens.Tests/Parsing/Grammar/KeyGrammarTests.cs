using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class KeyGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: identity file /root/.ssh/id_rsa type -1", new IdentityFile("/root/.ssh/id_rsa", -1));
        yield return Case("debug1: identity file /root/.ssh/id_ed25519 type 3", new IdentityFile("/root/.ssh/id_ed25519", 3));
        yield return Case("debug1: certificate file /root/.ssh/id_ed25519-cert.pub type 7", new CertificateFile("/root/.ssh/id_ed25519-cert.pub", 7));
        yield return Case("Load key \"/root/.ssh/id_rsa\": invalid format", new KeyLoadFailed("/root/.ssh/id_rsa", "invalid format"));
        yield return Case("Load key \"./id_rsa\": error in libcrypto", new KeyLoadFailed("./id_rsa", "error in libcrypto"));
        yield return Case("Failed to load key id_rsa: bad permissions", new KeyLoadFailed("id_rsa", "bad permissions"));
        yield return Case("bad permissions: ignore key: /home/u/.ssh/id_rsa", new KeyLoadFailed("/home/u/.ssh/id_rsa", "bad permissions"));
        yield return Case("debug1: key_load_public: No such file or directory", new KeyLoadFailed(null, "No such file or directory"));
        yield return Case("key_load_public: invalid format", new KeyLoadFailed(null, "invalid format"));
        yield return Case("Permissions 0644 for '/root/.ssh/id_ed25519' are too open.", new KeyPermissionsTooOpen("0644", "/root/.ssh/id_ed25519"));
        yield return Case("This private key will be ignored.", new KeyPermissionsNotice("This private key will be ignored."));
        yield return Case("Warning: Identity file /nope/id_ed25519 not accessible: No such file or directory.", new IdentityNotAccessible("/nope/id_ed25519", "No such file or directory"));
        yield return Case("no such identity: /nope/id_ed25519: No such file or directory", new IdentityNotAccessible("/nope/id_ed25519", "No such file or directory"));
        yield return Case("no such identity: /root/.ssh/id_dsa", new IdentityNotAccessible("/root/.ssh/id_dsa", string.Empty));
        yield return Case("Agent admitted failure to sign using the key.", new SigningFailed(null, null, true, "Agent admitted failure to sign using the key"));
        yield return Case("ssh_askpass: exec(/usr/lib/ssh/ssh-askpass): No such file or directory", new TerminalUnavailable("/usr/lib/ssh/ssh-askpass", "No such file or directory"));
        yield return Case("debug1: Skipping ssh-dss key /root/.ssh/id_dsa - corresponding algo not in PubkeyAcceptedAlgorithms", new KeySkipped("ssh-dss", "/root/.ssh/id_dsa", "corresponding algo not in PubkeyAcceptedAlgorithms"));
        yield return Case("debug1: Skipping ssh-rsa key /root/.ssh/id_rsa - not in PubkeyAcceptedKeyTypes", new KeySkipped("ssh-rsa", "/root/.ssh/id_rsa", "not in PubkeyAcceptedKeyTypes"));
        yield return Case("debug1: get_agent_identities: ssh_fetch_identitylist: agent contains no identities", new AgentStatus("ssh_fetch_identitylist: agent contains no identities"));
        yield return Case("debug1: get_agent_identities: agent returned 7 keys", new AgentStatus("agent returned 7 keys"));
        yield return Case("debug1: pubkey_prepare: ssh_get_authentication_socket: No such file or directory", new AgentStatus("ssh_get_authentication_socket: No such file or directory"));
        yield return Case("sign_and_send_pubkey: signing failed for ED25519 \"/root/.ssh/id_ed25519\" from agent: agent refused operation", new SigningFailed("ED25519", "/root/.ssh/id_ed25519", true, "agent refused operation"));
        yield return Case("sign_and_send_pubkey: signing failed: agent refused operation", new SigningFailed(null, null, true, "agent refused operation"));
        yield return Case("debug1: loaded pubkey from /root/.ssh/id_ed25519: ED25519 SHA256:abc", new KeyLoad("pubkey", "/root/.ssh/id_ed25519", true));
        yield return Case("debug1: Checking blacklist file /usr/share/ssh/blacklist.RSA-2048", new KeyNote("Checking blacklist file /usr/share/ssh/blacklist.RSA-2048"));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
