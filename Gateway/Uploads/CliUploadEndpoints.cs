using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// The codecov-cli routes under <c>/upload/{service}/{slug}</c> (protocol §1a–§1c): the three-step flow of
/// codecov-action v4, the one-step upload-coverage of v5, and the notification calls.
/// </summary>
public static class CliUploadEndpoints
{
    private const string CommitNotFound = "Commit SHA not found";
    private const string DefaultCode = "default";

    public static IEndpointRouteBuilder MapCliUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/upload/{service}/{repo}").WithTags("Codecov CLI upload");
        group.MapPost("/commits", CreateCommitAsync);
        group.MapPost("/commits/{sha}/reports", CreateReportAsync);
        group.MapPost("/commits/{sha}/reports/{code}/uploads", CreateUploadAsync);
        group.MapPost("/upload-coverage", UploadCoverageAsync);
        group.MapPost("/commits/{sha}/empty-upload", EmptyUploadAsync);
        group.MapPost("/commits/{sha}/upload-complete", UploadCompleteAsync);
        group.MapPost("/commits/{sha}/reports/{code}/results", ReportResultsAsync);
        group.MapGet("/commits/{sha}/reports/{code}/results", ReportResultsAsync);
        return routes;
    }

    private static async Task<Results<JsonHttpResult<CommitResponse>, CodecovError>> CreateCommitAsync(
        string service, string repo, HttpRequest request, [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo);
        if (error is not null) return error;
        var (body, bodyError) = await CliBodyReader.ReadAsync(request, () => new CommitBody(null, null, null, null));
        if (bodyError is not null) return bodyError;
        if (string.IsNullOrWhiteSpace(body!.Commitid)) return CodecovError.Field("commitid", "This field is required.");
        if (UploadFieldRules.CheckCommit(body) is { Count: > 0 } invalid) return CodecovError.Fields(invalid);

        var commit = await UpsertCommitAsync(grains, repository!, body);
        return Created(CliResponses.Commit(commit, repository!));
    }

    private static async Task<Results<JsonHttpResult<ReportResponse>, CodecovError>> CreateReportAsync(
        string service, string repo, string sha, HttpRequest request, [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo);
        if (error is not null) return error;
        var (body, bodyError) = await CliBodyReader.ReadAsync(request, () => new ReportBody(null));
        if (bodyError is not null) return bodyError;
        if (body!.Code is { } code && code != DefaultCode)
        {
            return CodecovError.Field("code", "Using a non-default `code` has been deprecated");
        }

        if (CommitGrain(grains, repository!, sha) is not { } grain || await grain.GetAsync() is null) return CodecovError.Validation(CommitNotFound);
        var commit = await grain.CreateReportAsync();
        return Created(CliResponses.Report(commit));
    }

    private static async Task<Results<JsonHttpResult<UploadResponse>, CodecovError>> CreateUploadAsync(
        string service, string repo, string sha, string code, HttpRequest request,
        [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains,
        [FromServices] UploadRegistrar registrar, [FromServices] UploadTargets targets)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo);
        if (error is not null) return error;
        if (code != DefaultCode) return CodecovError.Validation("Non-default `report_code` has been deprecated");
        var (body, bodyError) = await CliBodyReader.ReadAsync(request, CliResponses.EmptyUpload);
        if (bodyError is not null) return bodyError;
        if (UploadFieldRules.CheckUpload(body!) is { Count: > 0 } invalid) return CodecovError.Fields(invalid);

        if (CommitGrain(grains, repository!, sha) is not { } grain || await grain.GetAsync() is not { } existing)
        {
            return CodecovError.Validation(CommitNotFound);
        }

        if (!existing.ReportCreated) return CodecovError.Validation("Report not found");

        var registration = await registrar.RegisterAsync(existing.Key, new CommitUpsert(null, null, null), CliResponses.UploadRequest(body!));
        if (registration.Refusal is { } refusal) return CodecovError.Validation(refusal);
        var target = await targets.ForAsync(request, registration.Key!);
        return Created(CliResponses.Upload(registration.Upload!, target));
    }

    private static async Task<Results<JsonHttpResult<UploadCoverageResponse>, CodecovError>> UploadCoverageAsync(
        string service, string repo, HttpRequest request,
        [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains,
        [FromServices] UploadRegistrar registrar, [FromServices] UploadTargets targets)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo);
        if (error is not null) return error;
        var (body, bodyError) = await CliBodyReader.ReadAsync(request, CliResponses.EmptyUploadCoverage);
        if (bodyError is not null) return bodyError;
        if (string.IsNullOrWhiteSpace(body!.Commitid)) return CodecovError.Field("commitid", "This field is required.");
        // Codecov validates the commit, then the report, then the upload, answering the first that fails (§1a).
        if (UploadFieldRules.CheckCommit(body.Commit) is { Count: > 0 } invalidCommit) return CodecovError.Fields(invalidCommit);
        if (body.Code is { } code && code != DefaultCode)
        {
            return CodecovError.Field("code", "Using a non-default `code` has been deprecated");
        }

        if (UploadFieldRules.CheckUpload(body.Upload) is { Count: > 0 } invalidUpload) return CodecovError.Fields(invalidUpload);

        // get-or-create commit, then report, then upload (§1a "Server").
        var commit = await UpsertCommitAsync(grains, repository!, body.Commit);
        await grains.GetGrain<ICommitGrain>(commit.Key.ToString()).CreateReportAsync();
        var registration = await registrar.RegisterAsync(commit.Key, new CommitUpsert(null, null, null), CliResponses.UploadRequest(body.Upload));
        if (registration.Refusal is { } refusal) return CodecovError.Validation(refusal);
        var target = await targets.ForAsync(request, registration.Key!);
        return Created(CliResponses.UploadCoverage(registration.Upload!, target));
    }

    private static async Task<Results<JsonHttpResult<EmptyUploadResponse>, CodecovError>> EmptyUploadAsync(
        string service, string repo, string sha, HttpRequest request, [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo, tokenless: false);
        if (error is not null) return error;
        var (body, bodyError) = await CliBodyReader.ReadAsync(request, () => new EmptyUploadBody(null));
        if (bodyError is not null) return bodyError;
        if (CommitGrain(grains, repository!, sha) is not { } grain || await grain.GetAsync() is null) return CodecovError.Validation(CommitNotFound);
        return TypedResults.Json(CliResponses.EmptyUploadResult(body!.ShouldForce == true), CodecovBodies.Json);
    }

    private static async Task<Results<JsonHttpResult<UploadCompleteResponse>, CodecovError>> UploadCompleteAsync(
        string service, string repo, string sha, HttpRequest request, [FromServices] CliUploadGate gate, [FromServices] IGrainFactory grains)
    {
        var (repository, error) = await gate.EnterAsync(request, service, repo, tokenless: false);
        if (error is not null) return error;
        if (CommitGrain(grains, repository!, sha) is not { } grain || await grain.GetAsync() is null) return CodecovError.Validation(CommitNotFound);
        var counts = await grain.GetUploadCountsAsync();
        var response = new UploadCompleteResponse(counts.Total, counts.Success, counts.Processing, counts.Error);
        // §1c: a commit without uploads answers 404 with the same (all-zero) keys.
        var status = counts.Total == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return TypedResults.Json(response, CodecovBodies.Json, statusCode: status);
    }

    private static async Task<Results<JsonHttpResult<ReportResultsResponse>, CodecovError>> ReportResultsAsync(
        string service, string repo, string sha, string code, HttpRequest request, [FromServices] CliUploadGate gate)
    {
        var (_, error) = await gate.EnterAsync(request, service, repo);
        if (error is not null) return error;
        // Report results are retired server-side; the CLI stops polling once state is not "pending" (§1c).
        var status = HttpMethods.IsPost(request.Method) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return TypedResults.Json(CliResponses.DeprecatedResults, CodecovBodies.Json, statusCode: status);
    }

    private static async Task<CommitInfo> UpsertCommitAsync(IGrainFactory grains, RepositoryInfo repository, CommitBody body)
    {
        var key = repository.Key.Commit(body.Commitid!.Trim().ToLowerInvariant());
        var announce = new CommitUpsert(NullIfEmpty(body.Branch), body.Pullid, NullIfEmpty(body.ParentCommitId)?.Trim().ToLowerInvariant());
        return await grains.GetGrain<ICommitGrain>(key.ToString()).UpsertAsync(announce);
    }

    /// <summary>The commit a path names; null when the path's sha is no commit id, so no grain is activated for it.</summary>
    private static ICommitGrain? CommitGrain(IGrainFactory grains, RepositoryInfo repository, string sha) =>
        KeyParts.IsCommitSha(sha) ? grains.GetGrain<ICommitGrain>(repository.Key.Commit(sha.ToLowerInvariant()).ToString()) : null;

    private static JsonHttpResult<T> Created<T>(T value) =>
        TypedResults.Json(value, CodecovBodies.Json, statusCode: StatusCodes.Status201Created);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
