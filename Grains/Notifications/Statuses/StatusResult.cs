namespace Codecov.Grains.Notifications.Statuses;

/// <summary>A status to send: the context, its state and Codecov's description.</summary>
public sealed record StatusResult(string Context, StatusState State, string Description);

/// <summary>What a status rule decided before context and gates were applied.</summary>
internal sealed record StatusVerdict(StatusOutcome State, string Description)
{
    public static StatusVerdict Success(string description) => new(StatusOutcome.Success, description);

    public static StatusVerdict Failure(string description) => new(StatusOutcome.Failure, description);
}
