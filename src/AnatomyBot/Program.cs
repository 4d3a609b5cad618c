using System.Text;
using AnatomyBot;
using AnatomyBot.Hosting;

// JSON and answers are written as UTF-8 whatever the platform's console default is.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var exitCode = await BotApp.RunAsync(args, Console.In, Console.Out, Console.Error, BotAppEnvironment.Process, CancellationToken.None);

// A component that stops the host for a fatal reason (e.g. a rejected token) reports it through Environment.ExitCode.
return exitCode != 0 ? exitCode : Environment.ExitCode;
