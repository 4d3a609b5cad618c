using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Testing.Telegram;

/// <summary>
/// A second SQLite connection holding the database's write lock (BEGIN IMMEDIATE) until disposed: the bot's own
/// writes wait out their busy timeout and fail with SQLITE_BUSY, as when another process holds the lock.
/// </summary>
public sealed class WriteLock : IDisposable
{
    private readonly SqliteConnection _connection;

    private WriteLock(SqliteConnection connection) => _connection = connection;

    public static WriteLock Take(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        return new WriteLock(connection);
    }

    public void Dispose()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
        }

        _connection.Dispose();
    }
}

/// <summary>Damaged and unwritable database files.</summary>
public static class DatabaseFiles
{
    /// <summary>Overwrites the file with bytes that are not an SQLite database.</summary>
    public static void WriteGarbage(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray());
    }

    /// <summary>Damages a valid database in the middle (pages after the header), as a torn write or a bad disk would.</summary>
    public static void Damage(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var side in new[] { path + "-wal", path + "-shm" })
        {
            File.Delete(side);
        }

        var bytes = File.ReadAllBytes(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        for (var i = pageSize; i < bytes.Length; i++)
        {
            bytes[i] = 0xEE;
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Makes the file read-only for this process: chmod 0444, and when that is not enough (running as root),
    /// the immutable attribute. False when neither works here.
    /// </summary>
    public static bool MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
            return !IsWritable(path);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        if (!IsWritable(path))
        {
            return true;
        }

        return Run("chattr", "+i", path) && !IsWritable(path);
    }

    public static void MakeWritable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.Normal);
            return;
        }

        Run("chattr", "-i", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static bool IsWritable(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
