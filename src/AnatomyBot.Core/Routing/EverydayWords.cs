using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Words no fact uses split by how common they are in English: "normal", "bigger", "humans", "gym" say how a question
/// is asked, so they never name what the sources "don't cover"; "lymphatic", "somites", "tenotomy" do.
/// </summary>
internal static class EverydayWords
{
    public static bool IsEveryday(string word) => EverydayEnglish.Rank(word) < RoutingThresholds.EverydayWordRank;

    /// <summary>The words of <paramref name="unknown"/> that are not everyday English.</summary>
    public static List<string> Rare(List<string> unknown) => unknown.Count == 0 ? unknown : [.. unknown.Where(w => !IsEveryday(w))];

    /// <summary>How much the unknown words weigh against the known ones: a rare word the most a word can, an everyday one a share of it.</summary>
    public static double Weight(List<string> unknown, double maxIdf) =>
        unknown.Sum(w => IsEveryday(w) ? maxIdf * RoutingThresholds.EverydayUnknownShare : maxIdf);
}
