using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>certificate-invalid</c>: a user certificate was offered and the server did not accept it.</summary>
internal sealed class CertificateInvalidRule() : Rule(new(RuleIds.CertificateInvalid, "certificate-invalid", Severity.Error, Phase.Authentication, "The server did not accept the user certificate"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated)
        {
            return null;
        }

        var offers = AuthFacts.Offers(session);
        var certs = offers.Where(o => o.IsCertificate).ToList();
        var denied = session.Last<PermissionDenied>();
        var certFiles = session.All<IdentityFile>().Where(i => !i.Missing && IsCertPath(i.Path)).Select(i => (SshEvent)i)
            .Concat(session.All<CertificateFile>().Where(c => c.KeyType >= 0)).ToList();
        if (offers.Any(o => o.Accepted))
        {
            return null;
        }

        var reason = session.All<RemoteMessage>().LastOrDefault(m => m.Text.Contains("Certificate invalid", StringComparison.OrdinalIgnoreCase));
        var refused = certs.Where(o => o.Answer is AuthMethodsCanContinue or PermissionDenied || (o.Answer is null && o == offers[^1])).ToList();
        var onlyFiles = offers.Count == 0 && certFiles.Count > 0 && denied?.Methods.Contains("publickey", StringComparison.Ordinal) == true;
        if (refused.Count == 0 && !onlyFiles && reason is null)
        {
            return null;
        }

        var cert = refused.FirstOrDefault();
        var certPath = CertPath(cert, certFiles);
        var user = AuthFacts.User(session);
        var why = reason is not null
            ? $"The server said why: \"{reason.Text}\"."
            : "The client is never told why (the reason is only in the server's log as \"Certificate invalid: ...\"), but it is one of these, most likely first: " +
              "the certificate has expired or is not valid yet (check the client's and server's clocks too); " +
              $"{(user is null ? "the remote user" : $"'{user}'")} is not among its principals (or not in the server's AuthorizedPrincipalsFile); " +
              "the server does not trust the CA that signed it (TrustedUserCAKeys), or the certificate or its CA key is revoked; " +
              "or a force-command/source-address restriction in it does not fit this connection.";
        MessageText message =
            $"ssh offered the user certificate {(cert is null ? certPath : cert.Describe())} to {session.Target?.Host ?? "the server"}" +
            $"{(user is null ? string.Empty : $" as '{user}'")}, and the server did not accept it. {why} " +
            $"A certificate login does not use authorized_keys, so copying the public key to the server is not the fix: the certificate itself has to be valid for this user and this server.";
        return Report(
            message,
            [AuthFacts.UserEvidence(session), .. certFiles.Take(1), .. refused.SelectMany(o => new[] { o.Offer, o.Answer }), reason, denied],
            [
                new Fix("Show the certificate's validity period, principals and signing CA", $"ssh-keygen -L -f {Shell(certPath)}"),
                new Fix("If it has expired or names other principals, have the CA sign a new one (on the CA host)", $"ssh-keygen -s CA_KEY -I ID -n {user ?? "USER"} -V +52w {Shell(certPath.EndsWith("-cert.pub", StringComparison.Ordinal) ? certPath[..^"-cert.pub".Length] + ".pub" : "KEY.pub")}"),
                Fix.OnServer("On the server, check that sshd trusts the CA that signed it", "sudo sshd -T | grep -i -E 'trustedusercakeys|authorizedprincipals|revokedkeys'"),
                Fix.OnServer("On the server, read sshd's reason (Certificate invalid: ...)", "sudo journalctl -u ssh -n 50"),
            ]);
    }

    private static bool IsCertPath(string path) => path.EndsWith("-cert", StringComparison.Ordinal) || path.EndsWith("-cert.pub", StringComparison.Ordinal);

    private static string CertPath(OfferedKey? cert, List<SshEvent> files)
    {
        var file = files.Select(f => f switch
        {
            IdentityFile i => i.Path,
            CertificateFile c => c.Path,
            _ => null,
        }).FirstOrDefault(p => p is not null);
        if (file is not null)
        {
            return file.EndsWith("-cert", StringComparison.Ordinal) ? file + ".pub" : file;
        }

        if (cert is null || !cert.IsFile)
        {
            return "~/.ssh/id_ed25519-cert.pub";
        }

        return cert.Path switch
        {
            var p when p.EndsWith("-cert.pub", StringComparison.Ordinal) => p,
            var p when p.EndsWith("-cert", StringComparison.Ordinal) => p + ".pub",
            var p when p.EndsWith(".pub", StringComparison.Ordinal) => p[..^4] + "-cert.pub",
            var p => p + "-cert.pub",
        };
    }
}
