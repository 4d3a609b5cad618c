using BenchmarkDotNet.Running;

if (args is ["--telegram-load"])
{
    return await AnatomyBot.Benchmarks.TelegramLoad.RunAsync();
}

if (args is ["--discord-load"])
{
    return await AnatomyBot.Benchmarks.DiscordLoad.RunAsync();
}

if (args is ["--route-latency", var mode])
{
    return await AnatomyBot.Benchmarks.RouteLatency.RunAsync(semantic: mode == "semantic");
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
