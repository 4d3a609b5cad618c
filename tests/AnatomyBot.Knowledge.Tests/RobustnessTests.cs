using System.Text;

namespace AnatomyBot.Knowledge.Tests;

/// <summary>Whatever a file contains, loading returns errors; it never throws.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, string> NastyContent() => new()
    {
        { "empty", string.Empty },
        { "whitespace", "   \n\t\n  " },
        { "nul bytes", "id: x\0\0\0" },
        { "control characters", "id: \u0001\u0002\u001b[31m\nname: x" },
        { "unclosed flow", "{[{[{[" },
        { "deep flow nesting", new string('[', 100_000) },
        { "deep block nesting", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "a:\n")) },
        { "alias bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n" },
        { "self reference", "a: &a [*a]\n" },
        { "tags", "id: !!binary aGVsbG8=\nname: !custom {a: b}\n" },
        { "many documents", string.Concat(Enumerable.Repeat("---\na: b\n", 500)) },
        { "long line", "id: " + new string('a', 900_000) },
        { "many keys", string.Concat(Enumerable.Range(0, 30_000).Select(i => $"k{i}: v\n")) },
        { "emoji and rtl", "id: 💪\nname: \u202Eשלום\u202C\naliases: [\"<b>psoas</b>\", \"@everyone\"]\n" },
        { "html", "<html><body><script>alert(1)</script></body></html>" },
        { "json", "{\"id\": \"x\", \"name\": [1, 2, {\"a\": null}]}" },
        { "merge key", "base: &b {x: 1}\nid: x\n<<: *b\n" },
        { "complex keys", "? [a, b]\n: value\n? {x: y}\n: other\n" },
        { "numbers and nulls", "id: 12\nname: ~\naliases: [1, 2.5, null, true]\nsummary: {text: 3, sources: [~]}\n" },
        { "directive", "%YAML 1.1\n%TAG ! tag:x,2020:\n--- !x\na: b\n" },
        { "bom then garbage", "\uFEFF\uFEFF:::" },
    };

    [Theory]
    [MemberData(nameof(NastyContent))]
    public void Nasty_content_in_any_file_gives_errors_not_exceptions(string name, string content)
    {
        _ = name;
        foreach (var file in new[] { "sources.yaml", "safety.yaml", "muscles/iliacus.yaml", "topics/stretches.yaml", "quiz/basics.yaml" })
        {
            using var folder = new TestKnowledgeFolder();
            folder.Write(file, content);

            var result = folder.Load();

            Assert.Null(result.Snapshot);
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }
    }

    [Fact]
    public void Random_bytes_give_errors_not_exceptions()
    {
        var random = new Random(20260101);
        using var folder = new TestKnowledgeFolder();
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            folder.WriteBytes("muscles/iliacus.yaml", bytes);
            folder.WriteBytes($"topics/random-{i % 3}.yaml", bytes);

            var result = folder.Load();

            Assert.Null(result.Snapshot);
            Assert.NotEmpty(result.Errors);
        }
    }

    [Fact]
    public void Mutated_valid_files_never_throw_and_a_snapshot_means_no_errors()
    {
        var random = new Random(42);
        using var folder = new TestKnowledgeFolder();
        var files = new[] { "sources.yaml", "safety.yaml", "muscles/psoas-major.yaml", "muscles/iliopsoas.yaml", "topics/psoas-paradox.yaml", "quiz/basics.yaml" };
        const string alphabet = " \n\t-:[]{},&*!|>'\"#%@`?~0aZé💪";
        for (var i = 0; i < 150; i++)
        {
            folder.CopyFrom("valid");
            var file = files[random.Next(files.Length)];
            var text = new StringBuilder(folder.Read(file));
            for (var edits = random.Next(1, 6); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        text[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            // Edits may split a surrogate pair; Encoding.UTF8 replaces the broken half, as an editor saving it would.
            folder.WriteBytes(file, Encoding.UTF8.GetBytes(text.ToString()));

            var result = folder.Load();

            Assert.Equal(result.Errors.IsEmpty, result.Snapshot is not null);
            Assert.All(result.Errors, e => Assert.True(e.Line >= 0));
        }
    }
}
