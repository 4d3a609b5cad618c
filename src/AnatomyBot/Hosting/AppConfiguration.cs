using Microsoft.Extensions.Configuration;

namespace AnatomyBot.Hosting;

/// <summary>
/// Configuration sources, later ones winning: appsettings.json and appsettings.{Environment}.json next to the
/// executable, the same files in the working directory, environment variables (<c>Telegram__Token</c>), the
/// environment's extra settings, then <c>--Section:Key=value</c> arguments.
/// </summary>
internal static class AppConfiguration
{
    public const string TelegramTokenKey = "Telegram:Token";
    public const string DiscordTokenKey = "Discord:Token";

    public static void AddSources(IConfigurationBuilder builder, BotAppEnvironment environment, string environmentName, IReadOnlyList<string> commandLine)
    {
        var folders = new List<string> { Path.GetFullPath(AppContext.BaseDirectory) };
        var workingDirectory = Path.GetFullPath(environment.WorkingDirectory);
        if (!folders.Contains(workingDirectory, PathComparer))
        {
            folders.Add(workingDirectory);
        }

        foreach (var folder in folders)
        {
            builder.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false);
            builder.AddJsonFile(Path.Combine(folder, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        }

        if (environment.ReadEnvironmentVariables)
        {
            builder.AddEnvironmentVariables();
        }

        builder.AddInMemoryCollection(environment.Settings);
        builder.AddCommandLine(commandLine.ToArray());
    }

    /// <summary>A token counts as set only when it has non-blank text; an empty value leaves the adapter off.</summary>
    public static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
