using Codecov.Grains.Notifications;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Queries;

/// <summary>
/// A commit's components (<c>component_management</c> of its final codecov.yml, Codecov's
/// <c>commit_components</c>) with their flag patterns resolved against the commit's flags. The commit's
/// own codecov.yml needs the git provider; without one (notifications off) or when it does not answer
/// in time, the site and owner YAML decide.
/// </summary>
public sealed class CommitComponents(
    CommitYamlLoader yaml,
    IGrainFactory grains,
    IOptions<NotificationOptions> notifications,
    ILogger<CommitComponents> logger)
{
    private static readonly TimeSpan ProviderPatience = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<ComponentDefinition>> LoadAsync(CommitKey commit, IReadOnlyList<string> knownFlags)
    {
        var final = yaml.WithoutCommitFile(commit.Repository);
        if (notifications.Value.Enabled)
        {
            try
            {
                using var patience = new CancellationTokenSource(ProviderPatience);
                var repo = await RepositoryAccess.ForAsync(grains, commit.Repository);
                final = (await yaml.LoadAsync(commit.Repository, repo, commit.Sha, patience.Token)).Final;
            }
            catch (Exception e) when (e is GitProviderException or OperationCanceledException)
            {
                logger.LogInformation("Components of {Commit} from the site and owner YAML only: {Message}", commit, e.Message);
            }
        }
        return NotificationConfig.From(final).Components(knownFlags);
    }
}
