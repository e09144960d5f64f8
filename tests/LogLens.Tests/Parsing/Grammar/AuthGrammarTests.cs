using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing.Grammar;

public class AuthGrammarTests
{
    private static IEnumerable<TestCaseData> Lines()
    {
        yield return Case("debug1: Authentications that can continue: publickey,password", new AuthMethodsCanContinue("publickey,password"));
        yield return Case("debug1: Next authentication method: publickey", new NextAuthMethod("publickey"));
        yield return Case("debug1: Will attempt key: /root/.ssh/id_ed25519 ED25519 SHA256:abc explicit", new WillAttemptKey("/root/.ssh/id_ed25519", "ED25519", "SHA256:abc", "explicit"));
        yield return Case("debug1: Will attempt key: id_rsa  explicit", new WillAttemptKey("id_rsa", null, null, "explicit"));
        yield return Case("debug1: Will attempt key: /root/.ssh/id_rsa ", new WillAttemptKey("/root/.ssh/id_rsa", null, null, string.Empty));
        yield return Case("debug1: Will attempt key: me@laptop RSA SHA256:xyz agent", new WillAttemptKey("me@laptop", "RSA", "SHA256:xyz", "agent"));
        yield return Case("debug1: Offering public key: /root/.ssh/id_ed25519 ED25519 SHA256:abc explicit agent", new OfferingKey("/root/.ssh/id_ed25519", "ED25519", "SHA256:abc", "explicit agent"));
        yield return Case("debug1: Offering public key: /Users/me/.ssh/id_rsa RSA SHA256:rII agent", new OfferingKey("/Users/me/.ssh/id_rsa", "RSA", "SHA256:rII", "agent"));
        yield return Case("debug1: Offering public key: RSA SHA256:abc /home/u/.ssh/id_rsa", new OfferingKey("/home/u/.ssh/id_rsa", "RSA", "SHA256:abc", string.Empty));
        yield return Case("debug1: Offering RSA public key: /home/daniel/.ssh/id_rsa", new OfferingKey("/home/daniel/.ssh/id_rsa", "RSA", null, string.Empty));
        yield return Case("debug1: Offering public key: /tmp/u/id_ed25519 ED25519-CERT SHA256:abc explicit", new OfferingKey("/tmp/u/id_ed25519", "ED25519-CERT", "SHA256:abc", "explicit"));
        yield return Case("debug1: Server accepts key: /root/.ssh/id_ed25519 ED25519 SHA256:abc explicit", new ServerAcceptsKey("/root/.ssh/id_ed25519", "ED25519", "SHA256:abc", "explicit"));
        yield return Case("debug1: Server accepts key: <ssh://me|nist256p1> ECDSA SHA256:fgl agent", new ServerAcceptsKey("<ssh://me|nist256p1>", "ECDSA", "SHA256:fgl", "agent"));
        yield return Case("debug1: Server accepts key: pkalg rsa-sha2-512 blen 279", new ServerAcceptsKey(string.Empty, "rsa-sha2-512", null, string.Empty));
        yield return Case("debug1: Trying private key: /root/.ssh/id_dsa", new TryingPrivateKey("/root/.ssh/id_dsa"));
        yield return Case("debug1: send_pubkey_test: no mutual signature algorithm", new NoMutualSignature());
        yield return Case("debug1: Authentication succeeded (publickey).", new AuthSucceeded("publickey"));
        yield return Case("Authenticated to 127.0.0.1 ([127.0.0.1]:2222) using \"publickey\".", new AuthenticatedTo("127.0.0.1", "127.0.0.1", 2222, "publickey"));
        yield return Case("debug1: Authenticated to example.org ([93.184.216.34]:22).", new AuthenticatedTo("example.org", "93.184.216.34", 22, null));
        yield return Case("Authenticated to  External_HOST_IP   (via proxy).", new AuthenticatedTo(" External_HOST_IP  ", null, null, null));
        yield return Case("Authenticated to hop (via proxy) using \"publickey\".", new AuthenticatedTo("hop", null, null, "publickey"));
        yield return Case("alice@127.0.0.1: Permission denied (publickey).", new PermissionDenied("alice", "127.0.0.1", "publickey"));
        yield return Case("Permission denied (publickey,password).", new PermissionDenied(null, null, "publickey,password"));
        yield return Case("Permission denied, please try again.", new PasswordRetry());
        yield return Case("debug1: No more authentication methods to try.", new NoMoreAuthMethods());
        yield return Case("debug2: we sent a publickey packet, wait for reply", new AuthStep("we sent a publickey packet, wait for reply"));
        yield return Case("danny@192.168.0.7's password:", new PasswordPrompt("danny@192.168.0.7's password:"));
        yield return Case("Enter passphrase for key 'id_rsa':", new PassphrasePrompt("id_rsa"));
        yield return Case("debug1: Unspecified GSS failure.  Minor code may provide more information", new GssapiMessage("Unspecified GSS failure.  Minor code may provide more information"));
        yield return Case("Your account has expired; please contact your system administrator.", new AccountNotice("Your account has expired; please contact your system administrator."));
    }

    [TestCaseSource(nameof(Lines))]
    public void ReadsTheLineAsItsTypedEvent(string line, SshEvent expected) => ShouldParseAs(line, expected);
}
