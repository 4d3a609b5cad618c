namespace AnatomyBot.Core.Conversation;

/// <summary>
/// Port: the single entry point of the engine. It answers the requests that need only the knowledge (questions, muscle
/// cards, help, sources, a quiz question); adapters handle reload, scores and settings themselves.
/// </summary>
public interface IAnswerEngine
{
    Reply Answer(IncomingMessage message);
}
