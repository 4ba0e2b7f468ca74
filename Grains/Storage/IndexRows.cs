using System.Globalization;
using System.Text.Json;
using Codecov.Grains.Commits;
using Codecov.Grains.Reports;
using Codecov.Grains.Repositories;

namespace Codecov.Grains.Storage;

/// <summary>Timestamps in the index: ISO-8601 UTC, always 7 fractional digits, so text order is time order.</summary>
internal static class IndexTimestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));
}

/// <summary>Row shapes of the index tables and their mapping to the contract records.</summary>
internal static class IndexRows
{
    private static readonly JsonSerializerOptions TotalsJson = new(JsonSerializerDefaults.Web);

    internal sealed class RepositoryRow
    {
        public string Service { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Name { get; set; } = "";
        public string UploadToken { get; set; } = "";
        public bool IsPrivate { get; set; }
        public string DefaultBranch { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public static RepositoryRow From(RepositoryInfo info) => new()
        {
            Service = info.Key.Service,
            Owner = info.Key.Owner,
            Name = info.Key.Name,
            UploadToken = info.UploadToken,
            IsPrivate = info.IsPrivate,
            DefaultBranch = info.DefaultBranch,
            CreatedAt = IndexTimestamps.Format(info.CreatedAt),
        };

        public RepositoryInfo ToInfo() =>
            new(new RepositoryKey(Service, Owner, Name), UploadToken, IsPrivate, DefaultBranch, IndexTimestamps.Parse(CreatedAt));
    }

    internal sealed class CommitRow
    {
        public string Repository { get; set; } = "";
        public string Sha { get; set; } = "";
        public string? Branch { get; set; }
        public int? PullId { get; set; }
        public string? ParentSha { get; set; }
        public string State { get; set; } = "";
        public string? Totals { get; set; }
        public bool ReportCreated { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public static CommitRow From(CommitInfo info) => new()
        {
            Repository = info.Key.Repository.ToString(),
            Sha = info.Key.Sha,
            Branch = info.Branch,
            PullId = info.PullId,
            ParentSha = info.ParentSha,
            State = info.State,
            Totals = info.Totals is null ? null : JsonSerializer.Serialize(info.Totals, TotalsJson),
            ReportCreated = info.ReportCreated,
            CreatedAt = IndexTimestamps.Format(info.CreatedAt),
            UpdatedAt = IndexTimestamps.Format(info.UpdatedAt),
        };

        public CommitInfo ToInfo() => new(
            new CommitKey(RepositoryKey.Parse(Repository), Sha),
            Branch, PullId, ParentSha, State,
            Totals is null ? null : JsonSerializer.Deserialize<ReportTotals>(Totals, TotalsJson),
            IndexTimestamps.Parse(CreatedAt), IndexTimestamps.Parse(UpdatedAt), ReportCreated);
    }

    internal sealed class UploadRow
    {
        public string Repository { get; set; } = "";
        public string Sha { get; set; } = "";
        public string UploadId { get; set; } = "";

        public UploadKey ToKey() => new(new CommitKey(RepositoryKey.Parse(Repository), Sha), UploadId);
    }
}

/// <summary>Row shapes of the list queries (<see cref="IndexListStatements"/>).</summary>
internal static class IndexListRows
{
    private static readonly JsonSerializerOptions TotalsJson = new(JsonSerializerDefaults.Web);

    public static string Json(ReportTotals totals) => JsonSerializer.Serialize(totals, TotalsJson);

    public static ReportTotals? Totals(string? json) => json is null ? null : JsonSerializer.Deserialize<ReportTotals>(json, TotalsJson);

    private static DateTimeOffset? Time(string? text) => text is null ? null : IndexTimestamps.Parse(text);

    internal sealed class RepositorySummaryRow
    {
        public string Service { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Name { get; set; } = "";
        public bool IsPrivate { get; set; }
        public string DefaultBranch { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? UpdatedAt { get; set; }
        public string? Totals { get; set; }

        public Queries.RepositorySummary ToSummary() => new(new RepositoryKey(Service, Owner, Name), IsPrivate, DefaultBranch,
            UpdatedAt is not null, IndexTimestamps.Parse(CreatedAt), Time(UpdatedAt), IndexListRows.Totals(Totals));
    }

    internal sealed class BranchRow
    {
        public string Name { get; set; } = "";
        public string HeadSha { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public Queries.BranchSummary ToSummary() => new(Name, HeadSha, IndexTimestamps.Parse(UpdatedAt));
    }

    internal sealed class PullRow
    {
        public int PullId { get; set; }
        public string State { get; set; } = "";
        public string? Title { get; set; }
        public string? HeadSha { get; set; }
        public string? HeadBranch { get; set; }
        public string? BaseSha { get; set; }
        public string? BaseBranch { get; set; }
        public string UpdatedAt { get; set; } = "";
        public string? HeadTotals { get; set; }
        public string? BaseTotals { get; set; }

        public Queries.PullSummary ToSummary(RepositoryKey repository) => new(
            new Queries.PullIndexEntry(repository, PullId, State, Title, HeadSha, HeadBranch, BaseSha, BaseBranch, IndexTimestamps.Parse(UpdatedAt)),
            Totals(HeadTotals), Totals(BaseTotals));
    }

    internal sealed class FlagRow
    {
        public string Flag { get; set; } = "";
        public string Totals { get; set; } = "";
        public bool CarriedForward { get; set; }

        public Queries.FlagTotals ToFlag() => new(Flag, IndexListRows.Totals(Totals)!, CarriedForward);
    }

    internal sealed class TotalsRow
    {
        public string At { get; set; } = "";
        public string Sha { get; set; } = "";
        public string Totals { get; set; } = "";

        public Queries.TotalsAt ToTotals() => new(IndexTimestamps.Parse(At), Sha, IndexListRows.Totals(Totals)!);
    }
}
