using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Testing.Storage;

namespace AnatomyBot.Core.Tests.Quiz;

/// <summary>
/// The console chat's <see cref="InMemoryQuizStore"/> passes the quiz store contract the database providers pass. It
/// keeps nothing between runs, so a "restart" within the contract is the same store in the same process; it has only the
/// quiz port (the other ports are not part of this contract).
/// </summary>
public sealed class InMemoryQuizTestDatabase : IStorageTestDatabase
{
    private readonly StoragePorts _ports = new(new NoSchema(), new InMemoryQuizStore(), null!, null!, null!);

    public Task<StoragePorts> CreateAsync() => Task.FromResult(_ports);

    public Task<StoragePorts> ReopenAsync() => Task.FromResult(_ports);

    public Task DropAsync() => Task.CompletedTask;

    private sealed class NoSchema : IStorageSchema
    {
        public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class InMemoryQuizStoreContractTests : QuizStoreContract<InMemoryQuizTestDatabase>;
