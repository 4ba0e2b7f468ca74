namespace Codecov.Grains.Storage;

/// <summary>
/// The index's list queries, in the SQL SQLite and PostgreSQL both run (see <see cref="IndexStatements"/>).
/// Branches, branch heads, repository activity and pull requests known only from uploads are derived
/// from <c>commits</c> rather than stored, so each stored row keeps a single writer. Optional filters
/// are fixed fragments joined in code, never user text.
/// </summary>
internal static class IndexListStatements
{
    private const string RepositoryOfRow = "r.service || '/' || r.owner || '/' || r.name";

    public const string RepositorySummaryColumns = $"""
        SELECT r.service AS Service, r.owner AS Owner, r.name AS Name, r.is_private AS IsPrivate,
               r.default_branch AS DefaultBranch, r.created_at AS CreatedAt,
               (SELECT MAX(c.updated_at) FROM commits c WHERE c.repository = {RepositoryOfRow}) AS UpdatedAt,
               (SELECT c.totals FROM commits c
                WHERE c.repository = {RepositoryOfRow} AND c.branch = r.default_branch AND c.totals IS NOT NULL
                ORDER BY c.created_at DESC, c.sha DESC LIMIT 1) AS Totals
        FROM repositories r
        """;

    public const string OwnerRepositories = " WHERE r.service = @Service AND r.owner = @Owner";
    public const string OnlyPublic = " AND r.is_private = @IsPrivate";
    /// <summary>Followed by the parenthesised list of name parameters.</summary>
    public const string NamedRepositories = " AND r.name IN ";
    // LIKE is case-sensitive in PostgreSQL and not in SQLite: both compare lower-cased text here.
    public const string NameContains = @" AND LOWER(r.name) LIKE @Search ESCAPE '\'";
    public const string HasCommits = $" AND EXISTS (SELECT 1 FROM commits c WHERE c.repository = {RepositoryOfRow})";
    public const string HasNoCommits = $" AND NOT EXISTS (SELECT 1 FROM commits c WHERE c.repository = {RepositoryOfRow})";
    public const string ByName = " ORDER BY r.name";
    public const string CountRepositories = "SELECT COUNT(*) FROM repositories r";
    public const string Page = " LIMIT @Limit OFFSET @Offset";

    public const string OwnersOfService = "SELECT r.owner FROM repositories r WHERE r.service = @Service";
    public const string GroupOwners = " GROUP BY r.owner ORDER BY r.owner";
    public const string CountOwnersOfService = "SELECT COUNT(DISTINCT r.owner) FROM repositories r WHERE r.service = @Service";

    public const string Branches = """
        SELECT c.branch AS Name, MAX(c.updated_at) AS UpdatedAt,
               (SELECT h.sha FROM commits h WHERE h.repository = c.repository AND h.branch = c.branch
                ORDER BY h.created_at DESC, h.sha DESC LIMIT 1) AS HeadSha
        FROM commits c
        WHERE c.repository = @Repository AND c.branch IS NOT NULL
        """;

    public const string OneBranch = " AND c.branch = @Branch";
    public const string GroupBranches = " GROUP BY c.repository, c.branch ORDER BY MAX(c.updated_at) DESC, c.branch";
    public const string CountBranches = "SELECT COUNT(DISTINCT c.branch) FROM commits c WHERE c.repository = @Repository AND c.branch IS NOT NULL";

    public const string UpsertPull = """
        INSERT INTO pulls (repository, pull_id, state, title, head_sha, head_branch, base_sha, base_branch, updated_at)
        VALUES (@Repository, @PullId, @State, @Title, @HeadSha, @HeadBranch, @BaseSha, @BaseBranch, @UpdatedAt)
        ON CONFLICT (repository, pull_id) DO UPDATE SET
            state = excluded.state,
            title = excluded.title,
            head_sha = excluded.head_sha,
            head_branch = excluded.head_branch,
            base_sha = excluded.base_sha,
            base_branch = excluded.base_branch,
            updated_at = excluded.updated_at
        """;

    private const string KnownPulls = """
        SELECT p.pull_id AS PullId, p.state AS State, p.title AS Title, p.head_sha AS HeadSha, p.head_branch AS HeadBranch,
               p.base_sha AS BaseSha, p.base_branch AS BaseBranch, p.updated_at AS UpdatedAt,
               (SELECT c.totals FROM commits c WHERE c.repository = p.repository AND c.sha = p.head_sha) AS HeadTotals,
               (SELECT c.totals FROM commits c WHERE c.repository = p.repository AND c.sha = p.base_sha) AS BaseTotals
        FROM pulls p
        WHERE p.repository = @Repository
        """;

    public const string KnownPullsInState = KnownPulls + " AND p.state = @State";

    public const string KnownPullsAll = KnownPulls;

    /// <summary>Pull requests that only uploads named: open, headed by their newest uploaded commit.</summary>
    public const string PullsFromCommits = """
        SELECT c.pull_id AS PullId, 'open' AS State, NULL AS Title,
               (SELECT h.sha FROM commits h WHERE h.repository = c.repository AND h.pull_id = c.pull_id
                ORDER BY h.created_at DESC, h.sha DESC LIMIT 1) AS HeadSha,
               (SELECT h.branch FROM commits h WHERE h.repository = c.repository AND h.pull_id = c.pull_id
                ORDER BY h.created_at DESC, h.sha DESC LIMIT 1) AS HeadBranch,
               NULL AS BaseSha, NULL AS BaseBranch, MAX(c.updated_at) AS UpdatedAt,
               (SELECT h.totals FROM commits h WHERE h.repository = c.repository AND h.pull_id = c.pull_id
                ORDER BY h.created_at DESC, h.sha DESC LIMIT 1) AS HeadTotals,
               NULL AS BaseTotals
        FROM commits c
        WHERE c.repository = @Repository AND c.pull_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pulls p WHERE p.repository = c.repository AND p.pull_id = c.pull_id)
        """;

    public const string OnePullFromCommits = " AND c.pull_id = @PullId";
    public const string GroupPullsFromCommits = " GROUP BY c.repository, c.pull_id";
    public const string OneKnownPull = " AND p.pull_id = @PullId";

    public const string DeleteCommitFlags = "DELETE FROM commit_flags WHERE repository = @Repository AND sha = @Sha";

    public const string InsertCommitFlag = """
        INSERT INTO commit_flags (repository, sha, flag, totals, carried_forward)
        VALUES (@Repository, @Sha, @Flag, @Totals, @CarriedForward)
        """;

    public const string CommitFlags = """
        SELECT flag AS Flag, totals AS Totals, carried_forward AS CarriedForward
        FROM commit_flags WHERE repository = @Repository AND sha = @Sha ORDER BY flag
        """;

    public const string FlagNames = "SELECT DISTINCT flag FROM commit_flags WHERE repository = @Repository ORDER BY flag";

    public const string CommitTotals = """
        SELECT c.created_at AS At, c.sha AS Sha, c.totals AS Totals FROM commits c
        WHERE c.repository = @Repository AND c.totals IS NOT NULL
        """;

    public const string FlagTotalsOfCommits = """
        SELECT c.created_at AS At, c.sha AS Sha, f.totals AS Totals
        FROM commits c JOIN commit_flags f ON f.repository = c.repository AND f.sha = c.sha AND f.flag = @Flag
        WHERE c.repository = @Repository
        """;

    public const string OnBranch = " AND c.branch = @Branch";
    public const string InRange = " AND c.created_at >= @From AND c.created_at <= @To ORDER BY c.created_at, c.sha";
    public const string LastBefore = " AND c.created_at < @From ORDER BY c.created_at DESC, c.sha DESC LIMIT 1";
}
