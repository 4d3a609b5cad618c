using BenchmarkDotNet.Running;

if (args is ["--telegram-load"])
{
    return await AnatomyBot.Benchmarks.TelegramLoad.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
