using AmpaCds.Persistence.Configuration;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Persistence.Migrations;
using AmpaCds.Persistence.Sqlite;
using AmpaCds.ServiceDefaults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AmpaCds.Persistence;

public static class ServiceDatabaseRegistration
{
    /// <summary>
    /// One call per service: its DbContext on the configured provider ("AmpaCds:Database:Provider",
    /// Sqlite by default, or Postgres with "ConnectionStrings:<paramref name="serviceName"/>"), the
    /// migrations applied at start, the inbox runner, the outbox and its dispatcher. Call it BEFORE
    /// AddAmpaCdsBus: hosted services start in registration order and the schema must exist before
    /// the first message is consumed.
    /// </summary>
    public static IServiceCollection AddServiceDatabase<TContext>(
        this IServiceCollection services, IConfiguration configuration, string serviceName)
        where TContext : DbContext, IMessagingDbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        services.AddOptions<AmpaCdsOptions>().Bind(configuration.GetSection(AmpaCdsOptions.Section));
        services.AddOptions<ServiceDatabaseSettings<TContext>>()
            .Configure<IOptions<AmpaCdsOptions>>((settings, ampaCds) => Resolve(settings, configuration, serviceName, ampaCds.Value))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceDatabaseSettings<TContext>>, ServiceDatabaseSettingsValidator<TContext>>());

        services.AddDbContext<TContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<IOptions<ServiceDatabaseSettings<TContext>>>().Value));

        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(outbox => outbox.PollIntervalSeconds > 0 && outbox.BatchSize > 0 && outbox.RetryDelaySeconds > 0
                    && outbox.MaxRetryDelaySeconds >= outbox.RetryDelaySeconds && outbox.SentRetentionDays > 0
                    && outbox.InboxRetentionDays > 0 && outbox.CleanupIntervalMinutes > 0,
                $"{OutboxOptions.Section}: intervals, retention and BatchSize must be positive, MaxRetryDelaySeconds >= RetryDelaySeconds")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(MessageTypeRegistry.Contracts);
        services.TryAddSingleton<MessageOutbox>();
        services.TryAddSingleton<OutboxSignal<TContext>>();
        services.TryAddScoped<IdempotentEffectRunner<TContext>>();
        services.AddHostedService<DatabaseMigrator<TContext>>();
        // Readiness: the service's own database answers (one check per service, so the embedded host lists all four).
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{serviceName}");
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher<TContext>>());
        return services;
    }

    private static void Resolve<TContext>(ServiceDatabaseSettings<TContext> settings, IConfiguration configuration,
        string serviceName, AmpaCdsOptions ampaCds)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        settings.ServiceName = serviceName;
        settings.ConfiguredProvider = database.Provider;
        settings.ProviderRecognised = Enum.TryParse<DatabaseProvider>(database.Provider, ignoreCase: true, out var provider)
            && Enum.IsDefined(provider);
        settings.Provider = settings.ProviderRecognised ? provider : DatabaseProvider.Sqlite;
        settings.SqliteBusyTimeoutSeconds = database.SqliteBusyTimeoutSeconds;
        settings.MigrationAttempts = database.MigrationAttempts;
        settings.MigrationRetryDelaySeconds = database.MigrationRetryDelaySeconds;
        var configured = configuration.GetConnectionString(serviceName);
        settings.ConnectionString = !string.IsNullOrWhiteSpace(configured) || settings.Provider == DatabaseProvider.Postgres
            ? configured
            : new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(ampaCds.ServiceDataFolder(serviceName), $"{serviceName}.db"),
            }.ToString();
    }

    /// <summary>The provider's options for a context; public so tools and tests build a context the way services do.</summary>
    public static void Configure<TContext>(DbContextOptionsBuilder options, ServiceDatabaseSettings<TContext> settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(settings.ConnectionString)
            {
                DefaultTimeout = settings.SqliteBusyTimeoutSeconds,
            };
            // SQLite creates the file but not its folder (the service's data folder on a first start).
            if (sqlite.Mode != SqliteOpenMode.Memory && sqlite.DataSource is { Length: > 0 } file && file != ":memory:"
                && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            options.UseSqlite(sqlite.ToString());
            options.AddInterceptors(new SqliteDurabilityInterceptor(settings.SqliteBusyTimeoutSeconds));
        }
        // Migrations are hand-written to run on both providers and carry no model snapshot, so EF
        // always sees "pending model changes"; the schema is proven by the tests against both
        // providers instead of by the snapshot diff.
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
