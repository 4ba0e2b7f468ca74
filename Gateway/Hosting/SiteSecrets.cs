using System.Security.Cryptography;
using System.Text.Json;
using Codecov.Gateway.Options;
using Codecov.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Hosting;

/// <summary>
/// Embedded mode's generated secrets: a site-wide upload token and the upload-URL signing key,
/// created on first start and kept in the data directory so they survive restarts. Configured
/// values always win.
/// </summary>
public sealed record SiteSecrets(string GlobalUploadToken, string UploadSigningKey)
{
    public const string FileName = "site-secrets.json";

    public static SiteSecrets LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<SiteSecrets>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} is empty; delete it to generate new secrets.");
        }
        var secrets = new SiteSecrets(Guid.NewGuid().ToString(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        Directory.CreateDirectory(dataDirectory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(secrets));
        File.Move(temp, path, overwrite: true);
        return secrets;
    }
}

/// <summary>Fills the Codecov options that were left empty from the data directory's generated secrets.</summary>
public sealed class SiteSecretsSetup(IOptions<StorageOptions> storage) : IPostConfigureOptions<CodecovOptions>
{
    /// <summary>The generated site-wide token in use, announced once the process has started.</summary>
    public string? GeneratedToken { get; private set; }

    public string SecretsFile => Path.Combine(storage.Value.DataDirectory, SiteSecrets.FileName);

    public void PostConfigure(string? name, CodecovOptions options)
    {
        if (!string.IsNullOrEmpty(options.GlobalUploadToken) && !string.IsNullOrEmpty(options.UploadSigningKey)) return;

        var secrets = SiteSecrets.LoadOrCreate(storage.Value.DataDirectory);
        options.UploadSigningKey ??= secrets.UploadSigningKey;
        if (string.IsNullOrEmpty(options.GlobalUploadToken))
        {
            options.GlobalUploadToken = secrets.GlobalUploadToken;
            GeneratedToken = secrets.GlobalUploadToken;
        }
    }
}

/// <summary>
/// Prints the generated site-wide upload token once the process has started (not while settings are still
/// validated, so a refused setting stays the only line a failed start prints).
/// </summary>
public sealed class SiteSecretsAnnouncement(SiteSecretsSetup setup, IOptions<CodecovOptions> options, ILogger<SiteSecretsAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = options.Value;
        if (setup.GeneratedToken is { } token)
        {
            logger.LogWarning("Site-wide upload token (Codecov:GlobalUploadToken, kept in {File}): {Token}", setup.SecretsFile, token);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
