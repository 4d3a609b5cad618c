using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The one source of the small words a chat turn opens with: the lead words of a follow-up ("and ...", "so ..."), the
/// okays, the chat's acknowledgements ("cool", "got it") and the hesitations a lead may stand among ("hmm", "oh",
/// "wait"). Each reader that skips such words before what it looks for (a cause, a yes/no auxiliary, a pointer back, a
/// muscle's name) builds its set here from these lists and the few words only it takes, so a word of the shared kinds
/// is added for all of them in one place.
/// </summary>
internal static class TurnWords
{
    /// <summary>The conjunctions a follow-up opens with ("and the iliacus?", "so what does it do", "then where").</summary>
    public static readonly string[] Conjunctions = ["and", "so", "then"];

    /// <summary>"ok" and "okay", which open a turn as often as they answer one.</summary>
    public static readonly string[] Okays = ["ok", "okay"];

    /// <summary>Hesitations that may come before the question ("hmm so is that right", "oh wait, is it per leg").</summary>
    public static readonly string[] Hesitations = ["hmm", "wait", "oh", "well", "k"];

    /// <summary>Words that acknowledge an answer and ask nothing ("ok", "cool", "got it", "makes sense").</summary>
    public static readonly FrozenSet<string> Acknowledgements = Set(Okays,
    [
        "k", "kk", "cool", "nice", "great", "awesome", "perfect", "lol", "haha", "hahaha", "hehe", "lmao",
        "wow", "alright", "alrighty", "gotcha", "neat", "sweet", "noted", "understood", "interesting", "brilliant",
        "amazing", "good", "fine", "see", "sense", "clear", "gotit", "kewl", "nvm",
    ]);

    /// <summary>Words that agree with the last answer before a follow-up ("right and ...", "yeah, what about ..."), besides the acknowledgements.</summary>
    public static readonly string[] Agreements = ["right", "yes", "yeah", "yea", "yep", "sure", "true"];

    /// <summary>The lists' words in one set (ordinal).</summary>
    public static FrozenSet<string> Set(params IEnumerable<string>[] lists) =>
        lists.SelectMany(list => list).ToFrozenSet(StringComparer.Ordinal);
}
