using System.Reflection;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Storage;

/// <summary>One versioned script of the query index, <c>NNNN_name.sql</c>.</summary>
public sealed record IndexMigration(int Version, string Name, string Sql);

/// <summary>
/// The query index's schema, written once as numbered scripts in the SQL that SQLite and PostgreSQL
/// both accept (<c>Grains/Storage/IndexMigrations/*.sql</c>): <see cref="SqliteIndexStore"/> applies
/// them itself, the Silo's migrator applies them to PostgreSQL in the same version sequence as its
/// own scripts. Append new scripts; never change what an applied one does.
/// </summary>
public static partial class IndexMigrations
{
    private const string ResourcePrefix = "index-migrations/";

    public static IReadOnlyList<IndexMigration> All { get; } = Load(typeof(IndexMigrations).Assembly);

    private static IReadOnlyList<IndexMigration> Load(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();

    private static IndexMigration Read(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..^".sql".Length];
        var match = ScriptName().Match(name);
        if (!match.Success) throw new InvalidOperationException($"Index migration '{resource}' is not named NNNN_name.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new IndexMigration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(\d+)_[a-z0-9_]+$")]
    private static partial Regex ScriptName();
}
