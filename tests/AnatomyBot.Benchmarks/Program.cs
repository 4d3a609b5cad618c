using BenchmarkDotNet.Running;

if (args is ["--telegram-load"])
{
    return await AnatomyBot.Benchmarks.TelegramLoad.RunAsync();
}

if (args is ["--discord-load"])
{
    return await AnatomyBot.Benchmarks.DiscordLoad.RunAsync();
}

if (args is ["--route-latency", var mode, ..] && args.Length <= 5)
{
    var rounds = args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var precision = args.Length >= 4 ? Enum.Parse<AnatomyBot.Embeddings.ModelPrecision>(args[3], ignoreCase: true) : AnatomyBot.Embeddings.ModelPrecision.Int8;
    var threads = args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 2;
    return await AnatomyBot.Benchmarks.RouteLatency.RunAsync(semantic: mode == "semantic", rounds, precision, threads);
}

if (args is ["--encode-threads", ..] && args.Length <= 2)
{
    return AnatomyBot.Benchmarks.ModelModes.EncodeThreads(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2);
}

if (args is ["--model-load", var folder, ..] && args.Length <= 3)
{
    return await AnatomyBot.Benchmarks.ModelModes.LoadAsync(folder, args.Length == 3 ? Enum.Parse<AnatomyBot.Embeddings.ModelPrecision>(args[2], ignoreCase: true) : AnatomyBot.Embeddings.ModelPrecision.Int8);
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
