using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AmpaCds.Persistence.Messaging;

/// <summary>Recognises a primary-key or unique-index violation on either provider.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;               // SQLITE_CONSTRAINT
    private const int SqliteConstraintPrimaryKey = 1555;   // its extended codes: a NOT NULL or CHECK failure is no duplicate
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique:
                    return true;
                case DbUpdateException:
                    continue;
            }
        }
        return false;
    }
}
