using System.Net;
using System.Text.Json;
using Codecov.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Orleans.Runtime;

namespace Codecov.Gateway.Tests.Hosting;

/// <summary>How the gateway answers and retries faults of the cluster and storage, on a real Kestrel on loopback.</summary>
public sealed class TransientFaultTests : IAsyncLifetime
{
    private LoopbackGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await LoopbackGateway.StartAsync(_ => { }, app =>
    {
        app.UseExceptionHandler();
        app.MapGet("/dead-silo", string () => throw new SiloUnavailableException("The target silo became unavailable."));
        app.MapGet("/store-timeout", string () => throw new TimeoutException("The S3 endpoint did not answer."));
        app.MapGet("/database-restarting", string () => throw new Npgsql.NpgsqlException("Connection refused"));
        app.MapGet("/storage-provider", string () => throw new OrleansException("Error from storage provider RedisGrainStorage.upload during ReadStateAsync"));
        app.MapGet("/bug", string () => throw new InvalidOperationException("A defect."));
        app.MapGet("/slow-body", string () => throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Reading the request body timed out.", 408));
    });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Theory]
    [InlineData("/dead-silo")]
    [InlineData("/store-timeout")]
    [InlineData("/database-restarting")]
    [InlineData("/storage-provider")]
    public async Task A_transient_fault_is_answered_503_with_retry_after_in_problem_details(string path)
    {
        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Temporarily unavailable", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_the_client_did_not_deliver_is_its_own_status_not_a_503()
    {
        using var response = await gateway.Client.GetAsync("/slow-body");

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(RequestBodyFaults.TimeoutMessage, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Any_other_fault_is_a_500_problem_without_retry_after()
    {
        using var response = await gateway.Client.GetAsync("/bug");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_call_that_meets_a_dead_silo_is_retried_until_it_succeeds()
    {
        var attempts = 0;
        var result = await TransientFaults.RetryAsync(() =>
            ++attempts < 3 ? throw new SiloUnavailableException("gone") : Task.FromResult("accepted"));

        Assert.Equal("accepted", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_call_that_keeps_failing_gives_up_after_four_attempts_with_the_fault()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => TransientFaults.RetryAsync(() =>
        {
            attempts++;
            return Task.FromException<int>(new TimeoutException("no answer"));
        }));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task A_fault_that_is_not_transient_is_not_retried()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<KeyNotFoundException>(() => TransientFaults.RetryAsync(() =>
        {
            attempts++;
            return Task.FromException<int>(new KeyNotFoundException("no such upload"));
        }));

        Assert.Equal(1, attempts);
    }
}
