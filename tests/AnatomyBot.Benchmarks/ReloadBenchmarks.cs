using System.Runtime.CompilerServices;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// Reload time for the shipped knowledge folder: a full read, parse and validate, and the store's reload
/// (the same plus the added/changed/removed diff against the current snapshot).
/// </summary>
[MemoryDiagnoser]
public class ReloadBenchmarks
{
    private string _folder = string.Empty;
    private KnowledgeStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _folder = FindKnowledgeFolder();
        _store = new KnowledgeStore(Options.Create(new KnowledgeOptions { Path = _folder }), TimeProvider.System, NullLogger<KnowledgeStore>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();

    [Benchmark(Baseline = true, Description = "Load + validate knowledge/")]
    public KnowledgeSnapshot? LoadAndValidate() => KnowledgeLoader.Load(_folder).Snapshot;

    [Benchmark(Description = "Store reload (load + validate + diff)")]
    public Task<ReloadResult> StoreReload() => _store!.ReloadAsync(CancellationToken.None);

    // BenchmarkDotNet runs a copy of this assembly from its own output folder, possibly outside the repository;
    // the source file's compile-time location always is inside it.
    private static string FindKnowledgeFolder([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, KnowledgePaths.SolutionFileName)))
                {
                    return Path.Combine(dir.FullName, "knowledge");
                }
            }
        }

        throw new InvalidOperationException("AnatomyBot.sln not found; run the benchmarks from the repository.");
    }
}
