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
public sealed class SiteSecretsSetup(IOptions<StorageOptions> storage, ILogger<SiteSecretsSetup> logger) : IPostConfigureOptions<CodecovOptions>
{
    public void PostConfigure(string? name, CodecovOptions options)
    {
        if (!string.IsNullOrEmpty(options.GlobalUploadToken) && !string.IsNullOrEmpty(options.UploadSigningKey)) return;

        var secrets = SiteSecrets.LoadOrCreate(storage.Value.DataDirectory);
        options.UploadSigningKey ??= secrets.UploadSigningKey;
        if (string.IsNullOrEmpty(options.GlobalUploadToken))
        {
            options.GlobalUploadToken = secrets.GlobalUploadToken;
            logger.LogWarning("Site-wide upload token (Codecov:GlobalUploadToken, kept in {File}): {Token}",
                Path.Combine(storage.Value.DataDirectory, SiteSecrets.FileName), secrets.GlobalUploadToken);
        }
    }
}
