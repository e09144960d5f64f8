using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace LogLens.Cli.Commands;

/// <summary>
/// <c>loglens completion bash|zsh|fish|pwsh</c>: a static completion script for that shell, made from the command tree
/// (subcommands, their options and the values an option or argument accepts), so it needs no loglens process per key press.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var command = new Command(
            "completion",
            "Print a completion script for your shell, e.g. source <(loglens completion bash) in ~/.bashrc (docs/cli.md has each shell's line).")
        {
            shell,
        };
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Output.Write(Script(result.GetValue(shell) ?? "bash", LoglensCommand.Create()));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The completion script for <paramref name="shell"/> (bash, zsh, fish or pwsh) of <paramref name="root"/>'s tree.</summary>
    internal static string Script(string shell, RootCommand root)
    {
        var nodes = Nodes(root);
        return shell switch
        {
            "zsh" => Zsh(nodes),
            "fish" => Fish(nodes),
            "pwsh" => Pwsh(nodes),
            _ => Bash(nodes),
        };
    }

    /// <summary>What can follow a command: its subcommands, its options (and the values each takes), its arguments' values.</summary>
    internal sealed record Node(string Name, IReadOnlyList<string> Subcommands, IReadOnlyList<Flag> Options, IReadOnlyList<string> Values, bool Files)
    {
        /// <summary>The words offered after this command: subcommands, option names, argument values.</summary>
        public IEnumerable<string> Words => Subcommands.Concat(Options.SelectMany(o => o.Names)).Concat(Values);
    }

    /// <summary>An option's names; <see cref="Values"/> are its fixed values; <see cref="Files"/> when its value is a path; a flag takes no value.</summary>
    internal sealed record Flag(IReadOnlyList<string> Names, IReadOnlyList<string> Values, bool TakesValue, bool Files, string Description);

    /// <summary>The root (named "") and each subcommand, from the command tree.</summary>
    internal static IReadOnlyList<Node> Nodes(RootCommand root) =>
        [NodeOf(root, string.Empty), .. root.Subcommands.Where(c => !c.Hidden).Select(c => NodeOf(c, c.Name))];

    private static Node NodeOf(Command command, string name) => new(
        name,
        name.Length == 0 ? [.. command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)] : [],
        [.. command.Options.Where(o => !o.Hidden).Select(o => new Flag(
            [.. new[] { o.Name }.Concat(o.Aliases).Where(IsOptionName).Distinct(StringComparer.Ordinal)],
            o.ValueType == typeof(bool) ? [] : Completions(o.GetCompletions(CompletionContext.Empty)),
            o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0,
            o.HelpName is { } value && (value.Contains("PATH", StringComparison.Ordinal) || value.Contains("FILE", StringComparison.Ordinal) || value.Contains("LOG", StringComparison.Ordinal)),
            o.Description ?? string.Empty))],
        [.. command.Arguments.SelectMany(a => Completions(a.GetCompletions(CompletionContext.Empty)))],
        command.Arguments.Any(a => !a.GetCompletions(CompletionContext.Empty).Any()));

    private static string[] Completions(IEnumerable<CompletionItem> items) => [.. items.Select(i => i.Label).Where(IsSafeWord)];

    private static string Bash(IReadOnlyList<Node> nodes)
    {
        var script = new StringBuilder();
        script.Append("""
            # bash completion for loglens: source <(loglens completion bash)
            _loglens() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i words files=0
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
            """).Append('\n');
        script.Append("            ").Append(string.Join('|', nodes[0].Subcommands)).Append(") cmd=\"${COMP_WORDS[i]}\"; break ;;\n");
        script.Append("""
                    esac
                done
                case "$cmd:$prev" in

            """);
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(o => o.TakesValue))
            {
                var reply = option.Values.Count > 0 ? $"COMPREPLY=($(compgen -W \"{string.Join(' ', option.Values)}\" -- \"$cur\"))"
                    : option.Files ? "COMPREPLY=($(compgen -f -- \"$cur\"))" : "COMPREPLY=()";
                script.Append($"        {string.Join('|', option.Names.Select(n => $"\"{node.Name}:{n}\""))}) {reply}; return ;;\n");
            }
        }

        script.Append("""
                esac
                case "$cmd" in

            """);
        foreach (var node in nodes)
        {
            script.Append($"        \"{node.Name}\") words=\"{string.Join(' ', node.Words)}\" files={(node.Files ? 1 : 0)} ;;\n");
        }

        script.Append("""
                esac
                COMPREPLY=($(compgen -W "$words" -- "$cur"))
                if [[ $files == 1 && "$cur" != -* ]]; then
                    COMPREPLY+=($(compgen -f -- "$cur"))
                fi
            }
            complete -o filenames -F _loglens loglens

            """);
        return script.ToString();
    }

    private static string Zsh(IReadOnlyList<Node> nodes)
    {
        var script = new StringBuilder();
        script.Append("""
            #compdef loglens
            # zsh completion for loglens: source <(loglens completion zsh) after compinit
            _loglens() {
              local cmd="" prev="${words[CURRENT-1]}" i
              for ((i = 2; i < CURRENT; i++)); do
                case "${words[i]}" in

            """);
        script.Append("      (").Append(string.Join('|', nodes[0].Subcommands)).Append(") cmd=\"${words[i]}\"; break ;;\n");
        script.Append("""
                esac
              done
              case "$cmd:$prev" in

            """);
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(o => o.TakesValue))
            {
                var reply = option.Values.Count > 0 ? $"compadd -- {string.Join(' ', option.Values)}" : option.Files ? "_files" : "_message value";
                script.Append($"    ({string.Join('|', option.Names.Select(n => $"\"{node.Name}:{n}\""))}) {reply}; return ;;\n");
            }
        }

        script.Append("""
              esac
              case "$cmd" in

            """);
        foreach (var node in nodes)
        {
            script.Append($"    (\"{node.Name}\") compadd -- {string.Join(' ', node.Words)}{(node.Files ? "; [[ \"$PREFIX\" == -* ]] || _files" : string.Empty)} ;;\n");
        }

        script.Append("""
              esac
            }
            compdef _loglens loglens

            """);
        return script.ToString();
    }

    private static string Fish(IReadOnlyList<Node> nodes)
    {
        var script = new StringBuilder("# fish completion for loglens: loglens completion fish | source\n");
        var subcommands = string.Join(' ', nodes[0].Subcommands);
        foreach (var node in nodes)
        {
            var condition = node.Name.Length == 0 ? $"not __fish_seen_subcommand_from {subcommands}" : $"__fish_seen_subcommand_from {node.Name}";
            if (!node.Files)
            {
                script.Append($"complete -c loglens -n '{condition}' -f\n");
            }

            foreach (var sub in node.Subcommands)
            {
                script.Append($"complete -c loglens -n '{condition}' -a {sub}\n");
            }

            foreach (var value in node.Values)
            {
                script.Append($"complete -c loglens -n '{condition}' -f -a {value}\n");
            }

            foreach (var option in node.Options)
            {
                var names = string.Join(' ', option.Names.Select(n => n.StartsWith("--", StringComparison.Ordinal) ? $"-l {n[2..]}" : $"-s {n[1..]}"));
                var values = option.Values.Count > 0 ? $" -x -a '{string.Join(' ', option.Values)}'" : option.Files ? " -r -F" : option.TakesValue ? " -x" : string.Empty;
                script.Append($"complete -c loglens -n '{condition}' {names}{values} -d '{Quote(option.Description)}'\n");
            }
        }

        return script.ToString();
    }

    private static string Pwsh(IReadOnlyList<Node> nodes)
    {
        var script = new StringBuilder("""
            # PowerShell completion for loglens: loglens completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName loglens -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $words = @{

            """);
        foreach (var node in nodes)
        {
            script.Append($"        '{node.Name}' = @({string.Join(", ", node.Words.Select(w => $"'{w}'"))})\n");
        }

        script.Append("""
                }
                $values = @{

            """);
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(o => o.Values.Count > 0))
            {
                foreach (var name in option.Names)
                {
                    script.Append($"        '{node.Name}:{name}' = @({string.Join(", ", option.Values.Select(v => $"'{v}'"))})\n");
                }
            }
        }

        script.Append("""
                }
                $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                if ($wordToComplete) { $typed = @($typed | Select-Object -SkipLast 1) }
                $cmd = ''
                foreach ($word in $typed) { if ($word -and $words.ContainsKey($word)) { $cmd = $word; break } }
                $prev = if ($typed.Count -gt 0) { $typed[-1] } else { '' }
                $candidates = if ($values.ContainsKey("${cmd}:${prev}")) { $values["${cmd}:${prev}"] } else { $words[$cmd] }
                $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """);
        return script.ToString();
    }

    /// <summary>Text for a single-quoted fish string.</summary>
    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    /// <summary>An option name that needs no quoting in any shell: <c>-q</c>, <c>--format</c> (not <c>-?</c>).</summary>
    private static bool IsOptionName(string name)
    {
        var word = name.TrimStart('-');
        return name.Length - word.Length is 1 or 2 && word.Length > 0 && char.IsAsciiLetter(word[0]) && word.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    /// <summary>A value that needs no quoting in any shell: <c>sarif</c>, <c>LL5001</c>.</summary>
    private static bool IsSafeWord(string word) =>
        word.Length > 0 && char.IsAsciiLetterOrDigit(word[0]) && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
