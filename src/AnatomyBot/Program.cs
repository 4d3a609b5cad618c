using System.Text;
using AnatomyBot;
using AnatomyBot.Hosting;

// JSON and answers are written as UTF-8 whatever the platform's console default is.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

// BotApp decides the exit code for every way a run ends (fatal adapter stop, crashed loop, bad setting).
return await BotApp.RunAsync(args, Console.In, Console.Out, Console.Error, BotAppEnvironment.Process, CancellationToken.None);
