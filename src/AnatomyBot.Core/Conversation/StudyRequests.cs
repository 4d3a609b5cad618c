namespace AnatomyBot.Core.Conversation;

/// <summary>
/// The study commands' requests. Every front end answers them through <see cref="Study.StudyCommands"/>, which needs
/// the student's platform account besides the request.
/// </summary>
public abstract record StudyRequest : ChatRequest;

/// <summary>
/// <c>/review</c>: the next question due for this student. With an argument (<c>/review Europe/Berlin</c>, or
/// <c>/review zone Europe/Berlin</c> as the help shows it) it sets the time zone the student's days are counted in.
/// </summary>
public sealed record ReviewRequest(string? Zone = null) : StudyRequest
{
    /// <summary>The request a typed argument makes: empty is the next question; anything else, less a leading "zone", a zone.</summary>
    public static ReviewRequest Parse(string argument)
    {
        var text = argument.Trim();
        if (text.StartsWith("zone", StringComparison.OrdinalIgnoreCase) && (text.Length == 4 || char.IsWhiteSpace(text[4])))
        {
            text = text[4..].Trim();
        }

        return new ReviewRequest(text.Length == 0 ? null : text);
    }
}

/// <summary><c>/progress</c>: the student's figures as text and a chart.</summary>
public sealed record ProgressRequest : StudyRequest;

/// <summary><c>/link</c> (empty <paramref name="Code"/>: a new code) or <c>/link CODE</c> (join the record the code belongs to).</summary>
public sealed record LinkRequest(string Code) : StudyRequest;

/// <summary><c>/unlink</c>: this account gets a record of its own again.</summary>
public sealed record UnlinkRequest : StudyRequest;

/// <summary><c>/forgetme</c>: delete every row about the student on every linked account.</summary>
public sealed record ForgetMeRequest : StudyRequest;
