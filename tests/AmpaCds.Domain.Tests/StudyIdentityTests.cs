using AmpaCds.Domain.Studies;

namespace AmpaCds.Domain.Tests;

/// <summary>Study and series identities accept only DICOM UIDs (PS3.5 9.1).</summary>
public sealed class StudyIdentityTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("0")]
    [InlineData("1.0.3")]
    [InlineData("2.25.329800735698586629295641978511506172918")]
    public void Valid_uids_are_kept_as_given(string uid)
    {
        Assert.Equal(uid, new StudyIdentity(uid).StudyInstanceUid);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1.2.03", "leading zero")]
    [InlineData("1..2", "empty component")]
    [InlineData("1.2.", "empty component")]
    [InlineData("1.2.a", "not all digits")]
    [InlineData("1.2 ", "not all digits")]
    public void Invalid_uids_are_refused_with_the_reason(string uid, string reason)
    {
        var error = Assert.Throws<InvalidDicomUidException>(() => new StudyIdentity(uid));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(StudyIdentity.StudyInstanceUid), error.Attribute);
        Assert.Equal(uid, error.Value);
        Assert.IsAssignableFrom<AmpaCdsException>(error);
    }

    [Fact]
    public void Sixty_four_characters_is_the_limit()
    {
        var longest = "1." + new string('1', 62);

        Assert.Equal(64, new StudyIdentity(longest).StudyInstanceUid.Length);
        Assert.Throws<InvalidDicomUidException>(() => new StudyIdentity(longest + "1"));
    }

    [Fact]
    public void A_series_checks_both_uids_and_names_the_bad_one()
    {
        var series = new SeriesIdentity("1.2.3", "1.2.3.4");

        var error = Assert.Throws<InvalidDicomUidException>(() => new SeriesIdentity("1.2.3", "1.2.03"));

        Assert.Equal("1.2.3", series.Study.StudyInstanceUid);
        Assert.Equal("1.2.3.4", series.SeriesInstanceUid);
        Assert.Equal(nameof(SeriesIdentity.SeriesInstanceUid), error.Attribute);
        Assert.Throws<InvalidDicomUidException>(() => new SeriesIdentity("x", "1.2.3.4"));
    }

    [Fact]
    public void Identities_with_the_same_uids_are_equal()
    {
        Assert.Equal(new SeriesIdentity("1.2.3", "1.2.3.4"), new SeriesIdentity("1.2.3", "1.2.3.4"));
        Assert.NotEqual(new SeriesIdentity("1.2.3", "1.2.3.4"), new SeriesIdentity("1.2.3", "1.2.3.5"));
    }
}
