using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>An upload the service acknowledged: the PUT of its report returned 200.</summary>
public sealed record AcknowledgedUpload(PlannedUpload Planned, string UploadId, string PutUrl, TimeSpan At);

/// <summary>
/// Uploads as the Node uploader does (protocol §2): <c>POST /upload/v4</c> with the token in
/// <c>X-Upload-Token</c>, two URLs back, then a gzip PUT that must answer exactly 200. Like the real
/// clients it retries a failed request 4 times with backoff 1/2/4/8 s: the Node uploader retries
/// transport errors, codecov-cli also statuses ≥ 500 (protocol §1); every retry is counted.
/// </summary>
public sealed partial class PlainUploader(string gatewayUrl, string token, string slug) : IDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(40) };
    private readonly ConcurrentQueue<AcknowledgedUpload> acknowledged = new();
    private readonly ConcurrentQueue<string> retries = new();
    private readonly ConcurrentQueue<TimeSpan> postTimes = new();
    private readonly ConcurrentQueue<TimeSpan> putTimes = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(int Count, TaskCompletionSource Reached)> milestones = [];

    /// <summary>Where uploads go; change it to send the next uploads elsewhere.</summary>
    public string GatewayUrl { get; set; } = gatewayUrl;

    public IReadOnlyCollection<AcknowledgedUpload> Acknowledged => acknowledged;

    /// <summary>Why each retry happened ("POST 503", "PUT HttpRequestException"…).</summary>
    public IReadOnlyCollection<string> Retries => retries;

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>How long each answered POST and PUT took (the attempt that succeeded).</summary>
    public IReadOnlyCollection<TimeSpan> PostTimes => postTimes;

    public IReadOnlyCollection<TimeSpan> PutTimes => putTimes;

    /// <summary>Completes once <paramref name="count"/> uploads were acknowledged.</summary>
    public Task AcknowledgedAtLeastAsync(int count)
    {
        lock (milestones)
        {
            if (acknowledged.Count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            milestones.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Uploads everything, <paramref name="concurrency"/> at a time, as parallel CI jobs would.</summary>
    public Task RunAsync(IEnumerable<PlannedUpload> uploads, int concurrency) =>
        Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (upload, _) => await UploadAsync(upload));

    public async Task UploadAsync(PlannedUpload upload)
    {
        var urls = await WithRetriesAsync("POST", postTimes, () => PostAsync(upload));
        var putUrl = urls[1];
        await WithRetriesAsync("PUT", putTimes, () => PutAsync(putUrl, upload.Gzip));
        acknowledged.Enqueue(new AcknowledgedUpload(upload, UploadIdIn(putUrl), putUrl, clock.Elapsed));
        lock (milestones)
        {
            foreach (var (count, reached) in milestones.Where(m => acknowledged.Count >= m.Count)) reached.TrySetResult();
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<string[]> PostAsync(PlannedUpload upload)
    {
        var query = $"package=uploader-0.7.3&commit={upload.Sha}&branch=main&build={upload.Number}&job=job-{upload.Number}" +
            $"&service=github-actions&slug={Uri.EscapeDataString(slug)}&name=run-{upload.Number}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{GatewayUrl}/upload/v4?{query}");
        request.Headers.Add("X-Upload-Token", token);
        request.Headers.Add("X-Reduced-Redundancy", "false");
        request.Headers.UserAgent.ParseAdd("codecov-uploader/0.7.3");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new UploadStatusException(response.StatusCode, body);
        // The uploader's own parse of the body: exactly two printable tokens (protocol §2).
        var tokens = PrintableTokens().Matches(body).Select(m => m.Value).ToArray();
        if (tokens.Length != 2) throw new InvalidOperationException($"POST /upload/v4 answered {tokens.Length} tokens: {body}");
        return tokens;
    }

    private async Task<bool> PutAsync(string putUrl, byte[] gzip)
    {
        using var content = new ByteArrayContent(gzip);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await http.PutAsync(putUrl, content);
        if (response.StatusCode != HttpStatusCode.OK) throw new UploadStatusException(response.StatusCode, await response.Content.ReadAsStringAsync());
        return true;
    }

    private async Task<T> WithRetriesAsync<T>(string step, ConcurrentQueue<TimeSpan> times, Func<Task<T>> attempt)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                var started = clock.Elapsed;
                var result = await attempt();
                times.Enqueue(clock.Elapsed - started);
                return result;
            }
            catch (Exception fault) when (retry < Backoff.Length && IsRetried(fault))
            {
                retries.Enqueue($"{step} {Describe(fault)}");
                await Task.Delay(Backoff[retry]);
            }
        }
    }

    private static bool IsRetried(Exception fault) =>
        fault is HttpRequestException or TaskCanceledException || fault is UploadStatusException { Status: >= HttpStatusCode.InternalServerError };

    private static string Describe(Exception fault) => fault is UploadStatusException status ? ((int)status.Status).ToString() : fault.GetType().Name;

    private static string UploadIdIn(string putUrl) => UploadId().Match(putUrl) is { Success: true } match
        ? match.Value
        : throw new InvalidOperationException($"No upload id in the PUT URL {putUrl}");

    [GeneratedRegex(@"[\x21-\x7E]+")]
    private static partial Regex PrintableTokens();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex UploadId();
}

public sealed class UploadStatusException(HttpStatusCode status, string body) : Exception($"{(int)status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
