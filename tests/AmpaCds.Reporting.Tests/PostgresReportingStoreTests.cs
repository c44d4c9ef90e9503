using AmpaCds.Reporting.Tests.Support;

namespace AmpaCds.Reporting.Tests;

public sealed class PostgresReportingStoreTests(PostgresReportingDatabase database)
    : ReportingStoreTests(database), IClassFixture<PostgresReportingDatabase>;
