namespace Codecov.Grains.Storage;

/// <summary>
/// The index's queries, shared by the SQLite and PostgreSQL stores: <c>@Name</c> parameters (Dapper
/// binds them for both), <c>ON CONFLICT … DO UPDATE</c> upserts, <c>LIMIT</c>. Optional filters are
/// separate statements rather than <c>@p IS NULL OR …</c>, which PostgreSQL cannot type.
/// The index mirrors grain state, so an upsert overwrites every column with the grain's values.
/// </summary>
internal static class IndexStatements
{
    public const string UpsertRepository = """
        INSERT INTO repositories (service, owner, name, upload_token, is_private, default_branch, created_at)
        VALUES (@Service, @Owner, @Name, @UploadToken, @IsPrivate, @DefaultBranch, @CreatedAt)
        ON CONFLICT (service, owner, name) DO UPDATE SET
            upload_token = excluded.upload_token,
            is_private = excluded.is_private,
            default_branch = excluded.default_branch,
            created_at = excluded.created_at
        """;

    private const string RepositoryColumns = """
        SELECT service AS Service, owner AS Owner, name AS Name, upload_token AS UploadToken,
               is_private AS IsPrivate, default_branch AS DefaultBranch, created_at AS CreatedAt
        FROM repositories
        """;

    public const string RepositoryByToken = RepositoryColumns + " WHERE upload_token = @UploadToken";

    public const string RepositoryByKey = RepositoryColumns + " WHERE service = @Service AND owner = @Owner AND name = @Name";

    public const string UpsertCommit = """
        INSERT INTO commits (repository, sha, branch, pull_id, parent_sha, state, totals, report_created, created_at, updated_at)
        VALUES (@Repository, @Sha, @Branch, @PullId, @ParentSha, @State, @Totals, @ReportCreated, @CreatedAt, @UpdatedAt)
        ON CONFLICT (repository, sha) DO UPDATE SET
            branch = excluded.branch,
            pull_id = excluded.pull_id,
            parent_sha = excluded.parent_sha,
            state = excluded.state,
            totals = excluded.totals,
            report_created = excluded.report_created,
            created_at = excluded.created_at,
            updated_at = excluded.updated_at
        """;

    private const string CommitColumns = """
        SELECT repository AS Repository, sha AS Sha, branch AS Branch, pull_id AS PullId, parent_sha AS ParentSha,
               state AS State, totals AS Totals, report_created AS ReportCreated, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM commits
        """;

    // Newest first by creation; the sha breaks ties so pages are stable.
    public const string CommitsOfRepository = CommitColumns + """
         WHERE repository = @Repository
        ORDER BY created_at DESC, sha DESC
        LIMIT @Limit
        """;

    public const string CommitsOfBranch = CommitColumns + """
         WHERE repository = @Repository AND branch = @Branch
        ORDER BY created_at DESC, sha DESC
        LIMIT @Limit
        """;

    public const string CommitsOfRepositoryPage = CommitColumns + """
         WHERE repository = @Repository
        ORDER BY created_at DESC, sha DESC
        LIMIT @Limit OFFSET @Offset
        """;

    public const string CommitsOfBranchPage = CommitColumns + """
         WHERE repository = @Repository AND branch = @Branch
        ORDER BY created_at DESC, sha DESC
        LIMIT @Limit OFFSET @Offset
        """;

    public const string CountCommitsOfRepository = "SELECT COUNT(*) FROM commits WHERE repository = @Repository";

    public const string CountCommitsOfBranch = "SELECT COUNT(*) FROM commits WHERE repository = @Repository AND branch = @Branch";

    public const string CommitByKey = CommitColumns + " WHERE repository = @Repository AND sha = @Sha";

    public const string UpsertUpload = """
        INSERT INTO uploads (repository, sha, upload_id, state, updated_at)
        VALUES (@Repository, @Sha, @UploadId, @State, @UpdatedAt)
        ON CONFLICT (repository, sha, upload_id) DO UPDATE SET
            state = excluded.state,
            updated_at = excluded.updated_at
        """;

    public const string UploadsInState = """
        SELECT repository AS Repository, sha AS Sha, upload_id AS UploadId
        FROM uploads
        WHERE state = @State
        ORDER BY updated_at, repository, sha, upload_id
        """;
}
