namespace AnatomyBot.Core.Storage;

/// <summary>
/// A chat, channel or conversation as the stores know it: the platform that owns it (a short lower-case name the
/// adapter chooses, e.g. "telegram") and that platform's id for it, as text.
/// </summary>
public sealed record ChatKey(string Platform, string Id)
{
    public override string ToString() => Platform + ":" + Id;
}

/// <summary>A user as the stores know them: the platform and that platform's user id, as text.</summary>
public sealed record UserKey(string Platform, string Id)
{
    public override string ToString() => Platform + ":" + Id;
}
