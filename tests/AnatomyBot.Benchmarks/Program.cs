using BenchmarkDotNet.Running;

if (args is ["--telegram-load"])
{
    return await AnatomyBot.Benchmarks.TelegramLoad.RunAsync();
}

if (args is ["--discord-load"])
{
    return await AnatomyBot.Benchmarks.DiscordLoad.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
