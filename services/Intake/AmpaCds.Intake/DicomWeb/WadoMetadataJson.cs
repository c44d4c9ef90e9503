using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using AmpaCds.Dicom;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// A whole dataset in the DICOM JSON model (PS3.18 F.2), for WADO-RS metadata. QidoJson writes a fixed
/// attribute list; this walks every attribute the file has. Pixel Data is left out (Intake serves no
/// bulk data URIs), other binary values (OB, OW, UN...) are InlineBinary, group lengths are dropped.
/// </summary>
public static class WadoMetadataJson
{
    private static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    private static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);

    public static JsonObject Dataset(DicomDataset dataset)
    {
        var json = new JsonObject();
        foreach (var item in dataset)
        {
            if (item.Tag.IsGroupLength || IsPixelData(item.Tag) || item is DicomFragmentSequence)
            {
                continue;
            }
            json[DicomJson.Key(item.Tag)] = item switch
            {
                DicomSequence sequence => Attribute("SQ", [.. sequence.Items.Select(Dataset)]),
                DicomElement element => Element(dataset, element),
                _ => null,
            };
        }
        return json;
    }

    private static bool IsPixelData(DicomTag tag) => tag == DicomTags.PixelData || tag == FloatPixelData || tag == DoubleFloatPixelData;

    private static JsonObject Element(DicomDataset dataset, DicomElement element)
    {
        var vr = element.VR;
        var code = vr.Code;
        if (element.Length == 0)
        {
            return Attribute(code, []);
        }
        if (vr == DicomVR.PN)
        {
            return Attribute(code, [.. dataset.GetStrings(element.Tag).Select(PersonName)]);
        }
        if (vr == DicomVR.DS || vr == DicomVR.IS)
        {
            return Attribute(code, [.. dataset.GetStrings(element.Tag).Select(NumberText)]);
        }
        if (vr == DicomVR.AT)
        {
            return Attribute(code, [.. Tags(element.Buffer.Span)]);
        }
        if (vr == DicomVR.FL || vr == DicomVR.FD || vr == DicomVR.SL || vr == DicomVR.SS || vr == DicomVR.UL || vr == DicomVR.US
            || vr == DicomVR.SV || vr == DicomVR.UV)
        {
            return Attribute(code, [.. dataset.GetDoubles(element.Tag).Select(value => (JsonNode?)JsonValue.Create(value))]);
        }
        if (vr.Kind == DicomVRKind.Binary)
        {
            // OB, OD, OF, OL, OV, OW, UN: the little-endian bytes as read, base64 (PS3.18 F.2.7).
            return new JsonObject { ["vr"] = code, ["InlineBinary"] = Convert.ToBase64String(element.Buffer.Span) };
        }
        return Attribute(code, [.. dataset.GetStrings(element.Tag).Select(Text)]);
    }

    /// <summary>"Value" only when some value is present; an empty value inside a list stays as null to keep positions.</summary>
    private static JsonObject Attribute(string vr, JsonNode?[] values)
    {
        var attribute = new JsonObject { ["vr"] = vr };
        if (values.Any(value => value is not null))
        {
            attribute["Value"] = new JsonArray(values);
        }
        return attribute;
    }

    private static JsonNode? Text(string value) => value.Length == 0 ? null : JsonValue.Create(value);

    /// <summary>DS and IS are JSON numbers; a value that is not a number is kept as its text rather than lost.</summary>
    private static JsonNode? NumberText(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }

    /// <summary>Same groups as <see cref="DicomJson.AddPersonName"/>: "Alphabetic=Ideographic=Phonetic".</summary>
    private static JsonNode? PersonName(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }
        var name = new JsonObject();
        string[] labels = ["Alphabetic", "Ideographic", "Phonetic"];
        var groups = value.Split('=');
        for (var index = 0; index < Math.Min(groups.Length, labels.Length); index++)
        {
            if (groups[index].Length > 0)
            {
                name[labels[index]] = groups[index];
            }
        }
        return name;
    }

    private static IEnumerable<JsonNode?> Tags(ReadOnlySpan<byte> bytes)
    {
        var tags = new List<JsonNode?>();
        for (var offset = 0; offset + 4 <= bytes.Length; offset += 4)
        {
            var tag = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[(offset + 2)..]));
            tags.Add(JsonValue.Create(DicomJson.Key(tag)));
        }
        return tags;
    }
}
