namespace Codecov.Tests.Support;

/// <summary>
/// The PostgreSQL, Redis and S3 (s3rver) servers a cluster deployment runs on, as tests/run-all.sh
/// starts them once per run and exports them: <c>CODECOV_TEST_POSTGRES</c> (a connection string),
/// <c>CODECOV_TEST_REDIS</c> and <c>CODECOV_TEST_S3</c> (host:port each).
/// </summary>
public sealed record TestServers(string Postgres, string Redis, string S3Endpoint)
{
    public const string PostgresVariable = "CODECOV_TEST_POSTGRES";
    public const string RedisVariable = "CODECOV_TEST_REDIS";
    public const string S3Variable = "CODECOV_TEST_S3";

    /// <summary>s3rver's fixed access key and secret (tests/servers/s3rver.sh).</summary>
    public const string S3Credential = "S3RVER";

    /// <summary>StackExchange.Redis settings: keep reconnecting rather than fail while the server is away.</summary>
    public string RedisConnectionString => $"{Redis},abortConnect=false";

    /// <summary>
    /// The servers the environment names. Missing ones fail the caller: in CI (<c>CI=true</c>) because
    /// the run did not go through tests/run-all.sh, locally with the commands that start them.
    /// </summary>
    public static TestServers FromEnvironment()
    {
        string[] variables = [PostgresVariable, RedisVariable, S3Variable];
        var missing = variables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        if (missing.Count > 0) throw new InvalidOperationException(MissingMessage(missing));
        return new TestServers(Environment.GetEnvironmentVariable(PostgresVariable)!,
            Environment.GetEnvironmentVariable(RedisVariable)!, Environment.GetEnvironmentVariable(S3Variable)!);
    }

    private static string MissingMessage(IReadOnlyList<string> missing)
    {
        var names = string.Join(", ", missing);
        var lead = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"CI=true but {names} {(missing.Count == 1 ? "is" : "are")} not set: CI must run the tests through tests/run-all.sh, which starts the servers and exports them."
            : $"The cluster-mode tests need real servers and {names} {(missing.Count == 1 ? "is" : "are")} not set. Run bash tests/run-all.sh, or start them yourself (as root) and export:";
        return lead + """

              bash tests/servers/postgres.sh start /tmp/codecov-pg 55432     # prints the connection string
              bash tests/servers/redis.sh   start /tmp/codecov-redis 56379
              bash tests/servers/s3rver.sh  start /tmp/codecov-s3 54569
              export CODECOV_TEST_POSTGRES='Host=127.0.0.1;Port=55432;Username=codecov;Password=codecov;Database=codecov'
              export CODECOV_TEST_REDIS=127.0.0.1:56379 CODECOV_TEST_S3=127.0.0.1:54569
            Stop them afterwards with `bash tests/servers/<name>.sh stop <directory>`.
            """;
    }
}
