using AmpaCds.Reporting.Tests.Support;

namespace AmpaCds.Reporting.Tests;

public sealed class SqliteReportingStoreTests(SqliteReportingDatabase database)
    : ReportingStoreTests(database), IClassFixture<SqliteReportingDatabase>;
