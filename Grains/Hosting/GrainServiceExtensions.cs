using Codecov.Grains.Commits;
using Codecov.Grains.Formats;
using Codecov.Grains.Notifications;
using Codecov.Grains.Providers;
using Codecov.Grains.Reports;
using Codecov.Grains.Repositories;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddSingleton<Queries.CommitFlagIndex>();
        return services.AddNotifications();
    }

    /// <summary>Commit notifications: codecov.yml, comparison, statuses and comments through the git provider.</summary>
    private static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddValidatedOptions<NotificationOptions>(NotificationOptions.SectionName);
        services.AddPublicUrl();
        services.AddGitHubProvider();
        services.AddSingleton(sp => CommitYamlLoader.Create(sp.GetRequiredService<IGitProvider>(), sp.GetRequiredService<IOptions<NotificationOptions>>().Value));
        services.AddSingleton<CommitSnapshots>();
        services.AddSingleton<BaseSelector>();
        services.AddSingleton<StatusPublisher>();
        services.AddSingleton<CommentPublisher>();
        services.AddSingleton<CommitNotifier>();
        services.AddSingleton<Carryforward>();
        services.AddSingleton<Queries.CommitComponents>();
        return services;
    }

    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string sectionName) where T : class
    {
        services.AddOptions<T>().BindConfiguration(sectionName).ValidateOnStart();
        // Once per options class, however many hosts' extensions ask for it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionDataAnnotationsValidator<T>(sectionName)));
        return services;
    }
}
