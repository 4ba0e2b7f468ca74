using System.Reflection;
using System.Text.RegularExpressions;
using Codecov.Grains.Storage;

namespace Codecov.Silo.Migrations;

/// <summary>One versioned schema script, <c>NNNN_name.sql</c>; applied at most once per database.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>
    /// The scripts embedded from <c>Silo/Migrations/*.sql</c> (Orleans' tables) and the query index's
    /// own scripts (<see cref="IndexMigrations"/>, shared with embedded mode's SQLite), in version order.
    /// </summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load(typeof(Migration).Assembly);

    private static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .Concat(IndexMigrations.All.Select(m => new Migration(m.Version, m.Name, m.Sql)))
            .OrderBy(m => m.Version)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..^".sql".Length];
        var match = Regex.Match(name, @"^(\d+)_[a-z0-9_]+$");
        if (!match.Success) throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(match.Groups[1].Value), name, reader.ReadToEnd());
    }
}
