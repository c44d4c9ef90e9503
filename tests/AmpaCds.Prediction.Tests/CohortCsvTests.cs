using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Domain.Regions;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Prediction.Tests;

public class CohortCsvTests
{
    [Fact]
    public void Round_trip_preserves_every_field_exactly()
    {
        var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(40, 5, CohortOptions.Default));
        var text = new StringWriter();
        CohortCsv.Write(text, rows);

        var read = CohortCsv.Read(new StringReader(text.ToString()));

        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i] with { BaselineSuvr = read[i].BaselineSuvr }, read[i]);
            Assert.Equal(rows[i].BaselineSuvr.OrderBy(kv => kv.Key), read[i].BaselineSuvr.OrderBy(kv => kv.Key));
        }
    }

    [Fact]
    public void Follow_up_suvr_columns_round_trip_and_stay_empty_for_controls()
    {
        var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(20, 5, CohortOptions.Default), withFollowUp: true);
        var text = new StringWriter();
        CohortCsv.Write(text, rows);

        var header = text.ToString().Split('\n')[0].TrimEnd('\r').Split(',');
        var read = CohortCsv.Read(new StringReader(text.ToString()));

        Assert.Equal(RegionIds.All.Select(r => "followup_suvr_" + r), header[^RegionIds.All.Count..]);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Group == SubjectGroup.Healthy, read[i].FollowUpSuvr is null);
            Assert.Equal(rows[i].FollowUpSuvr?.OrderBy(kv => kv.Key), read[i].FollowUpSuvr?.OrderBy(kv => kv.Key));
        }
    }

    [Fact]
    public void Header_follows_the_documented_schema()
    {
        var text = new StringWriter();
        CohortCsv.Write(text, CohortRows.FromSubjects(CohortSimulator.Simulate(3, 5, CohortOptions.Default)));

        var header = text.ToString().Split('\n')[0].TrimEnd('\r').Split(',');

        Assert.Equal(["subject_id", "group", "age", "sex", "baseline_madrs", "arm"], header[..6]);
        Assert.Equal(RegionIds.All.Select(r => "suvr_" + r), header[6..^4]);
        Assert.Equal(["followup_madrs", "madrs_change_percent", "responder", "remitter"], header[^4..]);
    }

    [Fact]
    public void Healthy_rows_leave_outcomes_empty_and_numbers_use_a_decimal_point()
    {
        var healthy = CohortRows.FromSubjects(CohortSimulator.Simulate(30, 5, CohortOptions.Default)).First(r => r.Group == SubjectGroup.Healthy);
        var text = new StringWriter();
        CohortCsv.Write(text, [healthy]);

        var line = text.ToString().Split('\n')[1].TrimEnd('\r');

        Assert.EndsWith(",,,,", line);
        Assert.Contains(",healthy,", line);
        Assert.Contains('.', line);
    }

    [Fact]
    public void Subject_ids_with_commas_and_quotes_survive()
    {
        var row = CohortRows.FromSubjects(CohortSimulator.Simulate(1, 5, CohortOptions.KetamineTraining))[0] with { SubjectId = "site A, \"07\"" };
        var text = new StringWriter();
        CohortCsv.Write(text, [row]);

        Assert.Equal("site A, \"07\"", CohortCsv.Read(new StringReader(text.ToString()))[0].SubjectId);
    }

    [Fact]
    public void Missing_required_column_is_named()
    {
        var error = Assert.Throws<CohortCsvFormatException>(() => CohortCsv.Read(new StringReader("subject_id,group,age,suvr_frontal_cortex\n")));

        Assert.Contains("sex", error.Message);
    }

    [Fact]
    public void Bad_value_names_line_and_column()
    {
        var text = new StringWriter();
        CohortCsv.Write(text, CohortRows.FromSubjects(CohortSimulator.Simulate(2, 5, CohortOptions.KetamineTraining)));
        var corrupted = text.ToString().Replace(",ketamine,", ",ketamin,");

        var error = Assert.Throws<CohortCsvFormatException>(() => CohortCsv.Read(new StringReader(corrupted)));

        Assert.Contains("Line 2", error.Message);
        Assert.Contains("'arm'", error.Message);
    }

    [Fact]
    public void File_round_trip_works()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cohort-{Guid.NewGuid():N}.csv");
        try
        {
            var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(10, 5, CohortOptions.Default));
            CohortCsv.Write(path, rows);

            Assert.Equal(rows.Select(r => r.MadrsChangePercent), CohortCsv.Read(path).Select(r => r.MadrsChangePercent));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
