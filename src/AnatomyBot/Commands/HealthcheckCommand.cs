using AnatomyBot.Hosting;

namespace AnatomyBot.Commands;

/// <summary>
/// The <c>healthcheck</c> verb: GET the running bot's <c>/healthz</c> and turn the answer into an exit code, because the
/// runtime container image has no curl. Exit 0 on 200, 1 on anything else or no answer, 2 when the URL is unusable.
/// </summary>
internal static class HealthcheckCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string? url, string? configuredUrls, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var target = url is not null ? TargetFromArgument(url, out var problem) : TargetFromSettings(configuredUrls, out problem);
        if (target is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return BotApp.ExitUsage;
        }

        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = Timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(target, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var line = $"{(int)response.StatusCode} {target}: {AnswerText.Sanitize(body.Trim())}";
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync($"healthy: {line}");
                return BotApp.ExitOk;
            }

            await error.WriteLineAsync($"unhealthy: {line}");
            return BotApp.ExitFailure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"unreachable: {target}: {ex.Message}");
            return BotApp.ExitFailure;
        }
    }

    /// <summary>An explicit URL: used as given, with <c>/healthz</c> added when it names no path.</summary>
    internal static Uri? TargetFromArgument(string url, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = $"healthcheck: '{url}' is not an absolute http:// URL.";
            return null;
        }

        return uri.AbsolutePath == "/" ? new Uri(uri, "/healthz") : uri;
    }

    /// <summary>
    /// The first <c>Http:Urls</c> address, with a listen-on-every-interface host replaced by loopback, since the check
    /// runs next to the bot (inside the container).
    /// </summary>
    internal static Uri? TargetFromSettings(string? configuredUrls, out string? problem)
    {
        problem = null;
        var urls = HttpOptions.SplitUrls(configuredUrls ?? HttpOptions.DefaultUrls);
        if (urls.Count == 0)
        {
            problem = $"Http:Urls is empty; set it to the address the bot listens on (default {HttpOptions.DefaultUrls}) or pass the URL: healthcheck http://host:port.";
            return null;
        }

        if (HttpOptions.CheckUrl(urls[0]) is { } invalid)
        {
            problem = $"Http:Urls: {invalid}.";
            return null;
        }

        var uri = new Uri(HttpOptions.WildcardToAddress(urls[0]));
        if (uri.Port == 0)
        {
            problem = "Http:Urls uses port 0 (a random port), so there is no fixed address to check; pass the URL: healthcheck http://host:port.";
            return null;
        }

        var host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => uri.Host,
        };
        return new UriBuilder(uri) { Host = host, Path = "/healthz" }.Uri;
    }
}
