using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>Credentials reach pods only as references to existing Secrets: none is ever rendered.</summary>
public sealed class SecretTests
{
    /// <summary>The product's credential settings, as environment variable names.</summary>
    public static readonly string[] CredentialVariables =
    [
        "ConnectionStrings__Postgres", "ConnectionStrings__Redis", "S3__AccessKey", "S3__SecretKey",
        "Codecov__UploadSigningKey", "Codecov__GlobalUploadToken", "Codecov__AdminToken",
        "GitHub__ClientSecret", "GitHub__Token", "Webhooks__GitHubSecret",
    ];

    private const string Sentinel = "sentinel-credential-7f3a9c1e5b2d4068";

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void No_credential_is_a_ConfigMap_setting_or_a_plain_environment_value(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        foreach (var configMap in chart.All<V1ConfigMap>())
            Assert.Empty(configMap.Data.Keys.Intersect(CredentialVariables, StringComparer.OrdinalIgnoreCase));
        foreach (var (owner, pod) in chart.PodSpecs)
        {
            foreach (var variable in pod.Containers.SelectMany(c => c.Env).Where(e => CredentialVariables.Contains(e.Name, StringComparer.OrdinalIgnoreCase)))
            {
                Assert.Null(variable.Value);
                Assert.NotNull(variable.ValueFrom.SecretKeyRef);
            }
        }
        Assert.Empty(chart.All<V1Secret>());
    }

    [Fact]
    public void Each_credential_is_read_from_the_Secret_the_values_name_and_only_by_the_pods_that_use_it()
    {
        var chart = Renders.Of(Renders.Production);

        var gateway = SecretReferences(chart.Deployment("gateway"));
        Assert.Equal(("codecov-site", "upload-signing-key"), gateway["Codecov__UploadSigningKey"]);
        Assert.Equal(("codecov-site", "admin-token"), gateway["Codecov__AdminToken"]);
        Assert.Equal(("codecov-site", "global-upload-token"), gateway["Codecov__GlobalUploadToken"]);
        Assert.Equal(("codecov-github-oauth", "client-id"), gateway["GitHub__ClientId"]);
        Assert.Equal(("codecov-github-oauth", "client-secret"), gateway["GitHub__ClientSecret"]);
        Assert.Equal(("codecov-github-oauth", "webhook-secret"), gateway["Webhooks__GitHubSecret"]);
        Assert.Equal(("codecov-postgres", "app-connection-string"), gateway["ConnectionStrings__Postgres"]);
        Assert.Equal(("codecov-redis", "connection-string"), gateway["ConnectionStrings__Redis"]);
        Assert.DoesNotContain("GitHub__Token", gateway.Keys);

        var silo = SecretReferences(chart.Deployment("silo"));
        Assert.Equal(("codecov-github-bot", "token"), silo["GitHub__Token"]);
        Assert.Equal(("codecov-s3", "secret-key"), silo["S3__SecretKey"]);
        Assert.Equal(("codecov-postgres", "app-connection-string"), silo["ConnectionStrings__Postgres"]);
        string[] gatewayOnly = ["Codecov__UploadSigningKey", "Codecov__AdminToken", "Codecov__GlobalUploadToken", "GitHub__ClientSecret", "Webhooks__GitHubSecret"];
        Assert.Empty(silo.Keys.Intersect(gatewayOnly));
    }

    [Fact]
    public void Optional_credentials_without_a_Secret_are_left_unset()
    {
        var gateway = SecretReferences(Renders.Of(Renders.Defaults).Deployment("gateway"));

        Assert.Equal(["Codecov__UploadSigningKey", "ConnectionStrings__Postgres", "ConnectionStrings__Redis", "S3__AccessKey", "S3__SecretKey"],
            gateway.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_Data_Protection_certificate_is_mounted_read_only_from_its_Secret()
    {
        var chart = Renders.Of(Renders.Production);

        foreach (var component in new[] { "silo", "gateway" })
        {
            var pod = chart.Deployment(component).Spec.Template.Spec;
            var volume = Assert.Single(pod.Volumes, v => v.Secret?.SecretName == "codecov-data-protection");
            var mount = Assert.Single(pod.Containers[0].VolumeMounts, m => m.Name == volume.Name);
            Assert.True(mount.ReadOnlyProperty);
            Assert.Equal(mount.MountPath + "/tls.crt", chart.Settings.Data["DataProtection__CertificatePath"]);
            Assert.Equal(mount.MountPath + "/tls.key", chart.Settings.Data["DataProtection__CertificateKeyPath"]);
        }
    }

    public static TheoryData<string> PlainCredentials => new()
    {
        // A credential as a setting, in either spelling and any case.
        "extraConfig:\n  \"Codecov:AdminToken\": " + Sentinel + "\n",
        "extraConfig:\n  connectionstrings__postgres: \"Host=db;Password=" + Sentinel + "\"\n",
        // A credential as a plain environment value.
        "gateway:\n  extraEnv:\n    - name: Codecov__UploadSigningKey\n      value: " + Sentinel + "\n",
        "silo:\n  extraEnv:\n    - name: GitHub__Token\n      value: " + Sentinel + "\n",
        // A credential inline where a Secret reference belongs.
        "secrets:\n  adminToken:\n    name: codecov-site\n    key: admin-token\n    value: " + Sentinel + "\n",
    };

    [Theory]
    [MemberData(nameof(PlainCredentials))]
    public void A_credential_given_in_plain_text_is_refused_without_being_echoed(string values)
    {
        var file = Renders.ValuesFile(values);
        try
        {
            var result = Helm.Template("codecov", "--values", file);

            Assert.False(result.Succeeded, result.Output);
            Assert.DoesNotContain(Sentinel, result.Output + result.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_credential_referenced_through_extra_environment_is_accepted()
    {
        var file = Renders.ValuesFile("""
            silo:
              extraEnv:
                - name: GitHub__Token
                  valueFrom:
                    secretKeyRef:
                      name: other-bot
                      key: token
            """);
        try
        {
            var chart = Helm.Render("codecov", "--values", file);

            Assert.Equal("other-bot", SecretReferences(chart.Deployment("silo"))["GitHub__Token"].Name);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, (string Name, string Key)> SecretReferences(V1Deployment deployment) =>
        deployment.Spec.Template.Spec.Containers[0].Env
            .Where(e => e.ValueFrom?.SecretKeyRef is not null)
            .ToDictionary(e => e.Name, e => (e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key));
}
