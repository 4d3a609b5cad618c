using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Quiz;

/// <summary>Reads an answer typed to a quiz question shown as text (the console, Discord mentions and DMs).</summary>
public static class QuizAnswerText
{
    /// <summary>The letter an option is shown with: A, B, C...</summary>
    public static char Letter(int index) => (char)('A' + index);

    /// <summary>
    /// The option chosen by <paramref name="answer"/>: its letter (as the quiz text asks), its number, or its exact
    /// text, any case; -1 when the line is none of these (then it is a new question, not an answer).
    /// </summary>
    public static int ChosenOption(QuizQuestion quiz, string answer)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(answer);
        var trimmed = answer.Trim().TrimEnd('.', ')').Trim();
        if (trimmed.Length == 1 && char.IsAsciiLetter(trimmed[0]))
        {
            var index = char.ToUpperInvariant(trimmed[0]) - 'A';
            return index < quiz.Options.Length ? index : -1;
        }

        if (int.TryParse(trimmed, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= quiz.Options.Length ? number - 1 : -1;
        }

        for (var i = 0; i < quiz.Options.Length; i++)
        {
            if (string.Equals(quiz.Options[i].Trim(), answer.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
