using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AnatomyBot.Testing;

namespace AnatomyBot.Tests;

/// <summary>The built executable run as a real process: pipes, encoding and exit code as a caller sees them.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Built_app_answers_piped_questions_as_json_lines()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltApp.Path);
        start.ArgumentList.Add("ask");
        start.ArgumentList.Add("--json");
        start.Environment["Knowledge__Path"] = RepositoryPaths.Knowledge;
        start.Environment["Answering__Semantic"] = "false";
        start.Environment["Knowledge__Watch"] = "false";
        start.Environment.Remove("Telegram__Token");
        start.Environment.Remove("Discord__Token");

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync("what nerve supplies the iliacus\n\nпсоас 😀 \u00e9\n");
        await process.StandardInput.FlushAsync();

        // Bytes that are not UTF-8 (an encoded surrogate, 0xFF) still get one valid JSON line.
        await process.StandardInput.BaseStream.WriteAsync(new byte[] { 0xED, 0xA0, 0x80, (byte)'x', 0xFF, (byte)'\n' });
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(strictUtf8.GetBytes(line));
            Assert.NotEqual("error", doc.RootElement.GetProperty("intent").GetString());
        }

        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.Contains("femoral", first.RootElement.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("псоас 😀 \u00e9", third.RootElement.GetProperty("question").GetString());
    }
}
