using System.IO.Compression;
using System.Text;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>One generated upload: a small LCOV report in the legacy text envelope (protocol §5a), gzipped as the Node uploader sends it.</summary>
public sealed record PlannedUpload(string Sha, int Number, IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>> Hits, byte[] Gzip);

/// <summary>API v2 totals a commit must show, computed from the generated reports by Codecov's rules.</summary>
public sealed record ExpectedTotals(int Files, int Lines, int Hits, int Misses, int Partials, double? Coverage, int Sessions);

/// <summary>
/// Commits and their uploads, generated from a seed. The expected totals of a commit come from the
/// generated line hits by Codecov's merge rule (a line's hits are the maximum over sessions, never the
/// sum: codecov-semantics §1) and its ratio, not from anything the service computes.
/// </summary>
public sealed class CoverageWorkload
{
    private const int FilesPerCommit = 4;
    private const int MaxLine = 40;
    private static readonly int[] HitChoices = [0, 0, 1, 3];

    private CoverageWorkload(string repository, IReadOnlyList<PlannedUpload> uploads)
    {
        Repository = repository;
        Uploads = uploads;
    }

    public string Owner => "faults";

    public string Repository { get; }

    public string Slug => $"{Owner}/{Repository}";

    /// <summary>Interleaved across commits (upload 1 of every commit, then upload 2…), so every commit is in flight at once.</summary>
    public IReadOnlyList<PlannedUpload> Uploads { get; }

    public IEnumerable<string> Commits => Uploads.Select(u => u.Sha).Distinct();

    public static CoverageWorkload Generate(int commits, int uploadsPerCommit, int seed)
    {
        var random = new Random(seed);
        var shas = Enumerable.Range(0, commits).Select(_ => Convert.ToHexString(RandomBytes(random, 20)).ToLowerInvariant()).ToArray();
        var uploads = new List<PlannedUpload>();
        for (var number = 0; number < uploadsPerCommit; number++)
        {
            foreach (var sha in shas) uploads.Add(Plan(random, sha, number));
        }
        return new CoverageWorkload("repo-" + Guid.NewGuid().ToString("N")[..8], uploads);
    }

    /// <summary>The totals after merging <paramref name="uploads"/> of one commit.</summary>
    public static ExpectedTotals Expect(IEnumerable<PlannedUpload> uploads)
    {
        var merged = new Dictionary<string, Dictionary<int, int>>();
        var sessions = 0;
        foreach (var upload in uploads)
        {
            sessions++;
            foreach (var (file, lines) in upload.Hits)
            {
                var target = merged.TryGetValue(file, out var known) ? known : merged[file] = new();
                foreach (var (line, hits) in lines) target[line] = Math.Max(target.GetValueOrDefault(line), hits);
            }
        }
        var all = merged.Values.SelectMany(f => f.Values).ToList();
        var covered = all.Count(h => h > 0);
        return new ExpectedTotals(merged.Count, all.Count, covered, all.Count - covered, 0, ApiCoverage(covered, all.Count), sessions);
    }

    public ExpectedTotals Expect(string sha) => Expect(Uploads.Where(u => u.Sha == sha));

    /// <summary>
    /// Codecov's <c>ratio</c> ("100", "0" or round(x/y·100, 5)) as API v2 shows it: floored to 2 decimals
    /// (codecov-semantics §1 "Totals", "Rounding").
    /// </summary>
    public static double? ApiCoverage(int hits, int lines)
    {
        if (lines == 0) return null;
        if (hits == lines) return 100;
        if (hits == 0) return 0;
        var ratio = Math.Round((decimal)hits / lines * 100m, 5, MidpointRounding.ToEven);
        return (double)(Math.Floor(ratio * 100m) / 100m);
    }

    private static PlannedUpload Plan(Random random, string sha, int number)
    {
        var files = Enumerable.Range(0, FilesPerCommit).OrderBy(_ => random.Next()).Take(2).Select(f => $"src/module{f}.c");
        var hits = new SortedDictionary<string, IReadOnlyDictionary<int, int>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lines = Enumerable.Range(1, MaxLine).OrderBy(_ => random.Next()).Take(random.Next(6, 16)).Order();
            hits[file] = lines.ToDictionary(line => line, _ => HitChoices[random.Next(HitChoices.Length)]);
        }
        return new PlannedUpload(sha, number, hits, Gzip(Envelope(hits)));
    }

    private static string Envelope(IReadOnlyDictionary<string, IReadOnlyDictionary<int, int>> hits)
    {
        var text = new StringBuilder();
        foreach (var file in hits.Keys) text.Append(file).Append('\n');
        text.Append("<<<<<< network\n# path=coverage/lcov.info\nTN:\n");
        foreach (var (file, lines) in hits)
        {
            text.Append("SF:").Append(file).Append('\n');
            foreach (var (line, count) in lines) text.Append($"DA:{line},{count}\n");
            text.Append($"LF:{lines.Count}\nLH:{lines.Values.Count(h => h > 0)}\nend_of_record\n");
        }
        // The uploader adds no newline before EOF (protocol §5a).
        return text.Append("<<<<<< EOF").ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
