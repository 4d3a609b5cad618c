using System.Collections.Concurrent;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Core.Tests.Proof;

/// <summary>
/// Proof: the knowledge is reloaded 100 times (valid and broken files alternating) while several tasks keep asking
/// questions through the real engine. No answer fails, and no answer mixes two versions of the knowledge.
/// </summary>
public sealed class ReloadUnderLoadTests : IDisposable
{
    private const string File = "muscles/psoas-minor.yaml";
    private const string SummaryOriginal = "Many people do not have one; unlike the psoas major it does not reach the femur.";
    private const string InnervationOriginal = "The Muscle of the Month post gives branches of the lumbar plexus from L1 and L2.";
    private const int Reloads = 100;
    private const int Askers = 3;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anatomybot-reload-proof-" + Guid.NewGuid().ToString("N"));
    private readonly string _original;

    public ReloadUnderLoadTests()
    {
        CopyDirectory(RepositoryPaths.Knowledge, _folder);
        _original = System.IO.File.ReadAllText(Path.Combine(_folder, File));
        Assert.Contains(SummaryOriginal, _original, StringComparison.Ordinal);
        Assert.Contains(InnervationOriginal, _original, StringComparison.Ordinal);
    }

    /// <summary>A valid file whose summary and innervation both carry the variant's marker.</summary>
    private string Variant(string marker) => _original
        .Replace(SummaryOriginal, SummaryOriginal.TrimEnd('.') + " (summary " + marker + ").", StringComparison.Ordinal)
        .Replace(InnervationOriginal, InnervationOriginal.TrimEnd('.') + " (nerve " + marker + ").", StringComparison.Ordinal);

    /// <summary>Broken in different ways: YAML syntax, a missing required field, an unknown source id.</summary>
    private string Broken(int round) => (round / 2 % 3) switch
    {
        0 => Variant("gamma") + "\ninnervation: [unclosed\n  - : :\n",
        1 => Variant("gamma").Replace("id: psoas-minor\n", "", StringComparison.Ordinal),
        _ => Variant("gamma").Replace("sources: [release]", "sources: [no-such-source]", StringComparison.Ordinal),
    };

    [Fact]
    public async Task Hundred_reloads_good_and_broken_alternating_while_questions_flow_never_fail_or_mix()
    {
        Write(Variant("alpha"));
        using var store = new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = _folder, Watch = false }),
            TimeProvider.System,
            NullLogger<KnowledgeStore>.Instance);
        var engine = new AnswerEngine(store);

        var questions = new (string Text, Intent Intent)[]
        {
            ("/muscle psoas minor", Intent.Muscle),
            ("What is the innervation of the psoas minor?", Intent.MuscleAttribute),
            ("psoas minor", Intent.Muscle),
        };

        // The questions must reach the changed facts at all, or the test would prove nothing.
        foreach (var (text, intent) in questions)
        {
            var reply = engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", "c"));
            Assert.Equal(intent, reply.Intent);
            Assert.Contains("nerve alpha", ReplyText.ToPlainText(reply, includeDisclaimer: true), StringComparison.Ordinal);
        }

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>();
        var answered = 0L;
        var askers = Enumerable.Range(0, Askers).Select(n => Task.Run(() =>
        {
            var i = n;
            while (!stop.IsCancellationRequested)
            {
                var (text, intent) = questions[i++ % questions.Length];
                try
                {
                    var reply = engine.Answer(new IncomingMessage(TypedLine.Parse(text), "discord", "u" + n, "c" + n));
                    var plain = ReplyText.ToPlainText(reply, includeDisclaimer: true);
                    var variant = Classify(plain, reply.Intent == Intent.Muscle);
                    if (reply.Intent != intent)
                    {
                        failures.Enqueue($"{text}: intent {reply.Intent}, expected {intent}");
                    }
                    else if (variant is null)
                    {
                        failures.Enqueue($"{text}: mixed or unknown knowledge version in: {plain}");
                    }
                    else
                    {
                        seen.AddOrUpdate(variant, 1, (_, c) => c + 1);
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"{text}: {ex}");
                }
            }
        })).ToArray();

        var okReloads = 0;
        var failedReloads = 0;
        try
        {
            for (var round = 0; round < Reloads; round++)
            {
                var good = round % 2 == 0;
                Write(good ? Variant(round % 4 == 0 ? "beta" : "alpha") : Broken(round));
                var before = store.Current;
                var result = await store.ReloadAsync(CancellationToken.None);
                if (good)
                {
                    Assert.True(result.Succeeded, string.Join("\n", result.Errors));
                    okReloads++;
                    var expected = round % 4 == 0 ? "beta" : "alpha";
                    var now = engine.Answer(new IncomingMessage(TypedLine.Parse("/muscle psoas minor"), "console", "r", "r"));
                    Assert.Equal(expected, Classify(ReplyText.ToPlainText(now, true), muscleCard: true));
                }
                else
                {
                    Assert.False(result.Succeeded, $"round {round}: the broken file was accepted");
                    Assert.NotEmpty(result.Errors);
                    Assert.Contains(result.Errors, e => e.File.Contains("psoas-minor", StringComparison.Ordinal));
                    Assert.Same(before, store.Current);
                    failedReloads++;
                }

                // Let the askers run against every snapshot, not only the last one.
                var target = Interlocked.Read(ref answered) + 20;
                while (Interlocked.Read(ref answered) < target && failures.IsEmpty)
                {
                    await Task.Yield();
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(askers).WaitAsync(Wait.Guard);
        }

        Assert.Empty(failures);
        Assert.Equal(50, okReloads);
        Assert.Equal(50, failedReloads);
        Assert.True(seen.GetValueOrDefault("alpha") > 0 && seen.GetValueOrDefault("beta") > 0, "both versions were served");
        Assert.True(Interlocked.Read(ref answered) >= Reloads * 20);
    }

    /// <summary>
    /// "alpha" or "beta" when the answer comes wholly from that version; null when it holds facts of both,
    /// of neither (the original or a broken file), or of the broken "gamma" file.
    /// </summary>
    private static string? Classify(string text, bool muscleCard)
    {
        if (text.Contains("gamma", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var marker in new[] { "alpha", "beta" })
        {
            var other = marker == "alpha" ? "beta" : "alpha";
            var nerve = text.Contains("(nerve " + marker + ")", StringComparison.Ordinal);
            var summary = text.Contains("(summary " + marker + ")", StringComparison.Ordinal);
            if (nerve && (!muscleCard || summary) && !text.Contains(other, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }

    private void Write(string text)
    {
        // Write-then-rename so the loader never reads a half-written file (as an editor's save would).
        var path = Path.Combine(_folder, File);
        var temp = path + ".tmp";
        System.IO.File.WriteAllText(temp, text);
        System.IO.File.Move(temp, path, overwrite: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            System.IO.File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
