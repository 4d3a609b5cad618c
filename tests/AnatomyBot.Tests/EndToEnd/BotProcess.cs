using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using AnatomyBot.Testing;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// The built AnatomyBot.dll as a real process configured only through environment variables (no verb: the default
/// run, which is bot mode because a token is set), standard input redirected, output captured, stopped with SIGTERM.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _reading;
    private readonly Task<string> _error;

    private BotProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.Append(line).Append('\n');
                }
            }
        });
        _error = process.StandardError.ReadToEndAsync();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltApp.Path);

        // Only what the test sets: a token or URL inherited from the developer's shell must not leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Http__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Test";
        start.Environment["Knowledge__Path"] = RepositoryPaths.Knowledge;
        start.Environment["Answering__Semantic"] = "false";
        start.Environment["Knowledge__Watch"] = "false";
        start.Environment["Http__Urls"] = "http://127.0.0.1:0";
        start.Environment["Host__ShutdownTimeoutSeconds"] = "10";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");

        // Standard input stays open (a service manager's /dev/null would end it at once): the bot must not read it.
        return new BotProcess(process);
    }

    /// <summary>
    /// Stops the process as a service manager does (SIGTERM) and returns its exit code, or null on Windows, where
    /// there is no SIGTERM to send and the process is killed instead.
    /// </summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return null;
        }

        if (!_process.HasExited)
        {
            Assert.Equal(0, NativeMethods.kill(_process.Id, NativeMethods.SIGTERM));
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await _reading.WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown code runs), as a crash or an OOM killer would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<string> ErrorAsync() => _process.HasExited ? await _error : "(still running)";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static class NativeMethods
    {
        public const int SIGTERM = 15;

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int sig);
    }
}
