using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Testing.Storage;

/// <summary>Reads a whole SQLite database, for tests that prove what is (or is no longer) stored in it.</summary>
public static class SqliteDump
{
    /// <summary>Every row of every table as "table|col|col|..." lines.</summary>
    public static async Task<string> AllRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var lines = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(table + "|" + string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The values of every row (table names left out), to check that none holds a student's id or name.</summary>
    public static async Task<IReadOnlyList<string>> AllFieldsAsync(string path) =>
        (await AllRowsAsync(path)).Split('\n').SelectMany(line => line.Split('|').Skip(1)).ToList();
}
