using System.Text;

namespace AnatomyBot.Commands;

/// <summary>One input line, or the news that a line was longer than the cap (its text is then the first part only).</summary>
internal readonly record struct InputLine(string Text, bool TooLong);

/// <summary>
/// Reads lines that end at <c>\n</c> or <c>\r\n</c> only (a bare <c>\r</c> is text, as in JSON Lines), holding at most
/// <see cref="MaxLineLength"/> characters: the rest of a longer line is read and dropped, so memory stays bounded
/// whatever arrives on standard input. <see cref="TextReader.ReadLineAsync()"/> does neither.
/// </summary>
internal sealed class BoundedLineReader(TextReader input, int maxLineLength = BoundedLineReader.MaxLineLength)
{
    /// <summary>64 KiB characters: far beyond any question, small enough to never matter for memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private readonly char[] _buffer = new char[4096];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _count;

    /// <summary>The next line, or null at the end of the input (a last line without a line end is still returned).</summary>
    public async Task<InputLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_position == _count)
            {
                _count = await input.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _position = 0;
                if (_count == 0)
                {
                    return sawAny ? Finish(tooLong) : null;
                }
            }

            sawAny = true;
            var span = _buffer.AsSpan(_position, _count - _position);
            var end = span.IndexOf('\n');
            var chunk = end < 0 ? span : span[..end];
            // One more than the cap, for the '\r' of a "\r\n" line end.
            var room = maxLineLength + 1 - _line.Length;
            if (chunk.Length > room)
            {
                tooLong = true;
                chunk = chunk[..Math.Max(room, 0)];
            }

            _line.Append(chunk);
            if (end >= 0)
            {
                _position += end + 1;
                return Finish(tooLong);
            }

            _position = _count;
        }
    }

    private InputLine Finish(bool tooLong)
    {
        if (!tooLong && _line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        if (_line.Length > maxLineLength)
        {
            tooLong = true;
            _line.Length = maxLineLength;
        }

        return new InputLine(_line.ToString(), tooLong);
    }
}
