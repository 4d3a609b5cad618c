using AnatomyBot.Charts;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Study;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>
/// The study features (/review, /progress, /link, /unlink, /forgetme) over the configured study store: the service, the
/// quiz answer listener the adapters' quiz services feed, the chart and the commands. The store itself
/// (<see cref="IStudyStore"/>) comes from the storage provider.
/// </summary>
internal static class StudyServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<StudyOptions>, StudyOptionsValidator>();
        services.AddOptions<StudyOptions>().Bind(configuration.GetSection(StudyOptions.SectionName)).ValidateOnStart();
        services.TryAddSingleton(sp => new StudyService(
            sp.GetRequiredService<IKnowledgeProvider>(),
            sp.GetRequiredService<IStudyStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StudyOptions>>().Value,
            // Pointers come from the plain engine (no metrics, no follow-up memory of real chats).
            snapshot => new RereadFinder(new AnswerEngine(new FixedKnowledge(snapshot)), snapshot)));
        services.TryAddSingleton<IQuizAnswerListener>(sp => new StudyQuizListener(sp.GetRequiredService<StudyService>()));
        services.TryAddSingleton<IProgressChart, ScottPlotProgressChart>();
        services.TryAddSingleton(sp => new StudyCommands(sp.GetRequiredService<StudyService>(), sp.GetRequiredService<IProgressChart>()));
    }

    private sealed class FixedKnowledge(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}

internal sealed class StudyOptionsValidator : IValidateOptions<StudyOptions>
{
    public ValidateOptionsResult Validate(string? name, StudyOptions options)
    {
        var errors = new List<string>();
        if (!StudyCalendar.TryFindZone(options.DefaultTimeZone, out _))
        {
            errors.Add($"Study:DefaultTimeZone '{options.DefaultTimeZone}' is not a known time zone; use an IANA name such as Europe/Berlin, or UTC.");
        }

        if (options.LinkCodeLifetime < TimeSpan.FromMinutes(1) || options.LinkCodeLifetime > TimeSpan.FromHours(1))
        {
            errors.Add($"Study:LinkCodeLifetime must be between 00:01:00 and 01:00:00 (got {options.LinkCodeLifetime}).");
        }

        if (options.LinkCodesPerHour is < 1 or > 20)
        {
            errors.Add($"Study:LinkCodesPerHour must be between 1 and 20 (got {options.LinkCodesPerHour}).");
        }

        if (options.LinkFailuresPerWindow is < 1 or > 100)
        {
            errors.Add($"Study:LinkFailuresPerWindow must be between 1 and 100 (got {options.LinkFailuresPerWindow}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
