using Codecov.Grains.Hosting;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Codecov.Gateway.Tests.Hosting;

public sealed class HostDefaultsTests
{
    [Fact]
    public void The_option_dump_categories_are_orleans_own_type_names()
    {
        // Guards the category names against an Orleans upgrade that renames the loggers.
        string? NameOf(string assembly, string type) =>
            System.Reflection.Assembly.Load(assembly).GetTypes().SingleOrDefault(t => t.Name == type)?.FullName;
        Assert.Equal(
            HostDefaultsExtensions.LogLevels.Keys.Select(k => k["Logging:LogLevel:".Length..]),
            [NameOf("Orleans.Runtime", "SiloOptionsLogger"), NameOf("Orleans.Core", "ClientOptionsLogger")]);
    }

    [Fact]
    public void Option_dumps_are_below_the_default_level_and_configuration_can_bring_them_back()
    {
        var quiet = Host.CreateApplicationBuilder();
        quiet.AddHostDefaults();
        Assert.Equal("Warning", quiet.Configuration["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"]);

        var verbose = Host.CreateApplicationBuilder();
        verbose.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Information" });
        verbose.AddHostDefaults();
        Assert.Equal("Information", verbose.Configuration["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"]);
    }

    [Fact]
    public void The_silo_measures_membership_and_the_watchdog_from_its_own_clock()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddEmbeddedSilo();
        using var host = builder.Build();

        Assert.IsType<MembershipClock>(host.Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Membership));
    }

    [Fact]
    public void An_unstamped_timestamp_reads_as_the_clocks_age_not_the_machines_uptime()
    {
        var clock = new MembershipClock();
        Assert.True(clock.GetElapsedTime(0) < TimeSpan.FromSeconds(10));
        Assert.Equal(TimeProvider.System.TimestampFrequency, clock.TimestampFrequency);
    }

    [Fact]
    public void A_data_annotation_failure_names_the_configuration_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:SiloPort"] = "0" }).Build());
        services.AddValidatedOptions<EmbeddedSiloOptions>(EmbeddedSiloOptions.SectionName);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddedSiloOptions>>().Value);
        Assert.Equal(["Embedded:SiloPort: The field SiloPort must be between 1 and 65535."], failure.Failures);
    }

    [Theory]
    [InlineData("Failed to convert configuration value 'x' at 'Codecov:MaxUploadBytes' to type 'System.Int64'.")]
    public void The_binders_conversion_failure_is_a_refused_setting(string message) =>
        Assert.Equal(message, ConfiguredHost.RefusedSetting(new InvalidOperationException(message)));

    [Fact]
    public void Any_other_start_fault_is_not_a_refused_setting() =>
        Assert.Null(ConfiguredHost.RefusedSetting(new InvalidOperationException("Address already in use")));
}
