using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Tests;

/// <summary>A site atlas and template from NIfTI files plus a label table (the AAL3-on-MNI152 route), checked on the built-in pair written out.</summary>
public sealed class SiteAtlasTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ampacds-atlas-").FullName;

    [Fact]
    public void TheBuiltInAtlasWrittenAsNiftiAndATableLoadsBackIdentically()
    {
        var builtIn = QuantificationReference.BuiltIn(6);
        var labels = Path.Combine(_folder, "atlas.nii.gz");
        var table = Path.Combine(_folder, "atlas.txt");
        var template = Path.Combine(_folder, "template.nii");
        File.WriteAllBytes(labels, NiftiWriter.EncodeLabels(builtIn.Atlas.Geometry, builtIn.Atlas.Labels, gzip: true));
        File.WriteAllLines(table, ["# label name code", .. builtIn.Atlas.Regions.Select(region => $"{region.Label} {region.Name} {2000 + region.Label}")]);
        NiftiWriter.Write(builtIn.Template, template);

        var site = QuantificationReference.FromFiles(labels, table, template, "site-test-1");

        Assert.Equal("site-test-1", site.Atlas.Version);
        Assert.Equal(builtIn.Atlas.Regions, site.Atlas.Regions);
        Assert.Equal(builtIn.Atlas.Labels, site.Atlas.Labels);
        Assert.True(site.Atlas.Geometry.SameGridAs(builtIn.Atlas.Geometry, 1e-4));
        Assert.Equal(builtIn.Template.Data, site.Template.Data);
    }

    [Fact]
    public void ALabelImageWithAnUnlistedLabelOrABadTableIsRefusedWithTheReason()
    {
        var builtIn = QuantificationReference.BuiltIn(6);
        var labels = Path.Combine(_folder, "atlas.nii");
        var table = Path.Combine(_folder, "atlas.txt");
        var template = Path.Combine(_folder, "template.nii");
        File.WriteAllBytes(labels, NiftiWriter.EncodeLabels(builtIn.Atlas.Geometry, builtIn.Atlas.Labels, gzip: false));
        NiftiWriter.Write(builtIn.Template, template);

        File.WriteAllLines(table, ["1 frontal_cortex", "2 parietal_cortex"]);
        var unlisted = Assert.Throws<QuantificationException>(() => QuantificationReference.FromFiles(labels, table, template, "v"));
        Assert.Contains("not 0 or a listed region label", unlisted.Message, StringComparison.Ordinal);

        File.WriteAllLines(table, ["1 frontal_cortex", "1 parietal_cortex"]);
        var repeated = Assert.Throws<QuantificationException>(() => QuantificationReference.FromFiles(labels, table, template, "v"));
        Assert.Contains("line 2", repeated.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
