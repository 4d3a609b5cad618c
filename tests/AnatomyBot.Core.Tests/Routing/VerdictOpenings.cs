using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>How the verdict rule tests read a reply's opening: the title, where "Yes.", "No." or "The sources differ." stands.</summary>
internal static class VerdictOpenings
{
    public static string Opening(Reply reply) => reply.Title ?? "";

    public static bool HasVerdict(string opening) =>
        opening.StartsWith("Yes.", StringComparison.Ordinal) || opening.StartsWith("No.", StringComparison.Ordinal)
        || opening.StartsWith("The sources differ.", StringComparison.Ordinal);
}
