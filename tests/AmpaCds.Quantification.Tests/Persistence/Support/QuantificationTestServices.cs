using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Persistence;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AmpaCds.Quantification.Diagnostics;

namespace AmpaCds.Quantification.Tests.Persistence.Support;

/// <summary>
/// Quantification's database parts registered as AddQuantificationServices registers them, on a test
/// database, migrated. No hosted service is started, so the outbox dispatcher leaves the rows to be counted.
/// </summary>
public static class QuantificationTestServices
{
    private static readonly QuantificationOptions Options = new();

    // Building the template is the slow part; it is deterministic and read-only, so shared.
    private static readonly Lazy<QuantificationReference> Reference = new(() => QuantificationReference.BuiltIn(Options.TemplateSmoothingFwhmMm));

    /// <param name="options">Settings of the quantifier (default: the defaults, no partial-volume correction).</param>
    public static async Task<ServiceProvider> BuildAsync(TestDatabase database, TimeProvider clock, IBlobStore? blobs = null, QuantificationOptions? options = null)
    {
        options ??= Options;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Configuration).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddServiceDatabase<QuantificationDbContext>(configuration, TestDatabase.ServiceName);
        services.AddScoped<StudyResultRepository>();
        if (blobs is not null)
        {
            services.AddSingleton(blobs);
            services.AddSingleton(options);
            services.AddSingleton(_ => new StudyQuantifier(Reference.Value, options,
                ActiveNormativeDatabase.Load(null, PartialVolumeMethods.Parse(options.PartialVolume.Method))));
            services.AddSingleton<ParametricMapWriter>();
            services.AddScoped<FollowUpTracker>();
            services.AddMetrics();
            services.AddSingleton<QuantificationMetrics>();
            services.AddScoped<SeriesQuantificationHandler>();
        }
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuantificationDbContext>().Database.MigrateAsync();
        return provider;
    }

    /// <summary>Runs <paramref name="work"/> in its own scope, as one message delivery would.</summary>
    public static async Task<T> InScopeAsync<T>(this IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A query on a fresh context.</summary>
    public static Task<T> QueryAsync<T>(this IServiceProvider services, Func<QuantificationDbContext, Task<T>> query) =>
        services.InScopeAsync(scope => query(scope.GetRequiredService<QuantificationDbContext>()));
}
