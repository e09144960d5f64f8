using System.Buffers;

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

    /// <summary>The characters those lines start with: any other line is ruled out by its first one.</summary>
    private static readonly SearchValues<char> FirstCharacters = SearchValues.Create(string.Concat(Starts.Select(s => s.Start[0]).Distinct()));

    /// <summary>
    /// The program whose own line this is, by how the line starts, or <see langword="null"/>: cheap enough for every line (one character
    /// rules out ssh's debug lines), and decided before ssh's grammar, which some of these lines would fit.
    /// </summary>
    /// <param name="content">The line, without what a paste wraps around it.</param>
    public static string? ByStart(string content)
    {
        if (content.Length == 0 || !FirstCharacters.Contains(content[0]))
        {
            return null;
        }

        foreach (var (start, program) in Starts)
        {
            if (content.StartsWith(start, StringComparison.Ordinal))
            {
                return program;
            }
        }

        return null;
    }

    /// <summary>The program whose own line a line that is not ssh's is, by what it holds (Ansible's recap), or <see langword="null"/>.</summary>
    /// <param name="content">The line, without what a paste wraps around it.</param>
    public static string? ByContent(string content) =>
        // Ansible's recap: "web1     : ok=0    changed=0    unreachable=1    failed=0 ..."
        content.Contains(": ok=", StringComparison.Ordinal) && content.Contains(" unreachable=", StringComparison.Ordinal) ? "ansible" : null;
}
