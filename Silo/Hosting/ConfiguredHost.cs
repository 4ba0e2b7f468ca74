using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Silo.Hosting;

/// <summary>A setting the process refuses while it is being composed, before options exist to validate.</summary>
public sealed class InvalidSettingException(string message) : Exception(message);

/// <summary>
/// Composes a host, validates every setting, then runs it. A refused setting ends the process before anything
/// starts, with one line on standard error that names the key and exit code 78 (<c>EX_CONFIG</c> of
/// sysexits.h, "configuration error"): an operator reads what to fix, not a stack trace.
/// </summary>
public static class ConfiguredHost
{
    public const int ConfigurationErrorExitCode = 78;

    /// <param name="build">Composes the services and builds the host.</param>
    /// <param name="configure">
    /// Adds middleware and endpoints, once every setting was accepted: building the pipeline already
    /// resolves services that log (data protection, static assets).
    /// </param>
    public static int Run<THost>(Func<THost> build, Action<THost> configure) where THost : IHost
    {
        THost host;
        try
        {
            host = build();
            // What ValidateOnStart would check inside StartAsync, done before the host logs or starts anything.
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception refused) when (RefusedSetting(refused) is { } message)
        {
            Console.Error.WriteLine($"Configuration refused: {message}");
            return ConfigurationErrorExitCode;
        }

        configure(host);
        host.Run();
        return 0;
    }

    /// <summary>The one-line reason when <paramref name="fault"/> is a refused setting; null for anything else.</summary>
    public static string? RefusedSetting(Exception fault) => fault switch
    {
        OptionsValidationException invalid => OneLine(string.Join(" ", invalid.Failures.Distinct(StringComparer.Ordinal))),
        InvalidSettingException invalid => OneLine(invalid.Message),
        // The configuration binder's own wording names the key: "Failed to convert configuration value at 'Codecov:MaxUploadBytes' to type 'System.Int64'."
        InvalidOperationException binder when binder.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => OneLine(binder.Message),
        // Several options classes failing at once arrive together.
        AggregateException all when all.InnerExceptions.Select(RefusedSetting).ToList() is var reasons && reasons.All(r => r is not null)
            => string.Join(" ", reasons),
        _ => null,
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
