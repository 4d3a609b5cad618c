using System.Net;
using AnatomyBot.Testing.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The loopback fake Bot API as a process. Usage: AnatomyBot.FakeBotApi TOKEN
// Prints two lines, then serves until SIGTERM or Ctrl+C:
//   bot-api http://127.0.0.1:PORT   (give it to the bot as Telegram__ApiBaseUrl)
//   control http://127.0.0.1:PORT   (POST /ask text=... : sends a private message, answers with the bot's reply;
//                                    GET /calls : the Bot API methods called so far, with counts;
//                                    GET /sent : chat id, tab, text of every sendMessage so far, one a line;
//                                    POST /enqueue chat=ID text=... count=N : N private messages from chats ID, ID+1, ...
//                                    for getUpdates, without waiting; answers with their update ids, one a line;
//                                    GET /polls : "confirmed-offset N" and "most-polls-in-flight N", the most getUpdates
//                                    calls ever answered at once: 1 while one poller at a time polls)
if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
{
    await Console.Error.WriteLineAsync("usage: AnatomyBot.FakeBotApi TOKEN");
    return 2;
}

await using var api = await FakeBotApiServer.StartAsync(args[0], TimeProvider.System);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
await using var control = builder.Build();
var asking = new SemaphoreSlim(1, 1);

control.MapPost("/ask", async (HttpContext context) =>
{
    var form = await context.Request.ReadFormAsync(context.RequestAborted);
    var text = form["text"].ToString();
    var seconds = int.TryParse(form["timeout"], out var t) && t > 0 ? t : 30;
    if (text.Length == 0)
    {
        return Results.BadRequest("text is required");
    }

    // One question at a time, so the next sendMessage to the user is the answer to this one.
    await asking.WaitAsync(context.RequestAborted);
    try
    {
        var before = api.Calls("sendMessage").Count;
        api.Enqueue(Tg.Private(text));
        try
        {
            await api.WaitUntilAsync(s => s.Calls("sendMessage").Count > before, TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException e)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status504GatewayTimeout);
        }

        var answer = api.Calls("sendMessage")[before];
        return Results.Text(answer.ChatId == Tg.UserId ? answer.Text : $"the answer went to chat {answer.ChatId}, not {Tg.UserId}",
            statusCode: answer.ChatId == Tg.UserId ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }
    finally
    {
        asking.Release();
    }
});
control.MapGet("/calls", () => string.Join('\n', api.Calls().GroupBy(c => c.Method).Select(g => $"{g.Key} {g.Count()}")) + "\n");
// One line per sendMessage so far: the chat it went to, a tab, and the text's first 120 characters on one line
// (scripts/replicas-proof.sh counts answers per chat and reads them).
control.MapGet("/sent", () => string.Concat(api.Calls("sendMessage").Select(c =>
    $"{c.ChatId}\t{new string((c.Body["text"]?.GetValue<string>() ?? "").Take(120).Select(ch => char.IsControl(ch) ? ' ' : ch).ToArray())}\n")));

control.MapPost("/enqueue", async (HttpContext context) =>
{
    var form = await context.Request.ReadFormAsync(context.RequestAborted);
    var text = form["text"].ToString();
    if (!long.TryParse(form["chat"], out var chat) || chat <= 0 || text.Length == 0)
    {
        return Results.BadRequest("chat (a positive id) and text are required");
    }

    var count = int.TryParse(form["count"], out var n) && n > 0 ? n : 1;
    var ids = Enumerable.Range(0, count).Select(i => api.Enqueue(Tg.Private(text, chat + i)));
    return Results.Text(string.Concat(ids.Select(id => $"{id}\n")));
});
control.MapGet("/polls", () => $"confirmed-offset {api.ConfirmedOffset}\nmost-polls-in-flight {api.MostPollsInFlight}\n");

await control.StartAsync();
Console.WriteLine($"bot-api {api.BaseUrl}");
Console.WriteLine($"control {control.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/')}");

await control.WaitForShutdownAsync();
return 0;
