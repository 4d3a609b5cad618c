namespace AnatomyBot.Core.Conversation;

/// <summary>
/// What a user asked of the bot, typed once by the adapter that received it (a slash command's name and options,
/// a button, a typed line). Only <see cref="AskRequest"/> carries text for the engine to parse; every other request
/// says what it wants in its type.
/// </summary>
public abstract record ChatRequest;

/// <summary>
/// A question in the user's own words: the one request the engine parses. <paramref name="ViaCommand"/> is true when
/// it came as <c>/ask</c>, so an empty one is answered with how to use <c>/ask</c>.
/// </summary>
public sealed record AskRequest(string Text, bool ViaCommand = false) : ChatRequest;

/// <summary>A whole muscle card (<c>/muscle psoas minor</c>); the name may be misspelt.</summary>
public sealed record MuscleCardRequest(string Name) : ChatRequest;

/// <summary>What the bot can do (<c>/help</c>, <c>/start</c>).</summary>
public sealed record HelpRequest : ChatRequest;

/// <summary>A command nobody defined (<c>/foo</c>): answered with help and a note naming it.</summary>
public sealed record UnknownCommandRequest(string Name) : ChatRequest;

/// <summary>The documents the answers come from.</summary>
public sealed record SourcesRequest : ChatRequest;

/// <summary>
/// A multiple-choice question for this chat; <paramref name="About"/> is what was typed after <c>/quiz</c> ("/quiz
/// iliacus"), for a question about that muscle, or null.
/// </summary>
public sealed record QuizRequest(string? About = null) : ChatRequest;

/// <summary>
/// An answer typed to the quiz question last asked in this chat: a letter, a number or the option's text, as
/// written (the adapter that holds the question grades it; see <see cref="Quiz.QuizAnswerText"/>).
/// </summary>
public sealed record QuizAnswerRequest(string Answer) : ChatRequest;

/// <summary>Re-read the knowledge folder; moderators only (the adapter checks who asked).</summary>
public sealed record ReloadRequest : ChatRequest;

/// <summary>The chat's top quiz scores.</summary>
public sealed record LeaderboardRequest : ChatRequest;

/// <summary>Show or change the chat's daily quiz (<c>/dailyquiz 09:00 Europe/Berlin</c>, <c>off</c>, or nothing to show it).</summary>
public sealed record DailyQuizSettingsRequest(string Arguments) : ChatRequest;
