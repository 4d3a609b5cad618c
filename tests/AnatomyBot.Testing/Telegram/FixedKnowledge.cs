using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Testing.Telegram;

/// <summary>A knowledge provider whose snapshot a test sets.</summary>
public sealed class FixedKnowledge(KnowledgeSnapshot snapshot) : IKnowledgeProvider
{
    public KnowledgeSnapshot Current { get; set; } = snapshot;
}
