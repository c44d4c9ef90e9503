using AmpaCds.Contracts.Reporting;
using AmpaCds.Dicom;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Integration.Tests.Security;

/// <summary>
/// A study with a recognisable patient goes through the distributed shape (storescu in, report read as JSON and
/// HTML, a forecast requested again); then no service's log may hold the patient's name (or a part of it), ID or
/// birth date in any of the forms a log might write it.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class NoPatientIdentifiersInLogsTests(DistributedSystem system)
{
    private const string Family = "Hoshinomiya";
    private const string Given = "Kaedeko";
    private const string PatientId = "LEAKCHECK-90210";

    [Fact]
    public async Task No_service_log_holds_the_patients_name_id_or_birth_date()
    {
        var folder = Path.Combine(system.Folder, "study-leak-check");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 77, PatientName = $"{Family}^{Given}", PatientId = PatientId }, folder);
        var birthDate = DicomFile.Open(Directory.GetFiles(folder, "*.dcm")[0]).Dataset.GetString(DicomTags.PatientBirthDate)!;
        Assert.Matches("^[0-9]{8}$", birthDate);

        var sent = await SimulatedStudy.SendWithStorescuAsync(folder, system.DicomPort);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var report = await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);
        // The report does carry the identifiers (it is where they belong): proof the study had them.
        Assert.Contains(PatientId, report.Html, StringComparison.Ordinal);

        using var channel = system.CreateChannel(system.GrpcAddress);
        var client = new ReportingApi.ReportingApiClient(channel);
        await client.GetReportAsync(new GetReportRequest { StudyInstanceUid = truth.StudyInstanceUid, Format = ReportFormat.Json });
        await client.ListStudiesAsync(new ListStudiesRequest());
        await client.RequestPredictionAsync(new RequestPredictionRequest { StudyInstanceUid = truth.StudyInstanceUid });
        await system.WaitUntilQueuesIdleAsync(TimeSpan.FromMinutes(3));

        var logs = system.Logs;
        Assert.Contains("Intake", logs, StringComparison.Ordinal);
        var forms = new[]
        {
            Family, Given, PatientId, birthDate,
            $"{birthDate[..4]}-{birthDate[4..6]}-{birthDate[6..]}", $"{birthDate[..4]}/{birthDate[4..6]}/{birthDate[6..]}",
        };
        var leaks = forms.Where(form => logs.Contains(form, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, $"patient identifiers in service logs: {string.Join(", ", leaks)}\n" +
            string.Join('\n', logs.Split('\n').Where(line => leaks.Any(leak => line.Contains(leak, StringComparison.OrdinalIgnoreCase))).Take(20)));
    }
}
