namespace AnatomyBot.Commands;

/// <summary>Where the console chat reads and writes; <see cref="Interactive"/> when a person types (a prompt and a goodbye are shown).</summary>
internal sealed record ConsoleTerminal(TextReader Input, TextWriter Output, TextWriter Error, bool Interactive);
