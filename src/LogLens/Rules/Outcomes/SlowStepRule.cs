using System.Globalization;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Outcomes;

/// <summary>
/// <c>slow-step</c>: one step of the connection took several seconds. Only lines that carry times can show
/// it: live mode (<c>ssh -vvv host 2&gt;&amp;1 | loglens</c>), <c>loglens probe</c>, or pastes with timestamps
/// (VS Code's Remote-SSH log). A side note: it never stands for the outcome.
/// </summary>
internal sealed class SlowStepRule() : Rule(new(RuleIds.SlowStep, "slow-step", Severity.Warning, Phase.Outcome, "One step took several seconds"))
{
    /// <summary>Silences shorter than this are ordinary network and server latency.</summary>
    internal static readonly TimeSpan Threshold = TimeSpan.FromSeconds(3);

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (session.SlowestStep is not { } step || step.Gap < Threshold)
        {
            return null;
        }

        var seconds = step.Gap.TotalSeconds.ToString(step.Gap.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
        var (why, fixes) = Explain(session, step);
        return Report(
            $"ssh waited {seconds} s between line {step.Before.Line} and line {step.After.Line}. {why}",
            [step.Before, step.After],
            fixes,
            title: $"One step took {seconds} s");
    }

    private static (string Why, Fix[] Fixes) Explain(SessionView session, SlowStep step)
    {
        var before = step.Before;
        var after = step.After;
        var destination = Destination(session);
        if (after is ConnectAddressFailed or ConnectFailed && after.Message.Contains("timed out", StringComparison.OrdinalIgnoreCase))
        {
            return ("The connection attempt got no answer at all until it timed out: the packets are dropped (a firewall or security group that drops, a host that is down, a wrong address), not refused.",
                [new Fix("Test the port from this machine", $"nc -vz -w 5 {session.Target?.Host ?? "HOST"} {session.Target?.Port ?? 22}")]);
        }

        if (before is Connecting && after is ConnectionEstablished or ConnectAddressFailed)
        {
            return ("The TCP connection itself was slow to open: lost SYN packets (a lossy or overloaded path, a rate-limiting firewall) or an address that answers only after retries.",
                [new Fix("Measure the path", $"mtr -T -P {session.Target?.Port ?? 22} {session.Target?.Host ?? "HOST"}")]);
        }

        if (after is RemoteVersion or IdentificationFailed or BannerExchangeFailed)
        {
            return ("The server accepted the connection but was slow to send its SSH banner: sshd is overloaded or queueing unauthenticated connections (MaxStartups), or a proxy or load balancer in front of it holds the connection.",
                [Fix.OnServer("On the server, look at sshd's load and its log", "sudo journalctl -u ssh --since '-10 min'")]);
        }

        if (before is ExpectingMessage || (before is ProtocolMessage { Name: "SSH2_MSG_KEXINIT" } && after is not AuthMethodsCanContinue))
        {
            return ("The key exchange was slow: a busy or slow server CPU computing a large Diffie-Hellman group, or large packets being lost and retransmitted (an MTU problem on a VPN or tunnel).",
                [new Fix("Try a faster key exchange", $"ssh -o KexAlgorithms=curve25519-sha256 {destination}")]);
        }

        if (session.All<NextAuthMethod>().Any(m => m.Method.StartsWith("gssapi", StringComparison.Ordinal) && m.Line <= before.Line) || before is GssapiMessage)
        {
            return ("ssh was trying GSSAPI (Kerberos) authentication, which waits for a KDC or a DNS lookup that does not answer. If you do not use Kerberos, turn it off.",
                [
                    new Fix("Skip GSSAPI for this host", $"ssh -o GSSAPIAuthentication=no {destination}"),
                    new Fix("Or for good, in ~/.ssh/config under the host: GSSAPIAuthentication no"),
                ]);
        }

        if (before is ProtocolMessage { Name: "SSH2_MSG_SERVICE_ACCEPT" or "SSH2_MSG_EXT_INFO" or "SSH2_MSG_SERVICE_REQUEST" } || after is AuthMethodsCanContinue && !session.All<AuthMethodsCanContinue>().Any(m => m.Line < after.Line))
        {
            return ("The wait came right after authentication started, before the server's first answer: the server looks up your address in DNS (UseDNS yes) and its resolver does not answer, or it tries GSSAPI. The login itself is not the problem.",
                [
                    Fix.InConfig("On the server: turn off reverse lookups, then reload sshd", "/etc/ssh/sshd_config", "UseDNS no"),
                    Fix.OnServer("On the server: check that its resolver answers", "getent hosts $(echo $SSH_CLIENT | cut -d' ' -f1)"),
                    new Fix("On the client: skip GSSAPI", $"ssh -o GSSAPIAuthentication=no {destination}"),
                ]);
        }

        if (session.Authenticated && session.First<AuthenticatedTo>() is { } authenticated && before.Line >= authenticated.Line)
        {
            return ("The wait came after login: the remote shell's startup is slow (login scripts such as .bashrc, pam_motd or update-motd, a home directory on a slow network share), or a forwarding or X11 setup waited.",
                [new Fix("Time the remote startup without a terminal", $"ssh {destination} true")]);
        }

        return ("Nothing in the log explains the wait: look at what the line after it reports.", []);
    }
}
