using System.Net;

namespace AmpaCds.Dicom.Network;

/// <summary>Who is associating, for audit hooks.</summary>
public sealed record DicomAssociationInfo(string CallingAeTitle, string CalledAeTitle, EndPoint? RemoteEndPoint);
