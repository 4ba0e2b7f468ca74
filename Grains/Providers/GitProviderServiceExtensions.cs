using Codecov.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Codecov.Grains.Providers;

public static class GitProviderServiceExtensions
{
    /// <summary>GitHub (or GitHub Enterprise by <c>GitHub:ApiUrl</c>) as the git provider; options validated at start.</summary>
    public static IServiceCollection AddGitHubProvider(this IServiceCollection services)
    {
        services.AddValidatedOptions<GitHubOptions>(GitHubOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GitHubProvider>();
        services.AddSingleton<IGitProvider>(sp => sp.GetRequiredService<GitHubProvider>());
        return services;
    }
}
