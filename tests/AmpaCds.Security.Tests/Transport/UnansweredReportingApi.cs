using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Security.Tests.Transport;

/// <summary>The gateway's gRPC service with no method implemented: any call answers Unimplemented, which proves it got through TLS and HTTP/2.</summary>
public sealed class UnansweredReportingApi : ReportingApi.ReportingApiBase;
