using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>Studies.ClinicalInputs: JSON of the baseline MADRS, age and sex a psychiatrist confirmed in the portal.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120501_ClinicalInputs")]
public sealed class ClinicalInputs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "ClinicalInputs", table: "Studies", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "ClinicalInputs", table: "Studies");
    }
}
