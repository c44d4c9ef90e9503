using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AmpaCds.Persistence.Sqlite;

/// <summary>
/// Sets the pragmas on every SQLite connection EF opens. WAL lets readers run beside the one
/// writer; synchronous=FULL syncs the WAL at each commit, so a committed effect survives a
/// SIGKILL and a power cut; busy_timeout makes a second writer wait instead of failing at once.
/// </summary>
public sealed class SqliteDurabilityInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private string Pragmas =>
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " +
        $"PRAGMA busy_timeout={(busyTimeoutSeconds * 1000).ToString(CultureInfo.InvariantCulture)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
