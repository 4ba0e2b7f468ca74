using Codecov.Grains;
using Codecov.Grains.Queries;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Api;

/// <summary>
/// The repository a <c>…/repos/{repo}/…</c> request names, resolved once for the whole endpoint group
/// together with the access decision: handlers take it as a parameter and never check access
/// themselves; <see cref="ApiRepositoryFilter"/> answers for them when the caller may not see it.
/// </summary>
public sealed class ApiRepository
{
    private ApiRepository(RepositoryInfo? info, ApiDecision decision, IGrainFactory grains)
    {
        Decision = decision;
        this.info = info;
        this.grains = grains;
    }

    private readonly RepositoryInfo? info;
    private readonly IGrainFactory grains;

    public ApiDecision Decision { get; }

    public RepositoryInfo Info => info ?? throw new InvalidOperationException("The repository was refused; the group's filter answers first.");

    public RepositoryKey Key => Info.Key;

    public IRepositoryQueryGrain Queries => grains.GetGrain<IRepositoryQueryGrain>(Key.ToString());

    public IReportQueryGrain Reports => grains.GetGrain<IReportQueryGrain>(0);

    public CommitKey Commit(string sha) => Key.Commit(sha);

    public static async ValueTask<ApiRepository> BindAsync(HttpContext context)
    {
        var route = context.Request.RouteValues;
        var settings = context.GetEndpoint()?.Metadata.GetMetadata<RepositorySettingsMetadata>() is not null;
        var (repository, decision) = await context.RequestServices.GetRequiredService<ApiAccess>().OpenAsync(
            context, (string)route["service"]!, (string)route["owner"]!, (string)route["repo"]!, settings);
        return new ApiRepository(repository, decision, context.RequestServices.GetRequiredService<IGrainFactory>());
    }
}

/// <summary>Marks an endpoint that shows or changes a repository's settings: admin only.</summary>
public sealed class RepositorySettingsMetadata;

/// <summary>Answers for a handler whose <see cref="ApiRepository"/> the caller may not see (Codecov: 404 when invisible).</summary>
public static class ApiRepositoryFilter
{
    public static RouteGroupBuilder RequireVisibleRepository(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
            context.Arguments.OfType<ApiRepository>().FirstOrDefault() is { Decision: not ApiDecision.Allowed } refused
                ? ApiErrors.For(refused.Decision)
                : await next(context));

    public static TBuilder AsRepositorySettings<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RepositorySettingsMetadata());
}
