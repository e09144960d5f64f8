namespace LogLens.Parsing;

/// <summary>
/// The lines that the programs which run ssh print themselves (git, rsync, scp, Ansible, a GitHub Actions runner), as they appear around
/// ssh's output in a paste.
/// They are not the server's output: a session that printed nothing still printed nothing when git then says it could not read from
/// the remote repository.
/// </summary>
internal static class OtherPrograms
{
    private static readonly (string Start, string Program)[] Starts =
    [
        ("fatal: Could not read from remote repository.", "git"),
        ("Please make sure you have the correct access rights", "git"),
        ("and the repository exists.", "git"),
        ("fatal: the remote end hung up unexpectedly", "git"),
        ("fatal: early EOF", "git"),
        ("fatal: protocol error: bad line length character", "git"),
        ("error: failed to push some refs to ", "git"),
        ("Cloning into '", "git"),
        ("rsync: ", "rsync"),
        ("rsync error: ", "rsync"),
        ("lost connection", "scp"),
        ("scp: Connection closed", "scp"),
        ("fatal: [", "ansible"),
        ("TASK [", "ansible"),
        ("PLAY [", "ansible"),
        ("PLAY RECAP", "ansible"),
        ("ok: [", "ansible"),
        ("changed: [", "ansible"),
        ("skipping: [", "ansible"),
        ("##[", "github-actions"),
    ];

    /// <summary>The program whose own line this is, or <see langword="null"/>.</summary>
    /// <param name="content">The line, without what a paste wraps around it.</param>
    public static string? Of(string content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        if (content[0] is 'f' or 'P' or 'a' or 'e' or 'C' or 'r' or 'l' or 's' or 'T' or 'o' or 'c' or '#')
        {
            foreach (var (start, program) in Starts)
            {
                if (content.StartsWith(start, StringComparison.Ordinal))
                {
                    return program;
                }
            }
        }

        // Ansible's recap: "web1     : ok=0    changed=0    unreachable=1    failed=0 ..."
        return content.Contains(": ok=", StringComparison.Ordinal) && content.Contains(" unreachable=", StringComparison.Ordinal) ? "ansible" : null;
    }
}
