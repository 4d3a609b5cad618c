using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// What a free-text question is about once the router has read it: the muscles and attributes it asks of (after
/// follow-up memory), whether the attribute was named outright, how many subject words of its own it has, and
/// whether a pronoun points back at the last subject.
/// </summary>
internal sealed record ResolvedSubject(
    List<int> Muscles,
    List<MuscleAttribute> Attributes,
    bool Strong,
    int OwnWords,
    bool OwnSubject,
    bool RefersBack);
