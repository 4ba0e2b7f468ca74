using Codecov.Grains.Commits;
using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using Codecov.Grains.Repositories;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Codecov.Grains.Hosting;

public static class GrainServiceExtensions
{
    /// <summary>Options and plain services the grains use; validated at start.</summary>
    public static IServiceCollection AddCodecovGrains(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddValidatedOptions<RepositoryOptions>(RepositoryOptions.SectionName);
        services.AddValidatedOptions<CommitOptions>(CommitOptions.SectionName);
        services.AddValidatedOptions<UploadProcessingOptions>(UploadProcessingOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(FormatRegistry.Default);
        services.AddSingleton<UploadReportParser>();
        services.AddSingleton<UploadProcessor>();
        services.AddSingleton<ReportArchiveStore>();
        return services;
    }

    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string sectionName) where T : class
    {
        services.AddOptions<T>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
