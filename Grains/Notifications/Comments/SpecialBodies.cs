namespace Codecov.Grains.Notifications.Comments;

/// <summary>Comment bodies that replace the normal report (worker <c>notifiers/comment/__init__.py</c>; §4 "Special bodies").</summary>
public static class SpecialBodies
{
    public const string Processing = "We're currently processing your upload.  This comment will be updated when the results are available.";

    public static string EmptyUploadPassing =>
        "## Codecov Report\n:heavy_check_mark: **No coverage data to report**, because files changed do not require tests or are set to [ignore](https://docs.codecov.com/docs/ignoring-paths#:~:text=You%20can%20use%20the%20top,will%20be%20skipped%20during%20processing.) ";

    public static string EmptyUploadFailing =>
        "## Codecov Report\nThis is an empty upload\nFiles changed in this PR are testable or aren't ignored by Codecov, please run your tests and upload coverage. If you wish to ignore these files, please visit our [ignoring paths docs](https://docs.codecov.com/docs/ignoring-paths).";

    public static string Welcome => string.Join('\n',
        "## Welcome to [Codecov](https://codecov.io) :tada:",
        "",
        "Once you merge this PR into your default branch, you're all set! Codecov will compare coverage reports and display results in all future pull requests.",
        "",
        "Thanks for integrating Codecov - We've got you covered :open_umbrella:");
}
