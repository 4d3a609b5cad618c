using BenchmarkDotNet.Running;

if (args is ["--telegram-load"])
{
    return await AnatomyBot.Benchmarks.TelegramLoad.RunAsync();
}

if (args is ["--discord-load"])
{
    return await AnatomyBot.Benchmarks.DiscordLoad.RunAsync();
}

if (args is ["--route-latency", var mode, ..] && args.Length <= 3)
{
    var rounds = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    return await AnatomyBot.Benchmarks.RouteLatency.RunAsync(semantic: mode == "semantic", rounds);
}

if (args is ["--heldout", var heldOutMode, ..] && args.Length <= 3)
{
    return await AnatomyBot.Benchmarks.HeldOutMode.RunAsync(heldOutMode, args.Length == 3 ? args[2] : null);
}

if (args is ["--dump-replies", var output])
{
    return AnatomyBot.Benchmarks.ReplyDump.Run(output);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
