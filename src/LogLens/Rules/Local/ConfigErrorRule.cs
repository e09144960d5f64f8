using System.Globalization;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>config-error</c>: the ssh configuration has an error.</summary>
internal sealed class ConfigErrorRule() : Rule(new(RuleIds.ConfigError, "config-error", Severity.Error, Phase.Local, "The ssh configuration has an error"))
{
    private const string BadOption = "Bad configuration option: ";

    /// <summary>Client options and the OpenSSH release that introduced them (0 = long before 7.0).</summary>
    private static readonly Dictionary<string, double> Options = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AddKeysToAgent"] = 7.2, ["AddressFamily"] = 0, ["BatchMode"] = 0, ["BindAddress"] = 0, ["BindInterface"] = 7.7,
        ["CanonicalDomains"] = 0, ["CanonicalizeFallbackLocal"] = 0, ["CanonicalizeHostname"] = 0, ["CanonicalizeMaxDots"] = 0,
        ["CanonicalizePermittedCNAMEs"] = 0, ["CASignatureAlgorithms"] = 7.9, ["CertificateFile"] = 7.2, ["ChannelTimeout"] = 9.6,
        ["CheckHostIP"] = 0, ["Ciphers"] = 0, ["ClearAllForwardings"] = 0, ["Compression"] = 0, ["ConnectionAttempts"] = 0,
        ["ConnectTimeout"] = 0, ["ControlMaster"] = 0, ["ControlPath"] = 0, ["ControlPersist"] = 0, ["DynamicForward"] = 0,
        ["EnableEscapeCommandline"] = 9.3, ["EnableSSHKeysign"] = 0, ["EscapeChar"] = 0, ["ExitOnForwardFailure"] = 0,
        ["FingerprintHash"] = 0, ["ForkAfterAuthentication"] = 8.7, ["ForwardAgent"] = 0, ["ForwardX11"] = 0,
        ["ForwardX11Timeout"] = 0, ["ForwardX11Trusted"] = 0, ["GatewayPorts"] = 0, ["GlobalKnownHostsFile"] = 0,
        ["GSSAPIAuthentication"] = 0, ["GSSAPIDelegateCredentials"] = 0, ["HashKnownHosts"] = 0, ["Host"] = 0,
        ["HostbasedAcceptedAlgorithms"] = 8.5, ["HostbasedAuthentication"] = 0, ["HostbasedKeyTypes"] = 0,
        ["HostKeyAlgorithms"] = 0, ["HostKeyAlias"] = 0, ["Hostname"] = 0, ["IdentitiesOnly"] = 0, ["IdentityAgent"] = 7.3,
        ["IdentityFile"] = 0, ["IgnoreUnknown"] = 0, ["Include"] = 7.3, ["IPQoS"] = 0, ["KbdInteractiveAuthentication"] = 0,
        ["KbdInteractiveDevices"] = 0, ["KexAlgorithms"] = 0, ["KnownHostsCommand"] = 8.5, ["LocalCommand"] = 0,
        ["LocalForward"] = 0, ["LogLevel"] = 0, ["LogVerbose"] = 8.5, ["MACs"] = 0, ["Match"] = 0, ["NoHostAuthenticationForLocalhost"] = 0,
        ["NumberOfPasswordPrompts"] = 0, ["ObscureKeystrokeTiming"] = 9.5, ["PasswordAuthentication"] = 0, ["PermitLocalCommand"] = 0,
        ["PermitRemoteOpen"] = 8.2, ["PKCS11Provider"] = 0, ["Port"] = 0, ["PreferredAuthentications"] = 0, ["ProxyCommand"] = 0,
        ["ProxyJump"] = 7.3, ["ProxyUseFdpass"] = 0, ["PubkeyAcceptedAlgorithms"] = 8.5, ["PubkeyAcceptedKeyTypes"] = 0,
        ["PubkeyAuthentication"] = 0, ["RefuseConnection"] = 10.0, ["RekeyLimit"] = 0, ["RemoteCommand"] = 7.6, ["RemoteForward"] = 0,
        ["RequestTTY"] = 0, ["RequiredRSASize"] = 9.1, ["RevokedHostKeys"] = 0, ["SecurityKeyProvider"] = 8.2, ["SendEnv"] = 0,
        ["ServerAliveCountMax"] = 0, ["ServerAliveInterval"] = 0, ["SessionType"] = 8.7, ["SetEnv"] = 7.8, ["StdinNull"] = 8.7,
        ["StreamLocalBindMask"] = 0, ["StreamLocalBindUnlink"] = 0, ["StrictHostKeyChecking"] = 0, ["SyslogFacility"] = 0,
        ["Tag"] = 9.4, ["TCPKeepAlive"] = 0, ["Tunnel"] = 0, ["TunnelDevice"] = 0, ["UpdateHostKeys"] = 0, ["User"] = 0,
        ["UserKnownHostsFile"] = 0, ["VerifyHostKeyDNS"] = 0, ["VersionAddendum"] = 0, ["VisualHostKey"] = 0,
        ["WarnWeakCrypto"] = 10.1, ["XAuthLocation"] = 0,
    };

    /// <summary>Options that exist only in a vendor's build.</summary>
    private static readonly Dictionary<string, string> VendorOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UseKeychain"] = "Apple's macOS build of OpenSSH",
        ["GSSAPIKeyExchange"] = "the GSSAPI key-exchange patch (Debian, Ubuntu, Red Hat builds)",
        ["GSSAPIKexAlgorithms"] = "the GSSAPI key-exchange patch (Debian, Ubuntu, Red Hat builds)",
        ["GSSAPITrustDns"] = "the GSSAPI patch (Debian, Ubuntu, Red Hat builds)",
        ["GSSAPIClientIdentity"] = "the GSSAPI patch (Red Hat builds)",
        ["GSSAPIServerIdentity"] = "the GSSAPI patch (Red Hat builds)",
        ["GSSAPIRenewalForcesRekey"] = "the GSSAPI patch (Red Hat builds)",
    };

    /// <summary>Options from a server's sshd_config that a client config cannot hold.</summary>
    private static readonly HashSet<string> ServerOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "PermitRootLogin", "AuthorizedKeysFile", "ListenAddress", "AllowUsers", "AllowGroups", "DenyUsers",
        "ChallengeResponseAuthentication", "UsePAM", "Subsystem", "X11Forwarding", "PrintMotd", "ClientAliveInterval", "MaxAuthTries",
        "AcceptEnv", "HostKey", "PermitEmptyPasswords", "StrictModes", "AllowTcpForwarding", "ChrootDirectory", "ForceCommand",
    };

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var errors = session.All<ConfigError>().Where(e => e.Level is null).ToList();
        var terminating = session.Last<ConfigTerminating>();
        if (context.HasCause || (errors.Count == 0 && terminating is null))
        {
            return null;
        }

        var first = errors.FirstOrDefault();
        var file = first?.File ?? terminating!.File;
        var evidence = new List<SshEvent?> { session.All<ReadingConfig>().LastOrDefault(r => LocalFacts.SamePath(r.Path, file)) };
        evidence.AddRange(errors.Take(5));
        evidence.Add(terminating);

        if (LooksLikeAKey(errors, file))
        {
            return KeyAsConfig(file, evidence);
        }

        var commandLine = file.StartsWith("command-line", StringComparison.Ordinal);
        var where = commandLine ? "the -o option on the command line" : first?.ConfigLine is { } n ? $"line {n} of {file}" : file;
        var option = first?.Problem.StartsWith(BadOption, StringComparison.Ordinal) == true ? first.Problem[BadOption.Length..].Trim() : null;
        var fixes = new List<Fix>();
        MessageText explanation;
        if (option is null)
        {
            explanation = first is null
                ? (MessageText)$"ssh found bad lines in {file} (the lines before this one in the full output name them) and refused to continue."
                : $"ssh could not parse {where}: \"{first.Problem}\". A value has the wrong form (a misspelt algorithm name, a bad port or " +
                  $"forwarding spec, a missing argument), and ssh refuses to run with a config it cannot read.";
            fixes.Add(new Fix(commandLine ? "Correct the -o option" : $"Correct {where}", commandLine ? null : $"sed -n '{first?.ConfigLine ?? 1}p' {Shell(file)}"));
        }
        else
        {
            explanation = ExplainOption(session, option, where, commandLine, file, first!.ConfigLine, fixes);
        }

        var others = errors.Count > 1 ? $" {errors.Count} lines were refused in all; each needs the same care." : string.Empty;
        fixes.Add(new Fix("Check the whole configuration without connecting", commandLine ? $"ssh -G {Destination(session)}" : $"ssh -G -F {Shell(file)} {Destination(session)}"));
        return Report(
            explanation + others + " Nothing was sent over the network: ssh stopped while reading its configuration.",
            evidence,
            fixes);
    }

    private static MessageText ExplainOption(Analysis.SessionView session, string option, string where, bool commandLine, string file, int? line, List<Fix> fixes)
    {
        var version = LocalFacts.Version(session);
        var client = session.Client is { } c ? c : "this ssh";
        var edit = commandLine ? null : $"sed -n '{line ?? 1}p' {Shell(file)}";
        if (VendorOptions.TryGetValue(option, out var vendor))
        {
            fixes.Add(Fix.InConfig("Tell other builds to skip it: put this line before the first Host block", commandLine ? "~/.ssh/config" : file, $"IgnoreUnknown {Canonical(option)}"));
            fixes.Add(new Fix($"Or remove {Canonical(option)} from {where}", edit));
            return $"{client} does not know the option '{option}' at {where}: it exists only in {vendor}. A config shared between machines " +
                   $"(dotfiles, a copied ~/.ssh) breaks on the others.";
        }

        if (Options.TryGetValue(option, out var since))
        {
            if (version is { } v && since > v)
            {
                if (string.Equals(option, "PubkeyAcceptedAlgorithms", StringComparison.OrdinalIgnoreCase) || string.Equals(option, "HostbasedAcceptedAlgorithms", StringComparison.OrdinalIgnoreCase))
                {
                    var old = option.StartsWith("Pubkey", StringComparison.OrdinalIgnoreCase) ? "PubkeyAcceptedKeyTypes" : "HostbasedKeyTypes";
                    fixes.Add(new Fix($"This client predates 8.5: use the old name {old}, which newer versions still accept", commandLine ? $"ssh -o {old}=... {Destination(session)}" : edit));
                }
                else
                {
                    fixes.Add(new Fix($"Remove {Canonical(option)} from {where}, or upgrade the client", edit));
                }

                fixes.Add(Fix.InConfig("Or let older clients skip it: put this line before the first Host block", commandLine ? "~/.ssh/config" : file, $"IgnoreUnknown {Canonical(option)}"));
                return $"The option '{Canonical(option)}' at {where} is newer than the client: it appeared in OpenSSH {since.ToString("0.0", CultureInfo.InvariantCulture)}, " +
                       $"and this is {client}. The option is spelt correctly; this ssh is too old to know it.";
            }

            fixes.Add(new Fix($"Check {where}: the option is valid, so look for a build without it or a hidden character (tab, non-breaking space, Windows line ending)", edit));
            return $"{client} refused the option '{option}' at {where}. The name is a real ssh_config option, so this build lacks it " +
                   $"(a build without that feature) or the line holds an invisible character, such as a non-breaking space or a carriage return from a Windows editor.";
        }

        if (ServerOptions.Contains(option))
        {
            fixes.Add(new Fix($"Remove '{option}' from {where}: it belongs in the server's /etc/ssh/sshd_config", edit));
            return $"'{option}' at {where} is a server (sshd_config) option; the client's config (ssh_config, ~/.ssh/config) does not know it.";
        }

        if (Closest(option) is { } guess)
        {
            fixes.Add(new Fix($"Rename '{option}' to '{guess}' at {where}", commandLine ? $"ssh -o {guess}=... {Destination(session)}" : $"sed -i '{line ?? 1}s/{option}/{guess}/I' {Shell(file)}"));
            return $"ssh does not know the option '{option}' at {where} and stopped. It is most likely a typo for '{guess}'.";
        }

        fixes.Add(new Fix($"Remove or correct the line at {where} (or add 'IgnoreUnknown {option}' before the first Host block if other builds need it)", edit));
        return $"ssh does not know the option '{option}' at {where} and stopped. It is either an option of a newer or a vendor's build " +
               $"({client} is the client here), a typo, or a line that is not an option at all (a stray value, an indented continuation, text pasted into the file).";
    }

    private Finding KeyAsConfig(string file, List<SshEvent?> evidence) =>
        Report(
            $"The file ssh was told to read as its configuration, {file}, is a key, not an ssh config: every line was refused " +
            $"('Bad configuration option: -----begin' is the first line of a PEM or OpenSSH private key). This happens when a key " +
            $"path is given to -F (or to an app's 'SSH config file' field) where an identity (-i) was meant. No connection was attempted.",
            evidence,
            [
                new Fix("Pass the key as an identity, not as the config", $"ssh -i {Shell(file)} USER@HOST"),
                Fix.InConfig("Or name it under the host's block", "~/.ssh/config", $"IdentityFile {file}"),
                new Fix("ssh echoed the key's lines in its errors: if this output was shared anywhere, treat the key as exposed and replace it"),
            ],
            title: "A key file was given as the ssh config");

    private static bool LooksLikeAKey(List<ConfigError> errors, string file)
    {
        if (errors.Any(e => e.Problem.Contains("-----begin", StringComparison.OrdinalIgnoreCase) || e.Problem.Contains("-----end", StringComparison.OrdinalIgnoreCase) ||
                            e.Problem.Contains("PuTTY-User-Key-File", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var name = LocalFacts.FileName(file);
        return errors.Count > 0 && (name.StartsWith("id_", StringComparison.Ordinal) || name.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) ||
                                    name.EndsWith(".ppk", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".key", StringComparison.OrdinalIgnoreCase)) &&
               !name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase);
    }

    private static string Canonical(string option) =>
        Options.Keys.FirstOrDefault(k => k.Equals(option, StringComparison.OrdinalIgnoreCase)) ??
        VendorOptions.Keys.FirstOrDefault(k => k.Equals(option, StringComparison.OrdinalIgnoreCase)) ?? option;

    /// <summary>The client options and their lower-case forms, for <see cref="Closest"/>.</summary>
    private static readonly (string Key, string Lower)[] LowerOptions = [.. Options.Keys.Select(k => (k, k.ToLowerInvariant()))];

    private static string? Closest(string option)
    {
        if (option.Length < 4)
        {
            return null;
        }

        // The edit distance is at least the difference in length: a name further off in length cannot be within the limit.
        var limit = Math.Max(1, Math.Min(3, option.Length / 5));
        var lower = option.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (key, name) in LowerOptions)
        {
            if (Math.Abs(name.Length - lower.Length) <= limit && Distance(lower, name) is var distance && distance < bestDistance)
            {
                (best, bestDistance) = (key, distance);
            }
        }

        return bestDistance <= limit ? best : null;
    }

    private static int Distance(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
