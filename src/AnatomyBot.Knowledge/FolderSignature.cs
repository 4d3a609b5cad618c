using System.Security.Cryptography;
using System.Text;

namespace AnatomyBot.Knowledge;

/// <summary>
/// A cheap fingerprint of the knowledge folder (each YAML file's name, size and last write time; nothing is opened),
/// compared across a debounce window to tell whether an editor is still saving.
/// </summary>
internal static class FolderSignature
{
    public static string Read(string folder)
    {
        var text = new StringBuilder();
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true };
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", options).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                // Dot files and folders (editor swap files, .git) are never knowledge, as for file-system events.
                var relative = Path.GetRelativePath(folder, file.FullName).Replace('\\', '/');
                if (file.Extension is ".yaml" or ".yml" && !relative.Split('/').Any(segment => segment.StartsWith('.')))
                {
                    text.Append(relative).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            text.Append("unreadable:").Append(e.GetType().Name);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
