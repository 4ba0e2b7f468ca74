namespace Codecov.Grains.Commits;

/// <summary>Keeps a commit's timeline bounded, so grain state stays small however busy a commit is.</summary>
public static class CommitTimeline
{
    public const int Capacity = 300;

    public static void Append(List<TimelineEntry> timeline, TimelineEntry entry)
    {
        timeline.Add(entry);
        if (timeline.Count > Capacity) timeline.RemoveRange(0, timeline.Count - Capacity);
    }
}
