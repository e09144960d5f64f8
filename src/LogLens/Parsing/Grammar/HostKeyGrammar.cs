using LogLens.Events;
using Sprache;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>Host-key checking against known_hosts: matches, the changed-key block, unknown hosts, updates.</summary>
internal static class HostKeyGrammar
{
    /// <summary>A boxed-warning line: <c>@ TITLE @</c>, or a border of <c>@</c> only.</summary>
    private static readonly Parser<SshEvent> WarningBox =
        from at in Parse.Char('@')
        from inside in Parse.AnyChar.Many().Text()
        select Box(inside);

    private static SshEvent? WarningBoxFast(ReadOnlySpan<char> message) =>
        message.Length > 0 && message[0] == '@' ? Box(message[1..].ToString()) : null;

    private static SshEvent Box(string inside) =>
        inside.Trim().Trim('@').Trim() is { Length: > 0 } title
            ? new WarningBanner(title.StartsWith("WARNING: ", StringComparison.Ordinal) ? title[9..] : title)
            : new WarningBorder();

    /// <summary>A fingerprint alone on its line, as in the changed-key block (<c>SHA256:abc.</c>).</summary>
    private static readonly Parser<SshEvent> FingerprintLine =
        from algorithm in Parse.String("SHA256:").Or(Parse.String("MD5:")).Text()
        from digest in Parse.CharExcept(' ').AtLeastOnce().Text().End()
        select (SshEvent)new HostKeyFingerprint(null, (algorithm + digest).TrimEnd('.'));

    private static SshEvent? FingerprintLineFast(ReadOnlySpan<char> message)
    {
        var algorithm = message.StartsWith("SHA256:", StringComparison.Ordinal) ? 7 : message.StartsWith("MD5:", StringComparison.Ordinal) ? 4 : -1;
        return algorithm > 0 && message.Length > algorithm && !message.Contains(' ')
            ? new HostKeyFingerprint(null, message.TrimEnd('.').ToString())
            : null;
    }

    private static readonly Parser<SshEvent> ContinuePrompt =
        from question in Parse.String("Are you sure you want to continue connecting")
        from rest in Parse.CharExcept('?').Many()
        from mark in Parse.Char('?')
        from answer in Parse.AnyChar.Many().Text()
        select (SshEvent)new HostKeyPrompt(answer.Trim() is { Length: > 0 } a ? a : null);

    private static SshEvent? ContinuePromptFast(ReadOnlySpan<char> message)
    {
        const string Question = "Are you sure you want to continue connecting";
        if (!message.StartsWith(Question, StringComparison.Ordinal))
        {
            return null;
        }

        var mark = message[Question.Length..].IndexOf('?');
        return mark < 0 ? null : new HostKeyPrompt(message[(Question.Length + mark + 1)..].Trim() is { Length: > 0 } a ? a.ToString() : null);
    }

    private static readonly string[] WarningTexts =
    [
        "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!",
        "Someone could be eavesdropping on you right now (man-in-the-middle attack)!",
        "It is also possible that a host key has just been changed.",
        "It is also possible that the host key has just been changed.",
        "Please contact your system administrator.",
        "This key is not known by any other names",
        "This key is not known by any other names.",
        "This host key is known by the following other names/addresses:",
        "and the key for the corresponding IP address {address}",
        "is unknown. This could either mean that",
        "DNS SPOOFING is happening or the IP address for the host",
        "and its host key have changed at the same time.",
        "Password authentication is disabled to avoid man-in-the-middle attacks.",
        "Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks.",
        "Agent forwarding is disabled to avoid man-in-the-middle attacks.",
        "Port forwarding is disabled to avoid man-in-the-middle attacks.",
        "X11 forwarding is disabled to avoid man-in-the-middle attacks.",
        "UpdateHostkeys is disabled because the host key is not trusted.",
    ];

    private static readonly string[] LookupFunctions =
    [
        "record_hostkey", "load_hostkeys_file", "load_hostkeys", "hostkeys_foreach", "check_key_in_hostfiles",
        "hostkeys_find_by_key_hostfile", "hostkeys_find_by_key_cb", "check_host_key", "verify_host_key", "sshkey_check_revoked",
        "hostfile_read_key", "lookup_key_in_hostkeys_by_type", "load_hostkeys_command", "get_hostfile_hostname_ipaddr", "put_host_port",
    ];

    private static readonly string[] UpdateFunctions =
    [
        "client_input_hostkeys", "update_known_hosts", "client_global_hostkeys_prove_confirm",
        "client_global_hostkeys_private_confirm", "hostkeys_update_complete", "hostfile_replace_entries",
    ];

    public static readonly MessageRule[] Rules =
    [
        Template("fopen {path}: {reason}", f => new KnownHostsFileMissing(f[0], f[1]), "load_hostkeys", "load_hostkeys_file"),
        Template("hostkeys file {path} does not exist", f => new KnownHostsFileMissing(f[0], "does not exist"), [.. LookupFunctions, .. UpdateFunctions]),
        Template("known hosts file {path} does not exist", f => new KnownHostsFileMissing(f[0], "does not exist"), UpdateFunctions),
        Template("trying {kind} hostfile \"{path}\"", f => new KnownHostsFileRead(f[1], f[0] == "user"), "hostkeys_find_by_key_hostfile"),
        Template("{detail}", f => new KnownHostsLookup(f[0]), LookupFunctions),
        Template("{detail}", f => new HostKeyUpdate(f[0]), UpdateFunctions),
        Template("checking without port identifier", _ => new KnownHostsLookup("checking without port identifier")),
        Template("found matching key w/out port", _ => new KnownHostsLookup("found matching key w/out port")),
        Template("using hostkeyalias: {alias}", f => new KnownHostsLookup("using hostkeyalias: " + f[0])),
        Template("no key of type {type} for host {host}", f => new HostKeyTypeNotKnown(f.Int(0), f[1])),
        Template("Host '{host}' is known and matches the {type} host key.", f => new HostKeyKnown(f[0], f[1])),
        Template("Host '{host}' is known and matches the {type} host certificate.", f => new HostKeyKnown(f[0], f[1] + " certificate")),
        Template("Found {what} in {location}", f => Found(f[1])),
        Anchored("@", WarningBox, WarningBoxFast),
        .. WarningTexts.Select(text => Template(text, _ => new HostKeyWarningText(text))),
        Template("The fingerprint for the {type} key sent by the remote host is", f => new HostKeyFingerprint(f[0], null)),
        Template("The fingerprint for the {type} key sent by the remote host is {fingerprint}.", f => new HostKeyFingerprint(f[0], f[1])),
        Anchored("SHA256:", FingerprintLine, FingerprintLineFast),
        Anchored("MD5:", FingerprintLine, FingerprintLineFast),
        Template("{type} key fingerprint is {fingerprint}.", f => new HostKeyFingerprint(f[0], f[1])),
        Template("{type} key fingerprint is {fingerprint}", f => new HostKeyFingerprint(f[0], f[1])),
        Template("Host key fingerprint is {fingerprint}", f => new HostKeyFingerprint(null, f[0])),
        Template("Add correct host key in {file} to get rid of this message.", f => new KnownHostsHint($"Add correct host key in {f[0]} to get rid of this message.")),
        Template("Offending key for IP in {location}", f => Offending(null, f[0])),
        Template("Offending {type} key in {location}", f => Offending(f[0], f[1])),
        Template("Offending key in {location}", f => Offending(null, f[0])),
        Template("remove with:", _ => new KnownHostsHint("remove with:")),
        Template("ssh-keygen -f {file} -R {host}", f => new KnownHostsHint($"ssh-keygen -f {f[0]} -R {f[1]}")),
        Template("Host key for {host} has changed and you have requested strict checking.", f => new HostKeyChanged(null, f[0])),
        Template("{type} host key for {host} has changed and you have requested strict checking.", f => new HostKeyChanged(f[0], f[1])),
        Template("The {type} host key for {host} has changed,", f => new HostKeyIpMismatch($"The {f[0]} host key for {f[1]} has changed,")),
        Template("Host key verification failed.", _ => new HostKeyVerificationFailed()),
        Template("No {type} host key is known for {host} and you have requested strict checking.", f => new HostKeyUnknownStrict(f[0], f[1])),
        Template("The authenticity of host '{host} ({address})' can't be established.", f => new HostAuthenticityUnknown(f[0], f[1])),
        Template("The authenticity of host '{host} ({address})' can't be established", f => new HostAuthenticityUnknown(f[0], f[1])),
        Anchored("Are you sure you want to continue connecting", ContinuePrompt, ContinuePromptFast),
        Template("Warning: Permanently added '{host}' ({type}) to the list of known hosts.", f => new HostKeyAdded(f[0], f[1])),
        Template("Warning: Permanently added the {type} host key for IP address '{host}' to the list of known hosts.", f => new HostKeyAdded(f[1], f[0])),
        Template("Warning: the {detail}", f => new HostKeyIpMismatch("Warning: the " + f[0])),
        Template("Learned new hostkey: {detail}", f => new HostKeyUpdate("Learned new hostkey: " + f[0])),
        Template("Deprecating obsolete hostkey: {detail}", f => new HostKeyUpdate("Deprecating obsolete hostkey: " + f[0])),
        Template("Adding new key for {detail}", f => new HostKeyUpdate("Adding new key for " + f[0])),
    ];

    private static HostKeyFound Found(string location)
    {
        var (file, line) = FileLocation.Split(location);
        return new HostKeyFound(file, line);
    }

    private static OffendingKey Offending(string? type, string location)
    {
        var (file, line) = FileLocation.Split(location);
        return new OffendingKey(type, file, line);
    }
}

/// <summary>Splits <c>FILE:LINE</c> at the last colon, so Windows paths (<c>C:\Users\me/.ssh/known_hosts:3</c>) stay whole.</summary>
internal static class FileLocation
{
    public static (string File, int? Line) Split(string location)
    {
        var colon = location.LastIndexOf(':');
        return colon > 0 && int.TryParse(location.AsSpan(colon + 1), out var line)
            ? (location[..colon], line)
            : (location, null);
    }
}
