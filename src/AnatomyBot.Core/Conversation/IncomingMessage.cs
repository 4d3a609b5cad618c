namespace AnatomyBot.Core.Conversation;

/// <summary>
/// A typed request as an adapter hands it to the engine, with who sent it and where: <paramref name="Platform"/> is the
/// front end's name as the adapter calls it (the same name as in its storage keys), which the engine only uses to
/// keep chats apart. With <paramref name="FollowsUp"/>
/// false the engine neither reads nor writes the chat's follow-up context (each <c>ask</c> line is a new conversation).
/// </summary>
public sealed record IncomingMessage(ChatRequest Request, string Platform, string UserId, string ChatId, bool FollowsUp = true)
{
    /// <summary>A question typed in the user's own words (an <see cref="AskRequest"/>).</summary>
    public IncomingMessage(string Text, string Platform, string UserId, string ChatId, bool FollowsUp = true)
        : this(new AskRequest(Text), Platform, UserId, ChatId, FollowsUp)
    {
    }

    /// <summary>The question's text for an <see cref="AskRequest"/>; empty for every other request.</summary>
    public string Text => Request is AskRequest ask ? ask.Text : string.Empty;
}
