using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Codecov.Silo.Hosting;

/// <summary>
/// The clock Orleans' membership and watchdog measure with, counting from the moment the silo created it
/// rather than from the machine's boot. Orleans' watchdog starts its platform thread before it stamps the
/// start of the component check; a first look in between measures from timestamp 0, which the system clock
/// reads as the machine's uptime: "Participant check thread has not completed for 00:39:00" on a start under
/// load, with a health event that lowers the silo's health score. Counted from here, that gap is milliseconds.
/// Only differences of timestamps carry meaning, so every other measurement is unchanged.
/// </summary>
public sealed class MembershipClock : TimeProvider
{
    private readonly long origin = System.GetTimestamp();

    public override long GetTimestamp() => System.GetTimestamp() - origin;
}

public static class MembershipClockExtensions
{
    public static ISiloBuilder UseMembershipClock(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, (_, _) => new MembershipClock());
        return silo;
    }
}
