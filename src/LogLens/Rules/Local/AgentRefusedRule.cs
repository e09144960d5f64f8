using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>agent-refused</c>: the agent refused or failed to sign.</summary>
internal sealed class AgentRefusedRule() : Rule(new(RuleIds.AgentRefused, "agent-refused", Severity.Error, Phase.Local, "The agent refused or failed to sign"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var failures = session.All<SigningFailed>().Where(f => !f.Reason.Contains("passphrase", StringComparison.OrdinalIgnoreCase)).ToList();
        if (failures.Count == 0)
        {
            return null;
        }

        var failure = failures.FirstOrDefault(f => f.FromAgent || f.Reason.Contains("agent", StringComparison.OrdinalIgnoreCase)) ?? failures[0];
        var fromAgent = failure.FromAgent || failure.Reason.Contains("agent", StringComparison.OrdinalIgnoreCase);
        var key = failure.Key ?? session.All<ServerAcceptsKey>().LastOrDefault(a => a.Line < failure.Line && a.Path.Length > 0)?.Path;
        var keyType = failure.KeyType ?? session.All<ServerAcceptsKey>().LastOrDefault(a => a.Line < failure.Line)?.KeyType;
        var security = keyType?.Contains("SK", StringComparison.Ordinal) == true;
        var hardwareWallet = key?.StartsWith("<ssh://", StringComparison.Ordinal) == true;
        var smartcard = key?.StartsWith("cardno:", StringComparison.OrdinalIgnoreCase) == true || key?.Contains("openpgp:", StringComparison.OrdinalIgnoreCase) == true;
        var communication = failure.Reason.Contains("communication", StringComparison.OrdinalIgnoreCase);
        var named = key is null ? "the key" : $"{keyType ?? "the"} key \"{key}\"";

        MessageText why;
        if (!fromAgent)
        {
            why = $"ssh could not make a signature with {named} (\"{failure.Reason}\"). " +
                  $"{(security
                      ? "It is a FIDO security key (-sk): the device must be plugged in and touched (and its PIN given when it has one) while ssh waits."
                      : "The key loaded but signing failed: a hardware token (PKCS#11) that is missing or locked, or a key the library cannot use.")}";
        }
        else if (communication)
        {
            why = $"The server accepted {named}, but the agent holding it failed while signing (\"{failure.Reason}\"): the agent process " +
                  $"crashed or exited mid-request, or SSH_AUTH_SOCK points at a stale socket (an old forwarded agent, a tmux or screen " +
                  $"session from an earlier login)." +
                  $"{(hardwareWallet ? " The key comes from a hardware-wallet agent (ledger/trezor agent): that agent or its device connection failed." : string.Empty)}";
        }
        else
        {
            why = $"The server accepted {named}, but the agent holding it refused to sign (\"{failure.Reason}\"). The agent has the key " +
                  $"but would not use it right now. In order of likelihood: the key was added with confirmation (ssh-add -c) and the agent " +
                  $"has no SSH_ASKPASS program to ask you; the key is on a smartcard, YubiKey or FIDO device that needs a PIN or a touch that " +
                  $"never came (gpg-agent's pinentry cannot show on this terminal); a password-manager agent (1Password, Bitwarden, " +
                  $"KeePassXC, Secretive) is locked or the approval prompt was dismissed; or the agent is a hardware-wallet agent waiting for the device." +
                  $"{(security ? " The key is a FIDO security key (-sk): touch the device when ssh asks." : string.Empty)}" +
                  $"{(smartcard ? " The key is on an OpenPGP card through gpg-agent: its pinentry needs a terminal or a display." : string.Empty)}";
        }

        MessageText consequence = session.Authenticated
            ? " Another key or method logged you in afterwards, so this did not stop the connection."
            : LocalFacts.AuthFailed(session)
                ? " ssh then fell back to other keys or methods, and their rejection ('Permission denied') is a consequence: the key the server wanted could not sign."
                : string.Empty;
        var file = key is not null && (key.Contains('/', StringComparison.Ordinal) || key.Contains('\\', StringComparison.Ordinal)) && !key.StartsWith('<')
            ? (key.EndsWith(".pub", StringComparison.Ordinal) ? key[..^4] : key)
            : null;
        var fixes = new List<Fix>
        {
            new("Check that the agent answers and still lists the key", "ssh-add -l"),
        };
        if (fromAgent && !communication)
        {
            fixes.Add(new Fix("Give the agent a way to ask for confirmation: it is the agent that runs the askpass program for an ssh-add -c key, so start one that has SSH_ASKPASS (and a display), then add the key again",
                $"eval \"$(SSH_ASKPASS=/usr/bin/ssh-askpass ssh-agent -s)\" && ssh-add -c {(file is null ? "KEY" : Shell(file))}"));
            fixes.Add(new Fix(smartcard || security
                ? "Let gpg-agent's pinentry use this terminal, then try again and enter the PIN or touch the device"
                : "If it is gpg-agent or a password manager's agent, unlock it or let its pinentry use this terminal",
                "gpg-connect-agent updatestartuptty /bye"));
        }

        // Only the key in question leaves the agent: ssh-add -D would wipe every key it holds.
        fixes.Add(new Fix(file is null ? "Remove the key from the agent and add it again (without -c, unless you can confirm)" : "Re-add the key without confirmation (only this key leaves the agent)",
            $"ssh-add -d {(file is null ? "KEY" : Shell(file))} && ssh-add {(file is null ? "KEY" : Shell(file))}"));
        fixes.Add(new Fix("Or start a fresh agent and load the key into it", file is null ? "eval \"$(ssh-agent -s)\" && ssh-add" : $"eval \"$(ssh-agent -s)\" && ssh-add {Shell(file)}"));
        if (file is not null)
        {
            fixes.Add(new Fix("Or bypass the agent and sign with the key file directly", $"ssh -o IdentityAgent=none -i {Shell(file)} {Destination(session)}"));
        }

        var evidence = new List<SshEvent?> { session.All<ServerAcceptsKey>().LastOrDefault(a => a.Line < failure.Line) };
        evidence.AddRange(failures.Take(3));
        evidence.Add(session.Last<PermissionDenied>());
        return Report(
            why + consequence,
            evidence,
            fixes,
            session.Authenticated || context.HasCause ? Severity.Warning : Severity.Error);
    }
}
