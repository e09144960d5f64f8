namespace LogLens;

/// <summary>Whose log an input is.</summary>
public enum LogKind
{
    /// <summary>The ssh client's output (<c>ssh -v</c> to <c>-vvv</c>).</summary>
    Client,

    /// <summary>sshd's log (journalctl, auth.log, secure, <c>sshd -E</c>, <c>sshd -d</c>).</summary>
    Server,
}
