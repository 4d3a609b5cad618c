namespace AnatomyBot.Telegram.Sending;

/// <summary>The randomness of the back-off jitter, injected so tests can fix it (Discord's <c>DiscordRandom</c> likewise).</summary>
internal sealed record TelegramRandom(Random Random);
