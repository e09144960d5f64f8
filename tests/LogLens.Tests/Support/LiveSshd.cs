using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LogLens.Tests.Support;

/// <summary>
/// A throwaway real sshd on 127.0.0.1 for tests that run the real ssh (probe mode). Needs root and
/// /usr/sbin/sshd (CI's live lab step installs it); tests ask <see cref="Available"/> and are ignored otherwise.
/// Stops only the process it started.
/// </summary>
internal sealed class LiveSshd : IDisposable
{
    private readonly Process process;

    private LiveSshd(string directory, int port, Process process)
    {
        Directory = directory;
        Port = port;
        this.process = process;
    }

    public string Directory { get; }

    public int Port { get; }

    public string User { get; } = Environment.UserName;

    public string Key => Path.Combine(Directory, "id_ed25519");

    public string OtherKey => Path.Combine(Directory, "other_ed25519");

    public string KnownHosts => Path.Combine(Directory, "known_hosts");

    public static string? Unavailable =>
        !OperatingSystem.IsLinux() ? "not Linux" :
        Environment.UserName != "root" ? "not root" :
        !File.Exists("/usr/sbin/sshd") ? "no /usr/sbin/sshd" :
        !File.Exists("/usr/bin/ssh") ? "no /usr/bin/ssh" : null;

    public static LiveSshd Start()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("loglens-live-").FullName;
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(directory, "host_ed25519"));
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(directory, "id_ed25519"));
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(directory, "other_ed25519"));
        File.Copy(Path.Combine(directory, "id_ed25519.pub"), Path.Combine(directory, "authorized_keys"));
        var port = FreePort();
        var config = Path.Combine(directory, "sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress 127.0.0.1
            HostKey {directory}/host_ed25519
            AuthorizedKeysFile {directory}/authorized_keys
            StrictModes no
            UsePAM no
            PidFile none
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            LogLevel VERBOSE
            """);
        System.IO.Directory.CreateDirectory("/run/sshd");
        var start = new ProcessStartInfo("/usr/sbin/sshd") { UseShellExecute = false };
        foreach (var arg in new[] { "-D", "-f", config, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-E", Path.Combine(directory, "sshd.log") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start");
        var sshd = new LiveSshd(directory, port, process);
        sshd.WaitUntilListening();
        sshd.TrustHostKey();
        return sshd;
    }

    /// <summary>Writes the server's real host key into the test's known_hosts.</summary>
    public void TrustHostKey() => WriteKnownHost(File.ReadAllText(Path.Combine(Directory, "host_ed25519.pub")));

    /// <summary>Writes another key into known_hosts for this server, as if it had been reinstalled.</summary>
    public void PretendHostKeyChanged() => WriteKnownHost(File.ReadAllText(Path.Combine(Directory, "other_ed25519.pub")));

    /// <summary>The ssh options that make the client use only this test's files.</summary>
    public string[] ClientArgs(string key) =>
        ["-F", "/dev/null", "-i", key, "-o", "IdentitiesOnly=yes", "-o", $"UserKnownHostsFile={KnownHosts}", "-o", "StrictHostKeyChecking=yes",
         "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{User}@127.0.0.1"];

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WriteKnownHost(string publicKey)
    {
        var parts = publicKey.Split(' ');
        File.WriteAllText(KnownHosts, $"[127.0.0.1]:{Port} {parts[0]} {parts[1]}\n");
    }

    private void WaitUntilListening()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"sshd did not listen on port {Port}");
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
