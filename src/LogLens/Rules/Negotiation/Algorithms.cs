using System.Text.RegularExpressions;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary>One kind of negotiated algorithm: how ssh names it, the option that sets it, and the algorithms from best to worst.</summary>
internal sealed record AlgorithmKind(string Name, string Option, string? Flag, string[] Preference, string[] Legacy, Func<string, bool> Matches, string? ChosenKind)
{
    /// <summary>Algorithms that even old clients know, preferred when the limit is on the client's side.</summary>
    public string[] Portable { get; init; } = [];
}

/// <summary>A failed negotiation found in a session: the lines, the server's list and (old wording) the client's.</summary>
internal sealed record Mismatch(
    NegotiationFailed? Failed,
    KexChosen? NoMatch,
    TheirOffer? OfferLine,
    IReadOnlyList<string> Theirs,
    IReadOnlyList<string> Ours,
    string Host,
    int Port)
{
    public IEnumerable<SshEvent?> Evidence => [NoMatch, Failed, OfferLine];
}

/// <summary>What the negotiation rules share: finding the failure, ranking the offer, and the client's version.</summary>
internal static partial class Algorithms
{
    /// <summary>Markers in a KEX list that are not algorithms.</summary>
    private static readonly string[] Pseudo = ["ext-info-c", "ext-info-s", "ext-info-in-auth@openssh.com", "kex-strict-c-v00@openssh.com", "kex-strict-s-v00@openssh.com"];

    public static readonly AlgorithmKind Kex = new(
        "key exchange method",
        "KexAlgorithms",
        null,
        [
            "mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
            "diffie-hellman-group1-sha1",
        ],
        ["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group1-sha1", "gss-group1-sha1-", "gss-gex-sha1-", "gss-group14-sha1-"],
        what => what.Contains("key exchange", StringComparison.OrdinalIgnoreCase) || what.Contains("kex", StringComparison.OrdinalIgnoreCase),
        "algorithm")
    {
        Portable = ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256", "diffie-hellman-group-exchange-sha256"],
    };

    public static readonly AlgorithmKind HostKey = new(
        "host key type",
        "HostKeyAlgorithms",
        null,
        [
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256",
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com", "ssh-dss",
            "ssh-dss-cert-v01@openssh.com",
        ],
        ["ssh-rsa", "ssh-dss", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ssh-rsa-cert-v00@openssh.com", "ssh-dss-cert-v00@openssh.com"],
        what => what.Contains("host key", StringComparison.OrdinalIgnoreCase) || what.Contains("hostkey", StringComparison.OrdinalIgnoreCase),
        "host key algorithm");

    public static readonly AlgorithmKind Cipher = new(
        "cipher",
        "Ciphers",
        "-c",
        [
            "chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr", "aes256-cbc",
            "aes192-cbc", "aes128-cbc", "rijndael-cbc@lysator.liu.se", "3des-cbc", "blowfish-cbc", "cast128-cbc", "arcfour256", "arcfour128", "arcfour",
        ],
        ["aes256-cbc", "aes192-cbc", "aes128-cbc", "rijndael-cbc@lysator.liu.se", "3des-cbc", "blowfish-cbc", "cast128-cbc", "arcfour256", "arcfour128", "arcfour", "des-cbc", "none"],
        what => what.Contains("cipher", StringComparison.OrdinalIgnoreCase),
        null)
    {
        Portable = ["aes256-ctr", "aes192-ctr", "aes128-ctr"],
    };

    public static readonly AlgorithmKind Mac = new(
        "MAC",
        "MACs",
        "-m",
        [
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512",
            "umac-128@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64-etm@openssh.com", "umac-64@openssh.com", "hmac-sha1", "hmac-sha1-96",
            "hmac-ripemd160", "hmac-ripemd160@openssh.com", "hmac-md5", "hmac-md5-96",
        ],
        ["hmac-sha1-96", "hmac-ripemd160", "hmac-ripemd160@openssh.com", "hmac-md5", "hmac-md5-96", "hmac-md5-etm@openssh.com", "hmac-md5-96-etm@openssh.com", "hmac-sha1-96-etm@openssh.com"],
        what => Regex.IsMatch(what, @"\bmac\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
        null)
    {
        Portable = ["hmac-sha2-256", "hmac-sha2-512", "hmac-sha2-256-etm@openssh.com"],
    };

    /// <summary>
    /// The shared part of a mismatch finding: what failed, whose side is outdated, and the fixes with the log's own algorithm names.
    /// </summary>
    public static (MessageText Message, List<Fix> Fixes) Explain(SessionView session, AlgorithmKind kind, Mismatch mismatch, string? serverNote = null)
    {
        var theirs = mismatch.Theirs;
        var ours = mismatch.Ours;
        var serverOld = AllLegacy(kind, theirs);
        var clientOld = ours.Count > 0 && AllLegacy(kind, ours);
        var destination = Destination(session, mismatch);
        var host = ConfigHost(session, mismatch);
        var fixes = new List<Fix>();
        var server = mismatch.Host == "HOST" ? "the server" : mismatch.Host;
        MessageText message = $"ssh and {server} have no {kind.Name} in common, so the connection stopped in the key negotiation, before the host key " +
            $"was checked or any login was tried: keys and passwords are not involved.";
        if (theirs.Count > 0)
        {
            message += $" The server offers: {Show(theirs)}.";
        }

        if (ours.Count > 0)
        {
            message += $" Your client offered: {Show(ours)}.";
        }

        if (WithoutOpenSsl(session))
        {
            message += " This ssh was built without OpenSSL, so it knows only ed25519 keys, curve25519 key exchange and the chacha20/aes-ctr " +
                "ciphers, and the server offers none it can use. Use a full OpenSSH build (on Windows the system's C:\\Windows\\System32\\OpenSSH\\ssh.exe " +
                "or Git for Windows' ssh), or give the server algorithms this build knows (an ed25519 host key).";
            fixes.Add(new Fix("Check which ssh runs and how it was built ('without OpenSSL' in its version line)", "ssh -V"));
            fixes.Add(new Fix("Run a full OpenSSH build explicitly (Windows example)", $"C:\\Windows\\System32\\OpenSSH\\ssh.exe {destination}"));
            return (message, fixes);
        }

        if (serverOld && !clientOld)
        {
            var best = Best(kind, theirs)!;
            message += $" Every {kind.Name} the server offers is an old one that current OpenSSH no longer enables by default{serverNote}: the server " +
                $"is outdated. The real fix is to upgrade it (or enable current algorithms in its sshd_config); meanwhile you can allow {best} for " +
                $"this host only, knowing it is weaker.";
            fixes.Add(new Fix($"One-off: also accept {best} for this connection", $"ssh {Append(session, kind, best)} {destination}"));
            fixes.Add(new Fix($"Or for this host only, in ~/.ssh/config: 'Host {host}' then '    {kind.Option} +{best}'"));
            fixes.Add(new Fix("Better: upgrade the server's SSH software (or its firmware), or enable current algorithms in its sshd_config"));
        }
        else if (theirs.Count > 0 || clientOld)
        {
            var pick = kind.Portable.FirstOrDefault(theirs.Contains) ?? Best(kind, theirs);
            message += clientOld
                ? (MessageText)($" Your client offered only old {kind.Name}s that the server no longer accepts: a {kind.Option} line in ~/.ssh/config, " +
                  $"/etc/ssh/ssh_config or /etc/ssh/ssh_config.d (often copied from an old how-to), an option on the command line, or a very old ssh.")
                : $" The server offers current algorithms, so the limit is on your side: a {kind.Option} setting ({(kind.Flag is null ? string.Empty : kind.Flag + " or ")}-o on " +
                  $"the command line, ~/.ssh/config, /etc/ssh/ssh_config or a file in /etc/ssh/ssh_config.d) restricts ssh to ones the server does not " +
                  $"accept, or this ssh is too old to know them.";
            fixes.Add(new Fix($"See the {kind.Option} your ssh really uses (an override shows here)", $"ssh -G {host} | grep -i '^{kind.Option.ToLowerInvariant()}'"));
            if (pick is not null)
            {
                fixes.Add(new Fix(
                    $"Remove or fix that {kind.Option} line; for a one-off, use one the server offers",
                    kind.Flag is null ? $"ssh -o {kind.Option}={pick} {destination}" : $"ssh {kind.Flag} {pick} {destination}"));
            }
        }
        else
        {
            message += " The log does not show the server's list: run ssh -vv to see both proposals.";
            fixes.Add(new Fix("Show both sides' lists", $"ssh -vv {destination}"));
        }

        return (message, fixes);
    }

    /// <summary>The failed negotiation of this kind in the session, or <see langword="null"/>.</summary>
    public static Mismatch? Find(SessionView session, AlgorithmKind kind)
    {
        // Asked for each kind by several rules of every session, nearly always of a session with neither line: loops from the end.
        NegotiationFailed? failed = null;
        var failures = session.AllSpan<NegotiationFailed>();
        for (var i = failures.Length - 1; i >= 0 && failed is null; i--)
        {
            failed = kind.Matches(failures[i].What) ? failures[i] : null;
        }

        KexChosen? noMatch = null;
        if (kind.ChosenKind is { } chosen)
        {
            var choices = session.AllSpan<KexChosen>();
            for (var i = choices.Length - 1; i >= 0 && noMatch is null; i--)
            {
                noMatch = choices[i].Kind == chosen && choices[i].Value.Contains("no match", StringComparison.OrdinalIgnoreCase) ? choices[i] : null;
            }
        }

        if (failed is null && (noMatch is null || session.Has<NegotiationFailed>()))
        {
            return null;
        }

        var offerLine = failed is null ? session.Last<TheirOffer>() : session.After(failed).OfType<TheirOffer>().FirstOrDefault();
        var theirs = Split(failed?.TheirOffer ?? offerLine?.Offer);
        var ours = Split(failed?.OurOffer);
        var target = session.Target;
        return new Mismatch(failed, noMatch, failed?.TheirOffer is null ? offerLine : null, theirs, ours, failed?.Host ?? target?.Host ?? "HOST", failed?.Port ?? target?.Port ?? 22);
    }

    /// <summary>The best algorithm of a list by this kind's preference, or its first real entry.</summary>
    public static string? Best(AlgorithmKind kind, IReadOnlyList<string> offer) =>
        kind.Preference.FirstOrDefault(offer.Contains) ?? offer.FirstOrDefault(a => !Pseudo.Contains(a));

    /// <summary>Whether every real entry of the list is one that current OpenSSH leaves out by default.</summary>
    public static bool AllLegacy(AlgorithmKind kind, IReadOnlyList<string> offer)
    {
        var real = offer.Where(a => !Pseudo.Contains(a)).ToList();
        return real.Count > 0 && real.All(a => kind.Legacy.Any(l => a.StartsWith(l, StringComparison.Ordinal)));
    }

    /// <summary>The client's OpenSSH version, when its banner is in the log.</summary>
    public static Version? ClientVersion(SessionView session) => OpenSshVersion.Parse(session.Client ?? session.First<LocalVersion>()?.Version);

    /// <summary>Whether the client was built without OpenSSL (it then knows only ed25519, curve25519 and chacha20/aes-ctr).</summary>
    public static bool WithoutOpenSsl(SessionView session) =>
        session.First<ClientVersion>()?.Library.Contains("without OpenSSL", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The option to add an algorithm: <c>+NAME</c> from 7.0, the plain name before (which replaces the list).</summary>
    public static string Append(SessionView session, AlgorithmKind kind, string algorithm) =>
        ClientVersion(session) is { } v && v < new Version(7, 0) ? $"-o {kind.Option}={algorithm}" : $"-o {kind.Option}=+{algorithm}";

    /// <summary>The <c>user@host</c> with <c>-p</c> for a suggested command.</summary>
    public static string Destination(SessionView session, Mismatch mismatch)
    {
        var user = session.Target?.User is { Length: > 0 } u ? u + "@" : string.Empty;
        var port = mismatch.Port != 22 ? $"-p {mismatch.Port} " : string.Empty;
        return port + user + mismatch.Host;
    }

    /// <summary>The host name to put in a config Host block (the name as typed).</summary>
    public static string ConfigHost(SessionView session, Mismatch mismatch) => session.First<Resolving>()?.Host ?? session.Target?.Host ?? mismatch.Host;

    /// <summary>The server's list as printed, shortened for a message.</summary>
    public static string Show(IReadOnlyList<string> offer) =>
        offer.Count == 0 ? "(not printed)" : string.Join(",", offer.Where(a => !Pseudo.Contains(a)));

    private static List<string> Split(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => a.TrimEnd('.'))];

}
