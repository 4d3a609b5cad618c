using System.Reflection;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Telegram.Tests.Infrastructure;

/// <summary>
/// The real SQLite update inbox behind a proxy that throws a scripted exception from one method for its next few calls
/// (a bug or fault the adapter must survive); every other call reaches SQLite unchanged.
/// </summary>
public class FaultyStore : DispatchProxy
{
    private IUpdateInbox _inner = null!;
    private TelegramStoreView _store = null!;
    private string _method = "";
    private Func<Exception> _fault = null!;
    private int _remaining;

    public int Thrown { get; private set; }

    public static (IUpdateInbox Store, FaultyStore Faults) Create(string databasePath, string method, int times, Func<Exception> fault)
    {
        var proxy = DispatchProxy.Create<IUpdateInbox, FaultyStore>();
        var faults = (FaultyStore)(object)proxy;
        faults._store = TelegramStoreView.Open(databasePath);
        faults._inner = faults._store.Inbox;
        faults._method = method;
        faults._remaining = times;
        faults._fault = fault;
        return (proxy, faults);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == _method && Interlocked.Decrement(ref _remaining) >= 0)
        {
            Thrown++;
            throw _fault();
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
