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
    private string _pending = string.Empty;

    public void Send(string line) => _lines.Writer.TryWrite(line + "\n");

    public override void Close() => _lines.Writer.TryWrite(null);

    public override string? ReadLine() => throw new NotSupportedException("read asynchronously");

    // Like a pipe: hands out what has arrived so far and waits only when nothing is pending.
    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.Length == 0 && await _lines.Reader.ReadAsync(cancellationToken) is { } next)
        {
            _pending = next;
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.AsSpan(0, count).CopyTo(buffer.Span);
        _pending = _pending[count..];
        return count;
    }
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
