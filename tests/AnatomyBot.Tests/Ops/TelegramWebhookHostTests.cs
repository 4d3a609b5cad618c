using System.Net;
using System.Text;

namespace AnatomyBot.Tests.Ops;

/// <summary>
/// Webhook mode from the host's side: the Telegram adapter's endpoint is served on the same listener as /healthz,
/// and requests without the right secret header are refused. (The adapter's own tests cover the queue, setWebhook
/// and shutdown draining against a fake Bot API.)
/// </summary>
public sealed class TelegramWebhookHostTests
{
    private const string Secret = "webhook_SECRET-value-77";

    [Fact]
    public async Task The_webhook_path_is_served_on_the_listener_and_checks_the_secret_header()
    {
        using var data = new TempFolder();
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = "7357608123:AAHwebhookHostTest_abcdef",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Telegram:Webhook:Url"] = "https://bot.example.org/hooks/telegram",
            ["Telegram:Webhook:SecretToken"] = Secret,
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
            // The accepted update cannot be handled (no Bot API answers), so stopping waits for the drain's deadline.
            ["Host:ShutdownTimeoutSeconds"] = "2",
        });
        var url = new Uri(host.BaseAddress, "/hooks/telegram");

        using (var missing = await PostAsync(host, url, secret: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        using (var wrong = await PostAsync(host, url, secret: "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var right = await PostAsync(host, url, Secret))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, right.StatusCode);
            Assert.NotEqual(HttpStatusCode.NotFound, right.StatusCode);
        }

        // The health and metrics endpoints share the listener.
        using var health = await host.GetAsync("/healthz");
        Assert.Contains("telegram", await health.Content.ReadAsStringAsync());
        // Over the listener's 1 MiB body limit: 413 from Kestrel's real limit, with no stack trace and no warning.
        using (var content = new ByteArrayContent(new byte[2 * 1024 * 1024]))
        using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content })
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            // Kestrel answers 413 from the Content-Length and closes the connection; a client still writing the body
            // then saw a broken pipe instead of the answer (CI, 1 Dec 2026). "Expect: 100-continue" makes the client
            // wait for the server's word before sending the body, as a real sender of a large body would.
            request.Headers.ExpectContinue = true;
            using var tooLarge = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }

        // Refusals are debug lines (not shown at the default Information level), never warnings or stack traces.
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("Refused a Telegram webhook request", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(Secret, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("AAHwebhookHostTest", host.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(ServeHost host, Uri url, string? secret)
    {
        using var content = new StringContent("{\"update_id\":424242,\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":5,\"type\":\"private\"},\"from\":{\"id\":5,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"psoas minor origin\"}}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await host.Http.SendAsync(request);
    }
}
