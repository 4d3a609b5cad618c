using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// Answers INTERACTION_CREATE events: slash commands (each turned into its catalogue request once), autocomplete and
/// quiz buttons. The first callback is always sent straight away (a message, a deferral or autocomplete choices); slow work (/ask, /reload) is deferred and edited in.
/// Quizzes go through the one <see cref="QuizService"/>: each post is stored, its buttons carry the post id, and a click
/// is graded once per user and post, also after a restart.
/// </summary>
internal sealed class InteractionHandler(
    IAnswerEngine engine,
    IMuscleNameCompleter completer,
    IKnowledgeReloader reloader,
    DiscordRestClient rest,
    QuizService quizzes,
    IStorageDiagnostics storage,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<InteractionHandler> logger)
{
    internal const string QuizPrefix = "quiz:";
    private const int MaxAutocompleteChoices = 25;

    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var id = interaction.Id;
        var token = interaction.Token;
        if (interaction.ApplicationId is { } appId && identity.ApplicationId is null)
        {
            identity.ApplicationId = appId;
        }

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                await CommandAsync(interaction, id, token, cancellationToken);
                break;
            case InteractionType.MessageComponent:
                await ComponentAsync(interaction, id, token, cancellationToken);
                break;
            case InteractionType.ApplicationCommandAutocomplete:
                await AutocompleteAsync(interaction, id, token, cancellationToken);
                break;
            default:
                logger.LogDebug("Ignoring interaction type {Type}", interaction.Type);
                break;
        }
    }

    /// <summary>A slash command becomes its catalogue request once, here; each request type has one way to answer.</summary>
    private async Task CommandAsync(Interaction interaction, string id, string token, CancellationToken cancellationToken)
    {
        var data = interaction.Data ?? new InteractionData();
        if (CommandCatalogue.Find(data.Name ?? "") is not { } command || !CommandDefinitions.Offered(command))
        {
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage("Unknown command. Try /help.", ephemeral: true), cancellationToken);
            return;
        }

        var typed = command.Option is { } option ? data.Option(option.Name) ?? "" : "";
        var argument = command.Option is { } limit ? Truncate(typed, limit.MaxLength) : typed;
        var user = interaction.UserId;
        var channel = interaction.ChannelId ?? "";
        switch (command.ToRequest(argument))
        {
            case AskRequest ask:
                // Deferred: the answer is edited in, so a slow engine never misses the 3 s window.
                if (!await RespondAsync(id, token, InteractionCallbackType.DeferredChannelMessageWithSource, null, cancellationToken))
                {
                    return;
                }

                var askReply = engine.Answer(new IncomingMessage(ask, Platform.Discord, user, channel));
                await EditOriginalAsync(interaction, token, MessageRenderer.ReplyMessage(askReply, quotedQuestion: typed), cancellationToken);
                break;
            case QuizRequest:
                await QuizAsync(id, token, user, channel, cancellationToken);
                break;
            case LeaderboardRequest:
                await LeaderboardAsync(id, token, channel, cancellationToken);
                break;
            case ReloadRequest:
                await ReloadAsync(interaction, id, token, user, cancellationToken);
                break;
            case var request:
                var reply = engine.Answer(new IncomingMessage(request, Platform.Discord, user, channel));
                await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.ReplyMessage(reply), cancellationToken);
                break;
        }
    }

    private async Task ReloadAsync(Interaction interaction, string id, string token, string user, CancellationToken cancellationToken)
    {
        var guild = interaction.GuildId;
        if (!MayReload(interaction, user))
        {
            logger.LogWarning("Refused /reload from user {UserId} in guild {GuildId}: not a moderator", user, guild ?? "DM");
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage("Only moderators can reload the knowledge (Manage Server, Administrator, or listed in Discord:Moderators).", ephemeral: true), cancellationToken);
            return;
        }

        logger.LogInformation("/reload requested by user {UserId} in guild {GuildId}", user, guild ?? "DM");
        if (!await RespondAsync(id, token, InteractionCallbackType.DeferredChannelMessageWithSource, new JsonObject { ["flags"] = MessageRenderer.EphemeralFlag }, cancellationToken))
        {
            return;
        }

        ReloadResult result;
        try
        {
            result = await reloader.ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "/reload by user {UserId} failed", user);
            await EditOriginalAsync(interaction, token, MessageRenderer.TextMessage("Reload failed unexpectedly; the previous knowledge is still being served. See the bot's log."), cancellationToken);
            return;
        }

        logger.LogInformation("/reload by user {UserId}: {Outcome}", user, result.Succeeded ? "succeeded" : $"failed with {result.Errors.Length} error(s)");
        await EditOriginalAsync(interaction, token, MessageRenderer.TextMessage(ReloadText.Format(result)), cancellationToken);
    }

    /// <summary>Discord hides /reload by default permission only; admins can override that, so check again here.</summary>
    internal bool MayReload(Interaction interaction, string userId)
    {
        if (options.Value.IsModerator(userId))
        {
            return true;
        }

        return long.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (((Permissions)bits) & (Permissions.Administrator | Permissions.ManageGuild)) != 0;
    }

    private async Task ComponentAsync(Interaction interaction, string id, string token, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? "";
        if (customId.StartsWith(MessageRenderer.SuggestionPrefix, StringComparison.Ordinal))
        {
            // A did-you-mean button: the suggestion is asked as the question, in the same channel's conversation.
            var suggestion = customId[MessageRenderer.SuggestionPrefix.Length..];
            var channel = interaction.ChannelId ?? "";
            var reply = engine.Answer(new IncomingMessage(new AskRequest(Truncate(suggestion, CommandDefinitions.MaxQuestionLength)), Platform.Discord, interaction.UserId, channel));
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.ReplyMessage(reply, quotedQuestion: suggestion), cancellationToken);
            return;
        }

        if (!TryParseQuizId(customId, out var postId, out var index))
        {
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage(QuizGone, ephemeral: true), cancellationToken);
            return;
        }

        QuizGrade grade;
        try
        {
            grade = await GradeAsync(interaction, postId, index, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storage.Classify(ex) != StorageFaultKind.None)
        {
            logger.LogWarning("Discord storage: recording a quiz answer failed ({Error}). {Location}", storage.Describe(ex), storage.Location);
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource,
                MessageRenderer.TextMessage("Sorry, I couldn't record your answer just now. Please click again in a moment.", ephemeral: true), cancellationToken);
            return;
        }

        if (grade.Status is QuizGradeStatus.UnknownPost or QuizGradeStatus.InvalidChoice || grade.Question is not { } question)
        {
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage(QuizGone, ephemeral: true), cancellationToken);
            return;
        }

        await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage(GradeText(question, grade), ephemeral: true), cancellationToken);
    }

    /// <summary>The verdict on a counted or repeated quiz answer (a button or a typed answer), with the explanation and the user's score.</summary>
    internal static string GradeText(QuizQuestion question, QuizGrade grade)
    {
        var text = new StringBuilder();
        if (grade.Status == QuizGradeStatus.AlreadyAnswered)
        {
            text.Append("You already answered this one; your first answer counts");
            text.Append(grade.ChosenIndex >= 0 && grade.ChosenIndex < question.Options.Length ? $": {question.Options[grade.ChosenIndex]}.\n" : ".\n");
        }

        text.Append(grade.Correct ? "✅ Right! " : $"❌ Not quite. The answer is **{question.CorrectOption}**. ")
            .Append(question.Explanation)
            .Append($"\nYour score: {grade.Score?.Correct ?? 0}/{grade.Score?.Answered ?? 0}");
        return text.ToString();
    }

    internal const string QuizGone = "This quiz question is no longer available. Try /quiz.";

    internal const string NoQuizQuestions = "Sorry, there are no quiz questions yet.";

    /// <summary>
    /// Finds the clicked post (buttons from before posts were stored name the question instead: that message is adopted
    /// as a post, keyed by its message id) and grades the click.
    /// </summary>
    private async Task<QuizGrade> GradeAsync(Interaction interaction, string postId, int index, CancellationToken cancellationToken)
    {
        var user = interaction.UserId;
        var channel = interaction.ChannelId ?? "";
        var post = await quizzes.GetPostAsync(postId, cancellationToken)
            ?? await quizzes.GetOrAdoptPostAsync("discord-message-" + (interaction.Message?.Id ?? ""), DiscordKeys.Chat(channel), postId, cancellationToken);
        if (post is null)
        {
            return new QuizGrade(QuizGradeStatus.UnknownPost, null, null, index, false, null);
        }

        return await quizzes.AnswerAsync(post, DiscordKeys.User(user), DisplayName(interaction), index, cancellationToken);
    }

    /// <summary>Posts the channel's next quiz question with one button per option; the post is stored before the reply.</summary>
    private async Task QuizAsync(string id, string token, string user, string channel, CancellationToken cancellationToken)
    {
        var start = await quizzes.StartAsync(DiscordKeys.Chat(channel), cancellationToken);
        if (!start.IsReady)
        {
            await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage(NoQuizQuestions), cancellationToken);
            return;
        }

        if (await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, QuizMessage(start.Question, start.Post.PostId), cancellationToken))
        {
            await quizzes.CompleteAsync(start.Post, null, cancellationToken);
            BotMetrics.QuizPosts.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("kind", "on-demand"));
            logger.LogInformation("Posted quiz {QuestionId} to Discord channel {ChannelId} for user {UserId}", start.Question.Id, channel, user);
        }
    }

    /// <summary>The channel's best quiz scores: right answers, then answers given.</summary>
    private async Task LeaderboardAsync(string id, string token, string channel, CancellationToken cancellationToken)
    {
        var entries = await quizzes.LeaderboardAsync(DiscordKeys.Chat(channel), 10, cancellationToken);
        await RespondAsync(id, token, InteractionCallbackType.ChannelMessageWithSource, MessageRenderer.TextMessage(LeaderboardText(entries)), cancellationToken);
    }

    internal static string LeaderboardText(IReadOnlyList<ScoreEntry> entries)
    {
        if (entries.Count == 0)
        {
            return "No quiz answers yet in this channel. Try /quiz!";
        }

        var text = new StringBuilder("\U0001F3C6 **Leaderboard**");
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(DiscordText.EscapeUserText(entries[i].DisplayName))
                .Append(" \u2014 ").Append(entries[i].Correct).Append('/').Append(entries[i].Answered);
        }

        return text.ToString();
    }

    /// <summary>The name shown on the leaderboard: server nickname, then global name, then username, then the id.</summary>
    internal static string DisplayName(Interaction interaction)
    {
        var user = interaction.Member?.User ?? interaction.User;
        return new[] { interaction.Member?.Nick, user?.GlobalName, user?.Username }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
            ?? interaction.UserId;
    }

    private async Task AutocompleteAsync(Interaction interaction, string id, string token, CancellationToken cancellationToken)
    {
        var partial = interaction.Data?.Focused() ?? "";
        var suggestions = completer.Complete(Truncate(partial, CommandDefinitions.MaxNameLength), MaxAutocompleteChoices);
        var choices = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in suggestions)
        {
            var value = Truncate(s.Value, DiscordLimits.ChoiceValue);
            if (choices.Count < MaxAutocompleteChoices && value.Length > 0 && seen.Add(value))
            {
                choices.Add(new JsonObject { ["name"] = Truncate(string.IsNullOrWhiteSpace(s.Label) ? value : s.Label, DiscordLimits.ChoiceName), ["value"] = value });
            }
        }

        await RespondAsync(id, token, InteractionCallbackType.ApplicationCommandAutocompleteResult, new JsonObject { ["choices"] = choices }, cancellationToken);
    }

    /// <summary>The quiz as a message: the question, the numbered options, and one button per option carrying the post id.</summary>
    internal static JsonObject QuizMessage(QuizQuestion quiz, string postId)
    {
        var content = new StringBuilder("**Quiz:** ").Append(quiz.Question).Append('\n');
        var rows = new JsonArray();
        JsonArray? buttons = null;
        var count = Math.Min(quiz.Options.Length, DiscordLimits.Buttons);
        for (var i = 0; i < count; i++)
        {
            content.Append('\n').Append(i + 1).Append(". ").Append(quiz.Options[i]);
            if (i % DiscordLimits.ButtonsPerRow == 0)
            {
                buttons = [];
                rows.Add(new JsonObject { ["type"] = (int)ComponentType.ActionRow, ["components"] = buttons });
            }

            buttons!.Add(new JsonObject
            {
                ["type"] = (int)ComponentType.Button,
                ["style"] = (int)ButtonStyle.Primary,
                ["label"] = Truncate($"{i + 1}. {quiz.Options[i]}", DiscordLimits.ButtonLabel),
                ["custom_id"] = QuizCustomId(postId, i),
            });
        }

        var message = MessageRenderer.TextMessage(content.ToString());
        message["components"] = rows;
        return message;
    }

    /// <summary><c>quiz:{post id}:{option}</c>. Buttons from before posts were stored carry the question id instead.</summary>
    internal static string QuizCustomId(string postId, int index)
    {
        var suffix = ":" + index.ToString(CultureInfo.InvariantCulture);
        var room = DiscordLimits.CustomId - QuizPrefix.Length - suffix.Length;
        return QuizPrefix + (postId.Length <= room ? postId : postId[..room]) + suffix;
    }

    internal static bool TryParseQuizId(string customId, out string postId, out int index)
    {
        postId = "";
        index = -1;
        if (!customId.StartsWith(QuizPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = customId.LastIndexOf(':');
        if (colon <= QuizPrefix.Length - 1 || !int.TryParse(customId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        postId = customId[QuizPrefix.Length..colon];
        return postId.Length > 0;
    }

    private async Task<bool> RespondAsync(string id, string token, InteractionCallbackType type, JsonObject? data, CancellationToken cancellationToken)
    {
        var response = await rest.CreateInteractionResponseAsync(id, token, new InteractionResponse(type, data), cancellationToken);
        if (!response.IsSuccess)
        {
            logger.LogWarning("Interaction {InteractionId} callback type {Type} failed with {Status}", id, type, (int)response.Status);
        }

        return response.IsSuccess;
    }

    private async Task EditOriginalAsync(Interaction interaction, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var appId = identity.ApplicationId ?? interaction.ApplicationId;
        if (appId is null)
        {
            logger.LogWarning("Cannot edit a deferred answer: the application id is unknown");
            return;
        }

        var response = await rest.EditOriginalResponseAsync(appId, token, body, cancellationToken);
        if (!response.IsSuccess)
        {
            // The deferred message would otherwise stay "thinking" forever; a follow-up is the fallback.
            await rest.CreateFollowupAsync(appId, token, body, cancellationToken);
        }
    }

    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
