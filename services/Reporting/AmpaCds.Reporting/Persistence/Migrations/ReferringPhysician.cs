using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// Studies.ReferringPhysicianName: the psychiatrist a study's header names, whom the gateway shows it to
/// (care-team access). Existing rows get none, so they stay hidden from psychiatrists until the series is sent again.
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120412_ReferringPhysician")]
public sealed class ReferringPhysician : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "ReferringPhysicianName", table: "Studies", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "ReferringPhysicianName", table: "Studies");
    }
}
