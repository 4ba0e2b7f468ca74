namespace Codecov.Grains.Commits;

/// <summary>Codecov's commit upsert rule: create on first sight; later only fill in what is still unknown.</summary>
public static class CommitRecord
{
    public static CommitInfo Apply(CommitInfo? existing, CommitUpsert update, CommitKey key, DateTimeOffset now)
    {
        if (existing is null)
        {
            return new CommitInfo(key, update.Branch, update.PullId, update.ParentSha, CommitStates.Pending,
                null, now, now, false);
        }
        var filled = existing with
        {
            Branch = existing.Branch ?? update.Branch,
            PullId = existing.PullId ?? update.PullId,
            ParentSha = existing.ParentSha ?? update.ParentSha,
        };
        return filled == existing ? existing : filled with { UpdatedAt = now };
    }
}
