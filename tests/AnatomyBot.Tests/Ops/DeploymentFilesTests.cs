using System.Text.Json;
using System.Text.RegularExpressions;
using AnatomyBot.Cli;
using AnatomyBot.Testing;

namespace AnatomyBot.Tests.Ops;

/// <summary>
/// The Dockerfile is checked by reading it (scripts/container-check.sh builds and runs the image where Docker is):
/// every path it copies exists, every project is restored, and the image wiring (user, volumes, health check verb)
/// matches the app. These tests read the repository's own files, which are not in the image's build context, so the
/// Dockerfile's test stage leaves the "Repository" category out.
/// </summary>
[Trait("Category", "Repository")]
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = RepositoryPaths.Root;

    [Fact]
    public void Dockerfile_copies_existing_paths_and_every_solution_project()
    {
        var instructions = Instructions();
        var copies = instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var parts = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
            foreach (var source in parts.Take(parts.Count - 1))
            {
                var path = Path.Combine(Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"Dockerfile copies '{source}', which does not exist");
            }
        }

        var copied = string.Join('\n', copies.Select(c => c.Arguments));
        var solution = File.ReadAllText(Path.Combine(Root, "AnatomyBot.sln"));
        var projects = SolutionProject().Matches(solution).Select(m => m.Groups[1].Value.Replace('\\', '/')).ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            Assert.Contains(project + " ", copied);
        }
    }

    [Fact]
    public void Dockerfile_builds_tests_then_runs_as_non_root_with_volumes_and_a_health_check()
    {
        var instructions = Instructions();
        var froms = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();
        Assert.Contains(froms, f => f.StartsWith("mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build", StringComparison.Ordinal));
        Assert.Contains("build AS test", froms);
        Assert.Contains("test AS publish", froms);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime", froms[^1]);
        Assert.Contains(instructions, i => i.Keyword == "ARG" && i.Arguments == "DOTNET_VERSION=10.0");
        Assert.Contains(instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet test AnatomyBot.sln", StringComparison.Ordinal));

        // Everything after the last FROM is the runtime image.
        var runtime = instructions.SkipWhile(i => i.Arguments != froms[^1]).ToList();
        Assert.Contains(runtime, i => i.Keyword == "USER" && i.Arguments == "$APP_UID");
        var volume = Assert.Single(runtime, i => i.Keyword == "VOLUME").Arguments;
        Assert.Contains("\"/app/knowledge\"", volume);
        Assert.Contains("\"/app/data\"", volume);
        Assert.Contains(runtime, i => i.Keyword == "EXPOSE" && i.Arguments == "8080");

        var env = string.Join(' ', runtime.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        Assert.Contains("Knowledge__PollIntervalSeconds=2", env);
        Assert.Contains("Knowledge__Path=/app/knowledge", env);
        Assert.Contains("Storage__Path=/app/data/", env);
        Assert.Contains("Http__Urls=http://0.0.0.0:8080", env);
        Assert.Contains(runtime, i => i.Keyword == "COPY" && i.Arguments.EndsWith(" /app/knowledge/", StringComparison.Ordinal));

        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT").Arguments)!;
        Assert.Equal(["dotnet", "/app/AnatomyBot.dll"], entrypoint);
        Assert.Equal("AnatomyBot.dll", Path.GetFileName(BuiltApp.Path));

        var healthcheck = Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK").Arguments;
        var command = JsonSerializer.Deserialize<string[]>(healthcheck[(healthcheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!;
        Assert.Equal(["dotnet", "/app/AnatomyBot.dll", "healthcheck"], command);
        Assert.Equal(Verb.Healthcheck, CommandLine.Parse(command[2..]).Verb);

        // With the image's Http__Urls, the verb checks loopback on the exposed port.
        var target = Commands.HealthcheckCommand.TargetFromSettings("http://0.0.0.0:8080", out var problem);
        Assert.Null(problem);
        Assert.Equal("http://127.0.0.1:8080/healthz", target!.ToString());
    }

    [Fact]
    public void Dockerfile_test_stage_leaves_out_the_repository_tests_and_can_be_skipped()
    {
        var instructions = Instructions();
        var test = instructions.SkipWhile(i => i.Arguments != "build AS test").TakeWhile(i => i.Keyword != "FROM" || i.Arguments == "build AS test").ToList();
        Assert.Contains(test, i => i.Keyword == "ARG" && i.Arguments == "RUN_TESTS=true");
        var run = Assert.Single(test, i => i.Keyword == "RUN").Arguments;
        Assert.Contains("--filter \"Category!=Repository\"", run);
        Assert.Contains("if [ \"$RUN_TESTS\" = \"true\" ]", run);

        // The filter names this class's trait: the tests reading files the build context does not hold are the ones left out.
        var trait = Assert.Single(typeof(DeploymentFilesTests).GetCustomAttributesData(), a => a.AttributeType == typeof(TraitAttribute));
        Assert.Equal(["Category", "Repository"], trait.ConstructorArguments.Select(a => (string)a.Value!));
    }

    [Fact]
    public void Dockerfile_knowledge_check_path_matches_the_target_framework()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        var framework = Regex.Match(props, "<TargetFramework>(.+?)</TargetFramework>").Groups[1].Value;
        Assert.Contains($"src/AnatomyBot/bin/Release/{framework}/AnatomyBot.dll knowledge check knowledge", File.ReadAllText(Path.Combine(Root, "Dockerfile")));
    }

    [Fact]
    public void Dockerignore_keeps_the_sources_and_drops_outputs_and_operator_settings()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        foreach (var needed in new[] { "src", "src/", "tests", "tests/", "knowledge", "knowledge/", "*", "**", "global.json", "*.props", "*.sln", "*.csproj", "**/*.csproj" })
        {
            Assert.DoesNotContain(needed, lines);
        }

        Assert.Contains("**/bin/", lines);
        Assert.Contains("**/obj/", lines);
        Assert.Contains("appsettings.json", lines);
        Assert.Contains("!appsettings.example.json", lines);
        Assert.True(File.Exists(Path.Combine(Root, "src", "AnatomyBot", "appsettings.json")), "the shipped defaults are in src/AnatomyBot and are not ignored");
    }

    [Fact]
    public void Example_settings_are_valid_json_and_list_every_setting()
    {
        // The configuration reference in docs/operators.md is the one list of settings: the example carries each of
        // them, and nothing the reference does not document (logging filters below a documented key aside).
        var keys = ExampleSettings().Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = DocumentedSettings();
        Assert.Contains("Telegram:Token", documented);
        Assert.Contains("Storage:Path", documented);
        string[] computedDefaults =
        [
            "Storage:ReplicaId",         // host name + process id: no value in a shared file can stand for it
            "Answering:EmbeddingCache",  // a path under the machine's temp folder; empty would mean "in memory"
        ];
        var missing = documented.Except(computedDefaults, StringComparer.OrdinalIgnoreCase).Where(key => !keys.Contains(key) && !keys.Contains(key + ":0")).ToList();
        Assert.True(missing.Count == 0, "documented in operators.md but not in the example: " + string.Join(", ", missing));
        var undocumented = keys.Where(key => !documented.Any(d => key.Equals(d, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(d + ":", StringComparison.OrdinalIgnoreCase)
            || (d.StartsWith("Logging:", StringComparison.Ordinal) && key.StartsWith("Logging:", StringComparison.Ordinal)))).ToList();
        Assert.True(undocumented.Count == 0, "in the example but not documented in operators.md: " + string.Join(", ", undocumented));

        // The example's own values are valid: serve starts with them (on a free port) and reports ready.
        Assert.Equal("http://127.0.0.1:8080", ExampleSettings()["Http:Urls"]);
        Assert.Equal(Hosting.HttpOptions.DefaultUrls, ExampleSettings()["Http:Urls"]);
    }

    [Fact]
    public async Task Serve_starts_with_the_example_settings()
    {
        var settings = ExampleSettings();
        settings["Knowledge:Path"] = RepositoryPaths.Knowledge;
        settings["Knowledge:Watch"] = "false";
        settings["Http:Urls"] = "http://127.0.0.1:0";
        await using var host = await ServeHost.StartAsync(settings);
        Assert.Contains("healthy", await host.GetStringAsync("/healthz"));
    }

    /// <summary>The setting keys in the first column of the configuration reference tables of docs/operators.md.</summary>
    private static HashSet<string> DocumentedSettings() =>
        SettingRow().Matches(File.ReadAllText(Path.Combine(Root, "docs", "operators.md"))).Select(m => m.Groups["key"].Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z]+(?::[A-Za-z]+)+)` \| `[A-Za-z0-9_]+`", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    /// <summary>appsettings.example.json flattened to configuration keys (arrays as Key:0, empty arrays as the key itself).</summary>
    private static Dictionary<string, string?> ExampleSettings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.example.json")));
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(doc.RootElement, null, result);
        return result;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", result);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                result[prefix!] = null;
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", result);
                }

                break;
            default:
                result[prefix!] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }

    private sealed record Instruction(string Keyword, string Arguments);

    /// <summary>The Dockerfile's instructions, comments dropped and backslash continuations joined.</summary>
    private static List<Instruction> Instructions()
    {
        var joined = new List<string>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(Path.Combine(Root, "Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            current += line;
            if (current.Length > 0)
            {
                joined.Add(current.Trim());
            }

            current = string.Empty;
        }

        return joined
            .Select(l => l.Split(' ', 2))
            .Select(p => new Instruction(p[0].ToUpperInvariant(), p.Length > 1 ? Regex.Replace(p[1].Trim(), @"\s+", " ") : string.Empty))
            .ToList();
    }

    [GeneratedRegex("\"([^\"]+\\.csproj)\"")]
    private static partial Regex SolutionProject();
}
