namespace Codecov.Grains.Storage;

/// <summary>
/// The query index's schema as numbered migrations, written in the SQL that SQLite and PostgreSQL
/// both accept (DESIGN "Two modes"): <c>CREATE TABLE IF NOT EXISTS</c>, TEXT/INTEGER/BIGINT/BOOLEAN,
/// composite primary keys. Timestamps are ISO-8601 UTC text with 7 fractional digits
/// (<see cref="IndexTimestamps"/>): exact to the tick, and text order is time order.
/// Append new migrations; never edit an applied one.
/// </summary>
internal static class IndexSchema
{
    public const string CreateMigrationTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT NOT NULL
        )
        """;

    public const string SelectAppliedVersions = "SELECT version FROM schema_migrations";

    public const string InsertAppliedVersion = "INSERT INTO schema_migrations (version, applied_at) VALUES (@Version, @AppliedAt)";

    public static readonly IReadOnlyList<(int Version, string[] Statements)> Migrations =
    [
        (1,
        [
            """
            CREATE TABLE IF NOT EXISTS repositories (
                service TEXT NOT NULL,
                owner TEXT NOT NULL,
                name TEXT NOT NULL,
                upload_token TEXT NOT NULL UNIQUE,
                is_private BOOLEAN NOT NULL,
                default_branch TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (service, owner, name)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS commits (
                repository TEXT NOT NULL,
                sha TEXT NOT NULL,
                branch TEXT NULL,
                pull_id INTEGER NULL,
                parent_sha TEXT NULL,
                state TEXT NOT NULL,
                totals TEXT NULL,
                report_created BOOLEAN NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (repository, sha)
            )
            """,
            "CREATE INDEX IF NOT EXISTS commits_by_created ON commits (repository, created_at)",
            "CREATE INDEX IF NOT EXISTS commits_by_branch ON commits (repository, branch, created_at)",
            """
            CREATE TABLE IF NOT EXISTS uploads (
                repository TEXT NOT NULL,
                sha TEXT NOT NULL,
                upload_id TEXT NOT NULL,
                state TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (repository, sha, upload_id)
            )
            """,
            "CREATE INDEX IF NOT EXISTS uploads_by_state ON uploads (state)",
        ]),
    ];
}
