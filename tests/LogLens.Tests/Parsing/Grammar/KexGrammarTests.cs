using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class KexGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: SSH2_MSG_KEXINIT sent", new ProtocolMessage("SSH2_MSG_KEXINIT", true));
        yield return Case("debug1: SSH2_MSG_KEXINIT received", new ProtocolMessage("SSH2_MSG_KEXINIT", false));
        yield return Case("debug1: SSH2_MSG_KEX_DH_GEX_REQUEST(1024<1024<8192) sent", new ProtocolMessage("SSH2_MSG_KEX_DH_GEX_REQUEST", true));
        yield return Case("debug1: SSH2_MSG_SERVICE_ACCEPT received", new ProtocolMessage("SSH2_MSG_SERVICE_ACCEPT", false));
        yield return Case("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY", new ExpectingMessage("SSH2_MSG_KEX_ECDH_REPLY"));
        yield return Case("debug3: send packet: type 20", new PacketTrace(20, true));
        yield return Case("debug3: receive packet: type 51", new PacketTrace(51, false));
        yield return Case("debug2: local client KEXINIT proposal", new KexProposalStart(false));
        yield return Case("debug2: peer server KEXINIT proposal", new KexProposalStart(true));
        yield return Case("debug2: KEX algorithms: curve25519-sha256,ext-info-c", new KexProposal("KEX algorithms", "curve25519-sha256,ext-info-c"));
        yield return Case("debug2: host key algorithms: ssh-ed25519,rsa-sha2-512", new KexProposal("host key algorithms", "ssh-ed25519,rsa-sha2-512"));
        yield return Case("debug2: ciphers ctos: aes128-ctr,aes256-ctr", new KexProposal("ciphers ctos", "aes128-ctr,aes256-ctr"));
        yield return Case("debug2: languages stoc: ", new KexProposal("languages stoc", string.Empty));
        yield return Case("debug2: first_kex_follows 0 ", new KexProposal("first_kex_follows", "0"));
        yield return Case("debug2: kex_parse_kexinit: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1", new KexProposal(null, "diffie-hellman-group14-sha1,diffie-hellman-group1-sha1"));
        yield return Case("debug1: kex: algorithm: curve25519-sha256", new KexChosen("algorithm", "curve25519-sha256"));
        yield return Case("debug1: kex: host key algorithm: (no match)", new KexChosen("host key algorithm", "(no match)"));
        yield return Case("debug1: kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none", new KexCipherChosen("server->client", "chacha20-poly1305@openssh.com", "<implicit>", "none"));
        yield return Case("debug1: kex: client->server aes128-ctr hmac-md5 none", new KexCipherChosen("client->server", "aes128-ctr", "hmac-md5", "none"));
        yield return Case("Unable to negotiate with 127.0.0.1 port 2222: no matching key exchange method found. Their offer: curve25519-sha256,ecdh-sha2-nistp256",
            new NegotiationFailed("127.0.0.1", 2222, "no matching key exchange method found", "curve25519-sha256,ecdh-sha2-nistp256", null));
        yield return Case("Unable to negotiate with 92.53.96.151 port 22: no matching host key type found.", new NegotiationFailed("92.53.96.151", 22, "no matching host key type found.", null, null));
        yield return Case("no matching cipher found: client aes128-cbc,3des-cbc server aes128-ctr,aes256-ctr", new NegotiationFailed(null, null, "no matching cipher found", "aes128-ctr,aes256-ctr", "aes128-cbc,3des-cbc"));
        yield return Case("Their offer: ssh-rsa,ssh-dss", new TheirOffer("ssh-rsa,ssh-dss"));
        yield return Case("debug1: Server host key: ssh-ed25519 SHA256:Pt+/4PLN4e87/CKUr6u3rfgxnFJ3c9J7I9QFn5jm+9E", new ServerHostKey("ssh-ed25519", "SHA256:Pt+/4PLN4e87/CKUr6u3rfgxnFJ3c9J7I9QFn5jm+9E"));
        yield return Case("debug1: Server host key: RSA 7b:18:02:e2:01:b2:42:88:4b:61:ce:c4:0c:d7:8e:bf", new ServerHostKey("RSA", "7b:18:02:e2:01:b2:42:88:4b:61:ce:c4:0c:d7:8e:bf"));
        yield return Case("debug1: kex_input_ext_info: server-sig-algs=<rsa-sha2-256,rsa-sha2-512>", new ServerExtension("server-sig-algs", "rsa-sha2-256,rsa-sha2-512"));
        yield return Case("debug1: kex_ext_info_client_parse: server-sig-algs=<ssh-ed25519,rsa-sha2-512>", new ServerExtension("server-sig-algs", "ssh-ed25519,rsa-sha2-512"));
        yield return Case("debug1: rekey out after 134217728 blocks", new KexStep("rekey out after 134217728 blocks"));
        yield return Case("** WARNING: connection is not using a post-quantum key exchange algorithm.", new PostQuantumWarning("** WARNING: connection is not using a post-quantum key exchange algorithm."));
        yield return Case("debug1: Remote: PTY allocation disabled.", new RemoteMessage("PTY allocation disabled."));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
