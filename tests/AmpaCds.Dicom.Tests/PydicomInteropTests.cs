namespace AmpaCds.Dicom.Tests;

public class PydicomInteropTests
{
    private const string Script = """
import sys
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.128'
meta.MediaStorageSOPInstanceUID = '1.2.3.4.5.6'
meta.TransferSyntaxUID = ImplicitVRLittleEndian if sys.argv[2] == 'implicit' else ExplicitVRLittleEndian
ds = Dataset()
ds.file_meta = meta
ds.is_little_endian = True
ds.is_implicit_VR = sys.argv[2] == 'implicit'
ds.SpecificCharacterSet = sys.argv[3]
ds.SOPClassUID = meta.MediaStorageSOPClassUID
ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
ds.Modality = 'PT'
ds.PatientName = 'Gonçalves^Zoë'
ds.PatientWeight = '81.25'
ds.Units = 'BQML'
ds.DecayCorrection = 'START'
ds.RescaleSlope = '2.5'
ds.RescaleIntercept = '0'
item = Dataset()
item.RadionuclideTotalDose = '185000000'
item.RadiopharmaceuticalStartDateTime = '20240131083000.00'
ds.RadiopharmaceuticalInformationSequence = Sequence([item])
ds.Rows = 4
ds.Columns = 3
ds.SamplesPerPixel = 1
ds.PhotometricInterpretation = 'MONOCHROME2'
ds.BitsAllocated = 16
ds.BitsStored = 16
ds.HighBit = 15
ds.PixelRepresentation = 1
ds.PixelData = np.arange(-6, 6, dtype='<i2').reshape(4, 3).tobytes()
ds.save_as(sys.argv[1], write_like_original=False)
""";

    [Theory]
    [InlineData("implicit", "ISO_IR 100")]
    [InlineData("explicit", "ISO_IR 192")]
    public void File_written_by_pydicom_reads_with_the_same_values(string vrMode, string charset)
    {
        using var dir = new TempDirectory();
        var script = dir.File("make.py");
        var path = dir.File("pydicom.dcm");
        File.WriteAllText(script, Script);
        var result = ExternalTool.Run("/usr/bin/python3", [script, path, vrMode, charset]);
        Assert.True(result.ExitCode == 0, "pydicom script failed (is python3-pydicom installed?): " + result.All);

        var ds = DicomFile.Open(path).Dataset;
        Assert.Equal("Gonçalves^Zoë", ds.GetString(DicomTags.PatientName));
        Assert.Equal(81.25, ds.GetDouble(DicomTags.PatientWeight));
        Assert.Equal("START", ds.GetString(DicomTags.DecayCorrection));
        Assert.Equal(2.5, ds.GetDouble(DicomTags.RescaleSlope));
        var item = Assert.Single(ds.GetSequence(DicomTags.RadiopharmaceuticalInformationSequence));
        Assert.Equal(185000000, item.GetDouble(DicomTags.RadionuclideTotalDose));
        Assert.Equal("20240131083000.00", item.GetString(DicomTags.RadiopharmaceuticalStartDateTime));
        Assert.Equal([-6f, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5], DicomPixelData.GetFrame(ds, 0));
    }
}
