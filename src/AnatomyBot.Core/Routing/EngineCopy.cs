using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Every fixed reply the bot gives in its own words (help, sources, greetings, refusals, usage hints), so the copy can
/// be read and edited in one place; the router decides which one applies.
/// </summary>
internal static class EngineCopy
{
    /// <summary>A red flag: the urgent line first (rendered from <see cref="Reply.UrgentNotice"/>) and nothing that dilutes it.</summary>
    public static Reply Urgent() =>
        new Reply
        {
            Intent = Intent.Urgent,
            Title = "Please get medical help now",
            Sections = [new ReplySection(null, "I can't assess symptoms, and what you describe should not wait for a study bot's answer.")],
        };

    /// <summary>
    /// A follow-up to a red flag ("which stretch should i do for it"): the urgent notice again, and no exercise until a
    /// professional has seen it.
    /// </summary>
    public static Reply UrgentFollowUp(KnowledgeIndex index) =>
        new Reply
        {
            Intent = Intent.Urgent,
            Title = "Please get this checked first",
            Sections = [new ReplySection(null, "After what you described, please have a doctor examine you before you move, train or treat it yourself: I can't tell what is safe for you.")],
            UrgentNotice = string.IsNullOrWhiteSpace(index.Safety.Rules.UrgentNotice) ? null : index.Safety.Rules.UrgentNotice.Trim(),
        };

    /// <summary>
    /// Above the versions of a disputed fact when the student asks which to give in an exam: the sources' versions are
    /// reported, not settled, so both are named with their sources (an editors' note gives the standard-anatomy one).
    /// </summary>
    public const string NameBothVersions =
        "Give both versions with their sources; an editors' note, where shown, says what standard anatomy texts give.";

    /// <summary>The entity of the crisis reply, so the safety layer tells it from a red flag's.</summary>
    public const string CrisisEntity = "crisis";

    /// <summary>
    /// Suicide or self-harm: the crisis line first (as the urgent notice) and a few kind words from the safety file; no
    /// anatomy, no exercise, no "not covered", and never the asker's own words repeated back.
    /// </summary>
    public static Reply Crisis(KnowledgeIndex index) =>
        new Reply
        {
            Intent = Intent.Urgent,
            Entity = CrisisEntity,
            Title = "Please reach out for support now",
            Sections = [new ReplySection(null, index.Safety.Rules.Crisis.Reply.Trim())],
            UrgentNotice = index.Safety.Rules.Crisis.Urgent.Trim(),
        };

    /// <summary>What the bot is, its commands (the catalogue's help lines), questions to try and some topics.</summary>
    public static Reply Help(KnowledgeIndex index, string? note)
    {
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        if (note is not null)
        {
            sections.Add(new ReplySection(null, note));
        }

        sections.Add(new ReplySection(null,
            $"I'm AnatomyBot, a study bot for the iliopsoas group: {MuscleList(index)}. Every answer cites its sources."));
        sections.Add(new ReplySection("Commands", string.Join('\n', CommandCatalogue.All.Select(c => c.HelpLine).OfType<string>())));
        var topics = index.Topics.Take(6).Select(t => t.Title).ToArray();
        sections.Add(new ReplySection("Try asking",
            "- What nerve supplies the iliacus?\n" +
            "- Where does the psoas major insert?\n" +
            "- How do you pronounce psoas?\n" +
            "- Does everyone have a psoas minor?\n" +
            "- Quiz me"));
        if (topics.Length > 0)
        {
            sections.Add(new ReplySection("Topics include", string.Join(", ", topics) + (index.Topics.Length > topics.Length ? $" and {index.Topics.Length - topics.Length} more." : ".")));
        }

        return new Reply
        {
            Intent = Intent.Help,
            Title = "AnatomyBot help",
            Sections = sections.ToImmutable(),
        };
    }

    public static Reply Sources(KnowledgeIndex index)
    {
        var sources = index.Snapshot.Sources.IsDefault ? [] : index.Snapshot.Sources;
        var body = string.Join('\n', sources.Select(s => $"[{s.Id}] {s.Title}" + (string.IsNullOrWhiteSpace(s.Description) ? string.Empty : $": {s.Description.Trim()}")));
        return new Reply
        {
            Intent = Intent.Sources,
            Title = "Sources",
            Sections = [new ReplySection(null, $"My answers come from {sources.Length} documents, cited by id in every answer:"), new ReplySection(null, body)],
            Sources = sources,
        };
    }

    public static Reply OffTopic(KnowledgeIndex index)
    {
        return new Reply
        {
            Intent = Intent.OffTopic,
            Title = "Outside what I cover",
            Sections = [
                new ReplySection(null,
                    $"Sorry, I can only help with the iliopsoas group: {MuscleList(index)}, their attachments, actions, nerves, " +
                    "blood supply, variations and related topics such as stretches, posture and palpation."),
                new ReplySection("Try", "\"What nerve supplies the iliacus?\", \"/muscle psoas minor\", \"quiz me\" or /help."),
            ],
        };
    }

    private static string GreetingBody(KnowledgeIndex index) =>
        $"I'm AnatomyBot. Ask me about the iliopsoas group ({MuscleList(index)}), for example \"where does the iliacus originate?\", or type /quiz or /help.";

    // Capped so a large knowledge base never makes help or off-topic replies cost (or weigh) per muscle.
    public static string MuscleList(KnowledgeIndex index) =>
        index.Muscles.Length == 0
            ? "no muscles loaded yet"
            : string.Join(", ", index.Muscles.Take(12).Select(m => m.Name))
              + (index.Muscles.Length > 12 ? $" and {index.Muscles.Length - 12} more" : string.Empty);

    public static Reply AskUsage() =>
        Reply.Text(Intent.Empty, "Ask a question", "Put your question after /ask, for example: /ask what nerve supplies the iliacus?");

    public static Reply EmptyQuestion() =>
        Reply.Text(Intent.Empty, "Ask me about the iliopsoas",
            "Send a question about the psoas major, psoas minor, iliacus or the iliopsoas group, or /help.");

    public static Reply ReloadIsForModerators() =>
        Reply.Text(Intent.Reload, "Reload", "Reloading the knowledge base is for moderators; the bot checks who asked.");

    public static Reply UnknownCommand(KnowledgeIndex index, string name) => Help(index, $"I don't know the command /{Clip(name, 32)}.");

    public static Reply NotHere(KnowledgeIndex index) => Help(index, "That is not something I can do here.");

    public static Reply MuscleUsage(KnowledgeIndex index) =>
        Reply.Text(Intent.Help, "Which muscle?", $"Name a muscle after /muscle, for example /muscle iliacus. I know: {MuscleList(index)}.");

    /// <summary>No "did you mean": nothing is close, and the text already lists every muscle covered.</summary>
    public static Reply UnknownMuscle(KnowledgeIndex index, string name) =>
        Reply.Text(Intent.UnknownMuscle, "Muscle not covered",
            $"I don't have \"{Clip(name, 60)}\" in my knowledge base: I only cover the iliopsoas group. I know: {MuscleList(index)}.");

    /// <summary>
    /// "where does it insert?", "what nerve supplies it" with no muscle said before: which muscle "it" is, with the asked
    /// attribute of each muscle that has one as the choices.
    /// </summary>
    public static Reply WhichMuscle(KnowledgeIndex index, MuscleAttribute attribute) => new()
    {
        Intent = Intent.DidYouMean,
        Confidence = 0,
        Title = "Which muscle do you mean?",
        Sections = [new ReplySection(null,
            $"I'm not sure which muscle \"it\" is here. Pick one below, or ask again with its name, for example \"the {Vocabulary.AttributeQueryWord(attribute)} of the iliacus\".")],
        Suggestions = [.. index.Muscles.Where(m => !m.IsGroup && m.Get(attribute).Length > 0)
            .Select(m => $"{Vocabulary.AttributeQueryWord(attribute)} of the {m.Name.ToLowerInvariant()}")],
    };

    public static Reply Thanks() =>
        Reply.Text(Intent.Thanks, "You're welcome!", "Happy studying. Ask another question any time, or type /quiz to test yourself.");

    /// <summary>"lol ok", "cool", "got it": an acknowledgement asks nothing; the chat's subject stays for the next question.</summary>
    public static Reply Acknowledged() =>
        Reply.Text(Intent.Thanks, "Okay!", "Ask another question any time, or type /quiz to test yourself.");

    public static Reply Greeting(KnowledgeIndex index) => Reply.Text(Intent.Greeting, "Hello!", GreetingBody(index));

    public static Reply QuizBankEmpty() => Reply.Text(Intent.Quiz, "Quiz", "The quiz bank is empty right now.");

    /// <summary>A quiz question as text, lettered options, the answer not revealed.</summary>
    public static Reply Quiz(QuizQuestion question) => new()
    {
        Intent = Intent.Quiz,
        Entity = question.Id,
        Title = "Quiz question",
        Sections = ReplyComposer.QuizBody(question),
        Quiz = question,
    };

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "...";
}
