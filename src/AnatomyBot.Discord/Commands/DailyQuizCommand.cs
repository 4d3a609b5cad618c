using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Quiz;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// <c>/dailyquiz</c> in a channel: anyone may see the setting; changing it (a time and zone, or off) takes Manage
/// Server (or Administrator, or being listed in Discord:Moderators), checked here, not only by Discord's default
/// permission; in a DM the user sets their own. A typed <c>/dailyquiz</c> carries no permissions, so only moderators
/// change it that way.
/// </summary>
internal sealed class DailyQuizCommand(
    IDailyQuizStore daily,
    DailyQuizScheduler scheduler,
    TimeProvider timeProvider,
    IOptions<DiscordOptions> options,
    ILogger<DailyQuizCommand> logger)
{
    internal const string Refusal = "Only members who can manage this server (or bot moderators) can change the daily quiz.";

    private readonly DailyQuizSettings _settings = new(daily, timeProvider);

    public async Task HandleAsync(DiscordChat chat, string arguments, CancellationToken cancellationToken)
    {
        var channel = DiscordKeys.Chat(chat.ChannelId);
        if (arguments.Length == 0)
        {
            await chat.ReplyTextAsync(await _settings.ShowAsync(channel, cancellationToken), privately: true, cancellationToken);
            return;
        }

        if (!chat.IsDirect && !chat.ManagesServer && !options.Value.IsModerator(chat.UserId))
        {
            logger.DailyQuizRefused(chat.UserId, chat.ChannelId);
            await chat.ReplyTextAsync(Refusal, privately: true, cancellationToken);
            return;
        }

        // A time, a zone name or "off" holds nothing else; anything else is not echoed back (markdown, mentions).
        if (arguments.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-' or ':' or ' ')))
        {
            await chat.ReplyTextAsync("Sorry, I couldn't read that. " + DailyQuizSettings.Usage, privately: true, cancellationToken);
            return;
        }

        var change = await _settings.ChangeAsync(channel, arguments, cancellationToken);
        if (change.Changed)
        {
            scheduler.NotifyChanged();
            logger.DailyQuizChanged(chat.ChannelId, arguments, chat.UserId);
        }

        // The channel sees that a daily quiz was set or stopped; a mistake is shown only to whoever made it.
        await chat.ReplyTextAsync(change.Text, privately: !change.Changed, cancellationToken);
    }
}
