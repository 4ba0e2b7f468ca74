namespace Codecov.Chart.Tests;

/// <summary>A wrong value stops <c>helm install</c>, <c>template</c> and <c>lint</c> with a message that names it.</summary>
public sealed class ValuesSchemaTests
{
    public static TheoryData<string, string, string> WrongValues => new()
    {
        { "silo.replicas=abc", "/silo/replicas", "want integer" },
        { "silo.replicaz=3", "/silo", "'replicaz' not allowed" },
        { "orleans.serviceId=two words", "/orleans/serviceId", "does not match pattern" },
        { "hosting.shutdownTimeoutSeconds=0", "/hosting/shutdownTimeoutSeconds", "minimum" },
        { "logging.format=xml", "/logging/format", "json" },
        { "s3.endpoint=https://s3.example.com", "/s3/endpoint", "does not match pattern" },
        { "gateway.podAntiAffinity=sometimes", "/gateway/podAntiAffinity", "soft" },
        { "codecov.uploadMode=Ftp", "/codecov/uploadMode", "DirectS3" },
        { "secrets.postgres.name=", "/secrets/postgres/name", "minLength" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_wrong_value_fails_template_with_the_schema_message_naming_it(string setting, string path, string message)
    {
        var result = Helm.Template("codecov", "--set", setting);

        Assert.False(result.Succeeded);
        Assert.Contains("don't meet the specifications of the schema", result.Error);
        Assert.Contains($"'{path}'", result.Error);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_wrong_value_fails_lint(string setting, string path, string message)
    {
        var result = Helm.Lint("--set", setting);

        Assert.False(result.Succeeded);
        Assert.Contains(path, result.Output + result.Error);
        Assert.Contains(message, result.Output + result.Error);
    }

    public static TheoryData<string[], string> InconsistentValues => new()
    {
        { ["--set", "silo.terminationGracePeriodSeconds=120"], "silo.terminationGracePeriodSeconds (120) must exceed hosting.shutdownTimeoutSeconds (120)" },
        { ["--set", "hosting.shutdownTimeoutSeconds=170,hosting.drainDelaySeconds=10,silo.terminationGracePeriodSeconds=200"], "gateway.terminationGracePeriodSeconds (180) must exceed hosting.shutdownTimeoutSeconds plus hosting.drainDelaySeconds (180)" },
        { ["--set", "gateway.autoscaling.minReplicas=5,gateway.autoscaling.maxReplicas=3"], "gateway.autoscaling.minReplicas (5) must not exceed gateway.autoscaling.maxReplicas (3)" },
        { ["--set", "ingress.enabled=true,ingress.tls.enabled=true"], "ingress.tls.secretName is required" },
    };

    [Theory]
    [MemberData(nameof(InconsistentValues))]
    public void Values_that_contradict_each_other_fail_install_with_a_message_naming_them(string[] arguments, string message)
    {
        var result = Helm.DryRunInstall("codecov", arguments);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Error);
    }
}
