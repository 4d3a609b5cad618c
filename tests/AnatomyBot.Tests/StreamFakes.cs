using System.Text;
using System.Threading.Channels;

namespace AnatomyBot.Tests;

/// <summary>Standard input that yields lines one by one, running each action when the reader reaches it.</summary>
internal sealed class ScriptedReader(params object[] script) : TextReader
{
    private int _next;

    public override string? ReadLine()
    {
        while (_next < script.Length)
        {
            var step = script[_next++];
            if (step is Action action)
            {
                action();
                continue;
            }

            return (string)step;
        }

        return null;
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
}

/// <summary>Standard input fed by the test while the app runs, like a pipe held open by a caller.</summary>
internal sealed class BlockingLineReader : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();

    public void Send(string line) => _lines.Writer.TryWrite(line);

    public override void Close() => _lines.Writer.TryWrite(null);

    public override string? ReadLine() => throw new NotSupportedException("read asynchronously");

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _lines.Reader.ReadAsync(cancellationToken);
}

/// <summary>Standard output that publishes complete lines only when flushed, to prove the app flushes each answer.</summary>
internal sealed class NotifyingWriter : StringWriter
{
    private readonly Channel<string> _flushed = Channel.CreateUnbounded<string>();
    private int _published;

    public NotifyingWriter() => NewLine = "\n";

    public override Encoding Encoding => Encoding.UTF8;

    public override void Flush()
    {
        var text = GetStringBuilder().ToString();
        var end = text.LastIndexOf('\n');
        if (end >= _published)
        {
            foreach (var line in text[_published..end].Split('\n'))
            {
                _flushed.Writer.TryWrite(line);
            }

            _published = end + 1;
        }
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public async Task<string> NextFlushedLineAsync() => await _flushed.Reader.ReadAsync();
}
