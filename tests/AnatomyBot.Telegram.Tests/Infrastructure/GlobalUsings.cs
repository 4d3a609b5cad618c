// The fake Bot API servers and update builders live in AnatomyBot.Testing, shared with the host tests and benchmarks.
global using AnatomyBot.Testing.Telegram;
