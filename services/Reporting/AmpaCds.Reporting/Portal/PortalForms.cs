using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Outcomes;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using AmpaCds.Security.Audit;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// The portal's form posts (antiforgery checked by the endpoint filter): request a forecast with the clinical inputs,
/// record a follow-up outcome, choose the language. Each answers with a redirect (post/redirect/get) or the page with a
/// specific error, so a reload never repeats an action.
/// </summary>
public sealed class PortalForms(PortalStudies studies, PortalPages pages, StudyEventHandler handler, OutcomeRecorder outcomes, TimeProvider clock)
{
    public const string ForecastRequestedReason = "forecast requested in the portal";

    public async Task<IResult> RequestForecastAsync(HttpContext context, string studyUid)
    {
        var (lookup, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null)
        {
            return await pages.RefusalAsync(context, lookup);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var format = new ReaderFormat(PortalLanguage.Resolve(context.Request));
        var madrs = FormNumbers.Parse(form["madrs"], 0, 60, required: true);
        var age = FormNumbers.Parse(form["age"], 18, 100, required: false);
        var sex = form["sex"].ToString();
        string? error = !madrs.Valid ? format.F("portal.error.range", format.T("portal.request.madrs"), 0, 60)
            : !age.Valid ? format.F("portal.error.range", format.T("portal.request.age"), 18, 100)
            : sex is not ("" or "female" or "male") ? format.F("portal.error.refused", sex)
            : string.IsNullOrEmpty(study.SeriesBlobPrefix) ? format.F("portal.error.refused", "no stored PET series for this study yet")
            : null;
        if (error is not null)
        {
            return await pages.StudyAsync(context, studyUid, error: error, status: StatusCodes.Status400BadRequest);
        }
        var inputs = new StoredClinicalInputs(madrs.Value!.Value, age.Value, sex, context.User.FindFirst("sub")?.Value ?? "", clock.GetUtcNow());
        var correlationId = await handler.RequestPredictionAsync(study.StudyInstanceUid, ForecastRequestedReason, context.RequestAborted, inputs);
        await studies.RecordAsync(context, AuditEventKind.ForecastRequested, StudyAuditObjects.Of(study), $"portal, correlation {correlationId}");
        return Results.Redirect(PortalPaths.Study(study.StudyInstanceUid) + "?done=requested", permanent: false, preserveMethod: false);
    }

    public async Task<IResult> RecordOutcomeAsync(HttpContext context, string studyUid)
    {
        var (lookup, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null)
        {
            return await pages.RefusalAsync(context, lookup);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var format = new ReaderFormat(PortalLanguage.Resolve(context.Request));
        var followUp = FormNumbers.Parse(form["followUpMadrs"], 0, 60, required: true);
        if (!followUp.Valid)
        {
            return await pages.StudyAsync(context, studyUid, error: format.F("portal.error.range", format.T("portal.outcome.follow-up"), 0, 60),
                status: StatusCodes.Status400BadRequest);
        }
        if (study.ClinicalInputs is not { } inputs || !outcomes.Configured)
        {
            return await pages.StudyAsync(context, studyUid, error: format.F("portal.error.refused",
                study.ClinicalInputs is null ? "request a forecast with the baseline MADRS first" : "this gateway has no Prediction address configured"),
                status: StatusCodes.Status409Conflict);
        }
        var token = await context.GetTokenAsync(Authentication.PortalAuthentication.CookieScheme, "access_token") ?? "";
        try
        {
            var reply = await outcomes.RecordAsync(study.StudyInstanceUid, inputs, followUp.Value!.Value, token, context.RequestAborted);
            var message = format.F("portal.outcome.recorded", reply.ObservedChangePercent,
                format.T(reply.Responder ? "portal.outcome.responder" : "portal.outcome.non-responder"),
                reply.ForecastResponseProbability, reply.ForecastModelVersion);
            return await pages.StudyAsync(context, studyUid, message: message);
        }
        catch (RpcException refused)
        {
            return await pages.StudyAsync(context, studyUid, error: format.F("portal.error.refused", $"{refused.StatusCode}: {refused.Status.Detail}"),
                status: refused.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status502BadGateway);
        }
    }

    public static async Task<IResult> ChooseLanguageAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (Localization.UiLanguages.Parse(form["lang"]) is not { } language)
        {
            return Results.BadRequest("lang must be 'en' or 'ja'");
        }
        PortalLanguage.Remember(context.Response, language);
        var returnUrl = form["returnUrl"].ToString();
        // Only a path on this site: an absolute or protocol-relative URL would make the form an open redirect.
        var local = returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
        return Results.Redirect(local ? returnUrl : PortalPaths.Worklist);
    }
}
