using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// Published cohort analyses for the research page: ResearchAnalyses (title, cohort hash, publisher, summary HTML,
/// result JSON) and ResearchPlots (PNG per analysis and name, in the order published, deleted with the analysis). Sizes are bounded by the
/// API (ResearchLimits), so the content stays in the database rather than the blob store.
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120601_ResearchAnalyses")]
public sealed class ResearchAnalyses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ResearchAnalyses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(nullable: false),
                CohortSha256 = table.Column<string>(maxLength: ReportingDbContext.Sha256HexLength, nullable: false),
                PublishedBy = table.Column<string>(nullable: false),
                PublishedAtUtcTicks = table.Column<long>(nullable: false),
                SummaryHtml = table.Column<string>(nullable: false),
                ResultJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ResearchAnalyses", analysis => analysis.Id));
        migrationBuilder.CreateIndex(name: "IX_ResearchAnalyses_PublishedAtUtcTicks", table: "ResearchAnalyses", column: "PublishedAtUtcTicks");
        migrationBuilder.CreateTable(
            name: "ResearchPlots",
            columns: table => new
            {
                AnalysisId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: ReportingDbContext.PlotNameLength, nullable: false),
                Position = table.Column<int>(nullable: false),
                Png = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResearchPlots", plot => new { plot.AnalysisId, plot.Name });
                table.ForeignKey(name: "FK_ResearchPlots_ResearchAnalyses_AnalysisId", column: plot => plot.AnalysisId,
                    principalTable: "ResearchAnalyses", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "ResearchPlots");
        migrationBuilder.DropTable(name: "ResearchAnalyses");
    }
}
