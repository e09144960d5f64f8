using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-unknown</c>: no key is known for the host and ssh could not or would not ask whether to trust it.</summary>
internal sealed class HostKeyUnknownRule() : Rule(new(RuleIds.HostKeyUnknown, "host-key-unknown", Severity.Error, Phase.HostKey, "The server's host key is not known and ssh could not ask to trust it"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var strict = session.Last<HostKeyUnknownStrict>();
        var failed = session.Last<HostKeyVerificationFailed>();
        var authenticity = session.Last<HostAuthenticityUnknown>();
        var prompt = session.Last<HostKeyPrompt>();
        var serverKey = session.Last<ServerHostKey>();
        var noTty = Prompts.Failed(session, Question.HostKey);
        var unknownTypes = session.All<HostKeyTypeNotKnown>().FirstOrDefault();

        string why;
        var confidence = Confidence.Certain;
        if (strict is not null)
        {
            why = "StrictHostKeyChecking is set to yes (on the command line, in ~/.ssh/config or in /etc/ssh/ssh_config), so ssh refuses any host it does not already know instead of asking.";
        }
        else if (failed is null && AtTheQuestion(session))
        {
            why = "The log ends right after the server's key, with no \"is known and matches\" line and no error: ssh was most likely waiting at its " +
                "question \"Are you sure you want to continue connecting (yes/no/[fingerprint])?\", which it writes to the terminal, not to the captured " +
                "output. Without an answer ssh waits until the program that runs it gives up (git, an IDE, a script). To be sure, run the same ssh " +
                "command in a terminal and see whether it asks.";
            confidence = Confidence.Likely;
        }
        else if (failed is null || session.Authenticated || Narrowed(session))
        {
            return null;
        }
        else if (prompt?.Answer is { } answer && !answer.StartsWith("yes", StringComparison.OrdinalIgnoreCase) && !answer.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            why = $"ssh asked whether to trust the new key and the answer was \"{answer}\", so it stopped.";
        }
        else if (noTty is null && session.UserWaits.FirstOrDefault(w => w.After == failed) is { } asked)
        {
            // Live mode: a person's pause before the failure means ssh asked on the terminal (which the log does not capture).
            why = $"ssh asked on the terminal whether to trust the new key and waited {asked.Gap.TotalSeconds:0} s for the answer, " +
                "which was not \"yes\" (\"no\", an empty answer or end of input), so it stopped.";
        }
        else if (authenticity is not null || prompt is not null || noTty is not null || unknownTypes is not null)
        {
            why = "ssh wanted to ask \"Are you sure you want to continue connecting?\" but nobody could answer: it ran without a terminal " +
                "(git, an IDE such as VS Code, Ansible, a CI job, cron, or a Windows service), so the question failed and ssh gave up.";
        }
        else if (serverKey is not null)
        {
            why = "The log shows the server's key and then the failure, with no \"is known and matches\" or \"Found key\" line and no " +
                "changed-key warning: the key is simply not in known_hosts, and ssh was not allowed to ask (BatchMode=yes, or no terminal " +
                "because it ran from git, VS Code, Ansible, a CI job or cron).";
        }
        else
        {
            return null;
        }

        var (host, port) = HostAndPort(strict?.Host ?? authenticity?.Host, session);
        var keyType = strict?.KeyType ?? serverKey?.KeyType;
        var fingerprint = serverKey?.Fingerprint ?? session.All<HostKeyFingerprint>().LastOrDefault(f => f.Fingerprint is not null)?.Fingerprint;
        // The file ssh reads for this connection (UserKnownHostsFile, shown at -vvv), else one it looked for, else the default.
        var seen = session.All<KnownHostsFileRead>().LastOrDefault(f => f.User)?.Path
            ?? session.All<KnownHostsFileMissing>().Select(m => m.Path).LastOrDefault(p => !p.StartsWith("/etc/", StringComparison.Ordinal) && !p.Contains("ProgramData", StringComparison.OrdinalIgnoreCase));
        var file = seen ?? "~/.ssh/known_hosts";
        var usual = file.Replace('\\', '/').EndsWith("/.ssh/known_hosts", StringComparison.Ordinal);
        var option = usual ? string.Empty : $"-o UserKnownHostsFile={Shell(file)} ";
        var portArgument = port is { } p && p != 22 ? $"-p {p} " : string.Empty;
        var presented = fingerprint is null
            ? string.Empty
            : $" The server presented {(keyType is null ? "a key" : $"its {keyType} key")} with fingerprint {fingerprint}.";

        return Report(
            $"ssh has no host key on record for {(port is { } pp && pp != 22 ? $"[{host}]:{pp}" : host)} (it is the first connection from this account, " +
            $"or known_hosts was emptied, or the host is reached under a new name, address or port), and it did not add one. " +
            $"{why}{presented} This is not a changed or wrong key and nothing is wrong on the server: the client just needs to learn its key once. " +
            $"Check the fingerprint out of band (on the server: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before you trust it.",
            [strict, authenticity, prompt, serverKey, unknownTypes, noTty, failed],
            [
                new Fix(
                    fingerprint is null ? "Fetch the server's key and compare its fingerprint with the one the administrator gives you" : $"Fetch the server's key and check that one fingerprint printed is {fingerprint}",
                    $"ssh-keyscan {portArgument}{Shell(host)} | ssh-keygen -lf -"),
                new Fix(seen is null ? $"If it matches, add the key to your known_hosts file ({file}, unless UserKnownHostsFile names another: ssh -G {host} | grep -i knownhostsfile)" : $"If it matches, add the key to {file}, the file ssh reads here", $"ssh-keyscan {portArgument}{Shell(host)} >> {(file.StartsWith("~/", StringComparison.Ordinal) ? file : Shell(file))}"),
                new Fix("Or connect once from a terminal and answer yes after checking the fingerprint", $"ssh {option}{Destination(session)}"),
                new Fix("Or let ssh add unknown keys by itself (it still refuses changed keys)", $"ssh {option}-o StrictHostKeyChecking=accept-new {Destination(session)}"),
            ],
            confidence: confidence);
    }

    /// <summary>Whether the log stops where ssh asks about an unknown key: after the server's key, before any lookup result or error.</summary>
    private static bool AtTheQuestion(SessionView session) =>
        session.Reached == Phase.HostKey && session.Failure is null && !session.Authenticated && !Narrowed(session) &&
        session.LastProgress is ServerHostKey or HostKeyTypeNotKnown or HostAuthenticityUnknown;

    /// <summary>Whether the log shows a lookup result or a warning that explains the failure better than "unknown".</summary>
    private static bool Narrowed(SessionView session) =>
        session.Has<HostKeyKnown>() || session.Has<HostKeyFound>() || session.Has<HostKeyChanged>() || session.Has<OffendingKey>() ||
        session.Has<HostKeyIpMismatch>() || session.Has<HostKeyAdded>() ||
        session.All<WarningBanner>().Any(b => b.Title.Contains("HOST", StringComparison.Ordinal));

    /// <summary>The host and port to scan, from the known_hosts name (<c>[127.0.0.1]:2222</c>) or the target.</summary>
    private static (string Host, int? Port) HostAndPort(string? name, SessionView session)
    {
        var target = session.Target;
        if (name is { Length: > 0 } && name[0] == '[' && name.IndexOf("]:", StringComparison.Ordinal) is var close and > 0 &&
            int.TryParse(name.AsSpan(close + 2), out var port))
        {
            return (name[1..close], port);
        }

        return (name ?? target?.Host ?? target?.Address ?? "HOST", target?.Port);
    }
}
